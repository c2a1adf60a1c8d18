package facts

import (
	"reflect"
	"testing"

	"github.com/diplograph/diplograph"
)

func TestUnions(t *testing.T) {
	if got := UnionStrings([]string{"b", "A", " "}, []string{"a", "B", "A"}); !reflect.DeepEqual(got, []string{"A", "a", "B", "b"}) {
		t.Errorf("UnionStrings = %q", got)
	}
	if got := UnionStrings(nil, nil); got == nil {
		t.Error("UnionStrings(nil, nil) is nil")
	}
	got := UnionParticipants(
		[]diplograph.Participant{{Entity: "Q2", Role: diplograph.RoleParticipant}, {Entity: "Q1", Role: diplograph.RoleHost}},
		[]diplograph.Participant{{Entity: "Q1", Role: diplograph.RoleHost}, {Entity: ""}})
	want := []diplograph.Participant{{Entity: "Q1", Role: diplograph.RoleHost}, {Entity: "Q2", Role: diplograph.RoleParticipant}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("UnionParticipants = %+v", got)
	}
}

func TestNames(t *testing.T) {
	e := &diplograph.Entity{Name: "Senkaku Islands", Aliases: []string{"senkaku  islands", "Diaoyu", ""}}
	if got := Names(e); !reflect.DeepEqual(got, []string{"Senkaku Islands", "Diaoyu"}) {
		t.Errorf("Names = %q", got)
	}
	if Norm("  East   China Sea ") != "east china sea" {
		t.Error("Norm")
	}
}
