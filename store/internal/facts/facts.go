// Package facts holds the rules every store backend applies when it merges
// the views that several articles give of one fact, and the normal form
// in which names are searched, so that the backends cannot drift apart.
package facts

import (
	"cmp"
	"slices"
	"strings"

	"github.com/diplograph/diplograph"
)

// UnionStrings returns the distinct non-blank strings of a and b, sorted
// case-insensitively. It never returns nil, so merged lists encode as [].
func UnionStrings(a, b []string) []string {
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

// UnionParticipants returns the distinct (entity, role) pairs of a and b,
// sorted by role (in the order of diplograph.Roles) then entity; never nil.
func UnionParticipants(a, b []diplograph.Participant) []diplograph.Participant {
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

// Names returns the distinct names an entity is found by: its name and its
// aliases, one per normalized form.
func Names(e *diplograph.Entity) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		k := Norm(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// Norm is the form in which a query equals a name: lower case, single
// spaces.
func Norm(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
