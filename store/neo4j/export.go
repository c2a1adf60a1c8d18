package neo4j

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"slices"

	"github.com/diplograph/diplograph"
)

// exportBatch is how many article ids one read fetches while exporting.
const exportBatch = 200

// Export yields every stored article as the extraction that was saved, in
// article id order. See diplograph.Exporter. Articles are read a batch of
// ids at a time, each in its own read transaction, so an export of a large
// graph holds no long transaction; an article deleted meanwhile is skipped.
func (s *Store) Export(ctx context.Context) iter.Seq2[*diplograph.Extraction, error] {
	return func(yield func(*diplograph.Extraction, error) bool) {
		after := ""
		for {
			recs, err := s.readAll(ctx, `MATCH (a:Article) WHERE a.id > $after
				RETURN a.id AS id ORDER BY a.id LIMIT $n`, map[string]any{"after": after, "n": exportBatch})
			if err != nil {
				yield(nil, fmt.Errorf("neo4j: export: %w", err))
				return
			}
			for _, r := range recs {
				id := str(r, "id")
				after = id
				x, ok, err := s.exportArticle(ctx, id)
				if err != nil {
					yield(nil, fmt.Errorf("neo4j: export article %s: %w", id, err))
					return
				}
				if ok && !yield(x, nil) {
					return
				}
			}
			if len(recs) < exportBatch {
				return
			}
		}
	}
}

// exportArticle reads one article back as its extraction.
func (s *Store) exportArticle(ctx context.Context, id string) (*diplograph.Extraction, bool, error) {
	rec, ok, err := s.readOne(ctx, `MATCH (a:Article {id: $id})
		RETURN properties(a) AS a,
			[(a)-[:HAS_COMMENT]->(c:Comment) | properties(c)] AS comments,
			[(a)-[m:MENTIONS]->(:Entity) | m {.pos, .view, .sentences, .starts, .ends}] AS entities,
			[(a)-[:ASSERTS]->(x:Assertion) | x {.pos, .view, .sentences, .starts, .ends}] AS relations,
			[(a)-[m:REPORTS|PENDING_REPORT]->() | m {.pos, .view, .sentences, .starts, .ends}] AS events`, map[string]any{"id": id})
	if err != nil || !ok {
		return nil, false, err
	}
	am, _ := rec["a"].(map[string]any)
	x := &diplograph.Extraction{Article: readArticle(am)}

	cs := mapsOf(rec["comments"])
	slices.SortFunc(cs, byPos)
	for _, m := range cs {
		c := readComment(m)
		x.Comments = append(x.Comments, c)
		c.Targets = slices.Clone(c.Targets)
		x.Article.Comments = append(x.Article.Comments, c)
	}
	if x.Entities, err = exportViews[diplograph.Entity](rec["entities"], func(e *diplograph.Entity, evs []diplograph.Evidence) { e.Evidence = evs }); err != nil {
		return nil, false, err
	}
	if x.Relations, err = exportViews[diplograph.Relation](rec["relations"], func(r *diplograph.Relation, evs []diplograph.Evidence) { r.Evidence = evs }); err != nil {
		return nil, false, err
	}
	if x.Events, err = exportViews[diplograph.Event](rec["events"], func(e *diplograph.Event, evs []diplograph.Evidence) { e.Evidence = evs }); err != nil {
		return nil, false, err
	}
	return x, true, nil
}

func byPos(a, b map[string]any) int { return cmp.Compare(integer(a, "pos"), integer(b, "pos")) }

// exportViews decodes an article's views of one kind of fact, in the order
// of its extraction, each with its evidence.
func exportViews[T any](v any, setEvidence func(*T, []diplograph.Evidence)) ([]T, error) {
	ms := mapsOf(v)
	slices.SortFunc(ms, byPos)
	var out []T
	for _, m := range ms {
		var f T
		if err := json.Unmarshal([]byte(str(m, "view")), &f); err != nil {
			return nil, err
		}
		setEvidence(&f, readEvidence(m))
		out = append(out, f)
	}
	return out, nil
}
