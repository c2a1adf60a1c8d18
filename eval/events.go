package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/diplograph/diplograph"
)

// CodedSentence is one record of an event-coding suite (the PETRARCH2
// unit tests, the UniversalPetrarch validation set, the PLOVER gold
// records): a sentence and the events it should yield.
type CodedSentence struct {
	ID       string `json:"id"`
	Sentence string `json:"sentence"`
	Date     string `json:"date"`
	Expected []struct {
		Code      string `json:"code"`
		CameoRoot string `json:"cameo_root"`
	} `json:"expected"`
	NoEvents   bool   `json:"no_events_expected"`
	Scheme     string `json:"scheme"`
	Category   string `json:"category"`
	Diplomatic bool   `json:"diplomatic"`
	// Origin names the suite's repository ("github.com/openeventdata/
	// petrarch2 @676801c ...").
	Origin string `json:"origin"`
}

// suite is the short name of the record's origin: its repository's name.
func (c *CodedSentence) suite() string {
	repo, _, _ := strings.Cut(c.Origin, " ")
	if i := strings.LastIndex(repo, "/"); i >= 0 {
		repo = repo[i+1:]
	}
	if repo == "" {
		return "other"
	}
	return repo
}

// ReadCoded reads JSONL event-coding records.
func ReadCoded(r io.Reader) ([]CodedSentence, error) {
	var out []CodedSentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		var c CodedSentence
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// ploverAliases are PLOVER categories that older releases of the gold
// name otherwise.
var ploverAliases = map[string]string{"DISAPPROVE": "ACCUSE"}

// Coding scores event coding on the diplomatic records: a PLOVER-coded
// record is right when one of the extracted events has the expected
// PLOVER category, a CAMEO-coded one when one of them has one of the
// expected CAMEO root codes. Records that expect no event are right when
// nothing is extracted.
func Coding(ctx context.Context, x Extractor, recs []CodedSentence) (*CodingReport, error) {
	r := &CodingReport{CameoBySuite: map[string]*Accuracy{}}
	for _, c := range recs {
		plover, cameo := strings.HasPrefix(c.Scheme, "PLOVER"), c.Scheme == "CAMEO"
		if !c.NoEvents && (!c.Diplomatic || !plover && !cameo) {
			continue
		}
		out, err := x.Extract(ctx, &diplograph.Article{ID: c.ID, Text: c.Sentence, Published: c.Date})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.ID, err)
		}
		var got []string
		for _, e := range out.Events {
			if cameo {
				got = append(got, e.Cameo+"("+string(e.Type)+")")
			} else {
				got = append(got, e.Plover+"("+string(e.Type)+")")
			}
		}
		if c.NoEvents {
			r.NoEvents.count(len(out.Events) == 0)
			if len(out.Events) > 0 {
				r.Misses = append(r.Misses, Miss{c.ID, "no-event", "nothing", strings.Join(got, " ")})
			}
			continue
		}
		if cameo {
			want := map[string]bool{}
			var roots []string
			for _, e := range c.Expected {
				if e.CameoRoot != "" && !want[e.CameoRoot] {
					want[e.CameoRoot] = true
					roots = append(roots, e.CameoRoot)
				}
			}
			if len(want) == 0 {
				continue
			}
			ok := false
			for _, e := range out.Events {
				ok = ok || want[e.Cameo]
			}
			r.Cameo.count(ok)
			s := r.CameoBySuite[c.suite()]
			if s == nil {
				s = &Accuracy{}
				r.CameoBySuite[c.suite()] = s
			}
			s.count(ok)
			if !ok {
				r.Misses = append(r.Misses, Miss{c.ID, "cameo", strings.Join(roots, ","), strings.Join(got, " ")})
			}
			continue
		}
		want := map[string]bool{}
		for _, e := range c.Expected {
			code := e.Code
			if a, ok := ploverAliases[code]; ok {
				code = a
			}
			want[code] = true
		}
		ok := false
		for _, e := range out.Events {
			if want[e.Plover] {
				ok = true
			}
		}
		r.Category.count(ok)
		if !ok {
			r.Misses = append(r.Misses, Miss{c.ID, "category", c.Category, strings.Join(got, " ")})
		}
	}
	return r, nil
}

// CodingReport is the outcome of an event-coding evaluation.
type CodingReport struct {
	// Category is the share of coded diplomatic records with the expected
	// category among the extracted events; NoEvents the share of
	// no-event records that yield none.
	Category, NoEvents Accuracy
	// Cameo is the share of CAMEO-coded diplomatic records with an
	// expected root code among the extracted events, and CameoBySuite the
	// same per suite ("petrarch2", "UniversalPetrarch").
	Cameo        Accuracy
	CameoBySuite map[string]*Accuracy
	Misses       []Miss
}

// Write prints the report; with detail, every miss too.
func (r *CodingReport) Write(w io.Writer, detail bool) {
	fmt.Fprintf(w, "%-26s %.3f   (%d of %d diplomatic PLOVER records)\n", "PLOVER category accuracy", r.Category.Value(), r.Category.Right, r.Category.Total)
	if r.Cameo.Total > 0 {
		suites := make([]string, 0, len(r.CameoBySuite))
		for s := range r.CameoBySuite {
			suites = append(suites, s)
		}
		sort.Strings(suites)
		var parts []string
		for _, s := range suites {
			a := r.CameoBySuite[s]
			parts = append(parts, fmt.Sprintf("%s %d/%d", s, a.Right, a.Total))
		}
		fmt.Fprintf(w, "%-26s %.3f   (%d of %d diplomatic CAMEO records: %s)\n", "CAMEO root accuracy", r.Cameo.Value(), r.Cameo.Right, r.Cameo.Total, strings.Join(parts, ", "))
	}
	fmt.Fprintf(w, "%-26s %.3f   (%d of %d no-event sentences yield nothing)\n", "no-event accuracy", r.NoEvents.Value(), r.NoEvents.Right, r.NoEvents.Total)
	if detail {
		for _, m := range r.Misses {
			fmt.Fprintf(w, "%-9s %-40s want %-12s got %s\n", m.Kind, m.Article, m.Want, m.Got)
		}
	}
}
