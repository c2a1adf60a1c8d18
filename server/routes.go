package server

import (
	"log/slog"
	"net/http"

	"github.com/99designs/gqlgen/graphql/playground"
)

// addRoutes is the one place that says which path serves what.
func addRoutes(mux *http.ServeMux, store Store, logger *slog.Logger, opts Options) {
	gql := newGraphQLHandler(store, logger, opts)
	mux.Handle("/graphql", limitRequests(opts, withLoaders(store, gql)))
	mux.Handle("GET /{$}", playground.Handler("Diplograph", "/graphql"))
	mux.Handle("GET /healthz", handleLive())
	mux.Handle("GET /readyz", handleReady(store, logger, opts))
}
