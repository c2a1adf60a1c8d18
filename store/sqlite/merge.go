package sqlite

import (
	"cmp"
	"slices"
	"strings"

	"github.com/diplograph/diplograph"
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
	aliases := unionStrings(acc.Aliases, v.Aliases)
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
	parts := unionParticipants(acc.Participants, v.Participants)
	concerns := unionStrings(acc.Concerns, v.Concerns)
	if wins {
		*acc = *v
	}
	acc.Participants, acc.Concerns = parts, concerns
}

// unionStrings returns the distinct non-blank strings of a and b, sorted
// case-insensitively. It never returns nil, so merged lists encode as [].
func unionStrings(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	for _, s := range slices.Concat(a, b) {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(x, y string) int {
		return cmp.Or(cmp.Compare(strings.ToLower(x), strings.ToLower(y)), cmp.Compare(x, y))
	})
	return slices.Compact(out)
}

// unionParticipants returns the distinct (entity, role) pairs of a and b,
// sorted by role (in the order of diplograph.Roles) then entity.
func unionParticipants(a, b []diplograph.Participant) []diplograph.Participant {
	out := make([]diplograph.Participant, 0, len(a)+len(b))
	for _, p := range slices.Concat(a, b) {
		if p.Entity != "" {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(x, y diplograph.Participant) int {
		return cmp.Or(cmp.Compare(roleRank(x.Role), roleRank(y.Role)), cmp.Compare(x.Role, y.Role), cmp.Compare(x.Entity, y.Entity))
	})
	return slices.Compact(out)
}

func roleRank(r diplograph.Role) int {
	if i := slices.Index(diplograph.Roles, r); i >= 0 {
		return i
	}
	return len(diplograph.Roles)
}

// names returns the distinct names an entity is found by: its name and its
// aliases, one per normalized form.
func names(e *diplograph.Entity) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		k := norm(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// norm is the form in which a query equals a name: lower case, single
// spaces.
func norm(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
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
