package storetest

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/diplograph/diplograph"
)

// snapshot is everything a store answers about its facts, for comparing a
// store before and after operations that should cancel out.
type snapshot struct {
	Stats     diplograph.Stats
	Articles  []string
	Entities  []diplograph.Entity
	Relations []diplograph.Relation
	Events    []diplograph.Event
	Evidence  map[diplograph.FactKind]map[string][]diplograph.Evidence
}

func takeSnapshot(t *testing.T, s diplograph.Store) snapshot {
	t.Helper()
	ctx := t.Context()
	p := diplograph.Page{First: diplograph.MaxPageSize}
	sn := snapshot{Stats: stats(t, s), Evidence: map[diplograph.FactKind]map[string][]diplograph.Evidence{}}
	arts, err := s.Articles(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	sn.Articles = nodeIDs(arts, articleID)
	ents, err := s.Entities(ctx, diplograph.EntityFilter{}, p)
	if err != nil {
		t.Fatal(err)
	}
	rels, err := s.Relations(ctx, diplograph.RelationFilter{}, p)
	if err != nil {
		t.Fatal(err)
	}
	evs, err := s.Events(ctx, diplograph.EventFilter{}, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents.Edges {
		sn.Entities = append(sn.Entities, e.Node)
	}
	for _, e := range rels.Edges {
		sn.Relations = append(sn.Relations, e.Node)
	}
	for _, e := range evs.Edges {
		sn.Events = append(sn.Events, e.Node)
	}
	for kind, ids := range map[diplograph.FactKind][]string{
		diplograph.EntityFact:   nodeIDs(ents, entityID),
		diplograph.RelationFact: nodeIDs(rels, relationID),
		diplograph.EventFact:    nodeIDs(evs, eventID),
	} {
		m, err := s.Evidence(ctx, kind, ids)
		if err != nil {
			t.Fatal(err)
		}
		sn.Evidence[kind] = m
	}
	return sn
}

func testNotFound(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	ctx := t.Context()
	for _, id := range []string{"missing", ""} {
		_, err := s.Entity(ctx, id)
		wantCode(t, err, diplograph.ENOTFOUND, fmt.Sprintf("Entity(%q)", id))
		_, err = s.Relation(ctx, id)
		wantCode(t, err, diplograph.ENOTFOUND, fmt.Sprintf("Relation(%q)", id))
		_, err = s.Event(ctx, id)
		wantCode(t, err, diplograph.ENOTFOUND, fmt.Sprintf("Event(%q)", id))
		_, err = s.Article(ctx, id)
		wantCode(t, err, diplograph.ENOTFOUND, fmt.Sprintf("Article(%q)", id))
		_, err = s.Comments(ctx, id)
		wantCode(t, err, diplograph.ENOTFOUND, fmt.Sprintf("Comments(%q)", id))
		err = s.DeleteArticle(ctx, id)
		wantCode(t, err, diplograph.ENOTFOUND, fmt.Sprintf("DeleteArticle(%q)", id))
	}
	// An entity id is not a relation or event id.
	_, err := s.Relation(ctx, japan)
	wantCode(t, err, diplograph.ENOTFOUND, "Relation(entity id)")
	_, err = s.Event(ctx, japan)
	wantCode(t, err, diplograph.ENOTFOUND, "Event(entity id)")
	equal(t, "stats after failed calls", stats(t, s), diplograph.Stats{Articles: 3, Comments: 3, Entities: 11, Relations: 6, Events: 6})
}

// testInvalid checks that a bad extraction is refused as a whole.
func testInvalid(t *testing.T, s diplograph.Store) {
	tests := []struct {
		name  string
		spoil func(x *diplograph.Extraction)
	}{
		{"unknown entity type", func(x *diplograph.Extraction) { x.Entities[3].Type = "CITY" }},
		{"entity without id", func(x *diplograph.Extraction) { x.Entities[2].ID = "" }},
		{"unknown relation type", func(x *diplograph.Extraction) { x.Relations[5].Type = "LIKES" }},
		{"unknown event type", func(x *diplograph.Extraction) { x.Events[0].Type = "PARTY" }},
		{"unknown event status", func(x *diplograph.Extraction) { x.Events[0].Status = "DONE" }},
		{"event date not ISO", func(x *diplograph.Extraction) { x.Events[0].Start = "Feb 7" }},
		{"published date not ISO", func(x *diplograph.Extraction) { x.Article.Published = "yesterday" }},
	}
	for _, tc := range tests {
		x := fixtureA()
		tc.spoil(x)
		_, err := s.Save(t.Context(), x)
		wantCode(t, err, diplograph.EINVALID, "Save with "+tc.name)
		equal(t, "stats after Save with "+tc.name, stats(t, s), diplograph.Stats{})
	}
	_, err := s.Save(t.Context(), nil)
	wantCode(t, err, diplograph.EINVALID, "Save(nil)")
	ok, err := s.HasArticle(t.Context(), fixtureA().Article.Hash)
	if err != nil || ok {
		t.Errorf("HasArticle after refused saves = %v, %v; want false", ok, err)
	}
	// The same extraction, unspoiled, saves.
	save(t, s, fixtureA())
	equal(t, "stats after a good save", stats(t, s).Entities, 9)
}

// testUnchanged checks that saving stored content again writes nothing.
func testUnchanged(t *testing.T, s diplograph.Store) {
	saveAll(t, s)
	before := takeSnapshot(t, s)

	res := save(t, s, fixtureA())[0]
	equal(t, "ArticleID", res.ArticleID, artA)
	equal(t, "Unchanged", res.Unchanged, true)
	equal(t, "Replaced", res.Replaced, false)
	equal(t, "snapshot after saving art-a again", takeSnapshot(t, s), before)

	// Same content hash, other facts (a newer extractor, say): still
	// nothing is written.
	x := fixtureB()
	x.Entities = append(x.Entities, diplograph.Entity{ID: semiconductors, Type: diplograph.Topic, Name: "semiconductors"})
	if res := save(t, s, x)[0]; !res.Unchanged {
		t.Errorf("saving art-b again with other facts: %+v, want Unchanged", res)
	}
	_, err := s.Entity(t.Context(), semiconductors)
	wantCode(t, err, diplograph.ENOTFOUND, "entity from an unchanged article")
	equal(t, "snapshot after saving art-b again", takeSnapshot(t, s), before)
}

// testReplace checks that a new version of an article replaces the old one
// and takes back what only the old one said.
func testReplace(t *testing.T, s diplograph.Store) {
	ctx := t.Context()
	saveAll(t, s)
	before := takeSnapshot(t, s)

	res := save(t, s, fixtureA2())[0]
	equal(t, "SaveResult", res, diplograph.SaveResult{ArticleID: artA, Replaced: true, Entities: 4, Relations: 1, Events: 1})
	equal(t, "stats", stats(t, s), diplograph.Stats{Articles: 3, Comments: 1, Entities: 10, Relations: 3, Events: 6})

	a, err := s.Article(ctx, artA)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "title of the new version", a.Title, "Ishiba postpones meeting with Trump")
	if cs, err := s.Comments(ctx, artA); err != nil || len(cs) != 0 {
		t.Errorf("Comments of the new version = %v, %v; want none", cs, err)
	}
	if ok, _ := s.HasArticle(ctx, fixtureA().Article.Hash); ok {
		t.Error("HasArticle(old version's hash) = true")
	}

	// What only the old version said is gone.
	for _, id := range []string{washington, securityTreaty} {
		_, err := s.Entity(ctx, id)
		wantCode(t, err, diplograph.ENOTFOUND, "entity only the old version named: "+id)
	}
	for _, id := range []string{relAlliance, relJapanTreaty, relJapanAdministers} {
		_, err := s.Relation(ctx, id)
		wantCode(t, err, diplograph.ENOTFOUND, "relation only the old version stated: "+id)
	}
	for _, q := range []string{"Tokyo", "Washington", "Security Treaty"} {
		conn, err := s.Entities(ctx, diplograph.EntityFilter{Query: q}, diplograph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "search for "+q, nodeIDs(conn, entityID), []string{})
	}

	// Shared facts stay, with the other articles' support only.
	jp := entity(t, s, japan)
	equal(t, "Japan aliases", set(jp.Aliases), []string{"Japan", "Nippon"})
	equal(t, "Japan properties", nonEmpty(jp.Properties), map[string]string{})
	equal(t, "Japan provenance", entityProv(jp), provenance{3, "2025-01-20", "2025-02-10"})
	us := entity(t, s, usa)
	equal(t, "US aliases", set(us.Aliases), []string{"America", "United States"})
	equal(t, "US provenance", entityProv(us), provenance{1, "2025-01-20", "2025-01-20"})
	equal(t, "new entity", entityProv(entity(t, s, semiconductors)), provenance{1, "2025-02-04", "2025-02-04"})

	pres := relation(t, s, relTrumpPresident)
	equal(t, "president properties", nonEmpty(pres.Properties), props("office", "President of the United States", "since", "2025-01-20"))
	equal(t, "president provenance", relationProv(pres), provenance{1, "2025-01-20", "2025-01-20"})
	equal(t, "PM provenance", relationProv(relation(t, s, relIshibaPM)), provenance{2, "2025-02-04", "2025-02-10"})

	sum := event(t, s, evSummit)
	equal(t, "summit status", sum.Status, diplograph.Occurred)
	equal(t, "summit concerns", set(sum.Concerns), []string{semiconductors})
	equal(t, "summit provenance", eventProv(sum), provenance{2, "2025-02-04", "2025-02-10"})
	ev, err := s.Evidence(ctx, diplograph.EventFact, []string{evSummit})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "summit evidence articles", evidenceArticles(ev[evSummit]), []string{artA, artB})
	if got := ev[evSummit]; len(got) == 2 {
		equal(t, "summit evidence from the new version", got[0].Sentence, "Prime Minister Shigeru Ishiba postponed his meeting with Donald Trump.")
	}
	conn, err := s.Entities(ctx, diplograph.EntityFilter{Article: artA}, diplograph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "entities of the new version", nodeIDs(conn, entityID), []string{trump, japan, ishiba, semiconductors})

	// Putting the old version back restores everything as it was.
	if res := save(t, s, fixtureA())[0]; !res.Replaced {
		t.Errorf("saving the old version back: %+v, want Replaced", res)
	}
	equal(t, "snapshot after restoring art-a", takeSnapshot(t, s), before)
}

// testDelete checks that deleting an article retracts exactly the facts only
// it supported.
func testDelete(t *testing.T, s diplograph.Store) {
	ctx := t.Context()
	saveAll(t, s)
	before := takeSnapshot(t, s)

	if err := s.DeleteArticle(ctx, artB); err != nil {
		t.Fatalf("DeleteArticle: %v", err)
	}
	equal(t, "stats", stats(t, s), diplograph.Stats{Articles: 2, Comments: 2, Entities: 9, Relations: 6, Events: 3})
	_, err := s.Article(ctx, artB)
	wantCode(t, err, diplograph.ENOTFOUND, "Article after delete")
	_, err = s.Comments(ctx, artB)
	wantCode(t, err, diplograph.ENOTFOUND, "Comments after delete")
	if ok, _ := s.HasArticle(ctx, fixtureB().Article.Hash); ok {
		t.Error("HasArticle after delete = true")
	}
	wantCode(t, s.DeleteArticle(ctx, artB), diplograph.ENOTFOUND, "second DeleteArticle")

	for _, id := range []string{taiwan, chinaCoastGuard} {
		_, err := s.Entity(ctx, id)
		wantCode(t, err, diplograph.ENOTFOUND, "entity only art-b named: "+id)
	}
	for _, id := range []string{evPatrol, evProtest, evProposal} {
		_, err := s.Event(ctx, id)
		wantCode(t, err, diplograph.ENOTFOUND, "event only art-b reported: "+id)
	}

	searches := []struct {
		q    string
		want []string
	}{
		{"Diaoyu", []string{}},
		{"Nippon", []string{}},
		{"Taiwan", []string{taiwanStrait}},
		{"Senkaku", []string{senkaku}},
		{"Ishiba", []string{ishiba}},
	}
	for _, tc := range searches {
		conn, err := s.Entities(ctx, diplograph.EntityFilter{Query: tc.q}, diplograph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		equal(t, "search for "+tc.q, nodeIDs(conn, entityID), tc.want)
	}

	entities := []struct {
		id      string
		name    string
		aliases []string
		prov    provenance
	}{
		{senkaku, "Senkaku Islands", []string{"Senkaku Islands"}, provenance{1, "2025-02-04", "2025-02-04"}},
		{japan, "Japan", []string{"Japan", "Tokyo"}, provenance{2, "2025-01-20", "2025-02-04"}},
		{ishiba, "Shigeru Ishiba", []string{"Ishiba Shigeru", "Shigeru Ishiba"}, provenance{2, "2025-01-20", "2025-02-04"}},
		{china, "China", []string{"Beijing", "China"}, provenance{1, "2025-02-04", "2025-02-04"}},
	}
	for _, tc := range entities {
		e := entity(t, s, tc.id)
		equal(t, tc.id+" name", e.Name, tc.name)
		equal(t, tc.id+" aliases", set(e.Aliases), tc.aliases)
		equal(t, tc.id+" provenance", entityProv(e), tc.prov)
	}

	claims := relation(t, s, relChinaClaims)
	equal(t, "claims properties", nonEmpty(claims.Properties), map[string]string{})
	equal(t, "claims provenance", relationProv(claims), provenance{1, "2025-02-04", "2025-02-04"})

	sum := event(t, s, evSummit)
	equal(t, "summit status", sum.Status, diplograph.Planned)
	equal(t, "summit raw date", sum.Raw, "on Friday")
	equal(t, "summit plover", sum.Plover, "CONSULT")
	equal(t, "summit participants", participantSet(sum.Participants), set([]string{ishiba + "/GUEST", trump + "/HOST"}))
	equal(t, "summit provenance", eventProv(sum), provenance{1, "2025-02-04", "2025-02-04"})

	evs, err := s.Events(ctx, diplograph.EventFilter{Participants: []string{japan}}, diplograph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "events with Japan taking part", nodeIDs(evs, eventID), []string{})
	for _, f := range []diplograph.EventFilter{{Article: artB}, {Location: senkaku}, {Statuses: []diplograph.EventStatus{diplograph.Occurred}}} {
		conn, err := s.Events(ctx, f, diplograph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{}
		if len(f.Statuses) > 0 {
			want = []string{evCongrats, evInauguration}
		}
		equal(t, fmt.Sprintf("events %+v", f), nodeIDs(conn, eventID), want)
	}
	ents, err := s.Entities(ctx, diplograph.EntityFilter{Article: artB}, diplograph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "entities of the deleted article", nodeIDs(ents, entityID), []string{})
	rels, err := s.Relations(ctx, diplograph.RelationFilter{Article: artB}, diplograph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "relations of the deleted article", nodeIDs(rels, relationID), []string{})

	ev, err := s.Evidence(ctx, diplograph.EntityFact, []string{japan, taiwan})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Japan evidence articles", evidenceArticles(ev[japan]), []string{artC, artA, artA})
	equal(t, "evidence of a retracted entity", len(ev[taiwan]), 0)

	// Saving it again restores everything as it was.
	if res := save(t, s, fixtureB())[0]; res.Unchanged || res.Replaced {
		t.Errorf("saving art-b again after deleting it: %+v", res)
	}
	equal(t, "snapshot after saving art-b again", takeSnapshot(t, s), before)
}

// testConcurrent saves overlapping extractions from several goroutines, each
// article several times at once, while others read.
func testConcurrent(t *testing.T, s diplograph.Store) {
	const workers = 4
	xs := Generate(24, 7)
	var wg sync.WaitGroup
	results := make([][]diplograph.SaveResult, workers)
	errs := make(chan error, workers*len(xs)+workers)
	for w := range workers {
		wg.Go(func() {
			for i := range xs {
				x := xs[(i+w*len(xs)/workers)%len(xs)]
				res, err := s.Save(t.Context(), x)
				if err != nil {
					errs <- fmt.Errorf("worker %d: Save(%s): %w", w, x.Article.ID, err)
					return
				}
				results[w] = append(results[w], res)
			}
		})
	}
	wg.Go(func() {
		for range 20 {
			if _, err := s.Entities(t.Context(), diplograph.EntityFilter{Query: "a"}, diplograph.Page{First: 5}); err != nil {
				errs <- fmt.Errorf("reader: %w", err)
				return
			}
			if _, err := s.Events(t.Context(), diplograph.EventFilter{}, diplograph.Page{First: 5}); err != nil {
				errs <- fmt.Errorf("reader: %w", err)
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	written := map[string]int{}
	for _, rs := range results {
		for _, r := range rs {
			if !r.Unchanged {
				written[r.ArticleID]++
			}
		}
	}
	for _, x := range xs {
		if written[x.Article.ID] != 1 {
			t.Errorf("article %s written %d times, want once", x.Article.ID, written[x.Article.ID])
		}
	}

	// What the corpus says, counted here.
	support := map[diplograph.FactKind]map[string]map[string]bool{
		diplograph.EntityFact: {}, diplograph.RelationFact: {}, diplograph.EventFact: {},
	}
	add := func(kind diplograph.FactKind, id, article string) {
		if support[kind][id] == nil {
			support[kind][id] = map[string]bool{}
		}
		support[kind][id][article] = true
	}
	comments := 0
	for _, x := range xs {
		for _, e := range x.Entities {
			add(diplograph.EntityFact, e.ID, x.Article.ID)
		}
		for _, r := range x.Relations {
			add(diplograph.RelationFact, r.ID, x.Article.ID)
		}
		for _, e := range x.Events {
			add(diplograph.EventFact, e.ID, x.Article.ID)
		}
		comments += len(x.Comments)
	}
	equal(t, "stats", stats(t, s), diplograph.Stats{
		Articles: len(xs), Comments: comments, Entities: len(support[diplograph.EntityFact]),
		Relations: len(support[diplograph.RelationFact]), Events: len(support[diplograph.EventFact]),
	})

	var ids []string
	for id := range support[diplograph.EntityFact] {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	got, err := s.EntitiesByID(t.Context(), ids)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "entities found", len(got), len(ids))
	shared := 0
	for _, e := range got {
		want := len(support[diplograph.EntityFact][e.ID])
		if e.Corroboration != want {
			t.Errorf("entity %s corroboration %d, want %d", e.ID, e.Corroboration, want)
		}
		if want > 1 {
			shared++
		}
	}
	if shared == 0 {
		t.Error("the generated corpus shares no entity between articles; the test proves nothing")
	}
	for kind, facts := range support {
		var ids []string
		for id := range facts {
			ids = append(ids, id)
		}
		ev, err := s.Evidence(t.Context(), kind, ids)
		if err != nil {
			t.Fatal(err)
		}
		for id, arts := range facts {
			seen := map[string]bool{}
			for _, e := range ev[id] {
				seen[e.Article] = true
			}
			if len(seen) != len(arts) {
				t.Errorf("%s %s has evidence from %d articles, want %d", kind, id, len(seen), len(arts))
			}
		}
	}
}

func testStatsAndPing(t *testing.T, s diplograph.Store) {
	ctx := t.Context()
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	equal(t, "stats of an empty store", stats(t, s), diplograph.Stats{})
	arts, err := s.Articles(ctx, diplograph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "articles of an empty store", len(arts.Edges), 0)
	equal(t, "TotalCount of an empty store", arts.TotalCount, 0)
	equal(t, "HasNextPage of an empty store", arts.HasNextPage, false)
	evs, err := s.Events(ctx, diplograph.EventFilter{}, diplograph.Page{})
	if err != nil || len(evs.Edges) != 0 || evs.HasNextPage {
		t.Errorf("Events of an empty store = %+v, %v", evs, err)
	}
	ents, err := s.Entities(ctx, diplograph.EntityFilter{Query: "Japan"}, diplograph.Page{})
	if err != nil || len(ents.Edges) != 0 || ents.TotalCount != 0 {
		t.Errorf("Entities of an empty store = %+v, %v", ents, err)
	}

	saveAll(t, s)
	equal(t, "stats", stats(t, s), diplograph.Stats{Articles: 3, Comments: 3, Entities: 11, Relations: 6, Events: 6})
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
}
