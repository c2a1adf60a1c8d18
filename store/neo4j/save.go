package neo4j

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
)

// How a save runs, in one write transaction:
//
//  1. If an article with the same content hash is stored, stop: Unchanged.
//  2. MERGE the article node and lock it. If it existed, its facts are
//     stale: they are merged again from scratch once the new version's
//     views are in.
//  3. Lock every fact node the save touches (MERGE, then set and later
//     remove a _lock property, which takes Neo4j's write lock): entities,
//     then the :EventKey node of every event key (diplograph.EventKey) the
//     article's old and new events have, each in order, so that concurrent
//     saves of overlapping articles queue up instead of losing each other's
//     updates and never lock in opposite orders. Their merged state is read
//     under the lock. Relations need no lock of their own: both their ends
//     are among the locked entities; events none either: every change to
//     an event happens under its key's lock.
//  4. Read every other article's views of those event keys and group them,
//     with the new views, into events (facts.ClusterEvents), in Go.
//  5. Delete the old version's views and comments, write the article, its
//     comments and its views, each event view linked to its group's event.
//  6. Merge: add each new view to its fact (or, for stale facts, fold all
//     the views that remain); fold each event whose views changed.
//  7. Write the merged facts, their labels and links, move the other
//     articles' views whose event changed, and delete the facts no article
//     supports any more.
//
// Every statement is parameterized and MERGEs by unique keys; properties
// are set to values computed from what the transaction read (only those
// that change, so that indexes are spared needless updates), so when the
// driver retries the function after a transient failure (the transaction was
// rolled back), or even runs it twice in one transaction, the graph ends the
// same. The function has no effect outside the transaction.

// Save writes an article, its comments and its facts in one transaction. See
// diplograph.Store.
func (s *Store) Save(ctx context.Context, x *diplograph.Extraction) (diplograph.SaveResult, error) {
	in, err := newSaveInput(x)
	if err != nil {
		return diplograph.SaveResult{}, err
	}
	work := saveWork(ctx, in, s.nextSeq())
	res, err := write(ctx, s, work)
	if err != nil {
		return diplograph.SaveResult{}, fmt.Errorf("neo4j: save article %s: %w", in.art.ID, err)
	}
	return res, nil
}

// SaveBatch saves several articles in one transaction. See
// diplograph.BatchSaver.
func (s *Store) SaveBatch(ctx context.Context, xs []*diplograph.Extraction) ([]diplograph.BatchResult, error) {
	out := make([]diplograph.BatchResult, len(xs))
	ins := make([]*saveInput, len(xs))
	seqs := make([]int64, len(xs))
	valid := 0
	for i, x := range xs {
		in, err := newSaveInput(x)
		if err != nil {
			out[i].Err = err
			continue
		}
		ins[i], seqs[i] = in, s.nextSeq()
		valid++
	}
	if valid == 0 {
		return out, nil
	}
	// Results are collected inside the function and handed out only after
	// the commit, since the driver may run the function more than once.
	res, err := write(ctx, s, func(tx neo4j.ManagedTransaction) ([]diplograph.SaveResult, error) {
		got := make([]diplograph.SaveResult, len(ins))
		for i, in := range ins {
			if in == nil {
				continue
			}
			r, err := saveWork(ctx, in, seqs[i])(tx)
			if err != nil {
				return nil, fmt.Errorf("article %s: %w", in.art.ID, err)
			}
			got[i] = r
		}
		return got, nil
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j: save batch of %d: %w", valid, err)
	}
	for i := range out {
		if ins[i] != nil {
			out[i].SaveResult = res[i]
		}
	}
	return out, nil
}

// saveWork returns the transaction function that saves in; seq is the
// save's stamp, chosen once so that a retry writes the same.
func saveWork(ctx context.Context, in *saveInput, seq int64) func(tx neo4j.ManagedTransaction) (diplograph.SaveResult, error) {
	return func(tx neo4j.ManagedTransaction) (diplograph.SaveResult, error) {
		t := &txn{ctx: ctx, tx: tx}
		return t.save(in, seq)
	}
}

// DeleteArticle removes an article and its comments and retracts the facts
// that only it supported. See diplograph.Store.
func (s *Store) DeleteArticle(ctx context.Context, id string) error {
	_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		t := &txn{ctx: ctx, tx: tx}
		return struct{}{}, t.delete(id)
	})
	if err != nil {
		return fmt.Errorf("neo4j: delete article %s: %w", id, err)
	}
	return nil
}

// txn is one transaction's statements.
type txn struct {
	ctx context.Context
	tx  neo4j.ManagedTransaction
}

// one runs q and returns its only record's values by key; ok is false when
// q returns no record.
func (t *txn) one(q string, params map[string]any) (rec map[string]any, ok bool, err error) {
	res, err := t.tx.Run(t.ctx, q, params)
	if err != nil {
		return nil, false, err
	}
	recs, err := res.Collect(t.ctx)
	if err != nil {
		return nil, false, err
	}
	if len(recs) == 0 {
		return nil, false, nil
	}
	return recs[0].AsMap(), true, nil
}

// exec runs q for its effects.
func (t *txn) exec(q string, params map[string]any) error {
	res, err := t.tx.Run(t.ctx, q, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(t.ctx)
	return err
}

// keys are the facts an article supports, by kind.
type keys struct {
	entities, relations, events []string
}

func (t *txn) save(in *saveInput, seq int64) (diplograph.SaveResult, error) {
	a := &in.art
	rec, ok, err := t.one(`MATCH (a:Article {hash: $hash}) RETURN a.id AS id LIMIT 1`, map[string]any{"hash": a.Hash})
	if err != nil {
		return diplograph.SaveResult{}, err
	}
	if ok {
		return diplograph.SaveResult{ArticleID: str(rec, "id"), Unchanged: true}, nil
	}

	rec, _, err = t.one(`MERGE (a:Article {id: $id})
		ON CREATE SET a._new = true
		SET a._lock = true
		RETURN a._new AS created, a.hash AS hash,
			[(a)-[:MENTIONS]->(e:Entity) | e.id] AS entities,
			[(a)-[:ASSERTS]->(x:Assertion) | x.relation] AS relations,
			[(a)-[:REPORTS]->(v:Event) | v.id] AS events,
			[(a)-[m:REPORTS]->(:Event) | m.key] AS eventKeys`, map[string]any{"id": a.ID})
	if err != nil {
		return diplograph.SaveResult{}, err
	}
	if rec["created"] != true && str(rec, "hash") == a.Hash {
		// A concurrent save of the same content committed first.
		err := t.exec(`MATCH (a:Article {id: $id}) REMOVE a._lock`, map[string]any{"id": a.ID})
		return diplograph.SaveResult{ArticleID: a.ID, Unchanged: true}, err
	}
	res := diplograph.SaveResult{
		ArticleID: a.ID,
		Replaced:  rec["created"] != true,
		Entities:  len(in.entities),
		Relations: len(in.relations),
		Events:    len(in.events),
	}
	stale := keys{strs(rec, "entities"), strs(rec, "relations"), strs(rec, "events")}
	stamp := stamp{Published: a.Published, Seq: seq}

	touched := stale
	touched.events = nil
	eventKeys := strs(rec, "eventKeys")
	fresh := freshViews{article: a.ID, stamp: stamp}
	for _, e := range in.entities {
		touched.entities = append(touched.entities, e.ID)
	}
	for _, r := range in.relations {
		touched.relations = append(touched.relations, r.ID)
	}
	for i := range in.events {
		view := in.events[i]
		view.Evidence = nil
		fresh.views = append(fresh.views, view)
		fresh.keys = append(fresh.keys, diplograph.EventKey(&view))
	}
	st, err := t.lock(touched, append(eventKeys, fresh.keys...))
	if err != nil {
		return res, err
	}
	var m merged
	dirty := map[string]bool{}
	for _, id := range stale.events {
		dirty[id] = true
	}
	targets, err := t.regroup(append(eventKeys, fresh.keys...), &fresh, dirty, &m)
	if err != nil {
		return res, err
	}
	if err := t.writeArticle(in, seq, fresh.keys, targets); err != nil {
		return res, err
	}
	stale.events = nil
	views, err := t.views(stale)
	if err != nil {
		return res, err
	}

	isStale := setOf(stale)
	for i := range in.entities {
		v := &in.entities[i]
		if isStale[diplograph.EntityFact][v.ID] {
			continue
		}
		prev, pv, err := st.entity(v.ID)
		if err != nil {
			return res, err
		}
		acc := prev
		view := *v
		view.Evidence = nil
		mergeEntity(&pv, &acc, &view, stamp)
		if err := m.putEntity(&acc, pv, st.entities[v.ID]); err != nil {
			return res, err
		}
	}
	for i := range in.relations {
		v := &in.relations[i]
		if isStale[diplograph.RelationFact][v.ID] {
			continue
		}
		prev, pv, err := st.relation(v.ID)
		if err != nil {
			return res, err
		}
		acc := prev
		view := *v
		view.Evidence = nil
		mergeRelation(&pv, &acc, &view, stamp)
		if err := m.putRelation(&acc, pv, st.relations[v.ID]); err != nil {
			return res, err
		}
	}
	if err := m.refold(stale, views, st); err != nil {
		return res, err
	}
	return res, t.writeMerged(&m)
}

func (t *txn) delete(id string) error {
	rec, ok, err := t.one(`MATCH (a:Article {id: $id})
		SET a._lock = true
		RETURN [(a)-[:MENTIONS]->(e:Entity) | e.id] AS entities,
			[(a)-[:ASSERTS]->(x:Assertion) | x.relation] AS relations,
			[(a)-[:REPORTS]->(v:Event) | v.id] AS events,
			[(a)-[m:REPORTS]->(:Event) | m.key] AS eventKeys`, map[string]any{"id": id})
	if err != nil {
		return err
	}
	if !ok {
		return diplograph.Errorf(diplograph.ENOTFOUND, "article %q not found", id)
	}
	stale := keys{strs(rec, "entities"), strs(rec, "relations"), nil}
	eventKeys := strs(rec, "eventKeys")
	st, err := t.lock(stale, eventKeys)
	if err != nil {
		return err
	}
	var m merged
	dirty := map[string]bool{}
	for _, id := range strs(rec, "events") {
		dirty[id] = true
	}
	// The article's own views are left out of the grouping, and go with it.
	if _, err := t.regroup(eventKeys, &freshViews{article: id}, dirty, &m); err != nil {
		return err
	}
	if err := t.exec(`MATCH (a:Article {id: $id})
		CALL (a) { MATCH (a)-[r:MENTIONS|REPORTS]->() DELETE r }
		CALL (a) { MATCH (a)-[:ASSERTS]->(x:Assertion) DETACH DELETE x }
		CALL (a) { MATCH (a)-[:HAS_COMMENT]->(c:Comment) DETACH DELETE c }
		DETACH DELETE a`, map[string]any{"id": id}); err != nil {
		return err
	}
	views, err := t.views(stale)
	if err != nil {
		return err
	}
	if err := m.refold(stale, views, st); err != nil {
		return err
	}
	return t.writeMerged(&m)
}

// state is the stored, merged state of the facts a transaction touches, read
// under their locks: each entity's node properties (only id and _lock for a
// node the lock created) and each relation's relationship.
type state struct {
	entities  map[string]map[string]any
	relations map[string]relState
}

type relState struct {
	props           map[string]any
	typ             string
	subject, object string
}

// exists reports whether a node's properties are those of a stored fact,
// not of a node the lock has just created.
func exists(m map[string]any) bool {
	_, ok := m["type"]
	return ok
}

func (st *state) entity(id string) (diplograph.Entity, prov, error) {
	m := st.entities[id]
	if !exists(m) {
		return diplograph.Entity{}, prov{}, nil
	}
	pv, err := getProv(m)
	return readEntity(m), pv, err
}

func (st *state) relation(id string) (diplograph.Relation, prov, error) {
	r, ok := st.relations[id]
	if !ok {
		return diplograph.Relation{}, prov{}, nil
	}
	pv, err := getProv(r.props)
	return readRelation(r.props, r.typ, r.subject, r.object), pv, err
}

// sortedSet returns the distinct ids, sorted: the order locks are taken in.
func sortedSet(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// lock takes the write locks of the entities and relations k names and of
// the event keys, and reads the entities' and relations' state.
func (t *txn) lock(k keys, eventKeys []string) (*state, error) {
	rec, _, err := t.one(`
		CALL () {
			UNWIND $entities AS id
			MERGE (e:Entity {id: id})
			SET e._lock = true
			RETURN collect(properties(e)) AS entities
		}
		CALL () {
			UNWIND $eventKeys AS key
			MERGE (k:EventKey {key: key})
			SET k._lock = true
			RETURN count(k) AS eventKeys
		}
		CALL () {
			UNWIND $relations AS id
			MATCH (s:Entity)-[r:`+anyRelType()+` {id: id}]->(o:Entity)
			RETURN collect({props: properties(r), type: type(r), subject: s.id, object: o.id}) AS relations
		}
		RETURN entities, eventKeys, relations`, map[string]any{
		"entities":  sortedSet(k.entities),
		"eventKeys": sortedSet(eventKeys),
		"relations": sortedSet(k.relations),
	})
	if err != nil {
		return nil, err
	}
	st := &state{entities: map[string]map[string]any{}, relations: map[string]relState{}}
	for _, v := range list(rec["entities"]) {
		m, _ := v.(map[string]any)
		st.entities[str(m, "id")] = m
	}
	for _, v := range list(rec["relations"]) {
		m, _ := v.(map[string]any)
		p, _ := m["props"].(map[string]any)
		st.relations[str(p, "id")] = relState{props: p, typ: str(m, "type"), subject: str(m, "subject"), object: str(m, "object")}
	}
	return st, nil
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// writeArticle replaces the article node's properties (which also drops its
// _lock), its comments and its views; an older version's views and comments
// go first. Each event view carries its event key (eventKeys, in the order
// of in.events) and links to the event targets names for its id.
func (t *txn) writeArticle(in *saveInput, seq int64, eventKeys []string, targets map[string]string) error {
	params := map[string]any{
		"id":      in.art.ID,
		"article": map[string]any(articleProps(&in.art, seq)),
	}
	var err error
	var mentions, reports, assertions, comments []any
	for i := range in.entities {
		e := in.entities[i]
		evs := e.Evidence
		e.Evidence = nil
		p, perr := supportProps(i, &e, evs)
		err = errors.Join(err, perr)
		mentions = append(mentions, map[string]any{"id": e.ID, "props": map[string]any(p)})
	}
	for i := range in.relations {
		r := in.relations[i]
		evs := r.Evidence
		r.Evidence = nil
		p, perr := supportProps(i, &r, evs)
		err = errors.Join(err, perr)
		if p != nil {
			p["relation"], p["type"], p["subject"], p["object"] = r.ID, string(r.Type), r.Subject, r.Object
		}
		assertions = append(assertions, map[string]any{"id": r.ID, "props": map[string]any(p)})
	}
	for i := range in.events {
		e := in.events[i]
		evs := e.Evidence
		e.Evidence = nil
		p, perr := supportProps(i, &e, evs)
		err = errors.Join(err, perr)
		if p != nil {
			p["viewId"], p["key"] = e.ID, eventKeys[i]
		}
		reports = append(reports, map[string]any{"id": targets[e.ID], "props": map[string]any(p)})
	}
	if err != nil {
		return err
	}
	for i := range in.comments {
		comments = append(comments, map[string]any(commentProps(i, &in.comments[i])))
	}
	params["mentions"], params["assertions"], params["reports"], params["comments"] =
		nonNil(mentions), nonNil(assertions), nonNil(reports), nonNil(comments)
	return t.exec(`MATCH (a:Article {id: $id})
		CALL (a) { MATCH (a)-[r:MENTIONS|REPORTS]->() DELETE r }
		CALL (a) { MATCH (a)-[:ASSERTS]->(x:Assertion) DETACH DELETE x }
		CALL (a) { MATCH (a)-[:HAS_COMMENT]->(c:Comment) DETACH DELETE c }
		SET a = $article
		WITH a
		CALL (a) {
			UNWIND $comments AS c
			MERGE (a)-[:HAS_COMMENT]->(k:Comment {pos: c.pos})
			SET k = c
		}
		CALL (a) {
			UNWIND $mentions AS row
			MATCH (e:Entity {id: row.id})
			MERGE (a)-[m:MENTIONS]->(e)
			SET m = row.props
		}
		CALL (a) {
			UNWIND $assertions AS row
			MERGE (a)-[:ASSERTS]->(x:Assertion {relation: row.id})
			SET x = row.props
		}
		CALL (a) {
			UNWIND $reports AS row
			MERGE (v:Event {id: row.id})
			CREATE (a)-[m:REPORTS]->(v)
			SET m = row.props
		}`, params)
}

// views reads every remaining article's view of the entities and relations
// k names, for merging them again from scratch (events are grouped again
// instead, see regroup).
func (t *txn) views(k keys) (map[diplograph.FactKind]map[string][]view, error) {
	out := map[diplograph.FactKind]map[string][]view{
		diplograph.EntityFact: {}, diplograph.RelationFact: {}, diplograph.EventFact: {},
	}
	if len(k.entities)+len(k.relations) == 0 {
		return out, nil
	}
	rec, _, err := t.one(`
		CALL () {
			UNWIND $entities AS id
			MATCH (:Entity {id: id})<-[m:MENTIONS]-(a:Article)
			RETURN collect({id: id, view: m.view, published: a.published, seq: a.seq}) AS entities
		}
		CALL () {
			UNWIND $relations AS id
			MATCH (a:Article)-[:ASSERTS]->(x:Assertion {relation: id})
			RETURN collect({id: id, view: x.view, published: a.published, seq: a.seq}) AS relations
		}
		RETURN entities, relations`, map[string]any{
		"entities":  sortedSet(k.entities),
		"relations": sortedSet(k.relations),
	})
	if err != nil {
		return nil, err
	}
	for kind, key := range map[diplograph.FactKind]string{
		diplograph.EntityFact: "entities", diplograph.RelationFact: "relations",
	} {
		for _, v := range list(rec[key]) {
			m, _ := v.(map[string]any)
			id := str(m, "id")
			out[kind][id] = append(out[kind][id], view{
				body:  str(m, "view"),
				stamp: stamp{Published: str(m, "published"), Seq: integer(m, "seq")},
			})
		}
	}
	return out, nil
}

// view is one article's view of a fact, as stored.
type view struct {
	body  string
	stamp stamp
}

func setOf(k keys) map[diplograph.FactKind]map[string]bool {
	set := func(ids []string) map[string]bool {
		m := make(map[string]bool, len(ids))
		for _, id := range ids {
			m[id] = true
		}
		return m
	}
	return map[diplograph.FactKind]map[string]bool{
		diplograph.EntityFact:   set(k.entities),
		diplograph.RelationFact: set(k.relations),
		diplograph.EventFact:    set(k.events),
	}
}

// merged is what a transaction writes back: rows for the final statement.
type merged struct {
	entities, relations, events, relink  []any
	moves                                []any // views that change event
	dropEntities, dropRelations, dropEvs []string
}

// refold merges the stale facts again from their remaining views; those
// with none are dropped.
func (m *merged) refold(stale keys, views map[diplograph.FactKind]map[string][]view, st *state) error {
	for _, id := range sortedSet(stale.entities) {
		vs := views[diplograph.EntityFact][id]
		if len(vs) == 0 {
			m.dropEntities = append(m.dropEntities, id)
			continue
		}
		var acc diplograph.Entity
		var pv prov
		for _, v := range vs {
			var e diplograph.Entity
			if err := json.Unmarshal([]byte(v.body), &e); err != nil {
				return fmt.Errorf("entity %s: %w", id, err)
			}
			mergeEntity(&pv, &acc, &e, v.stamp)
		}
		if err := m.putEntity(&acc, pv, st.entities[id]); err != nil {
			return err
		}
	}
	for _, id := range sortedSet(stale.relations) {
		vs := views[diplograph.RelationFact][id]
		if len(vs) == 0 {
			if _, ok := st.relations[id]; ok {
				m.dropRelations = append(m.dropRelations, id)
			}
			continue
		}
		var acc diplograph.Relation
		var pv prov
		for _, v := range vs {
			var r diplograph.Relation
			if err := json.Unmarshal([]byte(v.body), &r); err != nil {
				return fmt.Errorf("relation %s: %w", id, err)
			}
			mergeRelation(&pv, &acc, &r, v.stamp)
		}
		if err := m.putRelation(&acc, pv, st.relations[id]); err != nil {
			return err
		}
	}
	return nil
}

// putEntity adds the row that writes a merged entity. Its type label is
// set only when the type is new or changed.
func (m *merged) putEntity(e *diplograph.Entity, pv prov, prev map[string]any) error {
	p, err := entityProps(e, pv)
	if err != nil {
		return err
	}
	row := map[string]any{"id": e.ID, "props": delta(prev, p), "label": nil}
	if str(prev, "type") != string(e.Type) {
		row["label"] = entityLabels()[e.Type]
	}
	m.entities = append(m.entities, row)
	return nil
}

// putRelation adds the row that writes a merged relation. A relation whose
// type or ends changed (the latest article says otherwise) is deleted and
// made again, since a relationship's type and ends are fixed.
func (m *merged) putRelation(r *diplograph.Relation, pv prov, prev relState) error {
	p, err := relationProps(r, pv)
	if err != nil {
		return err
	}
	old := prev.props
	if old != nil && (prev.typ != string(r.Type) || prev.subject != r.Subject || prev.object != r.Object) {
		m.dropRelations = append(m.dropRelations, r.ID)
		old = nil
	}
	m.relations = append(m.relations, map[string]any{
		"id": r.ID, "type": string(r.Type), "subject": r.Subject, "object": r.Object, "props": delta(old, p),
	})
	return nil
}

// putEvent adds the row that writes a merged event, and the row that links
// it to its participants, concerns and location when those changed.
func (m *merged) putEvent(e *diplograph.Event, pv prov, prev map[string]any) error {
	p, err := eventProps(e, pv)
	if err != nil {
		return err
	}
	m.events = append(m.events, map[string]any{"id": e.ID, "props": delta(prev, p)})
	if exists(prev) {
		old := readEvent(prev)
		if slices.Equal(old.Participants, e.Participants) && slices.Equal(old.Concerns, e.Concerns) && old.Location == e.Location {
			return nil
		}
	}
	parts := make([]any, 0, len(e.Participants))
	for _, pt := range e.Participants {
		parts = append(parts, map[string]any{"entity": pt.Entity, "role": string(pt.Role)})
	}
	var loc []string
	if e.Location != "" {
		loc = []string{e.Location}
	}
	m.relink = append(m.relink, map[string]any{
		"id": e.ID, "participants": parts, "concerns": nonNil(e.Concerns), "location": nonNil(loc),
	})
	return nil
}

// delta is what turns the properties prev into next with SET +=: the keys
// whose values change or are new, and null for those that go (the _lock
// among them). Writing only what changed spares the indexes, the full-text
// index above all, an update for every fact an article mentions.
func delta(prev map[string]any, next props) map[string]any {
	out := map[string]any{}
	for k, v := range next {
		if old, ok := prev[k]; !ok || !sameValue(old, v) {
			out[k] = v
		}
	}
	for k := range prev {
		if _, ok := next[k]; !ok {
			out[k] = nil
		}
	}
	return out
}

// sameValue reports whether a property read back from Neo4j (old) equals
// one about to be written (v).
func sameValue(old, v any) bool {
	switch v := v.(type) {
	case []string:
		l, ok := old.([]any)
		if !ok || len(l) != len(v) {
			return false
		}
		for i, s := range v {
			if l[i] != s {
				return false
			}
		}
		return true
	case string, int64, bool:
		return old == v
	}
	return false
}

// writeMerged writes the merged facts in one statement: entities with
// their labels, relations, events with their links, then the deletions.
func (t *txn) writeMerged(m *merged) error {
	return t.exec(mergedStatement(), map[string]any{
		"entities":      nonNil(m.entities),
		"dropRelations": nonNil(sortedSet(m.dropRelations)),
		"relations":     nonNil(m.relations),
		"events":        nonNil(m.events),
		"relink":        nonNil(m.relink),
		"moves":         nonNil(m.moves),
		"dropEvents":    nonNil(m.dropEvs),
		"dropEntities":  nonNil(m.dropEntities),
	})
}

// mergedStatement is writeMerged's Cypher. Labels and relationship types
// come from the whitelists, one FOREACH branch each; the row's value only
// chooses a branch.
func mergedStatement() string {
	labels := entityLabels()
	var all []string
	for _, l := range labels {
		all = append(all, l)
	}
	slices.Sort(all)
	var setLabel strings.Builder
	for _, t := range slices.Sorted(maps.Keys(labels)) {
		fmt.Fprintf(&setLabel, "\n\t\t\tFOREACH (_ IN CASE WHEN row.label = '%s' THEN [1] ELSE [] END | SET e:%s)", labels[t], labels[t])
	}
	var mergeRel strings.Builder
	for _, t := range relTypes() {
		fmt.Fprintf(&mergeRel, "\n\t\t\tFOREACH (_ IN CASE WHEN row.type = '%s' THEN [1] ELSE [] END | MERGE (s)-[r:%s {id: row.id}]->(o) SET r += row.props)", t, t)
	}
	return `
		CALL () {
			UNWIND $entities AS row
			MATCH (e:Entity {id: row.id})
			SET e += row.props
			WITH e, row WHERE row.label IS NOT NULL
			REMOVE e:` + strings.Join(all, ":") + setLabel.String() + `
		}
		CALL () {
			UNWIND $dropRelations AS id
			MATCH ()-[r:` + anyRelType() + ` {id: id}]->()
			DELETE r
		}
		CALL () {
			UNWIND $relations AS row
			MATCH (s:Entity {id: row.subject}), (o:Entity {id: row.object})` + mergeRel.String() + `
		}
		CALL () {
			UNWIND $events AS row
			MERGE (v:Event {id: row.id})
			SET v += row.props
		}
		CALL () {
			UNWIND $moves AS row
			MATCH (a:Article {id: row.article})-[m:REPORTS]->(:Event {id: row.from})
			WHERE m.viewId = row.viewId
			MATCH (to:Event {id: row.to})
			CREATE (a)-[n:REPORTS]->(to)
			SET n = properties(m)
			DELETE m
		}
		CALL () {
			UNWIND $relink AS row
			MATCH (v:Event {id: row.id})
			CALL (v) { MATCH (v)<-[l:PARTICIPATES_IN]-(:Entity) DELETE l }
			CALL (v) { MATCH (v)-[l:CONCERNS|AT]->(:Entity) DELETE l }
			CALL (v, row) {
				UNWIND row.participants AS p
				MATCH (e:Entity {id: p.entity})
				MERGE (e)-[:PARTICIPATES_IN {role: p.role}]->(v)
			}
			CALL (v, row) {
				UNWIND row.concerns AS c
				MATCH (e:Entity {id: c})
				MERGE (v)-[:CONCERNS]->(e)
			}
			CALL (v, row) {
				UNWIND row.location AS loc
				MATCH (e:Entity {id: loc})
				MERGE (v)-[:AT]->(e)
			}
		}
		CALL () {
			UNWIND $dropEvents AS id
			MATCH (v:Event {id: id})
			DETACH DELETE v
		}
		CALL () {
			UNWIND $dropEntities AS id
			MATCH (e:Entity {id: id})
			DETACH DELETE e
		}`
}
