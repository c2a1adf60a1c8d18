// Package cursor holds the opaque pagination cursors every store backend
// hands out, so that a cursor means the same on each of them and a client
// can page through either with the same strings.
package cursor

import (
	"encoding/base64"
	"encoding/json"

	"github.com/diplograph/diplograph"
)

// Cursor is what an opaque cursor string holds: the list it belongs to and
// either an offset into it or, for events, the sort key of the last item
// seen (keyset pagination, so pages stay right while events are added).
type Cursor struct {
	List    string `json:"l"`
	Offset  int    `json:"o,omitempty"`
	Undated bool   `json:"u,omitempty"`
	Start   string `json:"s,omitempty"`
	ID      string `json:"i,omitempty"`
}

// The lists that have cursors.
const (
	Articles  = "articles"
	Entities  = "entities"
	Relations = "relations"
	Events    = "events"
)

// String encodes the cursor.
func (c Cursor) String() string {
	b, _ := json.Marshal(c) // a struct of strings, ints and a bool always encodes
	return base64.RawURLEncoding.EncodeToString(b)
}

// Decode reads the cursor s of list; "" is the start of the list. A
// cursor not made for list is an EINVALID error.
func Decode(list, s string) (Cursor, error) {
	if s == "" {
		return Cursor{List: list}, nil
	}
	bad := diplograph.Errorf(diplograph.EINVALID, "invalid cursor %q", s)
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return Cursor{}, bad
	}
	var c Cursor
	if err := json.Unmarshal(b, &c); err != nil || c.List != list || c.Offset < 0 {
		return Cursor{}, bad
	}
	if list == Events && c.ID == "" {
		return Cursor{}, bad
	}
	return c, nil
}

// OffsetPage makes a connection of one page fetched at offset with one
// item more than the limit, which says whether another page follows.
func OffsetPage[T any](list string, offset, limit, total int, items []T, after string) diplograph.Connection[T] {
	conn := diplograph.Connection[T]{TotalCount: total, HasPreviousPage: after != ""}
	if len(items) > limit {
		items, conn.HasNextPage = items[:limit], true
	}
	conn.Edges = make([]diplograph.Edge[T], len(items))
	for i, it := range items {
		conn.Edges[i] = diplograph.Edge[T]{Cursor: Cursor{List: list, Offset: offset + i + 1}.String(), Node: it}
	}
	return conn
}
