// Package eval scores the extractor against gold annotations: the team's
// own gold for the bundled samples (testdata/gold) and public suites such
// as TIMEX3-annotated news. It owns the gold formats and the scoring
// rules; it reads articles and gold, runs the extractor, and writes
// nothing.
package eval

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/diplograph/diplograph"
)

// Extractor is what eval needs of the extractor.
type Extractor interface {
	Extract(ctx context.Context, a *diplograph.Article) (*diplograph.Extraction, error)
}

// Counts are the matches of one kind of fact.
type Counts struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), 0 when nothing was expected.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Accuracy counts right answers out of a total.
type Accuracy struct {
	Right, Total int
}

// Value is Right / Total, 0 for an empty total.
func (a Accuracy) Value() float64 { return ratio(a.Right, a.Total) }

func (a *Accuracy) count(ok bool) {
	a.Total++
	if ok {
		a.Right++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Miss is one disagreement with the gold, for the report's detail.
type Miss struct {
	Article string
	Kind    string // "entity", "relation", "event", "status", "time", "stance", "timex"
	Want    string
	Got     string
}

// Report is the outcome of an evaluation.
type Report struct {
	Articles  int
	Entities  Counts
	Relations Counts
	Events    Counts
	// Status is the share of matched events with the gold status; Time
	// the share of matched, gold-dated events with the gold start, end
	// and precision; Stance the share of comments with the gold stance.
	Status, Time, Stance Accuracy
	// Timex is exact TIMEX3 value accuracy over gold time expressions.
	Timex  Accuracy
	Misses []Miss
}

// Write prints the report as a table; with detail, every miss too.
func (r *Report) Write(w io.Writer, detail bool) {
	fmt.Fprintf(w, "articles %d\n", r.Articles)
	row := func(name string, c Counts) {
		if c.TP+c.FP+c.FN == 0 {
			return
		}
		fmt.Fprintf(w, "%-10s P %.3f  R %.3f  F1 %.3f   (tp %d, fp %d, fn %d)\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	row("entities", r.Entities)
	row("relations", r.Relations)
	row("events", r.Events)
	acc := func(name string, a Accuracy) {
		if a.Total == 0 {
			return
		}
		fmt.Fprintf(w, "%-22s %.3f   (%d of %d)\n", name, a.Value(), a.Right, a.Total)
	}
	acc("event status accuracy", r.Status)
	acc("event date accuracy", r.Time)
	acc("comment stance accuracy", r.Stance)
	acc("timex value accuracy", r.Timex)
	if !detail {
		return
	}
	sort.SliceStable(r.Misses, func(i, j int) bool { return r.Misses[i].Kind < r.Misses[j].Kind })
	for _, m := range r.Misses {
		fmt.Fprintf(w, "%-8s %-14s want %-50s got %s\n", m.Kind, m.Article, m.Want, m.Got)
	}
}

// key normalizes a name for matching: case and spacing do not count.
func key(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
