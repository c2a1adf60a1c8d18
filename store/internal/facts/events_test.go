package facts

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/diplograph/diplograph"
)

func dayOf(d string) diplograph.TimeSpan {
	return diplograph.TimeSpan{Start: d, End: d, Precision: diplograph.Day}
}

func spanOf(start, end string, p diplograph.Precision) diplograph.TimeSpan {
	return diplograph.TimeSpan{Start: start, End: end, Precision: p}
}

var oct = spanOf("2025-10-01", "2025-10-31", diplograph.Month)

// groupsOf names each group by its views' articles, sorted.
func groupsOf(views []EventView, gs []EventGroup) [][]string {
	out := [][]string{}
	for _, g := range gs {
		var arts []string
		for _, m := range g.Members {
			arts = append(arts, views[m].Article)
		}
		slices.Sort(arts)
		out = append(out, arts)
	}
	slices.SortFunc(out, slices.Compare)
	return out
}

func TestClusterEvents(t *testing.T) {
	tests := []struct {
		name  string
		views []EventView
		want  [][]string
	}{
		{"month and day", []EventView{
			{Article: "a", Published: "2025-10-01", ID: "m", Span: oct},
			{Article: "b", Published: "2025-10-15", ID: "m", Span: dayOf("2025-10-14")},
		}, [][]string{{"a", "b"}}},
		{"two days", []EventView{
			{Article: "a", Published: "2025-10-15", ID: "m", Span: dayOf("2025-10-14")},
			{Article: "b", Published: "2025-10-25", ID: "m", Span: dayOf("2025-10-24")},
		}, [][]string{{"a"}, {"b"}}},
		{"a month over two days stays apart", []EventView{
			{Article: "a", Published: "2025-10-15", ID: "m", Span: dayOf("2025-10-14")},
			{Article: "b", Published: "2025-10-25", ID: "m", Span: dayOf("2025-10-24")},
			{Article: "c", Published: "2025-11-01", ID: "m", Span: oct},
		}, [][]string{{"a"}, {"b"}, {"c"}}},
		{"week across a month's end", []EventView{
			{Article: "a", Published: "2025-01-28", ID: "w", Span: spanOf("2025-01-27", "2025-02-02", diplograph.Week)},
			{Article: "b", Published: "2025-02-10", ID: "f", Span: spanOf("2025-02-01", "2025-02-28", diplograph.Month)},
		}, [][]string{{"a", "b"}}},
		{"overlapping days are not one event", []EventView{
			{Article: "a", Published: "2025-02-10", ID: "x", Span: spanOf("2025-02-01", "2025-02-03", diplograph.Day)},
			{Article: "b", Published: "2025-02-10", ID: "x", Span: spanOf("2025-02-03", "2025-02-05", diplograph.Day)},
		}, [][]string{{"a"}, {"b"}}},
		{"one article's two reports", []EventView{
			{Article: "a", Published: "2025-10-20", ID: "x", Span: oct},
			{Article: "a", Published: "2025-10-20", ID: "y", Span: dayOf("2025-10-14")},
		}, [][]string{{"a"}, {"a"}}},
		{"undated near and far", []EventView{
			{Article: "a", Published: "2025-10-15", ID: "m", Span: dayOf("2025-10-14")},
			{Article: "b", Published: "2025-10-16", ID: "u"},
			{Article: "c", Published: "2025-12-22", ID: "u"},
			{Article: "d", Published: "2025-12-24", ID: "u"},
		}, [][]string{{"a", "b"}, {"c", "d"}}},
		{"a year joins only the same year", []EventView{
			{Article: "a", Published: "2025-10-15", ID: "m", Span: dayOf("2025-10-14")},
			{Article: "b", Published: "2025-01-10", ID: "y", Span: spanOf("2025-01-01", "2025-12-31", diplograph.Year)},
			{Article: "c", Published: "2025-02-10", ID: "y", Span: spanOf("2025-01-01", "2025-12-31", diplograph.Year)},
		}, [][]string{{"a"}, {"b", "c"}}},
		{"undated does not join a year", []EventView{
			{Article: "b", Published: "2025-01-10", ID: "y", Span: spanOf("2025-01-01", "2025-12-31", diplograph.Year)},
			{Article: "u", Published: "2025-01-12", ID: "u"},
		}, [][]string{{"b"}, {"u"}}},
		{"undated in two fortnights", []EventView{
			{Article: "c", Published: "2025-12-21", ID: "u"}, // a Sunday
			{Article: "d", Published: "2025-12-22", ID: "u"},
			{Article: "e", Published: "2026-01-04", ID: "u"},
		}, [][]string{{"c"}, {"d", "e"}}},
		{"undated between two days at the same distance", []EventView{
			{Article: "a", Published: "2025-10-15", ID: "m", Span: dayOf("2025-10-14")},
			{Article: "b", Published: "2025-10-19", ID: "m", Span: dayOf("2025-10-18")},
			{Article: "c", Published: "2025-10-16", ID: "u"},
		}, [][]string{{"a"}, {"b"}, {"c"}}},
		{"undated articles' reports are one event of their own", []EventView{
			{Article: "a", Published: "2025-10-15", ID: "m", Span: dayOf("2025-10-14")},
			{Article: "b", ID: "u"},
			{Article: "c", ID: "u"},
		}, [][]string{{"a"}, {"b", "c"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			gs := ClusterEvents("k", tc.views)
			if got := groupsOf(tc.views, gs); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("groups = %v, want %v", got, tc.want)
			}
			ids := map[string]bool{}
			for _, g := range gs {
				if ids[g.ID] {
					t.Errorf("id %s given twice", g.ID)
				}
				ids[g.ID] = true
			}
			// The same views in any order give the same events.
			r := rand.New(rand.NewPCG(1, 2))
			for range 10 {
				shuffled := slices.Clone(tc.views)
				r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
				if got := named(shuffled, ClusterEvents("k", shuffled)); !reflect.DeepEqual(got, named(tc.views, gs)) {
					t.Errorf("shuffled: %v, want %v", got, named(tc.views, gs))
				}
			}
		})
	}
}

// named maps each event id to its views' articles and ids.
func named(views []EventView, gs []EventGroup) map[string][]string {
	out := map[string][]string{}
	for _, g := range gs {
		for _, m := range g.Members {
			out[g.ID] = append(out[g.ID], views[m].Article+"/"+views[m].ID)
		}
		slices.Sort(out[g.ID])
	}
	return out
}

func TestEventIDs(t *testing.T) {
	views := []EventView{
		{Article: "b", Published: "2025-10-25", ID: "m", Span: dayOf("2025-10-24")},
		{Article: "a", Published: "2025-10-15", ID: "m", Span: dayOf("2025-10-14")},
	}
	gs := ClusterEvents("k", views)
	if gs[0].ID != "m" || views[gs[0].First].Article != "a" {
		t.Errorf("first event %+v: want id m, first reported by a", gs[0])
	}
	if want := AltEventID("k", views[0]); gs[1].ID != want {
		t.Errorf("second event id %s, want %s", gs[1].ID, want)
	}
}

func TestEventDate(t *testing.T) {
	var p Prov
	d14 := dayOf("2025-10-14")
	d14.Raw = "on Tuesday"
	got := p.EventDate(diplograph.TimeSpan{}, oct, Stamp{Published: "2025-10-01", Seq: 1})
	p.Add(Stamp{Published: "2025-10-01", Seq: 1})
	got = p.EventDate(got, d14, Stamp{Published: "2025-09-01", Seq: 2})
	p.Add(Stamp{Published: "2025-09-01", Seq: 2})
	if got != d14 {
		t.Errorf("date = %+v, want the day, from an older article", got)
	}
	again := dayOf("2025-10-14")
	again.Raw = "on Oct. 14"
	if got := p.EventDate(got, again, Stamp{Published: "2025-10-20", Seq: 3}); got.Raw != "on Oct. 14" {
		t.Errorf("same day from a later article: raw %q", got.Raw)
	}
	for _, tc := range []struct{ a, b diplograph.TimeSpan }{
		{dayOf("2025-10-14"), oct},
		{oct, diplograph.TimeSpan{}},
		{spanOf("2025-10-13", "2025-10-19", diplograph.Week), oct},
	} {
		if CompareDates(tc.a, tc.b) >= 0 || CompareDates(tc.b, tc.a) <= 0 {
			t.Errorf("CompareDates(%v, %v) does not put the first first", tc.a, tc.b)
		}
	}
}
