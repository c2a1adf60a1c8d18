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
var sentinels = []error{ErrMalformed, ErrBadDate, ErrInvalidUTF8, ErrEmptyText, ErrTooLarge, ErrBinary, ErrUnreadable, ErrFormat}

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
	checkRecordsWith(t, data, Options{Format: f})
}

// checkRecordsWith is checkRecords with more options set.
func checkRecordsWith(t *testing.T, data []byte, opts Options) {
	t.Helper()
	opts.Stdin = bytes.NewReader(data)
	opts.MaxRecordBytes = 4 << 10
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
			if !found || ReasonOf(r.Err) == ReasonOther {
				t.Fatalf("%s: error %v wraps no sentinel", r.Pos, r.Err)
			}
		} else {
			a := r.Article
			if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" || looksBinary(a.Text) {
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
		if text := utf8.Valid(data) && !looksBinary(string(data)); text != (err == nil) {
			t.Fatalf("valid UTF-8 %v, binary %v, err %v", utf8.Valid(data), looksBinary(string(data)), err)
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

func FuzzReadCSVMapped(f *testing.F) {
	addFile(f, "testdata/mapped.csv")
	f.Add([]byte("Body,Headline,when\n\"a\"\"b\",t,2024-01-02\nc\"d,x,bad\n"))
	f.Add([]byte("body,text,date\nx,y,2024-01-01 10:00:00\n"))
	fields := Fields{Text: "body", Title: "headline", Published: "when", ID: "key"}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRecordsWith(t, data, Options{Format: FormatCSV, Fields: fields})
	})
}

func FuzzReadJSONLMapped(f *testing.F) {
	addFile(f, "testdata/mapped.jsonl")
	f.Add([]byte(`{"content":{"body":"a","meta.x":{"d":"2024-01-02"}},"headline":"h"}`))
	fields := Fields{Text: "content.body", Title: "headline", Published: "content.meta.x.d"}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRecordsWith(t, data, Options{Format: FormatJSONL, Fields: fields})
	})
}

func FuzzParseHTML(f *testing.F) {
	addFile(f, "testdata/article.html")
	addFile(f, "testdata/latin1.html")
	f.Add([]byte("<p>a<br>b</p><pre>x\n y</pre><script>z</script>"))
	f.Add([]byte(`<meta property="article:published_time" content="nope"><article><time datetime="PT2M">x</time>y</article>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseHTML(data)
		if err == nil {
			if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
				t.Fatalf("invalid UTF-8 out of valid HTML: %q", a.Text)
			}
			for l := range strings.SplitSeq(a.Text, "\n") {
				if strings.TrimSpace(l) == "" && a.Text != "" {
					t.Fatalf("blank line in %q", a.Text)
				}
				if l != strings.TrimSpace(l) || strings.Contains(l, "  ") {
					t.Fatalf("white space not collapsed in %q", l)
				}
			}
			if a.Published != "" {
				if _, err := NormalizeDate(a.Published); err != nil {
					t.Fatalf("published %q: %v", a.Published, err)
				}
			}
		}
		checkRecords(t, data, FormatHTML)
	})
}
