package resolvers

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/resolvers/gqlmodel"
)

// The prefixes of event and relation ids: the extractor derives both from
// a hash behind these prefixes, so node can tell them from entity ids.
const (
	eventPrefix    = "event:"
	relationPrefix = "rel:"
)

// node fetches any object by its global id: events and relations by
// prefix, comments by their /comments/ part, anything else as an entity
// and then as an article.
func (r *Resolver) node(ctx context.Context, id string) (gqlmodel.Node, error) {
	switch {
	case strings.HasPrefix(id, eventPrefix):
		e, err := r.store.Event(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("node %s: %w", id, err)
		}
		return &e, nil
	case strings.HasPrefix(id, relationPrefix):
		rel, err := r.store.Relation(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("node %s: %w", id, err)
		}
		return &rel, nil
	}
	if articleID, index, ok := parseCommentID(id); ok {
		c, err := r.comment(ctx, articleID, index)
		if err == nil {
			return c, nil
		}
		if diplograph.ErrorCode(err) != diplograph.ENOTFOUND {
			return nil, err
		}
		// An article id may itself contain /comments/: try it as one.
	}
	e, err := r.store.Entity(ctx, id)
	switch diplograph.ErrorCode(err) {
	case "":
		return gqlmodel.NewEntity(e), nil
	case diplograph.ENOTFOUND:
	default:
		return nil, fmt.Errorf("node %s: %w", id, err)
	}
	a, err := r.store.Article(ctx, id)
	switch diplograph.ErrorCode(err) {
	case "":
		return &a, nil
	case diplograph.ENOTFOUND:
		return nil, diplograph.Errorf(diplograph.ENOTFOUND, "no node with id %q", id)
	default:
		return nil, fmt.Errorf("node %s: %w", id, err)
	}
}

// parseCommentID splits a comment id, <articleID>/comments/<index>.
func parseCommentID(id string) (articleID string, index int, ok bool) {
	i := strings.LastIndex(id, gqlmodel.CommentSep)
	if i <= 0 {
		return "", 0, false
	}
	index, err := strconv.Atoi(id[i+len(gqlmodel.CommentSep):])
	if err != nil || index < 0 {
		return "", 0, false
	}
	return id[:i], index, true
}

// comment returns the comment at index under an article.
func (r *Resolver) comment(ctx context.Context, articleID string, index int) (*gqlmodel.Comment, error) {
	comments, err := r.store.Comments(ctx, articleID)
	if err != nil {
		return nil, fmt.Errorf("comments of %s: %w", articleID, err)
	}
	for _, c := range comments {
		if c.Index == index {
			return gqlmodel.NewComment(articleID, c), nil
		}
	}
	return nil, diplograph.Errorf(diplograph.ENOTFOUND, "no comment with id %q", gqlmodel.CommentID(articleID, index))
}

// targets returns the entities and events a comment is about, in order,
// leaving out any no longer stored.
func (r *Resolver) targets(ctx context.Context, ids []string) ([]gqlmodel.Node, error) {
	l := r.loaders(ctx)
	thunks := make([]func() (gqlmodel.Node, error), len(ids))
	for i, id := range ids {
		if strings.HasPrefix(id, eventPrefix) {
			load := l.events.LoadThunk(ctx, id)
			thunks[i] = func() (gqlmodel.Node, error) {
				e, err := load()
				return &e, err
			}
			continue
		}
		load := l.entities.LoadThunk(ctx, id)
		thunks[i] = func() (gqlmodel.Node, error) {
			e, err := load()
			return gqlmodel.NewEntity(e), err
		}
	}
	out := make([]gqlmodel.Node, 0, len(ids))
	for _, thunk := range thunks {
		n, err := thunk()
		if diplograph.ErrorCode(err) == diplograph.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("comment targets: %w", err)
		}
		out = append(out, n)
	}
	return out, nil
}
