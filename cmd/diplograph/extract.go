package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/diplograph/diplograph/loaders"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "extract", "[flags] FILE|-",
		`Extract entities, relations, events and comment stances from articles and print them
as JSON (the extract contract in docs/extract.md), one document per article. Nothing is
stored. FILE may be a .txt article with its comments, a .jsonl/.json/.csv file (gzipped
or not) or a folder; "-" reads standard input (its format guessed unless --format says).`)
	var in inputFlags
	in.register(fs)
	in.registerFields(fs)
	compact := fs.Bool("compact", false, "print one JSON document per line instead of indented")
	if done, err := parseFlags(fs, args); done {
		return err
	}
	if fs.NArg() != 1 {
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
	enc := json.NewEncoder(e.stdout)
	if !*compact {
		enc.SetIndent("", "  ")
	}
	rejected := 0
	for rec := range loaders.Read(ctx, fs.Arg(0), opts) {
		if rec.Err != nil {
			fmt.Fprintln(e.stderr, "rejected:", rec.Err)
			rejected++
			continue
		}
		for _, w := range rec.Warnings {
			fmt.Fprintln(e.stderr, "warning:", w)
		}
		out, err := x.Extract(ctx, &rec.Article)
		if err != nil {
			fmt.Fprintf(e.stderr, "rejected: %s: %v\n", rec.Pos, err)
			rejected++
			continue
		}
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if rejected > 0 {
		return fmt.Errorf("%d record(s): %w", rejected, errRejected)
	}
	return nil
}
