package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
)

// TimexArticle is an article with TIMEX3 gold: the evaluation corpus's
// article records carry it under gold.timex3 with character offsets.
type TimexArticle struct {
	ID        string `json:"id"`
	Published string `json:"published"`
	Text      string `json:"text"`
	Gold      struct {
		Timex3 []struct {
			Start int    `json:"start"`
			End   int    `json:"end"`
			Text  string `json:"text"`
			Type  string `json:"type"`
			Value string `json:"value"`
		} `json:"timex3"`
	} `json:"gold"`
}

// ReadTimex reads JSONL article records, keeping those with TIMEX3 gold.
func ReadTimex(r io.Reader) ([]TimexArticle, error) {
	var out []TimexArticle
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		var a TimexArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if len(a.Gold.Timex3) > 0 {
			out = append(out, a)
		}
	}
	return out, sc.Err()
}

// Timex scores time normalization: for every gold expression, the first
// expression the extractor finds overlapping it must have the same TIMEX3
// value. A gold expression with no overlapping one counts as wrong.
// Gold offsets count characters; they are mapped to the byte offsets the
// extractor reports.
func Timex(x *extract.Extractor, arts []TimexArticle) (*Report, error) {
	r := &Report{}
	for _, a := range arts {
		r.Articles++
		art := &diplograph.Article{ID: a.ID, Published: a.Published, Text: a.Text}
		found, err := x.Times(art)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.ID, err)
		}
		byteAt := runeToByte(a.Text)
		for _, g := range a.Gold.Timex3 {
			gs, ge := byteAt(g.Start), byteAt(g.End)
			got := "-"
			for _, m := range found {
				if m.Start < ge && gs < m.End {
					got = m.Value
					break
				}
			}
			r.Timex.count(got == g.Value)
			if got != g.Value {
				r.Misses = append(r.Misses, Miss{a.ID, "timex", fmt.Sprintf("%q %s", g.Text, g.Value), got})
			}
		}
	}
	return r, nil
}

// runeToByte returns a function mapping a character offset in s to a byte
// offset.
func runeToByte(s string) func(int) int {
	idx := make([]int, 0, len(s)+1)
	for i := range s {
		idx = append(idx, i)
	}
	idx = append(idx, len(s))
	return func(c int) int {
		if c < 0 {
			return 0
		}
		if c >= len(idx) {
			return len(s)
		}
		return idx[c]
	}
}
