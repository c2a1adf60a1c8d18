package loaders

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
)

// NormalizeDate turns a publication date into YYYY-MM-DD. It accepts
// YYYY-MM-DD, RFC 3339 timestamps, the same without a zone or with a
// space for the T, and RFC 1123 dates as RSS feeds write them. A
// timestamp keeps the calendar date it was written with, in its own
// offset, since that is the publisher's date. Years outside 1800–2200 are
// refused: they are placeholders (0001-01-01) or typos, not news dates.
// The empty string stays empty.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	// dateLayouts are the unambiguous date and timestamp forms a
	// publication date may take. Day-first and month-first forms such as
	// 04/02/2024 are left out on purpose: which one is meant cannot be told.
	dateLayouts := [...]string{
		time.DateOnly,
		time.RFC3339,                // 2024-03-05T09:30:00+09:00, fractions allowed
		"2006-01-02T15:04:05",       // no zone: the date as written
		"2006-01-02T15:04",          //
		time.DateTime,               // 2024-03-05 09:30:00
		"2006-01-02 15:04:05Z07:00", // SQL-style with a zone
		"2006-01-02 15:04:05 -0700", //
		time.RFC1123Z,               // RSS: Tue, 05 Mar 2024 09:30:00 +0900
		time.RFC1123,                // Tue, 05 Mar 2024 09:30:00 GMT
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST",
	}
	for _, layout := range dateLayouts {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if y := t.Year(); y < 1800 || y > 2200 {
			return "", fmt.Errorf("%w: %q: year %d is out of range", ErrBadDate, s, y)
		}
		return t.Format(time.DateOnly), nil
	}
	return "", fmt.Errorf("%w: %q is not YYYY-MM-DD, an RFC 3339 timestamp or an RFC 1123 date", ErrBadDate, s)
}

// looksBinary reports whether s is binary data rather than text: it holds
// a NUL byte, or control characters (other than tab, line and page
// breaks) make up more than one byte in twenty. Text pasted from the web
// carries the odd stray control character; only binary data carries many.
func looksBinary(s string) bool {
	if strings.IndexByte(s, 0) >= 0 {
		return true
	}
	ctrl := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
		case c < 0x20 || c == 0x7f:
			ctrl++
		}
	}
	return ctrl > 0 && ctrl*20 > len(s)
}

// normalizeText strips a leading byte-order mark and turns CRLF line
// endings into LF. It is the only change made to a text: extraction
// offsets point into what it returns.
func normalizeText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.Contains(s, "\r\n") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	return s
}

// finish validates a decoded article and completes it: normalised text,
// trimmed fields, a normalised date (opts.Published when it has none),
// comments indexed, then the content hash and id. Comments with blank
// text are dropped and reported in the returned warnings.
func finish(a *diplograph.Article, opts Options) (warnings []string, err error) {
	fields := []struct {
		name string
		v    *string
	}{
		{"id", &a.ID}, {"title", &a.Title}, {"url", &a.URL},
		{"source", &a.Source}, {"published", &a.Published}, {"text", &a.Text},
	}
	for _, f := range fields {
		if !utf8.ValidString(*f.v) {
			return nil, fmt.Errorf("%w in %s", ErrInvalidUTF8, f.name)
		}
		if f.name != "text" {
			*f.v = strings.TrimSpace(*f.v)
		}
	}
	for k, v := range a.Meta {
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			return nil, fmt.Errorf("%w in metadata field %q", ErrInvalidUTF8, strings.ToValidUTF8(k, "\uFFFD"))
		}
	}
	if looksBinary(a.Text) {
		return nil, fmt.Errorf("%w in the text", ErrBinary)
	}
	a.Text = normalizeText(a.Text)
	if len(a.Text) > opts.maxBytes() {
		return nil, fmt.Errorf("%w: text is %d bytes, limit %d", ErrTooLarge, len(a.Text), opts.maxBytes())
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, ErrEmptyText
	}
	if a.Published == "" {
		a.Published = opts.Published
	} else if a.Published, err = NormalizeDate(a.Published); err != nil {
		return nil, fmt.Errorf("published: %w", err)
	}
	kept := a.Comments[:0]
	for i, c := range a.Comments {
		if !utf8.ValidString(c.Author) || !utf8.ValidString(c.Text) {
			return nil, fmt.Errorf("%w in comment %d", ErrInvalidUTF8, i+1)
		}
		c.Author = strings.TrimSpace(c.Author)
		c.Text = strings.TrimSpace(normalizeText(c.Text))
		if c.Text == "" {
			warnings = append(warnings, fmt.Sprintf("comment %d (author %q) has no text; dropped", i+1, c.Author))
			continue
		}
		c.Index = len(kept)
		kept = append(kept, c)
	}
	if len(kept) == 0 {
		kept = nil
	}
	a.Comments = kept
	if len(a.Meta) == 0 {
		a.Meta = nil
	}
	a.Hash = diplograph.ContentHash(a)
	if a.ID == "" {
		a.ID = diplograph.ArticleIDFromHash(a.Hash)
	}
	return warnings, nil
}

// emit finishes a decoded article and yields it, or the error that
// rejects it.
func emit(a diplograph.Article, pos Position, warnings []string, opts Options, yield yieldFunc) bool {
	w, err := finish(&a, opts)
	if err != nil {
		return yield(errRecord(pos, err))
	}
	return yield(Record{Article: a, Pos: pos, Warnings: append(warnings, w...)})
}
