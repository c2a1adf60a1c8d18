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
