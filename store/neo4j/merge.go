package neo4j

import (
	"maps"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// How several articles' views of one fact make the fact the store serves.
// These are the rules store/storetest holds every backend to, and every one
// is order-independent, so adding one article's view to a merged fact gives
// what merging all views from scratch gives; saves do the former, deletions
// and replacements the latter.
//
//   - list fields (aliases, participants, concerns) are the union over the
//     supporting articles, sorted;
//   - properties merge key by key, each key taking the value of the latest
//     article that gives one;
//   - every other field comes from the latest article: by publication date,
//     undated ones oldest, ties to the one saved last;
//   - corroboration counts the supporting articles; firstSeen and lastSeen
//     are their earliest and latest publication dates.

// stamp says which article a value comes from: its publication date, then
// when it was saved.
type stamp struct {
	Published string `json:"p"`
	Seq       int64  `json:"s"`
}

// after reports whether t takes precedence over u.
func (t stamp) after(u stamp) bool {
	return t.Published > u.Published || (t.Published == u.Published && t.Seq > u.Seq)
}

// prov is a merged fact's provenance and the bookkeeping that lets one more
// view be merged into it: which article its scalar fields and each of its
// properties come from.
type prov struct {
	Corroboration       int              `json:"-"`
	FirstSeen, LastSeen string           `json:"-"`
	Win                 stamp            `json:"w"`
	Props               map[string]stamp `json:"k,omitempty"`
}

// add counts one more supporting article and reports whether its view wins
// the scalar fields.
func (p *prov) add(st stamp) (wins bool) {
	p.Corroboration++
	if st.Published != "" {
		if p.FirstSeen == "" || st.Published < p.FirstSeen {
			p.FirstSeen = st.Published
		}
		p.LastSeen = max(p.LastSeen, st.Published)
	}
	wins = p.Corroboration == 1 || st.after(p.Win)
	if wins {
		p.Win = st
	}
	return wins
}

// mergeProps returns acc with the properties v of the article st merged in
// key by key; acc is not modified.
func (p *prov) mergeProps(acc, v map[string]string, st stamp) map[string]string {
	out := maps.Clone(acc)
	if out == nil {
		out = map[string]string{}
	}
	if p.Props == nil {
		p.Props = map[string]stamp{}
	}
	for k, val := range v {
		if cur, ok := p.Props[k]; !ok || st.after(cur) {
			out[k] = val
			p.Props[k] = st
		}
	}
	return out
}

// The merge of one view into a merged fact, per kind. None modifies v or
// shares a slice or map with it that a later merge could change.

func mergeEntity(p *prov, acc, v *diplograph.Entity, st stamp) {
	aliases := facts.UnionStrings(acc.Aliases, v.Aliases)
	before := acc.Properties
	if p.add(st) {
		*acc = *v
	}
	acc.Aliases = aliases
	acc.Properties = p.mergeProps(before, v.Properties, st)
}

func mergeRelation(p *prov, acc, v *diplograph.Relation, st stamp) {
	before := acc.Properties
	if p.add(st) {
		*acc = *v
	}
	acc.Properties = p.mergeProps(before, v.Properties, st)
}

func mergeEvent(p *prov, acc, v *diplograph.Event, st stamp) {
	parts := facts.UnionParticipants(acc.Participants, v.Participants)
	concerns := facts.UnionStrings(acc.Concerns, v.Concerns)
	if p.add(st) {
		*acc = *v
	}
	acc.Participants, acc.Concerns = parts, concerns
}
