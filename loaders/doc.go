// Package loaders owns the way articles come in: it reads plain-text,
// JSONL, JSON, CSV and HTML files (gzipped or not), folders of them and
// standard input into diplograph.Articles, mapping a corpus's own field
// names (Fields), and runs the load pipeline that extracts each article
// and hands the result to a store, accounting for every rejected record
// (Reason, ErrorReport).
//
// Reading streams: a JSONL or CSV file is never held in memory whole, and
// one bad record (malformed JSON, a bad date, invalid UTF-8, empty text, an
// oversized line, binary data) is yielded as a Record with Err set while reading goes on
// with the next one, so no valid record is lost because of a neighbour.
//
// The package normalises what every format shares (line endings, dates,
// content hash, id) and nothing more: it knows nothing of extraction rules
// or of how a store keeps what it is given. The formats a user may feed it
// are described in docs/input-formats.md.
package loaders
