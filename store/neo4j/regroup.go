package neo4j

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// freshViews are the event views of the articles a transaction saves, not
// yet written, and the articles whose stored views are left out of the
// grouping: those saved (their old versions' views go) and a deleted one
// (with no views).
type freshViews struct {
	exclude []string
	views   []freshView
}

// freshView is one saved article's view of an event, without evidence.
type freshView struct {
	article string
	stamp   stamp
	body    diplograph.Event
	key     string
}

// viewRef names one article's view of an event: the article and the id it
// gave the event.
type viewRef struct {
	article, view string
}

// keyView is one view of an event key, stored or fresh.
type keyView struct {
	facts.EventView
	body    diplograph.Event
	stamp   stamp
	current string // the event it is linked to; "" when fresh
}

// regroup groups the views of each event key (stored ones but those of
// fresh's excluded articles, and fresh's) into events (facts.ClusterEvents) and adds to m
// what brings the keys' events up to date: events whose views changed,
// merged again from them; stored views that change event; events left
// without views. The fresh views' events count as changed, and so do the
// dirty ones (those that lost a view). It returns the event each fresh view
// goes to.
//
// The caller holds the keys' locks, so the views read are all there are
// and stay so until the transaction ends; regroup depends on them only, so
// it serves a batch as well as one article.
func (t *txn) regroup(eventKeys []string, fresh *freshViews, dirty map[string]bool, m *merged) (map[viewRef]string, error) {
	eventKeys = sortedSet(eventKeys)
	targets := map[viewRef]string{}
	if len(eventKeys) == 0 {
		return targets, nil
	}
	rec, _, err := t.one(`
		CALL () {
			UNWIND $keys AS key
			MATCH (v:Event {key: key})
			RETURN collect(properties(v)) AS events
		}
		CALL () {
			UNWIND $keys AS key
			MATCH (v:Event {key: key})<-[m:REPORTS]-(a:Article)
			WHERE NOT a.id IN $exclude
			RETURN collect({key: key, event: v.id, view: m.view, viewId: m.viewId,
				article: a.id, published: a.published, seq: a.seq}) AS views
		}
		RETURN events, views`, map[string]any{"keys": eventKeys, "exclude": nonNil(fresh.exclude)})
	if err != nil {
		return nil, err
	}
	stored := map[string]map[string]map[string]any{} // key -> id -> properties
	for _, k := range eventKeys {
		stored[k] = map[string]map[string]any{}
	}
	for _, v := range list(rec["events"]) {
		p, _ := v.(map[string]any)
		stored[str(p, "key")][str(p, "id")] = p
	}
	views := map[string][]keyView{}
	for _, v := range list(rec["views"]) {
		r, _ := v.(map[string]any)
		kv := keyView{current: str(r, "event"), stamp: stamp{Published: str(r, "published"), Seq: integer(r, "seq")}}
		if err := json.Unmarshal([]byte(str(r, "view")), &kv.body); err != nil {
			return nil, fmt.Errorf("event view of %s: %w", str(r, "article"), err)
		}
		kv.EventView = facts.EventView{Article: str(r, "article"), Published: kv.stamp.Published, ID: str(r, "viewId"), Span: kv.body.TimeSpan}
		key := str(r, "key")
		views[key] = append(views[key], kv)
	}
	for _, v := range fresh.views {
		views[v.key] = append(views[v.key], keyView{
			EventView: facts.EventView{Article: v.article, Published: v.stamp.Published, ID: v.body.ID, Span: v.body.TimeSpan},
			body:      v.body, stamp: v.stamp,
		})
	}

	// Group every key first, so that the ids new events would take can be
	// checked at once against the events of other keys.
	groups := map[string][]facts.EventGroup{}
	var candidates []string
	for _, key := range eventKeys {
		evs := make([]facts.EventView, len(views[key]))
		for i, v := range views[key] {
			evs[i] = v.EventView
		}
		groups[key] = facts.ClusterEvents(key, evs)
		for _, g := range groups[key] {
			if stored[key][g.ID] == nil {
				candidates = append(candidates, g.ID)
			}
		}
	}
	owner := map[string]string{}
	if len(candidates) > 0 {
		all, err := t.all(`UNWIND $ids AS id MATCH (v:Event {id: id}) RETURN v.id AS id, v.key AS key`,
			map[string]any{"ids": sortedSet(candidates)})
		if err != nil {
			return nil, err
		}
		for _, p := range all {
			owner[str(p, "id")] = str(p, "key")
		}
	}

	for _, key := range eventKeys {
		vs := views[key]
		members := map[string]int{}
		for _, v := range vs {
			if v.current != "" {
				members[v.current]++
			}
		}
		ids := map[string]bool{}
		for _, g := range groups[key] {
			if o, ok := owner[g.ID]; ok && o != key && stored[key][g.ID] == nil {
				// The id is an event's of another key, as when extractions
				// other than the extractor's reuse ids.
				g.ID = facts.AltEventID(key, vs[g.First].EventView)
			}
			ids[g.ID] = true
			changed := stored[key][g.ID] == nil || dirty[g.ID] || members[g.ID] != len(g.Members)
			for _, i := range g.Members {
				v := vs[i]
				switch {
				case v.current == "":
					changed = true
					targets[viewRef{v.Article, v.ID}] = g.ID
				case v.current != g.ID:
					changed = true
					m.moves = append(m.moves, map[string]any{"article": v.Article, "from": v.current, "viewId": v.ID, "to": g.ID})
				}
			}
			if !changed {
				continue
			}
			var acc diplograph.Event
			var pv prov
			for _, i := range g.Members {
				body := vs[i].body
				mergeEvent(&pv, &acc, &body, vs[i].stamp)
			}
			acc.ID = g.ID
			if err := m.putEvent(&acc, pv, stored[key][g.ID]); err != nil {
				return nil, err
			}
		}
		for _, id := range slices.Sorted(maps.Keys(stored[key])) {
			if !ids[id] {
				m.dropEvs = append(m.dropEvs, id)
			}
		}
	}
	return targets, nil
}
