package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
)

// NERDocument is a CoNLL-2003 document as the evaluation corpus keeps it:
// tokenized sentences and gold entity spans in token indices.
type NERDocument struct {
	ID        string `json:"id"`
	Date      string `json:"date"`
	Sentences []struct {
		Tokens []string `json:"tokens"`
	} `json:"sentences"`
	Entities []struct {
		Sentence   int    `json:"sentence"`
		StartToken int    `json:"start_token"`
		EndToken   int    `json:"end_token"`
		Type       string `json:"type"`
		Text       string `json:"text"`
	} `json:"entities"`
}

// ReadNER reads JSONL NER documents.
func ReadNER(r io.Reader) ([]NERDocument, error) {
	var out []NERDocument
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		var d NERDocument
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, d)
	}
	return out, sc.Err()
}

// nerType maps an entity type to the CoNLL class it is scored as; ""
// leaves it out (CoNLL's MISC: demonyms, treaties, topics).
func nerType(m extract.Mention) string {
	if m.Demonym {
		return ""
	}
	switch m.Type {
	case diplograph.Person:
		return "PER"
	case diplograph.Country, diplograph.Place, diplograph.Territory:
		return "LOC"
	case diplograph.Organization:
		return "ORG"
	}
	return ""
}

// NER scores entity recognition as exact span and type matches on PER,
// LOC and ORG (MISC is not scored). Each document's tokens are joined by
// spaces, one sentence a line, and the extractor's mentions are mapped
// back to token spans.
func NER(x *extract.Extractor, docs []NERDocument) (*Report, error) {
	r := &Report{}
	for _, doc := range docs {
		r.Articles++
		var b strings.Builder
		type pos struct{ sent, tok int }
		startAt := map[int]pos{}
		endAt := map[int]pos{}
		for si, s := range doc.Sentences {
			for ti, t := range s.Tokens {
				if ti > 0 {
					b.WriteByte(' ')
				}
				startAt[b.Len()] = pos{si, ti}
				b.WriteString(t)
				endAt[b.Len()] = pos{si, ti + 1}
			}
			b.WriteByte('\n')
		}
		text := b.String()
		ms, err := x.Mentions(&diplograph.Article{ID: doc.ID, Published: doc.Date, Text: text})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", doc.ID, err)
		}
		want := map[string]string{}
		for _, e := range doc.Entities {
			if e.Type == "MISC" {
				continue
			}
			want[fmt.Sprintf("%d:%d-%d %s", e.Sentence, e.StartToken, e.EndToken, e.Type)] = e.Text + " " + e.Type
		}
		got := map[string]string{}
		for _, m := range ms {
			t := nerType(m)
			s, ok1 := startAt[m.Start]
			e, ok2 := endAt[m.End]
			if t == "" || !ok1 || !ok2 || s.sent != e.sent {
				continue
			}
			got[fmt.Sprintf("%d:%d-%d %s", s.sent, s.tok, e.tok, t)] = m.Text + " " + t
		}
		r.Entities.add(compareSets(r, doc.ID, "ner", want, got))
	}
	return r, nil
}
