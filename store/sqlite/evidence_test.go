package sqlite

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
)

func TestEvidenceColumn(t *testing.T) {
	const text = "Tokyo hosted the talks. Café owners in Hà Nội watched them."
	span := func(sentence string) diplograph.Evidence {
		i := strings.Index(text, sentence)
		return diplograph.Evidence{Article: "a1", Sentence: sentence, Start: i, End: i + len(sentence)}
	}
	tests := []struct {
		name  string
		evs   []diplograph.Evidence
		want  string // the column, "" to check only the round trip
		whole int    // how many elements are stored as objects
	}{
		{name: "none", evs: []diplograph.Evidence{}, want: `[]`},
		{name: "one span", evs: []diplograph.Evidence{span("Tokyo hosted the talks.")}, want: `[[0,23]]`},
		{name: "multibyte text", evs: []diplograph.Evidence{span("Tokyo hosted the talks."), span("Café owners in Hà Nội watched them.")}},
		{name: "sentence not its span", evs: []diplograph.Evidence{{Article: "a1", Sentence: "Tokyo hosted talks.", Start: 0, End: 23}}, whole: 1},
		{name: "another article", evs: []diplograph.Evidence{{Article: "a2", Sentence: "Tokyo hosted the talks.", Start: 0, End: 23}}, want: `[[0,23,"a2"]]`},
		{name: "no article", evs: []diplograph.Evidence{{Sentence: "Tokyo hosted the talks.", Start: 0, End: 23}}, want: `[[0,23,""]]`},
		{name: "offsets past the text", evs: []diplograph.Evidence{{Article: "a1", Sentence: "x", Start: 500, End: 501}}, whole: 1},
		{name: "negative offsets", evs: []diplograph.Evidence{{Article: "a1", Sentence: "", Start: -1, End: -1}}, whole: 1},
		{name: "mixed", evs: []diplograph.Evidence{span("Tokyo hosted the talks."), {Article: "a1", Sentence: "paraphrase", Start: 3, End: 9}}, whole: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			col, err := encodeEvidence("a1", text, tt.evs)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != "" && col != tt.want {
				t.Errorf("encodeEvidence = %s, want %s", col, tt.want)
			}
			if got := strings.Count(col, "{"); got != tt.whole {
				t.Errorf("encodeEvidence = %s: %d elements stored whole, want %d", col, got, tt.whole)
			}
			got, err := decodeEvidence("a1", []byte(text), []byte(col))
			if err != nil {
				t.Fatalf("decodeEvidence(%s): %v", col, err)
			}
			if !reflect.DeepEqual(got, tt.evs) {
				t.Errorf("round trip of %s:\ngot  %+v\nwant %+v", col, got, tt.evs)
			}
		})
	}
}

// Files written before spans hold whole objects; a damaged column is an
// error, not a panic or a wrong sentence.
func TestDecodeEvidence(t *testing.T) {
	const text = "Talks began."
	tests := []struct {
		col     string
		want    []diplograph.Evidence
		wantErr bool
	}{
		{col: `[{"article":"a9","sentence":"Talks began.","start":0,"end":12}]`, want: []diplograph.Evidence{{Article: "a9", Sentence: "Talks began.", Start: 0, End: 12}}},
		{col: `[ [0, 5] ]`, want: []diplograph.Evidence{{Article: "a1", Sentence: "Talks", Start: 0, End: 5}}},
		{col: `[[6,12,"a9"]]`, want: []diplograph.Evidence{{Article: "a9", Sentence: "began.", Start: 6, End: 12}}},
		{col: `[[0,13]]`, wantErr: true},
		{col: `[[0]]`, wantErr: true},
		{col: `[[0,1,"a",2]]`, wantErr: true},
		{col: `[[0,1,2]]`, wantErr: true},
		{col: `[[6,5]]`, wantErr: true},
		{col: `[[-1,5]]`, wantErr: true},
		{col: `[["a",5]]`, wantErr: true},
		{col: `[[1,2`, wantErr: true},
		{col: `{}`, wantErr: true},
	}
	for _, tt := range tests {
		got, err := decodeEvidence("a1", []byte(text), []byte(tt.col))
		if (err != nil) != tt.wantErr {
			t.Errorf("decodeEvidence(%s) error = %v, want error %v", tt.col, err, tt.wantErr)
			continue
		}
		if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("decodeEvidence(%s) = %+v, want %+v", tt.col, got, tt.want)
		}
	}
}

// FuzzEvidence checks that any evidence comes back as it was saved, and
// that decoding any column neither panics nor cuts outside the text.
func FuzzEvidence(f *testing.F) {
	f.Add("Tokyo hosted the talks.", "Tokyo", 0, 5, "a1")
	f.Add("Hà Nội", "à", 1, 3, "a1")
	f.Add("x", "y", 0, 1, "")
	f.Fuzz(func(t *testing.T, text, sentence string, start, end int, article string) {
		evs := []diplograph.Evidence{{Article: article, Sentence: sentence, Start: start, End: end}}
		col, err := encodeEvidence("a1", text, evs)
		if err != nil {
			t.Skip() // not valid for JSON at all
		}
		got, err := decodeEvidence("a1", []byte(text), []byte(col))
		if err != nil {
			t.Fatalf("decodeEvidence(%s): %v", col, err)
		}
		// JSON turns invalid UTF-8 into U+FFFD in objects; spans keep bytes.
		valid := func(s string) string {
			b, _ := json.Marshal(s)
			var out string
			json.Unmarshal(b, &out)
			return out
		}
		if len(got) != 1 || got[0].Start != start || got[0].End != end || valid(got[0].Article) != valid(article) ||
			valid(got[0].Sentence) != valid(sentence) {
			t.Fatalf("round trip of %+v gave %+v", evs, got)
		}
		decodeEvidence("a1", []byte(text), []byte(sentence)) // must not panic
	})
}
