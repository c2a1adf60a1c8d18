package storetest

import (
	"testing"
	"time"

	"github.com/diplograph/diplograph"
)

// testEntitiesSearch checks full-text search over names and aliases, its
// ranking and its filters.
func testEntitiesSearch(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	tests := []struct {
		name string
		f    diplograph.EntityFilter
		want []string
	}{
		{"alias", diplograph.EntityFilter{Query: "Diaoyu"}, []string{senkaku}},
		{"alias prefix", diplograph.EntityFilter{Query: "diao"}, []string{senkaku}},
		{"words any case", diplograph.EntityFilter{Query: "DIAOYU islands"}, []string{senkaku}},
		{"name", diplograph.EntityFilter{Query: "Senkaku"}, []string{senkaku}},
		{"metonym", diplograph.EntityFilter{Query: "Beijing"}, []string{china}},
		{"two words", diplograph.EntityFilter{Query: "coast guard"}, []string{chinaCoastGuard}},
		{"prefix of the last word", diplograph.EntityFilter{Query: "Ishiba Shig"}, []string{ishiba}},
		{"full name", diplograph.EntityFilter{Query: "shigeru ishiba"}, []string{ishiba}},
		{"punctuated alias", diplograph.EntityFilter{Query: "u.s."}, []string{usa, securityTreaty}},
		// Exact matches rank first, whatever the corroboration.
		{"exact first", diplograph.EntityFilter{Query: "Taiwan"}, []string{taiwan, taiwanStrait}},
		{"exact name first", diplograph.EntityFilter{Query: "Japan"}, []string{japan, securityTreaty}},
		// With no exact match, the entity more articles mention ranks first.
		{"corroboration next", diplograph.EntityFilter{Query: "Taiw"}, []string{taiwanStrait, taiwan}},
		{"every word must match", diplograph.EntityFilter{Query: "Senkaku OR Taiwan"}, nil},
		{"query syntax is text", diplograph.EntityFilter{Query: `"Diao*`}, []string{senkaku}},
		{"punctuation only", diplograph.EntityFilter{Query: "..."}, nil},
		{"no match", diplograph.EntityFilter{Query: "nowhere"}, nil},
		{"type filter", diplograph.EntityFilter{Query: "Taiwan", Types: []diplograph.EntityType{diplograph.Place}}, []string{taiwanStrait}},
		{"type filter excludes", diplograph.EntityFilter{Query: "Japan", Types: []diplograph.EntityType{diplograph.Organization}}, nil},
		{"types only", diplograph.EntityFilter{Types: []diplograph.EntityType{diplograph.Place}}, []string{taiwanStrait, washington}},
		{"several types", diplograph.EntityFilter{Types: []diplograph.EntityType{diplograph.Treaty, diplograph.Organization}},
			[]string{chinaCoastGuard, securityTreaty}},
		{"article", diplograph.EntityFilter{Article: artC}, []string{trump, japan, ishiba, taiwanStrait, usa}},
		{"article and query", diplograph.EntityFilter{Query: "Taiwan", Article: artB}, []string{taiwan}},
		{"article and type", diplograph.EntityFilter{Article: artC, Types: []diplograph.EntityType{diplograph.Person}}, []string{trump, ishiba}},
		{"unknown article", diplograph.EntityFilter{Article: "art-none"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := s.Entities(t.Context(), tc.f, diplograph.Page{})
			if err != nil {
				t.Fatalf("Entities(%+v): %v", tc.f, err)
			}
			got := nodeIDs(conn, entityID)
			if tc.want == nil {
				tc.want = []string{}
			}
			equal(t, "ids", got, tc.want)
			equal(t, "TotalCount", conn.TotalCount, len(tc.want))
			equal(t, "HasNextPage", conn.HasNextPage, false)
			equal(t, "HasPreviousPage", conn.HasPreviousPage, false)
		})
	}

	_, err := s.Entities(t.Context(), diplograph.EntityFilter{Types: []diplograph.EntityType{"CITY"}}, diplograph.Page{})
	wantCode(t, err, diplograph.EINVALID, "Entities with an unknown type")
}

// testEntitiesOrder checks the order of the unfiltered list and that search
// results carry their provenance.
func testEntitiesOrder(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	conn, err := s.Entities(t.Context(), diplograph.EntityFilter{}, diplograph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "order", nodeIDs(conn, entityID), []string{
		trump, japan, ishiba, // three articles each, by name
		china, senkaku, taiwanStrait, usa, // two
		chinaCoastGuard, securityTreaty, taiwan, washington, // one
	})
	equal(t, "TotalCount", conn.TotalCount, 11)
	for _, e := range conn.Edges {
		if e.Node.Corroboration == 0 || e.Node.Name == "" || e.Cursor == "" {
			t.Errorf("edge %+v lacks a cursor, a name or its corroboration", e)
		}
	}
	q, err := s.Entities(t.Context(), diplograph.EntityFilter{Query: "Diaoyu"}, diplograph.Page{})
	if err != nil || len(q.Edges) != 1 {
		t.Fatalf("Entities(Diaoyu) = %+v, %v", q, err)
	}
	got := q.Edges[0].Node
	equal(t, "search result provenance", entityProv(got), provenance{2, "2025-02-04", "2025-02-10"})
	equal(t, "search result aliases", set(got.Aliases), []string{"Diaoyu", "Diaoyu Islands", "Senkaku Islands"})
}

func testEntitiesByID(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	tests := []struct {
		ids  []string
		want []string
	}{
		{[]string{usa, "missing", japan, china}, []string{usa, japan, china}},
		{[]string{taiwan}, []string{taiwan}},
		{[]string{"missing"}, []string{}},
		{nil, []string{}},
	}
	for _, tc := range tests {
		got, err := s.EntitiesByID(t.Context(), tc.ids)
		if err != nil {
			t.Fatalf("EntitiesByID(%v): %v", tc.ids, err)
		}
		ids := make([]string, 0, len(got))
		for _, e := range got {
			ids = append(ids, e.ID)
			if e.Name == "" || e.Corroboration == 0 {
				t.Errorf("EntitiesByID returned %+v without its name or corroboration", e)
			}
		}
		equal(t, "EntitiesByID", ids, tc.want)
	}
}

func testRelations(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	tests := []struct {
		name string
		f    diplograph.RelationFilter
		want []string
	}{
		{"all, by type then id", diplograph.RelationFilter{},
			[]string{relJapanAdministers, relAlliance, relChinaClaims, relIshibaPM, relTrumpPresident, relJapanTreaty}},
		{"type", diplograph.RelationFilter{Types: []diplograph.RelationType{diplograph.HoldsOffice}},
			[]string{relIshibaPM, relTrumpPresident}},
		{"types", diplograph.RelationFilter{Types: []diplograph.RelationType{diplograph.Claims, diplograph.Administers}},
			[]string{relJapanAdministers, relChinaClaims}},
		{"subject", diplograph.RelationFilter{Subject: japan}, []string{relJapanAdministers, relAlliance, relJapanTreaty}},
		{"object", diplograph.RelationFilter{Object: senkaku}, []string{relJapanAdministers, relChinaClaims}},
		{"either end", diplograph.RelationFilter{Entity: japan}, []string{relJapanAdministers, relAlliance, relIshibaPM, relJapanTreaty}},
		{"end and type", diplograph.RelationFilter{Entity: usa, Types: []diplograph.RelationType{diplograph.AlliedWith}}, []string{relAlliance}},
		{"subject and object", diplograph.RelationFilter{Subject: china, Object: japan}, nil},
		{"article", diplograph.RelationFilter{Article: artB}, []string{relChinaClaims, relIshibaPM}},
		{"other article", diplograph.RelationFilter{Article: artC}, []string{relTrumpPresident}},
		{"article and type", diplograph.RelationFilter{Article: artA, Types: []diplograph.RelationType{diplograph.HoldsOffice}},
			[]string{relIshibaPM, relTrumpPresident}},
		{"article and end", diplograph.RelationFilter{Article: artB, Entity: senkaku}, []string{relChinaClaims}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := s.Relations(t.Context(), tc.f, diplograph.Page{})
			if err != nil {
				t.Fatalf("Relations(%+v): %v", tc.f, err)
			}
			if tc.want == nil {
				tc.want = []string{}
			}
			equal(t, "ids", nodeIDs(conn, relationID), tc.want)
			equal(t, "TotalCount", conn.TotalCount, len(tc.want))
			equal(t, "HasNextPage", conn.HasNextPage, false)
		})
	}
	_, err := s.Relations(t.Context(), diplograph.RelationFilter{Types: []diplograph.RelationType{"LIKES"}}, diplograph.Page{})
	wantCode(t, err, diplograph.EINVALID, "Relations with an unknown type")
}

func testEvents(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	types := func(ts ...diplograph.EventType) []diplograph.EventType { return ts }
	statuses := func(ss ...diplograph.EventStatus) []diplograph.EventStatus { return ss }
	tests := []struct {
		name string
		f    diplograph.EventFilter
		want []string
	}{
		// By start date, undated last; the two events of 2025-01-20 by id.
		{"all", diplograph.EventFilter{}, []string{evCongrats, evInauguration, evPatrol, evSummit, evProtest, evProposal}},
		{"types", diplograph.EventFilter{Types: types(diplograph.Meeting, diplograph.Protest)}, []string{evSummit, evProtest}},
		{"status", diplograph.EventFilter{Statuses: statuses(diplograph.Occurred)}, []string{evCongrats, evInauguration, evSummit, evProtest}},
		{"status the latest article changed", diplograph.EventFilter{Statuses: statuses(diplograph.Planned)}, nil},
		{"statuses", diplograph.EventFilter{Statuses: statuses(diplograph.Ongoing, diplograph.Proposed)}, []string{evPatrol, evProposal}},
		{"participant", diplograph.EventFilter{Participants: []string{ishiba}}, []string{evCongrats, evSummit}},
		{"all participants", diplograph.EventFilter{Participants: []string{ishiba, trump}}, []string{evCongrats, evSummit}},
		{"all participants must match", diplograph.EventFilter{Participants: []string{ishiba, china}}, nil},
		{"participant from one article", diplograph.EventFilter{Participants: []string{japan}}, []string{evSummit, evProtest}},
		{"participant twice", diplograph.EventFilter{Participants: []string{japan, japan}}, []string{evSummit, evProtest}},
		{"location", diplograph.EventFilter{Location: senkaku}, []string{evPatrol}},
		{"other location", diplograph.EventFilter{Location: washington}, []string{evSummit}},
		{"range inside a month-long span", diplograph.EventFilter{From: "2025-02-15", To: "2025-03-01"}, []string{evPatrol}},
		{"from", diplograph.EventFilter{From: "2025-02-08"}, []string{evPatrol, evProtest}},
		{"to", diplograph.EventFilter{To: "2025-01-31"}, []string{evCongrats, evInauguration}},
		{"one day", diplograph.EventFilter{From: "2025-02-07", To: "2025-02-07"}, []string{evPatrol, evSummit}},
		{"after everything", diplograph.EventFilter{From: "2025-03-01"}, nil},
		{"article", diplograph.EventFilter{Article: artC}, []string{evCongrats, evInauguration}},
		{"other article", diplograph.EventFilter{Article: artB}, []string{evPatrol, evSummit, evProtest, evProposal}},
		// The article supports the event; the participant may come from another article.
		{"article and participant", diplograph.EventFilter{Article: artA, Participants: []string{japan}}, []string{evSummit}},
		{"article and absent participant", diplograph.EventFilter{Article: artC, Participants: []string{japan}}, nil},
		{"article, participant and date", diplograph.EventFilter{Article: artB, Participants: []string{japan}, From: "2025-02-08"}, []string{evProtest}},
		{"combined", diplograph.EventFilter{Types: types(diplograph.MilitaryActivity), Statuses: statuses(diplograph.Ongoing), From: "2025-02-20"},
			[]string{evPatrol}},
		{"combined excludes", diplograph.EventFilter{Types: types(diplograph.MilitaryActivity), Location: washington}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			conn, err := s.Events(t.Context(), tc.f, diplograph.Page{})
			if err != nil {
				t.Fatalf("Events(%+v): %v", tc.f, err)
			}
			if tc.want == nil {
				tc.want = []string{}
			}
			equal(t, "ids", nodeIDs(conn, eventID), tc.want)
			equal(t, "TotalCount", conn.TotalCount, len(tc.want))
			equal(t, "HasNextPage", conn.HasNextPage, false)
		})
	}

	invalid := []struct {
		name string
		f    diplograph.EventFilter
	}{
		{"unknown type", diplograph.EventFilter{Types: types("PARTY")}},
		{"unknown status", diplograph.EventFilter{Statuses: statuses("DONE")}},
		{"bad from", diplograph.EventFilter{From: "2025-13-01"}},
		{"bad to", diplograph.EventFilter{To: "Feb 2025"}},
	}
	for _, tc := range invalid {
		_, err := s.Events(t.Context(), tc.f, diplograph.Page{})
		wantCode(t, err, diplograph.EINVALID, "Events with "+tc.name)
	}
}

func testArticles(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	var tx text
	sent := tx.add("An undated note.")
	save(t, s, article(&tx, "art-d", "Undated", "", diplograph.Extraction{
		Entities: []diplograph.Entity{{ID: japan, Type: diplograph.Country, Name: "Japan", Aliases: []string{"Japan"}, Evidence: tx.ev(sent)}},
	}))
	conn, err := s.Articles(t.Context(), diplograph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "order", nodeIDs(conn, articleID), []string{artB, artA, artC, "art-d"})
	equal(t, "TotalCount", conn.TotalCount, 4)
	equal(t, "title", conn.Edges[0].Node.Title, "Ishiba and Trump meet as patrols continue")
	// An undated article adds to corroboration but not to the dates.
	equal(t, "Japan provenance", entityProv(entity(t, s, japan)), provenance{4, "2025-01-20", "2025-02-10"})
}

// testEventDates checks that filters follow an event whose date a later
// article gives more exactly, and go back when that article goes.
func testEventDates(t *testing.T, s diplograph.Store) {
	mk := func(id, published string, when diplograph.TimeSpan) *diplograph.Extraction {
		var tx text
		sent := tx.add("Japan will host talks " + when.Raw + ".")
		return article(&tx, id, id, published, diplograph.Extraction{
			Entities: []diplograph.Entity{{ID: japan, Type: diplograph.Country, Name: "Japan", Aliases: []string{"Japan"}, Evidence: tx.ev(sent)}},
			Events: []diplograph.Event{{ID: "event:talks", Type: diplograph.Meeting, Status: diplograph.Planned,
				TimeSpan: when, Participants: []diplograph.Participant{{Entity: japan, Role: diplograph.RoleHost}},
				Evidence: tx.ev(sent)}},
		})
	}
	events := func(f diplograph.EventFilter) []string {
		t.Helper()
		conn, err := s.Events(t.Context(), f, diplograph.Page{})
		if err != nil {
			t.Fatalf("Events(%+v): %v", f, err)
		}
		return nodeIDs(conn, eventID)
	}
	april := month(2025, time.April, "in April")
	late := diplograph.EventFilter{Participants: []string{japan}, From: "2025-04-12"}
	early := diplograph.EventFilter{Participants: []string{japan}, To: "2025-04-05"}
	theDay := diplograph.EventFilter{From: "2025-04-10", To: "2025-04-10"}
	save(t, s, mk("q1", "2025-03-01", april))
	equal(t, "late before the change", events(late), []string{"event:talks"})
	equal(t, "early before the change", events(early), []string{"event:talks"})
	save(t, s, mk("q2", "2025-03-05", day("2025-04-10", "on April 10")))
	equal(t, "date after the change", event(t, s, "event:talks").TimeSpan, day("2025-04-10", "on April 10"))
	equal(t, "late after the change", events(late), []string{})
	equal(t, "early after the change", events(early), []string{})
	equal(t, "the day after the change", events(theDay), []string{"event:talks"})
	if err := s.DeleteArticle(t.Context(), "q2"); err != nil {
		t.Fatal(err)
	}
	equal(t, "date after the delete", event(t, s, "event:talks").TimeSpan, april)
	equal(t, "late after the delete", events(late), []string{"event:talks"})
	equal(t, "early after the delete", events(early), []string{"event:talks"})
	equal(t, "the day after the delete", events(theDay), []string{"event:talks"})
}
