// Package timex finds time expressions in tokenized English sentences and
// normalizes them against an anchor date (the article's publication date)
// into date spans with a precision and a TIMEX3 value.
//
// Ambiguous expressions ("on Friday", "in October", "the fall") are
// resolved with the tense of the clause they sit in, which the caller
// supplies: a past-tense clause looks back from the anchor, a future one
// forward.
package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/token"
)

// Tense is the time orientation of the clause around an expression.
type Tense int

// Tenses.
const (
	Unknown Tense = iota
	Past
	Present
	Future
)

// Type is the TIMEX3 type of an expression.
type Type string

// TIMEX3 types produced here.
const (
	Date     Type = "DATE"
	Duration Type = "DURATION"
)

// Expr is one time expression found in a sentence.
type Expr struct {
	// First and Last delimit the expression's tokens: toks[First:Last].
	First, Last int
	Text        string
	Type        Type
	// Span is the normalized date range for a DATE; zero when the
	// expression cannot be resolved (a relative one without anchor).
	Span diplograph.TimeSpan
	// Value is the TIMEX3 value: "2025-02-07", "2025-W06", "2025-H2",
	// "P3D", "PRESENT_REF".
	Value string
	// Days is a duration's length in days (0 when not a whole number of
	// days or not a duration).
	Days int
	// Start marks a date introduced by "starting", "beginning" or "from":
	// the start of something that lasts.
	Start bool
}

// Find returns the time expressions in toks, left to right, resolved
// against anchor (zero time: relative expressions stay unresolved).
// tenseAt tells the tense of the clause holding token i; nil means Unknown.
func Find(toks []token.Token, anchor time.Time, tenseAt func(i int) Tense) []Expr {
	var out []Expr
	// One cursor serves every position: the matchers take it by pointer,
	// which would otherwise cost an allocation per position tried.
	c := &cursor{toks: toks}
	for i := 0; i < len(toks); {
		mask := startsAt(&toks[i])
		if mask == 0 {
			// Most tokens start no expression: skip the matchers and the
			// caller's tense, which costs far more than this look-up.
			i++
			continue
		}
		tense := Unknown
		if tenseAt != nil {
			tense = tenseAt(i)
		}
		c.i = i
		m := match(c, anchor, tense, mask)
		if m == nil {
			i++
			continue
		}
		m.Text = joinText(toks, m.First, m.Last)
		if m.Type == Date && !m.Span.IsZero() {
			m.Span.Raw = m.Text
			m.Span.Timex = m.Value
		}
		out = append(out, *m)
		i = m.Last
	}
	return out
}

func joinText(toks []token.Token, first, last int) string {
	if last-first == 1 {
		return toks[first].Text // "Friday", "2025": no copy
	}
	n := 0
	for i := first; i < last; i++ {
		n += len(toks[i].Text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i := first; i < last; i++ {
		if i > first && toks[i].SpaceBefore {
			b.WriteByte(' ')
		}
		b.WriteString(toks[i].Text)
	}
	return b.String()
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "a": 1, "an": 1,
	"several": 0, "few": 0,
}

var seasons = map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

var partsOfDay = map[string]string{"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

// patternStarts lists, in the order of patterns, what each pattern's
// first token can be: a number, and the words given. Find tries at a
// token only the patterns that can start there; TestPatternStarts checks
// the table against the matchers.
var patternStarts = [numPatterns]struct {
	name  string // the matcher's, for messages
	num   bool
	words []string
}{
	{name: "matchStartMarker", words: []string{"starting", "beginning", "from"}},
	{name: "matchISO", num: true},
	{name: "matchMonthDay", words: keys(months)},
	{name: "matchDayMonth", num: true},
	{name: "matchHalf", words: strings.Fields("the first second latter later former earlier third fourth last")},
	{name: "matchSeason", words: append(strings.Fields("this next last the early late"), keys(seasons)...)},
	{name: "matchMonth", words: append(strings.Fields("last next this early late mid"), keys(months)...)},
	{name: "matchRelativeUnit", words: strings.Fields("later earlier early late the this last next coming past previous following")},
	{name: "matchWeekday", words: append(strings.Fields("last next this coming past"), keys(weekdays)...)},
	{name: "matchDeictic", words: strings.Fields("today tonight yesterday tomorrow this")},
	{name: "matchAgo", num: true, words: keys(numberWords)},
	{name: "matchVague", words: strings.Fields("the within for over in coming recent past next last few several many decades centuries")},
	{name: "matchDuration", num: true, words: append(strings.Fields("for at"), keys(numberWords)...)},
	{name: "matchReference", words: referenceStarts()},
	{name: "matchYear", num: true, words: strings.Fields("early late mid this next last the")},
}

// startMasks maps a word to the set of patterns (bit k for patterns()[k])
// that can start with it; numberMask is the set that can start with a number.
var startMasks, numberMask = func() (map[string]uint32, uint32) {
	masks := map[string]uint32{}
	var num uint32
	for k, p := range patternStarts {
		if p.num {
			num |= 1 << k
		}
		for _, w := range p.words {
			masks[w] |= 1 << k
		}
	}
	return masks, num
}()

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for w := range m {
		out = append(out, w)
	}
	return out
}

func referenceStarts() []string {
	var out []string
	for _, r := range references {
		out = append(out, r.words[0])
	}
	return out
}

// startsAt returns the set of patterns that can start at t; most tokens
// start none, and Find skips them without trying a matcher.
func startsAt(t *token.Token) uint32 {
	mask := startMasks[t.Lower]
	if t.Kind == token.Num {
		mask |= numberMask
	}
	return mask
}

// m is a small cursor over the tokens for writing patterns.
type cursor struct {
	toks []token.Token
	i    int
}

func (c *cursor) peek(k int) *token.Token {
	if c.i+k < len(c.toks) && c.i+k >= 0 {
		return &c.toks[c.i+k]
	}
	return nil
}

func (c *cursor) is(k int, words ...string) bool {
	t := c.peek(k)
	if t == nil {
		return false
	}
	for _, w := range words {
		if t.Lower == w {
			return true
		}
	}
	return false
}

// matchAt tries every pattern at toks[i].
func matchAt(toks []token.Token, i int, anchor time.Time, tense Tense) *Expr {
	return match(&cursor{toks: toks, i: i}, anchor, tense, ^uint32(0))
}

// match tries the patterns in the set mask at the cursor, in order of
// precedence.
func match(c *cursor, anchor time.Time, tense Tense, mask uint32) *Expr {
	for k, f := range patterns() {
		if mask&(1<<k) == 0 {
			continue
		}
		if e := f(c, anchor, tense); e != nil {
			return e
		}
	}
	return nil
}

// numPatterns sizes both patterns and patternStarts, so that the two
// cannot differ in length.
const numPatterns = 15

// patterns returns the matchers in order of precedence; patternStarts
// follows the same order.
func patterns() [numPatterns]func(*cursor, time.Time, Tense) *Expr {
	return [numPatterns]func(*cursor, time.Time, Tense) *Expr{
		matchStartMarker, matchISO, matchMonthDay, matchDayMonth, matchHalf, matchSeason, matchMonth,
		matchRelativeUnit, matchWeekday, matchDeictic, matchAgo, matchVague, matchDuration, matchReference, matchYear,
	}
}

// matchStartMarker handles "starting Thursday", "beginning March 3",
// "from Monday": the date that follows is the start of a span.
func matchStartMarker(c *cursor, anchor time.Time, tense Tense) *Expr {
	if !c.is(0, "starting", "beginning", "from") {
		return nil
	}
	inner := matchAt(c.toks, c.i+1, anchor, tense)
	if inner == nil || inner.Type != Date {
		return nil
	}
	inner.First = c.i
	inner.Start = true
	return inner
}

func year(t *token.Token) (int, bool) {
	if t == nil || t.Kind != token.Num || len(t.Text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.Text)
	if err != nil || y < 1800 || y > 2200 {
		return 0, false
	}
	return y, true
}

func dayOfMonth(t *token.Token) (int, bool) {
	if t == nil || t.Kind != token.Num {
		return 0, false
	}
	s := strings.TrimRight(t.Lower, "stndrh")
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(s)
	if err != nil || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

// monthAt reads a month name at offset k (capitalized; abbreviations may
// carry a period token) and returns it with the number of tokens used.
func monthAt(c *cursor, k int) (time.Month, int) {
	t := c.peek(k)
	if t == nil || t.Kind != token.Word || !t.Cap {
		return 0, 0
	}
	m, ok := months[t.Lower]
	if !ok {
		return 0, 0
	}
	n := 1
	// An abbreviation's period, not the sentence's after "July".
	if len(t.Lower) <= 4 && t.Lower != "may" && t.Lower != "june" && t.Lower != "july" &&
		c.is(k+1, ".") && !c.toks[c.i+k+1].SpaceBefore {
		n = 2
	}
	// "May" and "March" are also words: demand a date context for them.
	if (t.Lower == "may" || t.Lower == "march") && n == 1 {
		next := c.peek(k + 1)
		prev := c.peek(k - 1)
		_, dn := dayOfMonth(next)
		_, yn := year(next)
		if !dn && !yn && !(prev != nil && isMonthPreposition(prev.Lower)) {
			return 0, 0
		}
	}
	return m, n
}

func isMonthPreposition(w string) bool {
	switch w {
	case "in", "since", "until", "by", "last", "next", "this", "early", "late", "mid", "mid-", "of", "from", "through", "before", "after", "during":
		return true
	}
	return false
}

func matchISO(c *cursor, _ time.Time, _ Tense) *Expr {
	y, ok := year(c.peek(0))
	if !ok || !c.is(1, "-") || !c.is(3, "-") {
		return nil
	}
	mt, dt := c.peek(2), c.peek(4)
	if mt == nil || dt == nil || mt.Kind != token.Num || len(mt.Text) != 2 || dt.Kind != token.Num || len(dt.Text) != 2 {
		return nil
	}
	m, _ := strconv.Atoi(mt.Text)
	d, _ := strconv.Atoi(dt.Text)
	t, ok := makeDate(y, time.Month(m), d)
	if !ok {
		return nil
	}
	return dayExpr(c.i, c.i+5, t)
}

func makeDate(y int, m time.Month, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func dayExpr(first, last int, t time.Time) *Expr {
	v := t.Format(time.DateOnly)
	return &Expr{First: first, Last: last, Type: Date, Value: v,
		Span: diplograph.TimeSpan{Start: v, End: v, Precision: diplograph.Day}}
}

// matchMonthDay: "Feb. 7", "February 7, 2025", "March 3rd".
func matchMonthDay(c *cursor, anchor time.Time, tense Tense) *Expr {
	m, n := monthAt(c, 0)
	if n == 0 {
		return nil
	}
	d, ok := dayOfMonth(c.peek(n))
	if !ok {
		return nil
	}
	last := c.i + n + 1
	k := n + 1
	if c.is(k, ",") {
		k++
	}
	if y, ok := year(c.peek(k)); ok {
		t, ok := makeDate(y, m, d)
		if !ok {
			return nil
		}
		return withPartOfDay(c, dayExpr(c.i, c.i+k+1, t))
	}
	t, ok := resolveMonthDay(anchor, m, d, tense)
	if !ok {
		return &Expr{First: c.i, Last: last, Type: Date, Value: fmt.Sprintf("XXXX-%02d-%02d", m, d)}
	}
	return withPartOfDay(c, dayExpr(c.i, last, t))
}

// matchDayMonth: "7 February 2025", "7 Feb".
func matchDayMonth(c *cursor, anchor time.Time, tense Tense) *Expr {
	d, ok := dayOfMonth(c.peek(0))
	if !ok {
		return nil
	}
	save := c.i
	c.i++
	m, n := monthAt(c, 0)
	c.i = save
	if n == 0 {
		return nil
	}
	if y, ok := year(c.peek(1 + n)); ok {
		t, ok := makeDate(y, m, d)
		if !ok {
			return nil
		}
		return dayExpr(c.i, c.i+n+2, t)
	}
	t, ok := resolveMonthDay(anchor, m, d, tense)
	if !ok {
		return nil
	}
	return dayExpr(c.i, c.i+1+n, t)
}

// withPartOfDay extends a day by a following part of the day ("Friday
// afternoon"), which TIMEX3 writes as a time suffix (2013-03-22TAF).
func withPartOfDay(c *cursor, e *Expr) *Expr {
	if e.Last < len(c.toks) {
		if suffix, ok := partsOfDay[c.toks[e.Last].Lower]; ok {
			e.Last++
			e.Value += "T" + suffix
		}
	}
	return e
}

func resolveMonthDay(anchor time.Time, m time.Month, d int, tense Tense) (time.Time, bool) {
	if anchor.IsZero() {
		return time.Time{}, false
	}
	y := anchor.Year()
	t, ok := makeDate(y, m, d)
	if !ok {
		return time.Time{}, false
	}
	switch tense {
	case Past:
		if t.After(anchor) {
			t, ok = makeDate(y-1, m, d)
		}
	case Future:
		if t.Before(anchor) {
			t, ok = makeDate(y+1, m, d)
		}
	default:
		// The nearest of last year's, this year's and next year's date.
		best := t
		for _, dy := range []int{-1, 1} {
			if u, ok := makeDate(y+dy, m, d); ok && absDays(u, anchor) < absDays(best, anchor) {
				best = u
			}
		}
		t = best
	}
	return t, ok
}

func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

// matchMonth: "October", "in October", "October 2024", "last March",
// "early March", "mid-March".
func matchMonth(c *cursor, anchor time.Time, tense Tense) *Expr {
	first := c.i
	k := 0
	rel := ""
	if c.is(0, "last", "next", "this") {
		rel = c.peek(0).Lower
		k = 1
	}
	if c.is(k, "early", "late", "mid") {
		if c.is(k+1, "-") {
			k += 2
		} else {
			k++
		}
	}
	m, n := monthAt(c, k)
	if n == 0 {
		return nil
	}
	last := c.i + k + n
	var y int
	if yy, ok := year(c.peek(k + n)); ok {
		y = yy
		last++
	} else if c.is(k+n, "of") {
		if yy, ok := year(c.peek(k + n + 1)); ok {
			y = yy
			last += 2
		}
	}
	if y == 0 {
		if anchor.IsZero() {
			return &Expr{First: first, Last: last, Type: Date, Value: fmt.Sprintf("XXXX-%02d", m)}
		}
		y = anchor.Year()
		switch {
		case rel == "last" || (rel == "" && tense == Past):
			if m > anchor.Month() {
				y--
			}
		case rel == "next" || (rel == "" && tense == Future):
			if m < anchor.Month() || (rel == "next" && m == anchor.Month()) {
				y++
			}
		}
	}
	return monthExpr(first, last, y, m)
}

func monthExpr(first, last, y int, m time.Month) *Expr {
	start := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 1, -1)
	return &Expr{First: first, Last: last, Type: Date, Value: start.Format("2006-01"),
		Span: diplograph.TimeSpan{Start: start.Format(time.DateOnly), End: end.Format(time.DateOnly), Precision: diplograph.Month}}
}

func yearExpr(first, last, y int) *Expr {
	return &Expr{First: first, Last: last, Type: Date, Value: strconv.Itoa(y),
		Span: diplograph.TimeSpan{Start: fmt.Sprintf("%04d-01-01", y), End: fmt.Sprintf("%04d-12-31", y), Precision: diplograph.Year}}
}

// yearRef reads "2025", "this year", "next year", "last year" at offset k
// and returns the year and the tokens used; "this year's" takes the "'s".
func yearRef(c *cursor, k int, anchor time.Time) (int, int, bool) {
	if y, ok := year(c.peek(k)); ok {
		return y, 1, true
	}
	if c.is(k, "this", "next", "last", "the") && c.is(k+1, "year") && !anchor.IsZero() {
		y := anchor.Year()
		switch c.peek(k).Lower {
		case "next":
			y++
		case "last":
			y--
		case "the":
			// "the year" alone is too vague.
			return 0, 0, false
		}
		n := 2
		if c.is(k+2, "'s", "’s") {
			n = 3
		}
		return y, n, true
	}
	return 0, 0, false
}

// matchHalf: "the latter half of 2025", "the first half of next year",
// "the second quarter", "the first quarter of 2024".
func matchHalf(c *cursor, anchor time.Time, tense Tense) *Expr {
	k := 0
	if c.is(0, "the") {
		k = 1
	}
	if !c.is(k, "first", "second", "latter", "later", "former", "earlier", "third", "fourth", "last") {
		return nil
	}
	which := c.peek(k).Lower
	unit := ""
	switch {
	case c.is(k+1, "half"):
		unit = "half"
	case c.is(k+1, "quarter"):
		unit = "quarter"
	default:
		return nil
	}
	last := c.i + k + 2
	var y int
	if c.is(k+2, "of") {
		yy, n, ok := yearRef(c, k+3, anchor)
		if ok {
			y = yy
			last += 1 + n
		}
	} else if yy, ok := year(c.peek(k + 2)); ok {
		y = yy
		last++
	}
	if y == 0 {
		if anchor.IsZero() {
			return nil
		}
		y = anchor.Year()
	}
	if unit == "half" {
		h := 1
		switch which {
		case "second", "latter", "later", "last":
			h = 2
		case "first", "former", "earlier":
		default:
			return nil
		}
		sm := time.Month(1 + 6*(h-1))
		start := time.Date(y, sm, 1, 0, 0, 0, 0, time.UTC)
		end := start.AddDate(0, 6, -1)
		return &Expr{First: c.i, Last: last, Type: Date, Value: fmt.Sprintf("%04d-H%d", y, h),
			Span: diplograph.TimeSpan{Start: start.Format(time.DateOnly), End: end.Format(time.DateOnly), Precision: diplograph.HalfYear}}
	}
	q := map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}[which]
	if q == 0 {
		return nil
	}
	start := time.Date(y, time.Month(1+3*(q-1)), 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 3, -1)
	return &Expr{First: c.i, Last: last, Type: Date, Value: fmt.Sprintf("%04d-Q%d", y, q),
		Span: diplograph.TimeSpan{Start: start.Format(time.DateOnly), End: end.Format(time.DateOnly), Precision: diplograph.Quarter}}
}

// matchSeason: "the fall", "this fall", "in the autumn of 2025",
// "fall 2025", "last summer", "early next spring".
func matchSeason(c *cursor, anchor time.Time, tense Tense) *Expr {
	k := 0
	rel := ""
	if c.is(0, "this", "next", "last", "the") {
		rel = c.peek(0).Lower
		k = 1
	}
	if c.is(k, "early", "late") {
		k++
	}
	t := c.peek(k)
	if t == nil {
		return nil
	}
	code, ok := seasons[t.Lower]
	if !ok {
		return nil
	}
	last := c.i + k + 1
	y := 0
	if c.is(k+1, "of") {
		if yy, n, ok := yearRef(c, k+2, anchor); ok {
			y = yy
			last += 1 + n
		}
	} else if yy, ok := year(c.peek(k + 1)); ok {
		y = yy
		last++
	}
	if y == 0 {
		// A bare lower-case season word is too often something else
		// ("fall" the verb); demand a determiner.
		if rel == "" || anchor.IsZero() {
			return nil
		}
		y = resolveSeason(anchor, code, rel, tense)
	}
	start, end := seasonSpan(y, code)
	return &Expr{First: c.i, Last: last, Type: Date, Value: fmt.Sprintf("%04d-%s", y, code),
		Span: diplograph.TimeSpan{Start: start.Format(time.DateOnly), End: end.Format(time.DateOnly), Precision: diplograph.Season}}
}

func seasonIndex(code string) int {
	return strings.Index("SPSUFAWI", code) / 2
}

// resolveSeason picks the year of a season named without one. Seasons are
// numbered year*4+index, winter (December to February) counting with the
// year it starts in, so that "next", "last" and the clause's tense can
// compare them with the anchor's own season.
func resolveSeason(anchor time.Time, code, rel string, tense Tense) int {
	y := anchor.Year()
	cur := y*4 + int(anchor.Month()%12)/3 - 1 // Mar-May → SP(0) ... Dec → WI(3)
	if anchor.Month() <= 2 {
		cur = (y-1)*4 + 3
	}
	idx := seasonIndex(code)
	// The candidate ordinals nearest to cur with this season's index.
	base := (cur-idx)/4*4 + idx // ≤ cur when cur ≥ idx
	if base > cur {
		base -= 4
	}
	prev, next := base, base+4 // prev ≤ cur < next
	switch {
	case rel == "next":
		if prev == cur {
			return (prev + 4) / 4
		}
		return next / 4
	case rel == "last":
		if prev == cur {
			return (prev - 4) / 4
		}
		return prev / 4
	case rel == "this":
		// "this fall" is the calendar year's; "this winter" in January
		// is the one that began in December.
		if code == "WI" && anchor.Month() <= 2 {
			return y - 1
		}
		return y
	case prev == cur:
		return prev / 4
	case tense == Past:
		return prev / 4
	default:
		return next / 4
	}
}

func seasonSpan(y int, code string) (time.Time, time.Time) {
	sm := map[string]time.Month{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
	start := time.Date(y, sm, 1, 0, 0, 0, 0, time.UTC)
	return start, start.AddDate(0, 3, -1)
}

// matchWeekday: "Friday", "on Friday", "last Friday", "next Friday",
// "this Friday", "Friday night".
func matchWeekday(c *cursor, anchor time.Time, tense Tense) *Expr {
	k := 0
	rel := ""
	if c.is(0, "last", "next", "this", "coming", "past") {
		rel = c.peek(0).Lower
		k = 1
	}
	t := c.peek(k)
	if t == nil || !t.Cap {
		return nil
	}
	wd, ok := weekdays[t.Lower]
	if !ok {
		return nil
	}
	last := c.i + k + 1
	if anchor.IsZero() {
		return withPartOfDay(c, &Expr{First: c.i, Last: last, Type: Date, Value: "XXXX-WXX-" + strconv.Itoa(isoWeekday(wd))})
	}
	diff := int(wd) - int(anchor.Weekday()) // -6..6
	var day time.Time
	switch {
	case rel == "" && diff == 0:
		// "on Friday" in Friday's paper is the day itself.
		day = anchor
	case rel == "last" || rel == "past" || (rel == "" && tense == Past):
		back := (7 - diff) % 7
		if back == 0 {
			back = 7
		}
		day = anchor.AddDate(0, 0, -back)
	case rel == "next" || rel == "coming" || (rel == "" && tense == Future):
		fwd := (diff + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		day = anchor.AddDate(0, 0, fwd)
	case rel == "this":
		// Within the anchor's Monday-to-Sunday week.
		day = anchor.AddDate(0, 0, isoWeekday(wd)-isoWeekday(anchor.Weekday()))
	default:
		// Unknown tense: news reports what happened, so the latest such
		// day up to the anchor ("Tuesday" in Tuesday's paper is today).
		back := (7 - diff) % 7
		day = anchor.AddDate(0, 0, -back)
	}
	return withPartOfDay(c, dayExpr(c.i, last, day))
}

func isoWeekday(w time.Weekday) int {
	if w == time.Sunday {
		return 7
	}
	return int(w)
}

// matchDeictic: today, yesterday, tomorrow, tonight, this morning.
func matchDeictic(c *cursor, anchor time.Time, _ Tense) *Expr {
	if anchor.IsZero() {
		return nil
	}
	off := 0
	n := 1
	switch {
	case c.is(0, "today", "tonight"):
	case c.is(0, "yesterday"):
		off = -1
	case c.is(0, "tomorrow"):
		off = 1
	case c.is(0, "this") && c.is(1, "morning", "afternoon", "evening"):
		n = 2
	default:
		return nil
	}
	e := dayExpr(c.i, c.i+n, anchor.AddDate(0, 0, off))
	if n == 1 {
		e = withPartOfDay(c, e)
	}
	return e
}

// matchRelativeUnit: "this week", "later this week", "last month",
// "earlier this year", "next year", "this year's", "the coming week".
func matchRelativeUnit(c *cursor, anchor time.Time, _ Tense) *Expr {
	k := 0
	if c.is(0, "later", "earlier", "early", "late") {
		k = 1
	}
	if c.is(k, "the") && c.is(k+1, "coming", "past", "previous", "following") {
		k++
	}
	if !c.is(k, "this", "last", "next", "coming", "past", "previous", "following") || !c.is(k+1, "week", "month", "year") {
		return nil
	}
	if anchor.IsZero() {
		return nil
	}
	first := c.i
	if k == 2 || (k == 1 && c.is(0, "the")) {
		first = c.i
	}
	last := c.i + k + 2
	if c.is(k+2, "'s", "’s") {
		last++
	}
	off := 0
	switch c.peek(k).Lower {
	case "last", "past", "previous":
		off = -1
	case "next", "coming", "following":
		off = 1
	}
	switch c.peek(k + 1).Lower {
	case "week":
		d := anchor.AddDate(0, 0, 7*off)
		y, w := d.ISOWeek()
		mon := d.AddDate(0, 0, 1-isoWeekday(d.Weekday()))
		return &Expr{First: first, Last: last, Type: Date, Value: fmt.Sprintf("%04d-W%02d", y, w),
			Span: diplograph.TimeSpan{Start: mon.Format(time.DateOnly), End: mon.AddDate(0, 0, 6).Format(time.DateOnly), Precision: diplograph.Week}}
	case "month":
		d := time.Date(anchor.Year(), anchor.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		return monthExpr(first, last, d.Year(), d.Month())
	default:
		return yearExpr(first, last, anchor.Year()+off)
	}
}

// matchAgo: "two weeks ago", "three days ago", "a year ago".
func matchAgo(c *cursor, anchor time.Time, _ Tense) *Expr {
	n, ok := quantity(c.peek(0))
	if !ok || n == 0 {
		return nil
	}
	unit := unitOf(c.peek(1))
	if unit == "" || unit == "H" || unit == "MIN" || unit == "DE" || unit == "CE" || !c.is(2, "ago") || anchor.IsZero() {
		return nil
	}
	switch unit {
	case "D":
		return dayExpr(c.i, c.i+3, anchor.AddDate(0, 0, -n))
	case "W":
		d := anchor.AddDate(0, 0, -7*n)
		y, w := d.ISOWeek()
		mon := d.AddDate(0, 0, 1-isoWeekday(d.Weekday()))
		return &Expr{First: c.i, Last: c.i + 3, Type: Date, Value: fmt.Sprintf("%04d-W%02d", y, w),
			Span: diplograph.TimeSpan{Start: mon.Format(time.DateOnly), End: mon.AddDate(0, 0, 6).Format(time.DateOnly), Precision: diplograph.Week}}
	case "M":
		d := time.Date(anchor.Year(), anchor.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return monthExpr(c.i, c.i+3, d.Year(), d.Month())
	default:
		return yearExpr(c.i, c.i+3, anchor.Year()-n)
	}
}

func quantity(t *token.Token) (int, bool) {
	if t == nil {
		return 0, false
	}
	if t.Kind == token.Num {
		n, err := strconv.Atoi(t.Text)
		return n, err == nil
	}
	n, ok := numberWords[t.Lower]
	return n, ok
}

func unitOf(t *token.Token) string {
	if t == nil {
		return ""
	}
	switch t.Lower {
	case "day", "days":
		return "D"
	case "week", "weeks":
		return "W"
	case "month", "months":
		return "M"
	case "year", "years":
		return "Y"
	case "hour", "hours":
		return "H"
	case "minute", "minutes":
		return "MIN"
	case "decade", "decades":
		return "DE"
	case "century", "centuries":
		return "E" // as TimeBank writes it (PXE)
	}
	return ""
}

// durationValue writes n of a unit as a TIMEX3 duration: P3D, PT5H,
// PT30M, P2DE; n < 0 writes a vague one (PXY).
func durationValue(n int, unit string) string {
	q := "X"
	if n >= 0 {
		q = strconv.Itoa(n)
	}
	switch unit {
	case "H":
		return "PT" + q + "H"
	case "MIN":
		return "PT" + q + "M"
	}
	return "P" + q + unit
}

// matchDuration: "three-day", "a two-week", "for three days", "week-long".
func matchDuration(c *cursor, _ time.Time, _ Tense) *Expr {
	k := 0
	if c.is(0, "for") {
		k = 1
	}
	if c.is(k, "at") && c.is(k+1, "least") {
		k += 2
	}
	n, ok := quantity(c.peek(k))
	if !ok {
		return nil
	}
	hyphen := c.is(k+1, "-")
	u := k + 1
	if hyphen {
		u++
	} else if c.is(u, "more", "additional", "further") {
		u++
	}
	unit := unitOf(c.peek(u))
	if unit == "" {
		return nil
	}
	// "a day" alone is not a duration worth keeping, unless a word of
	// length precedes it ("over a week"); "a two-day" is.
	if n == 1 && !hyphen && k == 0 && (c.peek(k).Lower == "a" || c.peek(k).Lower == "an") {
		if prev := c.peek(-1); prev == nil || !lengthWords[prev.Lower] {
			return nil
		}
	}
	last := c.i + u + 1
	if hyphen && c.is(u+1, "-") && c.is(u+2, "long") {
		last += 2
	}
	if n == 0 {
		return &Expr{First: c.i, Last: last, Type: Duration, Value: durationValue(-1, unit)}
	}
	e := &Expr{First: c.i, Last: last, Type: Duration, Value: durationValue(n, unit)}
	switch unit {
	case "D":
		e.Days = n
	case "W":
		e.Days = 7 * n
	}
	return e
}

// lengthWords before "a week" make it a duration.
var lengthWords = map[string]bool{"over": true, "about": true, "nearly": true, "almost": true, "within": true,
	"than": true, "last": true, "lasted": true, "lasting": true}

// matchYear: "in 2025", "2025", "this year" handled by matchRelativeUnit;
// "early 2025", "late next year", "mid-2025" here too.
func matchYear(c *cursor, anchor time.Time, _ Tense) *Expr {
	k := 0
	if c.is(0, "early", "late", "mid") {
		k = 1
		if c.is(1, "-") {
			k = 2
		}
	}
	y, n, ok := yearRef(c, k, anchor)
	if !ok {
		return nil
	}
	// A bare four-digit number is a year only in a date context: after a
	// preposition or a season/half handled elsewhere, or before "'s".
	if k == 0 && n == 1 {
		prev := c.peek(-1)
		next := c.peek(1)
		// After a date preposition, or standing alone: not before a
		// lower-case noun it would count ("2010 levels", "1990 troops").
		// After a date preposition, or standing alone, or as a modifier
		// after a determiner ("the 1956 uprising", "its 1990 invasion");
		// not counting something ("2010 levels", "1990 troops").
		if (prev == nil || !isYearPreposition(prev.Lower) && !yearDeterminers[prev.Lower]) && next != nil && next.Kind == token.Word && !next.Cap {
			return nil
		}
		if prev != nil && (prev.Text == "$" || prev.Lower == "no" || prev.Lower == "number") {
			return nil
		}
	}
	return yearExpr(c.i, c.i+k+n, y)
}

var yearDeterminers = map[string]bool{"the": true, "that": true, "this": true, "its": true, "a": true, "his": true,
	"her": true, "their": true, "our": true}

func isYearPreposition(w string) bool {
	switch w {
	case "in", "since", "until", "by", "of", "from", "through", "before", "after", "during", "early", "late", "mid", "-", "year", "till", "to":
		return true
	}
	return false
}

// references are the deictic expressions TIMEX3 writes without a date.
var references = []struct {
	words []string
	value string
}{
	{[]string{"at", "present"}, "PRESENT_REF"}, {[]string{"now"}, "PRESENT_REF"}, {[]string{"currently"}, "PRESENT_REF"},
	{[]string{"nowadays"}, "PRESENT_REF"}, {[]string{"the", "present"}, "PRESENT_REF"},
	{[]string{"the", "past"}, "PAST_REF"}, {[]string{"previously"}, "PAST_REF"}, {[]string{"formerly"}, "PAST_REF"},
	{[]string{"at", "the", "time"}, "PAST_REF"}, {[]string{"recently"}, "PAST_REF"},
	{[]string{"the", "future"}, "FUTURE_REF"}, {[]string{"soon"}, "FUTURE_REF"},
}

// matchReference: "now", "the past", "at the time", "the future".
func matchReference(c *cursor, _ time.Time, _ Tense) *Expr {
	for _, r := range references {
		ok := true
		for k, w := range r.words {
			if !c.is(k, w) {
				ok = false
				break
			}
		}
		// "the time" alone, or "now" inside "right now"-like idioms,
		// stay references; "the past week" is a relative unit (matched
		// before this).
		if ok {
			return &Expr{First: c.i, Last: c.i + len(r.words), Type: Date, Value: r.value}
		}
	}
	return nil
}

// matchVague: "the coming years", "recent days", "several weeks",
// "for decades": durations of unknown length.
func matchVague(c *cursor, _ time.Time, _ Tense) *Expr {
	// "the past two years", "the next three months": a counted span.
	if c.is(0, "the") && c.is(1, "past", "last", "next", "coming", "previous") {
		if n, ok := quantity(c.peek(2)); ok && n > 1 {
			if unit := unitOf(c.peek(3)); unit != "" {
				return &Expr{First: c.i, Last: c.i + 4, Type: Duration, Value: durationValue(n, unit)}
			}
		}
	}
	// "within weeks", "for months": a bare plural unit.
	if c.is(0, "within", "for", "over") {
		if t := c.peek(1); t != nil && strings.HasSuffix(t.Lower, "s") && t.Lower != "hours" && t.Lower != "minutes" {
			if unit := unitOf(t); unit != "" {
				return &Expr{First: c.i + 1, Last: c.i + 2, Type: Duration, Value: durationValue(-1, unit)}
			}
		}
	}
	k := 0
	if c.is(0, "the", "for", "in", "over") {
		k = 1
	}
	if c.is(k, "coming", "recent", "past", "next", "last", "few", "several", "many") {
		k++
		if c.is(k, "few") {
			k++
		}
	} else if !c.is(k, "decades", "centuries") {
		return nil
	}
	t := c.peek(k)
	if t == nil || !strings.HasSuffix(t.Lower, "s") {
		return nil
	}
	unit := unitOf(t)
	if unit == "" {
		return nil
	}
	first := c.i
	if c.is(0, "for", "in", "over") {
		first++
	}
	return &Expr{First: first, Last: c.i + k + 1, Type: Duration, Value: durationValue(-1, unit)}
}
