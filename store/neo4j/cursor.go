package neo4j

import (
	"encoding/base64"
	"encoding/json"

	"github.com/diplograph/diplograph"
)

// cursor is what an opaque cursor holds: the list it belongs to and either
// an offset into it or, for events, the sort key of the last event seen
// (keyset pagination, so that a page stays right while events are added).
type cursor struct {
	List    string `json:"l"`
	Offset  int    `json:"o,omitempty"`
	Undated bool   `json:"u,omitempty"`
	Start   string `json:"s,omitempty"`
	ID      string `json:"i,omitempty"`
}

// The lists that have cursors.
const (
	listArticles  = "articles"
	listEntities  = "entities"
	listRelations = "relations"
	listEvents    = "events"
)

func (c cursor) String() string {
	b, _ := json.Marshal(c) // strings, ints and a bool always encode
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads the cursor s of list; "" is the start of the list.
// Anything this package did not make for list is EINVALID.
func decodeCursor(list, s string) (cursor, error) {
	if s == "" {
		return cursor{List: list}, nil
	}
	bad := diplograph.Errorf(diplograph.EINVALID, "invalid cursor %q", s)
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, bad
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || c.List != list || c.Offset < 0 {
		return cursor{}, bad
	}
	if list == listEvents && c.ID == "" {
		return cursor{}, bad
	}
	return c, nil
}

// offsetPage makes a connection from one page of items fetched at offset,
// with at most one item more than limit, which says whether a page follows.
func offsetPage[T any](list string, offset, limit, total int, items []T, after string) diplograph.Connection[T] {
	conn := diplograph.Connection[T]{TotalCount: total, HasPreviousPage: after != ""}
	if len(items) > limit {
		items, conn.HasNextPage = items[:limit], true
	}
	conn.Edges = make([]diplograph.Edge[T], len(items))
	for i, it := range items {
		conn.Edges[i] = diplograph.Edge[T]{Cursor: cursor{List: list, Offset: offset + i + 1}.String(), Node: it}
	}
	return conn
}
