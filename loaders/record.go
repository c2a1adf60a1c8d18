package loaders

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
)

// NormalizeDate turns a publication date into YYYY-MM-DD. It accepts
// YYYY-MM-DD and RFC 3339 timestamps; a timestamp keeps the calendar date
// it was written with, in its own offset, since that is the publisher's
// date. The empty string stays empty.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format(time.DateOnly), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format(time.DateOnly), nil
	}
	return "", fmt.Errorf("%w: %q is neither YYYY-MM-DD nor an RFC 3339 timestamp", ErrBadDate, s)
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
