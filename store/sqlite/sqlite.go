// Package sqlite is Diplograph's embedded store: one SQLite file that keeps
// articles, their comments and the facts extracted from them, and answers the
// API's questions with no server to run. It implements diplograph.Store and
// owns the file's schema and its migrations; it knows nothing of how facts are
// extracted or served.
//
// Facts are kept per supporting article (the support table holds each
// article's own view of each fact with its evidence). The rows that reads use
// (entities, relations, events, their name index and full-text index) are
// derived from those views inside the transaction that saves or deletes an
// article, so a deletion retracts exactly what only that article said and a
// second save of the same content changes nothing.
//
// The file runs in WAL mode: one connection writes while a pool of read-only
// connections keeps answering from the last committed state.
package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/diplograph/diplograph"
)

// Store is a diplograph.Store kept in one SQLite file. Its methods are safe
// for concurrent use; saves are serialized on one writer connection.
type Store struct {
	path  string
	write *sql.DB // exactly one connection: SQLite has one writer at a time anyway
	read  *sql.DB // read-only connections, served from the last commit while a save runs
	log   *slog.Logger
	stmts map[string]*sql.Stmt // the writer's statements, prepared once at Open

	closeOnce sync.Once
	closeErr  error

	// beforeCommit lets this package's tests hold or fail a save inside its
	// transaction; it is nil outside tests.
	beforeCommit func() error
}

var (
	_ diplograph.Store           = (*Store)(nil)
	_ diplograph.BatchSaver      = (*Store)(nil)
	_ diplograph.DeferredGrouper = (*Store)(nil)
)

// Option configures Open.
type Option func(*options)

type options struct {
	log         *slog.Logger
	readConns   int
	busyTimeout time.Duration
}

// WithLogger sets the logger for migrations and other rare events. The
// default discards them.
func WithLogger(l *slog.Logger) Option {
	return func(o *options) {
		if l != nil {
			o.log = l
		}
	}
}

// WithReadConns sets how many read-only connections serve queries at once
// (default: the number of CPUs, at least 2).
func WithReadConns(n int) Option {
	return func(o *options) {
		if n > 0 {
			o.readConns = n
		}
	}
}

// WithBusyTimeout sets how long a connection waits for a lock held by another
// process on the same file, such as a `diplograph load` running beside a
// server (default 10s).
func WithBusyTimeout(d time.Duration) Option {
	return func(o *options) {
		if d > 0 {
			o.busyTimeout = d
		}
	}
}

// Open opens the store in the file at path, creating the file and its parent
// directories if needed and bringing its schema up to date. The caller must
// Close it.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	o := options{
		log:         slog.New(slog.DiscardHandler),
		readConns:   max(2, runtime.NumCPU()),
		busyTimeout: 10 * time.Second,
	}
	for _, opt := range opts {
		opt(&o)
	}
	if path == "" {
		return nil, diplograph.Errorf(diplograph.EINVALID, "sqlite: no database path given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}

	if err := createFile(abs, o.busyTimeout); err != nil {
		return nil, fmt.Errorf("sqlite: create %s: %w", abs, err)
	}
	s := &Store{path: abs, log: o.log}
	s.write, err = openDB(dsn(abs, true, o.busyTimeout))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}
	s.write.SetMaxOpenConns(1)
	s.write.SetMaxIdleConns(1)
	s.write.SetConnMaxLifetime(0)
	s.write.SetConnMaxIdleTime(0)
	if err := migrate(ctx, s.write, s.log); err != nil {
		s.write.Close()
		return nil, fmt.Errorf("sqlite: migrate %s: %w", abs, err)
	}
	if err := s.prepare(ctx); err != nil {
		s.write.Close()
		return nil, fmt.Errorf("sqlite: prepare: %w", err)
	}

	// Readers open after the writer has switched the file to WAL and created
	// the schema, so none of them ever sees a half-made file.
	s.read, err = openDB(dsn(abs, false, o.busyTimeout))
	if err != nil {
		s.closeWriter()
		return nil, fmt.Errorf("sqlite: open %s: %w", abs, err)
	}
	s.read.SetMaxOpenConns(o.readConns)
	s.read.SetMaxIdleConns(o.readConns)
	if err := s.Ping(ctx); err != nil {
		s.read.Close()
		s.closeWriter()
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return s, nil
}

// pageSize is the page size of new files. A bulk load's time goes into
// B-tree pages read, dirtied and written to the WAL; with 16 KiB pages
// instead of SQLite's 4 KiB a 16,000-article load ran 15% faster in less
// memory (docs/embedded-store.md). A file keeps the page size it was made
// with.
const pageSize = 16384

// createFile makes a new, empty database file with pageSize pages in WAL
// mode, unless the file exists. The page size must be set before the
// journal mode: the driver applies a DSN's journal mode first, which fixes
// the page size at its default.
func createFile(path string, busyTimeout time.Duration) error {
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		return nil
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	// Another process may be making the same file: wait for its lock.
	db, err := openDB(fmt.Sprintf("%s?_pragma=busy_timeout(%d)", fileURI(path), busyTimeout.Milliseconds()))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{fmt.Sprintf("PRAGMA page_size = %d", pageSize), "PRAGMA journal_mode = WAL"} {
		if _, err := db.Exec(q); err != nil {
			return err
		}
	}
	return db.Close()
}

// dsn is the data source name of one pool. Both pools wait busyTimeout for
// another process's locks; the writer turns on WAL (which the file keeps) and
// takes its write lock when a transaction begins, so two writers never
// deadlock upgrading read locks; readers cannot write at all.
func dsn(path string, writer bool, busyTimeout time.Duration) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	if writer {
		q.Add("_pragma", "journal_mode(WAL)")
		// In WAL mode NORMAL never corrupts the file; a power cut may lose
		// the last saves, which a rerun of the load puts back.
		q.Add("_pragma", "synchronous(NORMAL)")
		// A save reads the fact rows it merges into; a 448 MiB page cache
		// (the default is 2 MiB) keeps a bulk load's working set in memory
		// instead of reading it back page by page.
		q.Add("_pragma", "cache_size(-458752)")
		// Checkpoints copy the WAL back into the file and sync it; every
		// 64 MiB of WAL rather than every 4 MiB, a bulk load writes its hot
		// index pages back once per many commits, not with nearly every one.
		q.Add("_pragma", "wal_autocheckpoint(16384)")
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	return fileURI(path) + "?" + q.Encode()
}

// fileURI is the driver's URI of the file at path, escaped so that a path
// with "?" or "#" in it stays one path.
func fileURI(path string) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath()
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Ping checks that the store can answer a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.read.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return fmt.Errorf("sqlite: ping: %w", err)
	}
	return nil
}

// SchemaVersion returns the schema version of the file (PRAGMA
// user_version), which Open has brought up to the newest this build knows.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.read.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("sqlite: schema version: %w", err)
	}
	return v, nil
}

// Backup writes a consistent, compacted copy of the database to dest, which
// must not exist yet, while the store stays open for reads and writes.
func (s *Store) Backup(ctx context.Context, dest string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	if _, err := os.Stat(abs); err == nil {
		return diplograph.Errorf(diplograph.EINVALID, "backup destination %s exists already", dest)
	}
	// VACUUM INTO reads one snapshot, so it needs no write lock and runs on
	// a reader while saves go on. Readers are query_only, which forbids
	// writing any file, so this one is let out for the backup alone.
	conn, err := s.read.Conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA query_only = 0`); err != nil {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	_, err = conn.ExecContext(ctx, `VACUUM INTO ?`, abs)
	// Back to read-only before the connection returns to the pool; if that
	// fails, the connection is dropped instead.
	if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA query_only = 1`); rerr != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	if err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", abs, err)
	}
	return nil
}

// Close closes the store. The last connection to close checkpoints the WAL
// into the main file and removes the -wal and -shm side files. Close is safe
// to call more than once.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		var errs []error
		if s.read != nil {
			errs = append(errs, s.read.Close())
		}
		errs = append(errs, s.closeWriter())
		if err := errors.Join(errs...); err != nil {
			s.closeErr = fmt.Errorf("sqlite: close: %w", err)
		}
	})
	return s.closeErr
}

func (s *Store) closeWriter() error {
	var errs []error
	// PRAGMA optimize refreshes the planner's statistics for the tables
	// that changed; SQLite recommends it before closing a connection.
	if _, err := s.write.Exec(`PRAGMA optimize`); err != nil {
		s.log.Warn("sqlite: optimize on close", "err", err)
	}
	for _, st := range s.stmts {
		errs = append(errs, st.Close())
	}
	errs = append(errs, s.write.Close())
	return errors.Join(errs...)
}
