package storetest

import (
	"fmt"
	"testing"

	"github.com/diplograph/diplograph"
)

// walk fetches every page of a list, first items at a time, checks each
// page's PageInfo and returns the ids in the order the pages gave them.
func walk[T any](t *testing.T, what string, first int, fetch func(p diplograph.Page) (diplograph.Connection[T], error), id func(T) string) []string {
	t.Helper()
	var out []string
	seen := map[string]bool{}
	after, total := "", -1
	for page := 0; ; page++ {
		if page > 200 {
			t.Fatalf("%s: more than 200 pages", what)
		}
		conn, err := fetch(diplograph.Page{First: first, After: after})
		if err != nil {
			t.Fatalf("%s page %d: %v", what, page, err)
		}
		if total == -1 {
			total = conn.TotalCount
		} else if conn.TotalCount != total {
			t.Errorf("%s page %d: TotalCount %d, was %d on the first page", what, page, conn.TotalCount, total)
		}
		if conn.HasPreviousPage != (after != "") {
			t.Errorf("%s page %d: HasPreviousPage = %v", what, page, conn.HasPreviousPage)
		}
		if len(conn.Edges) > first {
			t.Errorf("%s page %d: %d edges, asked for %d", what, page, len(conn.Edges), first)
		}
		if len(conn.Edges) == 0 && page > 0 {
			t.Errorf("%s page %d: empty page after a page that said HasNextPage", what, page)
		}
		for _, e := range conn.Edges {
			k := id(e.Node)
			if seen[k] {
				t.Errorf("%s page %d: %s seen twice", what, page, k)
			}
			seen[k] = true
			out = append(out, k)
			if e.Cursor == "" {
				t.Errorf("%s page %d: %s has no cursor", what, page, k)
			}
		}
		if !conn.HasNextPage {
			break
		}
		if len(conn.Edges) == 0 {
			t.Fatalf("%s page %d: HasNextPage on an empty page", what, page)
		}
		after = conn.Edges[len(conn.Edges)-1].Cursor
	}
	if len(out) != total {
		t.Errorf("%s: pages gave %d items, TotalCount says %d", what, len(out), total)
	}
	return out
}

// pager adapts a typed list method to walk.
func pager[T any](t *testing.T, s diplograph.Store, what string, first int,
	list func(p diplograph.Page) (diplograph.Connection[T], error), id func(T) string) (paged, whole []string) {
	t.Helper()
	paged = walk(t, what, first, list, id)
	all, err := list(diplograph.Page{First: diplograph.MaxPageSize})
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return paged, nodeIDs(all, id)
}

// testPagination walks every list two items at a time and checks that the
// pages give each item once, in the order of the unpaged list.
func testPagination(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	ctx := t.Context()
	entities := func(f diplograph.EntityFilter) func(diplograph.Page) (diplograph.Connection[diplograph.Entity], error) {
		return func(p diplograph.Page) (diplograph.Connection[diplograph.Entity], error) {
			return s.Entities(ctx, f, p)
		}
	}
	relations := func(f diplograph.RelationFilter) func(diplograph.Page) (diplograph.Connection[diplograph.Relation], error) {
		return func(p diplograph.Page) (diplograph.Connection[diplograph.Relation], error) {
			return s.Relations(ctx, f, p)
		}
	}
	events := func(f diplograph.EventFilter) func(diplograph.Page) (diplograph.Connection[diplograph.Event], error) {
		return func(p diplograph.Page) (diplograph.Connection[diplograph.Event], error) { return s.Events(ctx, f, p) }
	}
	tests := []struct {
		name string
		run  func(first int) (paged, whole []string)
		n    int // items in the list
	}{
		{"entities", func(n int) ([]string, []string) {
			return pager(t, s, "entities", n, entities(diplograph.EntityFilter{}), entityID)
		}, 11},
		{"entities by type", func(n int) ([]string, []string) {
			return pager(t, s, "countries", n, entities(diplograph.EntityFilter{Types: []diplograph.EntityType{diplograph.Country}}), entityID)
		}, 4},
		{"entities by query, one full page", func(n int) ([]string, []string) {
			return pager(t, s, "search", n, entities(diplograph.EntityFilter{Query: "Japan"}), entityID)
		}, 2},
		{"relations", func(n int) ([]string, []string) {
			return pager(t, s, "relations", n, relations(diplograph.RelationFilter{}), relationID)
		}, 6},
		{"relations of an entity", func(n int) ([]string, []string) {
			return pager(t, s, "relations of Japan", n, relations(diplograph.RelationFilter{Entity: japan}), relationID)
		}, 4},
		{"events", func(n int) ([]string, []string) {
			return pager(t, s, "events", n, events(diplograph.EventFilter{}), eventID)
		}, 6},
		{"events by status", func(n int) ([]string, []string) {
			return pager(t, s, "occurred", n, events(diplograph.EventFilter{Statuses: []diplograph.EventStatus{diplograph.Occurred}}), eventID)
		}, 4},
		{"articles", func(n int) ([]string, []string) {
			return pager(t, s, "articles", n, func(p diplograph.Page) (diplograph.Connection[diplograph.Article], error) {
				return s.Articles(ctx, p)
			}, articleID)
		}, 3},
	}
	for _, tc := range tests {
		for _, first := range []int{1, 2, 5} {
			t.Run(fmt.Sprintf("%s/first=%d", tc.name, first), func(t *testing.T) {
				paged, whole := tc.run(first)
				equal(t, "paged ids", paged, whole)
				equal(t, "items", len(whole), tc.n)
			})
		}
	}

	// A cursor from the middle of a page resumes right after its edge.
	conn, err := s.Events(ctx, diplograph.EventFilter{}, diplograph.Page{First: 3})
	if err != nil || len(conn.Edges) != 3 {
		t.Fatalf("Events(first 3) = %+v, %v", conn, err)
	}
	next, err := s.Events(ctx, diplograph.EventFilter{}, diplograph.Page{First: 2, After: conn.Edges[0].Cursor})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "events after the first edge", nodeIDs(next, eventID), []string{evInauguration, evPatrol})
	ents, err := s.Entities(ctx, diplograph.EntityFilter{}, diplograph.Page{First: 3})
	if err != nil || len(ents.Edges) != 3 {
		t.Fatalf("Entities(first 3) = %+v, %v", ents, err)
	}
	nextEnts, err := s.Entities(ctx, diplograph.EntityFilter{}, diplograph.Page{First: 1, After: ents.Edges[1].Cursor})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "entities after the second edge", nodeIDs(nextEnts, entityID), []string{ishiba})

	// An event cursor is a position in the order, not an offset: events
	// added before it do not shift the next page.
	first, err := s.Events(ctx, diplograph.EventFilter{}, diplograph.Page{First: 2})
	if err != nil {
		t.Fatal(err)
	}
	var tx text
	sent := tx.add("Japan held an election last year.")
	save(t, s, article(&tx, "art-early", "Election", "2024-11-01", diplograph.Extraction{
		Entities: []diplograph.Entity{{ID: japan, Type: diplograph.Country, Name: "Japan", Aliases: []string{"Japan"}, Evidence: tx.ev(sent)}},
		Events: []diplograph.Event{{ID: "event:election", Type: diplograph.Election, Status: diplograph.Occurred,
			TimeSpan: day("2024-10-27", "last year"), Participants: []diplograph.Participant{{Entity: japan, Role: diplograph.RoleParticipant}},
			Evidence: tx.ev(sent)}},
	}))
	rest, err := s.Events(ctx, diplograph.EventFilter{}, diplograph.Page{First: 2, After: first.Edges[1].Cursor})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "events page after an earlier event was added", nodeIDs(rest, eventID), []string{evPatrol, evSummit})
	equal(t, "TotalCount after an event was added", rest.TotalCount, 7)
}

// testPageSize checks the default page size and the cap.
func testPageSize(t *testing.T, s diplograph.Store) {
	var tx text
	var ents []diplograph.Entity
	for i := range 105 {
		name := fmt.Sprintf("Topic %03d", i)
		sent := tx.add(name + " was discussed.")
		ents = append(ents, diplograph.Entity{ID: fmt.Sprintf("topic:topic-%03d", i), Type: diplograph.Topic,
			Name: name, Aliases: []string{name}, Evidence: tx.ev(sent)})
	}
	save(t, s, article(&tx, "art-many", "Many topics", "2025-05-05", diplograph.Extraction{Entities: ents}))

	tests := []struct {
		first     int
		wantEdges int
	}{
		{0, diplograph.DefaultPageSize},
		{-3, diplograph.DefaultPageSize},
		{7, 7},
		{1000, diplograph.MaxPageSize},
	}
	for _, tc := range tests {
		conn, err := s.Entities(t.Context(), diplograph.EntityFilter{}, diplograph.Page{First: tc.first})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, fmt.Sprintf("edges with first=%d", tc.first), len(conn.Edges), tc.wantEdges)
		equal(t, fmt.Sprintf("TotalCount with first=%d", tc.first), conn.TotalCount, 105)
		equal(t, fmt.Sprintf("HasNextPage with first=%d", tc.first), conn.HasNextPage, true)
	}
	// Ties in corroboration go by name.
	conn, err := s.Entities(t.Context(), diplograph.EntityFilter{Query: "topic"}, diplograph.Page{First: 3})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "search ties by name", nodeIDs(conn, entityID), []string{"topic:topic-000", "topic:topic-001", "topic:topic-002"})
	equal(t, "search TotalCount", conn.TotalCount, 105)
	all := walk(t, "all topics", diplograph.MaxPageSize, func(p diplograph.Page) (diplograph.Connection[diplograph.Entity], error) {
		return s.Entities(t.Context(), diplograph.EntityFilter{Query: "topic"}, p)
	}, entityID)
	equal(t, "topics over two pages", len(all), 105)
}

// testBadCursor checks that every list refuses a cursor it did not make.
func testBadCursor(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	ctx := t.Context()
	for _, after := range []string{"not a cursor!", "Zm9v", "eyJ4IjoxfQ", "%%%"} {
		p := diplograph.Page{First: 2, After: after}
		_, err := s.Entities(ctx, diplograph.EntityFilter{}, p)
		wantCode(t, err, diplograph.EINVALID, "Entities after "+after)
		_, err = s.Entities(ctx, diplograph.EntityFilter{Query: "Japan"}, p)
		wantCode(t, err, diplograph.EINVALID, "Entities search after "+after)
		_, err = s.Relations(ctx, diplograph.RelationFilter{}, p)
		wantCode(t, err, diplograph.EINVALID, "Relations after "+after)
		_, err = s.Events(ctx, diplograph.EventFilter{}, p)
		wantCode(t, err, diplograph.EINVALID, "Events after "+after)
		_, err = s.Articles(ctx, p)
		wantCode(t, err, diplograph.EINVALID, "Articles after "+after)
	}
}
