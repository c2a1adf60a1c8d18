package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/loaders"
)

func runLoad(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "load", "[flags] FILE|FOLDER|- ...",
		`Read articles, extract their facts and write them to the store. Loading is idempotent:
an article whose content is stored already is skipped, and an article with a known id but
new content replaces the old version and the facts only it supported. Bad records are
reported with their file and line, and the load goes on; the exit status is 3 when any
record was rejected.

Formats: .txt (one article, optionally followed by a "N Comments" section of alternating
author and comment lines), .jsonl, .json, .csv, any of them gzipped, and folders of them.`)
	var sf storeFlags
	sf.register(fs, e)
	var in inputFlags
	in.register(fs)
	workers := fs.Int("workers", 0, "articles extracted at once (default: the number of CPUs)")
	if done, err := parseFlags(fs, args); done {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsageShown
	}
	opts, err := in.options(e)
	if err != nil {
		return err
	}
	x, err := newExtractor()
	if err != nil {
		return err
	}
	st, err := sf.open(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	recs := loaders.ReadAll(ctx, fs.Args(), opts)
	start := time.Now()
	last := start
	sum, err := loaders.Load(ctx, recs, x, st, loaders.LoadOptions{
		Workers: *workers,
		Logger:  e.log,
		Progress: func(s loaders.Summary) {
			if now := time.Now(); now.Sub(last) >= 5*time.Second {
				last = now
				e.log.Info("loading", "read", s.Read, "loaded", s.Loaded, "skipped", s.Skipped, "rejected", s.Rejected,
					"rate", fmt.Sprintf("%.0f/s", float64(s.Read)/now.Sub(start).Seconds()))
			}
		},
	})
	printSummary(e.stdout, sum, time.Since(start))
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	if sum.Rejected > 0 {
		return fmt.Errorf("%d record(s): %w", sum.Rejected, errRejected)
	}
	return nil
}

func printSummary(w io.Writer, s loaders.Summary, took time.Duration) {
	rate := 0.0
	if took > 0 {
		rate = float64(s.Read) / took.Seconds()
	}
	fmt.Fprintf(w, "read %d, loaded %d (replaced %d), skipped %d already loaded, rejected %d\n",
		s.Read, s.Loaded, s.Replaced, s.Skipped, s.Rejected)
	fmt.Fprintf(w, "wrote %d entities, %d relations, %d events in %s (%.1f articles/s)\n",
		s.Entities, s.Relations, s.Events, took.Round(time.Millisecond), rate)
	for _, err := range s.Errors {
		var re *loaders.RecordError
		if errors.As(err, &re) {
			fmt.Fprintln(w, "rejected:", re)
		} else {
			fmt.Fprintln(w, "rejected:", err)
		}
	}
	if s.Rejected > len(s.Errors) {
		fmt.Fprintf(w, "... and %d more rejected\n", s.Rejected-len(s.Errors))
	}
}

func runMigrate(ctx context.Context, e *env, args []string) error {
	return withStore(ctx, e, "migrate", args, `Create the store's schema, or upgrade it to this version's: the embedded store's tables,
or Neo4j's constraints and indexes (with --store neo4j). Safe to run any number of times;
the other commands migrate on their own when they open the store.`,
		func(_ diplograph.Store, sf *storeFlags) error {
			fmt.Fprintf(e.stdout, "%s is up to date\n", sf)
			return nil
		})
}

func runStats(ctx context.Context, e *env, args []string) error {
	return withStore(ctx, e, "stats", args, "Print how many articles, comments, entities, relations and events the store holds.",
		func(st diplograph.Store, _ *storeFlags) error {
			s, err := st.Stats(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "articles  %d\ncomments  %d\nentities  %d\nrelations %d\nevents    %d\n",
				s.Articles, s.Comments, s.Entities, s.Relations, s.Events)
			return nil
		})
}

// withStore runs a command that takes only store flags: it parses them,
// opens the store, runs fn and closes the store.
func withStore(ctx context.Context, e *env, name string, args []string, about string, fn func(diplograph.Store, *storeFlags) error) error {
	fs := newFlagSet(e, name, "[flags]", about)
	var sf storeFlags
	sf.register(fs, e)
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
	err = fn(st, &sf)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return err
}
