package facts

import (
	"maps"

	"github.com/diplograph/diplograph"
)

// How several articles' views of one fact make the fact a store serves.
// These are the rules store/storetest holds every backend to, and every one
// is order-independent, so adding one article's view to a merged fact gives
// what merging all views from scratch gives; saves do the former, deletions
// and replacements the latter.
//
//   - list fields (aliases, participants, concerns) are the union over the
//     supporting articles, sorted;
//   - properties merge key by key, each key taking the value of the latest
//     article that gives one;
//   - an event's date is the finest its articles give (see ClusterEvents);
//   - every other field comes from the latest article: by publication date,
//     undated ones oldest, ties to the one saved last;
//   - corroboration counts the supporting articles; firstSeen and lastSeen
//     are their earliest and latest publication dates.

// Stamp says which article a value comes from: its publication date, then
// when it was saved.
type Stamp struct {
	Published string `json:"p"`
	Seq       int64  `json:"s"`
}

// After reports whether t takes precedence over u.
func (t Stamp) After(u Stamp) bool {
	return t.Published > u.Published || (t.Published == u.Published && t.Seq > u.Seq)
}

// Prov is a merged fact's provenance and the bookkeeping that lets one more
// view be merged into it: which article its scalar fields and each of its
// properties come from.
type Prov struct {
	Corroboration       int              `json:"-"`
	FirstSeen, LastSeen string           `json:"-"`
	Win                 Stamp            `json:"w"`
	Props               map[string]Stamp `json:"k,omitempty"`
	// Date is the article an event's date comes from.
	Date Stamp `json:"d,omitzero"`
}

// EventDate returns the date an event keeps when the view of the article
// st, dated v, is merged into it while it is dated cur: the finer of the
// two (CompareDates), and between the same dates (which may differ in
// their words) the later article's, as for other fields. Call it before
// Add, for events only.
func (p *Prov) EventDate(cur, v diplograph.TimeSpan, st Stamp) diplograph.TimeSpan {
	if c := CompareDates(v, cur); c < 0 || c == 0 && (p.Corroboration == 0 || st.After(p.Date)) {
		p.Date = st
		return v
	}
	return cur
}

// Add counts one more supporting article and reports whether its view wins
// the scalar fields.
func (p *Prov) Add(st Stamp) (wins bool) {
	p.Corroboration++
	if st.Published != "" {
		if p.FirstSeen == "" || st.Published < p.FirstSeen {
			p.FirstSeen = st.Published
		}
		p.LastSeen = max(p.LastSeen, st.Published)
	}
	wins = p.Corroboration == 1 || st.After(p.Win)
	if wins {
		p.Win = st
	}
	return wins
}

// MergeProps returns acc with the properties v of the article st merged in
// key by key; acc is not modified.
func (p *Prov) MergeProps(acc, v map[string]string, st Stamp) map[string]string {
	out := maps.Clone(acc)
	if out == nil {
		out = map[string]string{}
	}
	if p.Props == nil {
		p.Props = map[string]Stamp{}
	}
	for k, val := range v {
		if cur, ok := p.Props[k]; !ok || st.After(cur) {
			out[k] = val
			p.Props[k] = st
		}
	}
	return out
}
