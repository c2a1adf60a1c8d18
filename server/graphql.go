package server

import (
	"log/slog"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/diplograph/diplograph/resolvers"
)

// newGraphQLHandler puts gqlgen's handler together piece by piece, rather
// than with handler.NewDefaultServer, so that nothing is on that was not
// chosen: no websockets, no multipart uploads.
func newGraphQLHandler(store Store, logger *slog.Logger, opts Options) *handler.Server {
	srv := handler.New(resolvers.NewExecutableSchema(store))

	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})

	srv.SetQueryCache(lru.New[*ast.QueryDocument](opts.QueryCacheSize))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](opts.PersistedQueryCacheSize)})
	srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))

	srv.SetErrorPresenter(resolvers.ErrorPresenter(logger))
	srv.SetRecoverFunc(resolvers.Recover)
	return srv
}
