// Package neo4jtest gives tests a real Neo4j to run against: the server that
// NEO4J_URI names (scripts/neo4j/start runs one; see docs/neo4j-dev.md),
// emptied before each use and held by one test process at a time, since
// Neo4j Community has a single database that every package's tests share.
// It owns nothing but that plumbing; it does not depend on the store.
package neo4jtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Server is where the tests' Neo4j is, from the conventional variables.
type Server struct {
	URI, Username, Password, Database string
}

// Required reports whether a missing Neo4j fails the tests instead of
// skipping them: on CI (CI=true) and when DIPLOGRAPH_REQUIRE_NEO4J=1, a
// skipped suite is never a pass.
func Required() bool {
	return os.Getenv("CI") == "true" || os.Getenv("DIPLOGRAPH_REQUIRE_NEO4J") == "1"
}

// Use returns the server NEO4J_URI names and holds it for t until t ends:
// other test processes that Use the same server wait. Without NEO4J_URI it
// skips t, or fails it when Required.
func Use(t testing.TB) Server {
	t.Helper()
	srv := Server{
		URI:      os.Getenv("NEO4J_URI"),
		Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	if srv.URI == "" {
		msg := "NEO4J_URI is not set: no Neo4j to test against (export NEO4J_URI=$(scripts/neo4j/start))"
		if Required() {
			t.Fatal(msg + "; CI=true or DIPLOGRAPH_REQUIRE_NEO4J=1 requires it")
		}
		t.Skip(msg)
	}
	sum := sha256.Sum256([]byte(srv.URI + "\x00" + srv.Database))
	path := filepath.Join(os.TempDir(), "diplograph-neo4jtest-"+hex.EncodeToString(sum[:6])+".lock")
	unlock, err := lockFile(path)
	if err != nil {
		t.Fatalf("neo4jtest: lock %s: %v", path, err)
	}
	t.Cleanup(unlock)
	return srv
}

// Auth is the driver's authentication for srv: basic auth with a password,
// none without.
func (srv Server) Auth() neo4j.AuthToken {
	if srv.Password == "" {
		return neo4j.NoAuth()
	}
	user := srv.Username
	if user == "" {
		user = "neo4j"
	}
	return neo4j.BasicAuth(user, srv.Password, "")
}

// Wipe deletes every node and relationship of the database; constraints
// and indexes stay.
func (srv Server) Wipe(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	drv, err := neo4j.NewDriverWithContext(srv.URI, srv.Auth())
	if err != nil {
		t.Fatalf("neo4jtest: %v", err)
	}
	defer drv.Close(ctx)
	_, err = neo4j.ExecuteQuery(ctx, drv, `MATCH (n) DETACH DELETE n`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(srv.Database))
	if err != nil {
		t.Fatalf("neo4jtest: wipe %s: %v", srv.URI, err)
	}
}
