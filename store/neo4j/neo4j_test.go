package neo4j_test

import (
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/neo4j"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
	"github.com/diplograph/diplograph/store/storetest"
)

func config(srv neo4jtest.Server) neo4j.Config {
	return neo4j.Config{URI: srv.URI, Username: srv.Username, Password: srv.Password, Database: srv.Database}
}

// TestStore runs the conformance suite against the real Neo4j that
// NEO4J_URI names, each subtest on an emptied database.
func TestStore(t *testing.T) {
	srv := neo4jtest.Use(t)
	storetest.Run(t, func(t *testing.T) diplograph.Store {
		srv.Wipe(t)
		s, err := neo4j.Open(t.Context(), config(srv))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// BenchmarkStore runs the store benchmarks every backend reports against
// the real Neo4j (see storetest.Bench).
func BenchmarkStore(b *testing.B) {
	srv := neo4jtest.Use(b)
	storetest.Bench(b, func(b *testing.B) diplograph.Store {
		srv.Wipe(b)
		s, err := neo4j.Open(b.Context(), config(srv))
		if err != nil {
			b.Fatal(err)
		}
		return s
	})
}
