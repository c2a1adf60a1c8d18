package facts

import (
	"cmp"
	"slices"
	"time"
)

// Grouping every view of a key again whenever one is added would make a
// load slower with every article: the key of two neighbours who meet every
// month gathers thousands of views. The rules of ClusterEvents relate only
// views whose reaches overlap, so Regroup reads the views near those that
// changed, then the views near those, until nothing more can matter, and
// groups that component alone. Stores keep each view's reach in columns
// they can search by range.

// Reach tiers: how far a view's reach may run, so that a store can find the
// views whose reach overlaps some days by a bounded range of their first
// days. A dated view's reach is its span; an undated one's the
// UndatedWindow days around its publication date.
const (
	// TierLong holds views whose span is longer than every bound of
	// ReachTiers ("the past decade"); they are read with every component
	// of their key, being few.
	TierLong = len(reachTiers)
	// TierTimeless holds the undated views of undated articles, which
	// relate only to each other.
	TierTimeless = len(reachTiers) + 1
	// TierCoarse holds views dated more coarsely than a month, which
	// relate only to views of the same dates.
	TierCoarse = len(reachTiers) + 2
	// TierUndated holds the undated views of dated articles; their reach
	// is the UndatedWindow days either side of the publication date.
	TierUndated = len(reachTiers) + 3
)

// reachTiers are the longest reach, in days, of each tier below TierLong:
// a day to a month, then a quarter to a year.
var reachTiers = [...]int{31, 400}

// Reach is the days over which a view can relate to the other views of its
// key, as a store keeps it: a tier and the first and last day (YYYY-MM-DD),
// both "" in TierTimeless.
type Reach struct {
	Tier   int
	Lo, Hi string
}

// ViewReach returns the reach of a view.
func ViewReach(v EventView) Reach {
	var lo, hi int
	if v.Span.IsZero() {
		p, ok := dayNumber(v.Published)
		if !ok {
			return Reach{Tier: TierTimeless}
		}
		return Reach{Tier: TierUndated, Lo: dayString(p - UndatedWindow), Hi: dayString(p + UndatedWindow)}
	} else {
		s := parseSpan(v.Span)
		if s.coarse() {
			return Reach{Tier: TierCoarse, Lo: dayString(s.start), Hi: dayString(s.end)}
		}
		lo, hi = s.start, s.end
	}
	tier := TierLong
	for t, n := range reachTiers {
		if hi-lo <= n {
			tier = t
			break
		}
	}
	return Reach{Tier: tier, Lo: dayString(lo), Hi: dayString(hi)}
}

func dayString(d int) string {
	return time.Unix(int64(d)*86400, 0).UTC().Format(time.DateOnly)
}

// ReachRange selects the stored views of a key in one tier whose reach
// starts between From and To and ends on Min or later. Whole tiers are
// asked for with From "" and To "~", which every reach lies between.
type ReachRange struct {
	Key           string
	Tier          int
	From, To, Min string
}

// FirstReport asks for the events of a key whose first report gave the
// event the id Base.
type FirstReport struct {
	Key, Base string
}

// KeyViews is what Regroup reads of a store: stored event views, in the
// transaction that holds their keys. Views of articles being replaced or
// deleted are not stored views. Each method is asked for many keys at once,
// so that a store can answer in one query.
type KeyViews[V any] interface {
	// InReach returns the views in any of the ranges.
	InReach(rs []ReachRange) ([]V, error)
	// OfEvents returns the views of these events.
	OfEvents(ids []string) ([]V, error)
	// FirstReported returns the events asked for, with their keys.
	FirstReported(qs []FirstReport) ([]StoredEvent, error)
	// WithEvents returns which of the keys have a stored event. Every
	// stored view is in an event of its key, so Regroup reads no stored
	// views or events of the others: a store's first grouping, and any
	// grouping of keys new to it, reads nothing it does not write.
	WithEvents(keys []string) (map[string]bool, error)
}

// KeyChange is what changed among the views of one key: views not stored
// yet, and the reaches and events of views removed.
type KeyChange[V any] struct {
	Fresh []V
	Seeds []Reach
	Lost  []string
}

// Regrouped is a component of a key's views, grouped and named.
type Regrouped[V any] struct {
	// Views are the fresh views and the stored ones of the component.
	Views []V
	// Groups are its events, indexes into Views, with their ids.
	Groups []EventGroup
	// Before are the stored events the component's stored views belonged
	// to (and those lost views belonged to): an event of them not in
	// Groups has no view left.
	Before []string
}

// ViewOf tells Regroup about a store's view: its key, its EventView and the
// event it is stored in ("" for a fresh one).
type ViewOf[V any] func(V) (key string, ev EventView, current string)

// Regroup groups again, for each changed key, the views that the change can
// affect, and names their events. The result for a key is what
// ClusterEvents would make of all the key's views, for every view in the
// result; views left out keep their events. Reads go to src a round at a
// time for all keys.
//
// What a change can affect follows the rules' direction. Dated views are
// grouped among themselves, so a changed dated view affects the dated
// views its span overlaps, and those theirs (the dated closure). An
// undated view only follows the dated events near its publication date
// and the undated views of its fortnight, so it is affected when a dated
// view of the closure comes within UndatedWindow days of it, or a view of
// its fortnight changes; and to be grouped again it needs those dated
// events (with their dated closures) and its fortnight, but nothing that
// they reach in turn. An event is named by its first dated report, so the
// undated reports of an event near the change but not affected by it need
// not be read: they stay where they are.
func Regroup[V any](changes map[string]*KeyChange[V], of ViewOf[V], src KeyViews[V]) (map[string]*Regrouped[V], error) {
	type viewID struct{ article, id string }
	type state struct {
		seen  map[viewID]bool
		views []V
		// dated and datedRead: days whose overlapping dated views are to
		// be read, and those read; near and nearRead the same for the
		// undated views whose window overlaps them; buckets the fortnights
		// to read whole.
		dated, datedRead, near, nearRead []span
		buckets                          map[int64]bool
		bucketsRead                      map[int64]bool
		// changed are the spans of the changed dated views: the dated
		// views overlapping them, transitively, are affected.
		changed                                []span
		affected                               []span // merged
		long, timeless, longRead, timelessRead bool
		coarse                                 []Reach
		coarseRead                             map[Reach]bool
		events                                 []string // stored events to read the views of
		loaded                                 map[string]bool
		done                                   bool
	}
	keys := sortedKeys(changes)
	grouped, err := src.WithEvents(keys)
	if err != nil {
		return nil, err
	}
	ungrouped := func(key string) bool { return !grouped[key] }
	states := make(map[string]*state, len(keys))
	// reach notes what a view in the component needs read; changed marks
	// a view that changed (fresh, removed, or of an event asked for).
	reach := func(st *state, r Reach, changed bool) {
		switch r.Tier {
		case TierTimeless:
			st.timeless = true
			return
		case TierCoarse:
			if !st.coarseRead[r] {
				st.coarseRead[r] = true
				st.coarse = append(st.coarse, r)
			}
			return
		case TierLong:
			st.long = true
		}
		lo, _ := dayNumber(r.Lo)
		hi, _ := dayNumber(r.Hi)
		if r.Tier == TierUndated {
			// Its fortnight, and the dated views near it.
			p := lo + UndatedWindow
			st.buckets[undatedBucketOf(p)] = true
			st.dated = append(st.dated, span{start: lo, end: hi})
			return
		}
		st.dated = append(st.dated, span{start: lo, end: hi})
		if changed {
			st.changed = append(st.changed, span{start: lo, end: hi})
		}
	}
	add := func(vs []V, changed bool) {
		for _, v := range vs {
			key, ev, _ := of(v)
			st := states[key]
			if st == nil {
				continue
			}
			if k := (viewID{ev.Article, ev.ID}); !st.seen[k] {
				st.seen[k] = true
				st.views = append(st.views, v)
				reach(st, ViewReach(ev), changed)
			}
		}
	}
	for _, key := range keys {
		ch := changes[key]
		st := &state{seen: map[viewID]bool{}, loaded: map[string]bool{}, events: slices.Clone(ch.Lost),
			coarseRead: map[Reach]bool{}, buckets: map[int64]bool{}, bucketsRead: map[int64]bool{}}
		states[key] = st
		for _, r := range ch.Seeds {
			reach(st, r, true)
		}
	}
	for _, key := range keys {
		add(changes[key].Fresh, true)
	}
	out := make(map[string]*Regrouped[V], len(keys))
	for len(out) < len(keys) {
		// Read until no component grows.
		for {
			var rs []ReachRange
			var ids []string
			for _, key := range keys {
				st := states[key]
				if st.done {
					continue
				}
				// The dated views affected: those overlapping a changed
				// one, transitively, among the dated views read.
				st.affected = affectedSpans(st.changed, st.views, of)
				need := subtractSpans(mergeSpans(st.dated), st.datedRead)
				st.dated = nil
				st.datedRead = mergeSpans(append(st.datedRead, need...))
				for _, iv := range need {
					for t, d := range reachTiers {
						rs = append(rs, ReachRange{Key: key, Tier: t, From: dayString(iv.start - d), To: dayString(iv.end), Min: dayString(iv.start)})
					}
				}
				near := subtractSpans(st.affected, st.nearRead)
				st.nearRead = mergeSpans(append(st.nearRead, near...))
				for _, iv := range near {
					rs = append(rs, ReachRange{Key: key, Tier: TierUndated, From: dayString(iv.start - 2*UndatedWindow), To: dayString(iv.end), Min: dayString(iv.start)})
				}
				for _, b := range sortedBuckets(st.buckets) {
					if st.bucketsRead[b] {
						continue
					}
					st.bucketsRead[b] = true
					first, last := bucketDays(b)
					rs = append(rs, ReachRange{Key: key, Tier: TierUndated, From: dayString(first - UndatedWindow), To: dayString(last - UndatedWindow)})
				}
				// A long view reaches anywhere: read them with the first range.
				if (len(need) > 0 || st.long) && !st.longRead {
					st.longRead = true
					rs = append(rs, ReachRange{Key: key, Tier: TierLong, From: "", To: "~"})
				}
				for _, r := range st.coarse {
					rs = append(rs, ReachRange{Key: key, Tier: TierCoarse, From: r.Lo, To: r.Lo, Min: r.Hi})
				}
				st.coarse = nil
				if st.timeless && !st.timelessRead {
					st.timelessRead = true
					rs = append(rs, ReachRange{Key: key, Tier: TierTimeless, From: "", To: "~"})
				}
				for _, id := range st.events {
					if !st.loaded[id] {
						st.loaded[id] = true
						ids = append(ids, id)
					}
				}
			}
			if len(rs) == 0 && len(ids) == 0 {
				break
			}
			if rs = slices.DeleteFunc(rs, func(r ReachRange) bool { return ungrouped(r.Key) }); len(rs) > 0 {
				vs, err := src.InReach(rs)
				if err != nil {
					return nil, err
				}
				add(vs, false)
			}
			if len(ids) > 0 {
				vs, err := src.OfEvents(ids)
				if err != nil {
					return nil, err
				}
				add(vs, true)
			}
		}

		// Group each component, then name the groups: the ids they take or
		// leave may be those of events elsewhere in the key, which then
		// change id too; those join the component, which is grouped again.
		type grouped struct {
			evs    []EventView
			groups []EventGroup
			before map[string]bool
		}
		gs := map[string]*grouped{}
		var qs []FirstReport
		for _, key := range keys {
			st := states[key]
			if st.done {
				continue
			}
			g := &grouped{evs: make([]EventView, len(st.views)), before: map[string]bool{}}
			for i, v := range st.views {
				var c string
				_, g.evs[i], c = of(v)
				if c != "" {
					g.before[c] = true
				}
			}
			for _, id := range st.events {
				g.before[id] = true
			}
			g.groups = ClusterEvents(key, g.evs)
			bases := map[string]bool{}
			for _, gr := range g.groups {
				bases[g.evs[gr.First].ID] = true
			}
			for id := range g.before {
				bases[id] = true
			}
			for _, b := range sortedKeys(bases) {
				qs = append(qs, FirstReport{Key: key, Base: b})
			}
			gs[key] = g
		}
		qs = slices.DeleteFunc(qs, func(q FirstReport) bool { return ungrouped(q.Key) })
		var stored []StoredEvent
		if len(qs) > 0 {
			if stored, err = src.FirstReported(qs); err != nil {
				return nil, err
			}
		}
		others := map[string][]StoredEvent{}
		for _, e := range stored {
			if g := gs[e.Key]; g != nil && !g.before[e.ID] {
				others[e.Key] = append(others[e.Key], e)
			}
		}
		for _, key := range keys {
			g := gs[key]
			if g == nil {
				continue
			}
			st := states[key]
			// Events whose ids change, and both ends of every stored view
			// that moves, are read whole: a store may merge such an event
			// again from the views read, and its reports not read along
			// must move with it.
			read := map[string]bool{}
			for id := range AssignIDs(key, g.evs, g.groups, others[key]) {
				read[id] = true
			}
			for _, gr := range g.groups {
				for _, m := range gr.Members {
					if _, _, c := of(st.views[m]); c != "" && c != gr.ID {
						read[c], read[gr.ID] = true, true
					}
				}
			}
			for id := range read {
				if st.loaded[id] {
					delete(read, id)
				}
			}
			if len(read) == 0 {
				st.done = true
				out[key] = &Regrouped[V]{Views: st.views, Groups: g.groups, Before: sortedKeys(g.before)}
				continue
			}
			st.events = append(st.events, sortedKeys(read)...)
		}
	}
	return out, nil
}

// affectedSpans returns the spans of the dated views among views that
// overlap the changed spans, transitively, merged: the runs of overlapping
// spans, in start order, that hold a changed one.
func affectedSpans[V any](changed []span, views []V, of ViewOf[V]) []span {
	if len(changed) == 0 {
		return nil
	}
	type item struct {
		span
		changed bool
	}
	items := make([]item, 0, len(changed)+len(views))
	for _, c := range changed {
		items = append(items, item{c, true})
	}
	for _, v := range views {
		_, ev, _ := of(v)
		if r := ViewReach(ev); r.Tier < TierTimeless {
			lo, _ := dayNumber(r.Lo)
			hi, _ := dayNumber(r.Hi)
			items = append(items, item{span{start: lo, end: hi}, false})
		}
	}
	slices.SortFunc(items, func(a, b item) int { return cmp.Compare(a.start, b.start) })
	var out []span
	run, hit := items[0].span, items[0].changed
	for _, it := range items[1:] {
		if it.start <= run.end {
			run.end = max(run.end, it.end)
			hit = hit || it.changed
			continue
		}
		if hit {
			out = append(out, run)
		}
		run, hit = it.span, it.changed
	}
	if hit {
		out = append(out, run)
	}
	return out
}

func sortedBuckets(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for b := range m {
		out = append(out, b)
	}
	slices.Sort(out)
	return out
}

func sortedKeys[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// mergeSpans returns the union of day intervals, sorted and disjoint
// (adjacent days kept apart, which is harmless).
func mergeSpans(s []span) []span {
	slices.SortFunc(s, func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
	out := s[:0:0]
	for _, iv := range s {
		if n := len(out); n > 0 && iv.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, iv.end)
			continue
		}
		out = append(out, span{start: iv.start, end: iv.end})
	}
	return out
}

// subtractSpans returns the days of want (merged) not in have (merged).
func subtractSpans(want, have []span) []span {
	var out []span
	for _, w := range want {
		lo := w.start
		for _, h := range have {
			if h.end < lo || h.start > w.end {
				continue
			}
			if h.start > lo {
				out = append(out, span{start: lo, end: h.start - 1})
			}
			lo = h.end + 1
		}
		if lo <= w.end {
			out = append(out, span{start: lo, end: w.end})
		}
	}
	return out
}
