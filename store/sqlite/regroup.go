package sqlite

import (
	"cmp"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// regroupKeys groups the views of each event key again (see regroup), keys
// in order.
func regroupKeys(w *wtx, keys []string, p *pending, dirty map[factKey]bool) error {
	for _, k := range keys {
		if err := regroup(w, k, p, dirty); err != nil {
			return fmt.Errorf("event key %s: %w", k, err)
		}
	}
	return nil
}

// regroup groups the views of one event key into events (facts.ClusterEvents)
// and brings the key's stored events up to date: views that change event
// move, events whose views changed are merged again from them, and events
// left without views go. The views of the articles being saved (fresh) and
// the events that lost a view (dirty) count as changed; other events are
// left as they are, so that an article touches only the events it is
// about, however many events its key has.
//
// It runs in the writer's transaction, which holds every key at once, and
// depends on nothing but the views stored, so it serves one article's save
// as well as a batch's.
func regroup(w *wtx, key string, p *pending, dirty map[factKey]bool) error {
	fresh := p.fresh
	rows, err := w.query(qKeyViews, key)
	if err != nil {
		return err
	}
	var rowids []int64
	var current []string // each view's event now
	var views []facts.EventView
	for rows.Next() {
		var rowid int64
		var fact string
		var v facts.EventView
		if err := rows.Scan(&rowid, &fact, &v.ID, &v.Article, &v.Published, &v.Span.Start, &v.Span.End, &v.Span.Precision); err != nil {
			rows.Close()
			return err
		}
		rowids, current, views = append(rowids, rowid), append(current, fact), append(views, v)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	stored, err := keyEvents(w, key)
	if err != nil {
		return err
	}

	groups := facts.ClusterEvents(key, views)
	members := map[string]int{} // views per event now, from articles stored before
	for i, id := range current {
		if !fresh[views[i].Article] {
			members[id]++
		}
	}
	type move struct {
		view int // index into views
		to   string
	}
	var moves []move
	var changed []string
	// gained maps the events that only gained views from the articles being
	// saved to those views: they are merged incrementally, the others from
	// scratch.
	gained := map[string][]int64{}
	ids := map[string]bool{}
	for gi := range groups {
		g := &groups[gi]
		if !stored[g.ID] {
			// The id may be an event's of another key, when extractions
			// other than the extractor's reuse ids.
			var other string
			switch err := w.queryRow(qEventKeyOf, g.ID).Scan(&other); {
			case err == nil && other != key:
				g.ID = facts.AltEventID(key, views[g.First])
			case err != nil && !errors.Is(err, sql.ErrNoRows):
				return err
			}
		}
		ids[g.ID] = true
		old, lost := 0, false
		var added []int64
		for _, m := range g.Members {
			if fresh[views[m].Article] {
				added = append(added, rowids[m])
			} else {
				old++
				lost = lost || current[m] != g.ID
			}
			if current[m] != g.ID {
				moves = append(moves, move{m, g.ID})
			}
		}
		// A new event of fresh views only is merged from them as well.
		full := (!stored[g.ID] && old > 0) || dirty[factKey{diplograph.EventFact, g.ID}] || lost || members[g.ID] != old
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
		moving[views[m.view].Article]++
	}
	for _, m := range moves {
		if moving[views[m.view].Article] > 1 {
			if _, err := w.exec(qMoveView, fmt.Sprintf("\x00moving %d", rowids[m.view]), rowids[m.view]); err != nil {
				return err
			}
		}
	}
	for _, m := range moves {
		if _, err := w.exec(qMoveView, m.to, rowids[m.view]); err != nil {
			return err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(stored)) {
		if !ids[id] {
			if err := dropEvent(w, id); err != nil {
				return err
			}
		}
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

func keyEvents(w *wtx, key string) (map[string]bool, error) {
	rows, err := w.query(qKeyEvents, key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// regroupAllEvents is schema version 2's data step: every event view gets
// its key, and the events are made again from their views, grouped across
// articles.
func regroupAllEvents(w *wtx) error {
	for _, q := range []string{`DELETE FROM event_participants`, `DELETE FROM events`} {
		if _, err := w.exec(q); err != nil {
			return err
		}
	}
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
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	keys := map[string]bool{}
	for rowid, k := range keyOf {
		keys[k] = true
		if _, err := w.exec(`UPDATE support SET event_key = ? WHERE rowid = ?`, k, rowid); err != nil {
			return err
		}
	}
	return regroupKeys(w, slices.Sorted(maps.Keys(keys)), newPending(), nil)
}
