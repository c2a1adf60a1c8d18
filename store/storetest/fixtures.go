package storetest

import (
	"fmt"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
)

// The fixture corpus: three articles about the same few actors, built by
// hand so that every expectation in the suite can be worked out on paper.
//
//	article    published   saved  says
//	art-a      2025-02-04  1st    Ishiba will meet Trump (PLANNED); alliance, claims, treaty
//	art-b      2025-02-10  2nd    they met (OCCURRED); patrols near the "Diaoyu"; a protest
//	art-c      2025-01-20  3rd    Trump sworn in; "Ishiba Shigeru" congratulates him
//
// art-c is saved last but published first, so it never wins a fact's
// scalar fields while a later article supports the fact.

// Entity ids.
const (
	japan           = "Q17"
	usa             = "Q30"
	china           = "Q148"
	taiwan          = "Q865"
	senkaku         = "territory:senkaku-islands"
	ishiba          = "person:shigeru-ishiba"
	trump           = "person:donald-trump"
	washington      = "place:washington"
	taiwanStrait    = "place:taiwan-strait"
	securityTreaty  = "treaty:japan-us-security-treaty"
	chinaCoastGuard = "organization:china-coast-guard"
	semiconductors  = "topic:semiconductors"
)

// Relation ids.
const (
	relIshibaPM         = "relation:ishiba-holds-office-japan"
	relTrumpPresident   = "relation:trump-holds-office-us"
	relAlliance         = "relation:japan-allied-with-us"
	relChinaClaims      = "relation:china-claims-senkaku"
	relJapanAdministers = "relation:japan-administers-senkaku"
	relJapanTreaty      = "relation:japan-party-to-treaty"
)

// Event ids, chosen so that the two events of 2025-01-20 sort by id.
const (
	evSummit       = "event:summit"
	evPatrol       = "event:patrol"
	evProtest      = "event:protest"
	evProposal     = "event:proposal"
	evInauguration = "event:inauguration"
	evCongrats     = "event:congratulations"
)

// Article ids.
const (
	artA = "art-a"
	artB = "art-b"
	artC = "art-c"
)

// text builds an article's text sentence by sentence and remembers where
// each sentence is, so that evidence offsets are right by construction.
type text struct {
	b  strings.Builder
	at map[string]diplograph.Evidence
}

func (t *text) add(sentence string) string {
	if t.at == nil {
		t.at = map[string]diplograph.Evidence{}
	}
	if t.b.Len() > 0 {
		t.b.WriteString(" ")
	}
	start := t.b.Len()
	t.b.WriteString(sentence)
	t.at[sentence] = diplograph.Evidence{Sentence: sentence, Start: start, End: t.b.Len()}
	return sentence
}

// ev returns the evidence of the given sentences, in order.
func (t *text) ev(sentences ...string) []diplograph.Evidence {
	out := make([]diplograph.Evidence, 0, len(sentences))
	for _, s := range sentences {
		out = append(out, t.at[s])
	}
	return out
}

// article finishes an extraction: the article gets its text and the content
// hash a loader would give it.
func article(t *text, id, title, published string, x diplograph.Extraction) *diplograph.Extraction {
	x.Article = diplograph.Article{ID: id, Title: title, Published: published, Source: "fixture", Text: t.b.String()}
	for _, c := range x.Comments {
		x.Article.Comments = append(x.Article.Comments, diplograph.Comment{Index: c.Index, Author: c.Author, Text: c.Text})
	}
	x.Article.Hash = diplograph.ContentHash(&x.Article)
	return &x
}

func day(d, raw string) diplograph.TimeSpan {
	return diplograph.TimeSpan{Start: d, End: d, Precision: diplograph.Day, Raw: raw, Timex: d}
}

// month is the span of a month.
func month(y int, m time.Month, raw string) diplograph.TimeSpan {
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	return diplograph.TimeSpan{Start: first.Format(time.DateOnly), End: first.AddDate(0, 1, -1).Format(time.DateOnly),
		Precision: diplograph.Month, Raw: raw, Timex: first.Format("2006-01")}
}

// week is the span of the ISO week that starts on the given Monday.
func week(y int, m time.Month, d int, raw string) diplograph.TimeSpan {
	mon := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	wy, wn := mon.ISOWeek()
	return diplograph.TimeSpan{Start: mon.Format(time.DateOnly), End: mon.AddDate(0, 0, 6).Format(time.DateOnly),
		Precision: diplograph.Week, Raw: raw, Timex: fmt.Sprintf("%d-W%02d", wy, wn)}
}

// fixtureA is art-a, published 2025-02-04.
func fixtureA() *diplograph.Extraction {
	var t text
	s1 := t.add("Prime Minister Shigeru Ishiba will meet U.S. President Donald Trump in Washington on Friday.")
	s2 := t.add("Tokyo and Washington are allies under the Japan-U.S. Security Treaty.")
	s3 := t.add("Beijing claims the Senkaku Islands, which Japan administers.")
	s4 := t.add("Ships also cross the Taiwan Strait.")
	x := article(&t, artA, "Ishiba to meet Trump in Washington", "2025-02-04", diplograph.Extraction{
		Entities: []diplograph.Entity{
			{ID: japan, Type: diplograph.Country, Name: "Japan", Aliases: []string{"Japan", "Tokyo"},
				Properties: map[string]string{"iso": "JPN"}, Evidence: t.ev(s2, s3)},
			{ID: usa, Type: diplograph.Country, Name: "United States", Aliases: []string{"United States", "U.S."}, Evidence: t.ev(s1, s2)},
			{ID: china, Type: diplograph.Country, Name: "China", Aliases: []string{"China", "Beijing"}, Evidence: t.ev(s3)},
			{ID: ishiba, Type: diplograph.Person, Name: "Shigeru Ishiba", Aliases: []string{"Shigeru Ishiba"}, Evidence: t.ev(s1)},
			{ID: trump, Type: diplograph.Person, Name: "Donald Trump", Aliases: []string{"Donald Trump"}, Evidence: t.ev(s1)},
			{ID: senkaku, Type: diplograph.Territory, Name: "Senkaku Islands", Aliases: []string{"Senkaku Islands"}, Evidence: t.ev(s3)},
			{ID: washington, Type: diplograph.Place, Kind: "CITY", Name: "Washington", Aliases: []string{"Washington"}, Evidence: t.ev(s1)},
			{ID: securityTreaty, Type: diplograph.Treaty, Name: "Japan-U.S. Security Treaty", Aliases: []string{"Japan-U.S. Security Treaty"}, Evidence: t.ev(s2)},
			{ID: taiwanStrait, Type: diplograph.Place, Kind: "STRAIT", Name: "Taiwan Strait", Aliases: []string{"Taiwan Strait"}, Evidence: t.ev(s4)},
		},
		Relations: []diplograph.Relation{
			{ID: relIshibaPM, Type: diplograph.HoldsOffice, Subject: ishiba, Object: japan,
				Properties: map[string]string{"office": "Prime Minister"}, Evidence: t.ev(s1)},
			{ID: relTrumpPresident, Type: diplograph.HoldsOffice, Subject: trump, Object: usa,
				Properties: map[string]string{"office": "President"}, Evidence: t.ev(s1)},
			{ID: relAlliance, Type: diplograph.AlliedWith, Subject: japan, Object: usa, Properties: map[string]string{}, Evidence: t.ev(s2)},
			{ID: relChinaClaims, Type: diplograph.Claims, Subject: china, Object: senkaku, Properties: map[string]string{}, Evidence: t.ev(s3)},
			{ID: relJapanAdministers, Type: diplograph.Administers, Subject: japan, Object: senkaku, Properties: map[string]string{}, Evidence: t.ev(s3)},
			{ID: relJapanTreaty, Type: diplograph.PartyTo, Subject: japan, Object: securityTreaty, Properties: map[string]string{}, Evidence: t.ev(s2)},
		},
		Events: []diplograph.Event{
			{ID: evSummit, Type: diplograph.Meeting, Status: diplograph.Planned, TimeSpan: day("2025-02-07", "on Friday"),
				Location: washington,
				Participants: []diplograph.Participant{
					{Entity: ishiba, Role: diplograph.RoleGuest}, {Entity: trump, Role: diplograph.RoleHost}},
				Concerns: []string{securityTreaty}, Summary: "Ishiba is to meet Trump in Washington.",
				Plover: "CONSULT", PloverMode: "visit", Cameo: "04", Evidence: t.ev(s1)},
		},
		Comments: []diplograph.Comment{
			{Index: 0, Author: "kenji", Text: "Good luck to Ishiba.", Stance: diplograph.StanceSupport, Targets: []string{ishiba}},
			{Index: 1, Author: "sam", Text: "Trump cannot be trusted.", Stance: diplograph.StanceOppose, Targets: []string{trump}},
		},
	})
	x.Article.URL = "https://news.example/a"
	x.Article.Meta = map[string]string{"synthetic": "true"}
	return x
}

// fixtureB is art-b, published 2025-02-10: the latest article.
func fixtureB() *diplograph.Extraction {
	var t text
	s1 := t.add("Ishiba met Trump at the White House on Feb. 7.")
	s2 := t.add("Chinese coast guard ships sailed near the Diaoyu Islands throughout February.")
	s3 := t.add("Japan, or Nippon, protested to Beijing on Feb. 9.")
	s4 := t.add("Taiwan said it would propose talks.")
	return article(&t, artB, "Ishiba and Trump meet as patrols continue", "2025-02-10", diplograph.Extraction{
		Entities: []diplograph.Entity{
			{ID: japan, Type: diplograph.Country, Name: "Japan", Aliases: []string{"Japan", "Nippon"}, Evidence: t.ev(s3)},
			{ID: china, Type: diplograph.Country, Name: "China", Aliases: []string{"China", "Beijing", "Chinese"}, Evidence: t.ev(s2, s3)},
			{ID: senkaku, Type: diplograph.Territory, Name: "Senkaku Islands", Aliases: []string{"Diaoyu Islands", "Diaoyu"}, Evidence: t.ev(s2)},
			{ID: chinaCoastGuard, Type: diplograph.Organization, Kind: "AGENCY", Name: "China Coast Guard",
				Aliases: []string{"Chinese coast guard"}, Evidence: t.ev(s2)},
			{ID: ishiba, Type: diplograph.Person, Name: "Shigeru Ishiba", Aliases: []string{"Ishiba"}, Evidence: t.ev(s1)},
			{ID: trump, Type: diplograph.Person, Name: "Donald Trump", Aliases: []string{"Trump"}, Evidence: t.ev(s1)},
			{ID: taiwan, Type: diplograph.Country, Name: "Taiwan", Aliases: []string{"Taiwan"}, Evidence: t.ev(s4)},
		},
		Relations: []diplograph.Relation{
			{ID: relChinaClaims, Type: diplograph.Claims, Subject: china, Object: senkaku,
				Properties: map[string]string{"name": "Diaoyu Islands"}, Evidence: t.ev(s2)},
			{ID: relIshibaPM, Type: diplograph.HoldsOffice, Subject: ishiba, Object: japan,
				Properties: map[string]string{"office": "Prime Minister"}, Evidence: t.ev(s1)},
		},
		Events: []diplograph.Event{
			{ID: evSummit, Type: diplograph.Meeting, Status: diplograph.Occurred, TimeSpan: day("2025-02-07", "on Feb. 7"),
				Location: washington,
				Participants: []diplograph.Participant{
					// An audience is not an actor: the event is still art-a's
					// (diplograph.EventKey), with one more participant.
					{Entity: ishiba, Role: diplograph.RoleGuest}, {Entity: trump, Role: diplograph.RoleHost},
					{Entity: japan, Role: diplograph.RoleAudience}},
				Concerns: []string{}, Summary: "Ishiba met Trump at the White House.", Evidence: t.ev(s1)},
			{ID: evPatrol, Type: diplograph.MilitaryActivity, Status: diplograph.Ongoing,
				TimeSpan:     diplograph.TimeSpan{Start: "2025-02-01", End: "2025-02-28", Precision: diplograph.Month, Raw: "throughout February", Timex: "2025-02"},
				Location:     senkaku,
				Participants: []diplograph.Participant{{Entity: chinaCoastGuard, Role: diplograph.RoleInitiator}},
				Concerns:     []string{senkaku}, Summary: "Chinese coast guard ships sailed near the islands.", Evidence: t.ev(s2)},
			{ID: evProtest, Type: diplograph.Protest, Status: diplograph.Occurred, TimeSpan: day("2025-02-09", "on Feb. 9"),
				Participants: []diplograph.Participant{
					{Entity: japan, Role: diplograph.RoleInitiator}, {Entity: china, Role: diplograph.RoleTarget}},
				Concerns: []string{senkaku}, Summary: "Japan protested to China.", Evidence: t.ev(s3)},
			{ID: evProposal, Type: diplograph.Proposal, Status: diplograph.Proposed,
				Participants: []diplograph.Participant{{Entity: taiwan, Role: diplograph.RoleInitiator}},
				Concerns:     []string{}, Summary: "Taiwan would propose talks.", Evidence: t.ev(s4)},
		},
		Comments: []diplograph.Comment{
			{Index: 0, Author: "lin", Text: "Let the two sides talk.", Stance: diplograph.StanceNeutral, Targets: []string{senkaku}},
		},
	})
}

// fixtureC is art-c, published 2025-01-20: the earliest article, saved last.
func fixtureC() *diplograph.Extraction {
	var t text
	s1 := t.add("Donald Trump was sworn in as president of the United States on Jan. 20.")
	s2 := t.add("Ishiba Shigeru of Japan congratulated Trump the same day.")
	s3 := t.add("Both leaders mentioned the Taiwan Strait.")
	return article(&t, artC, "Trump sworn in", "2025-01-20", diplograph.Extraction{
		Entities: []diplograph.Entity{
			{ID: trump, Type: diplograph.Person, Name: "Donald Trump", Aliases: []string{"Donald Trump", "Trump"}, Evidence: t.ev(s1, s2)},
			{ID: usa, Type: diplograph.Country, Name: "United States", Aliases: []string{"United States", "America"}, Evidence: t.ev(s1)},
			{ID: ishiba, Type: diplograph.Person, Name: "Ishiba Shigeru", Aliases: []string{"Ishiba Shigeru"}, Evidence: t.ev(s2)},
			{ID: japan, Type: diplograph.Country, Name: "Japan", Aliases: []string{"Japan"}, Evidence: t.ev(s2)},
			{ID: taiwanStrait, Type: diplograph.Place, Kind: "STRAIT", Name: "Taiwan Strait", Aliases: []string{"Taiwan Strait"}, Evidence: t.ev(s3)},
		},
		Relations: []diplograph.Relation{
			{ID: relTrumpPresident, Type: diplograph.HoldsOffice, Subject: trump, Object: usa,
				Properties: map[string]string{"office": "President of the United States", "since": "2025-01-20"}, Evidence: t.ev(s1)},
		},
		Events: []diplograph.Event{
			{ID: evInauguration, Type: diplograph.TookOffice, Status: diplograph.Occurred, TimeSpan: day("2025-01-20", "on Jan. 20"),
				Participants: []diplograph.Participant{{Entity: trump, Role: diplograph.RoleParticipant}},
				Concerns:     []string{usa}, Summary: "Trump took office.", Evidence: t.ev(s1)},
			{ID: evCongrats, Type: diplograph.Statement, Status: diplograph.Occurred, TimeSpan: day("2025-01-20", "the same day"),
				Participants: []diplograph.Participant{
					{Entity: ishiba, Role: diplograph.RoleInitiator}, {Entity: trump, Role: diplograph.RoleAudience}},
				Concerns: []string{}, Summary: "Ishiba congratulated Trump.", Evidence: t.ev(s2)},
		},
	})
}

// fixtureA2 is a new version of art-a (same id, other content): Washington,
// the alliance and the comments are gone, semiconductors are new, and the
// meeting is now postponed.
func fixtureA2() *diplograph.Extraction {
	var t text
	s1 := t.add("Prime Minister Shigeru Ishiba postponed his meeting with Donald Trump.")
	s2 := t.add("Japan wants to talk about semiconductors.")
	return article(&t, artA, "Ishiba postpones meeting with Trump", "2025-02-04", diplograph.Extraction{
		Entities: []diplograph.Entity{
			{ID: japan, Type: diplograph.Country, Name: "Japan", Aliases: []string{"Japan"}, Evidence: t.ev(s2)},
			{ID: ishiba, Type: diplograph.Person, Name: "Shigeru Ishiba", Aliases: []string{"Shigeru Ishiba"}, Evidence: t.ev(s1)},
			{ID: trump, Type: diplograph.Person, Name: "Donald Trump", Aliases: []string{"Donald Trump"}, Evidence: t.ev(s1)},
			{ID: semiconductors, Type: diplograph.Topic, Name: "semiconductors", Aliases: []string{"semiconductors"}, Evidence: t.ev(s2)},
		},
		Relations: []diplograph.Relation{
			{ID: relIshibaPM, Type: diplograph.HoldsOffice, Subject: ishiba, Object: japan,
				Properties: map[string]string{"office": "Prime Minister"}, Evidence: t.ev(s1)},
		},
		Events: []diplograph.Event{
			{ID: evSummit, Type: diplograph.Meeting, Status: diplograph.Postponed, TimeSpan: day("2025-02-07", "on Friday"),
				Participants: []diplograph.Participant{
					{Entity: ishiba, Role: diplograph.RoleGuest}, {Entity: trump, Role: diplograph.RoleHost}},
				Concerns: []string{semiconductors}, Summary: "Ishiba postponed the meeting.", Evidence: t.ev(s1)},
		},
	})
}
