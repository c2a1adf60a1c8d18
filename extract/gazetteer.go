package extract

import (
	"strings"
	"unicode"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/token"
	"github.com/diplograph/diplograph/kb"
)

// form says how a surface form denotes its entity.
type form uint8

const (
	formName       form = iota // a name or alias: denotes the entity anywhere
	formMetonym                // a capital standing for its government ("Beijing said")
	formDemonym                // an adjective or nationality word ("Japanese")
	formDescriptor             // a common-noun phrase ("security treaty") resolved by context
)

// target is one entity a surface form may denote.
type target struct {
	id   string
	typ  diplograph.EntityType
	form form
}

// entry is one surface form as a token sequence.
type entry struct {
	toks []string
	fold bool // match lower-cased tokens (forms written in lower case)
	tgts []target
}

// gazetteer finds knowledge-base names in token sequences by longest match.
// It is built once and read concurrently.
type gazetteer struct {
	byFirst map[string][]*entry // keyed by the first token, exact or lower-cased
}

func newGazetteer(k *kb.KB) *gazetteer {
	g := &gazetteer{byFirst: map[string][]*entry{}}
	seen := map[string]*entry{}
	add := func(surface string, t target) {
		toks := token.Tokenize(surface, 0)
		if len(toks) == 0 {
			return
		}
		fold := !hasUpper(surface)
		words := make([]string, len(toks))
		for i, tk := range toks {
			words[i] = straightQuotes(tk.Text)
			if fold {
				words[i] = straightQuotes(tk.Lower)
			}
		}
		key := strings.Join(words, "\x00")
		if fold {
			key = "\x01" + key
		}
		e, ok := seen[key]
		if !ok {
			e = &entry{toks: words, fold: fold}
			seen[key] = e
			g.byFirst[words[0]] = append(g.byFirst[words[0]], e)
		}
		for _, have := range e.tgts {
			if have.id == t.id && have.form == t.form {
				return
			}
		}
		e.tgts = append(e.tgts, t)
	}
	for _, r := range k.Records() {
		for _, n := range r.Names() {
			add(n, target{r.ID, r.Type, formName})
		}
		for _, n := range r.Metonyms {
			add(n, target{r.ID, r.Type, formMetonym})
		}
		for _, n := range r.Demonyms {
			add(n, target{r.ID, r.Type, formDemonym})
		}
		for _, n := range r.Descriptors {
			add(n, target{r.ID, r.Type, formDescriptor})
		}
	}
	return g
}

// allCaps reports whether s has at least three letters, all upper case.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 3
}

// capitalized writes an all-capitals word as a name: "WARSAW" → "Warsaw".
func capitalized(s string) string {
	r := []rune(strings.ToLower(s))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// straightQuotes writes typographic apostrophes as straight ones, so that
// "People’s" matches the knowledge base's "People's".
func straightQuotes(s string) string {
	if !strings.Contains(s, "’") {
		return s
	}
	return strings.ReplaceAll(s, "’", "'")
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// match returns the longest entry starting at toks[i], or nil.
func (g *gazetteer) match(toks []token.Token, i int) (*entry, int) {
	var best *entry
	bestLen := 0
	try := func(cands []*entry) {
		for _, e := range cands {
			n := len(e.toks)
			if n <= bestLen || i+n > len(toks) {
				continue
			}
			ok := true
			for j, w := range e.toks {
				t := &toks[i+j]
				got := t.Text
				if e.fold {
					got = t.Lower
				}
				got = straightQuotes(got)
				// An all-capitals word (a dateline, a headline: "WARSAW")
				// matches its name in any case.
				if got != w && !(allCaps(got) && strings.EqualFold(got, w)) {
					ok = false
					break
				}
			}
			if ok {
				best, bestLen = e, n
			}
		}
	}
	first := straightQuotes(toks[i].Text)
	try(g.byFirst[first])
	if low := straightQuotes(toks[i].Lower); low != first {
		try(g.byFirst[low])
	}
	if allCaps(first) {
		try(g.byFirst[capitalized(first)])
	}
	// A name written with its period ("U.S.") may appear without it at the
	// end of a sentence, where the period went to the sentence.
	return best, bestLen
}
