package token

import (
	"reflect"
	"strings"
	"testing"
)

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"U.S. President Donald Trump", []string{"U.S.", "President", "Donald", "Trump"}},
		{"Ishiba's U.S. trip", []string{"Ishiba", "'s", "U.S.", "trip"}},
		{"China’s aggression", []string{"China", "’s", "aggression"}},
		{"the Japan-U.S. alliance", []string{"the", "Japan", "-", "U.S.", "alliance"}},
		{"Ren'ai Reef and O'Brien", []string{"Ren'ai", "Reef", "and", "O'Brien"}},
		{"a three-day visit", []string{"a", "three", "-", "day", "visit"}},
		{"``No,'' he said", []string{"``", "No", ",", "''", "he", "said"}},
		{"2,000 troops on Feb. 7, 2025", []string{"2,000", "troops", "on", "Feb", ".", "7", ",", "2025"}},
		{`"We need," he said.`, []string{`"`, "We", "need", ",", `"`, "he", "said", "."}},
		{"Washington, D.C.", []string{"Washington", ",", "D.C."}},
		{"the 7th", []string{"the", "7th"}},
		{"leaders' summit", []string{"leaders", "'", "summit"}},
	}
	for _, tt := range tests {
		if got := texts(Tokenize(tt.in, 0)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenOffsets(t *testing.T) {
	in := "Tokyo’s “free and open” Indo-Pacific"
	for _, tok := range Tokenize(in, 10) {
		if in[tok.Start-10:tok.End-10] != tok.Text {
			t.Errorf("token %q at %d:%d does not match text", tok.Text, tok.Start, tok.End)
		}
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbrev and initials", "Mr. Trump met Donald J. Trump Jr. in Washington. They talked.",
			[]string{"Mr. Trump met Donald J. Trump Jr. in Washington.", "They talked."}},
		{"initialism mid sentence", "The U.S. President arrived. He spoke.",
			[]string{"The U.S. President arrived.", "He spoke."}},
		{"wire quotes", "Ukraine's gas debts. ``We have covered them,'' Yeltsin said. ``I must say.'' But he gave no details.",
			[]string{"Ukraine's gas debts.", "``We have covered them,'' Yeltsin said.", "``I must say.''", "But he gave no details."}},
		{"initialism before an office", "They talked about the visit of U.S. Commerce Secretary William Daley in September.",
			[]string{"They talked about the visit of U.S. Commerce Secretary William Daley in September."}},
		{"initialism ends sentence", "Exports to the U.S. Japan also said so.",
			[]string{"Exports to the U.S.", "Japan also said so."}},
		{"quote closes", `"We need peace." Ishiba said. Then?`,
			[]string{`"We need peace."`, "Ishiba said.", "Then?"}},
		{"lines always split", "First line without period\nSecond line.",
			[]string{"First line without period", "Second line."}},
		{"month abbreviation", "It happened on Feb. 7 in Tokyo. Then more.",
			[]string{"It happened on Feb. 7 in Tokyo.", "Then more."}},
		{"Ma. for Maria", "Foreign Secretary Ma. Theresa Lazaro spoke. Then Ma. Li left.",
			[]string{"Foreign Secretary Ma. Theresa Lazaro spoke.", "Then Ma.", "Li left."}},
		{"lower case after period", "He said 3.5 percent. no split here.",
			[]string{"He said 3.5 percent. no split here."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Split(tt.in) {
				got = append(got, s.Text)
				if tt.in[s.Start:s.End] != s.Text {
					t.Errorf("sentence offsets %d:%d do not match", s.Start, s.End)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split = %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("Mr. Trump met U.S. officials on Feb. 7. They talked.\n\"Yes,\" he said.")
	f.Add("Ren'ai Reef’s water-cannon 2,000 D.C.")
	f.Add("WARSAW — İstanbul's ÉLYSÉE and Ünal met O’Brien in KİEV.")
	f.Add(".0!0a0߃!\xdf") // a non-ASCII digit once stalled the tokenizer
	f.Fuzz(func(t *testing.T, in string) {
		prev := 0
		for _, s := range Split(in) {
			if s.Start < prev || s.End > len(in) || s.Start >= s.End {
				t.Fatalf("bad sentence span %d:%d after %d", s.Start, s.End, prev)
			}
			for _, tok := range s.Tokens {
				if tok.Start < s.Start || tok.End > s.End || in[tok.Start:tok.End] != tok.Text {
					t.Fatalf("bad token %q %d:%d", tok.Text, tok.Start, tok.End)
				}
				if tok.Lower != strings.ToLower(tok.Text) {
					t.Fatalf("token %q lowered to %q", tok.Text, tok.Lower)
				}
			}
			prev = s.End
		}
	})
}
