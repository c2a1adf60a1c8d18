package extract

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/kb"
)

func TestCommentStance(t *testing.T) {
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	x := New(k)
	tests := []struct {
		comment string
		want    diplograph.Stance
	}{
		{"The minister is right. Talks were long overdue.", diplograph.StanceSupport},
		{"Restarting the dialogue makes sense even without a deal.", diplograph.StanceSupport},
		{"Relieved to see both governments standing by the accord.", diplograph.StanceSupport},
		{"Another summit that achieves nothing. Pure theater.", diplograph.StanceOppose},
		{"Good riddance. These pacts only raise tensions.", diplograph.StanceOppose},
		{"This alliance leaves the region less safe.", diplograph.StanceOppose},
		{"The visit is mostly for show.", diplograph.StanceOppose},
		// Negation flips the word it governs.
		{"This is not a bad idea at all.", diplograph.StanceSupport},
		{"I don't think it was wise.", diplograph.StanceOppose},
		{"Does anyone know when the talks resume?", diplograph.StanceNeutral},
	}
	for _, tt := range tests {
		a := &diplograph.Article{ID: "a", Published: "2025-03-01",
			Text:     "Japan and the Philippines held talks in Manila on Monday.",
			Comments: []diplograph.Comment{{Author: "r", Text: tt.comment}}}
		out, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		if got := out.Comments[0].Stance; got != tt.want {
			t.Errorf("%q: stance %s, want %s", tt.comment, got, tt.want)
		}
	}
}
