package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// A bulk load saves event views without grouping them
// (diplograph.DeferredGrouper): each waits in support under a fact_id that
// no event has: pendingPrefix, its article's save order and the view's id,
// unique per article as fact ids are. The save order first puts a batch's
// waiting views at the end of the (kind, fact_id, article_id) index, not
// at random places in it. GroupPending, or any regroup of the view's key,
// groups it as a fresh view.
const pendingPrefix = "\x01"

// pendingWhere selects the waiting views. It is spelt the same in the
// partial index support_pending and in the queries that use it, so that
// SQLite sees that the index covers them.
const pendingWhere = `kind = 'event' AND fact_id >= '` + pendingPrefix + `' AND fact_id < '` + pendingEnd + `'`

func pendingFactID(seq int64, viewID string) string {
	return fmt.Sprintf("%s%016x %s", pendingPrefix, seq, viewID)
}

// mergedViewWhere selects the event views grouped into an event whose id
// is not the view's own: neither waiting (pendingWhere) nor in the event
// named after them. The partial index support_event_view and Event spell
// it the same.
const mergedViewWhere = `kind = 'event' AND fact_id >= '` + pendingEnd + `' AND fact_id <> view_id`

// pendingEnd is the byte after pendingPrefix: every fact id that is not
// waiting is at least it. (Version 4 spelt it as the four characters \x02
// in support_pending, which took an event id that starts with a capital
// or a digit for a waiting view; version 5 makes the index again.)
const pendingEnd = "\x02"

func isPending(factID string) bool { return strings.HasPrefix(factID, pendingPrefix) }

// Both name their index: without statistics SQLite prefers the unique
// index on (kind, fact_id, ...), which finds every pending view for each
// key asked for.
const (
	qPendingKeys  = `SELECT event_key, count(*) FROM support INDEXED BY support_pending WHERE ` + pendingWhere + ` GROUP BY event_key ORDER BY event_key`
	qPendingViews = keyViewColumns + `, s.body, s.seq
		FROM json_each(?) k CROSS JOIN support s INDEXED BY support_pending ON s.event_key = k.value AND s.` + pendingWhere
)

// addPending adds to changes every pending view of their keys, as fresh
// views, with their bodies in p so that apply need not read them again.
func addPending(w *wtx, changes map[string]*facts.KeyChange[keyView], p *pending) error {
	rows, err := w.query(qPendingViews, jsonArg(slices.Sorted(maps.Keys(changes))))
	if err != nil {
		return err
	}
	for rows.Next() {
		var v keyView
		var body string
		var st stamp
		if err := scanKeyView(rows, &v, &body, &st.Seq); err != nil {
			rows.Close()
			return err
		}
		e := new(diplograph.Event)
		if err := json.Unmarshal([]byte(body), e); err != nil {
			rows.Close()
			return fmt.Errorf("event view %d: %w", v.rowid, err)
		}
		st.Published = v.ev.Published
		p.events[v.rowid] = viewAt[diplograph.Event]{e, st}
		ch := p.change(v.key)
		ch.Fresh = append(ch.Fresh, v)
	}
	return closeRows(rows)
}

// pendingChunk bounds the views one GroupPending transaction takes, and so
// the memory it holds; a key is never split, so a busier key makes a
// bigger transaction.
const pendingChunk = 20000

// GroupPending groups the event views that bulk saves left waiting. See
// diplograph.DeferredGrouper.
func (s *Store) GroupPending(ctx context.Context, progress func(done, total int)) (int, error) {
	type keyCount struct {
		key string
		n   int
	}
	var keys []keyCount
	total := 0
	err := func() error {
		rows, err := s.write.QueryContext(ctx, qPendingKeys)
		if err != nil {
			return err
		}
		for rows.Next() {
			var k keyCount
			if err := rows.Scan(&k.key, &k.n); err != nil {
				rows.Close()
				return err
			}
			keys = append(keys, k)
			total += k.n
		}
		return closeRows(rows)
	}()
	if err != nil {
		return 0, fmt.Errorf("sqlite: group pending events: %w", err)
	}
	done := 0
	for len(keys) > 0 {
		n, views := 0, 0
		for n < len(keys) && (n == 0 || views+keys[n].n <= pendingChunk) {
			views += keys[n].n
			n++
		}
		chunk := keys[:n]
		keys = keys[n:]
		err := s.writeTx(ctx, func(w *wtx) error {
			p := newPending()
			for _, k := range chunk {
				p.change(k.key)
			}
			// regroup adds the keys' pending views, which another load
			// may have added to since they were counted.
			return regroup(w, p.regroup, p)
		})
		if err != nil {
			return done, fmt.Errorf("sqlite: group pending events: %w", err)
		}
		done += views
		if progress != nil {
			progress(done, total)
		}
	}
	return done, nil
}
