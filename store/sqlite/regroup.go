package sqlite

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// The statements regrouping reads with (facts.KeyViews). Each takes a JSON
// array of what it asks for, so that one statement serves every key of a
// transaction; CROSS JOIN keeps the array the outer loop.
const (
	keyViewColumns = `SELECT s.event_key, s.rowid, s.fact_id, s.view_id, s.article_id, s.published, s.span_start, s.span_end, s.span_precision `
	qReachViews    = keyViewColumns + `FROM json_each(?) r
		CROSS JOIN support s ON s.kind = 'event' AND s.event_key = r.value ->> 0 AND s.reach_tier = r.value ->> 1
			AND s.reach_lo BETWEEN r.value ->> 2 AND r.value ->> 3 AND s.reach_hi >= r.value ->> 4`
	qEventViews = keyViewColumns + `FROM json_each(?) r
		CROSS JOIN support s ON s.kind = 'event' AND s.fact_id = r.value`
	qFirstReported = `SELECT e.event_key, e.id, e.base_id, e.first_published, e.first_article FROM json_each(?) r
		CROSS JOIN events e ON e.event_key = r.value ->> 0 AND e.base_id = r.value ->> 1`
	qEventKeys      = `SELECT e.id, e.event_key FROM json_each(?) r CROSS JOIN events e ON e.id = r.value`
	qKeysWithEvents = `SELECT k.value FROM json_each(?) k WHERE EXISTS (SELECT 1 FROM events e WHERE e.event_key = k.value)`
	qMoveView       = `UPDATE support SET fact_id = ? WHERE rowid = ?`
)

// keyView is one view of an event key as regrouping sees it.
type keyView struct {
	key     string
	rowid   int64
	ev      facts.EventView
	current string // the event it is stored in; "" when fresh or pending
	pending bool   // stored under a pendingFactID, waiting to be grouped
}

func viewOf(v keyView) (string, facts.EventView, string) { return v.key, v.ev, v.current }

// keySource reads stored views for facts.Regroup.
type keySource struct {
	w *wtx
}

func (s keySource) WithEvents(keys []string) (map[string]bool, error) {
	rows, err := s.w.query(qKeysWithEvents, jsonArg(keys))
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return nil, err
		}
		out[k] = true
	}
	return out, closeRows(rows)
}

func (s keySource) InReach(rs []facts.ReachRange) ([]keyView, error) {
	args := make([][]any, len(rs))
	for i, r := range rs {
		args[i] = []any{r.Key, r.Tier, r.From, r.To, r.Min}
	}
	return s.views(qReachViews, args)
}

func (s keySource) OfEvents(ids []string) ([]keyView, error) {
	return s.views(qEventViews, ids)
}

func (s keySource) FirstReported(qs []facts.FirstReport) ([]facts.StoredEvent, error) {
	args := make([][2]string, len(qs))
	for i, q := range qs {
		args[i] = [2]string{q.Key, q.Base}
	}
	rows, err := s.w.query(qFirstReported, jsonArg(args))
	if err != nil {
		return nil, err
	}
	var out []facts.StoredEvent
	for rows.Next() {
		var e facts.StoredEvent
		if err := rows.Scan(&e.Key, &e.ID, &e.First.ID, &e.First.Published, &e.First.Article); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, e)
	}
	return out, closeRows(rows)
}

func (s keySource) views(q string, arg any) ([]keyView, error) {
	rows, err := s.w.query(q, jsonArg(arg))
	if err != nil {
		return nil, err
	}
	return scanViews(rows)
}

func scanViews(rows *sql.Rows) ([]keyView, error) {
	var out []keyView
	for rows.Next() {
		var v keyView
		if err := scanKeyView(rows, &v); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, v)
	}
	return out, closeRows(rows)
}

// scanKeyView scans a row of keyViewColumns, and extra columns after them.
// A pending view is fresh to Regroup: addPending puts every pending view
// of a key among its fresh views.
func scanKeyView(rows *sql.Rows, v *keyView, extra ...any) error {
	dest := append([]any{&v.key, &v.rowid, &v.current, &v.ev.ID, &v.ev.Article, &v.ev.Published,
		&v.ev.Span.Start, &v.ev.Span.End, &v.ev.Span.Precision}, extra...)
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	if isPending(v.current) {
		v.current, v.pending = "", true
	}
	return nil
}

// jsonArg encodes a statement's array argument. Marshaling strings,
// numbers and slices of them cannot fail.
func jsonArg(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func closeRows(rows *sql.Rows) error {
	if err := rows.Close(); err != nil {
		return err
	}
	return rows.Err()
}

// regroup groups again the views of each changed event key near those that
// changed (facts.Regroup) and brings their events up to date, key by key in
// order: views that change event move, events whose views changed are
// merged again from them, and events left without views go. Events that
// only gained fresh views merge them incrementally; the rest of a key is
// not read.
//
// It runs in the writer's transaction, which holds every key at once, and
// depends on nothing but the views stored, so it serves one article's save
// as well as a batch's.
func regroup(w *wtx, changes map[string]*facts.KeyChange[keyView], p *pending) error {
	if len(changes) == 0 {
		return nil
	}
	// Stored views are grouped as ClusterEvents would group them all, an
	// invariant Regroup relies on; pending views are not grouped yet, so
	// they all go in as fresh views of their keys.
	if !w.migrating {
		if err := addPending(w, changes, p); err != nil {
			return err
		}
	}
	res, err := facts.Regroup(changes, viewOf, keySource{w})
	if err != nil {
		return err
	}
	// An id no event of its key had may be an event's of another key, when
	// extractions other than the extractor's reuse ids: stored, or taken
	// by a key grouped before in this transaction (apply keeps owner up to
	// date), as if the keys were grouped one after another.
	var fresh []string
	for _, r := range res {
		before := map[string]bool{}
		for _, id := range r.Before {
			before[id] = true
		}
		for _, g := range r.Groups {
			if !before[g.ID] {
				fresh = append(fresh, g.ID)
			}
		}
	}
	owner := map[string]string{}
	if len(fresh) > 0 {
		rows, err := w.query(qEventKeys, jsonArg(fresh))
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, key string
			if err := rows.Scan(&id, &key); err != nil {
				rows.Close()
				return err
			}
			owner[id] = key
		}
		if err := closeRows(rows); err != nil {
			return err
		}
	}
	for _, key := range slices.Sorted(maps.Keys(res)) {
		if err := apply(w, key, res[key], changes[key].Lost, owner, p); err != nil {
			return fmt.Errorf("event key %s: %w", key, err)
		}
	}
	return nil
}

// apply writes one key's regrouped component: see regroup.
func apply(w *wtx, key string, res *facts.Regrouped[keyView], lostIDs []string, owner map[string]string, p *pending) error {
	views, groups := res.Views, res.Groups
	stored := map[string]bool{}
	for _, id := range res.Before {
		stored[id] = true
	}
	lost := map[string]bool{}
	for _, id := range lostIDs {
		lost[id] = true
	}
	members := map[string]int{} // views per event now, stored before
	for _, v := range views {
		if v.current != "" {
			members[v.current]++
		}
	}
	type move struct {
		view int // index into views
		to   string
	}
	var moves []move
	var changed []string
	// A fresh view was written under the id its article gave the event.
	stays := func(v keyView, id string) bool { return !v.pending && cmp.Or(v.current, v.ev.ID) == id }
	// gained maps the events that only gained fresh views to those views:
	// they are merged incrementally, the others from scratch.
	gained := map[string][]int64{}
	ids := map[string]bool{}
	for gi := range groups {
		g := &groups[gi]
		if o, ok := owner[g.ID]; ok && o != key && !stored[g.ID] {
			g.ID = facts.AltEventID(key, views[g.First].ev)
		}
		ids[g.ID] = true
		w.firsts[g.ID] = facts.StoredEvent{Key: key, ID: g.ID, First: views[g.First].ev}
		old, left := 0, false
		var added []int64
		for _, m := range g.Members {
			if views[m].current == "" {
				added = append(added, views[m].rowid)
			} else {
				old++
				left = left || views[m].current != g.ID
			}
			if !stays(views[m], g.ID) {
				moves = append(moves, move{m, g.ID})
			}
		}
		// A new event of fresh views only is merged from them as well.
		full := (!stored[g.ID] && old > 0) || lost[g.ID] || left || members[g.ID] != old
		switch {
		case full:
			changed = append(changed, g.ID)
		case len(added) > 0:
			gained[g.ID] = added
		}
	}
	// (kind, fact_id, article_id) is unique at every step, and two views
	// of one article may trade places: those moves go through a
	// placeholder. An article with one view moving moves it directly.
	moving := map[string]int{}
	for _, m := range moves {
		moving[views[m.view].ev.Article]++
	}
	for _, m := range moves {
		if moving[views[m.view].ev.Article] > 1 {
			if _, err := w.exec(qMoveView, fmt.Sprintf("\x00moving %d", views[m.view].rowid), views[m.view].rowid); err != nil {
				return err
			}
		}
	}
	for _, m := range moves {
		if _, err := w.exec(qMoveView, m.to, views[m.view].rowid); err != nil {
			return err
		}
	}
	for _, id := range res.Before {
		if !ids[id] {
			if err := dropEvent(w, id); err != nil {
				return err
			}
			delete(owner, id)
		}
	}
	// Keys later in the transaction see this key's events as stored.
	for id := range ids {
		owner[id] = key
	}
	slices.Sort(changed)
	for _, id := range changed {
		if err := materialize(w, &eventSpec, id, nil); err != nil {
			return err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(gained)) {
		adds, err := viewsAt(w, p, gained[id])
		if err != nil {
			return err
		}
		// An event no stored view was in is not stored: nothing to read.
		if !stored[id] {
			if err := putNew(w, &eventSpec, id, adds); err != nil {
				return err
			}
			continue
		}
		if err := materialize(w, &eventSpec, id, adds); err != nil {
			return err
		}
	}
	return nil
}

// viewsAt returns the event views in the given support rows, in save order:
// those the transaction wrote from memory, others as stored.
func viewsAt(w *wtx, p *pending, rowids []int64) ([]viewAt[diplograph.Event], error) {
	out := make([]viewAt[diplograph.Event], 0, len(rowids))
	for _, id := range rowids {
		if v, ok := p.events[id]; ok {
			out = append(out, v)
			continue
		}
		var body string
		var st stamp
		if err := w.queryRow(qSupportRow, id).Scan(&body, &st.Published, &st.Seq); err != nil {
			return nil, err
		}
		v := new(diplograph.Event)
		if err := json.Unmarshal([]byte(body), v); err != nil {
			return nil, fmt.Errorf("event view %d: %w", id, err)
		}
		out = append(out, viewAt[diplograph.Event]{v, st})
	}
	slices.SortStableFunc(out, func(a, b viewAt[diplograph.Event]) int { return cmp.Compare(a.st.Seq, b.st.Seq) })
	return out, nil
}

// keyEventViews is schema version 2's data step: every event view gets its
// key. (Version 3 groups them.)
func keyEventViews(w *wtx) error {
	rows, err := w.query(`SELECT rowid, body FROM support WHERE kind = 'event'`)
	if err != nil {
		return err
	}
	keyOf := map[int64]string{}
	for rows.Next() {
		var rowid int64
		var body string
		if err := rows.Scan(&rowid, &body); err != nil {
			rows.Close()
			return err
		}
		var e diplograph.Event
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			rows.Close()
			return fmt.Errorf("event view %d: %w", rowid, err)
		}
		keyOf[rowid] = diplograph.EventKey(&e)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	for _, rowid := range slices.Sorted(maps.Keys(keyOf)) {
		if _, err := w.exec(`UPDATE support SET event_key = ? WHERE rowid = ?`, keyOf[rowid], rowid); err != nil {
			return err
		}
	}
	return nil
}

// regroupAllEvents is schema version 3's data step: every event view gets
// its reach, and the events are made again from all their views.
func regroupAllEvents(w *wtx) error {
	for _, q := range []string{`DELETE FROM event_participants`, `DELETE FROM events`} {
		if _, err := w.exec(q); err != nil {
			return err
		}
	}
	rows, err := w.query(keyViewColumns + `FROM support s WHERE s.kind = 'event'`)
	if err != nil {
		return err
	}
	views, err := scanViews(rows)
	if err != nil {
		return err
	}
	p := newPending()
	for _, v := range views {
		r := facts.ViewReach(v.ev)
		if _, err := w.exec(`UPDATE support SET reach_tier = ?, reach_lo = ?, reach_hi = ? WHERE rowid = ?`, r.Tier, r.Lo, r.Hi, v.rowid); err != nil {
			return err
		}
		// Every view is fresh: the events are made from scratch.
		v.current = ""
		ch := p.change(v.key)
		ch.Fresh = append(ch.Fresh, v)
	}
	return regroup(w, p.regroup, p)
}
