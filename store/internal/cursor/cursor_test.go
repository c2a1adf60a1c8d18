package cursor

import (
	"testing"

	"github.com/diplograph/diplograph"
)

func TestRoundTrip(t *testing.T) {
	c := Cursor{List: Events, Start: "2025-02-07", ID: "event:x"}
	got, err := Decode(Events, c.String())
	if err != nil || got != c {
		t.Fatalf("Decode = %+v, %v", got, err)
	}
}

func TestDecodeRejects(t *testing.T) {
	for _, tt := range []struct{ list, s string }{
		{Events, "!!"},
		{Events, Cursor{List: Entities, Offset: 3}.String()},
		{Events, Cursor{List: Events}.String()},
		{Entities, Cursor{List: Entities, Offset: -1}.String()},
	} {
		if _, err := Decode(tt.list, tt.s); diplograph.ErrorCode(err) != diplograph.EINVALID {
			t.Errorf("Decode(%s, %q) = %v, want EINVALID", tt.list, tt.s, err)
		}
	}
}

func TestOffsetPage(t *testing.T) {
	conn := OffsetPage(Entities, 2, 2, 10, []int{1, 2, 3}, "x")
	if len(conn.Edges) != 2 || !conn.HasNextPage || !conn.HasPreviousPage || conn.TotalCount != 10 {
		t.Fatalf("%+v", conn)
	}
	c, err := Decode(Entities, conn.Edges[1].Cursor)
	if err != nil || c.Offset != 4 {
		t.Errorf("last cursor %+v %v", c, err)
	}
}
