package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"github.com/diplograph/diplograph/store/internal/facts"
)

// migration takes a file from one schema version to the next: its
// statements, then, when data must be recomputed, a function run in the
// same transaction. The functions of a migration from several versions
// back run after all their statements (see migrate).
type migration struct {
	stmts []string
	fn    func(w *wtx) error
}

// migrations are the schema's versions: migrations[i] takes a file from
// user_version i to i+1. Append only; never edit a migration that has
// shipped.
var migrations = []migration{
	// 1: articles, comments, per-article support, and the derived fact
	// tables with their name and full-text indexes.
	{stmts: []string{
		// seq orders saves: a later save of an article with the same
		// publication date wins the scalar fields of a fact.
		`CREATE TABLE articles (
			seq       INTEGER PRIMARY KEY AUTOINCREMENT,
			id        TEXT NOT NULL UNIQUE,
			hash      TEXT NOT NULL,
			title     TEXT NOT NULL,
			url       TEXT NOT NULL,
			source    TEXT NOT NULL,
			published TEXT NOT NULL,
			body      TEXT NOT NULL,
			meta      TEXT
		)`,
		`CREATE INDEX articles_hash ON articles (hash)`,
		`CREATE INDEX articles_order ON articles (published DESC, id)`,
		`CREATE TABLE comments (
			article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
			pos        INTEGER NOT NULL,
			idx        INTEGER NOT NULL,
			author     TEXT NOT NULL,
			text       TEXT NOT NULL,
			stance     TEXT NOT NULL,
			targets    TEXT NOT NULL,
			PRIMARY KEY (article_id, pos)
		)`,
		// One row per fact per article that states it: body is that
		// article's view of the fact (JSON, without evidence), evidence its
		// sentences (JSON; see encodeEvidence). Everything below is derived
		// from these rows.
		`CREATE TABLE support (
			kind       TEXT NOT NULL,
			fact_id    TEXT NOT NULL,
			article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
			body       TEXT NOT NULL,
			evidence   TEXT NOT NULL,
			UNIQUE (kind, fact_id, article_id)
		)`,
		`CREATE INDEX support_article ON support (article_id, kind, fact_id)`,

		// The derived fact tables. body is the merged fact (JSON); the
		// other columns are what queries filter and sort on, win_* say which
		// article's scalar fields body carries, and prop_src which article
		// each property comes from.
		`CREATE TABLE entities (
			id            TEXT PRIMARY KEY,
			type          TEXT NOT NULL,
			name          TEXT NOT NULL,
			body          TEXT NOT NULL,
			corroboration INTEGER NOT NULL,
			first_seen    TEXT NOT NULL,
			last_seen     TEXT NOT NULL,
			win_published TEXT NOT NULL,
			win_seq       INTEGER NOT NULL,
			prop_src      TEXT NOT NULL
		)`,
		`CREATE INDEX entities_rank ON entities (corroboration DESC, name COLLATE NOCASE, id)`,
		`CREATE INDEX entities_type ON entities (type)`,
		// Every name and alias of an entity, with its normalized form for
		// exact matches; entity_fts indexes the same rows by rowid.
		`CREATE TABLE entity_names (
			id        INTEGER PRIMARY KEY,
			entity_id TEXT NOT NULL,
			name      TEXT NOT NULL,
			norm      TEXT NOT NULL
		)`,
		`CREATE INDEX entity_names_entity ON entity_names (entity_id)`,
		`CREATE VIRTUAL TABLE entity_fts USING fts5 (
			name,
			content = '',
			contentless_delete = 1,
			tokenize = 'unicode61 remove_diacritics 2'
		)`,
		`CREATE TABLE relations (
			id            TEXT PRIMARY KEY,
			type          TEXT NOT NULL,
			subject       TEXT NOT NULL,
			object        TEXT NOT NULL,
			body          TEXT NOT NULL,
			corroboration INTEGER NOT NULL,
			first_seen    TEXT NOT NULL,
			last_seen     TEXT NOT NULL,
			win_published TEXT NOT NULL,
			win_seq       INTEGER NOT NULL,
			prop_src      TEXT NOT NULL
		)`,
		`CREATE INDEX relations_order ON relations (type, id)`,
		`CREATE INDEX relations_subject ON relations (subject)`,
		`CREATE INDEX relations_object ON relations (object)`,
		// span_end is the end of the event's span, or its start when it has
		// no end; undated events have undated = 1 and sort last.
		`CREATE TABLE events (
			id            TEXT PRIMARY KEY,
			type          TEXT NOT NULL,
			status        TEXT NOT NULL,
			location      TEXT NOT NULL,
			undated       INTEGER NOT NULL,
			start_date    TEXT NOT NULL,
			span_end      TEXT NOT NULL,
			body          TEXT NOT NULL,
			corroboration INTEGER NOT NULL,
			first_seen    TEXT NOT NULL,
			last_seen     TEXT NOT NULL,
			win_published TEXT NOT NULL,
			win_seq       INTEGER NOT NULL
		)`,
		// Covers every filter but the participants', so that counting a
		// filtered list never reads the events' bodies.
		`CREATE INDEX events_order ON events (undated, start_date, id, span_end, type, status, location)`,
		`CREATE INDEX events_location ON events (location)`,
		// An entity's timeline: the events it takes part in, with their
		// dates, so that a page of them is a range of one index.
		`CREATE TABLE event_participants (
			entity_id  TEXT NOT NULL,
			event_id   TEXT NOT NULL,
			undated    INTEGER NOT NULL,
			start_date TEXT NOT NULL,
			span_end   TEXT NOT NULL,
			PRIMARY KEY (entity_id, event_id)
		) WITHOUT ROWID`,
		`CREATE INDEX event_participants_event ON event_participants (event_id)`,
		`CREATE INDEX event_participants_timeline ON event_participants (entity_id, undated, start_date, event_id, span_end)`,
	}},
	// 2: one event per real-world event across articles. An event view's
	// support row keeps the id its article gave it (view_id) and its event
	// key, and fact_id becomes the id of the event the view is grouped
	// into; the events are grouped again from their views.
	{stmts: []string{
		`ALTER TABLE support ADD COLUMN view_id TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE support ADD COLUMN event_key TEXT NOT NULL DEFAULT ''`,
		`UPDATE support SET view_id = fact_id`,
		// An event view's dates, which grouping reads for every view of a
		// key, kept apart from the JSON body so that it need not be parsed.
		`ALTER TABLE support ADD COLUMN span_start TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE support ADD COLUMN span_end TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE support ADD COLUMN span_precision TEXT NOT NULL DEFAULT ''`,
		`UPDATE support SET span_start = coalesce(json_extract(body, '$.start'), ''),
			span_end = coalesce(json_extract(body, '$.end'), ''),
			span_precision = coalesce(json_extract(body, '$.precision'), '') WHERE kind = 'event'`,
		`CREATE INDEX support_event_key ON support (event_key) WHERE kind = 'event'`,
		`CREATE INDEX support_event_view ON support (view_id) WHERE kind = 'event'`,
		`ALTER TABLE events ADD COLUMN event_key TEXT NOT NULL DEFAULT ''`,
		`CREATE INDEX events_key ON events (event_key)`,
	}, fn: keyEventViews},
	// 3: events are grouped again only near the views that change
	// (facts.Regroup). An event view keeps its reach, and an event its
	// first report, by which its id is chosen among events of its key.
	{stmts: []string{
		`ALTER TABLE support ADD COLUMN reach_tier INTEGER NOT NULL DEFAULT 0`,
		`ALTER TABLE support ADD COLUMN reach_lo TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE support ADD COLUMN reach_hi TEXT NOT NULL DEFAULT ''`,
		`DROP INDEX support_event_key`,
		`CREATE INDEX support_reach ON support (event_key, reach_tier, reach_lo, reach_hi) WHERE kind = 'event'`,
		// The events are made again from their views below, so their
		// tables are made anew, with one B-tree fewer each: events keyed
		// by id alone, and the timeline as the participants' key (an
		// event has one date, so an entity takes part in it once).
		`DROP TABLE event_participants`,
		`DROP TABLE events`,
		`CREATE TABLE events (
			id              TEXT PRIMARY KEY,
			type            TEXT NOT NULL,
			status          TEXT NOT NULL,
			location        TEXT NOT NULL,
			undated         INTEGER NOT NULL,
			start_date      TEXT NOT NULL,
			span_end        TEXT NOT NULL,
			body            TEXT NOT NULL,
			corroboration   INTEGER NOT NULL,
			first_seen      TEXT NOT NULL,
			last_seen       TEXT NOT NULL,
			win_published   TEXT NOT NULL,
			win_seq         INTEGER NOT NULL,
			event_key       TEXT NOT NULL,
			base_id         TEXT NOT NULL,
			first_published TEXT NOT NULL,
			first_article   TEXT NOT NULL
		) WITHOUT ROWID`,
		`CREATE INDEX events_order ON events (undated, start_date, id, span_end, type, status, location)`,
		`CREATE INDEX events_location ON events (location)`,
		`CREATE INDEX events_base ON events (event_key, base_id)`,
		`CREATE TABLE event_participants (
			entity_id  TEXT NOT NULL,
			undated    INTEGER NOT NULL,
			start_date TEXT NOT NULL,
			event_id   TEXT NOT NULL,
			span_end   TEXT NOT NULL,
			PRIMARY KEY (entity_id, undated, start_date, event_id)
		) WITHOUT ROWID`,
		`CREATE INDEX event_participants_event ON event_participants (event_id)`,
	}, fn: regroupAllEvents},
	// 4: event views saved by a bulk load wait to be grouped under a
	// pending fact_id (pendingFactID); this index finds them by key.
	{stmts: []string{
		`CREATE INDEX support_pending ON support (event_key) WHERE ` + pendingWhere,
	}},
	// 5: a support row carries its article's publication date and save
	// order, which every merge of views reads, so that reading a view no
	// longer reads its article's row (a page of article text per view on
	// a large store). support_article keeps only the article id: moving a
	// view to another event no longer rewrites it. support_event_view
	// holds only the views grouped into an event of another id, the only
	// ones Event looks up by view id: a view saved, waiting or grouped
	// under its own id adds no entry. support_pending is made again with
	// its bound spelt as a byte (see pendingEnd). Events get a rowid:
	// keyed by id alone, each new event went into a random page of the
	// whole table, bodies and all; now it is appended, and only the small
	// id index takes random inserts.
	{stmts: []string{
		`ALTER TABLE support ADD COLUMN published TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE support ADD COLUMN seq INTEGER NOT NULL DEFAULT 0`,
		`UPDATE support SET (published, seq) = (SELECT a.published, a.seq FROM articles a WHERE a.id = support.article_id)`,
		`DROP INDEX support_article`,
		`CREATE INDEX support_article ON support (article_id)`,
		`DROP INDEX support_pending`,
		`CREATE INDEX support_pending ON support (event_key) WHERE ` + pendingWhere,
		`DROP INDEX support_event_view`,
		`CREATE INDEX support_event_view ON support (view_id) WHERE ` + mergedViewWhere,
		`CREATE TABLE events_v5 (
			id              TEXT NOT NULL UNIQUE,
			type            TEXT NOT NULL,
			status          TEXT NOT NULL,
			location        TEXT NOT NULL,
			undated         INTEGER NOT NULL,
			start_date      TEXT NOT NULL,
			span_end        TEXT NOT NULL,
			body            TEXT NOT NULL,
			corroboration   INTEGER NOT NULL,
			first_seen      TEXT NOT NULL,
			last_seen       TEXT NOT NULL,
			win_published   TEXT NOT NULL,
			win_seq         INTEGER NOT NULL,
			event_key       TEXT NOT NULL,
			base_id         TEXT NOT NULL,
			first_published TEXT NOT NULL,
			first_article   TEXT NOT NULL
		)`,
		`INSERT INTO events_v5 SELECT id, type, status, location, undated, start_date, span_end, body, corroboration,
			first_seen, last_seen, win_published, win_seq, event_key, base_id, first_published, first_article FROM events`,
		`DROP TABLE events`,
		`ALTER TABLE events_v5 RENAME TO events`,
		`CREATE INDEX events_order ON events (undated, start_date, id, span_end, type, status, location)`,
		`CREATE INDEX events_location ON events (location)`,
		`CREATE INDEX events_base ON events (event_key, base_id)`,
	}},
}

// migrate brings the schema to the newest version in one transaction, so a
// failed migration leaves the file as it was.
func migrate(ctx context.Context, db *sql.DB, log *slog.Logger) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	var v int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return err
	}
	if v > len(migrations) {
		return fmt.Errorf("the file has schema version %d; this build knows up to %d: use a newer diplograph", v, len(migrations))
	}
	if v == len(migrations) {
		return nil
	}
	// Every version's statements run before any data step, so that a data
	// step runs the store's current queries against the newest schema.
	// (Version 3 regroups every event with the queries of today, which
	// read columns version 5 adds.)
	for i := v; i < len(migrations); i++ {
		for _, q := range migrations[i].stmts {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("version %d: %w", i+1, err)
			}
		}
	}
	for i := v; i < len(migrations); i++ {
		if fn := migrations[i].fn; fn != nil && v > 0 {
			// A new file has no data to recompute.
			if err := fn(&wtx{ctx: ctx, tx: tx, firsts: map[string]facts.StoredEvent{}, migrating: true}); err != nil {
				return fmt.Errorf("version %d: %w", i+1, err)
			}
		}
	}
	// PRAGMA takes no parameters; the version is this package's own number.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, len(migrations))); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	log.Info("sqlite: schema migrated", "from", v, "to", len(migrations))
	return nil
}
