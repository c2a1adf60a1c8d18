package loaders_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/loaders"
)

// fakeExtractor makes one entity per word of the text and fails on texts
// containing "FAIL". Before extracting a text it waits for the channel
// that gate maps it to, if any, so that tests can force extractions to
// finish out of input order without sleeping.
type fakeExtractor struct {
	gate  map[string]chan struct{}
	after func(text string) // called once the text is extracted
}

func (f *fakeExtractor) Extract(ctx context.Context, a *diplograph.Article) (*diplograph.Extraction, error) {
	if ch, ok := f.gate[a.Text]; ok {
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if strings.Contains(a.Text, "FAIL") {
		return nil, errors.New("cannot extract")
	}
	x := &diplograph.Extraction{Article: *a}
	for w := range strings.FieldsSeq(a.Text) {
		x.Entities = append(x.Entities, diplograph.Entity{ID: w})
	}
	if f.after != nil {
		f.after(a.Text)
	}
	return x, nil
}

// memWriter is an in-memory Writer.
type memWriter struct {
	mu     sync.Mutex
	hashes map[string]bool
	saved  []string // texts in save order
	hasErr error
}

func newMemWriter(stored ...string) *memWriter {
	w := &memWriter{hashes: map[string]bool{}}
	for _, h := range stored {
		w.hashes[h] = true
	}
	return w
}

func (w *memWriter) HasArticle(_ context.Context, hash string) (bool, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.hashes[hash], w.hasErr
}

func (w *memWriter) Save(ctx context.Context, x *diplograph.Extraction) (diplograph.SaveResult, error) {
	if err := ctx.Err(); err != nil {
		return diplograph.SaveResult{}, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case strings.Contains(x.Article.Text, "REFUSE"):
		return diplograph.SaveResult{}, diplograph.Errorf(diplograph.EINVALID, "refused")
	case strings.Contains(x.Article.Text, "BOOM"):
		return diplograph.SaveResult{}, errors.New("disk on fire")
	case w.hashes[x.Article.Hash]:
		return diplograph.SaveResult{ArticleID: x.Article.ID, Unchanged: true}, nil
	}
	w.hashes[x.Article.Hash] = true
	w.saved = append(w.saved, x.Article.Text)
	return diplograph.SaveResult{ArticleID: x.Article.ID, Entities: len(x.Entities), Relations: 1, Events: 2}, nil
}

// good makes a valid record for text.
func good(line int, text string) loaders.Record {
	a := diplograph.Article{Text: text}
	a.Hash = diplograph.ContentHash(&a)
	a.ID = diplograph.ArticleIDFromHash(a.Hash)
	return loaders.Record{Article: a, Pos: loaders.Position{File: "in.jsonl", Line: line, Record: line}}
}

// bad makes an error record.
func bad(line int) loaders.Record {
	pos := loaders.Position{File: "in.jsonl", Line: line, Record: line}
	return loaders.Record{Pos: pos, Err: &loaders.RecordError{Pos: pos, Err: loaders.ErrMalformed}}
}

func TestLoad(t *testing.T) {
	stored := good(0, "already stored here")
	recs := []loaders.Record{
		good(1, "alpha beta"),
		stored,
		bad(3),
		good(4, "please FAIL now"),
		good(5, "alpha beta"), // same content as line 1: the store reports it unchanged
		good(6, "REFUSE me"),
		good(7, "gamma"),
	}
	recs[6].Warnings = []string{"something odd"}
	w := newMemWriter(stored.Article.Hash)
	var progress []loaders.Summary
	sum, err := loaders.Load(context.Background(), slices.Values(recs), &fakeExtractor{}, w, loaders.LoadOptions{
		Workers:  3,
		Progress: func(s loaders.Summary) { progress = append(progress, s) },
	})
	if err != nil {
		t.Fatal(err)
	}
	want := loaders.Summary{Read: 7, Loaded: 2, Skipped: 2, Rejected: 3, Warnings: 1, Entities: 3, Relations: 2, Events: 4}
	got := sum
	got.Errors = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("summary %+v\nwant    %+v", got, want)
	}
	var lines []int
	for _, e := range sum.Errors {
		var re *loaders.RecordError
		if !errors.As(e, &re) {
			t.Fatalf("error %v is not a *RecordError", e)
		}
		lines = append(lines, re.Pos.Line)
	}
	if !slices.Equal(lines, []int{3, 4, 6}) {
		t.Errorf("rejected lines %v, want [3 4 6]", lines)
	}
	if !errors.Is(sum.Errors[0], loaders.ErrMalformed) || !errors.Is(sum.Errors[1], loaders.ErrExtract) ||
		diplograph.ErrorCode(sum.Errors[2]) != diplograph.EINVALID {
		t.Errorf("errors %v", sum.Errors)
	}
	if !slices.Equal(w.saved, []string{"alpha beta", "gamma"}) {
		t.Errorf("saved %q", w.saved)
	}
	if len(progress) != 7 {
		t.Fatalf("progress called %d times, want 7", len(progress))
	}
	for i, p := range progress {
		if p.Read != i+1 {
			t.Errorf("progress %d: read %d", i, p.Read)
		}
	}
}

func TestLoadSavesInInputOrder(t *testing.T) {
	// The first record's extraction is held until the last one has been
	// extracted, so extractions finish out of order; saves must not.
	texts := []string{"first", "second", "third", "fourth"}
	release := make(chan struct{})
	x := &fakeExtractor{
		gate: map[string]chan struct{}{"first": release},
		after: func(text string) {
			if text == "fourth" {
				close(release)
			}
		},
	}
	var recs []loaders.Record
	for i, s := range texts {
		recs = append(recs, good(i+1, s))
	}
	w := newMemWriter()
	sum, err := loaders.Load(context.Background(), slices.Values(recs), x, w, loaders.LoadOptions{Workers: 4})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Loaded != 4 || !slices.Equal(w.saved, texts) {
		t.Errorf("loaded %d, saved %q", sum.Loaded, w.saved)
	}
}

func TestLoadBoundsErrors(t *testing.T) {
	recs := []loaders.Record{bad(1), bad(2), bad(3), good(4, "fine"), bad(5)}
	tests := []struct {
		max, want int
	}{{0, 4}, {2, 2}, {-1, 0}}
	for _, tt := range tests {
		sum, err := loaders.Load(context.Background(), slices.Values(recs), &fakeExtractor{}, newMemWriter(),
			loaders.LoadOptions{KeepErrors: tt.max, Workers: 1})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Rejected != 4 || len(sum.Errors) != tt.want || sum.Loaded != 1 {
			t.Errorf("KeepErrors %d: rejected %d, kept %d errors, loaded %d", tt.max, sum.Rejected, len(sum.Errors), sum.Loaded)
		}
	}
}

func TestLoadStoreFailure(t *testing.T) {
	recs := []loaders.Record{good(1, "one"), good(2, "BOOM"), good(3, "three")}
	w := newMemWriter()
	sum, err := loaders.Load(context.Background(), slices.Values(recs), &fakeExtractor{}, w, loaders.LoadOptions{Workers: 2})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") || !strings.Contains(err.Error(), "in.jsonl:2") {
		t.Fatalf("err = %v, want the store's failure at in.jsonl:2", err)
	}
	if sum.Loaded != 1 || sum.Read != 1 || slices.Contains(w.saved, "three") {
		t.Errorf("summary %+v, saved %q", sum, w.saved)
	}

	w = newMemWriter()
	w.hasErr = errors.New("store down")
	if _, err := loaders.Load(context.Background(), slices.Values(recs), &fakeExtractor{}, w, loaders.LoadOptions{}); err == nil || !strings.Contains(err.Error(), "store down") {
		t.Errorf("err = %v, want the HasArticle failure", err)
	}
}

// endless yields good records until the consumer stops.
func endless() iter.Seq[loaders.Record] {
	return func(yield func(loaders.Record) bool) {
		for i := 1; ; i++ {
			if !yield(good(i, "article "+strings.Repeat("x", i%50)+string(rune('a'+i%26)))) {
				return
			}
		}
	}
}

func TestLoadCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	n := 0
	x := &fakeExtractor{after: func(string) {
		mu.Lock()
		defer mu.Unlock()
		if n++; n == 5 {
			cancel()
		}
	}}
	sum, err := loaders.Load(ctx, endless(), x, newMemWriter(), loaders.LoadOptions{Workers: 2})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if sum.Loaded > 5 || sum.Rejected != 0 {
		t.Errorf("summary %+v after cancelling at the fifth extraction", sum)
	}

	done, cancelNow := context.WithCancel(context.Background())
	cancelNow()
	sum, err = loaders.Load(done, endless(), &fakeExtractor{}, newMemWriter(), loaders.LoadOptions{})
	if !errors.Is(err, context.Canceled) || sum.Loaded != 0 {
		t.Errorf("pre-cancelled load: %+v, %v", sum, err)
	}
}

// TestLoadFromFiles runs the reader into the pipeline end to end.
func TestLoadFromFiles(t *testing.T) {
	recs := loaders.ReadAll(context.Background(), []string{"testdata/articles.jsonl", "../samples/ishiba-trump-summit.txt"},
		loaders.Options{Published: "2025-02-04"})
	w := newMemWriter()
	sum, err := loaders.Load(context.Background(), recs, &fakeExtractor{}, w, loaders.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 9 || sum.Loaded != 5 || sum.Rejected != 4 {
		t.Errorf("summary %+v", sum)
	}
	// Loading again changes nothing.
	sum, err = loaders.Load(context.Background(), loaders.ReadAll(context.Background(),
		[]string{"testdata/articles.jsonl", "../samples/ishiba-trump-summit.txt"}, loaders.Options{Published: "2025-02-04"}),
		&fakeExtractor{}, w, loaders.LoadOptions{})
	if err != nil || sum.Skipped != 5 || sum.Loaded != 0 {
		t.Errorf("second load: %+v, %v", sum, err)
	}
}

// checkingWriter is a memWriter that checks hashes in batches
// (loaders.HashChecker) and counts how it was asked.
type checkingWriter struct {
	*memWriter
	calls, asked, single int
	checkErr             error
}

func (w *checkingWriter) HasArticle(ctx context.Context, hash string) (bool, error) {
	w.mu.Lock()
	w.single++
	w.mu.Unlock()
	return w.memWriter.HasArticle(ctx, hash)
}

func (w *checkingWriter) StoredHashes(_ context.Context, hashes []string) (map[string]bool, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls++
	w.asked += len(hashes)
	out := map[string]bool{}
	for _, h := range hashes {
		if w.hashes[h] {
			out[h] = true
		}
	}
	return out, w.checkErr
}

// TestLoadChecksInBatches: a store that checks many hashes at once is
// asked about every good record, in fewer calls than records, and never
// one by one; what it holds is skipped, the rest loaded.
func TestLoadChecksInBatches(t *testing.T) {
	var recs []loaders.Record
	var stored []string
	for i := range 1000 {
		r := good(i+1, fmt.Sprintf("article number %d", i))
		if i%10 == 0 {
			stored = append(stored, r.Article.Hash)
		}
		recs = append(recs, r)
	}
	recs = append(recs, bad(1001))
	w := &checkingWriter{memWriter: newMemWriter(stored...)}
	sum, err := loaders.Load(t.Context(), slices.Values(recs), &fakeExtractor{}, w, loaders.LoadOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 1001 || sum.Skipped != 100 || sum.Loaded != 900 || sum.Rejected != 1 {
		t.Errorf("summary %+v", sum)
	}
	if w.asked != 1000 || w.single != 0 {
		t.Errorf("asked about %d hashes, %d one by one; want 1000, 0", w.asked, w.single)
	}
	if w.calls >= 1000 || w.calls < 1 {
		t.Errorf("%d calls for 1000 hashes", w.calls)
	}
	t.Logf("%d calls for 1000 hashes", w.calls)

	w = &checkingWriter{memWriter: newMemWriter(), checkErr: errors.New("store down")}
	if _, err := loaders.Load(t.Context(), slices.Values(recs), &fakeExtractor{}, w, loaders.LoadOptions{}); err == nil ||
		!strings.Contains(err.Error(), "store down") || !strings.Contains(err.Error(), "checking the store") {
		t.Errorf("err = %v, want the StoredHashes failure", err)
	}
}
