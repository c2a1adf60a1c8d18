package loaders_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/loaders"
)

// batchWriter is a memWriter that saves in batches and records their
// sizes; saved, when set, hears of every batch written.
type batchWriter struct {
	*memWriter
	mu      sync.Mutex
	batches []int
	saved   chan int
}

func (w *batchWriter) SaveBatch(ctx context.Context, xs []*diplograph.Extraction) ([]diplograph.BatchResult, error) {
	out := make([]diplograph.BatchResult, len(xs))
	for i, x := range xs {
		res, err := w.Save(ctx, x)
		if diplograph.ErrorCode(err) == diplograph.EINVALID {
			out[i].Err = err
			continue
		} else if err != nil {
			return nil, err
		}
		out[i].SaveResult = res
	}
	w.mu.Lock()
	w.batches = append(w.batches, len(xs))
	w.mu.Unlock()
	if w.saved != nil {
		w.saved <- len(xs)
	}
	return out, nil
}

func TestLoadBatches(t *testing.T) {
	tests := []struct {
		name        string
		size, bytes int
		texts       []string
		want        []int
	}{
		{"by count", 3, 0, []string{"a", "b", "c", "d", "e", "f", "g"}, []int{3, 3, 1}},
		// Six bytes of text fill a batch: "aaa" + "bbb", then "ccc" + "ddd".
		{"by size", 100, 6, []string{"aaa", "bbb", "ccc", "ddd", "e"}, []int{2, 2, 1}},
		// A refused article is in its batch and rejected alone.
		{"with refusals", 2, 0, []string{"a", "REFUSE b", "c"}, []int{2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &batchWriter{memWriter: newMemWriter()}
			var recs []loaders.Record
			for i, s := range tt.texts {
				recs = append(recs, good(i+1, s))
			}
			sum, err := loaders.Load(t.Context(), slices.Values(recs), &fakeExtractor{}, w,
				loaders.LoadOptions{BatchSize: tt.size, BatchBytes: tt.bytes, BatchDelay: time.Hour, Workers: 2})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(w.batches, tt.want) {
				t.Errorf("batches %v, want %v", w.batches, tt.want)
			}
			if sum.Read != len(tt.texts) || sum.Loaded+sum.Rejected != len(tt.texts) {
				t.Errorf("summary %+v", sum)
			}
			if want := slices.DeleteFunc(slices.Clone(tt.texts), func(s string) bool { return s == "REFUSE b" }); !slices.Equal(w.memWriter.saved, want) {
				t.Errorf("saved %v, want %v in input order", w.memWriter.saved, want)
			}
		})
	}
}

// TestLoadBatchDelay checks that a batch is written when its records have
// waited BatchDelay, however long the input takes to bring more: the
// input below yields no more until the store has the first records.
func TestLoadBatchDelay(t *testing.T) {
	w := &batchWriter{memWriter: newMemWriter(), saved: make(chan int, 4)}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	recs := func(yield func(loaders.Record) bool) {
		for i := range 3 {
			if !yield(good(i+1, fmt.Sprintf("early %d", i))) {
				return
			}
		}
		select {
		case <-w.saved:
		case <-ctx.Done():
			return
		}
		yield(good(4, "late"))
	}
	sum, err := loaders.Load(ctx, recs, &fakeExtractor{}, w,
		loaders.LoadOptions{BatchSize: 100, BatchDelay: 10 * time.Millisecond})
	if err != nil {
		t.Fatalf("load: %v (the first batch never came)", err)
	}
	if sum.Loaded != 4 || len(w.batches) != 2 || w.batches[0] != 3 {
		t.Errorf("summary %+v, batches %v; want 4 loaded in batches of 3 and 1", sum, w.batches)
	}
}

// TestLoadBatchFailure checks that a store failure in a batch leaves the
// whole batch uncounted.
func TestLoadBatchFailure(t *testing.T) {
	w := &batchWriter{memWriter: newMemWriter()}
	recs := []loaders.Record{good(1, "a"), good(2, "b"), good(3, "BOOM"), good(4, "d")}
	sum, err := loaders.Load(t.Context(), slices.Values(recs), &fakeExtractor{}, w,
		loaders.LoadOptions{BatchSize: 2, BatchDelay: time.Hour, Workers: 1})
	if err == nil {
		t.Fatal("load succeeded over a failing store")
	}
	if sum.Loaded != 2 || sum.Read != 2 {
		t.Errorf("summary %+v; want the first batch counted, the failed one not", sum)
	}
}

// groupWriter is a batchWriter that defers grouping: it logs each batch as
// "u3" (ungrouped) or "g3" (grouped) and each grouping as "G" with the
// articles saved ungrouped since the last, as a store would count waiting
// reports.
type groupWriter struct {
	*batchWriter
	log     []string
	waiting int
	held    int // articles the store held before the load
}

func (w *groupWriter) Stats(context.Context) (diplograph.Stats, error) {
	return diplograph.Stats{Articles: w.held}, nil
}

func (w *groupWriter) SaveBatch(ctx context.Context, xs []*diplograph.Extraction) ([]diplograph.BatchResult, error) {
	w.log = append(w.log, fmt.Sprintf("g%d", len(xs)))
	return w.batchWriter.SaveBatch(ctx, xs)
}

func (w *groupWriter) SaveBatchUngrouped(ctx context.Context, xs []*diplograph.Extraction) ([]diplograph.BatchResult, error) {
	res, err := w.batchWriter.SaveBatch(ctx, xs)
	if err == nil {
		for _, r := range res {
			if r.Err == nil {
				w.waiting++
			}
		}
		w.log = append(w.log, fmt.Sprintf("u%d", len(xs)))
	}
	return res, err
}

func (w *groupWriter) GroupPending(ctx context.Context, progress func(done, total int)) (int, error) {
	n := w.waiting
	w.waiting = 0
	w.log = append(w.log, fmt.Sprintf("G%d", n))
	return n, nil
}

// TestLoadGroupsDeferred checks when a load groups the event reports it
// saved ungrouped: after GroupEvery articles once the store has doubled
// since the last grouping, and always at the end, also when the rejection
// limit stops it (reports an interrupted load left wait too); and that a
// negative GroupEvery groups with every batch.
func TestLoadGroupsDeferred(t *testing.T) {
	texts := []string{"a", "b", "c", "d", "e", "f", "g"}
	tests := []struct {
		name             string
		every, max, held int
		texts            []string
		want             []string
		wantGrouped      int
	}{
		{"at the end", 0, 0, 0, texts, []string{"u2", "u2", "u2", "u1", "G7"}, 7},
		{"every three", 3, 0, 0, texts, []string{"u2", "u2", "G4", "u2", "u1", "G3"}, 7},
		// Not before the store has doubled since the last grouping.
		{"every two, then as the store doubles", 2, 0, 0, texts, []string{"u2", "G2", "u2", "G2", "u2", "u1", "G3"}, 7},
		{"into a store holding more", 2, 0, 10, texts, []string{"u2", "u2", "u2", "u1", "G7"}, 7},
		{"with every batch", -1, 0, 0, texts, []string{"g2", "g2", "g2", "g1"}, 0},
		{"stopped by rejections", 0, 1, 0, []string{"a", "b", "REFUSE c", "d"}, []string{"u2", "u2", "G3"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &groupWriter{batchWriter: &batchWriter{memWriter: newMemWriter()}, held: tt.held}
			var recs []loaders.Record
			for i, s := range tt.texts {
				recs = append(recs, good(i+1, s))
			}
			sum, err := loaders.Load(t.Context(), slices.Values(recs), &fakeExtractor{}, w,
				loaders.LoadOptions{BatchSize: 2, BatchDelay: time.Hour, Workers: 2, GroupEvery: tt.every, MaxRejected: tt.max})
			if (err != nil) != (tt.max > 0) {
				t.Fatalf("Load: %v", err)
			}
			if !slices.Equal(w.log, tt.want) {
				t.Errorf("writes %v, want %v", w.log, tt.want)
			}
			if sum.Grouped != tt.wantGrouped {
				t.Errorf("grouped %d, want %d", sum.Grouped, tt.wantGrouped)
			}
		})
	}
}
