package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/kb"
)

// ReadActors reads an event-coding actor dictionary, {"source": ...,
// "codes": {"ARN": ["ARNOR"], "GONGOV": ["GONDOR GOVERNMENT"], ...}}, as
// knowledge-base records, so that a suite's actors (often fictional) are
// known for its run. A code of three characters is a country, a longer
// one (a country with a sector) an organization. Names are upper-case
// patterns and become title case; a name that starts with another name of
// its code ("ERIADORI" after "ERIADOR") is a demonym. Names known already
// (known reports true) are left out, and so is a code left without a name.
func ReadActors(r io.Reader, known func(name string) bool) ([]kb.Record, error) {
	var dict struct {
		Source string              `json:"source"`
		Codes  map[string][]string `json:"codes"`
	}
	if err := json.NewDecoder(r).Decode(&dict); err != nil {
		return nil, fmt.Errorf("actor dictionary: %w", err)
	}
	source := dict.Source
	if source == "" {
		source = "actor dictionary"
	}
	codes := make([]string, 0, len(dict.Codes))
	for c := range dict.Codes {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var out []kb.Record
	ids := map[string]bool{}
	taken := map[string]bool{}
	for _, code := range codes {
		typ := diplograph.Country
		if len(code) > 3 {
			typ = diplograph.Organization
		}
		var rec kb.Record
		for _, raw := range dict.Codes[code] {
			name := titleWords(raw)
			if name == "" || known(name) || taken[name] {
				continue
			}
			taken[name] = true
			switch {
			case rec.Name == "":
				rec.Name = name
			case strings.HasPrefix(name, rec.Name) && typ == diplograph.Country:
				rec.Demonyms = append(rec.Demonyms, name)
			default:
				rec.Aliases = append(rec.Aliases, name)
			}
		}
		if rec.Name == "" {
			continue
		}
		rec.ID, rec.Type, rec.Source = kb.Slug(typ, rec.Name), typ, source+" (code "+code+")"
		if ids[rec.ID] {
			continue
		}
		ids[rec.ID] = true
		out = append(out, rec)
	}
	return out, nil
}

// titleWords turns "MINAS TIRITH" into "Minas Tirith", keeping the
// punctuation of "BARAD-DUR" and "W.".
func titleWords(s string) string {
	words := strings.Fields(strings.ReplaceAll(s, "_", " "))
	for i, w := range words {
		lw := strings.ToLower(w)
		var b strings.Builder
		up := true
		for _, c := range lw {
			if up {
				b.WriteString(strings.ToUpper(string(c)))
			} else {
				b.WriteRune(c)
			}
			up = c == '-' || c == '.'
		}
		words[i] = b.String()
	}
	return strings.Join(words, " ")
}
