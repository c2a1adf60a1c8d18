package eval

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/diplograph/diplograph"
)

// GoldArticle is one line of a gold file in the team's format (see
// testdata/gold/README.md).
type GoldArticle struct {
	Article   string `json:"article"`
	File      string `json:"file,omitempty"`
	Published string `json:"published"`
	Entities  []struct {
		Type diplograph.EntityType `json:"type"`
		Name string                `json:"name"`
	} `json:"entities"`
	Relations []struct {
		Type    diplograph.RelationType `json:"type"`
		Subject string                  `json:"subject"`
		Object  string                  `json:"object"`
	} `json:"relations"`
	Events []struct {
		Type         diplograph.EventType   `json:"type"`
		Status       diplograph.EventStatus `json:"status"`
		Start        string                 `json:"start"`
		End          string                 `json:"end"`
		Precision    diplograph.Precision   `json:"precision"`
		Participants []string               `json:"participants"`
		Location     string                 `json:"location"`
	} `json:"events"`
	Comments []struct {
		Author string            `json:"author"`
		Stance diplograph.Stance `json:"stance"`
	} `json:"comments"`
}

// ReadGold reads a gold file: one GoldArticle per line.
func ReadGold(r io.Reader) ([]GoldArticle, error) {
	var out []GoldArticle
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g GoldArticle
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("gold line %d: %w", n, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// Resolver maps an entity name to an id, so that gold names compare with
// extracted entities through every alias ("Dokdo" is the Liancourt
// Rocks). It returns "" for a name it does not know.
type Resolver func(name string) string

// Gold scores the extractor on articles against their gold. find returns
// the article a gold line describes (nil when it is missing, which counts
// everything of that line as missed).
func Gold(ctx context.Context, x Extractor, gold []GoldArticle, find func(GoldArticle) *diplograph.Article, resolve Resolver) (*Report, error) {
	r := &Report{}
	for _, g := range gold {
		a := find(g)
		if a == nil {
			return nil, fmt.Errorf("gold article %q: no such article", g.Article)
		}
		out, err := x.Extract(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", g.Article, err)
		}
		r.Articles++
		scoreArticle(r, g, out, resolve)
	}
	return r, nil
}

func scoreArticle(r *Report, g GoldArticle, x *diplograph.Extraction, resolve Resolver) {
	names := map[string]string{} // extracted id → name
	for _, e := range x.Entities {
		names[e.ID] = e.Name
	}
	// ent is the identity of an entity for matching: its id when the
	// resolver knows the name, else its normalized name.
	ent := func(name string) string {
		if id := resolve(name); id != "" {
			return id
		}
		return key(name)
	}
	extracted := func(id string) string {
		if resolve(names[id]) != "" {
			return resolve(names[id])
		}
		if names[id] == "" {
			return id
		}
		if strings.HasPrefix(id, "Q") || !strings.Contains(id, ":") {
			return id
		}
		return key(names[id])
	}

	// Entities: type and identity.
	want := map[string]string{}
	for _, e := range g.Entities {
		want[string(e.Type)+"|"+ent(e.Name)] = e.Name
	}
	got := map[string]string{}
	for _, e := range x.Entities {
		if strings.Contains(e.ID, "/") {
			continue // treaty articles are scored through their treaty
		}
		got[string(e.Type)+"|"+extracted(e.ID)] = e.Name
	}
	r.Entities.add(compareSets(r, g.Article, "entity", want, got))

	// Relations: type and both ends; ALLIED_WITH in either direction.
	relKey := func(t diplograph.RelationType, s, o string) string {
		if t == diplograph.AlliedWith && o < s {
			s, o = o, s
		}
		return string(t) + "|" + s + "|" + o
	}
	want, got = map[string]string{}, map[string]string{}
	scored := map[diplograph.RelationType]bool{}
	for _, rel := range g.Relations {
		scored[rel.Type] = true
		want[relKey(rel.Type, ent(rel.Subject), ent(rel.Object))] = fmt.Sprintf("%s(%s, %s)", rel.Type, rel.Subject, rel.Object)
	}
	for _, rel := range x.Relations {
		if !goldRelationTypes[rel.Type] {
			continue // a type the gold format does not annotate
		}
		got[relKey(rel.Type, extracted(rel.Subject), extracted(rel.Object))] = fmt.Sprintf("%s(%s, %s)", rel.Type, names[rel.Subject], names[rel.Object])
	}
	r.Relations.add(compareSets(r, g.Article, "relation", want, got))

	// Events: a gold event matches the unused extracted event of the same
	// type that shares the most participants, or else its location (any
	// event of its type when the gold names no participant). As the gold's conventions have it, a
	// person stands for the country or organization they hold office in:
	// "Marcos met Albanese" matches a meeting of the Philippines and
	// Australia. Each side's offices are its own HOLDS_OFFICE relations.
	goldOffices, gotOffices := map[string][]string{}, map[string][]string{}
	for _, rel := range g.Relations {
		if rel.Type == diplograph.HoldsOffice {
			goldOffices[ent(rel.Subject)] = append(goldOffices[ent(rel.Subject)], ent(rel.Object))
		}
	}
	for _, rel := range x.Relations {
		if rel.Type == diplograph.HoldsOffice {
			gotOffices[extracted(rel.Subject)] = append(gotOffices[extracted(rel.Subject)], extracted(rel.Object))
		}
	}
	// The most events are matched that can be (augmenting paths), each
	// gold event trying its candidates best first, so that a gold event
	// that names a person is not left without its event because one that
	// names the person's country took it.
	type cand struct{ got, score int }
	cands := make([][]cand, len(g.Events))
	for gi, ge := range g.Events {
		for i, e := range x.Events {
			if e.Type != ge.Type {
				continue
			}
			got := make([]string, len(e.Participants))
			for j, p := range e.Participants {
				got[j] = extracted(p.Entity)
			}
			// A participant shared outweighs one that stands for another,
			// which outweighs a shared location; between candidates
			// alike, the one of the same start date is preferred.
			same, stands := sharedParticipants(ge.Participants, got, ent, goldOffices, gotOffices)
			score := 8*same + 4*stands
			if ge.Location != "" && e.Location != "" && ent(ge.Location) == extracted(e.Location) {
				score += 2
			}
			if len(ge.Participants) == 0 {
				score += 2 // the gold names no one: the type decides
			}
			if score > 0 && ge.Start != "" && e.Start == ge.Start {
				score++
			}
			if score > 0 {
				cands[gi] = append(cands[gi], cand{i, score})
			}
		}
		slices.SortStableFunc(cands[gi], func(a, b cand) int { return cmp.Compare(b.score, a.score) })
	}
	match := make([]int, len(g.Events)) // gold → extracted, or -1
	owner := make([]int, len(x.Events)) // extracted → gold, or -1
	for i := range match {
		match[i] = -1
	}
	for i := range owner {
		owner[i] = -1
	}
	var augment func(gi int, seen []bool) bool
	augment = func(gi int, seen []bool) bool {
		for _, c := range cands[gi] {
			if seen[c.got] {
				continue
			}
			seen[c.got] = true
			if owner[c.got] < 0 || augment(owner[c.got], seen) {
				match[gi], owner[c.got] = c.got, gi
				return true
			}
		}
		return false
	}
	// Gold events with the strongest candidates choose first.
	order := make([]int, len(g.Events))
	for i := range order {
		order[i] = i
	}
	best := func(gi int) int {
		if len(cands[gi]) == 0 {
			return 0
		}
		return cands[gi][0].score
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(best(b), best(a)) })
	for _, gi := range order {
		augment(gi, make([]bool, len(x.Events)))
	}
	used := make([]bool, len(x.Events))
	for i, gi := range owner {
		used[i] = gi >= 0
	}
	for gi, ge := range g.Events {
		desc := fmt.Sprintf("%s %s %s %v", ge.Type, ge.Status, ge.Start, ge.Participants)
		if match[gi] < 0 {
			r.Events.FN++
			r.Misses = append(r.Misses, Miss{g.Article, "event", desc, "-"})
			continue
		}
		e := x.Events[match[gi]]
		r.Events.TP++
		r.Status.count(e.Status == ge.Status)
		if e.Status != ge.Status {
			r.Misses = append(r.Misses, Miss{g.Article, "status", desc, string(e.Status)})
		}
		if ge.Start != "" {
			ok := e.Start == ge.Start && e.End == ge.End && e.Precision == ge.Precision
			r.Time.count(ok)
			if !ok {
				r.Misses = append(r.Misses, Miss{g.Article, "time", desc + " " + ge.End + " " + string(ge.Precision),
					e.Start + " " + e.End + " " + string(e.Precision)})
			}
		}
	}
	for i, e := range x.Events {
		if !used[i] {
			r.Events.FP++
			r.Misses = append(r.Misses, Miss{g.Article, "event", "-", e.Summary})
		}
	}

	// Comments: stance by position.
	for i, gc := range g.Comments {
		ok := i < len(x.Comments) && x.Comments[i].Stance == gc.Stance
		r.Stance.count(ok)
		if !ok {
			got := "-"
			if i < len(x.Comments) {
				got = string(x.Comments[i].Stance)
			}
			r.Misses = append(r.Misses, Miss{g.Article, "stance", gc.Author + " " + string(gc.Stance), got})
		}
	}
}

// sharedParticipants counts the gold participants that are one of the
// extracted participants (identities), and those that are not but that
// one of them stands for by holding office in it, or that stand for one of
// them.
func sharedParticipants(gold, got []string, ent func(string) string, goldOffices, gotOffices map[string][]string) (same, stands int) {
	for _, name := range gold {
		p := ent(name)
		switch {
		case slices.Contains(got, p):
			same++
		case slices.ContainsFunc(got, func(q string) bool {
			return slices.Contains(goldOffices[p], q) || slices.Contains(gotOffices[q], p)
		}):
			stands++
		}
	}
	return same, stands
}

// goldRelationTypes are the relation types the team's gold annotates.
var goldRelationTypes = map[diplograph.RelationType]bool{
	diplograph.HoldsOffice: true, diplograph.AlliedWith: true, diplograph.Claims: true, diplograph.Administers: true,
	diplograph.PartyTo: true, diplograph.LocatedIn: true, diplograph.MemberOf: true,
}

// compareSets counts matches between the wanted and the got keys and
// records the misses with their display names.
func compareSets(r *Report, article, kind string, want, got map[string]string) Counts {
	var c Counts
	keys := make([]string, 0, len(want)+len(got))
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		w, inWant := want[k]
		gt, inGot := got[k]
		switch {
		case inWant && inGot:
			c.TP++
		case inWant:
			c.FN++
			r.Misses = append(r.Misses, Miss{article, kind, w, "-"})
		default:
			c.FP++
			r.Misses = append(r.Misses, Miss{article, kind, "-", gt})
		}
	}
	return c
}

// NameResolver returns a Resolver over the given names: each name maps to
// its entity id; names are compared without case.
func NameResolver(ids map[string]string) Resolver {
	byKey := make(map[string]string, len(ids))
	for name, id := range ids {
		byKey[key(name)] = id
	}
	return func(name string) string { return byKey[key(name)] }
}
