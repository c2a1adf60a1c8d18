// Package samples bundles the sample articles that `diplograph serve
// --demo` loads: the founding seed article (plain text with its reader
// comments) and synthetic articles written by the team, marked as such in
// their metadata. They double as the extractor's golden tests.
package samples

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"iter"
	"path"

	"github.com/diplograph/diplograph/loaders"
)

//go:embed *.txt *.jsonl
var files embed.FS

// File is one bundled file and the publication date to read it with when
// its articles carry none.
type File struct {
	Name      string
	Published string
}

// FS returns the bundled files.
func FS() fs.FS { return files }

// Files lists the bundled files in load order. The seed's publication
// date is not in its text, so it is given here.
func Files() []File {
	return []File{
		{Name: "ishiba-trump-summit.txt", Published: "2025-02-04"},
		{Name: "articles.jsonl"},
	}
}

// Read yields the records of one bundled file, read in the format its
// name gives and with its publication date; opts may add a logger. A file
// that cannot be opened yields one record with the error.
func Read(ctx context.Context, f File, opts loaders.Options) iter.Seq[loaders.Record] {
	return func(yield func(loaders.Record) bool) {
		fail := func(err error) {
			yield(loaders.Record{Pos: loaders.Position{File: f.Name}, Err: fmt.Errorf("samples %s: %w", f.Name, err)})
		}
		r, err := files.Open(f.Name)
		if err != nil {
			fail(err)
			return
		}
		defer r.Close()
		format, err := loaders.ParseFormat(path.Ext(f.Name)[1:])
		if err != nil {
			fail(err)
			return
		}
		opts.Stdin, opts.Format, opts.Published = r, format, f.Published
		for rec := range loaders.Read(ctx, "-", opts) {
			if !yield(rec) {
				return
			}
		}
	}
}
