package storetest

import (
	"testing"

	"github.com/diplograph/diplograph"
)

// testBatch checks diplograph.BatchSaver: a batch saves as the same saves
// one by one would, refuses a bad article alone, and sees its own earlier
// articles.
func testBatch(t *testing.T, s diplograph.Store) {
	bs, ok := s.(diplograph.BatchSaver)
	if !ok {
		t.Fatalf("%T does not implement diplograph.BatchSaver", s)
	}
	ctx := t.Context()

	if res, err := bs.SaveBatch(ctx, nil); err != nil || len(res) != 0 {
		t.Fatalf("SaveBatch(nil) = %v, %v; want nothing", res, err)
	}

	spoiled := fixtureB()
	spoiled.Events[0].Type = "PARTY"
	res, err := bs.SaveBatch(ctx, []*diplograph.Extraction{fixtureA(), spoiled, fixtureC(), fixtureA(), nil})
	if err != nil {
		t.Fatalf("SaveBatch: %v", err)
	}
	if len(res) != 5 {
		t.Fatalf("SaveBatch returned %d results for 5 articles", len(res))
	}
	for _, i := range []int{0, 2, 3} {
		if res[i].Err != nil {
			t.Errorf("batch[%d]: %v", i, res[i].Err)
		}
	}
	equal(t, "batch[0]", res[0].SaveResult, diplograph.SaveResult{ArticleID: artA, Entities: 9, Relations: 6, Events: 1})
	wantCode(t, res[1].Err, diplograph.EINVALID, "a spoiled article in a batch")
	equal(t, "batch[2] article", res[2].ArticleID, artC)
	equal(t, "batch[3] (art-a again) unchanged", res[3].SaveResult, diplograph.SaveResult{ArticleID: artA, Unchanged: true})
	wantCode(t, res[4].Err, diplograph.EINVALID, "a nil extraction in a batch")
	if ok, _ := s.HasArticle(ctx, fixtureB().Article.Hash); ok {
		t.Error("the refused article was stored")
	}
	batched := takeSnapshot(t, s)

	// The same articles saved one by one give the same graph.
	for _, id := range []string{artA, artC} {
		if err := s.DeleteArticle(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	equal(t, "stats after deleting the batch", stats(t, s), diplograph.Stats{})
	save(t, s, fixtureA(), fixtureC())
	equal(t, "snapshot of a batch vs one by one", takeSnapshot(t, s), batched)

	// A later version of an article in the same batch replaces it.
	res, err = bs.SaveBatch(ctx, []*diplograph.Extraction{fixtureB(), fixtureA2()})
	if err != nil {
		t.Fatalf("SaveBatch: %v", err)
	}
	equal(t, "batch with a new version: replaced", res[1].Replaced, true)
	equal(t, "stats after the second batch", stats(t, s).Articles, 3)
}

// testBatchRepeats checks that a batch that repeats itself saves as the
// same saves one by one would: an article twice, a new version of an
// article saved earlier in the batch, the first version's content under
// another id after it (no longer stored by then, so saved), another
// article's content under another id (stored: unchanged), and articles
// that share entities, relations and event keys, among them reports of one
// event whose date a new version changes.
func testBatchRepeats(t *testing.T, s diplograph.Store) {
	bs, ok := s.(diplograph.BatchSaver)
	if !ok {
		t.Fatalf("%T does not implement diplograph.BatchSaver", s)
	}
	ctx := t.Context()
	gen := Generate(8, 31)
	reports := mergeCorpus()

	revised := *gen[2]
	revised.Article.Title += " (revised)"
	revised.Article.Hash = diplograph.ContentHash(&revised.Article)
	revised.Events = nil
	revised.Relations = revised.Relations[:1]
	firstContent := *gen[2]
	firstContent.Article.ID = "copy-of-first-version"
	sameContent := *gen[3]
	sameContent.Article.ID = "copy-of-gen-3"
	redated := visit("o-14", "2025-10-15", visitID("2025-10"), oct24)

	batch := []*diplograph.Extraction{
		gen[0], reports[0], gen[1], gen[2], reports[1], gen[3], &sameContent, gen[1], &revised,
		&firstContent, reports[2], redated, reports[3], gen[4], reports[4], gen[5], reports[5], gen[6], gen[7],
	}
	res, err := bs.SaveBatch(ctx, batch)
	if err != nil {
		t.Fatalf("SaveBatch: %v", err)
	}
	if len(res) != len(batch) {
		t.Fatalf("SaveBatch returned %d results for %d articles", len(res), len(batch))
	}
	batched := takeSnapshot(t, s)
	if batched.Stats.Articles != 15 {
		t.Errorf("the batch stored %d articles, want 15", batched.Stats.Articles)
	}
	corroborated := 0
	for _, e := range batched.Events {
		if e.Corroboration > 1 {
			corroborated++
		}
	}
	if corroborated == 0 {
		t.Error("no event of the batch has two reports; the test proves little")
	}

	arts, err := s.Articles(ctx, diplograph.Page{First: diplograph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range nodeIDs(arts, articleID) {
		deleteArticle(t, s, id)
	}
	equal(t, "stats after deleting the batch", stats(t, s), diplograph.Stats{})
	for i, x := range batch {
		one, err := s.Save(ctx, x)
		if err != nil {
			t.Fatalf("Save(%s): %v", x.Article.ID, err)
		}
		if res[i].Err != nil || res[i].SaveResult != one {
			t.Errorf("batch[%d] (%s): %+v, %v; one by one: %+v", i, x.Article.ID, res[i].SaveResult, res[i].Err, one)
		}
	}
	equal(t, "snapshot of a batch vs one by one", takeSnapshot(t, s), batched)
}
