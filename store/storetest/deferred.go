package storetest

import (
	"testing"

	"github.com/diplograph/diplograph"
)

// testDeferredGrouping checks diplograph.DeferredGrouper: saves whose event
// reports wait, mixed with grouped saves, a replacement and a deletion of
// articles whose reports still wait, give after GroupPending the graph that
// grouped saves of the same articles in the same order give.
func testDeferredGrouping(t *testing.T, s diplograph.Store) {
	dg, ok := s.(diplograph.DeferredGrouper)
	if !ok {
		t.Fatalf("%T does not implement diplograph.DeferredGrouper", s)
	}
	ctx := t.Context()
	xs := append(mergeCorpus(), fixtureA())
	xs = append(xs, Generate(40, 21)...)
	xs = append(xs, fixtureA2())
	gone := xs[len(xs)-5].Article.ID

	// Batches of one to six; every third is grouped as it is saved.
	var batches [][]*diplograph.Extraction
	for i, n := 0, 1; i < len(xs); i, n = i+n, n%6+1 {
		batches = append(batches, xs[i:min(i+n, len(xs))])
	}
	for i, b := range batches {
		save := dg.SaveBatchUngrouped
		if i%3 == 2 {
			save = dg.SaveBatch
		}
		res, err := save(ctx, b)
		if err != nil {
			t.Fatalf("batch %d: %v", i, err)
		}
		for _, r := range res {
			if r.Err != nil {
				t.Fatalf("batch %d: %v", i, r.Err)
			}
		}
		if i == 0 {
			// The first batch's reports wait: no event yet.
			if st := stats(t, s); st.Articles != 1 || st.Events != 0 {
				t.Errorf("after one ungrouped save: %+v, want one article and no event", st)
			}
		}
	}
	deleteArticle(t, s, gone)
	n, err := dg.GroupPending(ctx, nil)
	if err != nil {
		t.Fatalf("GroupPending: %v", err)
	}
	if n == 0 {
		t.Errorf("GroupPending grouped nothing; the test proves little")
	}
	if n, err := dg.GroupPending(ctx, nil); n != 0 || err != nil {
		t.Errorf("GroupPending again = %d, %v; want 0, nil", n, err)
	}
	got := takeSnapshot(t, s)
	if got.Stats.Events < 10 {
		t.Fatalf("the corpus makes %d events; the test proves little", got.Stats.Events)
	}

	// The same saves, each grouped, into the emptied store.
	arts, err := s.Articles(ctx, diplograph.Page{First: diplograph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range nodeIDs(arts, articleID) {
		deleteArticle(t, s, a)
	}
	equal(t, "stats after deleting all", stats(t, s), diplograph.Stats{})
	for _, x := range xs {
		save(t, s, x)
	}
	deleteArticle(t, s, gone)
	equal(t, "graph grouped later", got, takeSnapshot(t, s))
}

// testWaitingReportOfAKnownID checks that a waiting report does not hide
// the event a grouped report of the same id is in: looking an id up finds
// the event of its earliest grouped report, not a waiting one published
// earlier still.
func testWaitingReportOfAKnownID(t *testing.T, s diplograph.Store) {
	dg, ok := s.(diplograph.DeferredGrouper)
	if !ok {
		t.Fatalf("%T does not implement diplograph.DeferredGrouper", s)
	}
	ctx := t.Context()
	// The event is named after c's report; a's, under another id, joins it.
	if _, err := dg.SaveBatch(ctx, []*diplograph.Extraction{
		visit("w-c", "2025-10-14", visitID("x"), oct14), visit("w-a", "2025-10-16", visitID("y"), oct14)}); err != nil {
		t.Fatal(err)
	}
	if _, err := dg.SaveBatchUngrouped(ctx, []*diplograph.Extraction{visit("w-b", "2025-10-13", visitID("y"), oct24)}); err != nil {
		t.Fatal(err)
	}
	if e := event(t, s, visitID("y")); e.ID != visitID("x") {
		t.Errorf("Event(%s) = %s while a report under that id waits; want %s", visitID("y"), e.ID, visitID("x"))
	}
	if _, err := dg.GroupPending(ctx, nil); err != nil {
		t.Fatal(err)
	}
	// Grouped, b's report of the 24th is an event of its own, named by it.
	if e := event(t, s, visitID("y")); e.ID != visitID("y") {
		t.Errorf("after grouping, Event(%s) = %s; want b's own event", visitID("y"), e.ID)
	}
}
