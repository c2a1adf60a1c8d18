package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/diplograph/diplograph"
)

func runCopy(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "copy", "--from embedded|neo4j --to embedded|neo4j [flags]",
		`Copy every article, with its comments and the facts extracted from it, from one store into
another, without extracting anything again: each article goes over as the extraction that
was saved, and the destination merges the facts as it does on a load. Copying is
idempotent: an article whose content the destination holds already is skipped, so an
interrupted copy can simply be run again. Articles go over in batches of 100, and the
destination groups their event reports into events once, at the end of the copy.

The embedded end is the file of --db; when both ends are embedded, --to-db names the
destination. The Neo4j end is --neo4j-uri and the NEO4J_* variables.

Example: diplograph copy --from embedded --db diplograph.db --to neo4j --neo4j-uri neo4j+s://xxxx.databases.neo4j.io`)
	from := fs.String("from", "", "store to copy from: embedded or neo4j")
	to := fs.String("to", "", "store to copy into: embedded or neo4j")
	var ends storeFlags
	ends.registerEnds(fs, e)
	toDB := fs.String("to-db", "", "destination file when both stores are embedded")
	if done, err := parseFlags(fs, args); done {
		return err
	}
	if fs.NArg() != 0 || *from == "" || *to == "" {
		fs.Usage()
		return errUsageShown
	}
	src, dst := ends, ends
	src.kind, dst.kind = *from, *to
	if err := src.check(e); err != nil {
		return err
	}
	if err := dst.check(e); err != nil {
		return err
	}
	switch {
	case *from == storeNeo4j && *to == storeNeo4j:
		return badUsage(e, "copy from Neo4j to Neo4j is not supported: use neo4j-admin database dump and load, or copy through an embedded file")
	case *from == storeEmbedded && *to == storeEmbedded:
		if *toDB == "" {
			return badUsage(e, "both stores are embedded: name the destination file with --to-db")
		}
		a, _ := filepath.Abs(src.db)
		b, _ := filepath.Abs(*toDB)
		if a == b {
			return badUsage(e, "--db and --to-db are the same file %s", a)
		}
		dst.db = *toDB
	}

	in, err := src.open(ctx, e)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := dst.open(ctx, e)
	if err != nil {
		return err
	}
	defer out.Close()

	start := time.Now()
	last := start
	sum, err := copyStore(ctx, in, out, func(s copySummary) {
		if now := time.Now(); now.Sub(last) >= 5*time.Second {
			last = now
			e.log.Info("copying", "read", s.Read, "new", s.New, "replaced", s.Replaced, "skipped", s.Skipped, "rejected", s.Rejected,
				"rate", fmt.Sprintf("%.0f/s", float64(s.Read)/now.Sub(start).Seconds()))
		}
	})
	sum.print(e.stdout, src.String(), dst.String(), time.Since(start))
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	if sum.Rejected > 0 {
		return fmt.Errorf("%d article(s): %w", sum.Rejected, errRejected)
	}
	return nil
}

// copySummary counts what a copy did.
type copySummary struct {
	Read, New, Replaced, Skipped, Rejected int
	Entities, Relations, Events            int
	Errors                                 []error // the first rejections
}

// copyBatch is how many articles a copy saves per transaction, where the
// destination saves batches.
const copyBatch = 100

// copyStore saves every extraction from exports into to, in the order the
// export gives them: in batches of copyBatch when the destination saves
// batches, with the events grouped once at the end when it can defer
// grouping (as a bulk load does). An article the destination refuses as
// invalid is counted and reported, and the copy goes on; any other error
// stops it.
func copyStore(ctx context.Context, from diplograph.Exporter, to diplograph.Store, progress func(copySummary)) (copySummary, error) {
	var s copySummary
	// save saves a batch; a destination without batches gets one by one.
	save := func(ctx context.Context, xs []*diplograph.Extraction) ([]diplograph.BatchResult, error) {
		return diplograph.SaveEach(ctx, to, xs)
	}
	batch := 1
	grouper, deferred := to.(diplograph.DeferredGrouper)
	switch bs := to.(type) {
	case diplograph.DeferredGrouper:
		save, batch = bs.SaveBatchUngrouped, copyBatch
	case diplograph.BatchSaver:
		save, batch = bs.SaveBatch, copyBatch
	}
	var pend []*diplograph.Extraction
	flush := func() error {
		if len(pend) == 0 {
			return nil
		}
		results, err := save(ctx, pend)
		if err != nil {
			return err
		}
		for i, res := range results {
			s.count(pend[i], res)
		}
		pend = pend[:0]
		if progress != nil {
			progress(s)
		}
		return nil
	}
	for x, err := range from.Export(ctx) {
		if err != nil {
			return s, err
		}
		s.Read++
		if pend = append(pend, x); len(pend) >= batch {
			if err := flush(); err != nil {
				return s, err
			}
		}
	}
	if err := flush(); err != nil {
		return s, err
	}
	if deferred {
		if _, err := grouper.GroupPending(ctx, nil); err != nil {
			return s, fmt.Errorf("grouping event reports: %w", err)
		}
	}
	return s, nil
}

// count adds what saving x did to the summary.
func (s *copySummary) count(x *diplograph.Extraction, res diplograph.BatchResult) {
	switch {
	case res.Err != nil:
		s.Rejected++
		if len(s.Errors) < 10 {
			s.Errors = append(s.Errors, fmt.Errorf("article %s: %w", x.Article.ID, res.Err))
		}
	case res.Unchanged:
		s.Skipped++
	default:
		if res.Replaced {
			s.Replaced++
		} else {
			s.New++
		}
		s.Entities += res.Entities
		s.Relations += res.Relations
		s.Events += res.Events
	}
}

func (s copySummary) print(w io.Writer, from, to string, took time.Duration) {
	rate := 0.0
	if took > 0 {
		rate = float64(s.Read) / took.Seconds()
	}
	fmt.Fprintf(w, "copied %s to %s\n", from, to)
	fmt.Fprintf(w, "read %d articles: %d new, %d replaced, %d skipped already there, %d rejected\n",
		s.Read, s.New, s.Replaced, s.Skipped, s.Rejected)
	fmt.Fprintf(w, "wrote %d entities, %d relations, %d events in %s (%.1f articles/s)\n",
		s.Entities, s.Relations, s.Events, took.Round(time.Millisecond), rate)
	for _, err := range s.Errors {
		fmt.Fprintln(w, "rejected:", err)
	}
	if s.Rejected > len(s.Errors) {
		fmt.Fprintf(w, "... and %d more rejected\n", s.Rejected-len(s.Errors))
	}
}
