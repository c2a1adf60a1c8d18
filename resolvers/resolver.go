// Package resolvers answers GraphQL queries from a Store: it owns the
// resolver bodies behind schema.graphqls, the per-request batch loaders, the
// one place that maps domain error codes to GraphQL error codes, and the
// complexity of connection fields. It does not own HTTP (package server) nor
// the generated executor (package graph, never edited by hand).
package resolvers

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/diplograph/diplograph/graph"
)

//go:generate go run github.com/99designs/gqlgen generate

// Resolver is the root resolver: every field resolver reaches the store
// through it, and entities and evidence through the request's Loaders.
type Resolver struct {
	store Store
}

// NewExecutableSchema returns the executable schema of the API, answering
// from store. Serve it with gqlgen's handler, wrapped in middleware that
// installs a fresh Loaders per request (see WithLoaders).
func NewExecutableSchema(store Store) graphql.ExecutableSchema {
	es := graph.NewExecutableSchema(graph.Config{Resolvers: &Resolver{store: store}})
	return connectionComplexity{es}
}
