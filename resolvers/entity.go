package resolvers

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/resolvers/gqlmodel"
)

// The fields every entity kind resolves alike; the generated per-kind
// resolvers only call these.

// entityEvidence returns the sentences that mention an entity.
func (r *Resolver) entityEvidence(ctx context.Context, id string) ([]diplograph.Evidence, error) {
	return r.loaders(ctx).evidence[diplograph.EntityFact].Load(ctx, id)
}

// entityRelations lists the relations with an entity at the end dir says.
func (r *Resolver) entityRelations(ctx context.Context, id string, types []diplograph.RelationType, dir *model.RelationDirection, first *int, after *string) (*model.RelationConnection, error) {
	f := diplograph.RelationFilter{Types: types}
	switch {
	case dir == nil || *dir == model.RelationDirectionBoth:
		f.Entity = id
	case *dir == model.RelationDirectionOutgoing:
		f.Subject = id
	case *dir == model.RelationDirectionIncoming:
		f.Object = id
	default:
		return nil, diplograph.Errorf(diplograph.EINVALID, "unknown direction %q", *dir)
	}
	return r.listRelations(ctx, f, first, after)
}

// entityEvents lists the events an entity takes part in, narrowed by
// filter.
func (r *Resolver) entityEvents(ctx context.Context, id string, filter *diplograph.EventFilter, first *int, after *string) (*model.EventConnection, error) {
	var f diplograph.EventFilter
	if filter != nil {
		f = *filter
	}
	f.Participants = append([]string{id}, f.Participants...)
	return r.listEvents(ctx, f, first, after)
}

// relatedSubjects returns the subjects of the relations of type t that
// point at object (at most one page's worth), such as a territory's
// claimants.
func (r *Resolver) relatedSubjects(ctx context.Context, t diplograph.RelationType, object string) ([]gqlmodel.Entity, error) {
	c, err := r.store.Relations(ctx,
		diplograph.RelationFilter{Types: []diplograph.RelationType{t}, Object: object},
		diplograph.Page{First: diplograph.MaxPageSize})
	if err != nil {
		return nil, fmt.Errorf("%s of %s: %w", t, object, err)
	}
	ids := make([]string, len(c.Edges))
	for i, e := range c.Edges {
		ids[i] = e.Node.Subject
	}
	return r.loaders(ctx).entityList(ctx, ids)
}

// articlesOf returns the distinct articles of a piece of evidence, in the
// order they first appear.
func (r *Resolver) articlesOf(ctx context.Context, evidence []diplograph.Evidence) ([]diplograph.Article, error) {
	seen := make(map[string]bool)
	var ids []string
	for _, ev := range evidence {
		if ev.Article != "" && !seen[ev.Article] {
			seen[ev.Article] = true
			ids = append(ids, ev.Article)
		}
	}
	articles, err := r.loaders(ctx).articles.LoadAll(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("articles of evidence: %w", err)
	}
	return articles, nil
}
