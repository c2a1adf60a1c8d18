package neo4j

import (
	"strings"
	"unicode"

	unorm "golang.org/x/text/unicode/norm"

	"github.com/diplograph/diplograph/store/internal/facts"
)

// Name search matches the embedded store's full-text search word for word:
// names and queries are split into tokens the way SQLite's unicode61
// tokenizer splits them (runs of letters and digits, lower-cased, Latin
// diacritics removed), every word of the query must match one name or
// alias, a word of several tokens ("U.S." is "u s") as a phrase, and the
// last word's last token as a prefix.
//
// Each entity keeps, per name, its tokens joined by single spaces and
// padded with one space on each side (the node's search list). A full-text
// index with the whitespace analyzer over that list finds the candidates
// (every token present, the last as a prefix); a CONTAINS test on the same
// strings then keeps exactly the names where the words' tokens stand
// together: " u s" is in " japan u s security treaty ".

// tokens splits s into its search tokens.
func tokens(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range unorm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// A combining mark is part of its letter's token, and goes
			// with the diacritics.
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// searchText is one name as the search index and the CONTAINS test see it.
func searchText(name string) string {
	return " " + strings.Join(tokens(name), " ") + " "
}

// searchQuery is what a user's query becomes: the Lucene query for the
// full-text index, the substrings a name must contain, and the normalized
// query for exact matches. ok is false when no word has a letter or digit:
// nothing can match.
type searchQuery struct {
	lucene   string
	contains []string
	exact    string
}

func parseSearch(q string) (sq searchQuery, ok bool) {
	var words [][]string
	for _, w := range strings.Fields(q) {
		if ts := tokens(w); len(ts) > 0 {
			words = append(words, ts)
		}
	}
	if len(words) == 0 {
		return sq, false
	}
	var terms []string
	for i, ts := range words {
		last := i == len(words)-1
		// Tokens hold only letters and digits, so none is Lucene syntax;
		// Lucene's operators are upper case, and tokens are lower case.
		for j, t := range ts {
			term := "+" + t
			if last && j == len(ts)-1 {
				term += "*"
			}
			terms = append(terms, term)
		}
		c := " " + strings.Join(ts, " ")
		if !last {
			c += " "
		}
		sq.contains = append(sq.contains, c)
	}
	sq.lucene = strings.Join(terms, " ")
	sq.exact = facts.Norm(q)
	return sq, true
}
