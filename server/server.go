// Package server serves the API over HTTP: GraphQL at /graphql, GraphiQL
// at /, and health at /healthz and /readyz. It owns the routes, the HTTP
// middleware (request logging, panic recovery, per-request loaders,
// request limits) and how gqlgen's handler is put together (transports,
// caches, complexity limit, error presenter). What a query means belongs
// to package resolvers; opening the store and listening belong to the
// command.
package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/diplograph/diplograph/resolvers"
)

// Store is what the server needs of a store: what the resolvers read, and
// a Ping for health checks. Every diplograph.Store is one.
type Store interface {
	resolvers.Store
	Ping(ctx context.Context) error
}

// Options tune the server; the zero value gives the defaults.
type Options struct {
	// ComplexityLimit caps the cost of one query, where a connection field
	// costs its selection once per item it may return. Default 5000.
	ComplexityLimit int
	// QueryCacheSize is how many parsed and validated queries are kept.
	// Default 1000.
	QueryCacheSize int
	// PersistedQueryCacheSize is how many automatic persisted queries are
	// kept. Default 1000.
	PersistedQueryCacheSize int
	// RequestTimeout bounds the time spent answering one GraphQL request.
	// Default 30s.
	RequestTimeout time.Duration
	// MaxBodyBytes caps the size of a GraphQL request body. Default 1 MiB.
	MaxBodyBytes int64
	// HealthTimeout bounds the store's Ping in a health check. Default 2s.
	HealthTimeout time.Duration
}

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() Options {
	if o.ComplexityLimit <= 0 {
		o.ComplexityLimit = 5000
	}
	if o.QueryCacheSize <= 0 {
		o.QueryCacheSize = 1000
	}
	if o.PersistedQueryCacheSize <= 0 {
		o.PersistedQueryCacheSize = 1000
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 30 * time.Second
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 1 << 20
	}
	if o.HealthTimeout <= 0 {
		o.HealthTimeout = 2 * time.Second
	}
	return o
}

// New returns the HTTP handler of the API, answering from store and
// logging to logger. It takes every dependency it has; nothing is global.
func New(store Store, logger *slog.Logger, opts Options) http.Handler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	opts = opts.withDefaults()
	mux := http.NewServeMux()
	addRoutes(mux, store, logger, opts)
	var h http.Handler = mux
	h = recoverPanics(logger, h)
	h = logRequests(logger, h)
	return h
}
