package timex

import (
	"reflect"
	"testing"
	"time"

	"github.com/diplograph/diplograph/extract/token"
)

// pub is a Tuesday.
var pub = time.Date(2025, 2, 4, 0, 0, 0, 0, time.UTC)

func TestFind(t *testing.T) {
	tests := []struct {
		text      string
		tense     Tense
		wantText  string
		wantValue string
		wantStart string
		wantEnd   string
	}{
		{"they talk on Friday", Future, "Friday", "2025-02-07", "2025-02-07", "2025-02-07"},
		{"he told them on Monday", Past, "Monday", "2025-02-03", "2025-02-03", "2025-02-03"},
		{"a visit starting Thursday", Future, "starting Thursday", "2025-02-06", "2025-02-06", "2025-02-06"},
		{"last Friday", Unknown, "last Friday", "2025-01-31", "2025-01-31", "2025-01-31"},
		{"next Tuesday", Unknown, "next Tuesday", "2025-02-11", "2025-02-11", "2025-02-11"},
		{"this Sunday", Unknown, "this Sunday", "2025-02-09", "2025-02-09", "2025-02-09"},
		{"Friday", Unknown, "Friday", "2025-01-31", "2025-01-31", "2025-01-31"},
		{"Tuesday", Unknown, "Tuesday", "2025-02-04", "2025-02-04", "2025-02-04"},
		{"later this week", Future, "later this week", "2025-W06", "2025-02-03", "2025-02-09"},
		{"last week", Past, "last week", "2025-W05", "2025-01-27", "2025-02-02"},
		{"last month", Past, "last month", "2025-01", "2025-01-01", "2025-01-31"},
		{"later this month", Future, "later this month", "2025-02", "2025-02-01", "2025-02-28"},
		{"this year", Future, "this year", "2025", "2025-01-01", "2025-12-31"},
		{"this year's summit", Future, "this year's", "2025", "2025-01-01", "2025-12-31"},
		{"next year", Future, "next year", "2026", "2026-01-01", "2026-12-31"},
		{"took office in October", Past, "October", "2024-10", "2024-10-01", "2024-10-31"},
		{"will meet in October", Future, "October", "2025-10", "2025-10-01", "2025-10-31"},
		{"in October 2023", Unknown, "October 2023", "2023-10", "2023-10-01", "2023-10-31"},
		{"the latter half of 2025", Future, "the latter half of 2025", "2025-H2", "2025-07-01", "2025-12-31"},
		{"the first half of next year", Future, "the first half of next year", "2026-H1", "2026-01-01", "2026-06-30"},
		{"the first quarter of 2024", Unknown, "the first quarter of 2024", "2024-Q1", "2024-01-01", "2024-03-31"},
		{"in the fall", Future, "the fall", "2025-FA", "2025-09-01", "2025-11-30"},
		{"this fall", Unknown, "this fall", "2025-FA", "2025-09-01", "2025-11-30"},
		{"last summer", Past, "last summer", "2024-SU", "2024-06-01", "2024-08-31"},
		{"this winter", Unknown, "this winter", "2024-WI", "2024-12-01", "2025-02-28"},
		{"the autumn of 2023", Unknown, "the autumn of 2023", "2023-FA", "2023-09-01", "2023-11-30"},
		{"on Feb. 7", Future, "Feb. 7", "2025-02-07", "2025-02-07", "2025-02-07"},
		{"on Jan. 15, 2025", Unknown, "Jan. 15, 2025", "2025-01-15", "2025-01-15", "2025-01-15"},
		{"on March 3", Past, "March 3", "2024-03-03", "2024-03-03", "2024-03-03"},
		{"on 7 February 2025", Unknown, "7 February 2025", "2025-02-07", "2025-02-07", "2025-02-07"},
		{"on 2025-02-07", Unknown, "2025-02-07", "2025-02-07", "2025-02-07", "2025-02-07"},
		{"yesterday", Past, "yesterday", "2025-02-03", "2025-02-03", "2025-02-03"},
		{"tomorrow", Future, "tomorrow", "2025-02-05", "2025-02-05", "2025-02-05"},
		{"two weeks ago", Past, "two weeks ago", "2025-W04", "2025-01-20", "2025-01-26"},
		{"in 2019", Past, "2019", "2019", "2019-01-01", "2019-12-31"},
		{"early next year", Future, "early next year", "2026", "2026-01-01", "2026-12-31"},
		{"a three-day visit", Future, "three-day", "P3D", "", ""},
		{"for two weeks", Unknown, "for two weeks", "P2W", "", ""},
		{"Friday night", Future, "Friday night", "2025-02-07TNI", "2025-02-07", "2025-02-07"},
		{"in 1956 and", Unknown, "1956", "1956", "1956-01-01", "1956-12-31"},
		{"since 1978.", Unknown, "1978", "1978", "1978-01-01", "1978-12-31"},
		{"a summit in July.", Future, "July", "2025-07", "2025-07-01", "2025-07-31"},
		{"talks in Sept. on trade", Future, "Sept.", "2025-09", "2025-09-01", "2025-09-30"},
		{"is now over", Unknown, "now", "PRESENT_REF", "", ""},
		{"in the past", Unknown, "the past", "PAST_REF", "", ""},
		{"a five-hour meeting", Unknown, "five-hour", "PT5H", "", ""},
		{"for 16 hours", Unknown, "for 16 hours", "PT16H", "", ""},
		{"in the coming years", Unknown, "the coming years", "PXY", "", ""},
		{"for decades", Unknown, "decades", "PXDE", "", ""},
		{"the 1956 uprising", Unknown, "1956", "1956", "1956-01-01", "1956-12-31"},
		{"for at least 20 more years", Unknown, "for at least 20 more years", "P20Y", "", ""},
		{"likely to last over a week", Unknown, "a week", "P1W", "", ""},
		{"within weeks", Unknown, "weeks", "PXW", "", ""},
		{"over the past two years", Unknown, "the past two years", "P2Y", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			toks := token.Tokenize(tt.text, 0)
			got := Find(toks, pub, func(int) Tense { return tt.tense })
			if len(got) != 1 {
				t.Fatalf("Find(%q) found %d expressions: %+v", tt.text, len(got), got)
			}
			e := got[0]
			if e.Text != tt.wantText || e.Value != tt.wantValue || e.Span.Start != tt.wantStart || e.Span.End != tt.wantEnd {
				t.Errorf("Find(%q) = %q %s [%s..%s], want %q %s [%s..%s]", tt.text, e.Text, e.Value, e.Span.Start, e.Span.End,
					tt.wantText, tt.wantValue, tt.wantStart, tt.wantEnd)
			}
		})
	}
}

func TestFindIgnores(t *testing.T) {
	for _, text := range []string{
		"May I ask a question?",
		"prices may fall",
		"He will march on",
		"2,000 troops",
		"In 1,500 cases",
		"a day of talks",
		"The Prime Minister said",
		"spring into action",
		"2010 levels of output",
		"the time has come",
	} {
		if got := Find(token.Tokenize(text, 0), pub, nil); len(got) != 0 {
			t.Errorf("Find(%q) = %+v, want nothing", text, got)
		}
	}
}

func TestNoAnchor(t *testing.T) {
	got := Find(token.Tokenize("on Friday and on Feb. 7, 2025", 0), time.Time{}, nil)
	if len(got) != 2 {
		t.Fatalf("got %d expressions", len(got))
	}
	if !got[0].Span.IsZero() || got[0].Value != "XXXX-WXX-5" {
		t.Errorf("unanchored weekday resolved: %+v", got[0])
	}
	if got[1].Value != "2025-02-07" {
		t.Errorf("explicit date = %q", got[1].Value)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("the latter half of 2025 starting Thursday on Feb. 7, 2025 three-day", int64(0))
	f.Fuzz(func(t *testing.T, text string, days int64) {
		anchor := pub.AddDate(0, 0, int(days%100000))
		toks := token.Tokenize(text, 0)
		prev := 0
		for _, e := range Find(toks, anchor, nil) {
			if e.First < prev || e.Last <= e.First || e.Last > len(toks) {
				t.Fatalf("bad span %d:%d", e.First, e.Last)
			}
			if e.Span.Start > e.Span.End {
				t.Fatalf("span starts after it ends: %+v", e.Span)
			}
			prev = e.Last
		}
		for i := range toks {
			c := &cursor{toks: toks, i: i}
			if got, all := match(c, anchor, Unknown, startsAt(&toks[i])), matchAt(toks, i, anchor, Unknown); !reflect.DeepEqual(got, all) {
				t.Fatalf("at %q: found %+v, all patterns find %+v", toks[i].Text, got, all)
			}
		}
	})
}

// TestPatternStarts checks Find's shortcut: wherever a pattern matches,
// patternStarts lets it try, so that trying only the patterns a token can
// start changes no result. Each text holds at least one expression.
func TestPatternStarts(t *testing.T) {
	for _, text := range []string{
		"starting Thursday", "beginning March 3", "from Monday", "on 2025-02-07", "Feb. 7, 2025",
		"7 February 2025", "the latter half of 2025", "first quarter of 2024", "later half", "the fall",
		"early next spring", "fall 2025", "last March", "late March", "October 2024", "in October",
		"later this week", "earlier this year", "the coming week", "previous month", "following year",
		"coming Friday", "past Monday", "Friday night", "today", "tonight", "yesterday", "tomorrow",
		"this morning", "two weeks ago", "3 days ago", "a five-hour meeting", "a two-week", "for three days",
		"at least 20 more years", "the past two years", "within weeks", "for months", "over years",
		"in recent days", "several weeks", "few years", "many months", "decades", "centuries",
		"at present", "now", "currently", "nowadays", "the present", "previously", "formerly",
		"at the time", "recently", "the future", "soon", "in 2019", "late 2025", "mid-2025",
		"this year's", "next year", "a year ago", "the 1956 uprising", "twelve-day", "several-day", "fourth quarter",
	} {
		toks := token.Tokenize(text, 0)
		found := false
		for i := range toks {
			mask := startsAt(&toks[i])
			for _, tense := range []Tense{Unknown, Past, Future} {
				for _, anchor := range []time.Time{pub, {}} {
					c := &cursor{toks: toks, i: i}
					for k, f := range patterns() {
						if f(c, anchor, tense) != nil && mask&(1<<k) == 0 {
							t.Errorf("%q: %s matches at %q, which patternStarts rules out", text, patternStarts[k].name, toks[i].Text)
						}
					}
					all := matchAt(toks, i, anchor, tense)
					if got := match(c, anchor, tense, mask); !reflect.DeepEqual(got, all) {
						t.Errorf("%q at %q: found %+v, all patterns find %+v", text, toks[i].Text, got, all)
					}
					found = found || all != nil
				}
			}
		}
		if !found {
			t.Errorf("%q: no expression found", text)
		}
	}
}
