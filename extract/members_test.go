package extract

import (
	"slices"
	"testing"

	"github.com/diplograph/diplograph"
)

// TestMemberOf checks the memberships a sentence states, and those it
// only seems to.
func TestMemberOf(t *testing.T) {
	const (
		nato, asean, eu                      = "Q7184", "Q7768", "Q458"
		estonia, latvia, vietnam, laos, peru = "Q191", "Q211", "Q881", "Q819", "Q419"
	)
	tests := []struct {
		text string
		want []string // "country org since"
	}{
		{"NATO member Estonia protested on Monday.", []string{estonia + " " + nato + " "}},
		{"NATO members Estonia and Latvia protested.", []string{estonia + " " + nato + " ", latvia + " " + nato + " "}},
		{"Two ASEAN members, Vietnam and Laos, objected.", []string{vietnam + " " + asean + " ", laos + " " + asean + " "}},
		{"EU member states such as Estonia and Latvia objected.", []string{estonia + " " + eu + " ", latvia + " " + eu + " "}},
		{"Estonia, a NATO member, protested.", []string{estonia + " " + nato + " "}},
		{"Vietnam and Laos, both ASEAN members, objected.", []string{laos + " " + asean + " ", vietnam + " " + asean + " "}},
		{"Vietnam is a founding member of ASEAN.", []string{vietnam + " " + asean + " "}},
		{"Latvia joined NATO in March 2004.", []string{latvia + " " + nato + " 2004-03"}},
		// No membership stated.
		{"Peru is not a member of NATO.", nil},
		{"Peru, a former NATO member, protested.", nil},
		{"Peru wants to become a NATO member.", nil},
		{"Peru hopes to join NATO next year.", nil},
		{"The NATO member, Estonia said, was ready.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, r := range extractText(t, "2025-02-04", tt.text).Relations {
				if r.Type == diplograph.MemberOf {
					got = append(got, r.Subject+" "+r.Object+" "+r.Properties["since"])
				}
			}
			slices.Sort(got)
			slices.Sort(tt.want)
			if !slices.Equal(got, tt.want) {
				t.Errorf("MEMBER_OF %q, want %q", got, tt.want)
			}
		})
	}
}
