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

// csvColumns are the columns with a meaning; any other column's non-empty
// values go into Meta under the column's name.
var csvColumns = map[string]bool{
	"id": true, "title": true, "url": true, "source": true,
	"published": true, "text": true, "comments": true,
}

// readCSV reads a CSV file whose first row names the columns. Columns are
// matched by name, case-insensitively; only "text" is required. A
// "comments" column holds a JSON array of {author, text} objects. A row
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
	cols, err := csvHeader(header)
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

// csvHeader maps column names to indexes. Names are trimmed; known names
// are lower-cased. A repeated name is an error, since which of the two
// columns is meant cannot be told; columns with an empty name are ignored.
func csvHeader(header []string) (map[string]int, error) {
	cols := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.TrimSpace(h)
		if csvColumns[strings.ToLower(h)] {
			h = strings.ToLower(h)
		}
		if h == "" {
			continue
		}
		if _, dup := cols[h]; dup {
			return nil, fmt.Errorf("%w: column %q appears twice in the header", ErrMalformed, h)
		}
		cols[h] = i
	}
	if _, ok := cols["text"]; !ok {
		return nil, fmt.Errorf("%w: the header has no \"text\" column", ErrMalformed)
	}
	return cols, nil
}

// csvArticle builds an article from one row.
func csvArticle(row []string, cols map[string]int) (diplograph.Article, error) {
	var a diplograph.Article
	for col, i := range cols {
		v := row[i]
		// Checked here because the comments column goes through
		// encoding/json, which would quietly replace bad bytes.
		if !utf8.ValidString(v) {
			return a, fmt.Errorf("%w in column %q", ErrInvalidUTF8, strings.ToValidUTF8(col, "\uFFFD"))
		}
		switch col {
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
		case "comments":
			if strings.TrimSpace(v) == "" {
				continue
			}
			cs, err := commentsField(json.RawMessage(v))
			if err != nil {
				return a, err
			}
			a.Comments = cs
		default:
			if strings.TrimSpace(v) == "" {
				continue
			}
			if a.Meta == nil {
				a.Meta = map[string]string{}
			}
			a.Meta[col] = v
		}
	}
	return a, nil
}
