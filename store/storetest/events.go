package storetest

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/diplograph/diplograph"
)

// One event per real-world event across articles: the cases of the rules
// in store/internal/facts (ClusterEvents). Every article here reports a
// visit by Ishiba to the United States, with the ids the extractor would
// give (type, actors and month), so that reports of one visit at different
// precision share an id when they share a month and not otherwise.

// visitID is the id the extractor gives a visit reported in the month m
// ("" when undated).
func visitID(m string) string { return "event:visit:" + m }

// visit is an article, published on the given day, that reports the visit
// with the given date under the given id.
func visit(art, published, id string, when diplograph.TimeSpan) *diplograph.Extraction {
	var tx text
	sent := tx.add(fmt.Sprintf("Ishiba visits the United States (%s, report %s).", when.Raw, art))
	return article(&tx, art, "Visit "+art, published, diplograph.Extraction{
		Entities: []diplograph.Entity{
			{ID: ishiba, Type: diplograph.Person, Name: "Shigeru Ishiba", Aliases: []string{"Ishiba"}, Evidence: tx.ev(sent)},
			{ID: usa, Type: diplograph.Country, Name: "United States", Aliases: []string{"United States"}, Evidence: tx.ev(sent)},
		},
		Events: []diplograph.Event{{ID: id, Type: diplograph.Visit, Status: diplograph.Occurred, TimeSpan: when,
			Participants: []diplograph.Participant{{Entity: ishiba, Role: diplograph.RoleGuest}, {Entity: usa, Role: diplograph.RoleHost}},
			Concerns:     []string{}, Summary: "Ishiba visits the United States.", Evidence: tx.ev(sent)}},
	})
}

// visitEvent is what the tests compare of an event.
type visitEvent struct {
	ID       string
	Span     diplograph.TimeSpan
	Articles []string // of its evidence, in order
}

// visits returns every event in the store's order, with its evidence's
// articles.
func visits(t *testing.T, s diplograph.Store) []visitEvent {
	t.Helper()
	conn, err := s.Events(t.Context(), diplograph.EventFilter{}, diplograph.Page{First: diplograph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	ids := nodeIDs(conn, eventID)
	ev, err := s.Evidence(t.Context(), diplograph.EventFact, ids)
	if err != nil {
		t.Fatal(err)
	}
	out := []visitEvent{}
	for _, e := range conn.Edges {
		out = append(out, visitEvent{e.Node.ID, e.Node.TimeSpan, evidenceArticles(ev[e.Node.ID])})
		if e.Node.Corroboration != len(ev[e.Node.ID]) {
			t.Errorf("event %s: corroboration %d, evidence from %d articles", e.Node.ID, e.Node.Corroboration, len(ev[e.Node.ID]))
		}
	}
	return out
}

func deleteArticle(t *testing.T, s diplograph.Store, id string) {
	t.Helper()
	if err := s.DeleteArticle(t.Context(), id); err != nil {
		t.Fatalf("DeleteArticle(%s): %v", id, err)
	}
}

var (
	october = month(2025, time.October, "in October")
	oct14   = day("2025-10-14", "on Oct. 14")
	oct24   = day("2025-10-24", "on Oct. 24")
)

// testEventMonthDay checks that a month and a day in it are one event that
// takes the day, with the evidence of both, and takes the month again when
// the article that gave the day goes.
func testEventMonthDay(t *testing.T, s diplograph.Store) {
	save(t, s, visit("v-month", "2025-10-01", visitID("2025-10"), october))
	save(t, s, visit("v-day", "2025-10-15", "event:visit:day", oct14))
	want := []visitEvent{{visitID("2025-10"), oct14, []string{"v-month", "v-day"}}}
	equal(t, "events", visits(t, s), want)
	e := event(t, s, visitID("2025-10"))
	equal(t, "provenance", eventProv(e), provenance{2, "2025-10-01", "2025-10-15"})
	// The id the later article gave its report finds the event it is in.
	equal(t, "event by the finer report's id", event(t, s, "event:visit:day").ID, visitID("2025-10"))
	equal(t, "stats", stats(t, s).Events, 1)

	deleteArticle(t, s, "v-day")
	equal(t, "events after the day's article went", visits(t, s), []visitEvent{{visitID("2025-10"), october, []string{"v-month"}}})
	_, err := s.Event(t.Context(), "event:visit:day")
	wantCode(t, err, diplograph.ENOTFOUND, "Event of the deleted report's id")

	// Saved the other way round, the day comes first and names the event.
	deleteArticle(t, s, "v-month")
	save(t, s, visit("v-day", "2025-10-15", "event:visit:day", oct14))
	save(t, s, visit("v-late", "2025-10-20", visitID("2025-10"), october))
	equal(t, "events named by the first report", visits(t, s), []visitEvent{{"event:visit:day", oct14, []string{"v-day", "v-late"}}})
}

// testEventTwoDays checks that two days are two events, even under one id,
// and that a month containing both joins neither.
func testEventTwoDays(t *testing.T, s diplograph.Store) {
	save(t, s, visit("v-14", "2025-10-15", visitID("2025-10"), oct14))
	save(t, s, visit("v-24", "2025-10-25", visitID("2025-10"), oct24))
	got := visits(t, s)
	if len(got) != 2 {
		t.Fatalf("events = %+v, want two", got)
	}
	equal(t, "first event", got[0], visitEvent{visitID("2025-10"), oct14, []string{"v-14"}})
	equal(t, "second event's date", got[1].Span, oct24)
	equal(t, "second event's evidence", got[1].Articles, []string{"v-24"})
	if got[1].ID == got[0].ID {
		t.Errorf("both events have id %s", got[0].ID)
	}
	// "In October" could be either visit: it is an event of its own rather
	// than evidence lent to the wrong one.
	save(t, s, visit("v-month", "2025-11-02", visitID("2025-10"), october))
	equal(t, "events with the month", len(visits(t, s)), 3)
	equal(t, "the first day keeps its event", event(t, s, visitID("2025-10")).TimeSpan, oct14)
}

// testEventWeekAcrossMonths checks that a week running into the next month
// and that month are one event, which takes the week, and that a day in
// both joins them.
func testEventWeekAcrossMonths(t *testing.T, s diplograph.Store) {
	w := week(2025, time.January, 27, "this week") // January 27 to February 2
	feb := month(2025, time.February, "in February")
	save(t, s, visit("v-week", "2025-01-28", visitID("2025-01"), w))
	save(t, s, visit("v-feb", "2025-02-10", visitID("2025-02"), feb))
	equal(t, "week and month", visits(t, s), []visitEvent{{visitID("2025-01"), w, []string{"v-week", "v-feb"}}})
	feb1 := day("2025-02-01", "on Saturday")
	save(t, s, visit("v-day", "2025-02-03", visitID("2025-02"), feb1))
	equal(t, "with a day in both", visits(t, s), []visitEvent{{visitID("2025-01"), feb1, []string{"v-week", "v-day", "v-feb"}}})
	deleteArticle(t, s, "v-day")
	equal(t, "without the day", visits(t, s), []visitEvent{{visitID("2025-01"), w, []string{"v-week", "v-feb"}}})
}

// testEventUndated checks that an undated report joins the dated event
// published close by, and that one published far from any stays its own.
func testEventUndated(t *testing.T, s diplograph.Store) {
	save(t, s, visit("v-day", "2025-10-15", visitID("2025-10"), oct14))
	save(t, s, visit("v-near", "2025-10-16", visitID(""), diplograph.TimeSpan{}))
	save(t, s, visit("v-far", "2025-12-20", visitID(""), diplograph.TimeSpan{}))
	equal(t, "events", visits(t, s), []visitEvent{
		{visitID("2025-10"), oct14, []string{"v-day", "v-near"}},
		{visitID(""), diplograph.TimeSpan{}, []string{"v-far"}},
	})
	// The day is nearer to the undated report than a month around it.
	save(t, s, visit("v-month", "2025-10-02", visitID("2025-10"), october))
	save(t, s, visit("v-24", "2025-10-25", visitID("2025-10"), oct24))
	for _, e := range visits(t, s) {
		if slices.Contains(e.Articles, "v-near") && e.Span != oct14 {
			t.Errorf("the undated report joined %+v, want the visit of Oct. 14", e)
		}
	}
}

// mergeCorpus is a set of reports of two visits and a month that could be
// either, each published on its own day, for the order tests.
func mergeCorpus() []*diplograph.Extraction {
	return []*diplograph.Extraction{
		visit("o-month", "2025-10-02", visitID("2025-10"), october),
		visit("o-14", "2025-10-15", visitID("2025-10"), oct14),
		visit("o-near", "2025-10-16", visitID(""), diplograph.TimeSpan{}),
		visit("o-24", "2025-10-25", visitID("2025-10"), oct24),
		visit("o-week", "2025-10-21", visitID("2025-10"), week(2025, time.October, 20, "this week")),
		visit("o-far", "2025-12-20", visitID(""), diplograph.TimeSpan{}),
	}
}

// testEventOrder checks that the events do not depend on the order the
// articles came in, and that saving them again changes nothing.
func testEventOrder(t *testing.T, s diplograph.Store) {
	xs := mergeCorpus()
	save(t, s, xs...)
	want := takeSnapshot(t, s)
	if want.Stats.Events < 3 {
		t.Fatalf("the corpus makes %d events; the test proves little", want.Stats.Events)
	}
	for _, res := range save(t, s, xs...) {
		if !res.Unchanged {
			t.Errorf("saving %s again wrote it", res.ArticleID)
		}
	}
	equal(t, "after saving again", takeSnapshot(t, s), want)

	orders := [][]int{{5, 4, 3, 2, 1, 0}, {3, 0, 5, 1, 4, 2}, {1, 3, 2, 0, 5, 4}}
	for _, order := range orders {
		for _, x := range xs {
			deleteArticle(t, s, x.Article.ID)
		}
		equal(t, "stats after deleting all", stats(t, s), diplograph.Stats{})
		for _, i := range order {
			save(t, s, xs[i])
		}
		equal(t, fmt.Sprintf("saved in order %v", order), takeSnapshot(t, s), want)
	}
}

// testEventConcurrent checks that loaders saving overlapping articles at
// once make the events one loader makes alone: no duplicate event.
func testEventConcurrent(t *testing.T, s diplograph.Store) {
	xs := mergeCorpus()
	const workers = 4
	var wg sync.WaitGroup
	errs := make(chan error, workers*len(xs))
	for w := range workers {
		wg.Go(func() {
			for i := range xs {
				// Each loader starts elsewhere and goes the other way
				// every other time.
				j := (i + w*2) % len(xs)
				if w%2 == 1 {
					j = len(xs) - 1 - j
				}
				if _, err := s.Save(t.Context(), xs[j]); err != nil {
					errs <- fmt.Errorf("loader %d: Save(%s): %w", w, xs[j].Article.ID, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	got := takeSnapshot(t, s)

	for _, x := range xs {
		deleteArticle(t, s, x.Article.ID)
	}
	save(t, s, xs...)
	equal(t, "events saved concurrently", got, takeSnapshot(t, s))
}

// testEventIDOfAnotherKey checks that two events of different keys reported
// under one id, as extractions other than the extractor's may give, stay
// two events with two ids, whether saved one by one or in one batch.
func testEventIDOfAnotherKey(t *testing.T, s diplograph.Store) {
	const shared = "event:shared"
	visited := visit("k-visit", "2025-10-15", shared, oct14)
	met := visit("k-meeting", "2025-10-16", shared, oct14)
	met.Events[0].Type = diplograph.Meeting
	check := func(how string) {
		t.Helper()
		evs := visits(t, s)
		if len(evs) != 2 || evs[0].ID == evs[1].ID || (evs[0].ID != shared && evs[1].ID != shared) {
			t.Fatalf("%s: events %+v, want two, one of them %s", how, evs, shared)
		}
		types := map[diplograph.EventType]bool{}
		for _, e := range evs {
			got, err := s.Event(t.Context(), e.ID)
			if err != nil {
				t.Fatalf("%s: Event(%s): %v", how, e.ID, err)
			}
			types[got.Type] = true
		}
		if !types[diplograph.Visit] || !types[diplograph.Meeting] {
			t.Errorf("%s: event types %v, want a visit and a meeting", how, types)
		}
	}
	save(t, s, visited, met)
	check("saved one by one")
	bs, ok := s.(diplograph.BatchSaver)
	if !ok {
		return
	}
	deleteArticle(t, s, "k-visit")
	deleteArticle(t, s, "k-meeting")
	if _, err := bs.SaveBatch(t.Context(), []*diplograph.Extraction{met, visited}); err != nil {
		t.Fatalf("SaveBatch: %v", err)
	}
	check("saved in one batch")
}
