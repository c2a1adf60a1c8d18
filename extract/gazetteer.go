package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	formGroup                  // a group described by nationality and role ("Rwandan rebels"), no name
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
	// topic is true when every target is a topic.
	topic bool
	tgts  []target
}

// gazetteer finds knowledge-base names in token sequences by longest match.
// It is built once and read concurrently.
type gazetteer struct {
	byFirst map[string][]*entry // keyed by the first token, exact or lower-cased
	// plurals are the demonyms that are plural nouns ("Palestinians",
	// "Serbs"): a people, never a modifier.
	plurals map[string]bool
	// leaders maps the surname of a known office holder to the country
	// of their offices ("Bush" → the United States), so that "the Bush
	// administration" names that country's government; a surname shared
	// by holders of different countries maps to "".
	leaders map[string]string
}

func newGazetteer(k *kb.KB) *gazetteer {
	g := &gazetteer{byFirst: map[string][]*entry{}, plurals: map[string]bool{}, leaders: map[string]string{}}
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
			e = &entry{toks: words, fold: fold, topic: true}
			seen[key] = e
			g.byFirst[words[0]] = append(g.byFirst[words[0]], e)
		}
		for _, have := range e.tgts {
			if have.id == t.id && have.form == t.form {
				return
			}
		}
		e.tgts = append(e.tgts, t)
		e.topic = e.topic && t.typ == diplograph.Topic
	}
	for _, r := range k.Records() {
		for _, n := range r.Names() {
			add(n, target{r.ID, r.Type, formName})
			for _, v := range spellingVariants(n) {
				add(v, target{r.ID, r.Type, formName})
			}
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
		g.addPlurals(r)
		g.addLeader(k, r)
	}
	return g
}

// spellings pairs words that British and American English spell apart;
// a name spelt one way is written the other way as often ("North Atlantic
// Treaty Organisation", "Defence Ministry").
var spellings = [][2]string{
	{"Organization", "Organisation"}, {"organization", "organisation"}, {"Defense", "Defence"},
	{"Center", "Centre"}, {"Labor", "Labour"}, {"Program", "Programme"},
}

// spellingVariants returns name with each word of spellings written the
// other way, nil when it has none.
func spellingVariants(name string) []string {
	words := strings.Split(name, " ")
	changed := false
	for i, w := range words {
		for _, p := range spellings {
			switch w {
			case p[0]:
				words[i], changed = p[1], true
			case p[1]:
				words[i], changed = p[0], true
			default:
				continue
			}
			break
		}
	}
	if !changed {
		return nil
	}
	return []string{strings.Join(words, " ")}
}

// addPlurals records the record's demonyms that are the plural of another
// of its demonyms: "Palestinians" beside "Palestinian", "Swiss" not.
func (g *gazetteer) addPlurals(r kb.Record) {
	for _, p := range r.Demonyms {
		for _, s := range r.Demonyms {
			if p == s+"s" || p == s+"es" {
				g.plurals[p] = true
			}
		}
	}
}

// addLeader indexes a person who held an office of a country by the last
// word of each of their names.
func (g *gazetteer) addLeader(k *kb.KB, r kb.Record) {
	if r.Type != diplograph.Person {
		return
	}
	country := ""
	for _, o := range r.Offices {
		c, ok := k.Get(o.Of)
		if !ok || c.Type != diplograph.Country {
			continue
		}
		if country != "" && country != o.Of {
			return // offices of two countries: no single government
		}
		country = o.Of
	}
	if country == "" {
		return
	}
	for _, n := range r.Names() {
		f := strings.Fields(n)
		last := f[len(f)-1]
		if !hasUpper(last) || strings.HasSuffix(last, ".") {
			continue
		}
		if have, ok := g.leaders[last]; ok && have != country {
			g.leaders[last] = ""
			continue
		}
		g.leaders[last] = country
	}
}

// allCaps reports whether s has at least three letters, all upper case.
func allCaps(s string) bool {
	if len(s) < 3 || 'a' <= s[0] && s[0] <= 'z' {
		return false // too short for three letters, or starts in lower case
	}
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

// capitalizedInside reports whether token k begins with a capital but is
// not all capitals (a headline's) and some word comes before it in the
// sentence, where only punctuation may stand before a sentence's first word.
func capitalizedInside(toks []token.Token, k int) bool {
	r, _ := utf8.DecodeRuneInString(toks[k].Text)
	if !unicode.IsUpper(r) || allCaps(toks[k].Text) {
		return false
	}
	for _, t := range toks[:k] {
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
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
	// Words are short and nearly all plain ASCII: a plain loop rules the
	// apostrophe's first byte out faster than a substring search.
	for i := 0; i < len(s); i++ {
		if s[i] == "’"[0] {
			return strings.ReplaceAll(s, "’", "'")
		}
	}
	return s
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// match returns the longest entry starting at toks[i], or nil; nil too
// past the last token, where a caller looking after a phrase may land.
func (g *gazetteer) match(toks []token.Token, i int) (*entry, int) {
	if i >= len(toks) {
		return nil, 0
	}
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
					// A topic's word ("rice", "trade") is a name's when
					// capitalized inside a sentence ("Condoleezza Rice",
					// "the Trade Minister"). A name the knowledge base
					// writes in lower case ("mutual defense treaty") is
					// a name still.
					if e.topic && capitalizedInside(toks, i+j) {
						ok = false
						break
					}
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

// tokenMemo keeps answers about one token that the mention passes ask
// many times over: every pass checks that no known name starts inside its
// candidate, and several measure the same run of name words.
type tokenMemo struct {
	entry *entry
	n     int32 // the entry's length; small, so that a memo takes two words
	known bool  // entry and n are set
	run   int8  // nameRun's answer plus one; 0 until asked
}

// memo returns the memo of token i of sentence si, i < len(tokens).
func (d *doc) memo(si, i int) *tokenMemo {
	if d.memos == nil {
		// One block for the whole article, cut per sentence.
		n := 0
		for _, s := range d.sents {
			n += len(s.Tokens)
		}
		all := make([]tokenMemo, n)
		d.memos = make([][]tokenMemo, len(d.sents))
		for k, s := range d.sents {
			d.memos[k], all = all[:len(s.Tokens):len(s.Tokens)], all[len(s.Tokens):]
		}
	}
	return &d.memos[si][i]
}

// known returns the longest gazetteer entry starting at token i of
// sentence si, as gazetteer.match does, computed once per token.
func (d *doc) known(si, i int) (*entry, int) {
	toks := d.sents[si].Tokens
	if i >= len(toks) {
		return nil, 0
	}
	m := d.memo(si, i)
	if !m.known {
		e, n := d.x.gaz.match(toks, i)
		m.entry, m.n, m.known = e, int32(n), true
	}
	return m.entry, int(m.n)
}
