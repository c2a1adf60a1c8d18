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
