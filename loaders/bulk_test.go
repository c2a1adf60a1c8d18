package loaders_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/diplograph/diplograph/loaders"
)

func TestReadHTML(t *testing.T) {
	recs := collect(t, "testdata/article.html", loaders.Options{})
	if len(recs) != 1 || recs[0].Err != nil {
		t.Fatalf("records %+v", recs)
	}
	a := recs[0].Article
	wantText := strings.Join([]string{
		"Kenya and Ethiopia ministers meet in Nairobi",
		"The foreign ministers of Kenya and Ethiopia met in Nairobi on Thursday to discuss a new border crossing.",
		"They are expected to sign a trade agreement next month.",
		"Officials said talks would continue.",
		"The ministers in Nairobi.",
		"Border crossing",
		"Trade",
	}, "\n")
	if a.Text != wantText {
		t.Errorf("text:\n%s\nwant:\n%s", a.Text, wantText)
	}
	if a.Title != "Kenya and Ethiopia ministers meet in Nairobi" || a.Source != "Example Wire" ||
		a.URL != "https://example.org/world/kenya-ethiopia" || a.Published != "2024-05-02" {
		t.Errorf("title %q source %q url %q published %q", a.Title, a.Source, a.URL, a.Published)
	}
}

func TestReadHTMLCharsetAndTime(t *testing.T) {
	recs := collect(t, "testdata/latin1.html", loaders.Options{Published: "2020-01-01"})
	if len(recs) != 1 || recs[0].Err != nil {
		t.Fatalf("records %+v", recs)
	}
	a := recs[0].Article
	// Declared ISO-8859-1 is decoded; the duration in the first <time> is
	// passed over for the date in the second.
	if a.Title != "Café talks" || !strings.HasPrefix(a.Text, "Ministers met at a café in Brussels.\n") || a.Published != "2023-11-20" {
		t.Errorf("title %q published %q text %q", a.Title, a.Published, a.Text)
	}
}

func TestParseHTMLCases(t *testing.T) {
	tests := []struct {
		name, html string
		text       string
		published  string
		err        error
	}{
		{"body without article or main", `<body><nav>Menu</nav><p>One.</p><p>Two <i>words</i>.</p></body>`, "One.\nTwo words.", "", nil},
		{"main over body", `<body><p>Outside.</p><main><p>Inside.</p></main></body>`, "Inside.", "", nil},
		{"longest article wins", `<article><p>Short.</p></article><article><p>The much longer story.</p></article>`, "The much longer story.", "", nil},
		{"table cells", `<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>`, "a b\nc", "", nil},
		{"pre keeps lines", "<pre>line one\n  line   two</pre>", "line one\nline two", "", nil},
		{"hidden by style", `<p>Seen.</p><p style="display: none">Unseen.</p><p aria-hidden="true">No.</p>`, "Seen.", "", nil},
		{"meta date wins over time", `<meta property="article:published_time" content="2024-01-02"><p><time datetime="2023-05-05">x</time> y</p>`, "x y", "2024-01-02", nil},
		{"itemprop date", `<meta itemprop="datePublished" content="2022-07-08T10:00:00Z"><p>Text.</p>`, "Text.", "2022-07-08", nil},
		{"bad meta date", `<meta property="article:published_time" content="last week"><p>Text.</p>`, "", "", loaders.ErrBadDate},
		{"declared UTF-8 but not", "<meta charset=\"utf-8\"><p>caf\xe9</p>", "", "", loaders.ErrInvalidUTF8},
		{"undeclared Latin-1 read as windows-1252", "<p>caf\xe9 \x93quoted\x94</p>", "café “quoted”", "", nil},
		{"only scripts", `<script>x()</script><style>p{}</style>`, "", "", loaders.ErrEmptyText},
		{"binary", "<p>\x00\x01\x02</p>", "", "", loaders.ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := slices.Collect(loaders.Read(context.Background(), "-",
				loaders.Options{Format: loaders.FormatHTML, Stdin: strings.NewReader(tt.html)}))
			if len(recs) != 1 {
				t.Fatalf("%d records", len(recs))
			}
			r := recs[0]
			if tt.err != nil {
				if !errors.Is(r.Err, tt.err) {
					t.Errorf("err %v, want %v", r.Err, tt.err)
				}
				return
			}
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			if r.Article.Text != tt.text || r.Article.Published != tt.published {
				t.Errorf("text %q published %q, want %q %q", r.Article.Text, r.Article.Published, tt.text, tt.published)
			}
		})
	}
}

func TestSniffHTML(t *testing.T) {
	for _, in := range []string{"<!DOCTYPE html><p>Hi there.</p>", "\n  <html><body><p>Hi there.</p></body></html>"} {
		recs := slices.Collect(loaders.Read(context.Background(), "-", loaders.Options{Stdin: strings.NewReader(in)}))
		if len(recs) != 1 || recs[0].Err != nil || recs[0].Article.Text != "Hi there." {
			t.Errorf("%q: %+v", in, recs)
		}
	}
}

func TestFieldMappingCSV(t *testing.T) {
	fields := loaders.Fields{Text: "body", Title: "headline", Published: "when", ID: "key"}
	recs := collect(t, "testdata/mapped.csv", loaders.Options{Fields: fields})
	check(t, recs, []want{
		{line: 2, record: 1, id: "m1", published: "2024-04-01", textPrefix: "Envoys met in Vienna",
			meta: map[string]string{"text": "ignored column", "desk": "Europe"}},
		{line: 3, record: 2, err: loaders.ErrBadDate},
		{line: 4, record: 3, id: "m3", published: "2024-04-02", textPrefix: "Third body.", meta: map[string]string{"desk": "Asia"}},
	})
	if len(recs) == 3 && recs[0].Article.Title != "Talks in Vienna" {
		t.Errorf("title %q", recs[0].Article.Title)
	}
	// Without the mapping the file has a text column, which is read.
	if recs := collect(t, "testdata/mapped.csv", loaders.Options{}); len(recs) != 3 || recs[0].Article.Text != "ignored column" {
		t.Errorf("unmapped: %+v", recs)
	}
	// A mapped text column that is missing makes the file an error.
	recs = collect(t, "testdata/mapped.csv", loaders.Options{Fields: loaders.Fields{Text: "content"}})
	if len(recs) != 1 || !errors.Is(recs[0].Err, loaders.ErrMalformed) || !strings.Contains(recs[0].Err.Error(), `"content"`) {
		t.Errorf("missing column: %+v", recs)
	}
}

func TestFieldMappingJSON(t *testing.T) {
	fields := loaders.Fields{Text: "content.body", Title: "headline", Published: "meta.date", ID: "uuid", Source: "site.name"}
	recs := collect(t, "testdata/mapped.jsonl", loaders.Options{Fields: fields})
	check(t, recs, []want{
		// "meta.date" is a key with a dot in it, matched whole; the
		// unmapped "text" is kept as metadata.
		{line: 1, record: 1, id: "17", published: "2024-04-01", textPrefix: "Envoys met in Vienna",
			meta: map[string]string{"text": "kept as metadata"}},
		{line: 2, record: 2, err: loaders.ErrEmptyText},
		{line: 3, record: 3, err: loaders.ErrEmptyText},
		{line: 4, record: 4, id: "u4", published: "2024-04-04", textPrefix: "Fourth body."},
	})
	if len(recs) == 4 && (recs[0].Article.Title != "Talks in Vienna" || recs[0].Article.Source != "Wire" || recs[3].Article.Source != "Other") {
		t.Errorf("fields %+v / %+v", recs[0].Article, recs[3].Article)
	}
}

func TestFieldMappingConflict(t *testing.T) {
	recs := collect(t, "testdata/mapped.csv", loaders.Options{Fields: loaders.Fields{Text: "body", Title: "Body"}})
	if len(recs) != 1 || recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "both") {
		t.Errorf("conflicting mapping: %+v", recs)
	}
}

// badKind is one kind of bad record: a file with a good record on each
// side of the bad one.
type badKind struct {
	name    string
	file    string // name, whose extension picks the format
	content string
	opts    loaders.Options
	reason  loaders.Reason
	line    int
}

const (
	goodA = `{"id":"g1","text":"The first good article."}`
	goodB = `{"id":"g2","text":"The second good article."}`
)

func badKinds() []badKind {
	jsonl := func(bad string) string { return goodA + "\n" + bad + "\n" + goodB + "\n" }
	csv := func(bad string) string {
		return "id,text,published\ng1,The first good article.,2024-01-01\n" + bad + "\ng2,The second good article.,\n"
	}
	return []badKind{
		{name: "malformed JSON", file: "a.jsonl", content: jsonl(`{"id":"b","text":"cut short`), reason: loaders.ReasonMalformed, line: 2},
		{name: "JSON of the wrong shape", file: "a.jsonl", content: jsonl(`{"id":"b","text":["not","a","string"]}`), reason: loaders.ReasonMalformed, line: 2},
		{name: "CSV row with too many fields", file: "a.csv", content: csv("b,Text,2024-01-01,extra"), reason: loaders.ReasonMalformed, line: 3},
		{name: "CSV row with a bare quote", file: "a.csv", content: csv(`b,a "quoted" word,2024-01-01`), reason: loaders.ReasonMalformed, line: 3},
		{name: "invalid UTF-8 in JSON", file: "a.jsonl", content: jsonl("{\"id\":\"b\",\"text\":\"caf\xe9\"}"), reason: loaders.ReasonInvalidUTF8, line: 2},
		{name: "invalid UTF-8 in CSV", file: "a.csv", content: csv("b,caf\xe9,2024-01-01"), reason: loaders.ReasonInvalidUTF8, line: 3},
		{name: "empty text", file: "a.jsonl", content: jsonl(`{"id":"b","text":" \n\t "}`), reason: loaders.ReasonEmptyText, line: 2},
		{name: "no text field", file: "a.jsonl", content: jsonl(`{"id":"b","title":"Only a title"}`), reason: loaders.ReasonEmptyText, line: 2},
		{name: "text over the size limit", file: "a.jsonl", content: jsonl(`{"id":"b","text":"` + strings.Repeat("word ", 100) + `"}`),
			opts: loaders.Options{MaxRecordBytes: 200}, reason: loaders.ReasonTooLarge, line: 2},
		{name: "bad date", file: "a.jsonl", content: jsonl(`{"id":"b","text":"Text.","published":"2024-02-30"}`), reason: loaders.ReasonBadDate, line: 2},
		{name: "bad date in CSV", file: "a.csv", content: csv("b,Text.,03/04/2024"), reason: loaders.ReasonBadDate, line: 3},
		{name: "binary: raw NUL bytes", file: "a.jsonl", content: jsonl("\x00\x01\x02\x89PNG\x00\x00"), reason: loaders.ReasonBinary, line: 2},
		{name: "binary: escaped NUL in the text", file: "a.jsonl", content: jsonl(`{"id":"b","text":"ab\u0000cd"}`), reason: loaders.ReasonBinary, line: 2},
		{name: "binary: control characters", file: "a.jsonl", content: jsonl(`{"id":"b","text":"\u0001\u0002\u0003\u0004abc"}`), reason: loaders.ReasonBinary, line: 2},
		{name: "binary in CSV", file: "a.csv", content: csv("b,\x00\x00\x00,2024-01-01"), reason: loaders.ReasonBinary, line: 3},
	}
}

// loadFile reads path and loads it into a fresh writer, collecting the
// rejections as an error report would.
func loadFile(t *testing.T, paths []string, opts loaders.Options, lopts loaders.LoadOptions) (loaders.Summary, *memWriter, []loaders.Rejection, error) {
	t.Helper()
	w := newMemWriter()
	var rejected []loaders.Rejection
	lopts.OnReject = func(err *loaders.RecordError) error {
		rejected = append(rejected, loaders.RejectionOf(err))
		return nil
	}
	sum, err := loaders.Load(context.Background(), loaders.ReadAll(context.Background(), paths, opts), &fakeExtractor{}, w, lopts)
	return sum, w, rejected, err
}

// TestBadRecordKinds has one case per kind of bad record: each is
// rejected with its reason and position, and neither neighbour is lost.
func TestBadRecordKinds(t *testing.T) {
	for _, k := range badKinds() {
		t.Run(k.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), k.file)
			if err := os.WriteFile(path, []byte(k.content), 0o644); err != nil {
				t.Fatal(err)
			}
			sum, w, rejected, err := loadFile(t, []string{path}, k.opts, loaders.LoadOptions{Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Read != 3 || sum.Loaded != 2 || sum.Rejected != 1 || len(w.saved) != 2 {
				t.Errorf("summary %+v, saved %q", sum, w.saved)
			}
			if len(rejected) != 1 {
				t.Fatalf("rejections %+v", rejected)
			}
			r := rejected[0]
			if r.File != path || r.Line != k.line || r.Reason != k.reason || r.Message == "" {
				t.Errorf("rejection %+v, want line %d reason %s", r, k.line, k.reason)
			}
		})
	}
}

func TestBinaryTextFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt": "The first good article.",
		"b.txt": "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00",
		"c.txt": "The second good article.",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sum, _, rejected, err := loadFile(t, []string{dir}, loaders.Options{}, loaders.LoadOptions{})
	if err != nil || sum.Loaded != 2 || len(rejected) != 1 || rejected[0].Reason != loaders.ReasonBinary ||
		rejected[0].File != filepath.Join(dir, "b.txt") {
		t.Errorf("summary %+v, rejected %+v, err %v", sum, rejected, err)
	}
}

// TestMixedFileLoadsEveryGood puts every kind of bad JSON Lines record
// between good ones in one file: every good record is loaded.
func TestMixedFileLoadsEveryGood(t *testing.T) {
	var b strings.Builder
	var wantReasons []loaders.Reason
	goods := 0
	for _, k := range badKinds() {
		if !strings.HasSuffix(k.file, ".jsonl") {
			continue
		}
		lines := strings.Split(strings.TrimSuffix(k.content, "\n"), "\n")
		bad := lines[1]
		if k.opts.MaxRecordBytes > 0 {
			bad = `{"text":"` + strings.Repeat("x", 300) + `"}`
		}
		goods++
		b.WriteString(strings.Replace(goodA, "g1", "g"+string(rune('a'+goods)), 1) + "\n")
		b.WriteString(bad + "\n")
		wantReasons = append(wantReasons, k.reason)
	}
	b.WriteString(goodB + "\n")
	goods++
	path := filepath.Join(t.TempDir(), "mixed.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, w, rejected, err := loadFile(t, []string{path}, loaders.Options{MaxRecordBytes: 200}, loaders.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Goods with the same text but different ids are one content: the
	// store keeps the first and reports the others unchanged.
	if sum.Loaded+sum.Skipped != goods || sum.Rejected != len(wantReasons) {
		t.Errorf("summary %+v, want %d good and %d rejected", sum, goods, len(wantReasons))
	}
	var got []loaders.Reason
	for i, r := range rejected {
		got = append(got, r.Reason)
		if r.Line != 2*(i+1) {
			t.Errorf("rejection %d at line %d, want %d", i, r.Line, 2*(i+1))
		}
	}
	if !slices.Equal(got, wantReasons) {
		t.Errorf("reasons %v\nwant    %v", got, wantReasons)
	}
	if len(w.saved) != 2 {
		t.Errorf("saved %q", w.saved)
	}
}

func TestLoadMaxRejected(t *testing.T) {
	recs := []loaders.Record{good(1, "one"), bad(2), good(3, "three"), bad(4), good(5, "five"), bad(6)}
	w := newMemWriter()
	var reported int
	sum, err := loaders.Load(context.Background(), slices.Values(recs), &fakeExtractor{}, w, loaders.LoadOptions{
		MaxRejected: 2,
		OnReject:    func(*loaders.RecordError) error { reported++; return nil },
	})
	if !errors.Is(err, loaders.ErrTooManyRejected) || !strings.Contains(err.Error(), "in.jsonl:4") {
		t.Fatalf("err = %v, want ErrTooManyRejected at in.jsonl:4", err)
	}
	if sum.Rejected != 2 || reported != 2 || !slices.Equal(w.saved, []string{"one", "three"}) {
		t.Errorf("summary %+v, reported %d, saved %q", sum, reported, w.saved)
	}
}

func TestLoadOnRejectFailure(t *testing.T) {
	recs := []loaders.Record{good(1, "one"), bad(2), good(3, "three")}
	boom := errors.New("disk full")
	_, err := loaders.Load(context.Background(), slices.Values(recs), &fakeExtractor{}, newMemWriter(), loaders.LoadOptions{
		OnReject: func(*loaders.RecordError) error { return boom },
	})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want the report's failure", err)
	}
}

func TestErrorReport(t *testing.T) {
	var buf bytes.Buffer
	rep := loaders.NewErrorReport(&buf)
	errs := []*loaders.RecordError{
		{Pos: loaders.Position{File: "a.jsonl", Line: 3, Record: 2}, Err: loaders.ErrEmptyText},
		{Pos: loaders.Position{File: "b.json", Record: 7}, Err: errors.Join(loaders.ErrExtract, errors.New("<boom> & co"))},
		{Pos: loaders.Position{File: "c.csv"}, Err: errors.New("something else")},
	}
	for _, e := range errs {
		if err := rep.Write(e); err != nil {
			t.Fatal(err)
		}
	}
	want := []loaders.Rejection{
		{File: "a.jsonl", Line: 3, Record: 2, Reason: loaders.ReasonEmptyText, Message: "empty text"},
		{File: "b.json", Record: 7, Reason: loaders.ReasonExtract, Message: "extraction failed\n<boom> & co"},
		{File: "c.csv", Reason: loaders.ReasonOther, Message: "something else"},
	}
	// Messages stay readable in the file: no \u003c for '<'.
	if !strings.Contains(buf.String(), "<boom> & co") {
		t.Errorf("report escapes HTML: %s", buf.String())
	}
	sc := bufio.NewScanner(&buf)
	var got []loaders.Rejection
	for sc.Scan() {
		var r loaders.Rejection
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		got = append(got, r)
	}
	if !slices.Equal(got, want) {
		t.Errorf("report %+v\nwant   %+v", got, want)
	}
}

func TestReasonOf(t *testing.T) {
	tests := []struct {
		err  error
		want loaders.Reason
	}{
		{loaders.ErrMalformed, loaders.ReasonMalformed}, {loaders.ErrBadDate, loaders.ReasonBadDate},
		{loaders.ErrInvalidUTF8, loaders.ReasonInvalidUTF8}, {loaders.ErrEmptyText, loaders.ReasonEmptyText},
		{loaders.ErrTooLarge, loaders.ReasonTooLarge}, {loaders.ErrBinary, loaders.ReasonBinary},
		{loaders.ErrUnreadable, loaders.ReasonUnreadable}, {loaders.ErrFormat, loaders.ReasonFormat},
		{loaders.ErrExtract, loaders.ReasonExtract}, {loaders.ErrRefused, loaders.ReasonRefused},
		{errors.New("x"), loaders.ReasonOther},
	}
	for _, tt := range tests {
		wrapped := &loaders.RecordError{Pos: loaders.Position{File: "f"}, Err: tt.err}
		if got := loaders.ReasonOf(wrapped); got != tt.want {
			t.Errorf("ReasonOf(%v) = %s, want %s", tt.err, got, tt.want)
		}
	}
}

func TestInputSizeAndBytesRead(t *testing.T) {
	dir := t.TempDir()
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte(goodA + "\n" + goodB + "\n"))
	zw.Close()
	files := map[string][]byte{
		"a.jsonl.gz":    zipped.Bytes(),
		"sub/b.html":    []byte("<p>A web page about talks.</p>"),
		"sub/c.txt":     []byte("A text about talks."),
		"sub/skip.pdf":  []byte("not read"),
		".hidden/d.txt": []byte("not read either"),
	}
	var want int64
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(name, ".pdf") && !strings.HasPrefix(name, ".") {
			want += int64(len(data))
		}
	}
	size, known := loaders.InputSize(context.Background(), []string{dir}, loaders.Options{})
	if size != want || !known {
		t.Errorf("InputSize = %d, %v; want %d, true", size, known, want)
	}
	if _, known := loaders.InputSize(context.Background(), []string{dir, "-"}, loaders.Options{}); known {
		t.Error("standard input counted as known")
	}
	var n atomic.Int64
	recs := collect(t, dir, loaders.Options{BytesRead: &n})
	if len(recs) != 4 || n.Load() != want {
		t.Errorf("read %d records and %d bytes, want 4 and %d", len(recs), n.Load(), want)
	}
	for _, r := range recs {
		if r.Err != nil {
			t.Error(r.Err)
		}
	}
}
