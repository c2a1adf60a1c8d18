// Package storetest is the conformance suite of diplograph.Store: the one
// set of tests that every backend (the embedded SQLite store, Neo4j) must
// pass. It is written against the interface only, with hand-built
// extractions, so it depends on no extractor and on no backend's internals.
//
// A backend's own test calls Run with a function that opens a new, empty
// store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) diplograph.Store {
//			s, err := Open(t.Context(), filepath.Join(t.TempDir(), "test.db"))
//			if err != nil {
//				t.Fatal(err)
//			}
//			return s
//		})
//	}
//
// Besides what the Store interface documents, the suite holds every backend
// to these choices, so that they answer alike:
//   - A fact seen in several articles takes the union of their list fields
//     (aliases, participants, concerns), its properties key by key from the
//     latest article that gives each key, and every other field from the
//     latest article (by publication date, undated articles counting as
//     oldest, ties going to the article saved last).
//   - Corroboration is the number of supporting articles; firstSeen and
//     lastSeen are their earliest and latest publication dates.
//   - Evidence is ordered by the article's publication date (undated last),
//     the article's id, then the sentence's start offset.
//   - Articles lists the latest published first (undated last), then by id.
//     Entities without a query ranks by corroboration (descending), then
//     name (case-insensitive), then id; with a query, exact matches of a
//     name or alias come first. Relations are ordered by type, then id.
//   - Unknown entity, relation or event types and statuses in a filter, and
//     filter dates that are not YYYY-MM-DD, are EINVALID.
//   - The comments kept are the extraction's (with their stances), in order.
//   - Events are one per real-world event across articles: the reports of
//     one diplograph.EventKey are grouped by their dates as
//     store/internal/facts (ClusterEvents) says, the finest date wins, and
//     an event is named after its first report. Event(id) also finds an
//     event by the id any stored article gave one of its reports.
//
// Generate and Bench give every backend the same synthetic corpus and the
// same benchmarks, so that their figures compare.
package storetest

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/diplograph/diplograph"
)

// Run runs the conformance suite. open must return a new, empty store each
// time it is called; Run closes it when the subtest ends.
func Run(t *testing.T, open func(t *testing.T) diplograph.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s diplograph.Store)
	}{
		{"SaveAndRead", testSaveAndRead},
		{"MergeAcrossArticles", testMerge},
		{"Precedence", testPrecedence},
		{"Comments", testComments},
		{"Evidence", testEvidence},
		{"EntitiesSearch", testEntitiesSearch},
		{"EntitiesOrder", testEntitiesOrder},
		{"EntitiesByID", testEntitiesByID},
		{"Relations", testRelations},
		{"Events", testEvents},
		{"EventDates", testEventDates},
		{"EventMonthDay", testEventMonthDay},
		{"EventTwoDays", testEventTwoDays},
		{"EventWeekAcrossMonths", testEventWeekAcrossMonths},
		{"EventUndated", testEventUndated},
		{"EventOrder", testEventOrder},
		{"EventConcurrent", testEventConcurrent},
		{"EventIDOfAnotherKey", testEventIDOfAnotherKey},
		{"Articles", testArticles},
		{"Pagination", testPagination},
		{"PageSize", testPageSize},
		{"BadCursor", testBadCursor},
		{"NotFound", testNotFound},
		{"Invalid", testInvalid},
		{"Unchanged", testUnchanged},
		{"Replace", testReplace},
		{"Delete", testDelete},
		{"Concurrent", testConcurrent},
		{"Batch", testBatch},
		{"BatchRepeats", testBatchRepeats},
		{"DeferredGrouping", testDeferredGrouping},
		{"WaitingReportOfAKnownID", testWaitingReportOfAKnownID},
		{"StatsAndPing", testStatsAndPing},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tc.fn(t, s)
		})
	}
}

// save saves each extraction in turn and fails the test on any error.
func save(t *testing.T, s diplograph.Store, xs ...*diplograph.Extraction) []diplograph.SaveResult {
	t.Helper()
	out := make([]diplograph.SaveResult, 0, len(xs))
	for _, x := range xs {
		res, err := s.Save(t.Context(), x)
		if err != nil {
			t.Fatalf("Save(%s): %v", x.Article.ID, err)
		}
		out = append(out, res)
	}
	return out
}

// saveAll saves the three fixture articles in the order A, B, C.
func saveAll(t *testing.T, s diplograph.Store) {
	t.Helper()
	save(t, s, fixtureA(), fixtureB(), fixtureC())
}

// wantCode fails the test unless err carries the error code want.
func wantCode(t *testing.T, err error, want, what string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want code %s", what, want)
		return
	}
	if got := diplograph.ErrorCode(err); got != want {
		t.Errorf("%s: error %q has code %q, want %q", what, err, got, want)
	}
}

func equal[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", what, got, want)
	}
}

// set returns ss sorted, for comparing lists whose order is not specified.
func set[T cmp.Ordered](ss []T) []T {
	out := slices.Clone(ss)
	slices.Sort(out)
	if out == nil {
		out = []T{}
	}
	return out
}

func participantSet(ps []diplograph.Participant) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%s/%s", p.Entity, p.Role))
	}
	return set(out)
}

func nodeIDs[T any](conn diplograph.Connection[T], id func(T) string) []string {
	out := make([]string, 0, len(conn.Edges))
	for _, e := range conn.Edges {
		out = append(out, id(e.Node))
	}
	return out
}

func entityID(e diplograph.Entity) string     { return e.ID }
func relationID(r diplograph.Relation) string { return r.ID }
func eventID(e diplograph.Event) string       { return e.ID }
func articleID(a diplograph.Article) string   { return a.ID }

func entity(t *testing.T, s diplograph.Store, id string) diplograph.Entity {
	t.Helper()
	e, err := s.Entity(t.Context(), id)
	if err != nil {
		t.Fatalf("Entity(%s): %v", id, err)
	}
	return e
}

func relation(t *testing.T, s diplograph.Store, id string) diplograph.Relation {
	t.Helper()
	r, err := s.Relation(t.Context(), id)
	if err != nil {
		t.Fatalf("Relation(%s): %v", id, err)
	}
	return r
}

func event(t *testing.T, s diplograph.Store, id string) diplograph.Event {
	t.Helper()
	e, err := s.Event(t.Context(), id)
	if err != nil {
		t.Fatalf("Event(%s): %v", id, err)
	}
	return e
}

func stats(t *testing.T, s diplograph.Store) diplograph.Stats {
	t.Helper()
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

// provenance is the part of a fact that says where it comes from.
type provenance struct {
	Corroboration       int
	FirstSeen, LastSeen string
}

func entityProv(e diplograph.Entity) provenance {
	return provenance{e.Corroboration, e.FirstSeen, e.LastSeen}
}

func relationProv(r diplograph.Relation) provenance {
	return provenance{r.Corroboration, r.FirstSeen, r.LastSeen}
}

func eventProv(e diplograph.Event) provenance {
	return provenance{e.Corroboration, e.FirstSeen, e.LastSeen}
}

// evidenceArticles returns the article id of each piece of evidence.
func evidenceArticles(evs []diplograph.Evidence) []string {
	out := make([]string, 0, len(evs))
	for _, ev := range evs {
		out = append(out, ev.Article)
	}
	return out
}

func props(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

// nonEmpty returns m, or an empty map for nil, so that "no properties"
// compares equal however a backend returns it.
func nonEmpty(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}
