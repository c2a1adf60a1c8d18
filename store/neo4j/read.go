package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/cursor"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// Reads run in managed read transactions (so a cluster routes them to
// readers). A list and its total count come from one statement: the
// matching items are sorted and collected once, counted, and sliced.

// readOne runs q in a read transaction and returns its only record, ok false
// when there is none.
func (s *Store) readOne(ctx context.Context, q string, params map[string]any) (rec map[string]any, ok bool, err error) {
	type result struct {
		rec map[string]any
		ok  bool
	}
	r, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (result, error) {
		t := &txn{ctx: ctx, tx: tx}
		rec, ok, err := t.one(q, params)
		return result{rec, ok}, err
	})
	return r.rec, r.ok, err
}

// readAll runs q in a read transaction and returns its records.
func (s *Store) readAll(ctx context.Context, q string, params map[string]any) ([]map[string]any, error) {
	return read(ctx, s, func(tx neo4j.ManagedTransaction) ([]map[string]any, error) {
		res, err := tx.Run(ctx, q, params)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		out := make([]map[string]any, len(recs))
		for i, r := range recs {
			out[i] = r.AsMap()
		}
		return out, nil
	})
}

func notFound(what, id string) error {
	return diplograph.Errorf(diplograph.ENOTFOUND, "%s %q not found", what, id)
}

// mapsOf returns the elements of a list of maps.
func mapsOf(v any) []map[string]any {
	l := list(v)
	out := make([]map[string]any, 0, len(l))
	for _, x := range l {
		m, _ := x.(map[string]any)
		out = append(out, m)
	}
	return out
}

// where joins conditions into a WHERE clause.
func where(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// pageParams are the parameters that slice the sorted list of one page:
// from skip, one item more than limit.
func pageParams(params map[string]any, skip, limit int) {
	params["skip"] = skip
	params["end"] = skip + limit + 1
}

// HasArticle reports whether an article with this content hash is stored.
func (s *Store) HasArticle(ctx context.Context, hash string) (bool, error) {
	rec, _, err := s.readOne(ctx, `RETURN EXISTS { MATCH (a:Article {hash: $hash}) } AS ok`, map[string]any{"hash": hash})
	if err != nil {
		return false, fmt.Errorf("neo4j: has article: %w", err)
	}
	return rec["ok"] == true, nil
}

// StoredHashes returns the hashes among hashes whose article is stored, in
// one round trip (loaders.HashChecker).
func (s *Store) StoredHashes(ctx context.Context, hashes []string) (map[string]bool, error) {
	out := make(map[string]bool)
	if len(hashes) == 0 {
		return out, nil
	}
	recs, err := s.readAll(ctx, `UNWIND $hashes AS hash
		WITH DISTINCT hash WHERE EXISTS { MATCH (a:Article {hash: hash}) }
		RETURN hash`, map[string]any{"hashes": hashes})
	if err != nil {
		return nil, fmt.Errorf("neo4j: stored hashes: %w", err)
	}
	for _, r := range recs {
		if h, ok := r["hash"].(string); ok {
			out[h] = true
		}
	}
	return out, nil
}

// Article returns an article with its text; its comments come from
// Comments.
func (s *Store) Article(ctx context.Context, id string) (diplograph.Article, error) {
	rec, ok, err := s.readOne(ctx, `MATCH (a:Article {id: $id}) RETURN properties(a) AS a`, map[string]any{"id": id})
	if err != nil {
		return diplograph.Article{}, fmt.Errorf("neo4j: article %s: %w", id, err)
	}
	if !ok {
		return diplograph.Article{}, notFound("article", id)
	}
	m, _ := rec["a"].(map[string]any)
	return readArticle(m), nil
}

// ArticlesByID returns the articles that exist among ids, in the order of
// ids; unknown ids are left out. It is not part of diplograph.Store: over a
// network, one query for a page's articles instead of one per article is
// what keeps a page of evidence fast, so the API's article loader can use
// it when its store has it.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) ([]diplograph.Article, error) {
	if len(ids) == 0 {
		return []diplograph.Article{}, nil
	}
	recs, err := s.readAll(ctx, `UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN properties(a) AS a`,
		map[string]any{"ids": sortedSet(ids)})
	if err != nil {
		return nil, fmt.Errorf("neo4j: articles by id: %w", err)
	}
	found := make([]diplograph.Article, 0, len(recs))
	for _, r := range recs {
		m, _ := r["a"].(map[string]any)
		found = append(found, readArticle(m))
	}
	return facts.InIDOrder(ids, found, func(a diplograph.Article) string { return a.ID }), nil
}

// Articles lists articles, the latest published first (undated last), then
// by id.
func (s *Store) Articles(ctx context.Context, p diplograph.Page) (diplograph.Connection[diplograph.Article], error) {
	c, err := cursor.Decode(cursor.Articles, p.After)
	if err != nil {
		return diplograph.Connection[diplograph.Article]{}, err
	}
	params := map[string]any{}
	pageParams(params, c.Offset, p.Limit())
	rec, _, err := s.readOne(ctx, `MATCH (a:Article)
		WITH a ORDER BY a.published IS NULL, a.published DESC, a.id
		WITH collect(a) AS items
		RETURN size(items) AS total, [x IN items[$skip..$end] | properties(x)] AS page`, params)
	if err != nil {
		return diplograph.Connection[diplograph.Article]{}, fmt.Errorf("neo4j: articles: %w", err)
	}
	var items []diplograph.Article
	for _, m := range mapsOf(rec["page"]) {
		items = append(items, readArticle(m))
	}
	return cursor.OffsetPage(cursor.Articles, c.Offset, p.Limit(), int(integer(rec, "total")), items, p.After), nil
}

// Comments returns an article's comments in order.
func (s *Store) Comments(ctx context.Context, articleID string) ([]diplograph.Comment, error) {
	rec, ok, err := s.readOne(ctx, `MATCH (a:Article {id: $id})
		RETURN [(a)-[:HAS_COMMENT]->(c:Comment) | properties(c)] AS comments`, map[string]any{"id": articleID})
	if err != nil {
		return nil, fmt.Errorf("neo4j: comments of %s: %w", articleID, err)
	}
	if !ok {
		return nil, notFound("article", articleID)
	}
	cs := mapsOf(rec["comments"])
	slices.SortFunc(cs, func(a, b map[string]any) int { return cmp.Compare(integer(a, "pos"), integer(b, "pos")) })
	out := make([]diplograph.Comment, 0, len(cs))
	for _, m := range cs {
		out = append(out, readComment(m))
	}
	return out, nil
}

// Entity returns one entity.
func (s *Store) Entity(ctx context.Context, id string) (diplograph.Entity, error) {
	rec, ok, err := s.readOne(ctx, `MATCH (e:Entity {id: $id}) RETURN properties(e) AS e`, map[string]any{"id": id})
	if err != nil {
		return diplograph.Entity{}, fmt.Errorf("neo4j: entity %s: %w", id, err)
	}
	if !ok {
		return diplograph.Entity{}, notFound("entity", id)
	}
	m, _ := rec["e"].(map[string]any)
	return readEntity(m), nil
}

// EntitiesByID returns the entities among ids, in the order of ids.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) ([]diplograph.Entity, error) {
	if len(ids) == 0 {
		return []diplograph.Entity{}, nil
	}
	recs, err := s.readAll(ctx, `UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN properties(e) AS e`,
		map[string]any{"ids": sortedSet(ids)})
	if err != nil {
		return nil, fmt.Errorf("neo4j: entities by id: %w", err)
	}
	found := make([]diplograph.Entity, 0, len(recs))
	for _, r := range recs {
		m, _ := r["e"].(map[string]any)
		found = append(found, readEntity(m))
	}
	return facts.InIDOrder(ids, found, func(e diplograph.Entity) string { return e.ID }), nil
}

// Entities lists the entities that match f. With a query, exact matches of a
// name or alias come first, then the entities more articles mention; without
// one, the entities more articles mention come first. Ties go by name
// (ASCII letters folded), then id.
func (s *Store) Entities(ctx context.Context, f diplograph.EntityFilter, p diplograph.Page) (diplograph.Connection[diplograph.Entity], error) {
	var conn diplograph.Connection[diplograph.Entity]
	c, err := cursor.Decode(cursor.Entities, p.After)
	if err != nil {
		return conn, err
	}
	for _, t := range f.Types {
		if !t.Valid() {
			return conn, diplograph.Errorf(diplograph.EINVALID, "unknown entity type %q", t)
		}
	}
	params := map[string]any{}
	var match string
	var conds []string
	rank := "0"
	switch {
	case strings.TrimSpace(f.Query) != "":
		sq, ok := parseSearch(f.Query)
		if !ok {
			// Nothing in the query can match a name: punctuation only.
			return diplograph.Connection[diplograph.Entity]{Edges: []diplograph.Edge[diplograph.Entity]{}, HasPreviousPage: p.After != ""}, nil
		}
		match = `CALL db.index.fulltext.queryNodes('` + searchIndex + `', $lucene) YIELD node AS e`
		conds = append(conds, `any(n IN e.search WHERE all(w IN $contains WHERE n CONTAINS w))`)
		params["lucene"], params["contains"], params["exact"] = sq.lucene, sq.contains, sq.exact
		rank = `CASE WHEN $exact IN e.norms THEN 0 ELSE 1 END`
		if f.Article != "" {
			conds = append(conds, `EXISTS { (:Article {id: $article})-[:MENTIONS]->(e) }`)
		}
	case f.Article != "":
		// An article names few entities: start from them.
		match = `MATCH (:Article {id: $article})-[:MENTIONS]->(e:Entity)`
	default:
		match = `MATCH (e:Entity)`
	}
	params["article"] = f.Article
	if len(f.Types) > 0 {
		conds = append(conds, `e.type IN $types`)
		params["types"] = stringsOf(f.Types)
	}
	limit := p.Limit()
	pageParams(params, c.Offset, limit)
	rec, _, err := s.readOne(ctx, match+`
		WITH DISTINCT e`+where(conds)+`
		WITH e, `+rank+` AS rank
		ORDER BY rank, e.corroboration DESC, e.nameKey, e.id
		WITH collect(e) AS items
		RETURN size(items) AS total, [x IN items[$skip..$end] | properties(x)] AS page`, params)
	if err != nil {
		return conn, fmt.Errorf("neo4j: entities: %w", err)
	}
	var items []diplograph.Entity
	for _, m := range mapsOf(rec["page"]) {
		items = append(items, readEntity(m))
	}
	return cursor.OffsetPage(cursor.Entities, c.Offset, limit, int(integer(rec, "total")), items, p.After), nil
}

func stringsOf[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// relationOf decodes the {props, type, subject, object} maps the relation
// queries return.
func relationOf(m map[string]any) diplograph.Relation {
	p, _ := m["props"].(map[string]any)
	return readRelation(p, str(m, "type"), str(m, "subject"), str(m, "object"))
}

// Relation returns one relation.
func (s *Store) Relation(ctx context.Context, id string) (diplograph.Relation, error) {
	rec, ok, err := s.readOne(ctx, `MATCH (s:Entity)-[r:`+anyRelType()+` {id: $id}]->(o:Entity)
		RETURN {props: properties(r), type: type(r), subject: s.id, object: o.id} AS r LIMIT 1`, map[string]any{"id": id})
	if err != nil {
		return diplograph.Relation{}, fmt.Errorf("neo4j: relation %s: %w", id, err)
	}
	if !ok {
		return diplograph.Relation{}, notFound("relation", id)
	}
	m, _ := rec["r"].(map[string]any)
	return relationOf(m), nil
}

// Relations lists the relations that match f, ordered by type, then id.
func (s *Store) Relations(ctx context.Context, f diplograph.RelationFilter, p diplograph.Page) (diplograph.Connection[diplograph.Relation], error) {
	var conn diplograph.Connection[diplograph.Relation]
	c, err := cursor.Decode(cursor.Relations, p.After)
	if err != nil {
		return conn, err
	}
	for _, t := range f.Types {
		if !t.Valid() {
			return conn, diplograph.Errorf(diplograph.EINVALID, "unknown relation type %q", t)
		}
	}
	rt := anyRelType()
	params := map[string]any{"subject": f.Subject, "object": f.Object, "entity": f.Entity, "article": f.Article}
	var match string
	var conds []string
	// Start from the most selective filter; every filter is checked below
	// whichever one the match starts from.
	switch {
	case f.Subject != "":
		match = `MATCH (s:Entity {id: $subject})-[r:` + rt + `]->(o:Entity)`
	case f.Object != "":
		match = `MATCH (s:Entity)-[r:` + rt + `]->(o:Entity {id: $object})`
	case f.Article != "":
		match = `MATCH (:Article {id: $article})-[:ASSERTS]->(x:Assertion)
			MATCH (s:Entity)-[r:` + rt + ` {id: x.relation}]->(o:Entity)`
	case f.Entity != "":
		match = `MATCH (:Entity {id: $entity})-[r0:` + rt + `]-(:Entity)
			WITH DISTINCT r0 AS r
			MATCH (s:Entity)-[r]->(o:Entity)`
	default:
		match = `MATCH (s:Entity)-[r:` + rt + `]->(o:Entity)`
	}
	if len(f.Types) > 0 {
		conds = append(conds, `type(r) IN $types`)
		params["types"] = stringsOf(f.Types)
	}
	if f.Subject != "" {
		conds = append(conds, `s.id = $subject`)
	}
	if f.Object != "" {
		conds = append(conds, `o.id = $object`)
	}
	if f.Entity != "" {
		conds = append(conds, `(s.id = $entity OR o.id = $entity)`)
	}
	if f.Article != "" {
		conds = append(conds, `EXISTS { (:Article {id: $article})-[:ASSERTS]->(:Assertion {relation: r.id}) }`)
	}
	limit := p.Limit()
	pageParams(params, c.Offset, limit)
	rec, _, err := s.readOne(ctx, match+`
		WITH DISTINCT s, r, o`+where(conds)+`
		WITH s, r, o ORDER BY type(r), r.id
		WITH collect({r: r, s: s.id, o: o.id}) AS items
		RETURN size(items) AS total,
			[x IN items[$skip..$end] | {props: properties(x.r), type: type(x.r), subject: x.s, object: x.o}] AS page`, params)
	if err != nil {
		return conn, fmt.Errorf("neo4j: relations: %w", err)
	}
	var items []diplograph.Relation
	for _, m := range mapsOf(rec["page"]) {
		items = append(items, relationOf(m))
	}
	return cursor.OffsetPage(cursor.Relations, c.Offset, limit, int(integer(rec, "total")), items, p.After), nil
}

// Event returns one event: the event with this id, else the event that
// the earliest article reporting an event under this id has its report
// in (an id the extractor gave, or the id of an event since merged into
// another).
func (s *Store) Event(ctx context.Context, id string) (diplograph.Event, error) {
	rec, ok, err := s.readOne(ctx, `MATCH (v:Event {id: $id}) RETURN properties(v) AS v`, map[string]any{"id": id})
	if err == nil && !ok {
		rec, ok, err = s.readOne(ctx, `MATCH (a:Article)-[:REPORTS {viewId: $id}]->(v:Event)
			RETURN properties(v) AS v ORDER BY a.published IS NULL, a.published, a.id LIMIT 1`, map[string]any{"id": id})
	}
	if err != nil {
		return diplograph.Event{}, fmt.Errorf("neo4j: event %s: %w", id, err)
	}
	if !ok {
		return diplograph.Event{}, notFound("event", id)
	}
	m, _ := rec["v"].(map[string]any)
	return readEvent(m), nil
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
	parts := sortedSet(f.Participants)
	params := map[string]any{"article": f.Article, "parts": parts, "location": f.Location, "from": f.From, "to": f.To}
	var match string
	switch {
	case f.Article != "":
		match = `MATCH (:Article {id: $article})-[:REPORTS]->(v:Event)`
	case len(parts) > 0:
		match = `MATCH (:Entity {id: $part})-[:PARTICIPATES_IN]->(v:Event)`
		params["part"] = parts[0]
	default:
		match = `MATCH (v:Event)`
	}
	var conds []string
	if len(parts) > 0 {
		conds = append(conds, `all(p IN $parts WHERE p IN v.participantEntities)`)
	}
	if len(f.Types) > 0 {
		conds = append(conds, `v.type IN $types`)
		params["types"] = stringsOf(f.Types)
	}
	if len(f.Statuses) > 0 {
		conds = append(conds, `v.status IN $statuses`)
		params["statuses"] = stringsOf(f.Statuses)
	}
	if f.Location != "" {
		conds = append(conds, `v.location = $location`)
	}
	if f.From != "" {
		conds = append(conds, `v.undated = 0 AND v.spanEnd >= $from`)
	}
	if f.To != "" {
		conds = append(conds, `v.undated = 0 AND v.start <= $to`)
	}
	after := `true`
	if p.After != "" {
		after = `(y.undated > $cu OR (y.undated = $cu AND (coalesce(y.start, '') > $cs OR (coalesce(y.start, '') = $cs AND y.id > $cid))))`
		cu := 0
		if c.Undated {
			cu = 1
		}
		params["cu"], params["cs"], params["cid"] = cu, c.Start, c.ID
	}
	limit := p.Limit()
	params["n"] = limit + 1
	rec, _, err := s.readOne(ctx, match+`
		WITH DISTINCT v`+where(conds)+`
		WITH v ORDER BY v.undated, coalesce(v.start, ''), v.id
		WITH collect(v) AS items
		RETURN size(items) AS total, [x IN [y IN items WHERE `+after+`][0..$n] | properties(x)] AS page`, params)
	if err != nil {
		return conn, fmt.Errorf("neo4j: events: %w", err)
	}
	var items []diplograph.Event
	for _, m := range mapsOf(rec["page"]) {
		items = append(items, readEvent(m))
	}
	conn = diplograph.Connection[diplograph.Event]{TotalCount: int(integer(rec, "total")), HasPreviousPage: p.After != ""}
	if len(items) > limit {
		items, conn.HasNextPage = items[:limit], true
	}
	conn.Edges = make([]diplograph.Edge[diplograph.Event], len(items))
	for i, e := range items {
		key := cursor.Cursor{List: cursor.Events, Undated: e.Start == "", Start: e.Start, ID: e.ID}
		conn.Edges[i] = diplograph.Edge[diplograph.Event]{Cursor: key.String(), Node: e}
	}
	return conn, nil
}

// Evidence returns the sentences that support each of ids, ordered by the
// article's publication date (undated last), the article's id, then position
// in the article.
func (s *Store) Evidence(ctx context.Context, kind diplograph.FactKind, ids []string) (map[string][]diplograph.Evidence, error) {
	var q string
	switch kind {
	case diplograph.EntityFact:
		q = `UNWIND $ids AS id MATCH (:Entity {id: id})<-[m:MENTIONS]-(a:Article)`
	case diplograph.RelationFact:
		q = `UNWIND $ids AS id MATCH (a:Article)-[:ASSERTS]->(m:Assertion {relation: id})`
	case diplograph.EventFact:
		q = `UNWIND $ids AS id MATCH (:Event {id: id})<-[m:REPORTS]-(a:Article)`
	default:
		return nil, diplograph.Errorf(diplograph.EINVALID, "unknown fact kind %q", kind)
	}
	out := map[string][]diplograph.Evidence{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.readAll(ctx, q+` RETURN id, a.id AS article, a.published AS published, m {.sentences, .starts, .ends} AS m`,
		map[string]any{"ids": sortedSet(ids)})
	if err != nil {
		return nil, fmt.Errorf("neo4j: evidence: %w", err)
	}
	slices.SortFunc(recs, func(a, b map[string]any) int {
		pa, pb := str(a, "published"), str(b, "published")
		return cmp.Or(cmp.Compare(str(a, "id"), str(b, "id")), cmp.Compare(undated(pa), undated(pb)), cmp.Compare(pa, pb),
			cmp.Compare(str(a, "article"), str(b, "article")))
	})
	for _, r := range recs {
		m, _ := r["m"].(map[string]any)
		evs := readEvidence(m)
		slices.SortStableFunc(evs, func(a, b diplograph.Evidence) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		article := str(r, "article")
		for i := range evs {
			evs[i].Article = article
		}
		id := str(r, "id")
		out[id] = append(out[id], evs...)
	}
	return out, nil
}

// undated sorts articles without a publication date after the others.
func undated(published string) int {
	if published == "" {
		return 1
	}
	return 0
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (diplograph.Stats, error) {
	rec, _, err := s.readOne(ctx, `
		CALL () { MATCH (a:Article) RETURN count(a) AS articles }
		CALL () { MATCH (c:Comment) RETURN count(c) AS comments }
		CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
		CALL () { MATCH ()-[r:`+anyRelType()+`]->() RETURN count(r) AS relations }
		CALL () { MATCH (v:Event) RETURN count(v) AS events }
		RETURN articles, comments, entities, relations, events`, nil)
	if err != nil {
		return diplograph.Stats{}, fmt.Errorf("neo4j: stats: %w", err)
	}
	return diplograph.Stats{
		Articles:  int(integer(rec, "articles")),
		Comments:  int(integer(rec, "comments")),
		Entities:  int(integer(rec, "entities")),
		Relations: int(integer(rec, "relations")),
		Events:    int(integer(rec, "events")),
	}, nil
}
