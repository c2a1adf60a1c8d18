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
		{"Latvia, NATO's newest member, protested.", []string{latvia + " " + nato + " "}},
		// "The alliance" is the treaty organization named before.
		{"NATO leaders met on Monday. Latvia joined the alliance in March 2004.", []string{latvia + " " + nato + " 2004-03"}},
		{"NATO leaders met on Monday. Peru praised the alliance between Latvia and Estonia.", nil},
		{"Laos, which became ASEAN's 8th member, objected.", []string{laos + " " + asean + " "}},
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

// TestOfficeOfMinistry checks that a ministry's official holds an office
// of the ministry's country: the one the knowledge base gives the ministry,
// else, for a ministry named without its country, the dateline's.
func TestOfficeOfMinistry(t *testing.T) {
	tests := []struct {
		text, want string // want: "country office"
	}{
		{"BUDAPEST — Hungary protested.\n\nThe talks failed, foreign ministry spokesperson Lena Varga told reporters.", "Q28 Foreign Ministry Spokesperson"},
		{"BUDAPEST — Hungary protested.\n\nForeign Ministry spokeswoman Lena Varga told reporters the talks failed.", "Q28 Foreign Ministry Spokeswoman"},
		{"The United States protested. State Department spokesperson Lena Varga said the talks failed.", "Q30 U.S. Department of State Spokesperson"},
		// Without the country among the article's entities, the body.
		{"State Department spokesperson Lena Varga said the talks failed.", "organization:u-s-department-of-state Spokesperson"},
		// A country named with the ministry wins over the dateline.
		{"BUDAPEST — Hungary protested.\n\nAustria protested too, Austrian Foreign Ministry spokesperson Lena Varga said.", "Q40 Spokesperson"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, r := range extractText(t, "2025-02-04", tt.text).Relations {
				if r.Type == diplograph.HoldsOffice && r.Subject == "person:lena-varga" {
					got = append(got, r.Object+" "+r.Properties["office"])
				}
			}
			if !slices.Equal(got, []string{tt.want}) {
				t.Errorf("HOLDS_OFFICE %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCountryAcrossOfficeWord: a word of the office between a country and
// the title ("South Korean presidential spokesperson") keeps the country.
func TestCountryAcrossOfficeWord(t *testing.T) {
	x := extractText(t, "2025-02-04", "Kenya protested, Kenyan presidential spokesperson Lena Varga said.")
	var got []string
	for _, r := range x.Relations {
		if r.Type == diplograph.HoldsOffice {
			got = append(got, r.Subject+" "+r.Object)
		}
	}
	if !slices.Equal(got, []string{"person:lena-varga Q114"}) {
		t.Errorf("HOLDS_OFFICE %q, want Lena Varga of Kenya", got)
	}
}

// TestSecondOfficeOfTheDay: of the offices a known person held on the
// article's date, the one the text names.
func TestSecondOfficeOfTheDay(t *testing.T) {
	x := extractText(t, "2025-09-03", "Australia protested. Defence Minister Richard Marles said the talks went well.")
	var got []string
	for _, r := range x.Relations {
		if r.Type == diplograph.HoldsOffice {
			got = append(got, r.Subject+" "+r.Object+" "+r.Properties["office"]+" "+r.Properties["since"])
		}
	}
	if !slices.Equal(got, []string{"person:richard-marles Q408 Defence Minister 2022-05-23"}) {
		t.Errorf("HOLDS_OFFICE %q, want Marles as Australia's Defence Minister", got)
	}
}

// TestOnePersonIsNoPair: "their meeting" with one person known so far is
// not that person's meeting, so it does not lend its date to the
// person's later talks.
func TestOnePersonIsNoPair(t *testing.T) {
	x := extractText(t, "2026-01-20", "Ministers will gather in Lima next week for their first meeting, Foreign Minister Lena Varga said. "+
		"Chinese Foreign Minister Wang Yi will hold talks with Varga in Beijing later this year.")
	found := false
	for _, e := range x.Events {
		if e.Type != diplograph.Meeting || !isParticipant(e.Participants, "person:lena-varga") {
			continue
		}
		found = true
		if e.Precision != diplograph.Year || e.Start != "2026-01-01" {
			t.Errorf("Varga's talks with Wang Yi dated %s %s (%q), want later this year", e.Start, e.Precision, e.Raw)
		}
	}
	if !found {
		t.Error("no meeting of Varga's")
	}
}

// TestHighRepresentative: the EU's foreign policy chief is titled.
func TestHighRepresentative(t *testing.T) {
	x := extractText(t, "2025-02-04", "EU High Representative Lena Varga said the talks failed.")
	var got []string
	for _, r := range x.Relations {
		if r.Type == diplograph.HoldsOffice {
			got = append(got, r.Subject+" "+r.Object+" "+r.Properties["office"])
		}
	}
	if !slices.Equal(got, []string{"person:lena-varga Q458 High Representative"}) {
		t.Errorf("HOLDS_OFFICE %q, want Varga as the EU's High Representative", got)
	}
}

// TestAppositionOffices: an apposition gives a known person's office as
// it gives an unknown one's, and what the title is "for" qualifies it.
func TestAppositionOffices(t *testing.T) {
	tests := []struct {
		text, person, want string // want: "object office"
	}{
		{"Penny Wong, Australia's foreign minister, said the talks failed.", "person:penny-wong", "Q408 Foreign Minister"},
		{"Lena Varga, Peru's foreign minister, said the talks failed.", "person:lena-varga", "Q419 Foreign Minister"},
		{"Lena Varga, a spokesperson for China's Taiwan Affairs Office, said the talks failed.", "person:lena-varga",
			"organization:taiwan-affairs-office Spokesperson"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, r := range extractText(t, "2025-02-04", tt.text).Relations {
				if r.Type == diplograph.HoldsOffice && r.Subject == tt.person {
					got = append(got, r.Object+" "+r.Properties["office"])
				}
			}
			if !slices.Equal(got, []string{tt.want}) {
				t.Errorf("HOLDS_OFFICE %q, want %q", got, tt.want)
			}
		})
	}
}

// TestClaimsOfAPairAndRelativeClauses: "both countries" as claimant or
// administrator, an administration in a relative clause, and a verb that
// shares its subject and object with the one before.
func TestClaimsOfAPairAndRelativeClauses(t *testing.T) {
	const india, pakistan, china, philippines = "Q668", "Q843", "Q148", "Q928"
	tests := []struct {
		text string
		want []string
	}{
		{"India and Pakistan met on Monday. Kashmir is a region that both countries claim in full but administer only in part.",
			[]string{"ADMINISTERS " + india + " territory:kashmir", "ADMINISTERS " + pakistan + " territory:kashmir",
				"CLAIMS " + india + " territory:kashmir", "CLAIMS " + pakistan + " territory:kashmir"}},
		{"Arunachal Pradesh, which India administers, is a state in the northeast.",
			[]string{"ADMINISTERS " + india + " territory:arunachal-pradesh"}},
		{"Chinese and Philippine vessels clashed near Scarborough Shoal, a fishing ground claimed by both countries.",
			[]string{"CLAIMS " + china + " territory:scarborough-shoal", "CLAIMS " + philippines + " territory:scarborough-shoal"}},
		// "So does": the same claim by another; "the chain" for islands.
		{"China has controlled the Paracel Islands since 1974. Vietnam claims the chain, and so does Taiwan.",
			[]string{"ADMINISTERS " + china + " territory:paracel-islands", "CLAIMS Q881 territory:paracel-islands",
				"CLAIMS Q865 territory:paracel-islands"}},
		// Three countries named as often: "both countries" is a guess.
		{"Japan, China and the Philippines protested. The shoal is claimed by both countries.", nil},
		// The serial comma ends the list of claimants.
		{"The Senkaku Islands, an archipelago claimed by China, Japan, and Taiwan, lie in the East China Sea.",
			[]string{"CLAIMS " + china + " territory:senkaku-islands", "CLAIMS Q17 territory:senkaku-islands",
				"CLAIMS Q865 territory:senkaku-islands"}},
		// A thing the text does not name is not the country before it.
		{"The former US secretary of state spoke of the future of the territory claimed by both Morocco and the Polisario Front.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, r := range extractText(t, "2025-02-04", tt.text).Relations {
				if r.Type == diplograph.Claims || r.Type == diplograph.Administers {
					got = append(got, string(r.Type)+" "+r.Subject+" "+r.Object)
				}
			}
			slices.Sort(got)
			slices.Sort(tt.want)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPartiesOfALargeTreaty: a sentence that names a treaty of many
// parties is evidence only for the parties it names; one of two or three
// parties names them all.
func TestPartiesOfALargeTreaty(t *testing.T) {
	x := extractText(t, "2025-02-04", "Sweden and Estonia protested on Monday. "+
		"Estonia invoked Article 4 of the North Atlantic Treaty. "+
		"Australia said the ANZUS Treaty was as strong as ever.")
	var got []string
	for _, r := range x.Relations {
		if r.Type == diplograph.PartyTo {
			got = append(got, r.Subject+" "+r.Object)
		}
	}
	slices.Sort(got)
	want := []string{"Q191 treaty:north-atlantic-treaty", "Q408 treaty:anzus-treaty"}
	if !slices.Equal(got, want) {
		t.Errorf("PARTY_TO %q, want %q", got, want)
	}
}

// TestStatedRelations checks relations the text states in a phrase: a
// person's party after the name, a possessive ally, and a place placed in
// its country; and phrases that only look like them.
func TestStatedRelations(t *testing.T) {
	tests := []struct {
		text string
		typ  diplograph.RelationType
		want []string // "subject-name object-name"; ALLIED_WITH's in name order
	}{
		{"Lai Ching-te of the ruling Democratic Progressive Party won the election.", diplograph.MemberOf,
			[]string{"Lai Ching-te Democratic Progressive Party"}},
		{"Lee Jae-myung, of the liberal Democratic Party of Korea, won the election.", diplograph.MemberOf,
			[]string{"Lee Jae-myung Democratic Party of Korea"}},
		{"Lee Jae-myung met officials of the Democratic Party of Korea.", diplograph.MemberOf, nil},
		{"Lee Jae-myung of the Korea Coast Guard spoke.", diplograph.MemberOf, nil},
		{"Poland borders Russia's ally Belarus.", diplograph.AlliedWith, []string{"Belarus Russia"}},
		{"Manila called Washington's closest treaty ally Japan.", diplograph.AlliedWith, []string{"Japan United States"}},
		{"The United States stood with its treaty ally, the Philippines.", diplograph.AlliedWith, nil},
		{"Russia's ally said Belarus would help.", diplograph.AlliedWith, nil},
		{"The leaders could meet in Gyeongju, South Korea, at the end of October.", diplograph.LocatedIn,
			[]string{"Gyeongju South Korea"}},
		{"The diplomats were flown to Brussels, Belgium.", diplograph.LocatedIn, []string{"Brussels Belgium"}},
		{"After talks in Beijing, China said it would respond.", diplograph.LocatedIn, nil},
		// From the knowledge base: a feature in a sea, not a region in its country.
		{"Chinese ships gathered near Scarborough Shoal in the South China Sea.", diplograph.LocatedIn,
			[]string{"Scarborough Shoal South China Sea"}},
		{"Russia held drills on islands off Hokkaido, and Japan protested.", diplograph.LocatedIn, nil},
		// From the text: a place in the sea, gulf or region named right after it.
		{"A helicopter flew near the island of Vaindloo in the Gulf of Finland on Saturday.", diplograph.LocatedIn,
			[]string{"Vaindloo Gulf of Finland"}},
		{"Talks were held in Manila in the Philippines.", diplograph.LocatedIn, nil},
		// The places a region includes lie in it.
		{"China is ramping up military activity in the Indo-Pacific region, including the Taiwan Strait and the South China Sea.", diplograph.LocatedIn,
			[]string{"Taiwan Strait Indo-Pacific", "South China Sea Indo-Pacific"}},
		// A party to a treaty the sentence says is one, not one it says is not.
		{"Japan and South Korea are signatories to the Treaty on the Non-Proliferation of Nuclear Weapons.", diplograph.PartyTo,
			[]string{"South Korea Treaty on the Non-Proliferation of Nuclear Weapons", "Japan Treaty on the Non-Proliferation of Nuclear Weapons"}},
		{"India is not a party to the Treaty on the Non-Proliferation of Nuclear Weapons.", diplograph.PartyTo, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			x := extractText(t, "2025-06-05", tt.text)
			names := entityNames(x)
			var got []string
			for _, r := range x.Relations {
				if r.Type != tt.typ {
					continue
				}
				ends := []string{names[r.Subject], names[r.Object]}
				// ALLIED_WITH keeps its ends in id order: compare them as a set.
				if tt.typ == diplograph.AlliedWith {
					slices.Sort(ends)
				}
				got = append(got, ends[0]+" "+ends[1])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s %q, want %q", tt.typ, got, tt.want)
			}
		})
	}
}

// TestPredecessorHeldTheOffice checks that "his predecessor, X" gives X the
// office of the person "his" stands for, and only when that office is
// known and single.
func TestPredecessorHeldTheOffice(t *testing.T) {
	tests := []struct {
		text string
		want []string // "person office"
	}{
		{"Lee Jae-myung was sworn in as South Korea's president on Wednesday, after the removal of his predecessor, Yoon Suk Yeol.",
			[]string{"Lee Jae-myung President", "Yoon Suk Yeol President"}},
		{"Japanese Prime Minister Kenji Morimoto praised his predecessor, Aiko Tanabe, on Monday.",
			[]string{"Aiko Tanabe Prime Minister", "Kenji Morimoto Prime Minister"}},
		{"Kenji Morimoto praised his predecessor, Aiko Tanabe.", nil},
		{"Japanese Prime Minister Kenji Morimoto said his predecessor had failed.", []string{"Kenji Morimoto Prime Minister"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			x := extractText(t, "2025-06-05", tt.text)
			names := entityNames(x)
			var got []string
			for _, r := range x.Relations {
				if r.Type == diplograph.HoldsOffice {
					got = append(got, names[r.Subject]+" "+r.Properties["office"])
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("HOLDS_OFFICE %q, want %q", got, tt.want)
			}
		})
	}
}
