package facts

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/diplograph/diplograph"
)

// memView is a stored or fresh view in memKey.
type memView struct {
	EventView
	event string // stored event, "" when fresh
}

// memKey is one key's stored views and events, as a store would keep them,
// counting what Regroup reads.
type memKey struct {
	views []memView
	first map[string]EventView // event id -> first report
	read  int
}

func (m *memKey) InReach(rs []ReachRange) ([]memView, error) {
	var out []memView
	for _, v := range m.views {
		r := ViewReach(v.EventView)
		for _, q := range rs {
			if q.Key == "k" && r.Tier == q.Tier && r.Lo >= q.From && r.Lo <= q.To && r.Hi >= q.Min {
				out = append(out, v)
				break
			}
		}
	}
	m.read += len(out)
	return out, nil
}

func (m *memKey) OfEvents(ids []string) ([]memView, error) {
	var out []memView
	for _, v := range m.views {
		if slices.Contains(ids, v.event) {
			out = append(out, v)
		}
	}
	m.read += len(out)
	return out, nil
}

func (m *memKey) FirstReported(qs []FirstReport) ([]StoredEvent, error) {
	var out []StoredEvent
	for _, id := range slices.Sorted(maps.Keys(m.first)) {
		f := m.first[id]
		if slices.Contains(qs, FirstReport{Key: "k", Base: f.ID}) {
			out = append(out, StoredEvent{Key: "k", ID: id, First: f})
		}
	}
	return out, nil
}

func (m *memKey) WithEvents(keys []string) (map[string]bool, error) {
	return map[string]bool{"k": len(m.first) > 0}, nil
}

// store groups all views from scratch, as the stored state.
func (m *memKey) store(key string) {
	evs := make([]EventView, len(m.views))
	for i, v := range m.views {
		evs[i] = v.EventView
	}
	m.first = map[string]EventView{}
	for _, g := range ClusterEvents(key, evs) {
		m.first[g.ID] = evs[g.First]
		for _, i := range g.Members {
			m.views[i].event = g.ID
		}
	}
}

// randomView is a report of one key's event: dated to a day, week, month,
// season or year within about three years, or undated, or from an undated
// article, with ids that collide often.
func randomView(r *rand.Rand, article string, days int) EventView {
	base := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(days))
	pub := base.AddDate(0, 0, r.IntN(10)).Format(time.DateOnly)
	v := EventView{Article: article, Published: pub, ID: fmt.Sprintf("e-%s", base.Format("2006-01"))}
	d := base.Format(time.DateOnly)
	switch r.IntN(9) {
	case 0, 1, 2:
		v.Span = dayOf(d)
	case 3:
		v.Span = spanOf(d, base.AddDate(0, 0, 6).Format(time.DateOnly), diplograph.Week)
	case 4:
		m := time.Date(base.Year(), base.Month(), 1, 0, 0, 0, 0, time.UTC)
		v.Span = spanOf(m.Format(time.DateOnly), m.AddDate(0, 1, -1).Format(time.DateOnly), diplograph.Month)
	case 5:
		if r.IntN(3) > 0 {
			v.Span = dayOf(d)
			break
		}
		v.Span = spanOf(fmt.Sprintf("%d-01-01", base.Year()), fmt.Sprintf("%d-12-31", base.Year()), diplograph.Year)
		v.ID = fmt.Sprintf("e-%d", base.Year())
	case 6, 7:
		v.ID = "e-undated"
	default:
		if r.IntN(8) == 0 {
			v.Span = spanOf(d, base.AddDate(3, 0, 0).Format(time.DateOnly), diplograph.Year)
		} else {
			v.Published, v.ID = "", "e-undated"
		}
	}
	return v
}

// TestRegroup checks that grouping again only the component of the views
// that changed gives every view the event that grouping all the key's views
// gives it, for random stores, additions and removals.
func TestRegroup(t *testing.T) {
	const key = "k"
	r := rand.New(rand.NewPCG(7, 11))
	var total, readTotal int
	for round := range 1000 {
		m := &memKey{}
		// Views over four months or three years.
		days := []int{120, 3 * 365}[round%2]
		n := 1 + r.IntN(80)
		for i := range n {
			m.views = append(m.views, memView{EventView: randomView(r, fmt.Sprintf("a%03d", i), days)})
		}
		m.store(key)

		// Remove some stored views and add some fresh ones.
		var seeds []Reach
		var lost []string
		kept := m.views[:0:0]
		for _, v := range m.views {
			if r.IntN(10) == 0 {
				seeds = append(seeds, ViewReach(v.EventView))
				lost = append(lost, v.event)
				continue
			}
			kept = append(kept, v)
		}
		m.views = kept
		var fresh []memView
		for i := range r.IntN(4) {
			fresh = append(fresh, memView{EventView: randomView(r, fmt.Sprintf("f%d-%03d", round, i), days)})
		}

		res, err := Regroup(map[string]*KeyChange[memView]{key: {Fresh: fresh, Seeds: seeds, Lost: slices.Compact(slices.Sorted(slices.Values(lost)))}},
			func(v memView) (string, EventView, string) { return key, v.EventView, v.event }, m)
		if err != nil {
			t.Fatal(err)
		}
		got := res[key]
		// The expected state: everything grouped from scratch.
		all := &memKey{views: append(slices.Clone(m.views), fresh...)}
		all.store(key)
		want := map[[2]string]string{}
		for _, v := range all.views {
			want[[2]string{v.Article, v.ID}] = v.event
		}
		have := map[[2]string]string{}
		for _, v := range m.views {
			have[[2]string{v.Article, v.ID}] = v.event
		}
		for _, g := range got.Groups {
			for _, i := range g.Members {
				v := got.Views[i]
				have[[2]string{v.Article, v.ID}] = g.ID
			}
		}
		for k, w := range want {
			if have[k] != w {
				t.Fatalf("round %d: view %v is in %q, want %q (component of %d of %d views)", round, k, have[k], w, len(got.Views), len(all.views))
			}
		}
		// An event that a stored view moves into is read whole, so that a
		// store may merge it again from the views read.
		read := map[[2]string]bool{}
		for _, v := range got.Views {
			read[[2]string{v.Article, v.ID}] = true
		}
		for _, g := range got.Groups {
			moved := false
			for _, i := range g.Members {
				if v := got.Views[i]; v.event != "" && v.event != g.ID {
					moved = true
				}
			}
			for k, id := range want {
				if moved && id == g.ID && !read[k] {
					t.Fatalf("round %d: view %v of event %s, which a view moves into, not read", round, k, id)
				}
			}
		}
		// Every event of Before that no group keeps is gone.
		ids := map[string]bool{}
		for _, g := range got.Groups {
			ids[g.ID] = true
		}
		for _, id := range got.Before {
			if _, ok := all.first[id]; ok && !ids[id] {
				// Still an event: it must have kept no view of the component.
				for _, v := range got.Views {
					if v.event == id {
						t.Fatalf("round %d: event %s left behind with view %v", round, id, v.EventView)
					}
				}
			}
		}
		total += len(all.views)
		readTotal += m.read
	}
	t.Logf("read %d of %d stored views (%.2f)", readTotal, total, float64(readTotal)/float64(total))
}
