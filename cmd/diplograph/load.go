package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/loaders"
)

func runLoad(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "load", "[flags] FILE|FOLDER|- ...",
		`Read articles, extract their facts and write them to the store. Loading is idempotent:
an article whose content is stored already is skipped, and an article with a known id but
new content replaces the old version and the facts only it supported.

Formats: .txt (one article, optionally followed by a "N Comments" section of alternating
author and comment lines), .jsonl, .json, .csv, .html/.htm, any of them gzipped, folders
of them (read recursively) and "-" for standard input. The --*-field flags map a corpus's
own field or column names, in JSON (dotted paths reach into nested objects) and CSV alike.

Bad records are reported with their file, line and a reason code, and the load goes on.
Exit status: 0 every record was loaded or already stored; 3 the load finished but some
records were rejected; 4 the load stopped at the --max-errors limit; 1 the load failed
(the store, an unreadable error report); 2 a bad command line.

Progress: a bar on a terminal, a log line every --log-every otherwise; --quiet shows none.
The summary at the end goes to standard output.`)
	var sf storeFlags
	sf.register(fs, e)
	var in inputFlags
	in.register(fs)
	in.registerFields(fs)
	workers := fs.Int("workers", 0, "articles extracted at once (default: the number of CPUs)")
	errorsPath := fs.String("errors", "", "write every rejected record to this JSONL `file`: {file, line, record, reason, message}")
	maxErrors := fs.Int("max-errors", 0, "stop the load once `N` records have been rejected (0: never stop)")
	maxRecord := fs.Int("max-record-bytes", loaders.DefaultMaxRecordBytes, "reject records larger than this many `bytes`")
	quiet := fs.Bool("quiet", false, "show no progress (the summary is still printed)")
	logEvery := fs.Duration("log-every", 10*time.Second, "interval between progress log lines when standard error is not a terminal")
	batch := fs.Int("batch-size", loaders.DefaultBatchSize, "articles written per store transaction")
	groupEvery := fs.Int("group-every", loaders.DefaultGroupEvery, "fewest articles saved between two groupings of their event reports into events, where the store defers them; a load also waits for the store to double (-1: group with every batch)")
	dryRun := fs.Bool("dry-run", false, "read and extract, write nothing (no store is opened): the extraction-only rate")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the load to this `file` (go tool pprof)")
	if done, err := parseFlags(fs, args); done {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsageShown
	}
	if *maxErrors < 0 || *maxRecord <= 0 || *logEvery <= 0 || *batch <= 0 || *groupEvery == 0 || *groupEvery < -1 {
		return badUsage(e, "--max-errors must be 0 or more, --max-record-bytes, --log-every and --batch-size more than 0, --group-every more than 0 or -1")
	}
	defer tuneGC(e)()
	opts, err := in.options(e)
	if err != nil {
		return err
	}
	opts.MaxRecordBytes = *maxRecord
	var bytesRead atomic.Int64
	opts.BytesRead = &bytesRead

	var report *errorReport
	if *errorsPath != "" {
		if report, err = createErrorReport(*errorsPath); err != nil {
			return err
		}
		defer report.close()
	}
	x, err := newExtractor()
	if err != nil {
		return err
	}
	var w loaders.Writer = discard{}
	if !*dryRun {
		st, err := sf.open(ctx, e)
		if err != nil {
			return err
		}
		defer st.Close()
		w = st
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}

	total, _ := loaders.InputSize(ctx, fs.Args(), opts)
	mode := chooseProgress(e, *quiet)
	pr := startProgress(ctx, e, mode, total, &bytesRead, *logEvery)
	opts.Logger = pr.log
	byReason := map[loaders.Reason]int{}
	lopts := loaders.LoadOptions{
		Workers:     *workers,
		BatchSize:   *batch,
		GroupEvery:  *groupEvery,
		MaxRejected: *maxErrors,
		Logger:      pr.log,
		Progress:    pr.update,
		OnReject: func(re *loaders.RecordError) error {
			reason := loaders.ReasonOf(re.Err)
			byReason[reason]++
			if report != nil {
				return report.write(re)
			}
			pr.log.Warn("record rejected", "pos", re.Pos.String(), "reason", string(reason), "err", re.Err.Error())
			return nil
		},
	}
	if report != nil {
		// The report holds every rejection; the summary lists a few.
		lopts.KeepErrors = 10
	}
	sum, err := loaders.Load(ctx, loaders.ReadAll(ctx, fs.Args(), opts), x, w, lopts)
	pr.finish(err == nil)
	took := time.Since(pr.start)
	if report != nil {
		if cerr := report.close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	printSummary(e.stdout, sum, took, byReason, *errorsPath)
	switch {
	case errors.Is(err, loaders.ErrTooManyRejected):
		return fmt.Errorf("load stopped at the --max-errors limit: %w", err)
	case err != nil:
		return fmt.Errorf("load: %w", err)
	case sum.Rejected > 0:
		return fmt.Errorf("%d record(s): %w", sum.Rejected, errRejected)
	}
	return nil
}

// discard is the Writer of a dry run: it holds nothing and keeps nothing,
// so that every article is extracted and counted as loaded.
type discard struct{}

func (discard) HasArticle(context.Context, string) (bool, error) { return false, nil }

func (discard) Save(_ context.Context, x *diplograph.Extraction) (diplograph.SaveResult, error) {
	return diplograph.SaveResult{ArticleID: x.Article.ID, Entities: len(x.Entities),
		Relations: len(x.Relations), Events: len(x.Events)}, nil
}

// startCPUProfile profiles the process into path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// errorReport is the --errors file.
type errorReport struct {
	f   *os.File
	buf *bufio.Writer
	rep *loaders.ErrorReport
}

func createErrorReport(path string) (*errorReport, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("error report: %w", err)
	}
	buf := bufio.NewWriter(f)
	return &errorReport{f: f, buf: buf, rep: loaders.NewErrorReport(buf)}, nil
}

func (r *errorReport) write(re *loaders.RecordError) error { return r.rep.Write(re) }

// close flushes and closes the report; closing twice is harmless.
func (r *errorReport) close() error {
	if r.f == nil {
		return nil
	}
	err := r.buf.Flush()
	if cerr := r.f.Close(); err == nil {
		err = cerr
	}
	r.f = nil
	if err != nil {
		return fmt.Errorf("error report: %w", err)
	}
	return nil
}

// printSummary says what a load did: the counts, what they wrote, how
// long it took, and why records were rejected.
func printSummary(w io.Writer, s loaders.Summary, took time.Duration, byReason map[loaders.Reason]int, reportPath string) {
	fmt.Fprintf(w, "read %d, loaded %d (replaced %d), skipped %d already loaded, rejected %d\n",
		s.Read, s.Loaded, s.Replaced, s.Skipped, s.Rejected)
	fmt.Fprintf(w, "wrote %d entities, %d relations, %d events in %s (%.1f articles/s)\n",
		s.Entities, s.Relations, s.Events, took.Round(time.Millisecond), rate(s.Read, took))
	if s.Rejected == 0 {
		return
	}
	var parts []string
	for _, r := range slices.Sorted(maps.Keys(byReason)) {
		parts = append(parts, fmt.Sprintf("%s %d", r, byReason[r]))
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "rejected by reason: %s\n", strings.Join(parts, ", "))
	}
	for _, err := range s.Errors {
		var re *loaders.RecordError
		if errors.As(err, &re) {
			fmt.Fprintf(w, "rejected: %s [%s]\n", re, loaders.ReasonOf(re.Err))
		} else {
			fmt.Fprintln(w, "rejected:", err)
		}
	}
	if s.Rejected > len(s.Errors) {
		fmt.Fprintf(w, "... and %d more rejected\n", s.Rejected-len(s.Errors))
	}
	if reportPath != "" {
		fmt.Fprintf(w, "every rejected record is in %s\n", reportPath)
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

// Load's collector settings, unless GOGC or GOMEMLIMIT say otherwise.
const (
	loadGCPercent   = 400
	loadMemoryLimit = 200 << 20
)

// tuneGC makes the collector run less often during a load, and returns
// what puts the settings back. A load allocates much and keeps little (a
// few batches of extractions): with the default GOGC of 100 the collector
// took 8% of a 50,000-article load's CPU. Collecting at five times the live
// heap, but before the Go heap reaches 200 MiB, loaded 7% faster in the same
// peak memory (the embedded store's page cache lies outside the Go heap).
// A heap that outgrows the limit is collected more often, never refused.
func tuneGC(e *env) (restore func()) {
	if e.getenv("GOGC") != "" || e.getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	pct := debug.SetGCPercent(loadGCPercent)
	limit := debug.SetMemoryLimit(loadMemoryLimit)
	return func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	}
}
