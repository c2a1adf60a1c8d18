// Package extract turns an article into an Extraction: the entities it
// names, the relations and events it states, the dates it gives, and the
// stance of its reader comments, each tied to the sentence it came from.
//
// Extraction is rule-based and deterministic: a knowledge-base gazetteer
// (names, aliases, metonyms, demonyms), cue patterns for people and
// organizations the knowledge base lacks, trigger and modality word lists
// for events, and a date grammar (package timex). Nothing here is tuned to
// a particular article.
//
// The package reads the knowledge base and the article; it does not store
// anything.
package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/token"
	"github.com/diplograph/diplograph/kb"
)

// Extractor extracts facts from articles. It is safe for concurrent use.
type Extractor struct {
	kb       *kb.KB
	gaz      *gazetteer
	triggers *phraseIndex[trigger]
	cues     *phraseIndex[cue]
	titles   *phraseIndex[string]
	generic  *phraseIndex[string]
	stance   *phraseIndex[int]
	// tenseWords gathers the tense cues by word (see tenseWord).
	tenseWords map[string]tenseWord
}

// New returns an Extractor over the knowledge base k.
func New(k *kb.KB) *Extractor {
	x := &Extractor{kb: k, gaz: newGazetteer(k)}
	x.triggers = newPhraseIndex[trigger]()
	for _, t := range allTriggers() {
		x.triggers.add(t.phrase, t)
	}
	x.cues = newPhraseIndex[cue]()
	for _, c := range cues {
		// A phrase may be both a before- and an after-cue; keep both by
		// giving the after-cue its own key.
		key := c.phrase
		if c.after {
			key = "\x01" + key
		}
		x.cues.addKey(key, c.phrase, c)
	}
	x.tenseWords = tenseLexicon(x.cues)
	x.titles = newPhraseIndex[string]()
	for _, ts := range []map[string]string{titles, personTitles} {
		for p, canon := range ts {
			x.titles.add(p, canon)
			// "Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of
			// Russia": the first name takes the title too.
			if pl := pluralTitle(p); pl != "" {
				x.titles.add(pl, canon)
			}
		}
	}
	x.generic = newPhraseIndex[string]()
	for p, kind := range genericOrgs {
		x.generic.add(p, kind)
	}
	x.stance = newPhraseIndex[int]()
	for p, s := range stanceWords {
		x.stance.add(p, s)
	}
	return x
}

// pluralTitle returns the plural of a title of one or more words ("prime
// minister" → "prime ministers", "secretary" → "secretaries"), or "" for
// an abbreviation or a short word ("mr", "dr").
func pluralTitle(p string) string {
	switch {
	case len(p) <= 3, strings.HasSuffix(p, "."), strings.HasSuffix(p, "s"):
		return ""
	case strings.HasSuffix(p, "y") && !strings.HasSuffix(p, "ey") && !strings.HasSuffix(p, "ay"):
		return strings.TrimSuffix(p, "y") + "ies"
	}
	return p + "s"
}

// Extract reads one article. The article's Published date (YYYY-MM-DD)
// anchors relative dates; without it relative dates stay unresolved.
func (x *Extractor) Extract(ctx context.Context, a *diplograph.Article) (*diplograph.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d := &doc{x: x, art: a, ents: map[string]*entAcc{}, rels: map[string]*relAcc{}}
	if a.Published != "" {
		t, err := time.Parse(time.DateOnly, a.Published)
		if err != nil {
			return nil, diplograph.Errorf(diplograph.EINVALID, "article %s: published date %q is not YYYY-MM-DD", a.ID, a.Published)
		}
		d.anchor = t
	}
	d.sents = token.Split(a.Text)
	d.findMentions()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d.findRelations()
	d.findEvents()
	d.accessionMemberships()
	d.predecessorRelations()
	out := &diplograph.Extraction{Article: *a}
	out.Relations = d.relations()
	out.Events = d.eventsOut()
	out.Entities = d.entities(referenced(out.Relations, out.Events))
	dropConcerns(out.Events, out.Entities)
	out.Comments = d.comments(out)
	return out, nil
}

// doc is the state of one extraction.
type doc struct {
	x      *Extractor
	art    *diplograph.Article
	anchor time.Time
	sents  []token.Sentence
	ments  [][]*mention // per sentence, in token order
	// memos keeps answers about tokens per sentence (see tokenMemo).
	memos  [][]tokenMemo
	ents   map[string]*entAcc
	order  []string // entity ids in order of first mention
	rels   map[string]*relAcc
	relIDs []string
	events []*evAcc
}

// entAcc accumulates one entity over an article.
type entAcc struct {
	e        diplograph.Entity
	aliases  []string
	evSents  map[int]bool
	mentions int
	// inTitle counts the mentions that only qualify a person's title
	// ("Chinese Foreign Ministry spokesperson Lin Jian").
	inTitle int
	// debated counts the mentions of a topic in a sentence that talks,
	// agrees or disputes (see debates).
	debated int
}

func (d *doc) entity(id string) *entAcc { return d.ents[id] }

// addEntity registers a mention of id, creating the entity on first sight.
func (d *doc) addEntity(m *mention, name string, typ diplograph.EntityType, kind string) *entAcc {
	e, ok := d.ents[m.id]
	if !ok {
		e = &entAcc{e: diplograph.Entity{ID: m.id, Type: typ, Kind: kind, Name: name}, evSents: map[int]bool{}}
		if r, ok := d.x.kb.Get(m.id); ok {
			e.e.Name, e.e.Type, e.e.Kind = r.Name, r.Type, r.Kind
			e.addAlias(r.Names()...)
			if len(r.Codes) > 0 {
				e.e.Properties = map[string]string{}
				for k, v := range r.Codes {
					e.e.Properties[k] = v
				}
			}
		} else {
			e.addAlias(name)
		}
		d.ents[m.id] = e
		d.order = append(d.order, m.id)
	}
	// "The shoal" or "the alliance" standing for a name is no name of it.
	if !(m.reuse && m.form == formDescriptor) {
		e.addAlias(m.text)
	}
	e.mentions++
	e.evSents[m.sent] = true
	return e
}

func (e *entAcc) addAlias(names ...string) {
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		dup := false
		for _, a := range e.aliases {
			if a == n {
				dup = true
				break
			}
		}
		if !dup {
			e.aliases = append(e.aliases, n)
		}
	}
}

func (d *doc) evidence(sent int) diplograph.Evidence {
	s := &d.sents[sent]
	return diplograph.Evidence{Article: d.art.ID, Sentence: s.Text, Start: s.Start, End: s.End}
}

func (d *doc) evidenceList(sents map[int]bool) []diplograph.Evidence {
	idx := make([]int, 0, len(sents))
	for i := range sents {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	out := make([]diplograph.Evidence, len(idx))
	for i, s := range idx {
		out[i] = d.evidence(s)
	}
	return out
}

// entities returns the article's entities in order of first mention. A
// topic is one only when a sentence that names it talks of it, agrees on
// it or disputes it (debates): "discussed maritime security", not "imposed
// sanctions" or "the alliance's defense spending target". A
// ministry the text names only inside people's titles ("Foreign Ministry
// spokesperson Mao Ning") is not one of them unless a fact in used names
// it: the title tells whose spokesperson they are, which the HOLDS_OFFICE
// relation already says through the country, and listing the ministry
// would make every briefing add an actor the text never has act.
func (d *doc) entities(used map[string]bool) []diplograph.Entity {
	out := make([]diplograph.Entity, 0, len(d.order))
	for _, id := range d.order {
		e := d.ents[id]
		if e.mentions == 0 {
			continue
		}
		if e.inTitle == e.mentions && e.e.Type == diplograph.Organization && e.e.Kind == "MINISTRY" && !used[id] {
			continue
		}
		if e.e.Type == diplograph.Topic && e.debated == 0 {
			continue
		}
		ent := e.e
		ent.Aliases = append([]string(nil), e.aliases...)
		ent.Evidence = d.evidenceList(e.evSents)
		out = append(out, ent)
	}
	return out
}

// dropConcerns takes out of the events' concerns the entities that are not
// in ents: topics the article names but never as a subject (see debates).
func dropConcerns(evs []diplograph.Event, ents []diplograph.Entity) {
	kept := make(map[string]bool, len(ents))
	for _, e := range ents {
		kept[e.ID] = true
	}
	for i := range evs {
		evs[i].Concerns = slices.DeleteFunc(evs[i].Concerns, func(id string) bool { return !kept[id] })
	}
}

// referenced returns the entity ids the relations and events name.
func referenced(rels []diplograph.Relation, evs []diplograph.Event) map[string]bool {
	used := map[string]bool{}
	for _, r := range rels {
		used[r.Subject], used[r.Object] = true, true
	}
	for _, e := range evs {
		if e.Location != "" {
			used[e.Location] = true
		}
		for _, p := range e.Participants {
			used[p.Entity] = true
		}
		for _, c := range e.Concerns {
			used[c] = true
		}
	}
	return used
}

// hashID returns prefix + the first 16 hex digits of the SHA-256 of parts.
func hashID(prefix string, parts ...string) string {
	// The parts, each ended by a zero byte, hashed in one piece; the
	// buffer stays on the stack for the usual short parts.
	var buf [256]byte
	b := buf[:0]
	for _, p := range parts {
		b = append(b, p...)
		b = append(b, 0)
	}
	sum := sha256.Sum256(b)
	var digits [16]byte
	hex.Encode(digits[:], sum[:8])
	var id strings.Builder
	id.Grow(len(prefix) + len(digits))
	id.WriteString(prefix)
	id.Write(digits[:])
	return id.String()
}

// phraseIndex finds multi-word phrases in lower-cased tokens, longest first.
type phraseIndex[V any] struct {
	byFirst map[string][]phrase[V]
}

type phrase[V any] struct {
	words []string
	key   string
	val   V
}

func newPhraseIndex[V any]() *phraseIndex[V] {
	return &phraseIndex[V]{byFirst: map[string][]phrase[V]{}}
}

func (p *phraseIndex[V]) add(text string, v V) { p.addKey(text, text, v) }

func (p *phraseIndex[V]) addKey(key, text string, v V) {
	toks := token.Tokenize(text, 0)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Lower
	}
	if len(words) == 0 {
		return
	}
	list := p.byFirst[words[0]]
	list = append(list, phrase[V]{words: words, key: key, val: v})
	// Longest first, then by key so that the order never depends on map
	// iteration.
	sort.SliceStable(list, func(i, j int) bool {
		if len(list[i].words) != len(list[j].words) {
			return len(list[i].words) > len(list[j].words)
		}
		return list[i].key < list[j].key
	})
	p.byFirst[words[0]] = list
}

// at returns the longest phrase starting at toks[i] and its length.
func (p *phraseIndex[V]) at(toks []token.Token, i int) (V, int, bool) {
	for _, ph := range p.byFirst[toks[i].Lower] {
		if i+len(ph.words) > len(toks) {
			continue
		}
		ok := true
		for j, w := range ph.words {
			if toks[i+j].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			return ph.val, len(ph.words), true
		}
	}
	var zero V
	return zero, 0, false
}

// all returns every phrase starting at toks[i] (longest first).
func (p *phraseIndex[V]) all(toks []token.Token, i int) []phrase[V] {
	var out []phrase[V]
	for _, ph := range p.byFirst[toks[i].Lower] {
		if i+len(ph.words) > len(toks) {
			continue
		}
		ok := true
		for j, w := range ph.words {
			if toks[i+j].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, ph)
		}
	}
	return out
}

func joinTokens(toks []token.Token) string {
	if len(toks) == 1 {
		return toks[0].Text // most names are one word: no copy
	}
	n := 0
	for _, t := range toks {
		n += len(t.Text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range toks {
		if i > 0 && t.SpaceBefore {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func (d *doc) String() string { return fmt.Sprintf("doc(%s)", d.art.ID) }
