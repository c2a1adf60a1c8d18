package neo4j

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// How Go values become node and relationship properties and back. Neo4j
// properties are scalars or lists of scalars, so maps are flattened into
// prefixed keys (an entity's "iso" property is the node property prop_iso)
// and lists of pairs into parallel lists. Empty strings are left out, so
// that Cypher users see null rather than "". Keys starting with "_" are the
// store's bookkeeping.

const (
	propPrefix = "prop_" // an entity's or relation's own properties
	metaPrefix = "meta_" // an article's metadata
	mergeKey   = "_merge"
)

type props map[string]any

// set stores s under k unless it is empty.
func (p props) set(k, s string) {
	if s != "" {
		p[k] = s
	}
}

// flatten stores every entry of m under prefix+key.
func (p props) flatten(prefix string, m map[string]string) {
	for k, v := range m {
		p[prefix+k] = v
	}
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func integer(m map[string]any, k string) int64 {
	n, _ := m[k].(int64)
	return n
}

func strs(m map[string]any, k string) []string {
	vs, _ := m[k].([]any)
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		s, _ := v.(string)
		out = append(out, s)
	}
	return out
}

func ints(m map[string]any, k string) []int {
	vs, _ := m[k].([]any)
	out := make([]int, 0, len(vs))
	for _, v := range vs {
		n, _ := v.(int64)
		out = append(out, int(n))
	}
	return out
}

// unflatten collects the entries of m stored under prefix; nil when none.
func unflatten(m map[string]any, prefix string) map[string]string {
	var out map[string]string
	for k, v := range m {
		if rest, ok := strings.CutPrefix(k, prefix); ok {
			if out == nil {
				out = map[string]string{}
			}
			out[rest], _ = v.(string)
		}
	}
	return out
}

// setProv stores a merged fact's provenance and merge bookkeeping.
func (p props) setProv(pv prov) error {
	p["corroboration"] = int64(pv.Corroboration)
	p.set("firstSeen", pv.FirstSeen)
	p.set("lastSeen", pv.LastSeen)
	b, err := json.Marshal(pv)
	if err != nil {
		return err
	}
	p[mergeKey] = string(b)
	return nil
}

// getProv reads what setProv stored.
func getProv(m map[string]any) (prov, error) {
	var pv prov
	if s := str(m, mergeKey); s != "" {
		if err := json.Unmarshal([]byte(s), &pv); err != nil {
			return pv, fmt.Errorf("merge state of %s: %w", str(m, "id"), err)
		}
	}
	pv.Corroboration = int(integer(m, "corroboration"))
	pv.FirstSeen, pv.LastSeen = str(m, "firstSeen"), str(m, "lastSeen")
	return pv, nil
}

// entityProps is the node of a merged entity.
func entityProps(e *diplograph.Entity, pv prov) (props, error) {
	p := props{
		"id":      e.ID,
		"type":    string(e.Type),
		"name":    e.Name,
		"aliases": nonNil(e.Aliases),
		"nameKey": foldASCII(e.Name),
	}
	p.set("kind", e.Kind)
	ns := facts.Names(e)
	norms := make([]string, len(ns))
	search := make([]string, len(ns))
	for i, n := range ns {
		norms[i], search[i] = facts.Norm(n), searchText(n)
	}
	p["norms"], p["search"] = norms, search
	p.flatten(propPrefix, e.Properties)
	return p, p.setProv(pv)
}

// readEntity decodes an entity node.
func readEntity(m map[string]any) diplograph.Entity {
	return diplograph.Entity{
		ID:            str(m, "id"),
		Type:          diplograph.EntityType(str(m, "type")),
		Kind:          str(m, "kind"),
		Name:          str(m, "name"),
		Aliases:       strs(m, "aliases"),
		Properties:    unflatten(m, propPrefix),
		Corroboration: int(integer(m, "corroboration")),
		FirstSeen:     str(m, "firstSeen"),
		LastSeen:      str(m, "lastSeen"),
	}
}

// relationProps is the relationship of a merged relation; its type and
// ends are the relationship's own.
func relationProps(r *diplograph.Relation, pv prov) (props, error) {
	p := props{"id": r.ID}
	p.flatten(propPrefix, r.Properties)
	return p, p.setProv(pv)
}

// readRelation decodes a relation from its relationship's properties, type
// and ends.
func readRelation(m map[string]any, typ, subject, object string) diplograph.Relation {
	r := diplograph.Relation{
		ID:            str(m, "id"),
		Type:          diplograph.RelationType(typ),
		Subject:       subject,
		Object:        object,
		Properties:    unflatten(m, propPrefix),
		Corroboration: int(integer(m, "corroboration")),
		FirstSeen:     str(m, "firstSeen"),
		LastSeen:      str(m, "lastSeen"),
	}
	if r.Properties == nil {
		r.Properties = map[string]string{}
	}
	return r
}

// eventProps is the node of a merged event. undated and spanEnd are what
// lists sort and filter on: undated events (0 or 1) sort last, and spanEnd
// is the last day of the span.
func eventProps(e *diplograph.Event, pv prov) (props, error) {
	ents := make([]string, len(e.Participants))
	roles := make([]string, len(e.Participants))
	for i, pt := range e.Participants {
		ents[i], roles[i] = pt.Entity, string(pt.Role)
	}
	p := props{
		"id":                  e.ID,
		"type":                string(e.Type),
		"status":              string(e.Status),
		"participantEntities": ents,
		"participantRoles":    roles,
		"concerns":            nonNil(e.Concerns),
		"undated":             int64(0),
		"key":                 diplograph.EventKey(e),
	}
	if e.Negated {
		p["negated"] = true
	}
	if e.Start == "" {
		p["undated"] = int64(1)
	}
	p.set("start", e.Start)
	p.set("end", e.End)
	p.set("spanEnd", cmp.Or(e.End, e.Start))
	p.set("precision", string(e.Precision))
	p.set("raw", e.Raw)
	p.set("timex", e.Timex)
	p.set("location", e.Location)
	p.set("summary", e.Summary)
	p.set("quote", e.Quote)
	p.set("plover", e.Plover)
	p.set("ploverMode", e.PloverMode)
	p.set("cameo", e.Cameo)
	return p, p.setProv(pv)
}

// readEvent decodes an event node.
func readEvent(m map[string]any) diplograph.Event {
	e := diplograph.Event{
		ID:      str(m, "id"),
		Type:    diplograph.EventType(str(m, "type")),
		Status:  diplograph.EventStatus(str(m, "status")),
		Negated: m["negated"] == true,
		TimeSpan: diplograph.TimeSpan{
			Start:     str(m, "start"),
			End:       str(m, "end"),
			Precision: diplograph.Precision(str(m, "precision")),
			Raw:       str(m, "raw"),
			Timex:     str(m, "timex"),
		},
		Location:      str(m, "location"),
		Concerns:      strs(m, "concerns"),
		Summary:       str(m, "summary"),
		Quote:         str(m, "quote"),
		Plover:        str(m, "plover"),
		PloverMode:    str(m, "ploverMode"),
		Cameo:         str(m, "cameo"),
		Corroboration: int(integer(m, "corroboration")),
		FirstSeen:     str(m, "firstSeen"),
		LastSeen:      str(m, "lastSeen"),
	}
	ents, roles := strs(m, "participantEntities"), strs(m, "participantRoles")
	e.Participants = make([]diplograph.Participant, 0, len(ents))
	for i, id := range ents {
		var role string
		if i < len(roles) {
			role = roles[i]
		}
		e.Participants = append(e.Participants, diplograph.Participant{Entity: id, Role: diplograph.Role(role)})
	}
	return e
}

// articleProps is an article's node. seq orders saves (see Store.nextSeq).
func articleProps(a *diplograph.Article, seq int64) props {
	p := props{"id": a.ID, "hash": a.Hash, "text": a.Text, "seq": seq}
	p.set("title", a.Title)
	p.set("url", a.URL)
	p.set("source", a.Source)
	p.set("published", a.Published)
	p.flatten(metaPrefix, a.Meta)
	return p
}

// readArticle decodes an article node.
func readArticle(m map[string]any) diplograph.Article {
	return diplograph.Article{
		ID:        str(m, "id"),
		Hash:      str(m, "hash"),
		Title:     str(m, "title"),
		URL:       str(m, "url"),
		Source:    str(m, "source"),
		Published: str(m, "published"),
		Text:      str(m, "text"),
		Meta:      unflatten(m, metaPrefix),
	}
}

// commentProps is a comment's node; pos is its place under the article.
func commentProps(pos int, c *diplograph.Comment) props {
	p := props{"pos": int64(pos), "index": int64(c.Index), "author": c.Author, "text": c.Text,
		"stance": string(c.Stance), "targets": nonNil(c.Targets)}
	return p
}

func readComment(m map[string]any) diplograph.Comment {
	return diplograph.Comment{
		Index:   int(integer(m, "index")),
		Author:  str(m, "author"),
		Text:    str(m, "text"),
		Stance:  diplograph.Stance(str(m, "stance")),
		Targets: strs(m, "targets"),
	}
}

// supportProps is one article's view of one fact: the view itself (the fact
// as the article states it, without evidence), its evidence as three
// parallel lists, and pos, the fact's place in the article's extraction.
func supportProps(pos int, view any, evs []diplograph.Evidence) (props, error) {
	b, err := json.Marshal(view)
	if err != nil {
		return nil, err
	}
	sents := make([]string, len(evs))
	starts := make([]int64, len(evs))
	ends := make([]int64, len(evs))
	for i, ev := range evs {
		sents[i], starts[i], ends[i] = ev.Sentence, int64(ev.Start), int64(ev.End)
	}
	return props{"pos": int64(pos), "view": string(b), "sentences": sents, "starts": starts, "ends": ends}, nil
}

// readEvidence decodes the evidence of a support.
func readEvidence(m map[string]any) []diplograph.Evidence {
	sents, starts, ends := strs(m, "sentences"), ints(m, "starts"), ints(m, "ends")
	out := make([]diplograph.Evidence, 0, len(sents))
	for i, s := range sents {
		ev := diplograph.Evidence{Sentence: s}
		if i < len(starts) {
			ev.Start = starts[i]
		}
		if i < len(ends) {
			ev.End = ends[i]
		}
		out = append(out, ev)
	}
	return out
}

// foldASCII lower-cases the ASCII letters of s only, as the embedded
// store's NOCASE collation does, so that both sort names alike.
func foldASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// nonNil returns s, or an empty slice for nil: Neo4j stores an empty list,
// and readers get [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
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
