package extract

import (
	"testing"

	"github.com/diplograph/diplograph"
)

// mentionsOf returns the article's mentions as "text" → type, and the
// entity id of each text.
func mentionsOf(t *testing.T, text string) (map[string]diplograph.EntityType, map[string]string) {
	t.Helper()
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	ms, err := x.Mentions(&diplograph.Article{ID: "t", Published: "2024-03-01", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]diplograph.EntityType{}
	ids := map[string]string{}
	for _, m := range ms {
		if m.Demonym {
			continue
		}
		types[m.Text] = m.Type
		ids[m.Text] = m.Entity
	}
	return types, ids
}

// TestRecognitionByCue checks each recognition mechanism on sentences of
// our own: what it must find, with its type, and what it must leave alone.
func TestRecognitionByCue(t *testing.T) {
	const (
		per = diplograph.Person
		loc = diplograph.Place
		org = diplograph.Organization
		cty = diplograph.Country
	)
	tests := []struct {
		name string
		text string
		want map[string]diplograph.EntityType
		none []string // texts that must not be mentions
		same [][2]string
	}{
		{
			name: "first name",
			text: "The talks were chaired by Karel Novotny and Jose Antunes Ferreira.",
			want: map[string]diplograph.EntityType{"Karel Novotny": per, "Jose Antunes Ferreira": per},
		},
		{
			name: "first name inside an institution",
			text: "The plane landed at Ben Gurion International Airport and at George Brown University.",
			none: []string{"Ben Gurion", "Ben Gurion International Airport", "George Brown"},
		},
		{
			name: "byline above the dateline",
			text: "Ministers meet on fisheries\nVesna Kordic\nZAGREB 2024-03-01\nThe ministers met on Friday.",
			want: map[string]diplograph.EntityType{"Vesna Kordic": per},
		},
		{
			name: "title-case headline is no byline",
			text: "Talks Collapse\nZAGREB 2024-03-01\nThe ministers met on Friday.",
			none: []string{"Talks Collapse"},
		},
		{
			name: "born and age",
			text: "Her mother was born Agata Lindqvist in Riga. Tarik Osmanagic, 52, was detained.",
			want: map[string]diplograph.EntityType{"Agata Lindqvist": per, "Tarik Osmanagic": per},
		},
		{
			name: "apposition with country of origin",
			text: "The candidates are Oskars Berzins of Latvia, its foreign minister, and Edvin Morava of Albania, the former U.N. special envoy for Sudan.",
			want: map[string]diplograph.EntityType{"Oskars Berzins": per, "Edvin Morava": per, "Latvia": cty},
		},
		{
			name: "new titles and surname reuse",
			text: "Roman Catholic Bishop Anselm Korver arrived on Friday. But Korver said little, and activist Teodor Vaz Lobo spoke. Vaz Lobo later left.",
			want: map[string]diplograph.EntityType{"Anselm Korver": per, "Korver": per, "Teodor Vaz Lobo": per, "Vaz Lobo": per},
			none: []string{"But Korver", "Lobo", "Roman Catholic"},
			same: [][2]string{{"Anselm Korver", "Korver"}, {"Teodor Vaz Lobo", "Vaz Lobo"}},
		},
		{
			name: "hyphenated surname and particle",
			text: "Secretary General Omar Abdel-Karim met adviser Samir el-Hadi. Abdel-Karim said the talks went well.",
			want: map[string]diplograph.EntityType{"Omar Abdel-Karim": per, "Abdel-Karim": per, "Samir el-Hadi": per},
			none: []string{"Karim"},
		},
		{
			name: "head and complement, country apart",
			text: "The UK Department of Transport said talks had ended. A spokesman for the DOT said no date was set.",
			want: map[string]diplograph.EntityType{"UK": cty, "Department of Transport": org, "DOT": org},
			none: []string{"UK Department", "UK Department of Transport"},
			same: [][2]string{{"Department of Transport", "DOT"}},
		},
		{
			name: "and inside a name, not between two",
			text: "The Fisheries and Oceans Commission met, and Nordic Airways and Baltic Airlines agreed to cooperate.",
			want: map[string]diplograph.EntityType{"Fisheries and Oceans Commission": org, "Nordic Airways": org, "Baltic Airlines": org},
			none: []string{"Nordic Airways and Baltic Airlines"},
		},
		{
			name: "head word and initials refer back",
			text: "Nordic Airways and the Arctic Fisheries Commission signed a deal. The Commission said NA would comply.",
			want: map[string]diplograph.EntityType{"Commission": org, "NA": org},
			same: [][2]string{{"Arctic Fisheries Commission", "Commission"}, {"Nordic Airways", "NA"}},
		},
		{
			name: "abbreviation defined in the text",
			text: "The conservative Radical Farmers (RFP) walked out. The RFP said it would return.",
			want: map[string]diplograph.EntityType{"Radical Farmers": org, "RFP": org},
			same: [][2]string{{"Radical Farmers", "RFP"}},
		},
		{
			name: "company suffix keeps its period",
			text: "Its parent, Brakstone Corp., said it would appeal.",
			want: map[string]diplograph.EntityType{"Brakstone Corp.": org},
		},
		{
			name: "news outlet",
			text: "The envoy told the daily Vecernji Glasnik that he was hopeful, and the Kurir newspaper agreed.",
			want: map[string]diplograph.EntityType{"Vecernji Glasnik": org, "Kurir": org},
		},
		{
			name: "place by noun, then alone",
			text: "A berth was built at Xunhe port in Lianzhou city, in the province of Qarabel. Lianzhou has grown since. Delegates met at Oskarby Nord airport and declared a Republic of Westland.",
			want: map[string]diplograph.EntityType{"Xunhe": loc, "Lianzhou": loc, "Qarabel": loc, "Oskarby Nord": loc, "Republic of Westland": loc},
			same: [][2]string{{"Lianzhou", "Lianzhou"}},
		},
		{
			name: "no place from a modifier",
			text: "The Olympic city prepared while the Presidential palace stayed shut.",
			none: []string{"Olympic", "Presidential"},
		},
		{
			name: "place by preposition",
			text: "The president spoke in Castelbrando, where the party has its seat, and later near Valmora.",
			want: map[string]diplograph.EntityType{"Castelbrando": loc, "Valmora": loc},
		},
		{
			name: "no place from words after in",
			text: "He wrote in English in May, knelt near Moslem shrines and sat in Parliament.",
			none: []string{"English", "May", "Moslem", "Parliament"},
		},
		{
			name: "no junk from sentence starts, numbers or title words",
			text: "Four Africans said they would run. The vote in the General Assembly follows. Public Service Minister Ana Lobo agreed.",
			want: map[string]diplograph.EntityType{"General Assembly": org, "Ana Lobo": per},
			none: []string{"Four Africans", "Africans", "Assembly", "Public Service"},
		},
		{
			name: "knowledge-base growth",
			text: "The convoy left Venice for Lombardy, then flew from Dallas to Kerala. Boutros Boutros-Ghali said Boutros-Ghali would stay.",
			want: map[string]diplograph.EntityType{"Venice": loc, "Lombardy": loc, "Dallas": loc, "Kerala": loc, "Boutros Boutros-Ghali": per, "Boutros-Ghali": per},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			types, ids := mentionsOf(t, tt.text)
			for text, typ := range tt.want {
				if got, ok := types[text]; !ok || got != typ {
					t.Errorf("%q: got %q (found %v), want %s; all: %v", text, got, ok, typ, types)
				}
			}
			for _, text := range tt.none {
				if got, ok := types[text]; ok {
					t.Errorf("%q is a %s mention; want none", text, got)
				}
			}
			for _, p := range tt.same {
				if ids[p[0]] == "" || ids[p[0]] != ids[p[1]] {
					t.Errorf("%q (%s) and %q (%s) should name the same entity", p[0], ids[p[0]], p[1], ids[p[1]])
				}
			}
		})
	}
}

// TestFullNameWinsOverEarlierSurname checks that a person the headline
// calls by surname is still named in full.
func TestFullNameWinsOverEarlierSurname(t *testing.T) {
	x := extractText(t, "2024-03-01", "Korver leaves for Oslo\nRoman Catholic Bishop Anselm Korver left on Friday.")
	for _, e := range x.Entities {
		if e.Type == diplograph.Person {
			if e.Name != "Anselm Korver" {
				t.Errorf("person named %q, want Anselm Korver", e.Name)
			}
			if len(e.Evidence) != 2 {
				t.Errorf("%d evidence sentences, want 2", len(e.Evidence))
			}
		}
	}
}
