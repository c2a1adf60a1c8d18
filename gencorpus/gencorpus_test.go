package gencorpus_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/gencorpus"
	"github.com/diplograph/diplograph/kb"
	"github.com/diplograph/diplograph/loaders"
)

func newGen(t testing.TB, opts gencorpus.Options) *gencorpus.Generator {
	t.Helper()
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	g, err := gencorpus.New(k, opts)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func write(t *testing.T, g *gencorpus.Generator, f gencorpus.Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := gencorpus.Write(context.Background(), &buf, g, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	for _, f := range []gencorpus.Format{gencorpus.JSONL, gencorpus.CSV} {
		a := write(t, newGen(t, gencorpus.Options{Articles: 30, Seed: 7}), f)
		b := write(t, newGen(t, gencorpus.Options{Articles: 30, Seed: 7}), f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: same options, different bytes", f)
		}
		c := write(t, newGen(t, gencorpus.Options{Articles: 30, Seed: 8}), f)
		if bytes.Equal(a, c) {
			t.Errorf("%s: seeds 7 and 8 gave the same corpus", f)
		}
	}
	// A corpus is a prefix of a larger one with the same seed.
	small := write(t, newGen(t, gencorpus.Options{Articles: 5, Seed: 3}), gencorpus.JSONL)
	large := write(t, newGen(t, gencorpus.Options{Articles: 9, Seed: 3}), gencorpus.JSONL)
	if !bytes.HasPrefix(large, small) {
		t.Error("the corpus of 5 is not the start of the corpus of 9")
	}
}

// TestReadable loads both formats back with the loaders: every record is
// good, with its date in the span and its id unique.
func TestReadable(t *testing.T) {
	g := newGen(t, gencorpus.Options{Articles: 40, Seed: 11, From: "2021-01-01", To: "2023-12-31"})
	for _, f := range []gencorpus.Format{gencorpus.JSONL, gencorpus.CSV} {
		data := write(t, g, f)
		format, _ := loaders.ParseFormat(string(f))
		ids := map[string]bool{}
		years := map[string]bool{}
		comments := 0
		for rec := range loaders.Read(context.Background(), "-", loaders.Options{Stdin: bytes.NewReader(data), Format: format}) {
			if rec.Err != nil {
				t.Fatalf("%s: %v", f, rec.Err)
			}
			a := rec.Article
			if ids[a.ID] {
				t.Errorf("%s: id %s twice", f, a.ID)
			}
			ids[a.ID] = true
			if a.Published < "2021-01-01" || a.Published > "2023-12-31" || a.Title == "" || a.Meta["synthetic"] != "true" {
				t.Errorf("%s: %s published %q title %q meta %v", f, a.ID, a.Published, a.Title, a.Meta)
			}
			years[a.Published[:4]] = true
			comments += len(a.Comments)
		}
		if len(ids) != 40 || len(years) != 3 || comments == 0 {
			t.Errorf("%s: %d articles over years %v with %d comments", f, len(ids), years, comments)
		}
	}
}

func TestLengthDistribution(t *testing.T) {
	g := newGen(t, gencorpus.Options{Articles: 400, Seed: 1})
	var lens []int
	for a := range g.Articles(context.Background()) {
		lens = append(lens, len(strings.Fields(a.Text)))
	}
	sort.Ints(lens)
	median, p10, p90 := lens[len(lens)/2], lens[len(lens)/10], lens[len(lens)*9/10]
	t.Logf("lengths: min %d p10 %d median %d p90 %d max %d", lens[0], p10, median, p90, lens[len(lens)-1])
	if median < 300 || median > 500 {
		t.Errorf("median length %d words, want near %d", median, gencorpus.MedianWords)
	}
	// A real spread: short briefs and long features, within the bounds.
	if p10 > 280 || p90 < 550 || lens[0] < gencorpus.MinWords || lens[len(lens)-1] > gencorpus.MaxWords+60 {
		t.Errorf("lengths: min %d p10 %d p90 %d max %d", lens[0], p10, p90, lens[len(lens)-1])
	}
}

// TestActorsRecurWithSkew checks that a few countries make most of the
// news, as in a real corpus, while many appear now and then.
func TestActorsRecurWithSkew(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	g := newGen(t, gencorpus.Options{Articles: 300, Seed: 5})
	count := map[string]int{}
	for a := range g.Articles(context.Background()) {
		for _, r := range k.Records() {
			if r.Type == diplograph.Country && strings.HasPrefix(a.Title, r.Name+" ") {
				count[r.Name]++
			}
		}
	}
	var ns []int
	for _, n := range count {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	slices.Reverse(ns)
	top := 0
	for _, n := range ns[:min(5, len(ns))] {
		top += n
	}
	total := 0
	for _, n := range ns {
		total += n
	}
	if len(count) < 20 || top*3 < total {
		t.Errorf("%d countries lead headlines; the top five lead %d of %d", len(count), top, total)
	}
}

// TestExtractorFindsEvents runs the real extractor over generated
// articles: it must find events of many types, with dates.
func TestExtractorFindsEvents(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(k)
	g := newGen(t, gencorpus.Options{Articles: 12, Seed: 2})
	types := map[diplograph.EventType]int{}
	dated, events := 0, 0
	for a := range g.Articles(context.Background()) {
		a.Hash = diplograph.ContentHash(&a)
		out, err := x.Extract(context.Background(), &a)
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Events) == 0 || len(out.Entities) < 2 {
			t.Errorf("%s: %d events, %d entities", a.ID, len(out.Events), len(out.Entities))
		}
		for _, e := range out.Events {
			types[e.Type]++
			events++
			if e.Start != "" {
				dated++
			}
		}
	}
	t.Logf("%d events of %d types (%v), %d dated", events, len(types), types, dated)
	if len(types) < 12 || dated*3 < events {
		t.Errorf("%d events of %d types (%v), %d dated", events, len(types), types, dated)
	}
}

func TestBadOptions(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []gencorpus.Options{{Articles: -1}, {From: "2024-01-01", To: "2023-01-01"}, {From: "yesterday"}} {
		if _, err := gencorpus.New(k, o); !errors.Is(err, gencorpus.ErrOptions) {
			t.Errorf("%+v: err %v", o, err)
		}
	}
	if _, err := gencorpus.ParseFormat("xml"); !errors.Is(err, gencorpus.ErrOptions) {
		t.Errorf("format xml: %v", err)
	}
}

func BenchmarkArticle(b *testing.B) {
	g := newGen(b, gencorpus.Options{Articles: 1, Seed: 1})
	n := 0
	for i := 0; b.Loop(); i++ {
		n += len(g.Article(i).Text)
	}
	b.SetBytes(int64(n / max(b.N, 1)))
}
