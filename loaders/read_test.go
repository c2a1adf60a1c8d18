package loaders_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/loaders"
)

// collect reads every record of path.
func collect(t *testing.T, path string, opts loaders.Options) []loaders.Record {
	t.Helper()
	return slices.Collect(loaders.Read(context.Background(), path, opts))
}

// want describes one expected record: an error sentinel, or the fields
// of a good article worth checking.
type want struct {
	line, record int
	err          error
	id           string // "" means the id must be derived from the hash
	published    string
	comments     []string // authors
	meta         map[string]string
	warnings     int
	textPrefix   string
}

func check(t *testing.T, got []loaders.Record, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		for _, r := range got {
			t.Logf("got %s err=%v id=%q", r.Pos, r.Err, r.Article.ID)
		}
		t.Fatalf("got %d records, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		r := got[i]
		if r.Pos.Line != w.line || r.Pos.Record != w.record {
			t.Errorf("record %d: position %+v, want line %d record %d", i, r.Pos, w.line, w.record)
		}
		if w.err != nil {
			var re *loaders.RecordError
			if !errors.As(r.Err, &re) || !errors.Is(r.Err, w.err) {
				t.Errorf("record %d (%s): err = %v, want a *RecordError wrapping %v", i, r.Pos, r.Err, w.err)
			} else if re.Pos != r.Pos {
				t.Errorf("record %d: error position %v, record position %v", i, re.Pos, r.Pos)
			}
			continue
		}
		if r.Err != nil {
			t.Errorf("record %d (%s): unexpected error %v", i, r.Pos, r.Err)
			continue
		}
		a := r.Article
		if a.Hash != diplograph.ContentHash(&a) {
			t.Errorf("record %d: hash %q is not the content hash", i, a.Hash)
		}
		wantID := w.id
		if wantID == "" {
			wantID = diplograph.ArticleIDFromHash(a.Hash)
		}
		if a.ID != wantID {
			t.Errorf("record %d: id %q, want %q", i, a.ID, wantID)
		}
		if a.Published != w.published {
			t.Errorf("record %d: published %q, want %q", i, a.Published, w.published)
		}
		var authors []string
		for j, c := range a.Comments {
			authors = append(authors, c.Author)
			if c.Index != j {
				t.Errorf("record %d: comment %d has index %d", i, j, c.Index)
			}
		}
		if !slices.Equal(authors, w.comments) {
			t.Errorf("record %d: comment authors %q, want %q", i, authors, w.comments)
		}
		if !maps.Equal(a.Meta, w.meta) {
			t.Errorf("record %d: meta %v, want %v", i, a.Meta, w.meta)
		}
		if len(r.Warnings) != w.warnings {
			t.Errorf("record %d: warnings %q, want %d", i, r.Warnings, w.warnings)
		}
		if !strings.HasPrefix(a.Text, w.textPrefix) {
			t.Errorf("record %d: text %q, want prefix %q", i, a.Text, w.textPrefix)
		}
	}
}

func TestReadSeed(t *testing.T) {
	recs := collect(t, "../samples/ishiba-trump-summit.txt", loaders.Options{Published: "2025-02-04"})
	if len(recs) != 1 {
		t.Fatalf("got %d records, want 1", len(recs))
	}
	r := recs[0]
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings: %q", r.Warnings)
	}
	a := r.Article
	wantAuthors := []string{"Karamba", "Matzomaster", "Rotfront", "Matzomaster", "Rotfront",
		"Eugene Alta", "BuggaBoom", "Katchuka", "KittyKat", "Noir Black", "Loubianka"}
	var authors []string
	for _, c := range a.Comments {
		authors = append(authors, c.Author)
	}
	if !slices.Equal(authors, wantAuthors) {
		t.Errorf("authors %q\nwant %q", authors, wantAuthors)
	}
	if !strings.HasPrefix(a.Text, "Prime Minister Shigeru Ishiba") {
		t.Errorf("body starts %q", a.Text[:min(40, len(a.Text))])
	}
	if !strings.HasSuffix(a.Text, "liquefied natural gas.") {
		t.Errorf("body ends %q", a.Text[max(0, len(a.Text)-40):])
	}
	if strings.Contains(a.Text, "Comments") || strings.Contains(a.Text, "Karamba") {
		t.Error("comment section leaked into the body")
	}
	if n := len(a.Comments); n == 11 && !strings.HasSuffix(a.Comments[10].Text, "which we need right now.") {
		t.Errorf("last comment %q", a.Comments[10].Text)
	}
	if a.Published != "2025-02-04" || a.Title != "" {
		t.Errorf("published %q title %q", a.Published, a.Title)
	}
	if a.ID != diplograph.ArticleIDFromHash(a.Hash) || a.Hash != diplograph.ContentHash(&a) {
		t.Errorf("id %q hash %q", a.ID, a.Hash)
	}
	// The body is the file's prefix, byte for byte: offsets into it are
	// offsets into the file.
	raw, err := os.ReadFile("../samples/ishiba-trump-summit.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), a.Text) {
		t.Error("body is not a prefix of the file")
	}
}

func TestReadText(t *testing.T) {
	recs := collect(t, "testdata/summit.txt", loaders.Options{Published: "2024-06-03T09:00:00+02:00"})
	check(t, recs, []want{{line: 1, record: 1, published: "2024-06-03", comments: []string{"Kofi", "Ama"},
		warnings: 2, textPrefix: "The foreign ministers of Ghana"}})
	if len(recs) == 1 {
		if got := recs[0].Article.Text; !strings.HasSuffix(got, "officials said.") {
			t.Errorf("body ends %q", got)
		}
		ws := strings.Join(recs[0].Warnings, "\n")
		if !strings.Contains(ws, `line 10: author "Yao"`) || !strings.Contains(ws, "line 4 announces 3 comments, found 2") {
			t.Errorf("warnings: %s", ws)
		}
	}
}

func TestReadJSONL(t *testing.T) {
	recs := collect(t, "testdata/articles.jsonl", loaders.Options{Published: "2020-01-01"})
	check(t, recs, []want{
		{line: 1, record: 1, id: "j1", published: "2024-03-05", comments: []string{"Ola", "Ines"}, textPrefix: "Foreign ministers"},
		{line: 2, record: 2, err: loaders.ErrMalformed},
		{line: 3, record: 3, published: "2024-03-06", textPrefix: "Chile and Peru", meta: map[string]string{
			"synthetic": "true", "score": "3.5", "region": "South America", "desk": "Americas", "priority": "2"}},
		{line: 5, record: 4, err: loaders.ErrBadDate},
		{line: 6, record: 5, err: loaders.ErrEmptyText},
		// The default date fills in for a record without one; the blank
		// comment is dropped with a warning.
		{line: 7, record: 6, id: "7", published: "2020-01-01", comments: []string{"Ana"}, warnings: 1},
		{line: 8, record: 7, err: loaders.ErrMalformed},
		{line: 9, record: 8, id: "j9", published: "2020-01-01", textPrefix: "Last line"},
	})
	if len(recs) > 0 {
		a := recs[0].Article
		if a.Title != "Ministers meet in Oslo" || a.URL != "https://example.org/j1" || a.Source != "Example Wire" {
			t.Errorf("fields: %+v", a)
		}
		if a.Comments[1].Text != "About time." {
			t.Errorf("comment text %q", a.Comments[1].Text)
		}
	}
}

func TestReadCSV(t *testing.T) {
	recs := collect(t, "testdata/articles.csv", loaders.Options{})
	check(t, recs, []want{
		{line: 2, record: 1, id: "c1", published: "2024-04-01", comments: []string{"Lena"},
			meta: map[string]string{"desk": "Europe"}, textPrefix: "Envoys from Armenia and Azerbaijan met in Geneva.\nThey agreed"},
		{line: 4, record: 2, err: loaders.ErrBadDate},
		{line: 5, record: 3, err: loaders.ErrMalformed},
		{line: 6, record: 4, id: "c4", published: "2024-04-03", textPrefix: "Japan and the Philippines"},
	})
	if len(recs) > 0 && recs[0].Article.Title != "Talks in Geneva" {
		t.Errorf("title %q", recs[0].Article.Title)
	}
}

func TestReadJSON(t *testing.T) {
	recs := collect(t, "testdata/articles.json", loaders.Options{})
	check(t, recs, []want{
		{record: 1, id: "a1", textPrefix: "Brazil"},
		{record: 2, err: loaders.ErrMalformed},
		{record: 3, id: "a3", published: "2024-05-01", textPrefix: "Kenya"},
	})
}

// readString reads s as standard input in the given format.
func readString(t *testing.T, s string, opts loaders.Options) []loaders.Record {
	t.Helper()
	opts.Stdin = strings.NewReader(s)
	return collect(t, "-", opts)
}

func TestReadStdinEdgeCases(t *testing.T) {
	long := strings.Repeat("x", 300)
	tests := []struct {
		name  string
		in    string
		opts  loaders.Options
		wants []want
	}{
		{"sniff jsonl", `{"text":"one"}` + "\n" + `{"text":"two"}`, loaders.Options{},
			[]want{{line: 1, record: 1, textPrefix: "one"}, {line: 2, record: 2, textPrefix: "two"}}},
		{"sniff pretty json", "{\n  \"text\": \"one\"\n}\n{\"text\": \"two\"}", loaders.Options{},
			[]want{{record: 1, textPrefix: "one"}, {record: 2, textPrefix: "two"}}},
		{"sniff json array", ` [{"text":"one"}]`, loaders.Options{}, []want{{record: 1, textPrefix: "one"}}},
		{"sniff csv", "\uFEFF\"ID\",Text\nx1,hello\n", loaders.Options{}, []want{{line: 2, record: 1, id: "x1", textPrefix: "hello"}}},
		{"sniff one-column csv", "Text\nhello\n", loaders.Options{}, []want{{line: 2, record: 1, textPrefix: "hello"}}},
		{"sniff text", "Plain words, nothing more.\n", loaders.Options{}, []want{{line: 1, record: 1, textPrefix: "Plain words"}}},
		{"forced csv", "text\nhello\n", loaders.Options{Format: loaders.FormatCSV}, []want{{line: 2, record: 1, textPrefix: "hello"}}},
		{"forced text", `{"text":"x"}`, loaders.Options{Format: loaders.FormatText}, []want{{line: 1, record: 1, textPrefix: `{"text"`}}},
		{"jsonl CRLF and BOM", "\uFEFF{\"text\":\"a\\r\\nb\"}\r\n\r\n{\"text\":\"c\"}\r\n", loaders.Options{Format: loaders.FormatJSONL},
			[]want{{line: 1, record: 1, textPrefix: "a\nb"}, {line: 3, record: 2, textPrefix: "c"}}},
		{"jsonl invalid utf8", "{\"text\":\"ok\"}\n{\"text\":\"bad \xff\"}\n{\"text\":\"ok too\"}\n", loaders.Options{},
			[]want{{line: 1, record: 1, textPrefix: "ok"}, {line: 2, record: 2, err: loaders.ErrInvalidUTF8}, {line: 3, record: 3, textPrefix: "ok too"}}},
		{"jsonl wrong types", `{"text":1}` + "\n" + `{"text":"t","title":["x"]}` + "\n" + `{"text":"t","comments":{}}` + "\n" + `{"title":"no text"}`,
			loaders.Options{}, []want{{line: 1, record: 1, err: loaders.ErrMalformed}, {line: 2, record: 2, err: loaders.ErrMalformed},
				{line: 3, record: 3, err: loaders.ErrMalformed}, {line: 4, record: 4, err: loaders.ErrEmptyText}}},
		{"jsonl line over limit", `{"text":"a"}` + "\n" + `{"text":"` + long + `"}` + "\n" + `{"text":"c"}`, loaders.Options{MaxRecordBytes: 100},
			[]want{{line: 1, record: 1, textPrefix: "a"}, {line: 2, record: 2, err: loaders.ErrTooLarge}, {line: 3, record: 3, textPrefix: "c"}}},
		{"csv row over limit stops", "text\na\n\"" + strings.Repeat(long, 400) + "\"\nc\n", loaders.Options{MaxRecordBytes: 100, Format: loaders.FormatCSV},
			[]want{{line: 2, record: 1, textPrefix: "a"}, {line: 3, err: loaders.ErrTooLarge}}},
		{"csv unclosed quote", "text\na\n\"never closed\nb\n", loaders.Options{Format: loaders.FormatCSV},
			[]want{{line: 2, record: 1, textPrefix: "a"}, {line: 3, record: 2, err: loaders.ErrMalformed}}},
		{"csv bare quote then good", "text,id\nab\"c,1\nfine,2\n", loaders.Options{Format: loaders.FormatCSV},
			[]want{{line: 2, record: 1, err: loaders.ErrMalformed}, {line: 3, record: 2, id: "2", textPrefix: "fine"}}},
		{"csv no text column", "id,title\n1,x\n", loaders.Options{Format: loaders.FormatCSV},
			[]want{{line: 1, err: loaders.ErrMalformed}}},
		{"csv duplicate column", "text,TEXT\n1,x\n", loaders.Options{Format: loaders.FormatCSV},
			[]want{{line: 1, err: loaders.ErrMalformed}}},
		{"csv invalid utf8", "text,desk\nok,\xfe\nfine,x\n", loaders.Options{Format: loaders.FormatCSV},
			[]want{{line: 2, record: 1, err: loaders.ErrInvalidUTF8}, {line: 3, record: 2, textPrefix: "fine", meta: map[string]string{"desk": "x"}}}},
		{"csv empty file", "", loaders.Options{Format: loaders.FormatCSV}, nil},
		{"json element over limit", `[{"text":"a"},{"text":"` + strings.Repeat(long, 400) + `"},{"text":"c"}]`, loaders.Options{MaxRecordBytes: 100},
			[]want{{record: 1, textPrefix: "a"}, {record: 2, err: loaders.ErrTooLarge}}},
		{"json syntax error", `[{"text":"a"}, {"text": }]`, loaders.Options{Format: loaders.FormatJSON},
			[]want{{record: 1, textPrefix: "a"}, {record: 2, err: loaders.ErrMalformed}}},
		{"json truncated", `[{"text":"a"}`, loaders.Options{Format: loaders.FormatJSON},
			[]want{{record: 1, textPrefix: "a"}, {record: 2, err: loaders.ErrMalformed}}},
		{"json trailing data", `[{"text":"a"}] x`, loaders.Options{Format: loaders.FormatJSON},
			[]want{{record: 1, textPrefix: "a"}, {record: 2, err: loaders.ErrMalformed}}},
		{"json empty", "  \n", loaders.Options{Format: loaders.FormatJSON}, nil},
		{"text only a count line", "3 Comments\nA\nB\n", loaders.Options{}, []want{{line: 1, record: 1, err: loaders.ErrEmptyText}}},
		{"text over limit", long, loaders.Options{MaxRecordBytes: 100, Format: loaders.FormatText}, []want{{line: 1, record: 1, err: loaders.ErrTooLarge}}},
		{"text invalid utf8", "fine\nnot \xc3\x28 fine\n", loaders.Options{Format: loaders.FormatText}, []want{{line: 1, record: 1, err: loaders.ErrInvalidUTF8}}},
		{"timestamp in UTC", `{"text":"x","published":"2024-12-31T23:30:00.5Z"}`, loaders.Options{}, []want{{line: 1, record: 1, published: "2024-12-31"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, readString(t, tt.in, tt.opts), tt.wants)
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		path string
		opts loaders.Options
		err  error
	}{
		{"missing file", "testdata/no-such-file.jsonl", loaders.Options{}, loaders.ErrUnreadable},
		{"stdin not given", "-", loaders.Options{}, loaders.ErrUnreadable},
		{"bad default date", "testdata/summit.txt", loaders.Options{Published: "June 3"}, loaders.ErrBadDate},
		{"bad format", "testdata/summit.txt", loaders.Options{Format: "xml"}, loaders.ErrFormat},
		{"corrupt gzip", "-", loaders.Options{Stdin: bytes.NewReader([]byte{0x1f, 0x8b, 8, 0, 0, 0})}, loaders.ErrUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := collect(t, tt.path, tt.opts)
			if len(recs) != 1 || !errors.Is(recs[0].Err, tt.err) {
				t.Fatalf("got %d records (first err %v), want one error wrapping %v", len(recs), firstErr(recs), tt.err)
			}
		})
	}
}

func firstErr(recs []loaders.Record) error {
	if len(recs) == 0 {
		return nil
	}
	return recs[0].Err
}

// gz returns data gzipped.
func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadGzip(t *testing.T) {
	plain, err := os.ReadFile("testdata/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := collect(t, "testdata/articles.jsonl", loaders.Options{})
	dir := t.TempDir()
	files := map[string][]byte{
		"a.jsonl.gz": gz(t, plain),
		// Detected by its magic bytes, whatever the name says.
		"b.jsonl": gz(t, plain),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"a.jsonl.gz", "b.jsonl", "-"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			opts := loaders.Options{}
			if name == "-" {
				path, opts.Stdin = "-", bytes.NewReader(gz(t, plain))
			}
			got := collect(t, path, opts)
			if len(got) != len(want) {
				t.Fatalf("got %d records, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i].Article.Hash != want[i].Article.Hash || got[i].Pos.Line != want[i].Pos.Line ||
					(got[i].Err == nil) != (want[i].Err == nil) {
					t.Errorf("record %d differs: %v/%v vs %v/%v", i, got[i].Pos, got[i].Err, want[i].Pos, want[i].Err)
				}
			}
		})
	}
}

func TestReadFolder(t *testing.T) {
	dir := t.TempDir()
	csvGz := gz(t, []byte("text\nfrom gzipped csv\n"))
	files := []struct {
		name string
		data []byte
	}{
		// Written out of order on purpose.
		{"z.csv.gz", csvGz},
		{"b/c.jsonl", []byte(`{"text":"c1"}` + "\n" + `{"text":"c2"}` + "\n")},
		{"notes.md", []byte("not an input")},
		{".hidden/x.jsonl", []byte(`{"text":"hidden"}`)},
		{"b/a.jsonl", []byte(`{"text":"a1"}`)},
		{"a.txt", []byte("a text\n1 comment\nme\nhi\n")},
		{"m.json", []byte(`{"text":"m"}`)},
		{"B.TXT", []byte("upper-case extension")},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"B.TXT:upper-case extension", "a.txt:a text", "b/a.jsonl:a1", "b/c.jsonl:c1", "b/c.jsonl:c2",
		"m.json:m", "z.csv.gz:from gzipped csv"}
	for range 2 { // the same order every time
		var got []string
		for r := range loaders.Read(context.Background(), dir, loaders.Options{}) {
			if r.Err != nil {
				t.Fatalf("%s: %v", r.Pos, r.Err)
			}
			rel, err := filepath.Rel(dir, r.Pos.File)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, filepath.ToSlash(rel)+":"+r.Article.Text)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("got  %q\nwant %q", got, want)
		}
	}
}

func TestReadAllAndEarlyStop(t *testing.T) {
	paths := []string{"testdata/articles.jsonl", "testdata/articles.csv", "testdata/articles.json", "testdata/summit.txt"}
	all := slices.Collect(loaders.ReadAll(context.Background(), paths, loaders.Options{}))
	if len(all) != 8+4+3+1 {
		t.Fatalf("ReadAll gave %d records", len(all))
	}
	// Stopping after any record must be clean: every reader honours a
	// false from yield.
	for n := 1; n <= len(all); n++ {
		i := 0
		for range loaders.ReadAll(context.Background(), paths, loaders.Options{}) {
			i++
			if i == n {
				break
			}
		}
		if i != n {
			t.Fatalf("stopped at %d, want %d", i, n)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := slices.Collect(loaders.ReadAll(ctx, paths, loaders.Options{})); len(got) != 0 {
		t.Errorf("cancelled read gave %d records", len(got))
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2025-02-04", "2025-02-04", true},
		{" 2025-02-04 ", "2025-02-04", true},
		{"", "", true},
		{"2025-02-04T10:00:00Z", "2025-02-04", true},
		{"2025-02-04T23:59:59-08:00", "2025-02-04", true},
		{"2025-02-04T01:00:00.123456+09:00", "2025-02-04", true},
		{"2025-02-30", "", false},
		{"2025-2-4", "", false},
		{"04/02/2025", "", false},
		{"2025-02-04T10:00:00", "2025-02-04", true},
		{"2025-02-04 23:30:00", "2025-02-04", true},
		{"2025-02-04 23:30:00+09:00", "2025-02-04", true},
		{"Tue, 04 Feb 2025 23:30:00 +0900", "2025-02-04", true},
		{"Tue, 4 Feb 2025 23:30:00 GMT", "2025-02-04", true},
		{"0001-01-01", "", false},
		{"0001-01-01T00:00:00Z", "", false},
		{"9999-12-31", "", false},
		{"February 4, 2025", "", false},
		{"1738627200", "", false},
	}
	for _, tt := range tests {
		got, err := loaders.NormalizeDate(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, loaders.ErrBadDate) {
			t.Errorf("NormalizeDate(%q): error %v does not wrap ErrBadDate", tt.in, err)
		}
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want loaders.Format
		ok   bool
	}{
		{"", loaders.FormatAuto, true}, {"auto", loaders.FormatAuto, true}, {"TXT", loaders.FormatText, true},
		{"text", loaders.FormatText, true}, {"ndjson", loaders.FormatJSONL, true}, {"jsonl", loaders.FormatJSONL, true},
		{"json", loaders.FormatJSON, true}, {"csv", loaders.FormatCSV, true}, {"xml", loaders.FormatAuto, false},
	}
	for _, tt := range tests {
		got, err := loaders.ParseFormat(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseFormat(%q) = %q, %v", tt.in, got, err)
		}
	}
}

func TestPositionString(t *testing.T) {
	tests := []struct {
		p    loaders.Position
		want string
	}{
		{loaders.Position{File: "a.jsonl", Line: 3, Record: 2}, "a.jsonl:3"},
		{loaders.Position{File: "a.json", Record: 2}, "a.json#2"},
		{loaders.Position{File: "a.json"}, "a.json"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.p, got, tt.want)
		}
	}
}
