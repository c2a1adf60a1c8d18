package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// The fixed statements. Those in writeQueries are prepared on the writer
// once, at Open; reads build most of their SQL per filter.
const (
	qArticleByHash  = `SELECT id FROM articles WHERE hash = ? LIMIT 1`
	qInsertArticle  = `INSERT INTO articles (id, hash, title, url, source, published, body, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	qInsertComment  = `INSERT INTO comments (article_id, pos, idx, author, text, stance, targets) VALUES (?, ?, ?, ?, ?, ?, ?)`
	qInsertSupport  = `INSERT INTO support (kind, fact_id, article_id, published, seq, body, evidence, view_id, event_key, span_start, span_end, span_precision, reach_tier, reach_lo, reach_hi) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	qArticleFacts   = `SELECT kind, fact_id, event_key, reach_tier, reach_lo, reach_hi FROM support WHERE article_id = ?`
	qDeleteSupport  = `DELETE FROM support WHERE article_id = ?`
	qDeleteComments = `DELETE FROM comments WHERE article_id = ?`
	qDeleteArticle  = `DELETE FROM articles WHERE id = ?`
	qFactSupport    = `SELECT body, published, seq FROM support WHERE kind = ? AND fact_id = ?`

	qEntityAcc        = `SELECT body, corroboration, first_seen, last_seen, win_published, win_seq, prop_src FROM entities WHERE id = ?`
	qUpsertEntity     = `INSERT INTO entities (id, type, name, body, corroboration, first_seen, last_seen, win_published, win_seq, prop_src) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, body = excluded.body, corroboration = excluded.corroboration, first_seen = excluded.first_seen, last_seen = excluded.last_seen, win_published = excluded.win_published, win_seq = excluded.win_seq, prop_src = excluded.prop_src`
	qDeleteEntity     = `DELETE FROM entities WHERE id = ?`
	qDeleteEntityFTS  = `DELETE FROM entity_fts WHERE rowid IN (SELECT id FROM entity_names WHERE entity_id = ?)`
	qDeleteNames      = `DELETE FROM entity_names WHERE entity_id = ?`
	qInsertName       = `INSERT INTO entity_names (entity_id, name, norm) VALUES (?, ?, ?)`
	qInsertEntityFTS  = `INSERT INTO entity_fts (rowid, name) VALUES (?, ?)`
	qRelationAcc      = `SELECT body, corroboration, first_seen, last_seen, win_published, win_seq, prop_src FROM relations WHERE id = ?`
	qUpsertRelation   = `INSERT INTO relations (id, type, subject, object, body, corroboration, first_seen, last_seen, win_published, win_seq, prop_src) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET type = excluded.type, subject = excluded.subject, object = excluded.object, body = excluded.body, corroboration = excluded.corroboration, first_seen = excluded.first_seen, last_seen = excluded.last_seen, win_published = excluded.win_published, win_seq = excluded.win_seq, prop_src = excluded.prop_src`
	qDeleteRelation   = `DELETE FROM relations WHERE id = ?`
	qEventAcc         = `SELECT body, corroboration, first_seen, last_seen, win_published, win_seq, '{}' FROM events WHERE id = ?`
	qUpsertEvent      = `INSERT INTO events (id, type, status, location, undated, start_date, span_end, body, corroboration, first_seen, last_seen, win_published, win_seq, event_key, base_id, first_published, first_article) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET type = excluded.type, status = excluded.status, location = excluded.location, undated = excluded.undated, start_date = excluded.start_date, span_end = excluded.span_end, body = excluded.body, corroboration = excluded.corroboration, first_seen = excluded.first_seen, last_seen = excluded.last_seen, win_published = excluded.win_published, win_seq = excluded.win_seq, event_key = excluded.event_key, base_id = excluded.base_id, first_published = excluded.first_published, first_article = excluded.first_article`
	qDeleteEvent      = `DELETE FROM events WHERE id = ?`
	qDeleteParts      = `DELETE FROM event_participants WHERE event_id = ?`
	qInsertPart       = `INSERT INTO event_participants (entity_id, event_id, undated, start_date, span_end) VALUES (?, ?, ?, ?, ?)`
	qHashExists       = `SELECT EXISTS (SELECT 1 FROM articles WHERE hash = ?)`
	qSupportRow       = `SELECT body, published, seq FROM support WHERE rowid = ?`
	qArticleExistsRow = `SELECT 1 FROM articles WHERE id = ?`
)

var writeQueries = []string{
	qArticleByHash, qInsertArticle, qInsertComment, qInsertSupport, qArticleFacts,
	qDeleteSupport, qDeleteComments, qDeleteArticle, qFactSupport,
	qEntityAcc, qUpsertEntity, qDeleteEntity, qDeleteEntityFTS, qDeleteNames, qInsertName, qInsertEntityFTS,
	qRelationAcc, qUpsertRelation, qDeleteRelation,
	qEventAcc, qUpsertEvent, qDeleteEvent, qDeleteParts, qInsertPart, qArticleExistsRow,
	qReachViews, qEventViews, qFirstReported, qEventKeys, qMoveView, qSupportRow,
}

func (s *Store) prepare(ctx context.Context) error {
	s.stmts = make(map[string]*sql.Stmt, len(writeQueries))
	for _, q := range writeQueries {
		st, err := s.write.PrepareContext(ctx, q)
		if err != nil {
			for _, st := range s.stmts {
				st.Close()
			}
			return fmt.Errorf("%s: %w", q, err)
		}
		s.stmts[q] = st
	}
	return nil
}

// wtx is one write transaction on the writer connection.
type wtx struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// firsts holds the key and the first report of each event regrouping
	// puts, which the event's row keeps (facts.StoredEvent).
	firsts map[string]facts.StoredEvent
	// migrating is set in the data steps of migrations, which run before
	// version 4 made views wait (pendingFactID): none can wait then.
	migrating bool
}

func (w *wtx) stmt(q string) *sql.Stmt {
	// The writer pool has one connection, on which every statement is
	// already prepared: StmtContext only rebinds it to the transaction.
	if st, ok := w.stmts[q]; ok {
		return w.tx.StmtContext(w.ctx, st)
	}
	return nil
}

func (w *wtx) exec(q string, args ...any) (sql.Result, error) {
	if st := w.stmt(q); st != nil {
		return st.ExecContext(w.ctx, args...)
	}
	return w.tx.ExecContext(w.ctx, q, args...)
}

func (w *wtx) query(q string, args ...any) (*sql.Rows, error) {
	if st := w.stmt(q); st != nil {
		return st.QueryContext(w.ctx, args...)
	}
	return w.tx.QueryContext(w.ctx, q, args...)
}

func (w *wtx) queryRow(q string, args ...any) *sql.Row {
	if st := w.stmt(q); st != nil {
		return st.QueryRowContext(w.ctx, args...)
	}
	return w.tx.QueryRowContext(w.ctx, q, args...)
}

// writeTx runs fn in a transaction on the writer connection and commits it
// when fn succeeds; any error rolls everything back.
func (s *Store) writeTx(ctx context.Context, fn func(w *wtx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(&wtx{ctx: ctx, tx: tx, stmts: s.stmts, firsts: map[string]facts.StoredEvent{}}); err != nil {
		return err
	}
	if s.beforeCommit != nil {
		if err := s.beforeCommit(); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Save writes an article, its comments and its facts in one transaction. See
// diplograph.Store.
func (s *Store) Save(ctx context.Context, x *diplograph.Extraction) (diplograph.SaveResult, error) {
	in, err := newSaveInput(x)
	if err != nil {
		return diplograph.SaveResult{}, err
	}
	var res diplograph.SaveResult
	err = s.writeTx(ctx, func(w *wtx) error {
		p := newPending()
		var err error
		if res, err = save(w, in, p, false); err != nil {
			return err
		}
		return p.flush(w)
	})
	if err != nil {
		return diplograph.SaveResult{}, fmt.Errorf("sqlite: save article %s: %w", in.art.ID, err)
	}
	return res, nil
}

// SaveBatch saves several articles in one transaction. See
// diplograph.BatchSaver.
func (s *Store) SaveBatch(ctx context.Context, xs []*diplograph.Extraction) ([]diplograph.BatchResult, error) {
	return s.saveBatch(ctx, xs, false)
}

// SaveBatchUngrouped saves a batch whose event reports wait for
// GroupPending. See diplograph.DeferredGrouper.
func (s *Store) SaveBatchUngrouped(ctx context.Context, xs []*diplograph.Extraction) ([]diplograph.BatchResult, error) {
	return s.saveBatch(ctx, xs, true)
}

func (s *Store) saveBatch(ctx context.Context, xs []*diplograph.Extraction, deferred bool) ([]diplograph.BatchResult, error) {
	out := make([]diplograph.BatchResult, len(xs))
	ins := make([]*saveInput, len(xs))
	valid := 0
	for i, x := range xs {
		in, err := newSaveInput(x)
		if err != nil {
			out[i].Err = err
			continue
		}
		ins[i] = in
		valid++
	}
	if valid == 0 {
		return out, nil
	}
	err := s.writeTx(ctx, func(w *wtx) error {
		p := newPending()
		for i, in := range ins {
			if in == nil {
				continue
			}
			res, err := save(w, in, p, deferred)
			if err != nil {
				return fmt.Errorf("article %s: %w", in.art.ID, err)
			}
			out[i].SaveResult = res
		}
		return p.flush(w)
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: save batch of %d: %w", valid, err)
	}
	return out, nil
}

// DeleteArticle removes an article and its comments and retracts the facts
// that only it supported. See diplograph.Store.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	err := s.writeTx(ctx, func(w *wtx) error {
		var one int
		err := w.queryRow(qArticleExistsRow, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return diplograph.Errorf(diplograph.ENOTFOUND, "article %q not found", id)
		} else if err != nil {
			return err
		}
		p := newPending()
		touched, err := retract(w, id, p)
		if err != nil {
			return err
		}
		for _, k := range touched {
			if err := refold(w, k); err != nil {
				return err
			}
		}
		return regroup(w, p.regroup, p)
	})
	if err != nil {
		return fmt.Errorf("sqlite: delete article %s: %w", id, err)
	}
	return nil
}

// factKey names one fact.
type factKey struct {
	kind diplograph.FactKind
	id   string
}

// save writes one article, its comments and its views of facts, and leaves
// the merging of those facts to p, which a transaction flushes once after
// all its articles: a fact that many articles of a batch name is merged and
// written once, not once per article. A deferred save leaves its event
// views waiting (pendingFactID) instead of grouping them.
func save(w *wtx, in *saveInput, p *pending, deferred bool) (diplograph.SaveResult, error) {
	var stored string
	switch err := w.queryRow(qArticleByHash, in.art.Hash).Scan(&stored); {
	case err == nil:
		return diplograph.SaveResult{ArticleID: stored, Unchanged: true}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return diplograph.SaveResult{}, err
	}

	res := diplograph.SaveResult{
		ArticleID: in.art.ID,
		Entities:  len(in.entities),
		Relations: len(in.relations),
		Events:    len(in.events),
	}
	// Facts the replaced version supported are merged again from scratch
	// once the new version's support is in; the others only gain one view.
	// Events are grouped again, key by key, once every view is in.
	var one int
	switch err := w.queryRow(qArticleExistsRow, in.art.ID).Scan(&one); {
	case err == nil:
		res.Replaced = true
		keys, err := retract(w, in.art.ID, p)
		if err != nil {
			return res, err
		}
		for _, k := range keys {
			p.stale[k] = true
		}
	case !errors.Is(err, sql.ErrNoRows):
		return res, err
	}

	a := &in.art
	var meta any
	if len(a.Meta) > 0 {
		b, err := json.Marshal(a.Meta)
		if err != nil {
			return res, err
		}
		meta = string(b)
	}
	r, err := w.exec(qInsertArticle, a.ID, a.Hash, a.Title, a.URL, a.Source, a.Published, a.Text, meta)
	if err != nil {
		return res, err
	}
	seq, err := r.LastInsertId()
	if err != nil {
		return res, err
	}
	st := stamp{Published: a.Published, Seq: seq}
	for i, c := range in.comments {
		targets, err := json.Marshal(nonNil(c.Targets))
		if err != nil {
			return res, err
		}
		if _, err := w.exec(qInsertComment, a.ID, i, c.Index, c.Author, c.Text, string(c.Stance), string(targets)); err != nil {
			return res, err
		}
	}

	for i := range in.entities {
		v := &in.entities[i]
		if err := addSupport(w, a, st, diplograph.EntityFact, v.ID, v, &v.Evidence); err != nil {
			return res, err
		}
	}
	for i := range in.relations {
		v := &in.relations[i]
		if err := addSupport(w, a, st, diplograph.RelationFact, v.ID, v, &v.Evidence); err != nil {
			return res, err
		}
	}
	for i := range in.events {
		v := &in.events[i]
		key := diplograph.EventKey(v)
		ev := facts.EventView{Article: a.ID, Published: a.Published, ID: v.ID, Span: v.TimeSpan}
		factID := v.ID
		if deferred {
			factID = pendingFactID(seq, v.ID)
		}
		rowid, err := addViewSupport(w, a, st, diplograph.EventFact, factID, v.ID, key, facts.ViewReach(ev), v, &v.Evidence)
		if err != nil {
			return res, err
		}
		if deferred {
			continue
		}
		p.events[rowid] = viewAt[diplograph.Event]{v, st}
		ch := p.change(key)
		ch.Fresh = append(ch.Fresh, keyView{key: key, rowid: rowid, ev: ev})
	}

	for i := range in.entities {
		v := &in.entities[i]
		p.entities[v.ID] = append(p.entities[v.ID], viewAt[diplograph.Entity]{v, st})
	}
	for i := range in.relations {
		v := &in.relations[i]
		p.relations[v.ID] = append(p.relations[v.ID], viewAt[diplograph.Relation]{v, st})
	}
	return res, nil
}

// viewAt is one article's view of a fact with the article's stamp.
type viewAt[T any] struct {
	v  *T
	st stamp
}

// pending is what a write transaction's saves leave to merge.
type pending struct {
	// stale facts were supported by a replaced article version: they are
	// merged again from all their support.
	stale map[factKey]bool
	// entities and relations gain these views, in save order.
	entities  map[string][]viewAt[diplograph.Entity]
	relations map[string][]viewAt[diplograph.Relation]
	// regroup holds what changed among the views of each event key, and
	// events the fresh event views by support row.
	regroup map[string]*facts.KeyChange[keyView]
	events  map[int64]viewAt[diplograph.Event]
}

// change returns the change to the views of one event key.
func (p *pending) change(key string) *facts.KeyChange[keyView] {
	ch := p.regroup[key]
	if ch == nil {
		ch = &facts.KeyChange[keyView]{}
		p.regroup[key] = ch
	}
	return ch
}

func newPending() *pending {
	return &pending{
		stale:     map[factKey]bool{},
		entities:  map[string][]viewAt[diplograph.Entity]{},
		relations: map[string][]viewAt[diplograph.Relation]{},
		regroup:   map[string]*facts.KeyChange[keyView]{},
		events:    map[int64]viewAt[diplograph.Event]{},
	}
}

// flush merges and writes every fact the transaction's saves touched, each
// once: entities, then relations, then events key by key, then the stale
// facts no saved article names.
func (p *pending) flush(w *wtx) error {
	for _, id := range slices.Sorted(maps.Keys(p.entities)) {
		if err := update(w, p.stale, factKey{diplograph.EntityFact, id}, &entitySpec, p.entities[id]); err != nil {
			return err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(p.relations)) {
		if err := update(w, p.stale, factKey{diplograph.RelationFact, id}, &relationSpec, p.relations[id]); err != nil {
			return err
		}
	}
	rest := slices.Collect(maps.Keys(p.stale))
	if err := regroup(w, p.regroup, p); err != nil {
		return err
	}
	slices.SortFunc(rest, compareKeys)
	for _, k := range rest {
		if err := refold(w, k); err != nil {
			return err
		}
	}
	return nil
}

// addSupport records one article's view of one fact. The view is stored
// without its evidence, which goes in its own column; evidence is left
// cleared in v, so v is the view that merging uses.
func addSupport[T any](w *wtx, a *diplograph.Article, st stamp, kind diplograph.FactKind, id string, v *T, evidence *[]diplograph.Evidence) error {
	_, err := addViewSupport(w, a, st, kind, id, id, "", facts.Reach{}, v, evidence)
	return err
}

// addViewSupport is addSupport for an event view, which carries its event
// key. Its fact_id is its own id (viewID) until regroup puts it in an
// event, or a pending one while it waits for GroupPending.
func addViewSupport[T any](w *wtx, a *diplograph.Article, st stamp, kind diplograph.FactKind, factID, viewID, key string, reach facts.Reach, v *T, evidence *[]diplograph.Evidence) (rowid int64, err error) {
	ev, err := encodeEvidence(a.ID, a.Text, *evidence)
	if err != nil {
		return 0, err
	}
	*evidence = nil
	body, err := json.Marshal(v)
	if err != nil {
		return 0, err
	}
	var span diplograph.TimeSpan
	if e, ok := any(v).(*diplograph.Event); ok {
		span = e.TimeSpan
	}
	r, err := w.exec(qInsertSupport, string(kind), factID, a.ID, st.Published, st.Seq, string(body), ev, viewID, key, span.Start, span.End, string(span.Precision),
		reach.Tier, reach.Lo, reach.Hi)
	if err != nil {
		return 0, err
	}
	return r.LastInsertId()
}

// update merges the new views into their fact, or merges the fact again from
// all its support when a replaced article version supported it.
func update[T any](w *wtx, stale map[factKey]bool, k factKey, sp *factSpec[T], adds []viewAt[T]) error {
	if stale[k] {
		delete(stale, k)
		return materialize(w, sp, k.id, nil)
	}
	return materialize(w, sp, k.id, adds)
}

// retract deletes an article with its comments and its support rows. It
// returns the entities and relations it supported, which the caller must
// merge again, and leaves in p the reaches and events of its event views,
// whose keys must be grouped again.
func retract(w *wtx, articleID string, p *pending) ([]factKey, error) {
	// A version saved earlier in the same transaction is not fresh any
	// more: it goes like a stored one.
	for _, ch := range p.regroup {
		ch.Fresh = slices.DeleteFunc(ch.Fresh, func(v keyView) bool { return v.ev.Article == articleID })
	}
	rows, err := w.query(qArticleFacts, articleID)
	if err != nil {
		return nil, err
	}
	var keys []factKey
	for rows.Next() {
		var k factKey
		var kind, eventKey string
		var r facts.Reach
		if err := rows.Scan(&kind, &k.id, &eventKey, &r.Tier, &r.Lo, &r.Hi); err != nil {
			rows.Close()
			return nil, err
		}
		k.kind = diplograph.FactKind(kind)
		if k.kind != diplograph.EventFact {
			keys = append(keys, k)
			continue
		}
		if isPending(k.id) {
			continue // never grouped: no event depends on it
		}
		ch := p.change(eventKey)
		ch.Seeds = append(ch.Seeds, r)
		if !slices.Contains(ch.Lost, k.id) {
			ch.Lost = append(ch.Lost, k.id)
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	for _, q := range []string{qDeleteSupport, qDeleteComments, qDeleteArticle} {
		if _, err := w.exec(q, articleID); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(keys, compareKeys)
	return keys, nil
}

func compareKeys(a, b factKey) int {
	return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.id, b.id))
}

// refold merges a fact again from all the articles that still support it,
// and removes it when none does.
func refold(w *wtx, k factKey) error {
	switch k.kind {
	case diplograph.EntityFact:
		return materialize(w, &entitySpec, k.id, nil)
	case diplograph.RelationFact:
		return materialize(w, &relationSpec, k.id, nil)
	}
	return fmt.Errorf("unknown fact kind %q", k.kind)
}

// factSpec says how one kind of fact is merged and kept.
type factSpec[T any] struct {
	kind  diplograph.FactKind
	acc   string // selects the merged fact's body and provenance
	merge func(acc, v *T, wins bool)
	// props points at the fact's properties; nil for kinds without.
	props func(*T) *map[string]string
	// put writes the merged fact; prev is what was stored before, nil when
	// nothing was, so that side tables are rewritten only when they change.
	put  func(w *wtx, id string, f *T, p prov, prev *T) error
	drop func(w *wtx, id string) error
}

// The specs are constant tables of functions, never modified.
var (
	entitySpec = factSpec[diplograph.Entity]{
		kind: diplograph.EntityFact, acc: qEntityAcc, merge: mergeEntity, put: putEntity, drop: dropEntity,
		props: func(e *diplograph.Entity) *map[string]string { return &e.Properties },
	}
	relationSpec = factSpec[diplograph.Relation]{
		kind: diplograph.RelationFact, acc: qRelationAcc, merge: mergeRelation, put: putRelation, drop: dropRelation,
		props: func(r *diplograph.Relation) *map[string]string { return &r.Properties },
	}
	eventSpec = factSpec[diplograph.Event]{
		kind: diplograph.EventFact, acc: qEventAcc, merge: mergeEvent, put: putEvent, drop: dropEvent,
	}
)

// mergeView merges the view v of the article st into acc.
func mergeView[T any](sp *factSpec[T], p *prov, acc, v *T, st stamp) {
	// An event takes the finest date of its views, whichever wins the
	// other fields.
	if ev, ok := any(acc).(*diplograph.Event); ok {
		date := p.EventDate(ev.TimeSpan, any(v).(*diplograph.Event).TimeSpan, st)
		defer func() { ev.TimeSpan = date }()
	}
	wins := p.Add(st)
	if sp.props == nil {
		sp.merge(acc, v, wins)
		return
	}
	before := *sp.props(acc)
	sp.merge(acc, v, wins)
	*sp.props(acc) = p.MergeProps(before, *sp.props(v), st)
}

// materialize brings the stored fact id up to date. With adds, it merges the
// new views into what is stored, in order; without, it merges every
// supporting article's view from scratch.
func materialize[T any](w *wtx, sp *factSpec[T], id string, adds []viewAt[T]) error {
	var stored T
	var p prov
	var body, props string
	var prev *T
	err := w.queryRow(sp.acc, id).Scan(&body, &p.Corroboration, &p.FirstSeen, &p.LastSeen, &p.Win.Published, &p.Win.Seq, &props)
	switch {
	case err == nil:
		if err := json.Unmarshal([]byte(body), &stored); err != nil {
			return fmt.Errorf("%s %s: %w", sp.kind, id, err)
		}
		if err := json.Unmarshal([]byte(props), &p.Props); err != nil {
			return fmt.Errorf("%s %s: %w", sp.kind, id, err)
		}
		prev = &stored
	case errors.Is(err, sql.ErrNoRows):
	default:
		return err
	}

	var acc T
	if adds != nil {
		if prev != nil {
			acc = *prev
		}
		for _, a := range adds {
			mergeView(sp, &p, &acc, a.v, a.st)
		}
		return sp.put(w, id, &acc, p, prev)
	}

	p = prov{}
	rows, err := w.query(qFactSupport, string(sp.kind), id)
	if err != nil {
		return err
	}
	for rows.Next() {
		var vst stamp
		if err := rows.Scan(&body, &vst.Published, &vst.Seq); err != nil {
			rows.Close()
			return err
		}
		var v T
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			rows.Close()
			return fmt.Errorf("%s %s: %w", sp.kind, id, err)
		}
		mergeView(sp, &p, &acc, &v, vst)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	if p.Corroboration == 0 {
		return sp.drop(w, id)
	}
	return sp.put(w, id, &acc, p, prev)
}

// putNew writes a fact that is not stored yet, merged from its first views.
func putNew[T any](w *wtx, sp *factSpec[T], id string, adds []viewAt[T]) error {
	var acc T
	var p prov
	for _, a := range adds {
		mergeView(sp, &p, &acc, a.v, a.st)
	}
	return sp.put(w, id, &acc, p, nil)
}

// propSources encodes which article each property comes from.
func propSources(p prov) (string, error) {
	b, err := json.Marshal(p.Props)
	if p.Props == nil {
		return "{}", err
	}
	return string(b), err
}

func putEntity(w *wtx, id string, e *diplograph.Entity, p prov, prev *diplograph.Entity) error {
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	src, err := propSources(p)
	if err != nil {
		return err
	}
	if _, err := w.exec(qUpsertEntity, id, string(e.Type), e.Name, string(body),
		p.Corroboration, p.FirstSeen, p.LastSeen, p.Win.Published, p.Win.Seq, src); err != nil {
		return err
	}
	ns := facts.Names(e)
	if prev != nil && slices.Equal(ns, facts.Names(prev)) {
		return nil
	}
	if err := dropNames(w, id); err != nil {
		return err
	}
	for _, n := range ns {
		r, err := w.exec(qInsertName, id, n, facts.Norm(n))
		if err != nil {
			return err
		}
		rowid, err := r.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := w.exec(qInsertEntityFTS, rowid, n); err != nil {
			return err
		}
	}
	return nil
}

func dropNames(w *wtx, id string) error {
	// The full-text rows go first: they are found through entity_names.
	if _, err := w.exec(qDeleteEntityFTS, id); err != nil {
		return err
	}
	_, err := w.exec(qDeleteNames, id)
	return err
}

func dropEntity(w *wtx, id string) error {
	if err := dropNames(w, id); err != nil {
		return err
	}
	_, err := w.exec(qDeleteEntity, id)
	return err
}

func putRelation(w *wtx, id string, r *diplograph.Relation, p prov, _ *diplograph.Relation) error {
	body, err := json.Marshal(r)
	if err != nil {
		return err
	}
	src, err := propSources(p)
	if err != nil {
		return err
	}
	_, err = w.exec(qUpsertRelation, id, string(r.Type), r.Subject, r.Object, string(body),
		p.Corroboration, p.FirstSeen, p.LastSeen, p.Win.Published, p.Win.Seq, src)
	return err
}

func dropRelation(w *wtx, id string) error {
	_, err := w.exec(qDeleteRelation, id)
	return err
}

func putEvent(w *wtx, id string, e *diplograph.Event, p prov, prev *diplograph.Event) error {
	// The merged view carries the id of the article that won its fields;
	// the event is named by its group.
	e.ID = id
	body, err := json.Marshal(e)
	if err != nil {
		return err
	}
	undated, spanEnd := eventKey(e)
	first, ok := w.firsts[id]
	if !ok {
		return fmt.Errorf("event %s put without its first report", id)
	}
	if _, err := w.exec(qUpsertEvent, id, string(e.Type), string(e.Status), e.Location, undated, e.Start, spanEnd,
		string(body), p.Corroboration, p.FirstSeen, p.LastSeen, p.Win.Published, p.Win.Seq, first.Key,
		first.First.ID, first.First.Published, first.First.Article); err != nil {
		return err
	}
	// The timeline rows carry the dates too, so they change with either.
	ids := participantIDs(e.Participants)
	if prev != nil && slices.Equal(ids, participantIDs(prev.Participants)) && prev.Start == e.Start && cmp.Or(prev.End, prev.Start) == spanEnd {
		return nil
	}
	if prev != nil {
		if _, err := w.exec(qDeleteParts, id); err != nil {
			return err
		}
	}
	for _, ent := range ids {
		if _, err := w.exec(qInsertPart, ent, id, undated, e.Start, spanEnd); err != nil {
			return err
		}
	}
	return nil
}

// eventKey returns what events are sorted and filtered by besides their
// start: whether they are undated, and the last day of their span.
func eventKey(e *diplograph.Event) (undated int, spanEnd string) {
	if e.Start == "" {
		undated = 1
	}
	return undated, cmp.Or(e.End, e.Start)
}

func dropEvent(w *wtx, id string) error {
	if _, err := w.exec(qDeleteParts, id); err != nil {
		return err
	}
	_, err := w.exec(qDeleteEvent, id)
	return err
}

// saveInput is an extraction checked and normalized for saving: the article
// has its hash and id, and each fact appears once, its duplicates merged.
type saveInput struct {
	art       diplograph.Article
	comments  []diplograph.Comment
	entities  []diplograph.Entity
	relations []diplograph.Relation
	events    []diplograph.Event
}

// newSaveInput checks and normalizes x as every backend does
// (facts.NewInput).
func newSaveInput(x *diplograph.Extraction) (*saveInput, error) {
	in, err := facts.NewInput(x, false)
	if err != nil {
		return nil, err
	}
	return &saveInput{art: in.Article, comments: in.Comments, entities: in.Entities, relations: in.Relations, events: in.Events}, nil
}

// nonNil returns s, or an empty slice for nil, so that JSON holds [] and not
// null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
