// Package neo4j is Diplograph's store on a Neo4j server, cluster or Aura
// database: it keeps articles, their comments and the facts extracted from
// them as a property graph, and answers the API's questions with Cypher over
// Bolt. It implements diplograph.Store, diplograph.DeferredGrouper (a bulk
// load's event reports can wait to be grouped, see pending.go) and
// diplograph.Exporter with the same semantics as the embedded store (the
// conformance suite in store/storetest holds both to them), and owns the
// graph's schema: its constraints, indexes and the shape docs/neo4j.md
// describes. It knows nothing of how facts are extracted or served.
//
// Facts are kept per supporting article, as in the embedded store: each
// article's own view of a fact, with its evidence, lives on the article's
// MENTIONS and REPORTS relationships and its Assertion nodes. The entity
// nodes, the typed relationships between them and the event nodes that
// reads use are derived from those views inside the transaction that saves
// or deletes an article, so a deletion retracts exactly what only that
// article said and a second save of the same content changes nothing.
package neo4j

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
)

// Config says which Neo4j to use and how.
type Config struct {
	// URI is the server's address: bolt://host:7687 for one server,
	// neo4j://host:7687 for a cluster (reads are routed to readers), and
	// the +s or +ssc variants for TLS (neo4j+s://xxxx.databases.neo4j.io
	// for Aura).
	URI string
	// Username and Password authenticate with basic auth; with no
	// password, no authentication is sent.
	Username, Password string
	// Database is the database to use; empty means the server's default
	// (neo4j on Community, which has no other).
	Database string
	// Logger receives migrations and the driver's warnings and errors. The
	// default discards them.
	Logger *slog.Logger
	// MaxConnectionPoolSize caps the connections to each server (default
	// 100, the driver's).
	MaxConnectionPoolSize int
	// MaxRetryTime bounds how long a transaction is retried after
	// transient failures such as a lost connection or a deadlock (default
	// 30s, the driver's). The caller's context bounds it too.
	MaxRetryTime time.Duration
	// ConnectTimeout bounds opening one connection (default 5s).
	ConnectTimeout time.Duration
}

// Store is a diplograph.Store kept in Neo4j. Its methods are safe for
// concurrent use. It holds one driver, whose pool reconnects on its own
// after the server goes away and comes back; every call opens its own
// short-lived session, so nothing keeps a dead connection.
type Store struct {
	driver neo4j.DriverWithContext
	cfg    Config
	log    *slog.Logger

	// lastSeq is the last save stamp handed out; see nextSeq.
	lastSeq atomic.Int64
	// groupChunk is how many waiting reports a GroupPending transaction
	// takes: pendingChunk, but in tests.
	groupChunk int
	// groupWorkers is how many GroupPending transactions run at once:
	// groupWorkers, but in tests.
	groupWorkers int

	closeOnce sync.Once
	closeErr  error
}

var (
	_ diplograph.Store           = (*Store)(nil)
	_ diplograph.BatchSaver      = (*Store)(nil)
	_ diplograph.DeferredGrouper = (*Store)(nil)
	_ diplograph.Exporter        = (*Store)(nil)
)

// Open connects to the Neo4j of cfg, checks that it answers and brings its
// schema up to date (see Migrate). The caller must Close the store.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URI == "" {
		return nil, diplograph.Errorf(diplograph.EINVALID, "neo4j: no URI given (set NEO4J_URI, e.g. bolt://127.0.0.1:7687)")
	}
	u, err := url.Parse(cfg.URI)
	if err != nil || u.Host == "" {
		return nil, diplograph.Errorf(diplograph.EINVALID, "neo4j: %q is not a URI such as bolt://127.0.0.1:7687 or neo4j+s://host", cfg.URI)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		user := cfg.Username
		if user == "" {
			user = "neo4j"
		}
		auth = neo4j.BasicAuth(user, cfg.Password, "")
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *neo4j.Config) {
		c.Log = driverLog{cfg.Logger}
		if cfg.MaxConnectionPoolSize > 0 {
			c.MaxConnectionPoolSize = cfg.MaxConnectionPoolSize
		}
		if cfg.MaxRetryTime > 0 {
			c.MaxTransactionRetryTime = cfg.MaxRetryTime
		}
		if cfg.ConnectTimeout > 0 {
			c.SocketConnectTimeout = cfg.ConnectTimeout
		}
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j: %s: %w", redact(cfg.URI), err)
	}
	s := &Store{driver: drv, cfg: cfg, log: cfg.Logger, groupChunk: pendingChunk, groupWorkers: groupWorkers}
	if err := drv.VerifyConnectivity(ctx); err != nil {
		drv.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("neo4j: cannot reach %s (is the server running, and are NEO4J_USERNAME and NEO4J_PASSWORD right?): %w", redact(cfg.URI), err)
	}
	if err := s.Migrate(ctx); err != nil {
		drv.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return s, nil
}

// redact returns uri without any password it carries.
func redact(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return uri
	}
	return u.Redacted()
}

// URI returns the address the store connects to.
func (s *Store) URI() string { return redact(s.cfg.URI) }

// Database returns the database the store uses, "" for the server's
// default.
func (s *Store) Database() string { return s.cfg.Database }

// session opens a session for one call. Sessions share the driver's
// bookmark manager, so that a read sees the writes this store made before
// it even on a cluster member that is catching up.
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{
		AccessMode:      mode,
		DatabaseName:    s.cfg.Database,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
	})
}

// read runs fn in a managed read transaction, retried by the driver on
// transient failures. fn must have no effect outside the transaction.
func read[T any](ctx context.Context, s *Store, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	return neo4j.ExecuteRead(ctx, sess, fn)
}

// write runs fn in a managed write transaction, retried by the driver on
// transient failures (a deadlock, a lost connection, a leader switch): fn
// must have no effect outside the transaction and must compute everything
// it writes from what it reads inside it.
func write[T any](ctx context.Context, s *Store, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	return neo4j.ExecuteWrite(ctx, sess, fn)
}

// Ping checks that the database answers a query. Its error carries a
// message that is safe to show (a *diplograph.Error) wrapping the cause.
func (s *Store) Ping(ctx context.Context) error {
	_, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		res, err := tx.Run(ctx, `RETURN 1`, nil)
		if err != nil {
			return struct{}{}, err
		}
		_, err = res.Single(ctx)
		return struct{}{}, err
	})
	if err != nil {
		msg := "neo4j does not answer"
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
			msg = "neo4j did not answer in time"
		}
		return fmt.Errorf("neo4j: ping %s: %w: %w", redact(s.cfg.URI), &diplograph.Error{Code: diplograph.EINTERNAL, Message: msg}, err)
	}
	return nil
}

// Close closes the driver and its connections. It is safe to call more
// than once.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if err := s.driver.Close(context.Background()); err != nil {
			s.closeErr = fmt.Errorf("neo4j: close: %w", err)
		}
	})
	return s.closeErr
}

// nextSeq returns the stamp that orders this save among others: the
// article saved last wins ties between articles of the same date. It is
// the wall clock in nanoseconds, kept strictly increasing within the
// process, so that saves from several processes order by time too.
func (s *Store) nextSeq() int64 {
	for {
		last := s.lastSeq.Load()
		n := max(time.Now().UnixNano(), last+1)
		if s.lastSeq.CompareAndSwap(last, n) {
			return n
		}
	}
}

// driverLog passes the driver's errors and warnings to slog as warnings
// (the driver logs an error for every failed attempt, including those it
// then retries); its informational and debug lines go to slog's debug
// level.
type driverLog struct{ l *slog.Logger }

func (d driverLog) Error(name, id string, err error) {
	d.l.Warn("neo4j driver", "component", name, "id", id, "err", err)
}

func (d driverLog) Warnf(name, id string, msg string, args ...any) {
	d.l.Warn("neo4j driver: "+fmt.Sprintf(msg, args...), "component", name, "id", id)
}

func (d driverLog) Infof(name, id string, msg string, args ...any) {
	d.l.Debug("neo4j driver: "+fmt.Sprintf(msg, args...), "component", name, "id", id)
}

func (d driverLog) Debugf(name, id string, msg string, args ...any) {
	d.l.Debug("neo4j driver: "+fmt.Sprintf(msg, args...), "component", name, "id", id)
}
