package loaders

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/diplograph/diplograph"
)

// Format names an input format.
type Format string

// The formats a loader reads. FormatAuto picks one from the file name's
// extension, or by looking at the first bytes when the name says nothing.
const (
	FormatAuto  Format = ""
	FormatText  Format = "txt"
	FormatJSONL Format = "jsonl"
	FormatJSON  Format = "json"
	FormatCSV   Format = "csv"
	FormatHTML  Format = "html"
)

// ParseFormat parses a format name as a user types it ("txt", "text",
// "jsonl", "ndjson", "json", "csv", "html", "htm", or "" and "auto" for
// FormatAuto).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return FormatAuto, nil
	case "txt", "text":
		return FormatText, nil
	case "jsonl", "ndjson":
		return FormatJSONL, nil
	case "json":
		return FormatJSON, nil
	case "csv":
		return FormatCSV, nil
	case "html", "htm":
		return FormatHTML, nil
	}
	return FormatAuto, fmt.Errorf("%w: %q (want txt, jsonl, json, csv or html)", ErrFormat, s)
}

// DefaultMaxRecordBytes is the record size limit when Options leaves it 0.
const DefaultMaxRecordBytes = 16 << 20

// Options tunes reading. The zero value reads every format by extension
// with the default size limit.
type Options struct {
	// Published is the publication date given to records that carry none,
	// which includes every .txt file. Any form NormalizeDate accepts; it
	// is normalised like a record's own date.
	Published string
	// Format forces the format of files named explicitly and of standard
	// input. Files found in a folder are always read by their extension.
	Format Format
	// MaxRecordBytes bounds one record: a JSONL line, a CSV row, a JSON
	// array element, a whole .txt or .html file. A larger record is
	// rejected with
	// ErrTooLarge without being held in memory. 0 means
	// DefaultMaxRecordBytes.
	MaxRecordBytes int
	// Fields names the fields of the corpus that hold each article field,
	// in JSON and CSV inputs alike. The zero value means the standard
	// names (text, published, title, id, url, source).
	Fields Fields
	// BytesRead, when set, is increased by every byte read from an input
	// file or stream, as stored (compressed bytes for gzipped input), so
	// that a caller can measure progress against InputSize while records
	// are read. It runs ahead of the records by at most a read buffer.
	BytesRead *atomic.Int64
	// Stdin is read for the path "-". The package never reaches for
	// os.Stdin itself; without Stdin, "-" yields one error record.
	Stdin io.Reader
	// Logger receives debug messages (skipped files). nil means
	// slog.Default().
	Logger *slog.Logger
}

func (o Options) maxBytes() int {
	if o.MaxRecordBytes > 0 {
		return o.MaxRecordBytes
	}
	return DefaultMaxRecordBytes
}

func (o Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.Default()
}

// Position says where a record came from. Line is the 1-based line on
// which the record starts (0 when unknown, as for elements of a JSON
// array); Record is the 1-based index of the record in its file.
type Position struct {
	File   string
	Line   int
	Record int
}

// String formats the position as "file:line", or "file#record" when the
// line is unknown.
func (p Position) String() string {
	switch {
	case p.Line > 0:
		return p.File + ":" + strconv.Itoa(p.Line)
	case p.Record > 0:
		return p.File + "#" + strconv.Itoa(p.Record)
	}
	return p.File
}

// Record is one article read from an input, or the error that kept it
// from being read. When Err is nil, Article is complete: its Text is valid
// UTF-8 and not blank, Published is empty or YYYY-MM-DD, and Hash and ID
// are set.
type Record struct {
	Article diplograph.Article
	Pos     Position
	// Warnings are problems that did not cost the record, such as a
	// comment count that disagrees with the comments found. Each names
	// its line when it has one.
	Warnings []string
	// Err is a *RecordError when the record, or the whole file, could not
	// be read.
	Err error
}

// Sentinel errors wrapped by every RecordError, for errors.Is.
var (
	// ErrMalformed: the record is not valid JSON or CSV, or a field has
	// the wrong type.
	ErrMalformed = errors.New("malformed record")
	// ErrBadDate: a publication date is in no form NormalizeDate accepts,
	// or is not a real date.
	ErrBadDate = errors.New("invalid date")
	// ErrInvalidUTF8: the record is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrEmptyText: the article has no text, or only white space.
	ErrEmptyText = errors.New("empty text")
	// ErrTooLarge: the record is larger than Options.MaxRecordBytes.
	ErrTooLarge = errors.New("record too large")
	// ErrBinary: the record holds binary data (a NUL byte, or control
	// characters in a share no text has) rather than text.
	ErrBinary = errors.New("binary data")
	// ErrUnreadable: the file or stream could not be opened or read.
	ErrUnreadable = errors.New("unreadable input")
	// ErrFormat: the format is unknown or could not be told.
	ErrFormat = errors.New("unknown format")
	// ErrExtract: the extractor failed on the record (see Load).
	ErrExtract = errors.New("extraction failed")
	// ErrRefused: the store refused the extraction as invalid (see Load).
	ErrRefused = errors.New("store refused the article")
)

// Reason is the stable, machine-readable code of a rejection, as written
// in error reports. Each names one sentinel error.
type Reason string

// The reasons a record is rejected.
const (
	ReasonMalformed   Reason = "malformed"
	ReasonBadDate     Reason = "bad_date"
	ReasonInvalidUTF8 Reason = "invalid_utf8"
	ReasonEmptyText   Reason = "empty_text"
	ReasonTooLarge    Reason = "too_large"
	ReasonBinary      Reason = "binary"
	ReasonUnreadable  Reason = "unreadable"
	ReasonFormat      Reason = "unknown_format"
	ReasonExtract     Reason = "extract_failed"
	ReasonRefused     Reason = "store_refused"
	// ReasonOther is any error that wraps none of the sentinels.
	ReasonOther Reason = "other"
)

// ReasonOf returns the reason code of a rejection error: that of the
// first sentinel it wraps, ReasonOther when it wraps none.
func ReasonOf(err error) Reason {
	switch {
	case errors.Is(err, ErrMalformed):
		return ReasonMalformed
	case errors.Is(err, ErrBadDate):
		return ReasonBadDate
	case errors.Is(err, ErrInvalidUTF8):
		return ReasonInvalidUTF8
	case errors.Is(err, ErrEmptyText):
		return ReasonEmptyText
	case errors.Is(err, ErrTooLarge):
		return ReasonTooLarge
	case errors.Is(err, ErrBinary):
		return ReasonBinary
	case errors.Is(err, ErrUnreadable):
		return ReasonUnreadable
	case errors.Is(err, ErrFormat):
		return ReasonFormat
	case errors.Is(err, ErrExtract):
		return ReasonExtract
	case errors.Is(err, ErrRefused):
		return ReasonRefused
	}
	return ReasonOther
}

// RecordError is the error of one record, or of a whole file when Pos has
// no line. Err wraps one of the package's sentinel errors.
type RecordError struct {
	Pos Position
	Err error
}

// Error implements error.
func (e *RecordError) Error() string {
	if e.Pos == (Position{}) {
		return e.Err.Error()
	}
	return e.Pos.String() + ": " + e.Err.Error()
}

// Unwrap returns the underlying error, so errors.Is finds the sentinel.
func (e *RecordError) Unwrap() error { return e.Err }

// errRecord builds an error Record.
func errRecord(pos Position, err error) Record {
	return Record{Pos: pos, Err: &RecordError{Pos: pos, Err: err}}
}

// Read yields the articles in path, one Record each, in file order. path
// is a file, a folder (read recursively in sorted order), or "-" for
// opts.Stdin. Errors never stop the sequence early except where the rest
// of the input cannot be trusted (an unreadable file, a CSV or JSON
// syntax error that loses the record boundaries): they are yielded as
// Records with Err set. Reading stops when ctx is done.
func Read(ctx context.Context, path string, opts Options) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		if err := checkOptions(&opts); err != nil {
			yield(errRecord(Position{File: path}, err))
			return
		}
		readPath(ctx, path, opts, yield)
	}
}

// ReadAll yields the records of every path in turn, as Read does.
func ReadAll(ctx context.Context, paths []string, opts Options) iter.Seq[Record] {
	return func(yield func(Record) bool) {
		if err := checkOptions(&opts); err != nil {
			yield(errRecord(Position{}, err))
			return
		}
		for _, p := range paths {
			if ctx.Err() != nil || !readPath(ctx, p, opts, yield) {
				return
			}
		}
	}
}

// checkOptions validates opts and normalises its date in place.
func checkOptions(opts *Options) error {
	if opts.Published != "" {
		d, err := NormalizeDate(opts.Published)
		if err != nil {
			return fmt.Errorf("default publication date: %w", err)
		}
		opts.Published = d
	}
	switch opts.Format {
	case FormatAuto, FormatText, FormatJSONL, FormatJSON, FormatCSV, FormatHTML:
	default:
		return fmt.Errorf("%w: %q", ErrFormat, opts.Format)
	}
	return opts.Fields.Validate()
}
