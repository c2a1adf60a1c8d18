package facts

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestClusterIndex checks that ClusterEvents, which finds the clusters a
// view may join through an index, groups and names exactly as scanning
// every cluster does, on random keys of up to 400 views.
func TestClusterIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for round := range 500 {
		days := []int{60, 400, 3 * 365}[round%3]
		n := 1 + r.IntN(400)
		views := make([]EventView, n)
		for i := range views {
			// Articles repeat, so that the one-view-per-article rule bites.
			views[i] = randomView(r, fmt.Sprintf("a%03d", r.IntN(n/2+1)), days)
			views[i].ID = fmt.Sprintf("%s-%d", views[i].ID, i%3)
		}
		got := ClusterEvents("k", views)
		want := clusterEventsLinear("k", views)
		if !slices.EqualFunc(got, want, func(a, b EventGroup) bool {
			return a.ID == b.ID && a.First == b.First && slices.Equal(a.Members, b.Members)
		}) {
			t.Fatalf("round %d (%d views): indexed %v, linear %v", round, n, got, want)
		}
	}
}

// clusterEventsLinear is ClusterEvents as it was before the index: every
// view checked against every cluster, dates compared by CompareDates. It is
// kept whole, prologue included, as the oracle the indexed version must
// match.
func clusterEventsLinear(key string, views []EventView) []EventGroup {
	type item struct {
		i    int
		v    EventView
		s    span
		date bool
	}
	var dated, undated []item
	for i, v := range views {
		if v.Span.IsZero() {
			undated = append(undated, item{i: i, v: v})
			continue
		}
		dated = append(dated, item{i: i, v: v, s: parseSpan(v.Span), date: true})
	}
	slices.SortFunc(dated, func(a, b item) int {
		return cmp.Or(CompareDates(a.v.Span, b.v.Span), cmp.Compare(a.v.Article, b.v.Article), cmp.Compare(a.v.ID, b.v.ID))
	})
	slices.SortFunc(undated, func(a, b item) int { return reportOrder(a.v, b.v) })

	var clusters []*cluster
	for _, it := range dated {
		var cands []*cluster
		var same *cluster
		for _, c := range clusters {
			if c.articles[it.v.Article] || !all(c.spans, func(s span) bool { return compatible(s, it.s) }) {
				continue
			}
			cands = append(cands, c)
			if same == nil && c.exact[dateOnly(it.v.Span)] {
				same = c
			}
		}
		switch {
		case same != nil:
		case len(cands) == 1 && !it.s.coarse():
			same = cands[0]
		default:
			same = newCluster(0)
			clusters = append(clusters, same)
		}
		same.add(it.i, it.v, it.s, true)
	}

	for _, it := range undated {
		p, published := dayNumber(it.v.Published)
		var join *cluster
		if published {
			best, tie := -1, false
			for _, c := range clusters {
				if !c.dated || c.articles[it.v.Article] || c.anchor.coarse() {
					continue
				}
				if distance(p, c.anchor) > UndatedWindow {
					continue
				}
				d := max(abs(p-c.anchor.start), abs(p-c.anchor.end))
				switch {
				case best < 0 || d < best:
					best, tie, join = d, false, c
				case d == best:
					tie = true
				}
			}
			if tie {
				join = nil
			}
		}
		if join == nil {
			b := undatedBucket(it.v.Published)
			for _, c := range clusters {
				if !c.dated && !c.articles[it.v.Article] && c.bucket == b {
					join = c
					break
				}
			}
		}
		if join == nil {
			join = newCluster(0)
			join.bucket = undatedBucket(it.v.Published)
			clusters = append(clusters, join)
		}
		join.add(it.i, it.v, span{}, false)
	}

	return namedGroups(key, views, clusters)
}

// BenchmarkClusterEvents groups one busy key: 20,000 reports over eight
// years, the size a pair of neighbours reaches in a large corpus.
func BenchmarkClusterEvents(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	views := make([]EventView, 20000)
	for i := range views {
		views[i] = randomView(r, fmt.Sprintf("a%05d", i), 8*365)
	}
	for _, bc := range []struct {
		name string
		f    func(string, []EventView) []EventGroup
	}{{"indexed", ClusterEvents}, {"linear", clusterEventsLinear}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				bc.f("k", views)
			}
		})
	}
}

// TestDayNumber checks the date parser against the time package over four
// centuries of days and on malformed dates.
func TestDayNumber(t *testing.T) {
	for d := time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2250; d = d.AddDate(0, 0, 1) {
		s := d.Format(time.DateOnly)
		if n, ok := dayNumber(s); !ok || n != int(d.Unix()/86400) {
			t.Fatalf("dayNumber(%s) = %d, %v; want %d", s, n, ok, d.Unix()/86400)
		}
	}
	for _, s := range []string{"", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01", "2024/01/01", "20a4-01-01", "2024-01-32", "2024-04-31", "1900-02-29", " 2024-01-01"} {
		if _, ok := dayNumber(s); ok {
			t.Errorf("dayNumber(%q) ok; want not", s)
		}
	}
}
