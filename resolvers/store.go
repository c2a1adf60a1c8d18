package resolvers

import (
	"context"

	"github.com/diplograph/diplograph"
)

// Store is the part of diplograph.Store the API reads. Every
// diplograph.Store satisfies it; tests may pass anything smaller.
type Store interface {
	Article(ctx context.Context, id string) (diplograph.Article, error)
	Articles(ctx context.Context, p diplograph.Page) (diplograph.Connection[diplograph.Article], error)
	Comments(ctx context.Context, articleID string) ([]diplograph.Comment, error)

	Entity(ctx context.Context, id string) (diplograph.Entity, error)
	EntitiesByID(ctx context.Context, ids []string) ([]diplograph.Entity, error)
	Entities(ctx context.Context, f diplograph.EntityFilter, p diplograph.Page) (diplograph.Connection[diplograph.Entity], error)

	Relation(ctx context.Context, id string) (diplograph.Relation, error)
	Relations(ctx context.Context, f diplograph.RelationFilter, p diplograph.Page) (diplograph.Connection[diplograph.Relation], error)

	Event(ctx context.Context, id string) (diplograph.Event, error)
	Events(ctx context.Context, f diplograph.EventFilter, p diplograph.Page) (diplograph.Connection[diplograph.Event], error)

	Evidence(ctx context.Context, kind diplograph.FactKind, ids []string) (map[string][]diplograph.Evidence, error)

	Stats(ctx context.Context) (diplograph.Stats, error)
}

var _ Store = diplograph.Store(nil)
