package loaders

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
)

// countLine matches the line that opens the comment section, such as
// "11 Comments", "1 comment", "1,204 Comments" or "No comments".
var countLine = regexp.MustCompile(`(?i)^\s*([0-9][0-9,]*|no)\s+comments?\s*$`)

// textDoc is what the plain-text format holds.
type textDoc struct {
	body     string
	comments []diplograph.Comment
	warnings []string
}

// parseText splits a plain-text article into its body and its reader
// comments. The body is every line before the first comment-count line,
// kept as it is (less a byte-order mark, CRLF turned into LF, and white
// space at its end); after the count line, non-blank lines alternate
// author, comment text. It never fails on structure, only on encoding.
func parseText(data []byte) (textDoc, error) {
	// Checked before the encoding: a binary file is rarely valid UTF-8,
	// and "binary data" is the more useful thing to be told.
	if looksBinary(string(data)) {
		return textDoc{}, fmt.Errorf("%w: this is not a text file", ErrBinary)
	}
	if !utf8.Valid(data) {
		return textDoc{}, fmt.Errorf("%w on line %d", ErrInvalidUTF8, badUTF8Line(data))
	}
	s := normalizeText(string(data))
	var doc textDoc
	var (
		count      = -1 // comments the count line announces; -1: none
		countAt    = 0  // line number of the count line
		author     string
		authorLine int
		inComments bool
	)
	line := 0
	for off := 0; off < len(s); {
		end := strings.IndexByte(s[off:], '\n')
		next := len(s)
		if end >= 0 {
			end += off
			next = end + 1
		} else {
			end = len(s)
		}
		l := s[off:end]
		line++
		if !inComments {
			if m := countLine.FindStringSubmatch(l); m != nil {
				inComments, countAt = true, line
				doc.body = strings.TrimRightFunc(s[:off], unicode.IsSpace)
				count = parseCount(m[1])
			}
			off = next
			continue
		}
		off = next
		l = strings.TrimSpace(l)
		switch {
		case l == "":
		case authorLine == 0:
			author, authorLine = l, line
		default:
			doc.comments = append(doc.comments, diplograph.Comment{Index: len(doc.comments), Author: author, Text: l})
			author, authorLine = "", 0
		}
	}
	if !inComments {
		doc.body = strings.TrimRightFunc(s, unicode.IsSpace)
		return doc, nil
	}
	if authorLine != 0 {
		doc.warnings = append(doc.warnings, fmt.Sprintf("line %d: author %q has no comment after it; dropped", authorLine, author))
	}
	if count != len(doc.comments) {
		announced := strconv.Itoa(count)
		if count < 0 {
			announced = "an unreadable number of"
		}
		doc.warnings = append(doc.warnings, fmt.Sprintf("line %d announces %s comments, found %d; kept those found", countAt, announced, len(doc.comments)))
	}
	return doc, nil
}

// parseCount reads the number of a count line; "no" is 0 and a number
// too large to hold is -1.
func parseCount(s string) int {
	if strings.EqualFold(s, "no") {
		return 0
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return -1
	}
	return n
}

// badUTF8Line is the 1-based line of the first invalid UTF-8 sequence.
func badUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

// readText reads one plain-text article from r.
func readText(ctx context.Context, name string, r *bufio.Reader, opts Options, yield yieldFunc) bool {
	return readWhole(ctx, name, r, opts, yield, func(data []byte) (diplograph.Article, []string, error) {
		doc, err := parseText(data)
		if err != nil {
			return diplograph.Article{}, nil, err
		}
		return diplograph.Article{Text: doc.body, Comments: doc.comments}, doc.warnings, nil
	})
}

// readWhole reads a file that is one record, so whole, up to the size
// limit, and emits the article parse makes of it.
func readWhole(ctx context.Context, name string, r *bufio.Reader, opts Options, yield yieldFunc,
	parse func([]byte) (diplograph.Article, []string, error)) bool {
	pos := Position{File: name, Line: 1, Record: 1}
	if ctx.Err() != nil {
		return false
	}
	limit := opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return yield(errRecord(pos, fmt.Errorf("%w: %w", ErrUnreadable, err)))
	}
	if len(data) > limit {
		return yield(errRecord(pos, fmt.Errorf("%w: file is over the %d-byte limit", ErrTooLarge, limit)))
	}
	a, warnings, err := parse(data)
	if err != nil {
		return yield(errRecord(pos, err))
	}
	return emit(a, pos, warnings, opts, yield)
}
