package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
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
	// type sharing the most participants (or both without any).
	used := make([]bool, len(x.Events))
	for _, ge := range g.Events {
		gp := map[string]bool{}
		for _, p := range ge.Participants {
			gp[ent(p)] = true
		}
		best, bestScore := -1, 0
		for i, e := range x.Events {
			if used[i] || e.Type != ge.Type {
				continue
			}
			score := 0
			for _, p := range e.Participants {
				if gp[extracted(p.Entity)] {
					score++
				}
			}
			if len(gp) == 0 {
				score = 1
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		desc := fmt.Sprintf("%s %s %s %v", ge.Type, ge.Status, ge.Start, ge.Participants)
		if best < 0 {
			r.Events.FN++
			r.Misses = append(r.Misses, Miss{g.Article, "event", desc, "-"})
			continue
		}
		used[best] = true
		e := x.Events[best]
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
