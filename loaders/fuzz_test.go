package loaders

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
)

// sentinels are the errors every RecordError must wrap one of.
var sentinels = []error{ErrMalformed, ErrBadDate, ErrInvalidUTF8, ErrEmptyText, ErrTooLarge, ErrUnreadable, ErrFormat}

// addFile seeds a fuzz corpus with a fixture, when it is there.
func addFile(f *testing.F, path string) {
	if b, err := os.ReadFile(path); err == nil {
		f.Add(b)
	}
}

// checkRecords asserts what holds for any input: good records are
// complete and valid, errors are RecordErrors wrapping a sentinel, and
// positions only move forward.
func checkRecords(t *testing.T, data []byte, f Format) {
	t.Helper()
	opts := Options{Format: f, Stdin: bytes.NewReader(data), MaxRecordBytes: 4 << 10}
	lastLine, lastRec := 0, 0
	for r := range Read(context.Background(), "-", opts) {
		if r.Err != nil {
			var re *RecordError
			if !errors.As(r.Err, &re) {
				t.Fatalf("%s: error %v is not a *RecordError", r.Pos, r.Err)
			}
			found := false
			for _, s := range sentinels {
				found = found || errors.Is(r.Err, s)
			}
			if !found {
				t.Fatalf("%s: error %v wraps no sentinel", r.Pos, r.Err)
			}
		} else {
			a := r.Article
			if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
				t.Fatalf("%s: bad text %q", r.Pos, a.Text)
			}
			if len(a.Text) > opts.MaxRecordBytes {
				t.Fatalf("%s: text of %d bytes passed the limit", r.Pos, len(a.Text))
			}
			if a.Hash != diplograph.ContentHash(&a) || a.ID == "" {
				t.Fatalf("%s: hash %q id %q", r.Pos, a.Hash, a.ID)
			}
			if d, err := NormalizeDate(a.Published); err != nil || d != a.Published {
				t.Fatalf("%s: published %q not normalised", r.Pos, a.Published)
			}
			for i, c := range a.Comments {
				if c.Index != i || strings.TrimSpace(c.Text) == "" || !utf8.ValidString(c.Text) || !utf8.ValidString(c.Author) {
					t.Fatalf("%s: comment %d: %+v", r.Pos, i, c)
				}
			}
		}
		if r.Pos.Line != 0 {
			if r.Pos.Line <= lastLine {
				t.Fatalf("line %d after line %d", r.Pos.Line, lastLine)
			}
			lastLine = r.Pos.Line
		}
		if r.Pos.Record != 0 {
			if r.Pos.Record <= lastRec {
				t.Fatalf("record %d after record %d", r.Pos.Record, lastRec)
			}
			lastRec = r.Pos.Record
		}
	}
}

func FuzzParseText(f *testing.F) {
	addFile(f, "../samples/ishiba-trump-summit.txt")
	addFile(f, "testdata/summit.txt")
	f.Add([]byte("\uFEFFBody\r\n2 Comments\r\n\r\nA\r\nx\r\nB\r\n"))
	f.Add([]byte("No comments"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := parseText(data)
		if utf8.Valid(data) != (err == nil) {
			t.Fatalf("valid UTF-8 %v, err %v", utf8.Valid(data), err)
		}
		if err != nil {
			return
		}
		// The body is the input's prefix after normalisation: offsets
		// into it are offsets into what was read.
		if !strings.HasPrefix(normalizeText(string(data)), doc.body) {
			t.Fatalf("body %q is not a prefix of the input", doc.body)
		}
		for i, c := range doc.comments {
			if c.Index != i || c.Author == "" || c.Text == "" ||
				strings.ContainsRune(c.Author, '\n') || strings.ContainsRune(c.Text, '\n') {
				t.Fatalf("comment %d: %+v", i, c)
			}
		}
		// The whole reader agrees with the parser.
		checkRecords(t, data, FormatText)
	})
}

func FuzzReadJSONL(f *testing.F) {
	addFile(f, "testdata/articles.jsonl")
	f.Add([]byte(`{"text":"a","comments":[{"author":"x","text":"y"}],"meta":{"k":1}}` + "\n\n" + `{"text":"b","published":"2024-01-02T03:04:05Z"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRecords(t, data, FormatJSONL)
	})
}

func FuzzReadJSON(f *testing.F) {
	addFile(f, "testdata/articles.json")
	f.Add([]byte(`{"text":"a"} {"text":"b"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRecords(t, data, FormatJSON)
	})
}

func FuzzReadCSV(f *testing.F) {
	addFile(f, "testdata/articles.csv")
	f.Add([]byte("text,id\n\"a\"\"b\",1\nc\"d,2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRecords(t, data, FormatCSV)
	})
}
