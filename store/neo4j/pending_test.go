package neo4j

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
	"github.com/diplograph/diplograph/store/storetest"
)

// pendingCorpus is a corpus whose events share keys across articles, with
// a second version of an article of the first half at the end, so that a
// replacement takes away waiting reports; its inputs and save stamps are
// fixed, so that graphs can be compared property by property.
func pendingCorpus(t *testing.T) ([]*saveInput, []int64) {
	t.Helper()
	corpus := storetest.Generate(40, 7)
	return stampedInputs(t, append(corpus, updated(corpus[3])))
}

// saveBatches saves ins[from:to] in batches of five with their stamps,
// grouped or waiting as grouped says of each batch's first article.
func saveBatches(t *testing.T, s *Store, ins []*saveInput, seqs []int64, from, to int, grouped func(i int) bool) {
	for i := from; i < to; i += 5 {
		j := min(i+5, to)
		if _, err := write(t.Context(), s, batchWork(t.Context(), ins[i:j], seqs[i:j], !grouped(i))); err != nil {
			t.Errorf("batch at %d: %v", i, err)
			return
		}
	}
}

// countWaiting returns how many event reports wait.
func countWaiting(t *testing.T, s *Store) int {
	t.Helper()
	rec, _, err := s.readOne(t.Context(), `MATCH ()-[p:PENDING_REPORT]->() RETURN count(p) AS n`, nil)
	if err != nil {
		t.Fatal(err)
	}
	return int(integer(rec, "n"))
}

// TestGroupPending checks that event reports saved waiting and grouped by
// GroupPending, however its transactions are cut, interrupted or run at
// once, make the graph that grouped saves of the same articles make; and
// that until then no read sees them in an event, while the articles,
// entities, relations and export are whole.
func TestGroupPending(t *testing.T) {
	srv := neo4jtest.Use(t)
	ins, seqs := pendingCorpus(t)
	always := func(int) bool { return true }
	never := func(int) bool { return false }

	ref := openEmpty(t, srv)
	saveBatches(t, ref, ins, seqs, 0, len(ins), always)
	want := dump(t, ref)
	wantStats, err := ref.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if wantStats.Events < 10 {
		t.Fatalf("the corpus makes %d events; too few to test with", wantStats.Events)
	}

	tests := []struct {
		name    string
		chunk   int
		workers int
		// group groups what waits, by whatever means, and returns how many
		// reports it grouped.
		group func(t *testing.T, s *Store) int
	}{
		{"at once", pendingChunk, groupWorkers, func(t *testing.T, s *Store) int {
			n, err := s.GroupPending(t.Context(), nil)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}},
		// A load that dies while grouping leaves reports waiting; the next
		// process groups them.
		{"in small transactions, one at a time", 3, 1, func(t *testing.T, s *Store) int {
			n, err := s.GroupPending(t.Context(), nil)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}},
		{"in small transactions, three at a time", 3, 3, func(t *testing.T, s *Store) int {
			n, err := s.GroupPending(t.Context(), nil)
			if err != nil {
				t.Fatal(err)
			}
			return n
		}},
		{"interrupted, then after a restart", 4, groupWorkers, func(t *testing.T, s *Store) int {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			var calls []int
			first, err := s.GroupPending(ctx, func(done, total int) {
				calls = append(calls, done)
				cancel()
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("GroupPending with its context cancelled: %d, %v", first, err)
			}
			// A transaction that ran beside the one reported may still
			// commit, and be reported, before the cancel reaches it.
			if len(calls) == 0 || len(calls) > s.groupWorkers || calls[len(calls)-1] != first || first == 0 {
				t.Fatalf("GroupPending grouped %d and reported progress %v, want at most %d calls, the last with it", first, calls, s.groupWorkers)
			}
			if left := countWaiting(t, s); left == 0 {
				t.Fatal("nothing waits after an interrupted GroupPending; the test proves little")
			}
			// A new process, which knows nothing of the first.
			again, err := Open(t.Context(), testConfig(srv))
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			n, err := again.GroupPending(t.Context(), nil)
			if err != nil {
				t.Fatal(err)
			}
			return first + n
		}},
		{"by two processes at once", 3, groupWorkers, func(t *testing.T, s *Store) int {
			other, err := Open(t.Context(), testConfig(srv))
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			other.groupChunk = 5
			var wg sync.WaitGroup
			ns := make([]int, 2)
			for i, g := range []*Store{s, other} {
				wg.Go(func() {
					var err error
					if ns[i], err = g.GroupPending(t.Context(), nil); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Wait()
			return ns[0] + ns[1]
		}},
	}
	// Saves, waiting and grouped, of new articles and of a new version of
	// one whose reports may still wait, while GroupPending runs.
	t.Run("while saves go on", func(t *testing.T) {
		s := openEmpty(t, srv)
		s.groupChunk = 3
		half := len(ins) / 2
		saveBatches(t, s, ins, seqs, 0, half, never)
		var wg sync.WaitGroup
		wg.Go(func() {
			saveBatches(t, s, ins, seqs, half, len(ins), func(i int) bool { return i/5%2 == 0 })
		})
		wg.Go(func() {
			for range 2 {
				if _, err := s.GroupPending(t.Context(), nil); err != nil {
					t.Error(err)
				}
			}
		})
		wg.Wait()
		if _, err := s.GroupPending(t.Context(), nil); err != nil {
			t.Fatal(err)
		}
		if got := dump(t, s); !slices.Equal(got, want) {
			t.Errorf("graph differs from the graph grouped at once:\n%s", diffLines(got, want))
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openEmpty(t, srv)
			s.groupChunk, s.groupWorkers = tt.chunk, tt.workers
			saveBatches(t, s, ins, seqs, 0, len(ins), never)
			waiting := countWaiting(t, s)
			if waiting == 0 {
				t.Fatal("no report waits")
			}
			checkWaiting(t, s, ins, wantStats)
			if n := tt.group(t, s); n != waiting {
				t.Errorf("grouped %d reports, want the %d that waited", n, waiting)
			}
			if n := countWaiting(t, s); n != 0 {
				t.Errorf("%d reports still wait", n)
			}
			if got := dump(t, s); !slices.Equal(got, want) {
				t.Errorf("graph grouped later differs from the graph grouped at once:\n%s", diffLines(got, want))
			}
		})
	}
}

// TestGroupKeyOnSave checks that a save that groups an event key, and a
// deletion that groups one again, group the reports of the key that wait.
func TestGroupKeyOnSave(t *testing.T) {
	srv := neo4jtest.Use(t)
	ins, seqs := pendingCorpus(t)
	s := openEmpty(t, srv)
	saveBatches(t, s, ins, seqs, 0, 20, func(int) bool { return false })
	first := ins[0]
	var keys []string
	for i := range first.events {
		keys = append(keys, diplograph.EventKey(&first.events[i]))
	}
	waiting := func() int {
		t.Helper()
		rec, _, err := s.readOne(t.Context(), `MATCH ()-[p:PENDING_REPORT]->() WHERE p.key IN $keys RETURN count(p) AS n`,
			map[string]any{"keys": keys})
		if err != nil {
			t.Fatal(err)
		}
		return int(integer(rec, "n"))
	}
	// copyOf is another article reporting the first article's events.
	copyOf := func(suffix string) *saveInput {
		in := *first
		in.art.ID += suffix
		in.art.Title += suffix
		in.art.Hash = diplograph.ContentHash(&in.art)
		return &in
	}
	save := func(in *saveInput, seq int64, deferred bool) {
		t.Helper()
		if _, err := write(t.Context(), s, batchWork(t.Context(), []*saveInput{in}, []int64{seq}, deferred)); err != nil {
			t.Fatal(err)
		}
	}
	if waiting() == 0 {
		t.Fatal("the first article's reports do not wait")
	}
	again := copyOf("-again")
	save(again, 5000, false)
	if n := waiting(); n != 0 {
		t.Errorf("%d reports of the keys a grouped save grouped still wait", n)
	}
	save(copyOf("-third"), 5001, true)
	if waiting() == 0 {
		t.Fatal("the third copy's reports do not wait")
	}
	if err := s.DeleteArticle(t.Context(), again.art.ID); err != nil {
		t.Fatal(err)
	}
	if n := waiting(); n != 0 {
		t.Errorf("%d reports of the keys a deletion grouped again still wait", n)
	}
	if countWaiting(t, s) == 0 {
		t.Error("no report waits, not even of the keys neither touched")
	}
}

// checkWaiting checks what reads see of a store whose articles' reports all
// wait: every article, entity and relation, but no event, not even by an id
// an article gave one, and no evidence of one; and an export with every
// article whole.
func checkWaiting(t *testing.T, s *Store, ins []*saveInput, want diplograph.Stats) {
	t.Helper()
	ctx := t.Context()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want.Events = 0; st != want {
		t.Errorf("stats while reports wait: %+v, want %+v", st, want)
	}
	evs, err := s.Events(ctx, diplograph.EventFilter{}, diplograph.Page{First: 10})
	if err != nil || len(evs.Edges) != 0 {
		t.Errorf("Events while reports wait: %d, %v; want none", len(evs.Edges), err)
	}
	in := ins[0]
	if len(in.events) == 0 {
		t.Fatal("the first article reports no event")
	}
	id := in.events[0].ID
	if _, err := s.Event(ctx, id); diplograph.ErrorCode(err) != diplograph.ENOTFOUND {
		t.Errorf("Event(%s) of a waiting report: %v, want not found", id, err)
	}
	evidence, err := s.Evidence(ctx, diplograph.EventFact, []string{id})
	if err != nil || len(evidence[id]) != 0 {
		t.Errorf("Evidence of a waiting report: %v, %v; want none", evidence[id], err)
	}
	reports := 0
	for x, err := range s.Export(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		reports += len(x.Events)
	}
	if w := countWaiting(t, s); reports != w {
		t.Errorf("the export has %d event reports; %d wait", reports, w)
	}
}

// TestMigratePending checks schema version 4: a database of version 3,
// without the index of waiting reports, gets it and the new version, and
// keeps its graph.
func TestMigratePending(t *testing.T) {
	srv := neo4jtest.Use(t)
	s := openEmpty(t, srv)
	ins, seqs := pendingCorpus(t)
	saveBatches(t, s, ins, seqs, 0, 20, func(int) bool { return true })
	want := dump(t, s)
	for _, q := range []string{
		`DROP INDEX diplograph_pending_key`,
		`MATCH (m:DiplographSchema) SET m.version = 3`,
	} {
		if _, err := write(t.Context(), s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, (&txn{ctx: t.Context(), tx: tx}).exec(q, nil)
		}); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := s.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	rec, _, err := s.readOne(t.Context(), `MATCH (m:DiplographSchema) RETURN m.version AS v`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v := integer(rec, "v"); v != schemaVersion || schemaVersion != 4 {
		t.Errorf("schema version %d after migrating, want %d (and this test knows 4)", v, schemaVersion)
	}
	recs, err := s.readAll(t.Context(), `SHOW INDEXES YIELD name, state WHERE name = 'diplograph_pending_key' RETURN state`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || str(recs[0], "state") != "ONLINE" {
		t.Errorf("the index of waiting reports after migrating: %v", recs)
	}
	if got := dump(t, s); !slices.Equal(got, want) {
		t.Errorf("graph changed in migrating:\n%s", diffLines(got, want))
	}
	// Waiting reports work on the migrated database.
	saveBatches(t, s, ins, seqs, 20, 30, func(int) bool { return false })
	if n, err := s.GroupPending(t.Context(), nil); n == 0 || err != nil {
		t.Errorf("GroupPending after migrating: %d, %v", n, err)
	}
}
