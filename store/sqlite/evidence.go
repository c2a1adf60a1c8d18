package sqlite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/diplograph/diplograph"
)

// A support row's evidence column is a JSON array with one element per
// sentence. Nearly every sentence is a span of its own article's text, so
// it is stored as that span alone, [start, end], and cut from the article
// again when read: copying the sentences made a quarter of the file, and a
// bulk load's time grows with the pages it writes. Evidence that names an
// article other than the row's (or none, as inside one extraction) says
// so: [start, end, "article"]. A sentence that is not the span its offsets
// name is stored whole, as an object; files written before spans were used
// hold only objects, and read as they were.

// encodeEvidence returns the evidence column for one article's view of a
// fact.
func encodeEvidence(articleID, text string, evs []diplograph.Evidence) (string, error) {
	b := make([]byte, 0, 16*len(evs)+2)
	b = append(b, '[')
	for i, e := range evs {
		if i > 0 {
			b = append(b, ',')
		}
		if isSpanOf(text, e) {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(e.Start), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(e.End), 10)
			if e.Article != articleID {
				a, err := json.Marshal(e.Article)
				if err != nil {
					return "", err
				}
				b = append(b, ',')
				b = append(b, a...)
			}
			b = append(b, ']')
			continue
		}
		o, err := json.Marshal(e)
		if err != nil {
			return "", err
		}
		b = append(b, o...)
	}
	b = append(b, ']')
	return string(b), nil
}

// isSpanOf reports whether e is exactly the sentence its offsets name in
// the article's text, so that the offsets alone give it back.
func isSpanOf(text string, e diplograph.Evidence) bool {
	return e.Start >= 0 && e.Start <= e.End && e.End <= len(text) &&
		text[e.Start:e.End] == e.Sentence
}

// decodeEvidence reads an evidence column back, cutting spans from the
// article's text; either form may be given, as encodeEvidence documents.
// text may be a buffer the caller reuses: the sentences are copies.
func decodeEvidence(articleID string, text []byte, col []byte) ([]diplograph.Evidence, error) {
	var raw []json.RawMessage
	if err := json.Unmarshal(col, &raw); err != nil {
		return nil, err
	}
	evs := make([]diplograph.Evidence, len(raw))
	for i, r := range raw {
		r = bytes.TrimSpace(r)
		if len(r) == 0 || r[0] != '[' {
			if err := json.Unmarshal(r, &evs[i]); err != nil {
				return nil, err
			}
			continue
		}
		var span []json.RawMessage
		if err := json.Unmarshal(r, &span); err != nil {
			return nil, err
		}
		var start, end int
		article := articleID
		if len(span) < 2 || len(span) > 3 {
			return nil, fmt.Errorf("evidence span %s: want [start, end] or [start, end, article]", r)
		}
		if err := json.Unmarshal(span[0], &start); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(span[1], &end); err != nil {
			return nil, err
		}
		if len(span) == 3 {
			if err := json.Unmarshal(span[2], &article); err != nil {
				return nil, err
			}
		}
		if start < 0 || start > end || end > len(text) {
			return nil, fmt.Errorf("evidence span [%d, %d] outside the article's %d bytes", start, end, len(text))
		}
		evs[i] = diplograph.Evidence{Article: article, Sentence: string(text[start:end]), Start: start, End: end}
	}
	return evs, nil
}
