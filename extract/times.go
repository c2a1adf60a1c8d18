package extract

import (
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/timex"
	"github.com/diplograph/diplograph/extract/token"
)

// TimeMention is a time expression found in an article, with its byte
// offsets in the text and its TIMEX3 type and value.
type TimeMention struct {
	Start, End int
	Text       string
	Type       string
	Value      string
}

// Times returns the time expressions of an article resolved as the
// extractor resolves them for events: against the publication date, with
// the tense of the clause around each. It serves evaluation and debugging.
func (x *Extractor) Times(a *diplograph.Article) ([]TimeMention, error) {
	d := &doc{x: x, art: a}
	if a.Published != "" {
		t, err := time.Parse(time.DateOnly, a.Published)
		if err != nil {
			return nil, diplograph.Errorf(diplograph.EINVALID, "article %s: published date %q is not YYYY-MM-DD", a.ID, a.Published)
		}
		d.anchor = t
	}
	var out []TimeMention
	for _, s := range token.Split(a.Text) {
		chunks := chunkIDs(s.Tokens)
		for _, e := range timex.Find(s.Tokens, d.anchor, d.tenses(s.Tokens, chunks)) {
			start, end := s.Tokens[e.First].Start, s.Tokens[e.Last-1].End
			out = append(out, TimeMention{Start: start, End: end, Text: a.Text[start:end], Type: string(e.Type), Value: e.Value})
		}
	}
	return out, nil
}

// Mention is one place where an article names an entity, with its byte
// offsets in the text.
type Mention struct {
	Start, End int
	Text       string
	Entity     string
	Type       diplograph.EntityType
	// Demonym is true for an adjective or nationality word ("Polish"),
	// which names the country without being its name, and for a group
	// described by one ("Rwandan rebels"), which has no name.
	Demonym bool
}

// Mentions returns every entity mention the extractor resolves in an
// article, in text order. It serves evaluation and debugging.
func (x *Extractor) Mentions(a *diplograph.Article) ([]Mention, error) {
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
	var out []Mention
	for si, ms := range d.ments {
		toks := d.sents[si].Tokens
		for _, m := range ms {
			if m.id == "" {
				continue
			}
			start, end := toks[m.first].Start, toks[m.last-1].End
			out = append(out, Mention{Start: start, End: end, Text: a.Text[start:end], Entity: m.id, Type: m.typ, Demonym: m.form == formDemonym || m.form == formGroup})
		}
	}
	return out, nil
}
