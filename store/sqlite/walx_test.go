package sqlite

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph/store/storetest"
)

func TestWALX(t *testing.T) {
	if os.Getenv("XPRAGMA") == "" {
		t.Skip()
	}
	path := filepath.Join(t.TempDir(), "x.db")
	s := open(t, path)
	xs := storetest.Generate(400, 1)
	saveAll(t, s, xs[:200])
	fi, _ := os.Stat(path + "-wal")
	before := fi.Size()
	saveAll(t, s, xs[200:])
	fi, _ = os.Stat(path + "-wal")
	t.Logf("pages per commit (200..400): %.1f", float64(fi.Size()-before)/4120/200)
	var pages int
	s.read.QueryRow(`PRAGMA page_count`).Scan(&pages)
	t.Logf("db pages %d", pages)
	for _, tb := range []string{"articles", "comments", "support", "support_article", "entities", "entities_rank", "entity_names", "relations", "events", "event_participants", "sqlite_autoindex_support_1"} {
		var n int
		s.read.QueryRow(`SELECT count(*) FROM dbstat WHERE name = ?`, tb).Scan(&n)
		t.Logf("%s: %d pages", tb, n)
	}
	s.Close()
}
