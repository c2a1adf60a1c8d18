package loaders

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
)

// bufSize is the read buffer of every input: large enough that sniffing
// and gzip detection see a useful prefix.
const bufSize = 64 << 10

// yieldFunc receives records; false means the consumer wants no more.
type yieldFunc = func(Record) bool

// readPath yields the records of one path and reports whether the
// consumer wants more.
func readPath(ctx context.Context, path string, opts Options, yield yieldFunc) bool {
	if path == "-" {
		if opts.Stdin == nil {
			return yield(errRecord(Position{File: "-"}, fmt.Errorf("%w: no standard input was given", ErrUnreadable)))
		}
		return readStream(ctx, "-", counted(opts.Stdin, opts.BytesRead), opts.Format, opts, yield)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return yield(errRecord(Position{File: path}, fmt.Errorf("%w: %w", ErrUnreadable, err)))
	}
	if fi.IsDir() {
		return readDir(ctx, path, opts, yield)
	}
	return readFile(ctx, path, opts.Format, opts, yield)
}

// readDir walks root in lexical order, reading every file whose extension
// names a format. Hidden files and folders (a leading dot) are skipped, so
// that a .git folder is not read.
func readDir(ctx context.Context, root string, opts Options, yield yieldFunc) bool {
	more := true
	walkInputs(ctx, root, opts.logger(), func(p string, f Format, err error) bool {
		if err != nil {
			more = yield(errRecord(Position{File: p}, fmt.Errorf("%w: %w", ErrUnreadable, err)))
		} else {
			more = readFile(ctx, p, f, opts, yield)
		}
		return more
	})
	return more
}

// walkInputs calls fn for every file under root that a load reads, with
// its format, in lexical order, or with the error met reaching an entry;
// fn returns false to stop. Reading and measuring (InputSize) share it, so
// that they agree on which files count.
func walkInputs(ctx context.Context, root string, log *slog.Logger, fn func(path string, f Format, err error) bool) {
	// WalkDir visits entries in lexical order, which makes the record
	// order, and so the load order, the same on every machine.
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return filepath.SkipAll
		}
		if err != nil {
			if !fn(p, FormatAuto, err) {
				return filepath.SkipAll
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			log.Debug("skipping hidden entry", "path", p)
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		f := formatFromName(p)
		if f == FormatAuto {
			log.Debug("skipping file of unknown format", "path", p)
			return nil
		}
		if !isRegular(p, d) {
			// Symlinked folders are not followed: they could loop.
			log.Debug("skipping non-regular file", "path", p)
			return nil
		}
		if !fn(p, f, nil) {
			return filepath.SkipAll
		}
		return nil
	})
}

// InputSize returns the total size in bytes of the files that reading
// paths would read, as stored on disk, for measuring progress with
// Options.BytesRead. known is false when a path is "-" (standard input
// has no size known up front). Paths that cannot be reached count 0:
// reading reports them.
func InputSize(ctx context.Context, paths []string, opts Options) (size int64, known bool) {
	known = true
	add := func(p string) {
		if fi, err := os.Stat(p); err == nil {
			size += fi.Size()
		}
	}
	for _, p := range paths {
		if p == "-" {
			known = false
			continue
		}
		fi, err := os.Stat(p)
		switch {
		case err != nil:
		case fi.IsDir():
			walkInputs(ctx, p, opts.logger(), func(p string, _ Format, err error) bool {
				if err == nil {
					add(p)
				}
				return ctx.Err() == nil
			})
		default:
			size += fi.Size()
		}
	}
	return size, known
}

// isRegular reports whether the entry is a regular file or a symlink to
// one.
func isRegular(p string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink != 0 {
		fi, err := os.Stat(p)
		return err == nil && fi.Mode().IsRegular()
	}
	return d.Type().IsRegular()
}

// readFile opens one file and reads it in format f (FormatAuto: by name,
// then by content).
func readFile(ctx context.Context, path string, f Format, opts Options, yield yieldFunc) bool {
	fh, err := os.Open(path)
	if err != nil {
		return yield(errRecord(Position{File: path}, fmt.Errorf("%w: %w", ErrUnreadable, err)))
	}
	defer fh.Close()
	if f == FormatAuto {
		f = formatFromName(path)
	}
	return readStream(ctx, path, counted(fh, opts.BytesRead), f, opts, yield)
}

// counted returns r, counting what is read from it into n when n is set.
func counted(r io.Reader, n *atomic.Int64) io.Reader {
	if n == nil {
		return r
	}
	return &countingReader{r: r, n: n}
}

// countingReader adds the bytes read through it to n.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}

// readStream reads r, gunzipping it when it starts with the gzip magic
// bytes whatever its name, and dispatches on the format.
func readStream(ctx context.Context, name string, r io.Reader, f Format, opts Options, yield yieldFunc) bool {
	br := bufio.NewReaderSize(r, bufSize)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(errRecord(Position{File: name}, fmt.Errorf("%w: gzip: %w", ErrUnreadable, err)))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, bufSize)
	}
	if f == FormatAuto {
		f = sniff(br, opts.Fields)
	}
	switch f {
	case FormatText:
		return readText(ctx, name, br, opts, yield)
	case FormatJSONL:
		return readJSONL(ctx, name, br, opts, yield)
	case FormatJSON:
		return readJSON(ctx, name, br, opts, yield)
	case FormatCSV:
		return readCSV(ctx, name, br, opts, yield)
	case FormatHTML:
		return readHTML(ctx, name, br, opts, yield)
	}
	return yield(errRecord(Position{File: name}, fmt.Errorf("%w: %q", ErrFormat, f)))
}

// formatFromName tells the format from a file name's extension, looking
// through a trailing .gz; FormatAuto when the name says nothing.
func formatFromName(name string) Format {
	n := strings.ToLower(name)
	n = strings.TrimSuffix(n, ".gz")
	switch filepath.Ext(n) {
	case ".txt", ".text":
		return FormatText
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".json":
		return FormatJSON
	case ".csv":
		return FormatCSV
	case ".html", ".htm":
		return FormatHTML
	}
	return FormatAuto
}

// sniff tells the format from the first bytes of an input whose name says
// nothing: '{' starts JSON Lines unless the first line is not a whole
// object (pretty-printed JSON), '[' starts a JSON array, a doctype or an
// <html>, <head> or <body> tag starts HTML, a first line of
// comma-separated names including the text field is a CSV header, and
// anything else is plain text.
func sniff(br *bufio.Reader, fields Fields) Format {
	head, _ := br.Peek(bufSize)
	head = bytes.TrimPrefix(head, utf8BOM)
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 {
		return FormatText
	}
	switch trimmed[0] {
	case '[':
		return FormatJSON
	case '{':
		first, _, whole := bytes.Cut(trimmed, []byte("\n"))
		first = bytes.TrimSpace(first)
		// A first line that fills the whole peek is one long JSONL
		// record; a complete first line that does not close the object
		// is pretty-printed JSON.
		if whole && (len(first) < 2 || first[len(first)-1] != '}') {
			return FormatJSON
		}
		return FormatJSONL
	case '<':
		lower := bytes.ToLower(trimmed[:min(len(trimmed), 16)])
		for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<!--"} {
			if bytes.HasPrefix(lower, []byte(p)) {
				return FormatHTML
			}
		}
	}
	textCol := fields.text()
	first, _, _ := bytes.Cut(head, []byte("\n"))
	for col := range bytes.SplitSeq(first, []byte(",")) {
		col = bytes.Trim(bytes.TrimSpace(col), `"`)
		if strings.EqualFold(string(col), textCol) {
			return FormatCSV
		}
	}
	return FormatText
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}
