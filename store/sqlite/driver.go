package sqlite

import (
	"database/sql"

	// modernc.org/sqlite is SQLite translated to Go: no cgo, FTS5 and JSON
	// built in. docs/embedded-store.md says why it was chosen.
	_ "modernc.org/sqlite"
)

// openDB opens a pool on the driver this package is built with. It is the
// only place that names the driver.
func openDB(dsn string) (*sql.DB, error) {
	return sql.Open("sqlite", dsn)
}
