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
	"github.com/diplograph/diplograph/store/internal/facts"
)

// How saves run. Save is a batch of one; a batch runs in one write
// transaction with a number of statements that does not grow with the
// number of articles, since a statement's round trip and a commit cost far
// more than a row. A batch is cut into consecutive sub-batches in which
// no two articles share an id or a content hash (one usually: a bulk load
// rarely repeats itself), so that within a sub-batch the articles are
// independent and a batch ends as consecutive saves would. Each sub-batch
// takes a dozen statements or so, whatever its size:
//
//  1. Reads which content hashes are stored: those articles are Unchanged.
//  2. MERGEs every other article node and locks it, in id order. One that
//     existed with the same hash was saved by a concurrent transaction
//     that committed first: Unchanged. One that existed with other content
//     is replaced: the facts its old version supported are stale, merged
//     again from scratch once the new views are in.
//  3. Locks every fact node the sub-batch touches (MERGE, then set and
//     later remove a _lock property, which takes Neo4j's write lock):
//     entities, then the :EventKey node of every event key
//     (diplograph.EventKey) of the old and new events, each sorted, so that
//     concurrent saves of overlapping articles queue up instead of losing
//     each other's updates and never lock in opposite orders. The merged
//     state of the entities and relations is read under the lock.
//     Relations need no lock of their own: both their ends are among the
//     locked entities; events none either: every change to an event
//     happens under its key's lock.
//  4. Groups the sub-batch's event views with the stored views near them
//     and near the views the replaced articles lose (facts.Regroup, see
//     regroup.go): a few index seeks for every key at once, whatever the
//     number of views a key has gathered.
//  5. Writes the events whose views changed, then deletes the old
//     versions' views and comments and writes the articles, their comments
//     and their views, each event view linked to its group's event, in one
//     UNWIND.
//  6. Reads the remaining views of the stale facts, and merges in Go each
//     touched fact once: a stale one from all its views, any other by
//     adding the sub-batch's views to its stored state, in save order;
//     likewise each event whose views changed (step 4).
//  7. Writes the merged entities and relations, the events' links, moves
//     the other articles' views whose event changed, and deletes the facts
//     no article supports any more: a statement for each of these that has
//     rows (see writeMerged).
//
// A deferred sub-batch (SaveBatchUngrouped) writes its event views waiting
// instead (PENDING_REPORT, see pending.go): it locks their keys as well,
// but groups in step 4 only the keys whose grouped views the replaced
// articles take away. Every grouping of a key takes in the key's waiting
// views.
//
// Every statement is parameterized and MERGEs by unique keys; properties
// are set to values computed from what the transaction read (only those
// that change, so that indexes are spared needless updates), and the save
// stamps are chosen before the transaction, so when the driver retries the
// function after a transient failure (the transaction was rolled back), or
// even runs it twice in one transaction, the graph ends the same. The
// function has no effect outside the transaction.

// Save writes an article, its comments and its facts in one transaction. See
// diplograph.Store.
func (s *Store) Save(ctx context.Context, x *diplograph.Extraction) (diplograph.SaveResult, error) {
	in, err := newSaveInput(x)
	if err != nil {
		return diplograph.SaveResult{}, err
	}
	res, err := write(ctx, s, saveWork(ctx, in, s.nextSeq()))
	if err != nil {
		return diplograph.SaveResult{}, fmt.Errorf("neo4j: save article %s: %w", in.art.ID, err)
	}
	return res, nil
}

// SaveBatch saves several articles in one transaction. See
// diplograph.BatchSaver.
func (s *Store) SaveBatch(ctx context.Context, xs []*diplograph.Extraction) ([]diplograph.BatchResult, error) {
	return s.saveBatch(ctx, xs, false)
}

// SaveBatchUngrouped saves several articles in one transaction, their event
// reports waiting for GroupPending. See diplograph.DeferredGrouper.
func (s *Store) SaveBatchUngrouped(ctx context.Context, xs []*diplograph.Extraction) ([]diplograph.BatchResult, error) {
	return s.saveBatch(ctx, xs, true)
}

// saveBatch is SaveBatch; a deferred batch leaves its event reports
// waiting (see pending.go).
func (s *Store) saveBatch(ctx context.Context, xs []*diplograph.Extraction, deferred bool) ([]diplograph.BatchResult, error) {
	out := make([]diplograph.BatchResult, len(xs))
	var ins []*saveInput
	var seqs []int64
	var at []int // where each of ins is in xs
	for i, x := range xs {
		in, err := newSaveInput(x)
		if err != nil {
			out[i].Err = err
			continue
		}
		ins, seqs, at = append(ins, in), append(seqs, s.nextSeq()), append(at, i)
	}
	if len(ins) == 0 {
		return out, nil
	}
	// Results are handed out only after the commit, since the driver may
	// run the function more than once.
	res, err := write(ctx, s, batchWork(ctx, ins, seqs, deferred))
	if err != nil {
		return nil, fmt.Errorf("neo4j: save batch of %d: %w", len(ins), err)
	}
	for j, i := range at {
		out[i].SaveResult = res[j]
	}
	return out, nil
}

// saveWork returns the transaction function that saves in; seq is the
// save's stamp, chosen once so that a retry writes the same.
func saveWork(ctx context.Context, in *saveInput, seq int64) func(tx neo4j.ManagedTransaction) (diplograph.SaveResult, error) {
	work := batchWork(ctx, []*saveInput{in}, []int64{seq}, false)
	return func(tx neo4j.ManagedTransaction) (diplograph.SaveResult, error) {
		res, err := work(tx)
		if err != nil {
			return diplograph.SaveResult{}, err
		}
		return res[0], nil
	}
}

// batchWork returns the transaction function that saves ins in order, with
// the stamps seqs, and returns their results in the same order. A deferred
// batch leaves the articles' event reports waiting.
func batchWork(ctx context.Context, ins []*saveInput, seqs []int64, deferred bool) func(tx neo4j.ManagedTransaction) ([]diplograph.SaveResult, error) {
	return func(tx neo4j.ManagedTransaction) ([]diplograph.SaveResult, error) {
		t := &txn{ctx: ctx, tx: tx}
		out := make([]diplograph.SaveResult, 0, len(ins))
		for _, r := range subBatches(ins) {
			res, err := t.saveBatch(ins[r[0]:r[1]], seqs[r[0]:r[1]], deferred)
			if err != nil {
				return nil, err
			}
			out = append(out, res...)
		}
		return out, nil
	}
}

// subBatches cuts ins into consecutive runs, [start, end) each, in which no
// two articles share an id or a content hash.
func subBatches(ins []*saveInput) [][2]int {
	var out [][2]int
	start := 0
	ids, hashes := map[string]bool{}, map[string]bool{}
	for i, in := range ins {
		if ids[in.art.ID] || hashes[in.art.Hash] {
			out = append(out, [2]int{start, i})
			start = i
			clear(ids)
			clear(hashes)
		}
		ids[in.art.ID], hashes[in.art.Hash] = true, true
	}
	return append(out, [2]int{start, len(ins)})
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

// all runs q and returns its records' values by key.
func (t *txn) all(q string, params map[string]any) ([]map[string]any, error) {
	res, err := t.tx.Run(t.ctx, q, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(t.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]map[string]any, len(recs))
	for i, r := range recs {
		out[i] = r.AsMap()
	}
	return out, nil
}

// one runs q and returns its only record's values by key; ok is false when
// q returns no record.
func (t *txn) one(q string, params map[string]any) (rec map[string]any, ok bool, err error) {
	recs, err := t.all(q, params)
	if err != nil || len(recs) == 0 {
		return nil, false, err
	}
	return recs[0], true, nil
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

// item is one article a sub-batch writes.
type item struct {
	in       *saveInput
	replaced bool // an older version was stored
	waits    bool // its event reports wait to be grouped (pending.go)
	seq      int64
	stamp    stamp
	keys     []string // the event key of each of in.events
}

// saveBatch saves ins, articles with distinct ids and hashes, with the
// stamps seqs: see "How saves run". A deferred sub-batch writes its event
// views waiting, and groups only the keys whose grouped views the replaced
// articles take away.
func (t *txn) saveBatch(ins []*saveInput, seqs []int64, deferred bool) ([]diplograph.SaveResult, error) {
	out := make([]diplograph.SaveResult, len(ins))
	hashes := make([]string, len(ins))
	for i, in := range ins {
		hashes[i] = in.art.Hash
	}
	recs, err := t.all(`UNWIND $hashes AS hash
		MATCH (a:Article {hash: hash})
		RETURN hash, collect(a.id) AS ids`, map[string]any{"hashes": hashes})
	if err != nil {
		return nil, err
	}
	storedAs := map[string][]string{}
	for _, r := range recs {
		storedAs[str(r, "hash")] = sortedSet(strs(r, "ids"))
	}
	// An article whose content is stored is Unchanged, unless the stored
	// copy is an article an earlier one of the batch replaces: saved one by
	// one, that copy would be gone by then.
	written := map[string]bool{}
	var todo []int
	for i, in := range ins {
		if j := slices.IndexFunc(storedAs[in.art.Hash], func(id string) bool { return !written[id] }); j >= 0 {
			out[i] = diplograph.SaveResult{ArticleID: storedAs[in.art.Hash][j], Unchanged: true}
			continue
		}
		written[in.art.ID] = true
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return out, nil
	}

	rows := make([]any, 0, len(todo))
	for _, id := range slices.Sorted(maps.Keys(written)) {
		rows = append(rows, id)
	}
	recs, err = t.all(`UNWIND $ids AS id
		MERGE (a:Article {id: id})
		ON CREATE SET a._new = true
		SET a._lock = true
		RETURN id, a._new IS NOT NULL AS created, a.hash AS hash,
			[(a)-[:MENTIONS]->(e:Entity) | e.id] AS entities,
			[(a)-[:ASSERTS]->(x:Assertion) | x.relation] AS relations,
			`+reportsOf+` AS reports, `+waitingOf+` AS waiting`, map[string]any{"ids": rows})
	if err != nil {
		return nil, err
	}
	old := make(map[string]map[string]any, len(recs))
	for _, r := range recs {
		old[str(r, "id")] = r
	}

	var items []*item
	var stale keys
	var unlock []string
	changes := keyChanges{}
	// The keys whose waiting reports change, which are locked as the keys
	// regrouped are (see pending.go).
	var waitKeys []string
	for _, i := range todo {
		in := ins[i]
		rec := old[in.art.ID]
		created := rec["created"] == true
		if !created && str(rec, "hash") == in.art.Hash {
			// A concurrent save of the same content committed first.
			out[i] = diplograph.SaveResult{ArticleID: in.art.ID, Unchanged: true}
			unlock = append(unlock, in.art.ID)
			continue
		}
		out[i] = diplograph.SaveResult{
			ArticleID: in.art.ID,
			Replaced:  !created,
			Entities:  len(in.entities),
			Relations: len(in.relations),
			Events:    len(in.events),
		}
		stale.entities = append(stale.entities, strs(rec, "entities")...)
		stale.relations = append(stale.relations, strs(rec, "relations")...)
		removeReports(changes, rec)
		waitKeys = append(waitKeys, strs(rec, "waiting")...)
		it := &item{in: in, replaced: !created, waits: deferred, seq: seqs[i], stamp: stamp{Published: in.art.Published, Seq: seqs[i]}}
		for j := range in.events {
			it.keys = append(it.keys, diplograph.EventKey(&in.events[j]))
		}
		items = append(items, it)
	}
	if len(unlock) > 0 {
		if err := t.exec(`UNWIND $ids AS id MATCH (a:Article {id: id}) REMOVE a._lock`, map[string]any{"ids": unlock}); err != nil {
			return nil, err
		}
	}
	if len(items) == 0 {
		return out, nil
	}

	touched := keys{entities: slices.Clone(stale.entities), relations: slices.Clone(stale.relations)}
	var exclude []string
	for _, it := range items {
		in := it.in
		exclude = append(exclude, in.art.ID)
		for _, e := range in.entities {
			touched.entities = append(touched.entities, e.ID)
		}
		for _, r := range in.relations {
			touched.relations = append(touched.relations, r.ID)
		}
		if it.waits {
			waitKeys = append(waitKeys, it.keys...)
			continue
		}
		for j := range in.events {
			v := in.events[j]
			v.Evidence = nil
			ch := changes.change(it.keys[j])
			ch.Fresh = append(ch.Fresh, keyView{key: it.keys[j], ev: freshEventView(in, j), stamp: it.stamp, body: &v})
		}
	}
	st, err := t.lock(touched, append(changes.keys(), waitKeys...))
	if err != nil {
		return nil, err
	}
	var m merged
	targets, err := t.regroup(changes, exclude, &m)
	if err != nil {
		return nil, err
	}
	if err := t.writeEvents(&m); err != nil {
		return nil, err
	}
	if err := t.writeArticles(items, targets); err != nil {
		return nil, err
	}
	stale.events = nil
	views, err := t.views(stale)
	if err != nil {
		return nil, err
	}
	if err := m.addViews(items, setOf(stale), st); err != nil {
		return nil, err
	}
	if err := m.refold(stale, views, st); err != nil {
		return nil, err
	}
	return out, t.writeMerged(&m)
}

// addViews merges the items' views into the stored state of the entities
// and relations they name, each fact once with its views in save order;
// stale facts are left to refold.
func (m *merged) addViews(items []*item, stale map[diplograph.FactKind]map[string]bool, st *state) error {
	type at[T any] struct {
		v  T
		st stamp
	}
	ents := map[string][]at[diplograph.Entity]{}
	rels := map[string][]at[diplograph.Relation]{}
	for _, it := range items {
		for _, v := range it.in.entities {
			if !stale[diplograph.EntityFact][v.ID] {
				v.Evidence = nil
				ents[v.ID] = append(ents[v.ID], at[diplograph.Entity]{v, it.stamp})
			}
		}
		for _, v := range it.in.relations {
			if !stale[diplograph.RelationFact][v.ID] {
				v.Evidence = nil
				rels[v.ID] = append(rels[v.ID], at[diplograph.Relation]{v, it.stamp})
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(ents)) {
		acc, pv, err := st.entity(id)
		if err != nil {
			return err
		}
		for _, a := range ents[id] {
			mergeEntity(&pv, &acc, &a.v, a.st)
		}
		if err := m.putEntity(&acc, pv, st.entities[id]); err != nil {
			return err
		}
	}
	for _, id := range slices.Sorted(maps.Keys(rels)) {
		acc, pv, err := st.relation(id)
		if err != nil {
			return err
		}
		for _, a := range rels[id] {
			mergeRelation(&pv, &acc, &a.v, a.st)
		}
		if err := m.putRelation(&acc, pv, st.relations[id]); err != nil {
			return err
		}
	}
	return nil
}

func (t *txn) delete(id string) error {
	rec, ok, err := t.one(`MATCH (a:Article {id: $id})
		SET a._lock = true
		RETURN [(a)-[:MENTIONS]->(e:Entity) | e.id] AS entities,
			[(a)-[:ASSERTS]->(x:Assertion) | x.relation] AS relations,
			`+reportsOf+` AS reports, `+waitingOf+` AS waiting`, map[string]any{"id": id})
	if err != nil {
		return err
	}
	if !ok {
		return diplograph.Errorf(diplograph.ENOTFOUND, "article %q not found", id)
	}
	stale := keys{strs(rec, "entities"), strs(rec, "relations"), nil}
	changes := keyChanges{}
	removeReports(changes, rec)
	// Its waiting reports only go: no event has them.
	st, err := t.lock(stale, append(changes.keys(), strs(rec, "waiting")...))
	if err != nil {
		return err
	}
	var m merged
	// The article's own views are left out of the grouping, and go with it.
	if _, err := t.regroup(changes, []string{id}, &m); err != nil {
		return err
	}
	if err := t.exec(`MATCH (a:Article {id: $id})
		CALL (a) { MATCH (a)-[r:MENTIONS|REPORTS|PENDING_REPORT]->() DELETE r }
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

// writeArticles replaces each item's article node's properties (which also
// drops its _lock), comments and views; an older version's views and
// comments go first, in a statement of their own that runs only when there
// are some. Each event view carries its event key and links to the
// event targets names for it.
func (t *txn) writeArticles(items []*item, targets map[viewRef]string) error {
	rows := make([]any, 0, len(items))
	var replaced []any
	for _, it := range items {
		row, err := articleRow(it, targets)
		if err != nil {
			return fmt.Errorf("article %s: %w", it.in.art.ID, err)
		}
		rows = append(rows, row)
		if it.replaced {
			replaced = append(replaced, it.in.art.ID)
		}
	}
	// The old versions' views and comments go first, so the new ones are
	// created, not merged.
	if err := t.execRows(`UNWIND $rows AS id
		MATCH (a:Article {id: id})
		CALL (a) { MATCH (a)-[r:MENTIONS|REPORTS|PENDING_REPORT]->() DELETE r }
		CALL (a) { MATCH (a)-[:ASSERTS]->(x:Assertion) DETACH DELETE x }
		CALL (a) { MATCH (a)-[:HAS_COMMENT]->(c:Comment) DETACH DELETE c }`, replaced); err != nil {
		return err
	}
	// Every event a view goes to was written by then (writeEvents).
	return t.exec(`UNWIND $articles AS art
		MATCH (a:Article {id: art.id})
		SET a = art.props
		WITH a, art
		CALL (a, art) {
			UNWIND art.comments AS c
			CREATE (a)-[:HAS_COMMENT]->(k:Comment)
			SET k = c
		}
		CALL (a, art) {
			UNWIND art.mentions AS row
			MATCH (e:Entity {id: row.id})
			CREATE (a)-[m:MENTIONS]->(e)
			SET m = row.props
		}
		CALL (a, art) {
			UNWIND art.assertions AS props
			CREATE (a)-[:ASSERTS]->(x:Assertion)
			SET x = props
		}
		CALL (a, art) {
			UNWIND art.reports AS row
			MATCH (v:Event {id: row.id})
			CREATE (a)-[m:REPORTS]->(v)
			SET m = row.props
		}
		CALL (a, art) {
			UNWIND art.waiting AS props
			MATCH (k:EventKey {key: props.key})
			CREATE (a)-[p:PENDING_REPORT]->(k)
			SET p = props
		}`, map[string]any{"articles": rows})
}

// articleRow is the row of writeArticles that writes one article.
func articleRow(it *item, targets map[viewRef]string) (map[string]any, error) {
	in := it.in
	var err error
	mentions := make([]any, 0, len(in.entities))
	for i := range in.entities {
		e := in.entities[i]
		evs := e.Evidence
		e.Evidence = nil
		p, perr := supportProps(i, &e, evs)
		err = errors.Join(err, perr)
		mentions = append(mentions, map[string]any{"id": e.ID, "props": map[string]any(p)})
	}
	assertions := make([]any, 0, len(in.relations))
	for i := range in.relations {
		r := in.relations[i]
		evs := r.Evidence
		r.Evidence = nil
		p, perr := supportProps(i, &r, evs)
		err = errors.Join(err, perr)
		if p != nil {
			p["relation"], p["type"], p["subject"], p["object"] = r.ID, string(r.Type), r.Subject, r.Object
		}
		assertions = append(assertions, map[string]any(p))
	}
	reports := make([]any, 0, len(in.events))
	var waiting []any
	for i := range in.events {
		e := in.events[i]
		evs := e.Evidence
		e.Evidence = nil
		p, perr := supportProps(i, &e, evs)
		err = errors.Join(err, perr)
		if p != nil {
			p["viewId"], p["key"] = e.ID, it.keys[i]
			reachProps(p, facts.ViewReach(freshEventView(in, i)))
		}
		if it.waits {
			// The same properties as the view it becomes (pending.go).
			waiting = append(waiting, map[string]any(p))
			continue
		}
		reports = append(reports, map[string]any{"id": targets[viewRef{in.art.ID, e.ID}], "props": map[string]any(p)})
	}
	if err != nil {
		return nil, err
	}
	comments := make([]any, 0, len(in.comments))
	for i := range in.comments {
		comments = append(comments, map[string]any(commentProps(i, &in.comments[i])))
	}
	return map[string]any{
		"id":       in.art.ID,
		"props":    map[string]any(articleProps(&in.art, it.seq)),
		"comments": comments, "mentions": mentions, "assertions": assertions, "reports": reports,
		"waiting": nonNil(waiting),
	}, nil
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
	grouped                              []any // waiting views that join an event
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
//
// The node keeps the event key its views were grouped under and its first
// report (group.First), by which regrouping names events (facts.AssignIDs).
func (m *merged) putEvent(e *diplograph.Event, pv prov, prev map[string]any, key string, first facts.EventView) error {
	p, err := eventProps(e, pv)
	if err != nil {
		return err
	}
	p["key"] = key
	p.set("baseId", first.ID)
	p.set("firstPublished", first.Published)
	p.set("firstArticle", first.Article)
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

// writeMerged writes the merged facts: entities with their labels,
// relations, events with their links, then the deletions. Each part is a
// statement of its own, run only when it has rows: a small statement is
// planned in milliseconds where one statement of them all took a second, and
// Neo4j plans a statement again whenever the counts of what the graph holds
// have changed much, as they do all along a bulk load into an empty
// database. Labels and relationship types come from the whitelists:
// relationship types are written into the statement, one per type present
// (MERGE with a type given as a parameter finds no index), and a label is a
// parameter holding a whitelisted value.
func (t *txn) writeMerged(m *merged) error {
	// A label is set only when the entity is new or its type changed; the
	// label is a value of the whitelist (putEntity), passed as a parameter.
	if err := t.execRows(`UNWIND $rows AS row
		MATCH (e:Entity {id: row.id})
		SET e += row.props
		WITH e, row WHERE row.label IS NOT NULL
		REMOVE e:`+allEntityLabels()+`
		SET e:$(row.label)`, m.entities); err != nil {
		return err
	}
	if err := t.execRows(`UNWIND $rows AS id
		MATCH ()-[r:`+anyRelType()+` {id: id}]->()
		DELETE r`, anys(sortedSet(m.dropRelations))); err != nil {
		return err
	}
	byType := map[string][]any{}
	for _, r := range m.relations {
		row, _ := r.(map[string]any)
		typ, _ := row["type"].(string)
		byType[typ] = append(byType[typ], row)
	}
	for _, typ := range slices.Sorted(maps.Keys(byType)) {
		if !slices.Contains(relTypes(), typ) {
			return fmt.Errorf("no relation type %q", typ)
		}
		if err := t.execRows(`UNWIND $rows AS row
			MATCH (s:Entity {id: row.subject}), (o:Entity {id: row.object})
			MERGE (s)-[r:`+typ+` {id: row.id}]->(o)
			SET r += row.props`, byType[typ]); err != nil {
			return err
		}
	}
	if err := t.writeEvents(m); err != nil {
		return err
	}
	if err := t.execRows(`UNWIND $rows AS row
		MATCH (a:Article {id: row.article})-[m:REPORTS]->(:Event {id: row.from})
		WHERE m.viewId = row.viewId
		MATCH (to:Event {id: row.to})
		CREATE (a)-[n:REPORTS]->(to)
		SET n = properties(m)
		DELETE m`, m.moves); err != nil {
		return err
	}
	if err := t.execRows(groupWaiting, m.grouped); err != nil {
		return err
	}
	// An event's participants, concerns and location are distinct (see
	// mergeEvent), and its old links go first: the new ones are created.
	if err := t.execRows(`UNWIND $rows AS row
		MATCH (v:Event {id: row.id})
		CALL (v) { MATCH (v)<-[l:PARTICIPATES_IN]-(:Entity) DELETE l }
		CALL (v) { MATCH (v)-[l:CONCERNS|AT]->(:Entity) DELETE l }
		CALL (v, row) {
			UNWIND row.participants AS p
			MATCH (e:Entity {id: p.entity})
			CREATE (e)-[:PARTICIPATES_IN {role: p.role}]->(v)
		}
		CALL (v, row) {
			UNWIND row.concerns AS c
			MATCH (e:Entity {id: c})
			CREATE (v)-[:CONCERNS]->(e)
		}
		CALL (v, row) {
			UNWIND row.location AS loc
			MATCH (e:Entity {id: loc})
			CREATE (v)-[:AT]->(e)
		}`, m.relink); err != nil {
		return err
	}
	if err := t.execRows(`UNWIND $rows AS id
		MATCH (v:Event {id: id})
		DETACH DELETE v`, anys(m.dropEvs)); err != nil {
		return err
	}
	return t.execRows(`UNWIND $rows AS id
		MATCH (e:Entity {id: id})
		DETACH DELETE e`, anys(m.dropEntities))
}

// writeEvents writes the merged events' nodes, without their links, and
// leaves them out of m.
func (t *txn) writeEvents(m *merged) error {
	err := t.execRows(`UNWIND $rows AS row
		MERGE (v:Event {id: row.id})
		SET v += row.props`, m.events)
	m.events = nil
	return err
}

// execRows runs q, which UNWINDs $rows, when there are rows.
func (t *txn) execRows(q string, rows []any) error {
	if len(rows) == 0 {
		return nil
	}
	return t.exec(q, map[string]any{"rows": rows})
}

// anys returns ss as a list of any, for execRows.
func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// allEntityLabels is every entity type's label, as a label expression
// (Country:Person:...), to remove an entity's old one.
func allEntityLabels() string {
	labels := slices.Collect(maps.Values(entityLabels()))
	slices.Sort(labels)
	return strings.Join(labels, ":")
}

// reportsOf is the expression that lists an article's event views (a's
// REPORTS), with what regrouping needs to know of a view that goes.
const reportsOf = `[(a)-[m:REPORTS]->(v:Event) | {key: m.key, event: v.id, tier: m.reachTier, lo: m.reachLo, hi: m.reachHi}]`

// removeReports records in changes the views of reportsOf in rec, which
// go: their events are merged again and the views near them grouped again.
func removeReports(changes keyChanges, rec map[string]any) {
	for _, r := range list(rec["reports"]) {
		v, _ := r.(map[string]any)
		changes.removed(str(v, "key"), str(v, "event"), reachOf(v))
	}
}

// freshEventView is how regrouping sees an article's i-th event view.
func freshEventView(in *saveInput, i int) facts.EventView {
	e := &in.events[i]
	return facts.EventView{Article: in.art.ID, Published: in.art.Published, ID: e.ID, Span: e.TimeSpan}
}
