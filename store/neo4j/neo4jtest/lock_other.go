//go:build !unix

package neo4jtest

// lockFile does nothing where advisory file locks are not available: run the
// packages that use Neo4j one at a time there (go test -p 1).
func lockFile(string) (unlock func(), err error) { return func() {}, nil }
