package resolvers

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/resolvers/gqlmodel"
)

// pageRequest is what a connection field's first and after arguments ask.
type pageRequest struct {
	page diplograph.Page
	// countOnly is set by first: 0: the client wants totalCount and no
	// edges, which the store cannot be asked for directly (0 means its
	// default page size).
	countOnly bool
}

// newPageRequest checks first and after. A negative first is the client's
// mistake; one above diplograph.MaxPageSize is capped by the store.
func newPageRequest(first *int, after *string) (pageRequest, error) {
	var pr pageRequest
	if after != nil {
		pr.page.After = *after
	}
	if first == nil {
		return pr, nil
	}
	switch {
	case *first < 0:
		return pr, diplograph.Errorf(diplograph.EINVALID, "first must not be negative, got %d", *first)
	case *first == 0:
		pr.countOnly = true
		pr.page.First = 1
	default:
		pr.page.First = *first
	}
	return pr, nil
}

// pageInfo returns the page info of c, as the edges show it.
func pageInfo[T any](c diplograph.Connection[T], pr pageRequest) model.PageInfo {
	info := model.PageInfo{HasNextPage: c.HasNextPage, HasPreviousPage: c.HasPreviousPage}
	if pr.countOnly {
		// The one item fetched is not shown, so it is still to come.
		info.HasNextPage = c.HasNextPage || len(c.Edges) > 0
		return info
	}
	if n := len(c.Edges); n > 0 {
		info.StartCursor = &c.Edges[0].Cursor
		info.EndCursor = &c.Edges[n-1].Cursor
	}
	return info
}

// edges maps the edges of c with edge, none when only the count was asked.
func edges[T, E any](c diplograph.Connection[T], pr pageRequest, edge func(cursor string, node T) E) []E {
	if pr.countOnly {
		return []E{}
	}
	out := make([]E, len(c.Edges))
	for i, e := range c.Edges {
		out[i] = edge(e.Cursor, e.Node)
	}
	return out
}

// listEntities answers an entity connection field.
func (r *Resolver) listEntities(ctx context.Context, f diplograph.EntityFilter, first *int, after *string) (*model.EntityConnection, error) {
	pr, err := newPageRequest(first, after)
	if err != nil {
		return nil, err
	}
	c, err := r.store.Entities(ctx, f, pr.page)
	if err != nil {
		return nil, fmt.Errorf("list entities: %w", err)
	}
	return &model.EntityConnection{
		Edges: edges(c, pr, func(cursor string, e diplograph.Entity) model.EntityEdge {
			return model.EntityEdge{Cursor: cursor, Node: gqlmodel.NewEntity(e)}
		}),
		PageInfo:   pageInfo(c, pr),
		TotalCount: c.TotalCount,
	}, nil
}

// listEvents answers an event connection field.
func (r *Resolver) listEvents(ctx context.Context, f diplograph.EventFilter, first *int, after *string) (*model.EventConnection, error) {
	pr, err := newPageRequest(first, after)
	if err != nil {
		return nil, err
	}
	c, err := r.store.Events(ctx, f, pr.page)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return &model.EventConnection{
		Edges: edges(c, pr, func(cursor string, e diplograph.Event) model.EventEdge {
			return model.EventEdge{Cursor: cursor, Node: e}
		}),
		PageInfo:   pageInfo(c, pr),
		TotalCount: c.TotalCount,
	}, nil
}

// listRelations answers a relation connection field.
func (r *Resolver) listRelations(ctx context.Context, f diplograph.RelationFilter, first *int, after *string) (*model.RelationConnection, error) {
	pr, err := newPageRequest(first, after)
	if err != nil {
		return nil, err
	}
	c, err := r.store.Relations(ctx, f, pr.page)
	if err != nil {
		return nil, fmt.Errorf("list relations: %w", err)
	}
	return &model.RelationConnection{
		Edges: edges(c, pr, func(cursor string, rel diplograph.Relation) model.RelationEdge {
			return model.RelationEdge{Cursor: cursor, Node: rel}
		}),
		PageInfo:   pageInfo(c, pr),
		TotalCount: c.TotalCount,
	}, nil
}

// listArticles answers an article connection field.
func (r *Resolver) listArticles(ctx context.Context, first *int, after *string) (*model.ArticleConnection, error) {
	pr, err := newPageRequest(first, after)
	if err != nil {
		return nil, err
	}
	c, err := r.store.Articles(ctx, pr.page)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return &model.ArticleConnection{
		Edges: edges(c, pr, func(cursor string, a diplograph.Article) model.ArticleEdge {
			return model.ArticleEdge{Cursor: cursor, Node: a}
		}),
		PageInfo:   pageInfo(c, pr),
		TotalCount: c.TotalCount,
	}, nil
}
