package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/diplograph/diplograph/gencorpus"
	"github.com/diplograph/diplograph/kb"
)

func runGenCorpus(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "gen-corpus", "[flags]",
		`Write a synthetic corpus of news articles about diplomacy, for benchmarks and load tests.
The same --articles and --seed give the same bytes on every machine; the corpus of N
articles is the start of any larger one with the same seed. Actors come from the built-in
knowledge base, a few of them far more often than the rest; lengths follow a log-normal
distribution around 650 words; dates spread over --from..--to. Every record carries
"synthetic": true. An --out name ending in .gz is gzipped.`)
	n := fs.Int("articles", 1000, "number of articles")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "-", "output `file`, or - for standard output")
	format := fs.String("format", "jsonl", "jsonl or csv")
	from := fs.String("from", gencorpus.DefaultFrom, "earliest publication date")
	to := fs.String("to", gencorpus.DefaultTo, "latest publication date")
	if done, err := parseFlags(fs, args); done {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return errUsageShown
	}
	f, err := gencorpus.ParseFormat(*format)
	if err != nil {
		return badUsage(e, "%v", err)
	}
	k, err := kb.Load()
	if err != nil {
		return fmt.Errorf("knowledge base: %w", err)
	}
	g, err := gencorpus.New(k, gencorpus.Options{Articles: *n, Seed: *seed, From: *from, To: *to})
	if err != nil {
		return badUsage(e, "%v", err)
	}
	var w io.Writer = e.stdout
	var closers []func() error
	if *out != "-" {
		fh, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer fh.Close()
		w = fh
		closers = append(closers, fh.Close)
		if strings.HasSuffix(*out, ".gz") {
			// No name or time in the header: the bytes depend on the
			// options only.
			zw := gzip.NewWriter(fh)
			w = zw
			closers = append([]func() error{zw.Close}, closers...)
		}
	}
	start := time.Now()
	written, err := gencorpus.Write(ctx, w, g, f)
	for _, c := range closers {
		if cerr := c(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return err
	}
	took := time.Since(start)
	e.log.Info("corpus written", "articles", written, "out", *out, "took", took.Round(time.Millisecond).String(),
		"rate", fmt.Sprintf("%.0f/s", rate(written, took)))
	return nil
}
