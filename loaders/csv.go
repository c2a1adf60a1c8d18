package loaders

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
)

// readCSV reads a CSV file whose first row names the columns. Columns are
// matched by name, case-insensitively, as opts.Fields maps them; only the
// text column is required. A "comments" column holds a JSON array of
// {author, text} objects. A row
// that does not parse, or has another number of fields than the header,
// is one error record and reading goes on with the next row.
func readCSV(ctx context.Context, name string, br *bufio.Reader, opts Options, yield yieldFunc) bool {
	limit := opts.maxBytes()
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		_, _ = br.Discard(len(utf8BOM))
	}
	// encoding/csv buffers a whole row, however long: the budget, refilled
	// before each row, stops one that never ends (an unclosed quote).
	budget := &budgetReader{r: br, left: limit + bufSize}
	cr := csv.NewReader(budget)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return true
	}
	if err != nil {
		return yield(errRecord(Position{File: name, Line: 1}, csvError(err, limit)))
	}
	cols, err := csvHeader(header, opts.Fields)
	if err != nil {
		return yield(errRecord(Position{File: name, Line: 1}, err))
	}
	line, rec := 1, 0
	for ctx.Err() == nil {
		budget.left = limit + bufSize
		row, err := cr.Read()
		if err == io.EOF {
			return true
		}
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			line = max(line+1, pe.StartLine)
		case err != nil:
			// Past an I/O error or an endless row the record boundaries
			// are lost: report and stop.
			return yield(errRecord(Position{File: name, Line: line + 1}, csvError(err, limit)))
		case len(row) > 0:
			l, _ := cr.FieldPos(0)
			line = max(line+1, l)
		}
		rec++
		pos := Position{File: name, Line: line, Record: rec}
		if err != nil {
			if !yield(errRecord(pos, csvError(err, limit))) {
				return false
			}
			continue
		}
		a, err := csvArticle(row, cols)
		if err != nil {
			if !yield(errRecord(pos, err)) {
				return false
			}
			continue
		}
		if !emit(a, pos, nil, opts, yield) {
			return false
		}
	}
	return false
}

// csvError wraps a csv package error in the matching sentinel.
func csvError(err error, limit int) error {
	var pe *csv.ParseError
	switch {
	case errors.Is(err, ErrTooLarge):
		return fmt.Errorf("%w: row is over the %d-byte limit", ErrTooLarge, limit)
	case errors.As(err, &pe):
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return fmt.Errorf("%w: %w", ErrUnreadable, err)
}

// csvColumns says which column feeds each article field and which
// columns are kept as metadata, under their header names.
type csvColumns struct {
	fields   map[string]int // article field ("text", "id", ...) to column index
	comments int            // -1 when there is none
	meta     map[string]int
}

// csvHeader maps the header's columns. Names are trimmed and matched
// without regard to case. A repeated name is an error, since which of the
// two columns is meant cannot be told; columns with an empty name are
// ignored.
func csvHeader(header []string, fields Fields) (csvColumns, error) {
	byName := make(map[string]int, len(header))
	names := make([]string, len(header))
	for i, h := range header {
		h = strings.TrimSpace(h)
		names[i] = h
		if h == "" {
			continue
		}
		k := strings.ToLower(h)
		if _, dup := byName[k]; dup {
			return csvColumns{}, fmt.Errorf("%w: column %q appears twice in the header", ErrMalformed, h)
		}
		byName[k] = i
	}
	cols := csvColumns{fields: map[string]int{}, comments: -1, meta: map[string]int{}}
	used := map[int]bool{}
	for _, f := range fields.list() {
		if i, ok := byName[strings.ToLower(f.src)]; ok {
			cols.fields[f.name] = i
			used[i] = true
		} else if f.name == "text" {
			return csvColumns{}, fmt.Errorf("%w: the header has no %q column", ErrMalformed, f.src)
		}
	}
	if i, ok := byName["comments"]; ok && !used[i] {
		cols.comments = i
		used[i] = true
	}
	for i, h := range names {
		if h != "" && !used[i] {
			cols.meta[h] = i
		}
	}
	return cols, nil
}

// csvArticle builds an article from one row.
func csvArticle(row []string, cols csvColumns) (diplograph.Article, error) {
	var a diplograph.Article
	for i, v := range row {
		// Checked here because the comments column goes through
		// encoding/json, which would quietly replace bad bytes.
		if strings.IndexByte(v, 0) >= 0 {
			return a, fmt.Errorf("%w: a NUL byte in column %d", ErrBinary, i+1)
		}
		if !utf8.ValidString(v) {
			return a, fmt.Errorf("%w in column %d", ErrInvalidUTF8, i+1)
		}
	}
	for name, i := range cols.fields {
		v := row[i]
		switch name {
		case "id":
			a.ID = v
		case "title":
			a.Title = v
		case "url":
			a.URL = v
		case "source":
			a.Source = v
		case "published":
			a.Published = v
		case "text":
			a.Text = v
		}
	}
	if cols.comments >= 0 && strings.TrimSpace(row[cols.comments]) != "" {
		cs, err := commentsField(json.RawMessage(row[cols.comments]))
		if err != nil {
			return a, err
		}
		a.Comments = cs
	}
	for name, i := range cols.meta {
		if v := row[i]; strings.TrimSpace(v) != "" {
			if a.Meta == nil {
				a.Meta = map[string]string{}
			}
			a.Meta[name] = v
		}
	}
	return a, nil
}
