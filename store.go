package diplograph

import (
	"context"
	"fmt"
	"iter"
)

// MaxPageSize caps every list a Store returns in one call.
const MaxPageSize = 100

// DefaultPageSize is the page size when a caller asks for none.
const DefaultPageSize = 20

// Page asks for one page of a list: up to First items after the opaque
// cursor After ("" for the first page).
type Page struct {
	First int
	After string
}

// Limit returns the page size to use: First clamped to [1, MaxPageSize],
// DefaultPageSize when First is 0.
func (p Page) Limit() int {
	switch {
	case p.First <= 0:
		return DefaultPageSize
	case p.First > MaxPageSize:
		return MaxPageSize
	}
	return p.First
}

// Edge is one item of a Connection with the cursor that points just past it.
type Edge[T any] struct {
	Cursor string
	Node   T
}

// Connection is one page of a list, Relay style.
type Connection[T any] struct {
	Edges       []Edge[T]
	TotalCount  int  // items matching the filter, across all pages
	HasNextPage bool // whether a page follows this one
	// HasPreviousPage is true when the page was asked for with a cursor.
	HasPreviousPage bool
}

// EntityFilter selects entities. Empty fields do not filter.
type EntityFilter struct {
	// Query matches names and aliases, word by word, prefix of the last
	// word included ("Diao" finds Diaoyu). Results are ranked: exact name or
	// alias first, then by how many articles mention the entity.
	Query   string
	Types   []EntityType
	Article string // only entities mentioned in this article
}

// RelationFilter selects relations. Empty fields do not filter.
type RelationFilter struct {
	Types   []RelationType
	Subject string
	Object  string
	Entity  string // either end
	Article string // only relations this article supports
}

// EventFilter selects events. Empty fields do not filter. From and To are
// ISO dates; an event matches when its span overlaps [From, To].
type EventFilter struct {
	Types        []EventType
	Statuses     []EventStatus
	Participants []string // events with every one of these entities as participants
	Location     string
	From, To     string
	Article      string // only events this article supports
}

// FactKind names what a piece of evidence supports.
type FactKind string

// The kinds of fact that carry evidence.
const (
	EntityFact   FactKind = "entity"
	RelationFact FactKind = "relation"
	EventFact    FactKind = "event"
)

// SaveResult says what saving one extraction did.
type SaveResult struct {
	ArticleID string
	// Unchanged is true when an article with the same content hash was
	// already stored: nothing was written.
	Unchanged bool
	// Replaced is true when an article with the same id but other content
	// was stored: its facts were retracted before the new ones were written.
	Replaced                    bool
	Entities, Relations, Events int
}

// Stats counts what a store holds.
type Stats struct {
	Articles, Comments, Entities, Relations, Events int
}

// Store keeps extractions and answers questions about them. Every backend
// (embedded and Neo4j) passes the same conformance suite, store/storetest.
//
// Facts are kept with the articles that support them: an entity, relation
// or event exists while at least one stored article supports it, and its
// evidence and corroboration come from those articles only. Ids are
// deterministic, so two articles naming the same fact support one fact.
//
// Methods are safe for concurrent use. Read methods return an *Error with
// code ENOTFOUND for a missing id and EINVALID for a bad cursor or filter.
type Store interface {
	// Save writes an article and all its facts in one transaction: either
	// everything is stored or nothing is. Saving an article whose content
	// hash is stored already writes nothing and reports Unchanged. Saving an
	// article with a stored id and different content replaces it.
	Save(ctx context.Context, x *Extraction) (SaveResult, error)
	// DeleteArticle removes an article with its comments and retracts the
	// facts that only it supported; facts other articles support stay,
	// with its evidence gone.
	DeleteArticle(ctx context.Context, id string) error
	// HasArticle reports whether an article with this content hash is stored.
	HasArticle(ctx context.Context, hash string) (bool, error)

	Article(ctx context.Context, id string) (Article, error)
	Articles(ctx context.Context, p Page) (Connection[Article], error)
	// Comments returns an article's comments in order.
	Comments(ctx context.Context, articleID string) ([]Comment, error)

	Entity(ctx context.Context, id string) (Entity, error)
	// EntitiesByID returns the entities that exist among ids, in the order
	// of ids; unknown ids are left out. It serves the API's batch loaders.
	EntitiesByID(ctx context.Context, ids []string) ([]Entity, error)
	Entities(ctx context.Context, f EntityFilter, p Page) (Connection[Entity], error)

	Relation(ctx context.Context, id string) (Relation, error)
	Relations(ctx context.Context, f RelationFilter, p Page) (Connection[Relation], error)

	Event(ctx context.Context, id string) (Event, error)
	// Events lists events ordered by start date (undated last), then id.
	Events(ctx context.Context, f EventFilter, p Page) (Connection[Event], error)

	// Evidence returns, for each id of the given kind, the sentences that
	// support it, ordered by article then position. Facts returned by the
	// other methods leave Evidence empty; callers ask here when they need it.
	Evidence(ctx context.Context, kind FactKind, ids []string) (map[string][]Evidence, error)

	Stats(ctx context.Context) (Stats, error)
	// Ping checks that the store can answer.
	Ping(ctx context.Context) error
	Close() error
}

// BatchSaver is a store that can save several articles in one
// transaction, which is what makes bulk loads fast: a commit costs as much
// as many small writes.
type BatchSaver interface {
	// SaveBatch saves xs in order, as consecutive Save calls would, in one
	// transaction. An article the store refuses (an *Error with code
	// EINVALID) is left out with its error in its BatchResult, and the
	// others are saved. Any other error rolls the whole batch back and is
	// returned; none of the batch is then stored.
	SaveBatch(ctx context.Context, xs []*Extraction) ([]BatchResult, error)
}

// DeferredGrouper is a BatchSaver that can leave the grouping of event
// reports across articles for later. Grouping a report means reading the
// reports of its key (type and actors) near its dates; a bulk load that
// groups once per many thousand articles reads each busy key's neighbourhoods
// once instead of with every batch, and makes the same events.
type DeferredGrouper interface {
	BatchSaver
	// SaveBatchUngrouped saves like SaveBatch, except that the articles'
	// event reports wait to be grouped: until GroupPending runs, queries
	// see the articles, their entities and relations, but not their events.
	// A Save or SaveBatch that touches a key groups its waiting reports too.
	SaveBatchUngrouped(ctx context.Context, xs []*Extraction) ([]BatchResult, error)
	// GroupPending groups every waiting event report into events, in
	// transactions of many keys each, and returns how many it grouped.
	// Reports stay waiting, never lost, when it fails or ctx ends: a later
	// call groups them. progress, when not nil, is called after each
	// transaction with the reports grouped so far and the total.
	GroupPending(ctx context.Context, progress func(done, total int)) (int, error)
}

// SaveEach saves xs one by one through s, for a store that cannot save
// batches, and reports them as SaveBatch does: an article the store refuses
// (EINVALID) gets its error in its BatchResult, and any other error stops
// the saves and is returned.
func SaveEach(ctx context.Context, s interface {
	Save(context.Context, *Extraction) (SaveResult, error)
}, xs []*Extraction) ([]BatchResult, error) {
	out := make([]BatchResult, len(xs))
	for i, x := range xs {
		res, err := s.Save(ctx, x)
		switch {
		case err == nil:
			out[i].SaveResult = res
		case ErrorCode(err) == EINVALID:
			out[i].Err = err
		default:
			return nil, fmt.Errorf("article %s: %w", x.Article.ID, err)
		}
	}
	return out, nil
}

// BatchResult is what SaveBatch did with one article: the SaveResult, or
// Err when the store refused the article.
type BatchResult struct {
	SaveResult
	Err error
}

// Exporter is a store that can give back what it keeps, for copying a graph
// from one store to another without extracting its articles again.
type Exporter interface {
	// Export yields every stored article as the extraction that was saved,
	// in article id order: the article with its text, hash and comments,
	// and each fact as that article stated it, with its evidence. Saving
	// the extractions into an empty store rebuilds the same graph, except
	// that among articles of the same publication date the one saved last
	// wins, and the copy saves them in id order. An error ends the
	// sequence.
	Export(ctx context.Context) iter.Seq2[*Extraction, error]
}
