package sqlite

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkInsertFloor measures what a row of the support table's shape
// costs SQLite itself, with no merging around it: into the table alone,
// and into the table and two indexes with keys in order and at random.
// docs/embedded-store.md uses it to show what bounds a bulk load.
func BenchmarkInsertFloor(b *testing.B) {
	for _, bc := range []struct {
		name            string
		indexed, random bool
	}{{"table", false, false}, {"indexes-in-order", true, false}, {"indexes-at-random", true, true}} {
		b.Run(bc.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "floor.db")
			if err := createFile(path, 0); err != nil {
				b.Fatal(err)
			}
			db, err := openDB(dsn(path, true, 0))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			db.SetMaxOpenConns(1)
			stmts := []string{`CREATE TABLE support (kind TEXT, fact_id TEXT, article_id TEXT, body TEXT, evidence TEXT)`}
			if bc.indexed {
				stmts = append(stmts, `CREATE UNIQUE INDEX s_fact ON support (kind, fact_id, article_id)`,
					`CREATE INDEX s_article ON support (article_id, kind, fact_id)`)
			}
			for _, q := range stmts {
				if _, err := db.Exec(q); err != nil {
					b.Fatal(err)
				}
			}
			body, evidence := strings.Repeat("v", 150), strings.Repeat("e", 100)
			r := rand.New(rand.NewPCG(1, 2))
			n := 0
			for b.Loop() {
				tx, err := db.Begin()
				if err != nil {
					b.Fatal(err)
				}
				st, err := tx.Prepare(`INSERT INTO support VALUES (?, ?, ?, ?, ?)`)
				if err != nil {
					b.Fatal(err)
				}
				for range 7000 {
					key := uint64(n)
					if bc.random {
						key = r.Uint64()
					}
					if _, err := st.Exec("event", fmt.Sprintf("event:%016x", key), fmt.Sprintf("art-%08d", n/30), body, evidence); err != nil {
						b.Fatal(err)
					}
					n++
				}
				st.Close()
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n)/1000, "µs/row")
		})
	}
}
