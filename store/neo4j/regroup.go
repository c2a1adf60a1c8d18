package neo4j

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// How events are grouped again. Each event view, a REPORTS relationship,
// carries its event key and its reach (facts.ViewReach: reachTier,
// reachLo, reachHi), which the range index diplograph_reports_reach
// serves; each event node its key and first report (baseId,
// firstPublished, firstArticle), which diplograph_event_base serves. A
// save hands facts.Regroup what changed per key (its fresh views, the
// reaches and events of the views it removes) and Regroup reads, a round
// at a time for every key of the sub-batch, only the views near those
// (keySource), so a save costs the same however many reports a key has
// gathered.

// viewRef names one article's view of an event: the article and the id it
// gave the event.
type viewRef struct {
	article, view string
}

// keyView is one view of an event key as regrouping sees it.
type keyView struct {
	key string
	ev  facts.EventView
	// current is the event facts.Regroup sees the view in, "" for a fresh
	// one; linked the event its relationship points to, "" when it is not
	// written yet. They differ only when a migration groups stored views
	// from scratch, as if they were fresh.
	current, linked string
	// pending is set on a view that waits to be grouped (pending.go): it
	// is fresh to Regroup, and joins its event when regrouping is written.
	pending bool
	stamp   stamp
	raw     string            // the stored view (JSON), without evidence
	body    *diplograph.Event // a view not written yet
}

func viewOf(v keyView) (string, facts.EventView, string) { return v.key, v.ev, v.current }

// event decodes the view; a fresh one is returned as it is, and merging
// never modifies it.
func (v *keyView) event() (*diplograph.Event, error) {
	if v.body != nil {
		return v.body, nil
	}
	e := new(diplograph.Event)
	if err := json.Unmarshal([]byte(v.raw), e); err != nil {
		return nil, fmt.Errorf("event view %s of %s: %w", v.ev.ID, v.ev.Article, err)
	}
	return e, nil
}

// keyChanges collects what changed among the views of each event key.
type keyChanges map[string]*facts.KeyChange[keyView]

// change returns the change to the views of one key.
func (c keyChanges) change(key string) *facts.KeyChange[keyView] {
	ch := c[key]
	if ch == nil {
		ch = &facts.KeyChange[keyView]{}
		c[key] = ch
	}
	return ch
}

// removed records a stored view that goes: its reach is where the views it
// held together lie, and its event must be merged again.
func (c keyChanges) removed(key, event string, r facts.Reach) {
	ch := c.change(key)
	ch.Seeds = append(ch.Seeds, r)
	if !slices.Contains(ch.Lost, event) {
		ch.Lost = append(ch.Lost, event)
	}
}

// keys returns the changed keys: those whose locks regrouping needs.
func (c keyChanges) keys() []string { return slices.Sorted(maps.Keys(c)) }

// reachOf returns the reach stored on a view's relationship, as read back.
func reachOf(m map[string]any) facts.Reach {
	return facts.Reach{Tier: int(integer(m, "tier")), Lo: str(m, "lo"), Hi: str(m, "hi")}
}

// reachProps stores a view's reach on its relationship. Empty bounds (a
// timeless view's) are stored too: the range index holds only
// relationships that have every property it covers.
func reachProps(p props, r facts.Reach) {
	p["reachTier"], p["reachLo"], p["reachHi"] = int64(r.Tier), r.Lo, r.Hi
}

// keySource reads stored views for facts.Regroup, one statement per call
// for every key asked about. Views of the articles in exclude, which the
// transaction replaces or deletes, are not stored views.
type keySource struct {
	t       *txn
	exclude []string
}

// WithEvents asks which keys have an event. The baseId test lets the
// composite index diplograph_event_base answer a question about its first
// property alone; every event has a baseId.
func (s keySource) WithEvents(keys []string) (map[string]bool, error) {
	recs, err := s.t.all(`UNWIND $keys AS key
		WITH key WHERE EXISTS { MATCH (v:Event) WHERE v.key = key AND v.baseId IS NOT NULL }
		RETURN key`, map[string]any{"keys": anys(keys)})
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, r := range recs {
		out[str(r, "key")] = true
	}
	return out, nil
}

// keyViewRows is the end of every statement of keySource: the views a, m
// and v name, but those of excluded articles.
const keyViewRows = ` AND NOT a.id IN $exclude
	RETURN m.key AS key, v.id AS event, m.viewId AS viewId, a.id AS article,
		a.published AS published, a.seq AS seq, m.view AS view`

func (s keySource) InReach(rs []facts.ReachRange) ([]keyView, error) {
	rows := make([]any, len(rs))
	for i, r := range rs {
		rows[i] = map[string]any{"key": r.Key, "tier": int64(r.Tier), "from": r.From, "to": r.To, "min": r.Min}
	}
	// The key and tier are equalities and reachLo a range: a seek of the
	// composite index; reachHi is checked on what it finds.
	return s.views(`UNWIND $rows AS r
		MATCH (a:Article)-[m:REPORTS]->(v:Event)
		USING INDEX m:REPORTS(key, reachTier, reachLo)
		WHERE m.key = r.key AND m.reachTier = r.tier AND m.reachLo >= r.from AND m.reachLo <= r.to
			AND m.reachHi >= r.min`+keyViewRows, rows)
}

func (s keySource) OfEvents(ids []string) ([]keyView, error) {
	return s.views(`UNWIND $rows AS id
		MATCH (a:Article)-[m:REPORTS]->(v:Event {id: id})
		WHERE true`+keyViewRows, anys(ids))
}

func (s keySource) FirstReported(qs []facts.FirstReport) ([]facts.StoredEvent, error) {
	if len(qs) == 0 {
		return nil, nil
	}
	rows := make([]any, len(qs))
	for i, q := range qs {
		rows[i] = map[string]any{"key": q.Key, "base": q.Base}
	}
	recs, err := s.t.all(`UNWIND $rows AS q
		MATCH (v:Event {key: q.key, baseId: q.base})
		RETURN v.key AS key, v.id AS id, v.baseId AS base, v.firstPublished AS published, v.firstArticle AS article`,
		map[string]any{"rows": rows})
	if err != nil {
		return nil, err
	}
	out := make([]facts.StoredEvent, len(recs))
	for i, r := range recs {
		out[i] = facts.StoredEvent{Key: str(r, "key"), ID: str(r, "id"),
			First: facts.EventView{ID: str(r, "base"), Published: str(r, "published"), Article: str(r, "article")}}
	}
	return out, nil
}

func (s keySource) views(q string, rows []any) ([]keyView, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	recs, err := s.t.all(q, map[string]any{"rows": rows, "exclude": nonNil(s.exclude)})
	if err != nil {
		return nil, err
	}
	return storedViews(recs)
}

// storedViews decodes the rows of keyViewRows. Only a view's dates are
// decoded now; its body is when its event is merged from scratch.
func storedViews(recs []map[string]any) ([]keyView, error) {
	out := make([]keyView, len(recs))
	for i, r := range recs {
		v := keyView{
			key: str(r, "key"), current: str(r, "event"), raw: str(r, "view"),
			stamp: stamp{Published: str(r, "published"), Seq: integer(r, "seq")},
		}
		v.linked = v.current
		var d struct{ diplograph.TimeSpan }
		if err := json.Unmarshal([]byte(v.raw), &d); err != nil {
			return nil, fmt.Errorf("event view of %s: %w", str(r, "article"), err)
		}
		v.ev = facts.EventView{Article: str(r, "article"), Published: v.stamp.Published, ID: str(r, "viewId"), Span: d.TimeSpan}
		out[i] = v
	}
	return out, nil
}

// noViews is a facts.KeyViews with nothing stored: grouping every view
// from scratch.
type noViews struct{}

func (noViews) InReach([]facts.ReachRange) ([]keyView, error)                  { return nil, nil }
func (noViews) OfEvents([]string) ([]keyView, error)                           { return nil, nil }
func (noViews) FirstReported([]facts.FirstReport) ([]facts.StoredEvent, error) { return nil, nil }
func (noViews) WithEvents([]string) (map[string]bool, error)                   { return nil, nil }

// regroup groups again the views of each changed event key near those that
// changed (facts.Regroup) and adds to m what brings their events up to
// date: stored views that change event move, waiting views join their
// events, events whose views changed are merged again from them, and
// events left without views go. Events that only gained fresh views merge
// them into their stored state; the rest of a key is not read. It returns
// the event each fresh view goes to. The views of the articles in exclude,
// which the transaction replaces or deletes, are not read.
//
// The caller holds the keys' locks, so the views read are all there are
// and stay so until the transaction ends; regroup depends on them only, so
// it serves a batch as well as one article.
func (t *txn) regroup(changes keyChanges, exclude []string, m *merged) (map[viewRef]string, error) {
	if len(changes) == 0 {
		return map[viewRef]string{}, nil
	}
	src := keySource{t, exclude}
	// Stored views are grouped as ClusterEvents would group them all, an
	// invariant Regroup relies on; waiting views are not grouped yet, so
	// they all go in as fresh views of their keys.
	if err := src.addPending(changes); err != nil {
		return nil, err
	}
	return t.group(changes, src, false, m)
}

// group is regroup on the views src reads. With scratch, every event is
// merged from all its views (a migration's regrouping, whose views are all
// fresh to Regroup but linked already, and none waits).
func (t *txn) group(changes keyChanges, src facts.KeyViews[keyView], scratch bool, m *merged) (map[viewRef]string, error) {
	targets := map[viewRef]string{}
	if len(changes) == 0 {
		return targets, nil
	}
	res, err := facts.Regroup(changes, viewOf, src)
	if err != nil {
		return nil, err
	}
	keys := slices.Sorted(maps.Keys(res))
	var ids []string
	for _, r := range res {
		ids = append(ids, r.Before...)
		for _, g := range r.Groups {
			ids = append(ids, g.ID)
		}
	}
	stored, err := t.events(ids)
	if err != nil {
		return nil, err
	}

	// Name the events first. An id no event of its key had may be an
	// event's of another key, as when extractions other than the
	// extractor's reuse ids, or one another key of this regrouping takes.
	claimed := map[string]string{}
	var alt []string
	for _, key := range keys {
		r := res[key]
		for gi := range r.Groups {
			g := &r.Groups[gi]
			if !slices.Contains(r.Before, g.ID) {
				o, ok := claimed[g.ID]
				if !ok && !scratch && stored[g.ID] != nil {
					o, ok = str(stored[g.ID], "key"), true
				}
				if ok && o != key {
					g.ID = facts.AltEventID(key, r.Views[g.First].ev)
					alt = append(alt, g.ID)
				}
			}
			claimed[g.ID] = key
		}
	}
	if len(alt) > 0 {
		more, err := t.events(alt)
		if err != nil {
			return nil, err
		}
		maps.Copy(stored, more)
	}

	for _, key := range keys {
		if err := apply(key, res[key], changes[key].Lost, stored, scratch, targets, m); err != nil {
			return nil, fmt.Errorf("event key %s: %w", key, err)
		}
	}
	return targets, nil
}

// events returns the stored properties of the events with these ids.
func (t *txn) events(ids []string) (map[string]map[string]any, error) {
	out := map[string]map[string]any{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := t.all(`UNWIND $ids AS id MATCH (v:Event {id: id}) RETURN properties(v) AS p`,
		map[string]any{"ids": sortedSet(ids)})
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		p, _ := r["p"].(map[string]any)
		out[str(p, "id")] = p
	}
	return out, nil
}

// apply adds to m what writes one key's regrouped component: see regroup.
func apply(key string, res *facts.Regrouped[keyView], lostIDs []string, stored map[string]map[string]any, scratch bool, targets map[viewRef]string, m *merged) error {
	views := res.Views
	before := map[string]bool{}
	for _, id := range res.Before {
		before[id] = true
	}
	members := map[string]int{} // views per event now, stored before
	for _, v := range views {
		if v.current != "" {
			members[v.current]++
		}
	}
	ids := map[string]bool{}
	for _, g := range res.Groups {
		ids[g.ID] = true
		old, left := 0, false
		var added []*keyView
		for _, i := range g.Members {
			v := &views[i]
			if v.current == "" {
				added = append(added, v)
			} else {
				old++
				left = left || v.current != g.ID
			}
			switch {
			case v.pending:
				m.grouped = append(m.grouped, map[string]any{"article": v.ev.Article, "viewId": v.ev.ID, "to": g.ID})
			case v.linked == "":
				targets[viewRef{v.ev.Article, v.ev.ID}] = g.ID
			case v.linked != g.ID:
				m.moves = append(m.moves, map[string]any{"article": v.ev.Article, "from": v.linked, "viewId": v.ev.ID, "to": g.ID})
			}
		}
		// A new event of fresh views only is merged from them as well.
		full := scratch || (!before[g.ID] && old > 0) || slices.Contains(lostIDs, g.ID) || left || members[g.ID] != old
		if !full && len(added) == 0 {
			continue
		}
		prev := stored[g.ID]
		var acc diplograph.Event
		var pv prov
		merge := added
		if full {
			merge = make([]*keyView, len(g.Members))
			for j, i := range g.Members {
				merge[j] = &views[i]
			}
		} else if exists(prev) {
			acc = readEvent(prev)
			var err error
			if pv, err = getProv(prev); err != nil {
				return err
			}
		}
		// In save order, as the views came.
		slices.SortStableFunc(merge, func(a, b *keyView) int {
			return cmp.Or(cmp.Compare(a.stamp.Seq, b.stamp.Seq), cmp.Compare(a.ev.Article, b.ev.Article))
		})
		for _, v := range merge {
			e, err := v.event()
			if err != nil {
				return err
			}
			mergeEvent(&pv, &acc, e, v.stamp)
		}
		acc.ID = g.ID
		if err := m.putEvent(&acc, pv, prev, key, views[g.First].ev); err != nil {
			return err
		}
	}
	for _, id := range res.Before {
		if !ids[id] {
			m.dropEvs = append(m.dropEvs, id)
		}
	}
	return nil
}

// regroupAllEvents is schema version 3's data step: every event view gets
// its key and reach, and every event key is grouped again from all its views, as
// if they were fresh; events no view is in any more go.
func (t *txn) regroupAllEvents() error {
	recs, err := t.all(`MATCH (a:Article)-[m:REPORTS]->(v:Event)
		WHERE true`+keyViewRows, map[string]any{"exclude": []string{}})
	if err != nil {
		return err
	}
	views, err := storedViews(recs)
	if err != nil {
		return err
	}
	changes := keyChanges{}
	reaches := make([]any, 0, len(views))
	for _, v := range views {
		e, err := v.event()
		if err != nil {
			return err
		}
		v.key = diplograph.EventKey(e)
		r := facts.ViewReach(v.ev)
		reaches = append(reaches, map[string]any{"article": v.ev.Article, "viewId": v.ev.ID, "event": v.linked,
			"key": v.key, "tier": int64(r.Tier), "lo": r.Lo, "hi": r.Hi})
		v.current = ""
		ch := changes.change(v.key)
		ch.Fresh = append(ch.Fresh, v)
	}
	if err := t.execRows(`UNWIND $rows AS row
		MATCH (a:Article {id: row.article})-[m:REPORTS]->(:Event {id: row.event})
		WHERE m.viewId = row.viewId
		SET m.key = row.key, m.reachTier = row.tier, m.reachLo = row.lo, m.reachHi = row.hi`, reaches); err != nil {
		return err
	}
	var m merged
	if _, err := t.group(changes, noViews{}, true, &m); err != nil {
		return err
	}
	keep := make([]string, 0, len(m.events))
	for _, e := range m.events {
		row, _ := e.(map[string]any)
		id, _ := row["id"].(string)
		keep = append(keep, id)
	}
	if err := t.writeEvents(&m); err != nil {
		return err
	}
	if err := t.writeMerged(&m); err != nil {
		return err
	}
	return t.exec(`MATCH (v:Event) WHERE NOT v.id IN $keep DETACH DELETE v`, map[string]any{"keep": keep})
}
