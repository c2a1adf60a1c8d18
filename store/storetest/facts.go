package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/diplograph/diplograph"
)

// testSaveAndRead saves one article and reads every kind of fact back as it
// was given.
func testSaveAndRead(t *testing.T, s diplograph.Store) {
	x := fixtureA()
	res := save(t, s, x)[0]
	equal(t, "SaveResult", res, diplograph.SaveResult{ArticleID: artA, Entities: 9, Relations: 6, Events: 1})

	a, err := s.Article(t.Context(), artA)
	if err != nil {
		t.Fatalf("Article: %v", err)
	}
	equal(t, "article id", a.ID, artA)
	equal(t, "article title", a.Title, x.Article.Title)
	equal(t, "article published", a.Published, "2025-02-04")
	equal(t, "article source", a.Source, "fixture")
	equal(t, "article text", a.Text, x.Article.Text)
	equal(t, "article hash", a.Hash, x.Article.Hash)
	equal(t, "article url", a.URL, "https://news.example/a")
	equal(t, "article meta", a.Meta, map[string]string{"synthetic": "true"})

	ok, err := s.HasArticle(t.Context(), x.Article.Hash)
	if err != nil || !ok {
		t.Errorf("HasArticle(stored hash) = %v, %v; want true", ok, err)
	}
	ok, err = s.HasArticle(t.Context(), "0000")
	if err != nil || ok {
		t.Errorf("HasArticle(other hash) = %v, %v; want false", ok, err)
	}
	// Both backends check many hashes in one call, for bulk loads.
	hc, ok := s.(interface {
		StoredHashes(ctx context.Context, hashes []string) (map[string]bool, error)
	})
	if !ok {
		t.Fatal("the store has no StoredHashes")
	}
	stored, err := hc.StoredHashes(t.Context(), []string{"0000", x.Article.Hash, x.Article.Hash, "1111"})
	if err != nil {
		t.Fatalf("StoredHashes: %v", err)
	}
	equal(t, "StoredHashes", stored, map[string]bool{x.Article.Hash: true})
	if stored, err = hc.StoredHashes(t.Context(), nil); err != nil || len(stored) != 0 {
		t.Errorf("StoredHashes(none) = %v, %v; want none", stored, err)
	}

	wash := entity(t, s, washington)
	equal(t, "entity type", wash.Type, diplograph.Place)
	equal(t, "entity kind", wash.Kind, "CITY")
	equal(t, "entity name", wash.Name, "Washington")
	equal(t, "entity aliases", set(wash.Aliases), []string{"Washington"})
	equal(t, "entity provenance", entityProv(wash), provenance{1, "2025-02-04", "2025-02-04"})
	if len(wash.Evidence) != 0 {
		t.Errorf("Entity returned evidence %v; evidence comes from Evidence only", wash.Evidence)
	}
	equal(t, "entity properties", nonEmpty(entity(t, s, japan).Properties), props("iso", "JPN"))

	pm := relation(t, s, relIshibaPM)
	equal(t, "relation type", pm.Type, diplograph.HoldsOffice)
	equal(t, "relation subject", pm.Subject, ishiba)
	equal(t, "relation object", pm.Object, japan)
	equal(t, "relation properties", nonEmpty(pm.Properties), props("office", "Prime Minister"))
	equal(t, "relation provenance", relationProv(pm), provenance{1, "2025-02-04", "2025-02-04"})
	if len(pm.Evidence) != 0 {
		t.Errorf("Relation returned evidence %v", pm.Evidence)
	}

	ev := event(t, s, evSummit)
	equal(t, "event type", ev.Type, diplograph.Meeting)
	equal(t, "event status", ev.Status, diplograph.Planned)
	equal(t, "event time span", ev.TimeSpan, day("2025-02-07", "on Friday"))
	equal(t, "event location", ev.Location, washington)
	equal(t, "event participants", participantSet(ev.Participants), set([]string{ishiba + "/GUEST", trump + "/HOST"}))
	equal(t, "event concerns", set(ev.Concerns), []string{securityTreaty})
	equal(t, "event summary", ev.Summary, "Ishiba is to meet Trump in Washington.")
	equal(t, "event plover", ev.Plover+"/"+ev.PloverMode, "CONSULT/visit")
	equal(t, "event cameo", ev.Cameo, "04")
	equal(t, "event provenance", eventProv(ev), provenance{1, "2025-02-04", "2025-02-04"})
	if len(ev.Evidence) != 0 {
		t.Errorf("Event returned evidence %v", ev.Evidence)
	}

	equal(t, "stats", stats(t, s), diplograph.Stats{Articles: 1, Comments: 2, Entities: 9, Relations: 6, Events: 1})
}

// testMerge checks how facts stated by several articles are merged: list
// fields are unions, properties merge key by key, other fields come from the
// latest article, and provenance counts every article.
func testMerge(t *testing.T, s diplograph.Store) {
	saveAll(t, s)

	tests := []struct {
		id      string
		name    string
		aliases []string
		prov    provenance
	}{
		{japan, "Japan", []string{"Japan", "Nippon", "Tokyo"}, provenance{3, "2025-01-20", "2025-02-10"}},
		// art-c, saved last, calls him "Ishiba Shigeru" but is the oldest.
		{ishiba, "Shigeru Ishiba", []string{"Ishiba", "Ishiba Shigeru", "Shigeru Ishiba"}, provenance{3, "2025-01-20", "2025-02-10"}},
		{trump, "Donald Trump", []string{"Donald Trump", "Trump"}, provenance{3, "2025-01-20", "2025-02-10"}},
		{usa, "United States", []string{"America", "U.S.", "United States"}, provenance{2, "2025-01-20", "2025-02-04"}},
		{china, "China", []string{"Beijing", "China", "Chinese"}, provenance{2, "2025-02-04", "2025-02-10"}},
		{senkaku, "Senkaku Islands", []string{"Diaoyu", "Diaoyu Islands", "Senkaku Islands"}, provenance{2, "2025-02-04", "2025-02-10"}},
		{taiwanStrait, "Taiwan Strait", []string{"Taiwan Strait"}, provenance{2, "2025-01-20", "2025-02-04"}},
		{taiwan, "Taiwan", []string{"Taiwan"}, provenance{1, "2025-02-10", "2025-02-10"}},
	}
	for _, tc := range tests {
		e := entity(t, s, tc.id)
		equal(t, tc.id+" name", e.Name, tc.name)
		equal(t, tc.id+" aliases", set(e.Aliases), tc.aliases)
		equal(t, tc.id+" provenance", entityProv(e), tc.prov)
	}
	// Only art-a gives Japan a property; the later articles that give none
	// do not take it away.
	equal(t, "Japan properties", nonEmpty(entity(t, s, japan).Properties), props("iso", "JPN"))

	// "office" comes from art-a (later), "since" from art-c, the only one
	// that gives it.
	pres := relation(t, s, relTrumpPresident)
	equal(t, "president properties", nonEmpty(pres.Properties), props("office", "President", "since", "2025-01-20"))
	equal(t, "president provenance", relationProv(pres), provenance{2, "2025-01-20", "2025-02-04"})
	claims := relation(t, s, relChinaClaims)
	equal(t, "claims properties", nonEmpty(claims.Properties), props("name", "Diaoyu Islands"))
	equal(t, "claims provenance", relationProv(claims), provenance{2, "2025-02-04", "2025-02-10"})

	// art-b reports the meeting as held; art-a only planned it.
	sum := event(t, s, evSummit)
	equal(t, "summit status", sum.Status, diplograph.Occurred)
	equal(t, "summit raw date", sum.Raw, "on Feb. 7")
	equal(t, "summit summary", sum.Summary, "Ishiba met Trump at the White House.")
	equal(t, "summit location", sum.Location, washington)
	equal(t, "summit participants", participantSet(sum.Participants),
		set([]string{japan + "/AUDIENCE", ishiba + "/GUEST", trump + "/HOST"}))
	equal(t, "summit concerns", set(sum.Concerns), []string{securityTreaty})
	equal(t, "summit provenance", eventProv(sum), provenance{2, "2025-02-04", "2025-02-10"})

	patrol := event(t, s, evPatrol)
	equal(t, "patrol span", patrol.TimeSpan, diplograph.TimeSpan{
		Start: "2025-02-01", End: "2025-02-28", Precision: diplograph.Month, Raw: "throughout February", Timex: "2025-02"})
	equal(t, "proposal is undated", event(t, s, evProposal).TimeSpan.IsZero(), true)

	equal(t, "stats", stats(t, s), diplograph.Stats{Articles: 3, Comments: 3, Entities: 11, Relations: 6, Events: 6})
}

// testPrecedence checks the tie-breaks of "the latest article wins": the
// article saved last wins among articles of the same date, and an undated
// article loses to any dated one.
func testPrecedence(t *testing.T, s diplograph.Store) {
	mk := func(id, published, name string) *diplograph.Extraction {
		var tx text
		sent := tx.add(name + " is a topic.")
		return article(&tx, id, id, published, diplograph.Extraction{
			Entities: []diplograph.Entity{{ID: "topic:x", Type: diplograph.Topic, Name: name, Aliases: []string{name}, Evidence: tx.ev(sent)}},
		})
	}
	steps := []struct {
		do   func() error
		name string
		prov provenance
	}{
		{func() error { _, err := s.Save(t.Context(), mk("p1", "2025-03-01", "Alpha")); return err }, "Alpha", provenance{1, "2025-03-01", "2025-03-01"}},
		{func() error { _, err := s.Save(t.Context(), mk("p2", "2025-03-01", "Beta")); return err }, "Beta", provenance{2, "2025-03-01", "2025-03-01"}},
		{func() error { _, err := s.Save(t.Context(), mk("p3", "", "Gamma")); return err }, "Beta", provenance{3, "2025-03-01", "2025-03-01"}},
		{func() error { _, err := s.Save(t.Context(), mk("p4", "2025-02-01", "Delta")); return err }, "Beta", provenance{4, "2025-02-01", "2025-03-01"}},
		{func() error { return s.DeleteArticle(t.Context(), "p2") }, "Alpha", provenance{3, "2025-02-01", "2025-03-01"}},
		{func() error { return s.DeleteArticle(t.Context(), "p1") }, "Delta", provenance{2, "2025-02-01", "2025-02-01"}},
		{func() error { return s.DeleteArticle(t.Context(), "p4") }, "Gamma", provenance{1, "", ""}},
	}
	for i, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		e := entity(t, s, "topic:x")
		equal(t, fmt.Sprintf("name after step %d", i), e.Name, st.name)
		equal(t, fmt.Sprintf("provenance after step %d", i), entityProv(e), st.prov)
	}
	equal(t, "aliases", set(entity(t, s, "topic:x").Aliases), []string{"Gamma"})
}

// testComments checks that comments come back in order with their stances.
func testComments(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	tests := []struct {
		article string
		want    []diplograph.Comment
	}{
		{artA, []diplograph.Comment{
			{Index: 0, Author: "kenji", Text: "Good luck to Ishiba.", Stance: diplograph.StanceSupport, Targets: []string{ishiba}},
			{Index: 1, Author: "sam", Text: "Trump cannot be trusted.", Stance: diplograph.StanceOppose, Targets: []string{trump}},
		}},
		{artB, []diplograph.Comment{
			{Index: 0, Author: "lin", Text: "Let the two sides talk.", Stance: diplograph.StanceNeutral, Targets: []string{senkaku}},
		}},
		{artC, nil},
	}
	for _, tc := range tests {
		got, err := s.Comments(t.Context(), tc.article)
		if err != nil {
			t.Fatalf("Comments(%s): %v", tc.article, err)
		}
		if len(got) == 0 && len(tc.want) == 0 {
			continue
		}
		equal(t, "comments of "+tc.article, got, tc.want)
	}
}

// testEvidence checks that every fact answers which articles and sentences
// state it, in order, with offsets that point at the sentence.
func testEvidence(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	texts := map[string]string{}
	for _, id := range []string{artA, artB, artC} {
		a, err := s.Article(t.Context(), id)
		if err != nil {
			t.Fatalf("Article(%s): %v", id, err)
		}
		texts[id] = a.Text
	}

	tests := []struct {
		kind      diplograph.FactKind
		id        string
		articles  []string // article of each piece of evidence, in order
		sentences []string // the first sentence of each article
	}{
		{diplograph.EntityFact, japan, []string{artC, artA, artA, artB},
			[]string{"Ishiba Shigeru of Japan congratulated Trump the same day.",
				"Tokyo and Washington are allies under the Japan-U.S. Security Treaty.",
				"Beijing claims the Senkaku Islands, which Japan administers.",
				"Japan, or Nippon, protested to Beijing on Feb. 9."}},
		{diplograph.EntityFact, chinaCoastGuard, []string{artB},
			[]string{"Chinese coast guard ships sailed near the Diaoyu Islands throughout February."}},
		{diplograph.RelationFact, relTrumpPresident, []string{artC, artA},
			[]string{"Donald Trump was sworn in as president of the United States on Jan. 20.",
				"Prime Minister Shigeru Ishiba will meet U.S. President Donald Trump in Washington on Friday."}},
		{diplograph.EventFact, evSummit, []string{artA, artB},
			[]string{"Prime Minister Shigeru Ishiba will meet U.S. President Donald Trump in Washington on Friday.",
				"Ishiba met Trump at the White House on Feb. 7."}},
	}
	for _, tc := range tests {
		got, err := s.Evidence(t.Context(), tc.kind, []string{tc.id, "missing:id"})
		if err != nil {
			t.Fatalf("Evidence(%s, %s): %v", tc.kind, tc.id, err)
		}
		if len(got["missing:id"]) != 0 {
			t.Errorf("Evidence of an unknown id: %v", got["missing:id"])
		}
		evs := got[tc.id]
		equal(t, string(tc.kind)+" "+tc.id+" evidence articles", evidenceArticles(evs), tc.articles)
		var sents []string
		for _, ev := range evs {
			sents = append(sents, ev.Sentence)
			txt := texts[ev.Article]
			if ev.Start < 0 || ev.End > len(txt) || ev.Start > ev.End || txt[ev.Start:ev.End] != ev.Sentence {
				t.Errorf("%s evidence [%d, %d) of %s does not point at %q", tc.id, ev.Start, ev.End, ev.Article, ev.Sentence)
			}
		}
		equal(t, tc.id+" evidence sentences", sents, tc.sentences)
	}

	// Several ids in one call, as the API's batch loader asks.
	got, err := s.Evidence(t.Context(), diplograph.EventFact, []string{evPatrol, evProtest, evCongrats})
	if err != nil {
		t.Fatalf("Evidence(events): %v", err)
	}
	for id, want := range map[string][]string{evPatrol: {artB}, evProtest: {artB}, evCongrats: {artC}} {
		equal(t, id+" evidence articles", evidenceArticles(got[id]), want)
	}
	if _, err := s.Evidence(t.Context(), "sentence", []string{japan}); err == nil {
		t.Error("Evidence of an unknown kind: no error")
	} else {
		wantCode(t, err, diplograph.EINVALID, "Evidence of an unknown kind")
	}
}
