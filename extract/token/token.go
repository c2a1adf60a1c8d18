// Package token splits article text into sentences and tokens with byte
// offsets into the original text, so that every fact can point back at the
// exact sentence it came from.
//
// It knows English orthography (abbreviations, initials, possessives,
// hyphenated compounds, curly quotes) and nothing of entities or events.
package token

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word  Kind = iota // letters, possibly with inner periods (U.S.) or apostrophes (O'Brien)
	Num               // digits, possibly with inner separators (2,000 or 3.5)
	Punct             // anything else, one rune (or "'s")
)

// Token is one word, number or punctuation mark. The small fields come
// last, packed together: an article holds many tokens.
type Token struct {
	Text string
	// Lower is Text in lower case, precomputed because matching uses it a lot.
	Lower      string
	Start, End int // byte offsets in the text given to Split
	Kind       Kind
	// Cap is true when the token starts with an upper-case letter.
	Cap bool
	// SpaceBefore is true when whitespace precedes the token.
	SpaceBefore bool
}

// Sentence is one sentence with its tokens.
type Sentence struct {
	Index      int
	Start, End int // byte offsets in the text
	Text       string
	Tokens     []Token
	// Paragraph is the index of the paragraph (block separated by a line
	// break) the sentence belongs to.
	Paragraph int
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"sgt": true, "capt": true, "adm": true, "gov": true, "sen": true, "rep": true, "rev": true, "st": true,
	"jr": true, "sr": true, "messrs": true, "pres": true, "amb": true, "hon": true, "maj": true, "cmdr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true, "etc": true, "approx": true,
	"inc": true, "corp": true, "co": true, "ltd": true, "dept": true, "est": true, "fig": true, "vol": true,
}

// IsAbbreviation reports whether w (without its period) is a known
// abbreviation that takes a period.
func IsAbbreviation(w string) bool { return abbreviations[strings.ToLower(w)] }

// Tokenize splits text into tokens. Offsets are relative to text plus base.
func Tokenize(text string, base int) []Token {
	return appendTokens(make([]Token, 0, len(text)/5), text, base, "")
}

// appendTokens appends the tokens of text to toks. lowered is text with
// its ASCII letters in lower case, or "" to have it made at the first
// capitalized ASCII word: such words take their Lower from it, one
// allocation per text rather than one per word.
func appendTokens(toks []Token, text string, base int, lowered string) []Token {
	i := 0
	space := true
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if unicode.IsSpace(r) {
			i += size
			space = true
			continue
		}
		start := i
		var kind Kind
		switch {
		case unicode.IsLetter(r):
			kind = Word
			i = scanWord(text, i)
		case unicode.IsDigit(r):
			kind = Num
			i = scanNumber(text, i)
			if i == start {
				// A digit of another script ("߃") that scanNumber, which
				// reads ASCII digits, does not take: a token of its own,
				// lest the loop stand still.
				i += size
			}
		case (r == '`' || r == '\'') && i+1 < len(text) && text[i+1] == text[i]:
			// Wire copy's ``quotes'': one token each, a double quote.
			kind = Punct
			i += 2
		case isApostrophe(r) && possessiveAt(text, i+size):
			kind = Punct
			i += size + 1 // "'s"
		default:
			kind = Punct
			i += size
		}
		t := Token{Text: text[start:i], Start: base + start, End: base + i, Kind: kind, SpaceBefore: space}
		if kind == Word {
			first, _ := utf8.DecodeRuneInString(t.Text)
			t.Cap = unicode.IsUpper(first)
		}
		switch lowerCase(t.Text) {
		case isLower:
			t.Lower = t.Text
		case asciiUpper:
			if lowered == "" {
				lowered = asciiLower(text)
			}
			t.Lower = lowered[start:i]
		default:
			t.Lower = strings.ToLower(t.Text)
		}
		toks = append(toks, t)
		space = false
	}
	return toks
}

// caseClass says how a token's lower-case form is made.
type caseClass uint8

const (
	isLower    caseClass = iota // ASCII without capitals: the text itself
	asciiUpper                  // ASCII with capitals: byte-wise lowering
	nonASCII                    // anything else: strings.ToLower
)

func lowerCase(s string) caseClass {
	c := isLower
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= utf8.RuneSelf:
			return nonASCII
		case 'A' <= b && b <= 'Z':
			c = asciiUpper
		}
	}
	return c
}

func hasASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// asciiLower lowers the ASCII letters of s and leaves every other byte
// alone, so that byte offsets into s hold in the result.
func asciiLower(s string) string {
	if !hasASCIIUpper(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	done := 0 // s[:done] is written
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(s[done:i])
			b.WriteByte(c + 'a' - 'A')
			done = i + 1
		}
	}
	b.WriteString(s[done:])
	return b.String()
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// possessiveAt reports whether text at i is "s" ending a word: the "s" of
// a possessive "'s".
func possessiveAt(text string, i int) bool {
	if i >= len(text) || (text[i] != 's' && text[i] != 'S') {
		return false
	}
	if i+1 == len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i+1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// scanWord returns the end of the word starting at i. A word runs over
// letters, digits and marks; it takes an inner apostrophe when a letter
// follows that is not the possessive s (O'Brien, Ren'ai), and periods that
// separate single letters (U.S., D.C.) including the final one.
func scanWord(text string, i int) int {
	start := i
	for i < len(text) {
		if c := text[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			i++ // the common case, without decoding
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			i += size
		case isApostrophe(r) && i > start && !possessiveAt(text, i+size) && nextIsLetter(text, i+size):
			i += size
		case r == '.' && isInitialism(text, start, i):
			i += size
		default:
			return i
		}
	}
	return i
}

// isInitialism reports whether the period at dot continues an initialism:
// the word so far is single letters separated by periods and the next rune
// is a letter followed by a period, or the word so far already has a
// period (then this one closes it: "U.S." ends with its period).
func isInitialism(text string, start, dot int) bool {
	seg := text[start:dot]
	// Each segment between periods must be one letter.
	for rest := seg; ; {
		part, after, more := strings.Cut(rest, ".")
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
		if !more {
			break
		}
		rest = after
	}
	if strings.Contains(seg, ".") {
		return true
	}
	// "U" followed by ".S" → initialism; "A." alone (an initial) is not.
	r, size := utf8.DecodeRuneInString(text[dot+1:])
	if !unicode.IsLetter(r) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(text[dot+1+size:])
	return r2 == '.'
}

func nextIsLetter(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// scanNumber returns the end of the number starting at i: digits with inner
// ",", "." or ":" between digits (2,000; 3.5; 10:30), and an ordinal or
// unit suffix of letters glued on (7th, 20s, 5km).
func scanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		switch {
		case c >= '0' && c <= '9':
			i++
		case (c == ',' || c == '.' || c == ':') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9':
			i++
		default:
			for i < len(text) && ('a' <= text[i] && text[i] <= 'z') {
				i++
			}
			return i
		}
	}
	return i
}

// Split splits text into sentences with their tokens. A line break always
// ends a sentence; ".", "!" and "?" end one when followed by space and the
// start of a new sentence, unless the period belongs to an abbreviation or
// a personal initial.
func Split(text string) []Sentence {
	var out []Sentence
	// The lines' tokens share one block, sized for the whole text: a
	// block per line would often be outgrown by a line denser than
	// average and copied.
	toks := make([]Token, 0, len(text)/5)
	lowered := asciiLower(text)
	para := 0
	lineStart := 0
	for lineStart <= len(text) {
		nl := strings.IndexByte(text[lineStart:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = lineStart + nl
		}
		line := text[lineStart:lineEnd]
		if strings.TrimSpace(line) != "" {
			first := len(toks)
			toks = appendTokens(toks, line, lineStart, lowered[lineStart:lineEnd])
			// The line's tokens, capped so that no append to them can
			// write over the next line's.
			out = appendSentences(out, text, toks[first:len(toks):len(toks)], para)
			para++
		}
		if nl < 0 {
			break
		}
		lineStart = lineEnd + 1
	}
	for i := range out {
		out[i].Index = i
	}
	return out
}

func appendSentences(out []Sentence, text string, toks []Token, para int) []Sentence {
	begin := 0
	for i := 0; i < len(toks); i++ {
		if !endsSentence(toks, i) {
			continue
		}
		end := i + 1
		// Closing quotes and brackets stay with the sentence they close.
		for end < len(toks) && isCloser(toks[end].Text) && !toks[end].SpaceBefore {
			end++
		}
		out = appendSentence(out, text, toks[begin:end], para)
		begin = end
		i = end - 1
	}
	if begin < len(toks) {
		out = appendSentence(out, text, toks[begin:], para)
	}
	return out
}

func appendSentence(out []Sentence, text string, toks []Token, para int) []Sentence {
	if len(toks) == 0 {
		return out
	}
	s := Sentence{Start: toks[0].Start, End: toks[len(toks)-1].End, Tokens: toks, Paragraph: para}
	s.Text = text[s.Start:s.End]
	return append(out, s)
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]", "''":
		return true
	}
	return false
}

func isOpener(s string) bool {
	switch s {
	case "\"", "“", "‘", "'", "(", "[", "``":
		return true
	}
	return false
}

// endsSentence reports whether toks[i] ends a sentence.
func endsSentence(toks []Token, i int) bool {
	t := toks[i]
	// "U.S." at the end of a sentence carries the sentence's period.
	if t.Kind == Word && strings.HasSuffix(t.Text, ".") {
		return i+1 < len(toks) && startsSentence(toks, i+1) && !followsAsProperNoun(toks, i+1)
	}
	if t.Kind != Punct || (t.Text != "." && t.Text != "!" && t.Text != "?") {
		return false
	}
	if i+1 == len(toks) {
		return true
	}
	j := i + 1
	for j < len(toks) && isCloser(toks[j].Text) && !toks[j].SpaceBefore {
		j++
	}
	if j == len(toks) {
		return true
	}
	if !toks[j].SpaceBefore || !startsSentence(toks, j) {
		return false
	}
	if t.Text == "." && i > 0 && !toks[i].SpaceBefore {
		prev := toks[i-1]
		if prev.Kind == Word && IsAbbreviation(prev.Text) {
			return false
		}
		// A single capital letter followed by a period is an initial
		// ("Donald J. Trump").
		if prev.Kind == Word && prev.Cap && utf8.RuneCountInString(prev.Text) == 1 {
			return false
		}
		// "Ma." abbreviates Maria in Filipino names ("Ma. Theresa
		// Lazaro"): a name of two more words goes on.
		if prev.Text == "Ma" && j+1 < len(toks) && toks[j].Kind == Word && toks[j].Cap && toks[j+1].Kind == Word && toks[j+1].Cap {
			return false
		}
	}
	return true
}

// startsSentence reports whether toks[j] can begin a sentence.
func startsSentence(toks []Token, j int) bool {
	t := toks[j]
	if isOpener(t.Text) {
		return true
	}
	if t.Kind == Num {
		return true
	}
	return t.Kind == Word && t.Cap
}

// followsAsProperNoun guesses whether the capitalized word after an
// initialism continues the same noun phrase ("U.S. President Donald
// Trump", "the U.N. Security Council") rather than starting a sentence: it
// does when it is a title or an organization word.
func followsAsProperNoun(toks []Token, j int) bool {
	return continuesAfterInitialism[toks[j].Lower]
}

var continuesAfterInitialism = map[string]bool{
	"president": true, "prime": true, "secretary": true, "ambassador": true, "envoy": true, "officials": true,
	"official": true, "forces": true, "troops": true, "military": true, "navy": true, "army": true, "senate": true,
	"congress": true, "house": true, "security": true, "general": true, "state": true, "department": true,
	"government": true, "administration": true, "embassy": true, "trade": true, "treasury": true, "special": true,
	"defense": true, "defence": true, "foreign": true, "vice": true, "representative": true, "intelligence": true,
	"lawmakers": true, "leader": true, "leaders": true, "allies": true, "ally": true, "counterpart": true,
	"and": true, "or": true, "human": true, "peacekeepers": true, "peacekeeping": true, "charter": true,
	"commander": true, "coast": true, "marines": true, "air": true, "ministry": true,
	// Offices and bodies of a government: "U.S. Commerce Secretary".
	"commerce": true, "energy": true, "agriculture": true, "attorney": true, "justice": true, "interior": true,
	"labor": true, "homeland": true, "deputy": true, "assistant": true, "undersecretary": true, "chief": true,
	"consul": true, "consulate": true, "delegation": true, "delegate": true, "negotiator": true,
	"negotiators": true, "diplomat": true, "diplomats": true, "mission": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "senator": true, "secretary-general": true, "envoys": true,
	"soldiers": true, "warships": true, "ambassadors": true, "officers": true, "command": true,
}
