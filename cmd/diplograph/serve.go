package main

import (
	"context"
	"errors"
	"fmt"

	"net"
	"net/http"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/loaders"
	"github.com/diplograph/diplograph/samples"
	"github.com/diplograph/diplograph/server"
)

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", "[flags]",
		`Serve the GraphQL API at /graphql and GraphiQL at /, with liveness at /healthz (200 while the
process serves) and readiness at /readyz (200 while the store answers, 503 with the reason
otherwise). With --store neo4j the API keeps serving while Neo4j is away and answers again,
without a restart, once it is back.
With --demo, first load the bundled sample articles (the founding seed article and the
synthetic samples) into the store; loading is idempotent, so --demo can be given every time.`)
	var sf storeFlags
	sf.register(fs, e)
	addr := fs.String("addr", envOr(e, "DIPLOGRAPH_ADDR", "127.0.0.1:8080"), "listen address (env DIPLOGRAPH_ADDR)")
	demo := fs.Bool("demo", false, "load the bundled sample articles before serving")
	if done, err := parseFlags(fs, args); done {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return errUsageShown
	}
	st, err := sf.open(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	if *demo {
		if err := loadSamples(ctx, e, st); err != nil {
			return err
		}
	}
	// A load that was killed may have left event reports waiting to be
	// grouped; served as they are, their events would be missing.
	if g, ok := st.(diplograph.DeferredGrouper); ok {
		start := time.Now()
		n, err := g.GroupPending(ctx, nil)
		if err != nil {
			return err
		}
		if n > 0 {
			e.log.Info("grouped the event reports an interrupted load left", "reports", n, "took", time.Since(start).Round(time.Millisecond))
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := &http.Server{
		Handler:           server.New(st, e.log, server.Options{}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	e.log.Info("serving", "graphiql", "http://"+ln.Addr().String()+"/", "graphql", "http://"+ln.Addr().String()+"/graphql", "store", sf.String())
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	e.log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func envOr(e *env, key, def string) string {
	if v := e.getenv(key); v != "" {
		return v
	}
	return def
}

// loadSamples loads the bundled samples, each file with its own
// publication date.
func loadSamples(ctx context.Context, e *env, st diplograph.Store) error {
	x, err := newExtractor()
	if err != nil {
		return err
	}
	start := time.Now()
	var total loaders.Summary
	for _, f := range samples.Files() {
		recs := samples.Read(ctx, f, loaders.Options{Logger: e.log})
		sum, err := loaders.Load(ctx, recs, x, st, loaders.LoadOptions{Logger: e.log})
		if err != nil {
			return fmt.Errorf("load samples %s: %w", f.Name, err)
		}
		if sum.Rejected > 0 {
			return fmt.Errorf("samples %s: %d record(s) rejected: %v", f.Name, sum.Rejected, sum.Errors)
		}
		total.Read += sum.Read
		total.Loaded += sum.Loaded
		total.Skipped += sum.Skipped
		total.Entities += sum.Entities
		total.Relations += sum.Relations
		total.Events += sum.Events
	}
	e.log.Info("samples loaded", "articles", total.Read, "new", total.Loaded, "already loaded", total.Skipped,
		"entities", total.Entities, "relations", total.Relations, "events", total.Events, "took", time.Since(start).Round(time.Millisecond))
	return nil
}
