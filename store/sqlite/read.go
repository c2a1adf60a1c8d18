package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/cursor"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// readTx runs fn in a read transaction, so that a page and its total count
// come from the same snapshot even while a save commits.
func (s *Store) readTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

// query is a SELECT assembled from optional filters. Values always go in
// args; the SQL text only ever holds this package's own fragments.
type query struct {
	where []string
	args  []any
}

func (q *query) and(cond string, args ...any) {
	q.where = append(q.where, cond)
	q.args = append(q.args, args...)
}

func (q *query) sql() string {
	if len(q.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.where, " AND ")
}

// jsonList encodes values as a JSON array for json_each, so that a list of
// any length is one parameter and the SQL text does not vary with it.
func jsonList[T ~string](vs []T) (string, error) {
	b, err := json.Marshal(vs)
	return string(b), err
}

func notFound(what, id string) error {
	return diplograph.Errorf(diplograph.ENOTFOUND, "%s %q not found", what, id)
}

// HasArticle reports whether an article with this content hash is stored.
func (s *Store) HasArticle(ctx context.Context, hash string) (bool, error) {
	var ok bool
	if err := s.read.QueryRowContext(ctx, qHashExists, hash).Scan(&ok); err != nil {
		return false, fmt.Errorf("sqlite: has article: %w", err)
	}
	return ok, nil
}

// StoredHashes returns the hashes among hashes whose article is stored, in
// one query (loaders.HashChecker).
func (s *Store) StoredHashes(ctx context.Context, hashes []string) (map[string]bool, error) {
	out := make(map[string]bool)
	if len(hashes) == 0 {
		return out, nil
	}
	list, err := jsonList(hashes)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stored hashes: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT hash FROM articles WHERE hash IN (SELECT value FROM json_each(?))`, list)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stored hashes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("sqlite: stored hashes: %w", err)
		}
		out[h] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: stored hashes: %w", err)
	}
	return out, nil
}

const articleColumns = `id, hash, title, url, source, published, body, meta`

func scanArticle(sc interface{ Scan(...any) error }) (diplograph.Article, error) {
	var a diplograph.Article
	var meta sql.NullString
	if err := sc.Scan(&a.ID, &a.Hash, &a.Title, &a.URL, &a.Source, &a.Published, &a.Text, &meta); err != nil {
		return a, err
	}
	if meta.Valid {
		if err := json.Unmarshal([]byte(meta.String), &a.Meta); err != nil {
			return a, fmt.Errorf("article %s meta: %w", a.ID, err)
		}
	}
	return a, nil
}

// Article returns an article with its text; its comments come from
// Comments.
func (s *Store) Article(ctx context.Context, id string) (diplograph.Article, error) {
	a, err := scanArticle(s.read.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, notFound("article", id)
	} else if err != nil {
		return a, fmt.Errorf("sqlite: article %s: %w", id, err)
	}
	return a, nil
}

// Articles lists articles, the latest published first (undated last), then
// by id.
func (s *Store) Articles(ctx context.Context, p diplograph.Page) (diplograph.Connection[diplograph.Article], error) {
	var conn diplograph.Connection[diplograph.Article]
	c, err := cursor.Decode(cursor.Articles, p.After)
	if err != nil {
		return conn, err
	}
	limit := p.Limit()
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		var total int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles ORDER BY published DESC, id LIMIT ? OFFSET ?`, limit+1, c.Offset)
		if err != nil {
			return err
		}
		defer rows.Close()
		var items []diplograph.Article
		for rows.Next() {
			a, err := scanArticle(rows)
			if err != nil {
				return err
			}
			items = append(items, a)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		conn = cursor.OffsetPage(cursor.Articles, c.Offset, limit, total, items, p.After)
		return nil
	})
	if err != nil {
		return conn, fmt.Errorf("sqlite: articles: %w", err)
	}
	return conn, nil
}

// Comments returns an article's comments in order.
func (s *Store) Comments(ctx context.Context, articleID string) ([]diplograph.Comment, error) {
	var out []diplograph.Comment
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, qArticleExistsRow, articleID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return notFound("article", articleID)
		} else if err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT idx, author, text, stance, targets FROM comments WHERE article_id = ? ORDER BY pos`, articleID)
		if err != nil {
			return err
		}
		defer rows.Close()
		out = []diplograph.Comment{}
		for rows.Next() {
			var c diplograph.Comment
			var targets string
			if err := rows.Scan(&c.Index, &c.Author, &c.Text, &c.Stance, &targets); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(targets), &c.Targets); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: comments of %s: %w", articleID, err)
	}
	return out, nil
}

// factColumns are what every fact read selects, in this order.
const factColumns = `body, corroboration, first_seen, last_seen`

// readFact decodes one fact row and sets its provenance.
func readFact[T any](sc interface{ Scan(...any) error }, set func(f *T, corroboration int, first, last string)) (T, error) {
	var f T
	var body, first, last string
	var corroboration int
	if err := sc.Scan(&body, &corroboration, &first, &last); err != nil {
		return f, err
	}
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		return f, err
	}
	set(&f, corroboration, first, last)
	return f, nil
}

func setEntity(e *diplograph.Entity, c int, first, last string) {
	e.Corroboration, e.FirstSeen, e.LastSeen = c, first, last
	e.Aliases = nonNil(e.Aliases)
}

func setRelation(r *diplograph.Relation, c int, first, last string) {
	r.Corroboration, r.FirstSeen, r.LastSeen = c, first, last
	if r.Properties == nil {
		r.Properties = map[string]string{}
	}
}

func setEvent(e *diplograph.Event, c int, first, last string) {
	e.Corroboration, e.FirstSeen, e.LastSeen = c, first, last
	e.Participants, e.Concerns = nonNil(e.Participants), nonNil(e.Concerns)
}

// readRows reads every row of rows as a fact.
func readRows[T any](rows *sql.Rows, set func(*T, int, string, string)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		f, err := readFact(rows, set)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Entity returns one entity.
func (s *Store) Entity(ctx context.Context, id string) (diplograph.Entity, error) {
	e, err := readFact(s.read.QueryRowContext(ctx, `SELECT `+factColumns+` FROM entities WHERE id = ?`, id), setEntity)
	if errors.Is(err, sql.ErrNoRows) {
		return e, notFound("entity", id)
	} else if err != nil {
		return e, fmt.Errorf("sqlite: entity %s: %w", id, err)
	}
	return e, nil
}

// EntitiesByID returns the entities among ids, in the order of ids.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) ([]diplograph.Entity, error) {
	if len(ids) == 0 {
		return []diplograph.Entity{}, nil
	}
	list, err := jsonList(ids)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities by id: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+factColumns+` FROM entities WHERE id IN (SELECT value FROM json_each(?))`, list)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities by id: %w", err)
	}
	found, err := readRows(rows, setEntity)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities by id: %w", err)
	}
	return facts.InIDOrder(ids, found, func(e diplograph.Entity) string { return e.ID }), nil
}

// Entities lists the entities that match f. With a query, exact matches of a
// name or alias come first, then the entities more articles mention; without
// one, the entities more articles mention come first. Ties go by name, then
// id.
func (s *Store) Entities(ctx context.Context, f diplograph.EntityFilter, p diplograph.Page) (diplograph.Connection[diplograph.Entity], error) {
	var conn diplograph.Connection[diplograph.Entity]
	c, err := cursor.Decode(cursor.Entities, p.After)
	if err != nil {
		return conn, err
	}
	var q query
	for _, t := range f.Types {
		if !t.Valid() {
			return conn, diplograph.Errorf(diplograph.EINVALID, "unknown entity type %q", t)
		}
	}
	// The list starts from the full-text matches when there is a query,
	// else from the article's entities, else from the ranked index.
	from := `entities e`
	order := `e.corroboration DESC, e.name COLLATE NOCASE, e.id`
	search := strings.TrimSpace(f.Query) != ""
	switch {
	case search:
		expr, ok := matchExpr(f.Query)
		if !ok {
			// Nothing in the query can match a name: punctuation only.
			return diplograph.Connection[diplograph.Entity]{Edges: []diplograph.Edge[diplograph.Entity]{}, HasPreviousPage: p.After != ""}, nil
		}
		from = `(SELECT n.entity_id AS id, max(n.norm = ?) AS exact
			FROM entity_fts JOIN entity_names n ON n.id = entity_fts.rowid
			WHERE entity_fts MATCH ? GROUP BY n.entity_id) m
			JOIN entities e ON e.id = m.id`
		q.args = append(q.args, facts.Norm(f.Query), expr)
		order = `m.exact DESC, ` + order
		if f.Article != "" {
			q.and(`EXISTS (SELECT 1 FROM support s WHERE s.kind = 'entity' AND s.fact_id = e.id AND s.article_id = ?)`, f.Article)
		}
	case f.Article != "":
		from = `support s CROSS JOIN entities e ON e.id = s.fact_id`
		q.and(`s.article_id = ? AND s.kind = 'entity'`, f.Article)
	}
	if len(f.Types) > 0 {
		list, err := jsonList(f.Types)
		if err != nil {
			return conn, err
		}
		q.and(`e.type IN (SELECT value FROM json_each(?))`, list)
	}

	limit := p.Limit()
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		var total int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+from+q.sql(), q.args...).Scan(&total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx,
			`SELECT e.body, e.corroboration, e.first_seen, e.last_seen FROM `+from+q.sql()+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
			append(q.args, limit+1, c.Offset)...)
		if err != nil {
			return err
		}
		items, err := readRows(rows, setEntity)
		if err != nil {
			return err
		}
		conn = cursor.OffsetPage(cursor.Entities, c.Offset, limit, total, items, p.After)
		return nil
	})
	if err != nil {
		return conn, fmt.Errorf("sqlite: entities: %w", err)
	}
	return conn, nil
}

// matchExpr turns a user's query into an FTS5 expression: every word must
// match, the last one as a prefix. Each word is quoted as a phrase, so that
// no user input is ever read as FTS5 syntax and "U.S." or "Japan-U.S." match
// the way the tokenizer split the names. ok is false when no word has a
// letter or digit.
func matchExpr(q string) (expr string, ok bool) {
	var parts []string
	for _, w := range strings.Fields(q) {
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
			continue
		}
		parts = append(parts, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	if len(parts) == 0 {
		return "", false
	}
	parts[len(parts)-1] += "*"
	return strings.Join(parts, " "), true
}

// Relation returns one relation.
func (s *Store) Relation(ctx context.Context, id string) (diplograph.Relation, error) {
	r, err := readFact(s.read.QueryRowContext(ctx, `SELECT `+factColumns+` FROM relations WHERE id = ?`, id), setRelation)
	if errors.Is(err, sql.ErrNoRows) {
		return r, notFound("relation", id)
	} else if err != nil {
		return r, fmt.Errorf("sqlite: relation %s: %w", id, err)
	}
	return r, nil
}

// Relations lists the relations that match f, ordered by type, then id.
func (s *Store) Relations(ctx context.Context, f diplograph.RelationFilter, p diplograph.Page) (diplograph.Connection[diplograph.Relation], error) {
	var conn diplograph.Connection[diplograph.Relation]
	c, err := cursor.Decode(cursor.Relations, p.After)
	if err != nil {
		return conn, err
	}
	var q query
	from := `relations r`
	if f.Article != "" {
		// An article states few relations: start from them.
		from = `support s CROSS JOIN relations r ON r.id = s.fact_id`
		q.and(`s.article_id = ? AND s.kind = 'relation'`, f.Article)
	}
	if len(f.Types) > 0 {
		for _, t := range f.Types {
			if !t.Valid() {
				return conn, diplograph.Errorf(diplograph.EINVALID, "unknown relation type %q", t)
			}
		}
		list, err := jsonList(f.Types)
		if err != nil {
			return conn, err
		}
		q.and(`r.type IN (SELECT value FROM json_each(?))`, list)
	}
	if f.Subject != "" {
		q.and(`r.subject = ?`, f.Subject)
	}
	if f.Object != "" {
		q.and(`r.object = ?`, f.Object)
	}
	if f.Entity != "" {
		q.and(`(r.subject = ? OR r.object = ?)`, f.Entity, f.Entity)
	}

	limit := p.Limit()
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		var total int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+from+q.sql(), q.args...).Scan(&total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx,
			`SELECT r.body, r.corroboration, r.first_seen, r.last_seen FROM `+from+q.sql()+` ORDER BY r.type, r.id LIMIT ? OFFSET ?`,
			append(q.args, limit+1, c.Offset)...)
		if err != nil {
			return err
		}
		items, err := readRows(rows, setRelation)
		if err != nil {
			return err
		}
		conn = cursor.OffsetPage(cursor.Relations, c.Offset, limit, total, items, p.After)
		return nil
	})
	if err != nil {
		return conn, fmt.Errorf("sqlite: relations: %w", err)
	}
	return conn, nil
}

// Event returns one event: the event with this id, else the event that
// the earliest article reporting an event under this id has its report
// in (an id the extractor gave, or the id of an event since merged into
// another).
func (s *Store) Event(ctx context.Context, id string) (diplograph.Event, error) {
	e, err := readFact(s.read.QueryRowContext(ctx, `SELECT `+factColumns+` FROM events WHERE id = coalesce(
		(SELECT id FROM events WHERE id = ?1),
		(SELECT s.fact_id FROM support s INDEXED BY support_event_view
			WHERE s.view_id = ?1 AND `+mergedViewWhere+`
			ORDER BY s.published = '', s.published, s.article_id LIMIT 1))`, id), setEvent)
	if errors.Is(err, sql.ErrNoRows) {
		return e, notFound("event", id)
	} else if err != nil {
		return e, fmt.Errorf("sqlite: event %s: %w", id, err)
	}
	return e, nil
}

// Events lists the events that match f, ordered by start date (undated
// last), then id. Its cursors are keys, not offsets: a page asked for after
// an event starts right after that event even if events were added since.
func (s *Store) Events(ctx context.Context, f diplograph.EventFilter, p diplograph.Page) (diplograph.Connection[diplograph.Event], error) {
	var conn diplograph.Connection[diplograph.Event]
	c, err := cursor.Decode(cursor.Events, p.After)
	if err != nil {
		return conn, err
	}
	for _, t := range f.Types {
		if !t.Valid() {
			return conn, diplograph.Errorf(diplograph.EINVALID, "unknown event type %q", t)
		}
	}
	for _, st := range f.Statuses {
		if !st.Valid() {
			return conn, diplograph.Errorf(diplograph.EINVALID, "unknown event status %q", st)
		}
	}
	for _, d := range []string{f.From, f.To} {
		if d != "" && !facts.IsDate(d) {
			return conn, diplograph.Errorf(diplograph.EINVALID, "date %q is not YYYY-MM-DD", d)
		}
	}
	parts := slices.Clone(f.Participants)
	slices.Sort(parts)
	parts = slices.Compact(parts)

	// The list starts from its most selective filter: the article's
	// events, else the first participant's timeline (already in order),
	// else the events' own order. k names the table whose undated,
	// start_date and span_end columns the dates and the order are read
	// from, kid its event id column. CROSS JOIN keeps SQLite from
	// reordering the join.
	var q query
	from, k, kid := `events e`, `e`, `e.id`
	countFrom := from
	others := parts // participants checked one event at a time
	switch {
	case f.Article != "":
		from = `support s CROSS JOIN events e ON e.id = s.fact_id`
		countFrom = from
		q.and(`s.article_id = ? AND s.kind = 'event'`, f.Article)
	case len(parts) > 0:
		from, k, kid = `event_participants k CROSS JOIN events e ON e.id = k.event_id`, `k`, `k.event_id`
		countFrom = from
		if len(f.Types) == 0 && len(f.Statuses) == 0 && f.Location == "" {
			// Nothing to check in the events table: count the index.
			countFrom = `event_participants k`
		}
		q.and(`k.entity_id = ?`, parts[0])
		others = parts[1:]
	}
	if len(others) > 0 {
		list, err := jsonList(others)
		if err != nil {
			return conn, err
		}
		q.and(`(SELECT count(*) FROM event_participants o
			WHERE o.event_id = `+kid+` AND o.entity_id IN (SELECT value FROM json_each(?))) = ?`, list, len(others))
	}
	if len(f.Types) > 0 {
		list, err := jsonList(f.Types)
		if err != nil {
			return conn, err
		}
		q.and(`e.type IN (SELECT value FROM json_each(?))`, list)
	}
	if len(f.Statuses) > 0 {
		list, err := jsonList(f.Statuses)
		if err != nil {
			return conn, err
		}
		q.and(`e.status IN (SELECT value FROM json_each(?))`, list)
	}
	if f.Location != "" {
		q.and(`e.location = ?`, f.Location)
	}
	if f.From != "" {
		q.and(k+`.undated = 0 AND `+k+`.span_end >= ?`, f.From)
	}
	if f.To != "" {
		q.and(k+`.undated = 0 AND `+k+`.start_date <= ?`, f.To)
	}
	filter := q.sql()
	filterArgs := slices.Clone(q.args)
	if p.After != "" {
		undated := 0
		if c.Undated {
			undated = 1
		}
		q.and(`(`+k+`.undated, `+k+`.start_date, `+kid+`) > (?, ?, ?)`, undated, c.Start, c.ID)
	}

	limit := p.Limit()
	err = s.readTx(ctx, func(tx *sql.Tx) error {
		var total int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+countFrom+filter, filterArgs...).Scan(&total); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx,
			`SELECT e.body, e.corroboration, e.first_seen, e.last_seen FROM `+from+q.sql()+
				` ORDER BY `+k+`.undated, `+k+`.start_date, `+kid+` LIMIT ?`,
			append(q.args, limit+1)...)
		if err != nil {
			return err
		}
		items, err := readRows(rows, setEvent)
		if err != nil {
			return err
		}
		conn = diplograph.Connection[diplograph.Event]{TotalCount: total, HasPreviousPage: p.After != ""}
		if len(items) > limit {
			items, conn.HasNextPage = items[:limit], true
		}
		conn.Edges = make([]diplograph.Edge[diplograph.Event], len(items))
		for i, e := range items {
			key := cursor.Cursor{List: cursor.Events, Undated: e.Start == "", Start: e.Start, ID: e.ID}
			conn.Edges[i] = diplograph.Edge[diplograph.Event]{Cursor: key.String(), Node: e}
		}
		return nil
	})
	if err != nil {
		return conn, fmt.Errorf("sqlite: events: %w", err)
	}
	return conn, nil
}

// Evidence returns the sentences that support each of ids, ordered by the
// article's publication date (undated last), the article's id, then position
// in the article.
func (s *Store) Evidence(ctx context.Context, kind diplograph.FactKind, ids []string) (map[string][]diplograph.Evidence, error) {
	switch kind {
	case diplograph.EntityFact, diplograph.RelationFact, diplograph.EventFact:
	default:
		return nil, diplograph.Errorf(diplograph.EINVALID, "unknown fact kind %q", kind)
	}
	out := map[string][]diplograph.Evidence{}
	if len(ids) == 0 {
		return out, nil
	}
	list, err := jsonList(ids)
	if err != nil {
		return nil, fmt.Errorf("sqlite: evidence: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT s.fact_id, s.article_id, s.evidence, a.body
		FROM support s JOIN articles a ON a.id = s.article_id
		WHERE s.kind = ? AND s.fact_id IN (SELECT value FROM json_each(?))
		ORDER BY s.fact_id, a.published = '', a.published, a.id`, string(kind), list)
	if err != nil {
		return nil, fmt.Errorf("sqlite: evidence: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		// The article's text is only cut from, so it is read in place.
		var id, article string
		var col, text sql.RawBytes
		if err := rows.Scan(&id, &article, &col, &text); err != nil {
			return nil, fmt.Errorf("sqlite: evidence: %w", err)
		}
		evs, err := decodeEvidence(article, text, col)
		if err != nil {
			return nil, fmt.Errorf("sqlite: evidence of %s %s: %w", kind, id, err)
		}
		slices.SortStableFunc(evs, func(a, b diplograph.Evidence) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		for i := range evs {
			evs[i].Article = article
		}
		out[id] = append(out[id], evs...)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: evidence: %w", err)
	}
	return out, nil
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (diplograph.Stats, error) {
	var st diplograph.Stats
	err := s.read.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM comments), (SELECT count(*) FROM entities),
		(SELECT count(*) FROM relations), (SELECT count(*) FROM events)`).
		Scan(&st.Articles, &st.Comments, &st.Entities, &st.Relations, &st.Events)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}
