package facts

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"

	"github.com/diplograph/diplograph"
)

// One event per real-world event across articles. Articles report the same
// visit with dates of different precision ("in October", "on October 14",
// "this week" across a month's end) or with none, and the extractor's ids,
// which include the month, differ accordingly. Stores therefore keep each
// article's report of an event as a view, as they do for every fact, and
// group the views of one diplograph.EventKey (type and actors) into events
// by their dates. ClusterEvents is that grouping; every backend runs it over
// all the views of a key each time one of them is added or removed, inside
// the transaction that holds the key, so the events of a key are a function
// of the views stored, whatever order they came in.
//
// The rules, applied to the views of one key:
//
//   - Two dated views are compatible when one span contains the other
//     ("October" and "October 14"), or when they overlap and neither is
//     given to the day (a week running into the next month and that
//     month). Two different days are two events. Two views of one article
//     are never one event: the extractor, which read them side by side,
//     told them apart.
//   - Dated views are placed finest first (precision, then span length,
//     then start). A view joins the event that already has a view with
//     the very same dates, else the only event all of whose views it is
//     compatible with; compatible with several ("in October" when there
//     were meetings on the 3rd and the 14th), it is an event of its own
//     rather than a guess that would lend its evidence to the wrong one.
//     A view dated more coarsely than a month ("this year", "the latter
//     half of 2025") joins only views of the very same dates: whether a
//     year holds one event of a key or several is too weak a clue, and it
//     would tie the view to every report of the key in that year.
//   - An undated view has one clue, when it was written: news reports
//     what just happened or is about to. Among the dated events (dated to
//     a month or finer) whose
//     dates come within UndatedWindow days of its article's publication
//     date, it joins the one whose dates lie closest to that day at their
//     farthest (a visit on the 14th is nearer to an article of the 16th
//     than "October" is), unless another is as close; else it joins the
//     undated event of its key from the same fortnight (undatedBucket:
//     fixed two-week periods starting on Mondays), or starts one. The
//     undated views of undated articles are one event of their own.
//
// Every rule relates views whose dates (or, for an undated view, the
// UndatedWindow days around its publication date) overlap, so a store
// groups again only the views near those that changed (see Reach and
// Regroup), not every view of a busy key. That is why undated reports
// group by fixed fortnights rather than by a chain of reports each near
// the last, which would tie a report to every other of its key.
//
// An event takes the finest date among its views (CompareDates); its other
// fields follow the precedence rules of Prov. Its id is the id its first
// report gave it (earliest publication date, undated articles last, then
// article id), counting only its dated reports when it has any, so
// loading articles in the order they were published never renames an
// event, and the undated reports that follow an event never do; when two
// events of a key would share that id, the one first reported keeps it and
// the other takes a suffix (AltEventID).

// UndatedWindow is how far, in days, an undated report's publication date
// may be from an event's dates for the report to join it. Two weeks covers
// the preview a few days ahead and the follow-up a few days after, without
// reaching last month's meeting of the same two leaders.
const UndatedWindow = 14

// EventView is one article's report of an event, as the grouping sees it.
type EventView struct {
	Article   string // the reporting article's id
	Published string // its publication date, "" when unknown
	ID        string // the id the article gave the event
	Span      diplograph.TimeSpan
}

// EventGroup is one event: the views that report it.
type EventGroup struct {
	// ID is the event's id: its first report's, or AltEventID of it when
	// an event of the same key reported earlier has that id.
	ID string
	// First is the index of the first report among the views: the first
	// dated one, when the event has one.
	First int
	// Members are the indexes of its views, ascending.
	Members []int
}

// AltEventID is the id an event takes when the id of its first report v is
// another event's: v's id with a suffix derived from the key and v, so
// that it is as deterministic as the first.
func AltEventID(key string, v EventView) string {
	h := sha256.Sum256([]byte(key + "\x00" + v.Article + "\x00" + v.ID))
	return v.ID + "-" + hex.EncodeToString(h[:4])
}

// CompareDates orders two dates by how exactly they place an event: dated
// before undated, finer precision first, then the shorter span, then the
// earlier start and end. It returns 0 only for the same dates (which may
// still differ in their raw words).
func CompareDates(a, b diplograph.TimeSpan) int {
	if a.IsZero() || b.IsZero() {
		return cmp.Compare(btoi(a.IsZero()), btoi(b.IsZero()))
	}
	return compareSpans(parseSpan(a), parseSpan(b))
}

// compareSpans is CompareDates of two parsed dated spans.
func compareSpans(a, b span) int {
	return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.end-a.start, b.end-b.start),
		cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// span is a view's dates as day numbers.
type span struct {
	start, end int
	rank       int  // precision rank, finest 0
	exact      bool // given to the day
}

// dayNumber returns the days since 1970-01-01 of a YYYY-MM-DD date. It is
// time.Parse(time.DateOnly) without its generality, because grouping reads
// every date of a busy key several times.
func dayNumber(s string) (int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	num := func(t string) (int, bool) {
		n := 0
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	// Days from civil (Hinnant): years start in March, so the leap day
	// ends a year.
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseSpan reads a dated span. A span without a precision is taken as
// exact when it is one day, else as coarse as can be; an end before the
// start (or none) is the start.
func parseSpan(t diplograph.TimeSpan) span {
	s, _ := dayNumber(t.Start)
	e, ok := dayNumber(t.End)
	if !ok || e < s {
		e = s
	}
	rank := slices.Index(diplograph.Precisions, t.Precision)
	exact := t.Precision == diplograph.Day
	if rank < 0 {
		rank = len(diplograph.Precisions)
		if s == e {
			rank, exact = 0, true
		}
	}
	return span{start: s, end: e, rank: rank, exact: exact}
}

func (a span) contains(b span) bool { return a.start <= b.start && b.end <= a.end }

// monthRank is the rank of the coarsest precision that joins finer events.
var monthRank = slices.Index(diplograph.Precisions, diplograph.Month)

// coarse reports whether a span is given more coarsely than a month ("this
// year", "the latter half of 2025"): such a report is one event only with
// reports of the same dates, and no undated report joins it.
func (a span) coarse() bool { return a.rank > monthRank }

// compatible reports whether two dated spans can be one event's.
func compatible(a, b span) bool {
	if a.contains(b) || b.contains(a) {
		return true
	}
	return a.start <= b.end && b.start <= a.end && !a.exact && !b.exact
}

// distance is how many days the day p is from the span a; 0 within it.
func distance(p int, a span) int {
	switch {
	case p < a.start:
		return a.start - p
	case p > a.end:
		return p - a.end
	}
	return 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// reportOrder orders views by when they were first reported: earliest
// publication date, undated articles last, then article, then id.
func reportOrder(a, b EventView) int {
	return cmp.Or(cmp.Compare(btoi(a.Published == ""), btoi(b.Published == "")), cmp.Compare(a.Published, b.Published),
		cmp.Compare(a.Article, b.Article), cmp.Compare(a.ID, b.ID))
}

type cluster struct {
	order    int // creation order, which breaks ties between clusters
	members  []int
	spans    []span
	exact    map[diplograph.TimeSpan]bool // the members' dates, without their words
	articles map[string]bool
	dated    bool
	anchor   span  // the finest member's dates, when dated
	bucket   int64 // an undated cluster's undatedBucket
}

func (c *cluster) add(i int, v EventView, s span, dated bool) {
	c.members = append(c.members, i)
	c.articles[v.Article] = true
	if !dated {
		return
	}
	if !c.dated {
		c.dated, c.anchor = true, s
	}
	c.spans = append(c.spans, s)
	c.exact[dateOnly(v.Span)] = true
}

func dateOnly(t diplograph.TimeSpan) diplograph.TimeSpan {
	return diplograph.TimeSpan{Start: t.Start, End: t.End, Precision: t.Precision}
}

func newCluster(order int) *cluster {
	return &cluster{order: order, exact: map[diplograph.TimeSpan]bool{}, articles: map[string]bool{}}
}

// clusterIndex finds the dated clusters whose anchor overlaps some days, so
// that placing a view costs the clusters near its dates, not every cluster
// of a busy key: a view can join only a cluster whose every member, its
// anchor included, overlaps it, and an undated view only one whose anchor
// lies within UndatedWindow days of its publication.
type clusterIndex struct {
	// near holds the clusters with anchors of at most nearDays days, by
	// anchor start then order; wide the others, which are few.
	near, wide []*cluster
}

// nearDays bounds the anchors kept by start: a month and then some.
const nearDays = 62

func (x *clusterIndex) insert(c *cluster) {
	if c.anchor.end-c.anchor.start > nearDays {
		x.wide = append(x.wide, c)
		return
	}
	i, _ := slices.BinarySearchFunc(x.near, c, func(a, b *cluster) int {
		return cmp.Or(cmp.Compare(a.anchor.start, b.anchor.start), cmp.Compare(a.order, b.order))
	})
	x.near = slices.Insert(x.near, i, c)
}

// overlapping calls f with every indexed cluster whose anchor overlaps the
// days lo to hi, in no particular order.
func (x *clusterIndex) overlapping(lo, hi int, f func(*cluster)) {
	i, _ := slices.BinarySearchFunc(x.near, lo-nearDays, func(c *cluster, start int) int { return cmp.Compare(c.anchor.start, start) })
	for _, c := range x.near[i:] {
		if c.anchor.start > hi {
			break
		}
		if c.anchor.end >= lo {
			f(c)
		}
	}
	for _, c := range x.wide {
		if c.anchor.start <= hi && c.anchor.end >= lo {
			f(c)
		}
	}
}

// ClusterEvents groups the views of one event key into events by the rules
// above. The result depends on the views only, not on their order; groups
// come in the order of their first reports.
func ClusterEvents(key string, views []EventView) []EventGroup {
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
	// Finest first, as CompareDates orders them, from the dates parsed once.
	slices.SortFunc(dated, func(a, b item) int {
		return cmp.Or(compareSpans(a.s, b.s), cmp.Compare(a.v.Article, b.v.Article), cmp.Compare(a.v.ID, b.v.ID))
	})
	slices.SortFunc(undated, func(a, b item) int { return reportOrder(a.v, b.v) })

	var clusters []*cluster
	var idx clusterIndex
	for _, it := range dated {
		var cands int
		var same, only *cluster
		idx.overlapping(it.s.start, it.s.end, func(c *cluster) {
			if c.articles[it.v.Article] || !all(c.spans, func(s span) bool { return compatible(s, it.s) }) {
				return
			}
			cands++
			only = c
			if c.exact[dateOnly(it.v.Span)] && (same == nil || c.order < same.order) {
				same = c
			}
		})
		switch {
		case same != nil:
		case cands == 1 && !it.s.coarse():
			same = only
		default:
			same = newCluster(len(clusters))
			clusters = append(clusters, same)
		}
		fresh := !same.dated
		same.add(it.i, it.v, it.s, true)
		if fresh {
			idx.insert(same)
		}
	}

	buckets := map[int64][]*cluster{} // the undated clusters of each fortnight, in order
	for _, it := range undated {
		p, published := dayNumber(it.v.Published)
		var join *cluster
		if published {
			best, tie := -1, false
			idx.overlapping(p-UndatedWindow, p+UndatedWindow, func(c *cluster) {
				if c.articles[it.v.Article] || c.anchor.coarse() {
					return
				}
				d := max(abs(p-c.anchor.start), abs(p-c.anchor.end))
				switch {
				case best < 0 || d < best:
					best, tie, join = d, false, c
				case d == best:
					tie = true
				}
			})
			if tie {
				join = nil
			}
		}
		b := undatedBucket(it.v.Published)
		if join == nil {
			for _, c := range buckets[b] {
				if !c.articles[it.v.Article] {
					join = c
					break
				}
			}
		}
		if join == nil {
			join = newCluster(len(clusters))
			join.bucket = b
			clusters = append(clusters, join)
			buckets[b] = append(buckets[b], join)
		}
		join.add(it.i, it.v, span{}, false)
	}
	return namedGroups(key, views, clusters)
}

// namedGroups makes the clusters events: each with its members in order
// and its first report, in the order of their first reports, named.
func namedGroups(key string, views []EventView, clusters []*cluster) []EventGroup {
	out := make([]EventGroup, 0, len(clusters))
	for _, c := range clusters {
		g := EventGroup{Members: slices.Sorted(slices.Values(c.members))}
		// The first dated report names an event that has one, so that its
		// undated reports, which follow it, never rename it.
		g.First = -1
		for _, m := range g.Members {
			if g.First < 0 || views[m].Span.IsZero() == views[g.First].Span.IsZero() && reportOrder(views[m], views[g.First]) < 0 ||
				!views[m].Span.IsZero() && views[g.First].Span.IsZero() {
				g.First = m
			}
		}
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b EventGroup) int { return reportOrder(views[a.First], views[b.First]) })
	AssignIDs(key, views, out, nil)
	return out
}

// StoredEvent is an event of a key that a regrouping leaves as it is, as
// AssignIDs sees it: its id and its first report.
type StoredEvent struct {
	Key   string
	ID    string
	First EventView // Article, Published and ID (the id it gave the event)
}

// AssignIDs names the groups of one key: each takes its first report's id,
// unless an event of the key first reported earlier has that id too, when it
// takes AltEventID. The events in others are the key's events outside the
// groups whose first reports gave one of the groups' ids; AssignIDs returns
// the new id of each of them that the groups make change (an event first
// reported later than it took its id, or gave it back), which the caller
// must regroup too.
func AssignIDs(key string, views []EventView, groups []EventGroup, others []StoredEvent) map[string]string {
	type named struct {
		first EventView
		group int // index into groups, -1 for others
		other int
	}
	all := make([]named, 0, len(groups)+len(others))
	for i, g := range groups {
		all = append(all, named{first: views[g.First], group: i, other: -1})
	}
	for i, o := range others {
		all = append(all, named{first: o.First, group: -1, other: i})
	}
	slices.SortStableFunc(all, func(a, b named) int { return reportOrder(a.first, b.first) })
	taken := map[string]bool{}
	var renamed map[string]string
	for _, n := range all {
		id := n.first.ID
		if taken[id] {
			id = AltEventID(key, n.first)
		}
		taken[id] = true
		if n.group >= 0 {
			groups[n.group].ID = id
			continue
		}
		if o := others[n.other]; o.ID != id {
			if renamed == nil {
				renamed = map[string]string{}
			}
			renamed[o.ID] = id
		}
	}
	return renamed
}

// undatedBucket is the fortnight of a publication date that undated views
// without a dated event group by: two-week periods from Monday 5 January
// 1970, so that a boundary falls between a Sunday and a Monday, when news
// is thinnest. Undated articles are a bucket of their own.
func undatedBucket(published string) int64 {
	p, ok := dayNumber(published)
	if !ok {
		return math.MinInt64
	}
	return undatedBucketOf(p)
}

// monday is the day number of Monday 5 January 1970, where fortnights
// start.
const monday = 4

// undatedBucketOf is undatedBucket of a day number.
func undatedBucketOf(p int) int64 {
	d := p - monday
	if d < 0 {
		d -= 2*7 - 1
	}
	return int64(d / (2 * 7))
}

// bucketDays returns the first and last day numbers of a fortnight.
func bucketDays(b int64) (first, last int) {
	first = int(b)*2*7 + monday
	return first, first + 2*7 - 1
}

func all[T any](s []T, f func(T) bool) bool {
	for _, x := range s {
		if !f(x) {
			return false
		}
	}
	return true
}
