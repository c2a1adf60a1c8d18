package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"iter"
	"slices"

	"github.com/diplograph/diplograph"
)

var _ diplograph.Exporter = (*Store)(nil)

// exportBatch is how many articles one read transaction of Export reads.
const exportBatch = 200

// Export yields every stored article as the extraction that was saved, in
// article id order: the article, its comments, and its support rows, each
// view with its evidence, in the order the extraction listed them (the
// rows' insertion order). See diplograph.Exporter. Articles are read a
// batch at a time, each batch in its own read transaction that ends before
// its extractions are yielded, so a slow consumer never holds the file.
func (s *Store) Export(ctx context.Context) iter.Seq2[*diplograph.Extraction, error] {
	return func(yield func(*diplograph.Extraction, error) bool) {
		after := ""
		for {
			var batch []*diplograph.Extraction
			err := s.readTx(ctx, func(tx *sql.Tx) error {
				var err error
				batch, err = exportBatchAfter(ctx, tx, after)
				return err
			})
			if err != nil {
				yield(nil, fmt.Errorf("sqlite: export: %w", err))
				return
			}
			for _, x := range batch {
				if !yield(x, nil) {
					return
				}
			}
			if len(batch) < exportBatch {
				return
			}
			after = batch[len(batch)-1].Article.ID
		}
	}
}

// exportBatchAfter reads the next batch of articles after the id after.
func exportBatchAfter(ctx context.Context, tx *sql.Tx, after string) ([]*diplograph.Extraction, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id > ? ORDER BY id LIMIT ?`, after, exportBatch)
	if err != nil {
		return nil, err
	}
	var batch []*diplograph.Extraction
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		batch = append(batch, &diplograph.Extraction{Article: a})
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	for _, x := range batch {
		if err := exportComments(ctx, tx, x); err != nil {
			return nil, fmt.Errorf("article %s: %w", x.Article.ID, err)
		}
		if err := exportFacts(ctx, tx, x); err != nil {
			return nil, fmt.Errorf("article %s: %w", x.Article.ID, err)
		}
	}
	return batch, nil
}

func exportComments(ctx context.Context, tx *sql.Tx, x *diplograph.Extraction) error {
	rows, err := tx.QueryContext(ctx, `SELECT idx, author, text, stance, targets FROM comments WHERE article_id = ? ORDER BY pos`, x.Article.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c diplograph.Comment
		var targets string
		if err := rows.Scan(&c.Index, &c.Author, &c.Text, &c.Stance, &targets); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(targets), &c.Targets); err != nil {
			return err
		}
		x.Comments = append(x.Comments, c)
		// The article carries its comments too, as a loader gives them,
		// so that its content hash can be computed again from it.
		c.Targets = slices.Clone(c.Targets)
		x.Article.Comments = append(x.Article.Comments, c)
	}
	return rows.Err()
}

func exportFacts(ctx context.Context, tx *sql.Tx, x *diplograph.Extraction) error {
	rows, err := tx.QueryContext(ctx, `SELECT kind, fact_id, body, evidence FROM support WHERE article_id = ? ORDER BY rowid`, x.Article.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	text := []byte(x.Article.Text)
	for rows.Next() {
		var kind, id, body, evidence string
		if err := rows.Scan(&kind, &id, &body, &evidence); err != nil {
			return err
		}
		evs, err := decodeEvidence(x.Article.ID, text, []byte(evidence))
		if err != nil {
			return fmt.Errorf("%s %s evidence: %w", kind, id, err)
		}
		switch diplograph.FactKind(kind) {
		case diplograph.EntityFact:
			var e diplograph.Entity
			err = json.Unmarshal([]byte(body), &e)
			e.Evidence = evs
			x.Entities = append(x.Entities, e)
		case diplograph.RelationFact:
			var r diplograph.Relation
			err = json.Unmarshal([]byte(body), &r)
			r.Evidence = evs
			x.Relations = append(x.Relations, r)
		case diplograph.EventFact:
			var e diplograph.Event
			err = json.Unmarshal([]byte(body), &e)
			e.Evidence = evs
			x.Events = append(x.Events, e)
		default:
			err = fmt.Errorf("unknown fact kind %q", kind)
		}
		if err != nil {
			return fmt.Errorf("%s %s: %w", kind, id, err)
		}
	}
	return rows.Err()
}
