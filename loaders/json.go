package loaders

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
)

// readJSONL reads one article per line. Blank lines are skipped; a bad
// line is one error record and the next line is read as usual, so a
// neighbour's fault costs nothing. Lines are read piecewise, so a line
// over the limit is skipped without being held in memory.
func readJSONL(ctx context.Context, name string, br *bufio.Reader, opts Options, yield yieldFunc) bool {
	limit := opts.maxBytes()
	var buf []byte
	line, rec := 0, 0
	for ctx.Err() == nil {
		var tooLong bool
		var err error
		buf, tooLong, err = readLine(br, buf[:0], limit)
		if len(buf) == 0 && !tooLong && err == io.EOF {
			return true
		}
		line++
		pos := Position{File: name, Line: line}
		if err != nil && err != io.EOF {
			return yield(errRecord(pos, fmt.Errorf("%w: %w", ErrUnreadable, err)))
		}
		if line == 1 {
			buf = bytes.TrimPrefix(buf, utf8BOM)
		}
		if trimmed := bytes.TrimSpace(buf); tooLong || len(trimmed) > 0 {
			rec++
			pos.Record = rec
			var more bool
			if tooLong {
				more = yield(errRecord(pos, fmt.Errorf("%w: line is over the %d-byte limit", ErrTooLarge, limit)))
			} else {
				more = emitJSON(trimmed, pos, opts, yield)
			}
			if !more {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
	return false
}

// readLine appends the next line of br, newline included, to buf. A line
// longer than limit is consumed but not kept: tooLong is set and the
// returned buffer is empty. err is io.EOF after the last line.
func readLine(br *bufio.Reader, buf []byte, limit int) (line []byte, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if !tooLong {
			// +2 leaves room for a CRLF line ending.
			if len(buf)+len(frag) > limit+2 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, frag...)
			}
		}
		if err != bufio.ErrBufferFull {
			return buf, tooLong, err
		}
	}
}

// readJSON reads a .json input: one object, several objects one after
// another, or an array of objects. Array elements are decoded one at a
// time. A syntax error loses the record boundaries, so it ends the file
// with one error record; a well-formed element that is not a valid
// article is one error record and reading goes on.
func readJSON(ctx context.Context, name string, br *bufio.Reader, opts Options, yield yieldFunc) bool {
	limit := opts.maxBytes()
	if head, _ := br.Peek(len(utf8BOM)); bytes.Equal(head, utf8BOM) {
		_, _ = br.Discard(len(utf8BOM))
	}
	first, err := firstNonSpace(br)
	if err == io.EOF {
		return true
	}
	if err != nil {
		return yield(errRecord(Position{File: name}, fmt.Errorf("%w: %w", ErrUnreadable, err)))
	}
	// The budget bounds what the decoder may read for one element; it is
	// refilled before each, with slack for the decoder's read-ahead.
	budget := &budgetReader{r: br}
	dec := json.NewDecoder(budget)
	rec := 0
	fail := func(err error) bool {
		pos := Position{File: name, Record: rec + 1}
		switch {
		case errors.Is(err, ErrTooLarge):
			err = fmt.Errorf("%w: element is over the %d-byte limit", ErrTooLarge, limit)
		case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
			err = fmt.Errorf("%w: JSON ends early", ErrMalformed)
		default:
			var se *json.SyntaxError
			if errors.As(err, &se) {
				err = fmt.Errorf("%w: JSON syntax at byte %d: %w", ErrMalformed, se.Offset, err)
			} else {
				err = fmt.Errorf("%w: %w", ErrUnreadable, err)
			}
		}
		yield(errRecord(pos, err))
		return false
	}
	array := first == '['
	if array {
		budget.left = limit + bufSize
		if _, err := dec.Token(); err != nil {
			return fail(err)
		}
	}
	for ctx.Err() == nil {
		budget.left = limit + bufSize
		if array && !dec.More() {
			break
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if !array && err == io.EOF {
				return true
			}
			return fail(err)
		}
		rec++
		if !emitJSON(raw, Position{File: name, Record: rec}, opts, yield) {
			return false
		}
	}
	if ctx.Err() != nil {
		return false
	}
	budget.left = limit + bufSize
	if _, err := dec.Token(); err != nil { // the closing ']'
		return fail(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = fmt.Errorf("%w: data after the closing ']'", ErrMalformed)
		}
		return fail(err)
	}
	return true
}

// firstNonSpace returns the first byte after JSON white space, leaving it
// unread.
func firstNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return b, br.UnreadByte()
	}
}

// budgetReader fails with ErrTooLarge once left bytes have been read.
type budgetReader struct {
	r    io.Reader
	left int
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, ErrTooLarge
	}
	if len(p) > b.left {
		p = p[:b.left]
	}
	n, err := b.r.Read(p)
	b.left -= n
	return n, err
}

// emitJSON parses one JSON record and yields it or its error.
func emitJSON(raw []byte, pos Position, opts Options, yield yieldFunc) bool {
	a, err := parseJSONRecord(raw, opts.Fields)
	if err != nil {
		return yield(errRecord(pos, err))
	}
	return emit(a, pos, nil, opts, yield)
}

// parseJSONRecord decodes one article object, taking each article field
// from where fields says. Known fields must have their type (id may also
// be a number); comments are an array of {author, text} objects. Every
// other top-level scalar goes into Meta as text, as do the scalar members
// of a "meta" object (which win over a top-level field of the same name);
// other arrays and objects are ignored. The text itself is validated by
// finish.
func parseJSONRecord(raw []byte, fields Fields) (diplograph.Article, error) {
	var a diplograph.Article
	// A NUL byte cannot stand raw in JSON text: a line holding one is not
	// a malformed article but something else entirely.
	if bytes.IndexByte(raw, 0) >= 0 {
		return a, fmt.Errorf("%w: a NUL byte in the record", ErrBinary)
	}
	// encoding/json would quietly turn invalid UTF-8 into U+FFFD: check
	// the bytes first so that a mis-encoded record is reported, not mangled.
	if !utf8.Valid(raw) {
		return a, ErrInvalidUTF8
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return a, fmt.Errorf("%w: not a JSON object", ErrMalformed)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return a, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	used := map[string]bool{"comments": true, "meta": true}
	for _, f := range fields.list() {
		v, top, ok := lookupJSON(m, f.src)
		if !ok {
			if f.name == "text" {
				return a, fmt.Errorf("%w: no %q field", ErrEmptyText, f.src)
			}
			continue
		}
		used[top] = true
		var err error
		switch f.name {
		case "id":
			a.ID, err = stringField(f.src, v, true)
		case "title":
			a.Title, err = stringField(f.src, v, false)
		case "url":
			a.URL, err = stringField(f.src, v, false)
		case "source":
			a.Source, err = stringField(f.src, v, false)
		case "published":
			a.Published, err = stringField(f.src, v, false)
		case "text":
			a.Text, err = stringField(f.src, v, false)
		}
		if err != nil {
			return diplograph.Article{}, err
		}
	}
	var err error
	if a.Comments, err = commentsField(m["comments"]); err != nil {
		return diplograph.Article{}, err
	}
	var meta map[string]string
	setMeta := func(k string, v json.RawMessage) {
		if s, ok := scalar(v); ok {
			if meta == nil {
				meta = map[string]string{}
			}
			meta[k] = s
		}
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !used[k] {
			setMeta(k, m[k])
		}
	}
	if raw := bytes.TrimSpace(m["meta"]); len(raw) > 0 {
		if raw[0] == '{' {
			var mm map[string]json.RawMessage
			if err := json.Unmarshal(raw, &mm); err != nil {
				return diplograph.Article{}, fmt.Errorf("%w: meta: %w", ErrMalformed, err)
			}
			for k, v := range mm {
				setMeta(k, v)
			}
		} else {
			setMeta("meta", raw)
		}
	}
	a.Meta = meta
	return a, nil
}

// scalar renders a JSON string, number or boolean as text; ok is false
// for null, arrays and objects.
func scalar(v json.RawMessage) (string, bool) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "", false
	}
	switch v[0] {
	case '"':
		var s string
		if json.Unmarshal(v, &s) != nil {
			return "", false
		}
		return s, true
	case 'n', '[', '{':
		return "", false
	}
	// A number or a boolean: its JSON text is its value.
	return string(v), true
}

// stringField decodes a string field; null is the empty string, and a
// number is accepted where numeric is set (ids often are numbers).
func stringField(name string, v json.RawMessage, numeric bool) (string, error) {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || string(v) == "null":
		return "", nil
	case v[0] == '"':
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return "", fmt.Errorf("%w: %s: %w", ErrMalformed, name, err)
		}
		return s, nil
	case numeric && (v[0] == '-' || v[0] >= '0' && v[0] <= '9'):
		return string(v), nil
	}
	return "", fmt.Errorf("%w: field %q must be a string", ErrMalformed, name)
}

// commentsField decodes the comments array.
func commentsField(v json.RawMessage) ([]diplograph.Comment, error) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return nil, nil
	}
	if v[0] != '[' {
		return nil, fmt.Errorf("%w: \"comments\" must be an array", ErrMalformed)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(v, &items); err != nil {
		return nil, fmt.Errorf("%w: comments: %w", ErrMalformed, err)
	}
	out := make([]diplograph.Comment, 0, len(items))
	for i, it := range items {
		it = bytes.TrimSpace(it)
		if len(it) == 0 || it[0] != '{' {
			return nil, fmt.Errorf("%w: comment %d is not an object", ErrMalformed, i+1)
		}
		var c map[string]json.RawMessage
		if err := json.Unmarshal(it, &c); err != nil {
			return nil, fmt.Errorf("%w: comment %d: %w", ErrMalformed, i+1, err)
		}
		author, err := stringField("author", c["author"], false)
		if err != nil {
			return nil, fmt.Errorf("comment %d: %w", i+1, err)
		}
		text, err := stringField("text", c["text"], false)
		if err != nil {
			return nil, fmt.Errorf("comment %d: %w", i+1, err)
		}
		out = append(out, diplograph.Comment{Index: i, Author: author, Text: text})
	}
	return out, nil
}
