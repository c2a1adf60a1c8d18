package extract

import (
	"slices"
	"strings"
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
			// A role with no office names a person only in an apposition.
			name: "apposition with a role",
			text: "Newt Gingrich met Wang Daohan, a top Chinese official on relations with Taiwan. The official MENA news agency reported it.",
			want: map[string]diplograph.EntityType{"Wang Daohan": per},
			none: []string{"MENA"},
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
			name: "predecessor and successor",
			text: "She praised her predecessor, Agata Lindqvist. Tarik Osmanagic's successor Edvin Morava spoke. The Predecessor Group said so.",
			want: map[string]diplograph.EntityType{"Agata Lindqvist": per, "Edvin Morava": per},
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

// TestCollectiveActors checks the actors named by a group rather than a
// name: a nationality word with the people who act for the state or for a
// group of their own, a plural nationality noun, a government named after
// its leader. Sentences are our own.
func TestCollectiveActors(t *testing.T) {
	tests := []struct {
		name string
		text string
		typ  diplograph.EventType
		// actor is the name of the entity that must take part, kind and
		// country its kind and "country" property when it is a group.
		actor, kind, country string
		// not must take part in no event.
		not string
	}{
		{name: "state sector", text: "Latvian officers ended their mediation between the two militias.",
			typ: diplograph.Sanction, actor: "Latvia"},
		{name: "branch of the state between", text: "Estonian border guards accused Russia of an incursion.",
			typ: diplograph.Accusation, actor: "Estonia"},
		{name: "portfolio in the plural", text: "Latvian and Estonian foreign ministers met in Riga on Monday.",
			typ: diplograph.Meeting, actor: "Estonia"},
		{name: "a title is the person's", text: "Janis Ozols, the Latvian foreign minister, praised Estonia.",
			typ: diplograph.Statement, actor: "Janis Ozols", not: "Latvia"},
		{name: "lawmakers", text: "Moldovan lawmakers signed an agreement with Romania on Tuesday.",
			typ: diplograph.Agreement, actor: "Moldova"},
		{name: "armed group", text: "Malian rebels demanded the release of their leaders.",
			typ: diplograph.Demand, actor: "Malian rebels", kind: "ARMED_GROUP", country: "Mali", not: "Mali"},
		{name: "group noun as modifier", text: "Chadian rebel leaders said they would meet the African Union mediator.",
			typ: diplograph.Meeting, actor: "Chadian rebels", kind: "ARMED_GROUP", country: "Chad"},
		{name: "civil group", text: "Angry Belgian farmers threatened to block the roads to Brussels.",
			typ: diplograph.Threat, actor: "Belgian farmers", kind: "GROUP", country: "Belgium"},
		{name: "opposition", text: "The Togolese opposition rejected the proposal of the government.",
			typ: diplograph.Rejection, actor: "Togolese opposition", kind: "OPPOSITION", country: "Togo"},
		{name: "plural nationality noun", text: "The Moldovans rejected the proposal.",
			typ: diplograph.Rejection, actor: "Moldova"},
		{name: "two peoples", text: "Armenians and Azerbaijanis failed to reach agreement on the corridor.",
			typ: diplograph.Rejection, actor: "Azerbaijan"},
		{name: "ethnic group", text: "Ethnic Hungarians have vowed to fight for autonomy.",
			typ: diplograph.Threat, actor: "ethnic Hungarians", kind: "ETHNIC_GROUP", not: "Hungary"},
		{name: "leader's government", text: "The Obama administration demanded that Cuba release the contractor.",
			typ: diplograph.Demand, actor: "United States"},
		{name: "organization by its head noun", text: "The Narodna opposition coalition rejected the offer of the government.",
			typ: diplograph.Rejection, actor: "Narodna opposition coalition", kind: "PARTY"},
		{name: "a gloss in brackets", text: "Leaders of the Slobodna (Free) movement agreed to postpone the march.",
			typ: diplograph.Agreement, actor: "Slobodna (Free) movement", kind: "PARTY"},
		{name: "a qualifier is no name", text: "A Western coalition rejected the ceasefire.",
			typ: diplograph.Rejection, not: "Western coalition"},
		{name: "a known name with its head noun", text: "The Hamas movement rejected the ceasefire.",
			typ: diplograph.Rejection, actor: "Hamas", not: "Hamas movement"},
		{name: "historical organization", text: "The European Economic Community agreed on Monday to send aid to Albania.",
			typ: diplograph.Agreement, actor: "European Community"},
		{name: "ethnic group by name", text: "Druze elders threatened to strike unless the council rescinded the law.",
			typ: diplograph.Threat, actor: "Druze"},
		{name: "ethnic group's group", text: "Kurdish rebels rejected the ceasefire.",
			typ: diplograph.Rejection, actor: "Kurdish rebels", kind: "ARMED_GROUP"},
		{name: "stance, not nationality", text: "Pro-Russian separatists rejected the ceasefire.",
			typ: diplograph.Rejection, not: "Russia"},
		{name: "one rebel is a person", text: "A Malian rebel rejected the ceasefire.",
			typ: diplograph.Rejection, not: "Malian rebels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractText(t, "2024-03-01", tt.text)
			byID := entityIDs(x)
			names := map[string]bool{}
			for _, ev := range x.Events {
				for _, p := range ev.Participants {
					names[byID[p.Entity].Name] = true
				}
			}
			if tt.actor != "" {
				e := findEvent(x, tt.typ)
				if e == nil {
					t.Fatalf("no %s event in %+v", tt.typ, x.Events)
				}
				var got *diplograph.Entity
				for _, p := range e.Participants {
					if en := byID[p.Entity]; en.Name == tt.actor {
						got = &en
					}
				}
				if got == nil {
					t.Fatalf("%q takes no part in %+v", tt.actor, e.Participants)
				}
				if tt.kind != "" && (got.Kind != tt.kind || got.Type != diplograph.Organization) {
					t.Errorf("%q is a %s of kind %q, want an organization of kind %q", tt.actor, got.Type, got.Kind, tt.kind)
				}
				if tt.country != "" {
					xt, _ := testExtractor()
					if r, ok := xt.kb.Get(got.Properties["country"]); !ok || r.Name != tt.country {
						t.Errorf("%q belongs to %q, want %s", tt.actor, got.Properties["country"], tt.country)
					}
				}
			}
			if tt.not != "" && names[tt.not] {
				t.Errorf("%q takes part in an event: %+v", tt.not, x.Events)
			}
		})
	}
}

// TestGenericBodyNamedBefore checks that "its coast guard" is the coast
// guard the article named in full before, even when the knowledge base
// knows that full name, and a coast guard of another country is not.
func TestGenericBodyNamedBefore(t *testing.T) {
	tests := []struct {
		text string
		want []string // names of the coast guards
	}{
		{"The Philippine Coast Guard said two ships blocked the boat. He said an attack on Philippine vessels, including those of its coast guard, would be answered.",
			[]string{"Philippine Coast Guard"}},
		{"The China Coast Guard said two ships blocked the boat. He said an attack on Philippine vessels, including those of its coast guard, would be answered.",
			[]string{"China Coast Guard", "Philippines Coast Guard"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, e := range extractText(t, "2023-06-14", tt.text).Entities {
				if strings.HasSuffix(e.Name, "Coast Guard") {
					got = append(got, e.Name)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("coast guards %q, want %q", got, tt.want)
			}
		})
	}
}
