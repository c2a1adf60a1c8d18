package gqlmodel

import (
	"bytes"
	"testing"

	"github.com/diplograph/diplograph"
)

func TestDate(t *testing.T) {
	marshal := []struct{ in, want string }{
		{"2025-02-07", `"2025-02-07"`},
		{"", "null"},
	}
	for _, tt := range marshal {
		var b bytes.Buffer
		MarshalDate(tt.in).MarshalGQL(&b)
		if b.String() != tt.want {
			t.Errorf("MarshalDate(%q) = %s, want %s", tt.in, b.String(), tt.want)
		}
	}
	unmarshal := []struct {
		in any
		ok bool
	}{
		{"2025-02-07", true},
		{"2024-02-29", true},
		{"2025-02-29", false},
		{"2025-2-7", false},
		{"2025-02", false},
		{"2025-02-07T00:00:00Z", false},
		{20250207, false},
	}
	for _, tt := range unmarshal {
		got, err := UnmarshalDate(tt.in)
		if tt.ok && (err != nil || got != tt.in) {
			t.Errorf("UnmarshalDate(%v) = %q, %v; want it back", tt.in, got, err)
		}
		if !tt.ok && diplograph.ErrorCode(err) != diplograph.EINVALID {
			t.Errorf("UnmarshalDate(%v) error = %v, want an EINVALID error", tt.in, err)
		}
	}
}

func TestNewEntity(t *testing.T) {
	tests := []struct {
		typ  diplograph.EntityType
		want string
	}{
		{diplograph.Person, "*gqlmodel.Person"},
		{diplograph.Country, "*gqlmodel.Country"},
		{diplograph.Territory, "*gqlmodel.Territory"},
		{diplograph.Place, "*gqlmodel.Place"},
		{diplograph.Organization, "*gqlmodel.Organization"},
		{diplograph.Treaty, "*gqlmodel.Treaty"},
		{diplograph.Topic, "*gqlmodel.Topic"},
		{"MYSTERY", "*gqlmodel.Topic"},
	}
	for _, tt := range tests {
		e := NewEntity(diplograph.Entity{ID: "x", Type: tt.typ, Name: "X"})
		if got := typeName(e); got != tt.want {
			t.Errorf("NewEntity(%s) is a %s, want %s", tt.typ, got, tt.want)
		}
		f := e.Base()
		if f.ID != "x" || f.Kind != nil || f.Aliases == nil || f.Properties == nil {
			t.Errorf("NewEntity(%s) fields = %+v, want id x, no kind, empty lists", tt.typ, f)
		}
		if !f.Type.Valid() {
			t.Errorf("NewEntity(%s) has type %q, which GraphQL cannot show", tt.typ, f.Type)
		}
	}
}

func typeName(v any) string {
	switch v.(type) {
	case *Person:
		return "*gqlmodel.Person"
	case *Country:
		return "*gqlmodel.Country"
	case *Territory:
		return "*gqlmodel.Territory"
	case *Place:
		return "*gqlmodel.Place"
	case *Organization:
		return "*gqlmodel.Organization"
	case *Treaty:
		return "*gqlmodel.Treaty"
	case *Topic:
		return "*gqlmodel.Topic"
	}
	return "?"
}

func TestProperties(t *testing.T) {
	got := Properties(map[string]string{"until": "2026", "office": "Prime Minister", "since": "2024"})
	want := []Property{{"office", "Prime Minister"}, {"since", "2024"}, {"until", "2026"}}
	if len(got) != len(want) {
		t.Fatalf("Properties = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Properties = %v, want %v (sorted by key)", got, want)
		}
	}
	if p := Properties(nil); p == nil || len(p) != 0 {
		t.Errorf("Properties(nil) = %#v, want an empty list", p)
	}
}

func TestCommentDefaults(t *testing.T) {
	c := NewComment("a-1", diplograph.Comment{Index: 3, Author: "kenji"})
	if c.ID() != "a-1/comments/3" || c.Stance != diplograph.StanceNeutral {
		t.Errorf("comment id %q stance %q, want a-1/comments/3 NEUTRAL", c.ID(), c.Stance)
	}
}
