package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/neo4j"
	"github.com/diplograph/diplograph/store/sqlite"
)

// The stores a command can open.
const (
	storeEmbedded = "embedded"
	storeNeo4j    = "neo4j"
)

// storeFlags are the flags of every command that opens the store: which
// store, the embedded store's file and the Neo4j settings. The Neo4j
// password is read from NEO4J_PASSWORD only, never from a flag, which any
// user of the machine could read in the process list.
type storeFlags struct {
	kind      string
	db        string
	neo4jURI  string
	neo4jUser string
	neo4jDB   string
	password  string
}

func (s *storeFlags) register(fs *flag.FlagSet, e *env) {
	fs.StringVar(&s.kind, "store", envOr(e, "DIPLOGRAPH_STORE", storeEmbedded), "store: embedded or neo4j (env DIPLOGRAPH_STORE)")
	s.registerEnds(fs, e)
}

// registerEnds registers the flags that say where each kind of store is,
// without the choice of store.
func (s *storeFlags) registerEnds(fs *flag.FlagSet, e *env) {
	fs.StringVar(&s.db, "db", envOr(e, "DIPLOGRAPH_DB", "diplograph.db"), "embedded store file (env DIPLOGRAPH_DB)")
	fs.StringVar(&s.neo4jURI, "neo4j-uri", envOr(e, "NEO4J_URI", "bolt://127.0.0.1:7687"),
		"Neo4j address: bolt://host:7687 for one server, neo4j+s://host for Aura or a cluster (env NEO4J_URI)")
	fs.StringVar(&s.neo4jUser, "neo4j-username", envOr(e, "NEO4J_USERNAME", "neo4j"), "Neo4j user (env NEO4J_USERNAME); the password comes from NEO4J_PASSWORD")
	fs.StringVar(&s.neo4jDB, "neo4j-database", e.getenv("NEO4J_DATABASE"), "Neo4j database (env NEO4J_DATABASE; default: the server's default database)")
	s.password = e.getenv("NEO4J_PASSWORD")
}

// check refuses an unknown store before anything is opened.
func (s *storeFlags) check(e *env) error {
	switch s.kind {
	case storeEmbedded, storeNeo4j:
		return nil
	}
	return badUsage(e, "unknown store %q: use embedded or neo4j", s.kind)
}

// badUsage says what is wrong with the command line and returns
// errUsageShown, which exits with status 2 and prints nothing more.
func badUsage(e *env, format string, args ...any) error {
	fmt.Fprintf(e.stderr, "diplograph: "+format+"\n", args...)
	return errUsageShown
}

// String names the store for messages: its kind and where it is.
func (s *storeFlags) String() string {
	if s.kind == storeNeo4j {
		if s.neo4jDB != "" {
			return fmt.Sprintf("neo4j %s (database %s)", s.neo4jURI, s.neo4jDB)
		}
		return "neo4j " + s.neo4jURI
	}
	return "embedded store " + s.db
}

// exportStore is what the commands need of either store, export included.
type exportStore interface {
	diplograph.Store
	diplograph.Exporter
}

// open opens the store the flags name and brings its schema up to date.
func (s *storeFlags) open(ctx context.Context, e *env) (exportStore, error) {
	if err := s.check(e); err != nil {
		return nil, err
	}
	switch s.kind {
	case storeNeo4j:
		st, err := neo4j.Open(ctx, neo4j.Config{
			URI: s.neo4jURI, Username: s.neo4jUser, Password: s.password, Database: s.neo4jDB, Logger: e.log,
		})
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		return st, nil
	default:
		st, err := sqlite.Open(ctx, s.db, sqlite.WithLogger(e.log))
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", s.db, err)
		}
		return st, nil
	}
}
