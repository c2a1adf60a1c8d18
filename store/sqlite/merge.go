package sqlite

import (
	"slices"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// How the facts that several articles state are merged into one. Every rule
// is order-independent, so adding one article's view to a merged fact gives
// the same result as merging all views from scratch; saves do the former,
// deletions the latter.
//
//   - list fields (aliases, participants, concerns) are the union over the
//     supporting articles, kept sorted;
//   - properties are merged key by key, each key taking the value of the
//     latest article that gives one;
//   - every other field comes from the winning article: the one with the
//     latest publication date, ties going to the latest saved;
//   - corroboration counts the supporting articles; firstSeen and lastSeen
//     are their earliest and latest publication dates.

// stamp says which article a value comes from: its publication date, then
// the order in which articles were saved.
type stamp struct {
	Published string `json:"p"`
	Seq       int64  `json:"s"`
}

// after reports whether t takes precedence over u.
func (t stamp) after(u stamp) bool {
	return t.Published > u.Published || (t.Published == u.Published && t.Seq > u.Seq)
}

// prov is the provenance of a merged fact: how many articles support it,
// when they were published, which one its scalar fields come from and which
// one each property comes from.
type prov struct {
	corroboration       int
	firstSeen, lastSeen string
	win                 stamp
	props               map[string]stamp
}

// add counts one more supporting article and reports whether it wins.
func (p *prov) add(st stamp) (wins bool) {
	p.corroboration++
	if st.Published != "" {
		if p.firstSeen == "" || st.Published < p.firstSeen {
			p.firstSeen = st.Published
		}
		if st.Published > p.lastSeen {
			p.lastSeen = st.Published
		}
	}
	wins = p.corroboration == 1 || st.after(p.win)
	if wins {
		p.win = st
	}
	return wins
}

// mergeProps merges the properties v of the article st into acc key by key:
// each key keeps the value of the latest article that gives one.
func (p *prov) mergeProps(acc, v map[string]string, st stamp) map[string]string {
	out := make(map[string]string, len(acc)+len(v))
	for k, val := range acc {
		out[k] = val
	}
	if p.props == nil {
		p.props = map[string]stamp{}
	}
	for k, val := range v {
		if cur, ok := p.props[k]; !ok || st.after(cur) {
			out[k] = val
			p.props[k] = st
		}
	}
	return out
}

func mergeEntity(acc, v *diplograph.Entity, wins bool) {
	aliases := facts.UnionStrings(acc.Aliases, v.Aliases)
	if wins {
		*acc = *v
	}
	acc.Aliases = aliases
}

func mergeRelation(acc, v *diplograph.Relation, wins bool) {
	if wins {
		*acc = *v
	}
}

func mergeEvent(acc, v *diplograph.Event, wins bool) {
	parts := facts.UnionParticipants(acc.Participants, v.Participants)
	concerns := facts.UnionStrings(acc.Concerns, v.Concerns)
	if wins {
		*acc = *v
	}
	acc.Participants, acc.Concerns = parts, concerns
}

// participantIDs returns the distinct entity ids among an event's
// participants, sorted.
func participantIDs(ps []diplograph.Participant) []string {
	ids := make([]string, 0, len(ps))
	for _, p := range ps {
		ids = append(ids, p.Entity)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
