package resolvers

import (
	"context"
	"fmt"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/resolvers/gqlmodel"
)

// Batching: a loader waits this long for more keys before it asks the
// store. Resolvers of one list run concurrently, so their keys arrive
// within microseconds of each other; the wait only has to cover that.
const (
	loaderWait     = 2 * time.Millisecond
	loaderCapacity = 5 * diplograph.MaxPageSize
)

// Loaders batch and cache, for one request, the lookups that every item of
// a page would otherwise make on its own: entities by id (participants,
// relation ends, locations), evidence by fact id, and articles and events
// by id. Make one per request (a cache outliving a request would serve
// stale facts) and install it with WithLoaders.
type Loaders struct {
	entities *dataloadgen.Loader[string, diplograph.Entity]
	events   *dataloadgen.Loader[string, diplograph.Event]
	articles *dataloadgen.Loader[string, diplograph.Article]
	evidence map[diplograph.FactKind]*dataloadgen.Loader[string, []diplograph.Evidence]
}

// NewLoaders returns empty loaders reading from s.
func NewLoaders(s Store) *Loaders {
	opts := []dataloadgen.Option{dataloadgen.WithWait(loaderWait), dataloadgen.WithBatchCapacity(loaderCapacity)}
	l := &Loaders{
		entities: dataloadgen.NewLoader(fetchBatch(s.EntitiesByID, func(e diplograph.Entity) string { return e.ID }, "entity"), opts...),
		events:   dataloadgen.NewLoader(fetchEach(s.Event), opts...),
		articles: dataloadgen.NewLoader(fetchEach(s.Article), opts...),
		evidence: make(map[diplograph.FactKind]*dataloadgen.Loader[string, []diplograph.Evidence]),
	}
	// A store that fetches many articles in one call (Neo4j, where each
	// call is a network round trip) gets one call per page.
	if b, ok := s.(articleBatcher); ok {
		l.articles = dataloadgen.NewLoader(fetchBatch(b.ArticlesByID, func(a diplograph.Article) string { return a.ID }, "article"), opts...)
	}
	for _, kind := range []diplograph.FactKind{diplograph.EntityFact, diplograph.RelationFact, diplograph.EventFact} {
		l.evidence[kind] = dataloadgen.NewLoader(fetchEvidence(s, kind), opts...)
	}
	return l
}

type loadersKey struct{}

// WithLoaders returns a context carrying l, for the resolvers of the
// request that ctx belongs to.
func WithLoaders(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loaders returns the request's loaders. Without them (a caller that skipped
// the middleware) answers stay right but every lookup goes to the store
// alone.
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		return l
	}
	return NewLoaders(r.store)
}

// articleBatcher is implemented by stores that fetch many articles at once.
type articleBatcher interface {
	ArticlesByID(ctx context.Context, ids []string) ([]diplograph.Article, error)
}

// fetchBatch fetches a batch of items in one store call. An id the store
// does not know is a not-found error for that key alone.
func fetchBatch[T any](get func(context.Context, []string) ([]T, error), idOf func(T) string, what string) func(context.Context, []string) ([]T, []error) {
	return func(ctx context.Context, ids []string) ([]T, []error) {
		found, err := get(ctx, ids)
		if err != nil {
			return nil, []error{fmt.Errorf("load %s batch: %w", what, err)}
		}
		byID := make(map[string]T, len(found))
		for _, v := range found {
			byID[idOf(v)] = v
		}
		out := make([]T, len(ids))
		errs := make([]error, len(ids))
		for i, id := range ids {
			v, ok := byID[id]
			if !ok {
				errs[i] = diplograph.Errorf(diplograph.ENOTFOUND, "no %s with id %q", what, id)
				continue
			}
			out[i] = v
		}
		return out, errs
	}
}

// fetchEach fetches a batch one key at a time, for the store methods that
// have no batch form; the loader still saves the repeated keys of a page.
func fetchEach[T any](get func(context.Context, string) (T, error)) func(context.Context, []string) ([]T, []error) {
	return func(ctx context.Context, ids []string) ([]T, []error) {
		out := make([]T, len(ids))
		errs := make([]error, len(ids))
		for i, id := range ids {
			out[i], errs[i] = get(ctx, id)
		}
		return out, errs
	}
}

// fetchEvidence fetches the evidence of a batch of facts of one kind in one
// store call. A fact without evidence gets an empty list, not an error.
func fetchEvidence(s Store, kind diplograph.FactKind) func(context.Context, []string) ([][]diplograph.Evidence, []error) {
	return func(ctx context.Context, ids []string) ([][]diplograph.Evidence, []error) {
		byID, err := s.Evidence(ctx, kind, ids)
		if err != nil {
			return nil, []error{fmt.Errorf("load %s evidence: %w", kind, err)}
		}
		out := make([][]diplograph.Evidence, len(ids))
		for i, id := range ids {
			out[i] = byID[id]
			if out[i] == nil {
				out[i] = []diplograph.Evidence{}
			}
		}
		return out, nil
	}
}

// entity loads one entity in its GraphQL form.
func (l *Loaders) entity(ctx context.Context, id string) (gqlmodel.Entity, error) {
	e, err := l.entities.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return gqlmodel.NewEntity(e), nil
}

// entityList loads entities in the order of ids, leaving out the ones the
// store does not know: a list of references is shown with what still
// exists rather than failing whole.
func (l *Loaders) entityList(ctx context.Context, ids []string) ([]gqlmodel.Entity, error) {
	thunks := make([]func() (diplograph.Entity, error), len(ids))
	for i, id := range ids {
		thunks[i] = l.entities.LoadThunk(ctx, id)
	}
	out := make([]gqlmodel.Entity, 0, len(ids))
	for _, thunk := range thunks {
		e, err := thunk()
		if diplograph.ErrorCode(err) == diplograph.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, gqlmodel.NewEntity(e))
	}
	return out, nil
}
