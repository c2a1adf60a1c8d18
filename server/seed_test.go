package server_test

import (
	"fmt"
	"strings"

	"github.com/diplograph/diplograph"
)

// The seed: two hand-built articles, small enough to check every answer on
// paper.
//
//	summit-article  2025-02-04  Ishiba will meet Trump (SUMMIT, PLANNED); China claims
//	                            the Senkaku Islands (alias Diaoyu), Japan administers
//	                            them; two comments with stances
//	patrol-article  2025-03-01  25 coast guard patrols (MILITARY_ACTIVITY, OCCURRED),
//	                            one a day from 2025-02-01, each with Japan and China
const (
	japan      = "Q17"
	usa        = "Q30"
	china      = "Q148"
	senkaku    = "territory:senkaku-islands"
	ishiba     = "person:shigeru-ishiba"
	trump      = "person:donald-trump"
	washington = "place:washington"

	relClaims      = "rel:china-claims-senkaku"
	relAdministers = "rel:japan-administers-senkaku"
	evSummit       = "event:summit"

	summitArticle = "summit-article"
	patrolArticle = "patrol-article"

	patrols = 25
)

// text builds an article's text sentence by sentence, so that evidence
// offsets are right by construction.
type text struct {
	b strings.Builder
}

func (t *text) add(sentence string) diplograph.Evidence {
	if t.b.Len() > 0 {
		t.b.WriteString(" ")
	}
	start := t.b.Len()
	t.b.WriteString(sentence)
	return diplograph.Evidence{Sentence: sentence, Start: start, End: t.b.Len()}
}

func evidence(ev ...diplograph.Evidence) []diplograph.Evidence { return ev }

func summitExtraction() *diplograph.Extraction {
	var t text
	s1 := t.add("Prime Minister Shigeru Ishiba will meet President Donald Trump in Washington on Friday.")
	s2 := t.add("China claims the Senkaku Islands, which it calls the Diaoyu.")
	s3 := t.add("Japan administers the islands.")
	comments := []diplograph.Comment{
		{Index: 0, Author: "kenji", Text: "Good luck to Ishiba.", Stance: diplograph.StanceSupport, Targets: []string{ishiba, evSummit}},
		{Index: 1, Author: "lin", Text: "The Diaoyu belong to China.", Stance: diplograph.StanceOppose, Targets: []string{senkaku}},
	}
	return &diplograph.Extraction{
		Article: diplograph.Article{ID: summitArticle, Title: "Ishiba to meet Trump", URL: "https://example.org/summit",
			Source: "seed", Published: "2025-02-04", Text: t.b.String(), Comments: comments},
		Entities: []diplograph.Entity{
			{ID: ishiba, Type: diplograph.Person, Name: "Shigeru Ishiba", Aliases: []string{"Ishiba"}, Evidence: evidence(s1)},
			{ID: trump, Type: diplograph.Person, Name: "Donald Trump", Aliases: []string{"Trump"}, Evidence: evidence(s1)},
			{ID: washington, Type: diplograph.Place, Kind: "CITY", Name: "Washington", Aliases: []string{"Washington"}, Evidence: evidence(s1)},
			{ID: china, Type: diplograph.Country, Name: "China", Aliases: []string{"Beijing"}, Evidence: evidence(s2)},
			{ID: japan, Type: diplograph.Country, Name: "Japan", Aliases: []string{"Tokyo"},
				Properties: map[string]string{"iso": "JPN"}, Evidence: evidence(s3)},
			{ID: usa, Type: diplograph.Country, Name: "United States", Aliases: []string{"U.S."}, Evidence: evidence(s1)},
			{ID: senkaku, Type: diplograph.Territory, Name: "Senkaku Islands", Aliases: []string{"Senkaku Islands", "Diaoyu"},
				Evidence: evidence(s2, s3)},
		},
		Relations: []diplograph.Relation{
			{ID: relClaims, Type: diplograph.Claims, Subject: china, Object: senkaku,
				Properties: map[string]string{"name": "Diaoyu"}, Evidence: evidence(s2)},
			{ID: relAdministers, Type: diplograph.Administers, Subject: japan, Object: senkaku,
				Properties: map[string]string{}, Evidence: evidence(s3)},
		},
		Events: []diplograph.Event{{
			ID: evSummit, Type: diplograph.Summit, Status: diplograph.Planned,
			TimeSpan: diplograph.TimeSpan{Start: "2025-02-07", End: "2025-02-07", Precision: diplograph.Day, Raw: "on Friday", Timex: "2025-02-07"},
			Location: washington,
			Participants: []diplograph.Participant{
				{Entity: ishiba, Role: diplograph.RoleGuest}, {Entity: trump, Role: diplograph.RoleHost}},
			Concerns: []string{senkaku},
			Summary:  "Ishiba is to meet Trump in Washington.",
			Plover:   "CONSULT", PloverMode: "visit",
			Evidence: evidence(s1),
		}},
		Comments: comments,
	}
}

func patrolExtraction() *diplograph.Extraction {
	var t text
	x := &diplograph.Extraction{
		Entities: []diplograph.Entity{
			{ID: china, Type: diplograph.Country, Name: "China", Aliases: []string{"China"}},
			{ID: japan, Type: diplograph.Country, Name: "Japan", Aliases: []string{"Japan"}},
		},
	}
	for i := range patrols {
		day := fmt.Sprintf("2025-02-%02d", i+1)
		s := t.add(fmt.Sprintf("On %s, Chinese ships patrolled near Japan's islands.", day))
		x.Entities[0].Evidence = append(x.Entities[0].Evidence, s)
		x.Entities[1].Evidence = append(x.Entities[1].Evidence, s)
		x.Events = append(x.Events, diplograph.Event{
			ID: fmt.Sprintf("event:patrol-%02d", i+1), Type: diplograph.MilitaryActivity, Status: diplograph.Occurred,
			TimeSpan: diplograph.TimeSpan{Start: day, End: day, Precision: diplograph.Day, Raw: "on " + day, Timex: day},
			Participants: []diplograph.Participant{
				{Entity: china, Role: diplograph.RoleInitiator}, {Entity: japan, Role: diplograph.RoleTarget}},
			Concerns: []string{senkaku},
			Summary:  "Chinese ships patrolled near the islands.",
			Evidence: evidence(s),
		})
	}
	x.Article = diplograph.Article{ID: patrolArticle, Title: "A month of patrols", Published: "2025-03-01", Text: t.b.String()}
	return x
}
