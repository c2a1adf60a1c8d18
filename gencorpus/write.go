package gencorpus

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/diplograph/diplograph"
)

// Format is a corpus file format.
type Format string

// The formats Write produces, both read by the loaders as they are.
const (
	JSONL Format = "jsonl"
	CSV   Format = "csv"
)

// ParseFormat parses a format name.
func ParseFormat(s string) (Format, error) {
	switch Format(s) {
	case JSONL, "":
		return JSONL, nil
	case CSV:
		return CSV, nil
	}
	return "", fmt.Errorf("%w: format %q (want jsonl or csv)", ErrOptions, s)
}

// record is one article as written: the loaders' JSON Lines fields in a
// fixed order, so that output is byte for byte reproducible.
type record struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published string    `json:"published"`
	Text      string    `json:"text"`
	Comments  []comment `json:"comments,omitempty"`
	Synthetic bool      `json:"synthetic"`
}

type comment struct {
	Author string `json:"author"`
	Text   string `json:"text"`
}

func toRecord(a *diplograph.Article) record {
	r := record{ID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Published: a.Published, Text: a.Text, Synthetic: true}
	for _, c := range a.Comments {
		r.Comments = append(r.Comments, comment{Author: c.Author, Text: c.Text})
	}
	return r
}

// Write writes the generator's corpus to w in format f and returns the
// number of articles written. It stops when ctx is done.
func Write(ctx context.Context, w io.Writer, g *Generator, f Format) (int, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	n := 0
	var err error
	switch f {
	case JSONL:
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		for a := range g.Articles(ctx) {
			if err = enc.Encode(toRecord(&a)); err != nil {
				break
			}
			n++
		}
	case CSV:
		cw := csv.NewWriter(bw)
		err = cw.Write([]string{"id", "title", "url", "source", "published", "text", "comments", "synthetic"})
		for a := range g.Articles(ctx) {
			if err != nil {
				break
			}
			rec := toRecord(&a)
			comments := ""
			if len(rec.Comments) > 0 {
				b, merr := json.Marshal(rec.Comments)
				if merr != nil {
					err = merr
					break
				}
				comments = string(b)
			}
			err = cw.Write([]string{rec.ID, rec.Title, rec.URL, rec.Source, rec.Published, rec.Text, comments, strconv.FormatBool(rec.Synthetic)})
			n++
		}
		if err == nil {
			cw.Flush()
			err = cw.Error()
		}
	default:
		return 0, fmt.Errorf("%w: format %q", ErrOptions, f)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return n, fmt.Errorf("writing the corpus: %w", err)
	}
	return n, nil
}
