package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
)

// schemaVersion is the version of the graph's shape this build writes. A
// database written by a newer build is refused rather than misread.
//
// Versions: 1 the first; 2 gave event views their keys; 3 their reaches,
// regrouping every key; 4 let a bulk load's event reports wait to be
// grouped (PENDING_REPORT, see pending.go), which a build of version 3
// would neither see nor take away with their article's next version.
const schemaVersion = 4

// The names of the schema objects this package creates and uses.
const (
	searchIndex = "diplograph_entity_search"
)

// schemaStatements are the constraints and indexes of the graph, each
// created only if missing. Uniqueness constraints come first: MERGE on a
// property without one scans every node of the label, and two concurrent
// MERGEs without one can both create.
func schemaStatements() []string {
	out := []string{
		`CREATE CONSTRAINT diplograph_article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE`,
		`CREATE CONSTRAINT diplograph_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE`,
		`CREATE CONSTRAINT diplograph_event_id IF NOT EXISTS FOR (v:Event) REQUIRE v.id IS UNIQUE`,
		// One :EventKey node per event key: the lock that saves touching
		// the key's events take.
		`CREATE CONSTRAINT diplograph_event_key IF NOT EXISTS FOR (k:EventKey) REQUIRE k.key IS UNIQUE`,
	}
	for _, t := range relTypes() {
		out = append(out, fmt.Sprintf("CREATE CONSTRAINT diplograph_%s_id IF NOT EXISTS FOR ()-[r:%s]-() REQUIRE r.id IS UNIQUE",
			strings.ToLower(t), t))
	}
	return append(out,
		`CREATE INDEX diplograph_article_hash IF NOT EXISTS FOR (a:Article) ON (a.hash)`,
		`CREATE INDEX diplograph_assertion_relation IF NOT EXISTS FOR (x:Assertion) ON (x.relation)`,
		`CREATE INDEX diplograph_event_start IF NOT EXISTS FOR (v:Event) ON (v.start)`,
		// Regrouping finds the events of a key by their first report, and
		// the views of a key by their reach: equalities on key and tier and
		// a range on the reach's first day, which a composite range index
		// answers with one seek (see keySource).
		`CREATE INDEX diplograph_event_base IF NOT EXISTS FOR (v:Event) ON (v.key, v.baseId)`,
		`CREATE INDEX diplograph_reports_reach IF NOT EXISTS FOR ()-[m:REPORTS]-() ON (m.key, m.reachTier, m.reachLo)`,
		// Version 2's index of a key's events, which the one above replaces.
		`DROP INDEX diplograph_event_key_events IF EXISTS`,
		// The event reports a bulk load left waiting, by key (version 4).
		`CREATE INDEX diplograph_pending_key IF NOT EXISTS FOR ()-[p:PENDING_REPORT]-() ON (p.key)`,
		// An id an article gave an event finds the event its view is in.
		`CREATE INDEX diplograph_reports_view IF NOT EXISTS FOR ()-[m:REPORTS]-() ON (m.viewId)`,
		// The search index holds each name and alias as its tokens (see
		// searchText), already split, lower-cased and without diacritics, so
		// the whitespace analyzer indexes exactly the tokens the query is
		// matched against.
		`CREATE FULLTEXT INDEX `+searchIndex+` IF NOT EXISTS FOR (e:Entity) ON EACH [e.search]
			OPTIONS {indexConfig: {`+"`fulltext.analyzer`"+`: 'whitespace'}}`,
	)
}

// schemaVersionIn runs q, which returns one row of one value, the schema
// version (null for none, read as 0).
func schemaVersionIn(ctx context.Context, tx neo4j.ManagedTransaction, q string) (int64, error) {
	res, err := tx.Run(ctx, q, nil)
	if err != nil {
		return 0, err
	}
	rec, err := res.Single(ctx)
	if err != nil {
		return 0, err
	}
	v, _ := rec.Values[0].(int64)
	return v, nil
}

// Migrate creates the constraints and indexes the store needs, those that
// are missing only, and waits until they are online. It is safe to run any
// number of times and from several processes; Open runs it.
func (s *Store) Migrate(ctx context.Context) error {
	v, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (int64, error) {
		return schemaVersionIn(ctx, tx, `OPTIONAL MATCH (m:DiplographSchema) RETURN max(m.version) AS v`)
	})
	if err != nil {
		return fmt.Errorf("neo4j: migrate: %w", err)
	}
	if v > schemaVersion {
		return fmt.Errorf("neo4j: migrate: the database has schema version %d; this build knows up to %d: use a newer diplograph", v, schemaVersion)
	}
	// Schema changes cannot share a transaction with data, nor with each
	// other.
	for _, q := range schemaStatements() {
		if _, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			_, err := tx.Run(ctx, q, nil)
			return struct{}{}, err
		}); err != nil {
			return fmt.Errorf("neo4j: migrate: %s: %w", strings.Fields(q)[2], err)
		}
	}
	from, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (int64, error) {
		if _, err := tx.Run(ctx, `CALL db.awaitIndexes(300)`, nil); err != nil {
			return 0, err
		}
		// The version is read again under the schema node's lock, so that
		// of several processes migrating at once one moves the data.
		v, err := schemaVersionIn(ctx, tx, `MERGE (m:DiplographSchema {name: 'diplograph'})
			SET m._lock = true REMOVE m._lock RETURN m.version AS v`)
		if err != nil {
			return 0, err
		}
		if v > 0 && v < 3 {
			// Version 3 groups events again only near the views that
			// change: every view gets its key (which version 1 lacked) and
			// reach, and every event its first report, by grouping every
			// key again from scratch. The version moves in the same
			// transaction, so a failed step is taken again from the start.
			if err := (&txn{ctx: ctx, tx: tx}).regroupAllEvents(); err != nil {
				return 0, fmt.Errorf("version 3: %w", err)
			}
		}
		_, err = tx.Run(ctx, `MATCH (m:DiplographSchema {name: 'diplograph'}) SET m.version = $v`, map[string]any{"v": schemaVersion})
		return v, err
	})
	if err != nil {
		return fmt.Errorf("neo4j: migrate: %w", err)
	}
	if from < schemaVersion {
		s.log.Info("neo4j: schema migrated", "from", from, "to", schemaVersion, "uri", redact(s.cfg.URI))
	}
	return nil
}

// entityLabels maps each entity type to the label its nodes carry besides
// :Entity. Labels in Cypher text only ever come from here.
func entityLabels() map[diplograph.EntityType]string {
	out := make(map[diplograph.EntityType]string, len(diplograph.EntityTypes))
	for _, t := range diplograph.EntityTypes {
		s := strings.ToLower(string(t))
		if l := strings.ToUpper(s[:1]) + s[1:]; isIdentifier(l) {
			out[t] = l
		}
	}
	return out
}

// relTypes returns the relationship types of relations, one per
// diplograph.RelationType. Relationship types in Cypher text only ever come
// from here.
func relTypes() []string {
	out := make([]string, 0, len(diplograph.RelationTypes))
	for _, t := range diplograph.RelationTypes {
		if isIdentifier(string(t)) {
			out = append(out, string(t))
		}
	}
	return out
}

// anyRelType is the relationship type expression that matches every
// relation: HOLDS_OFFICE|ALLIED_WITH|...
func anyRelType() string { return strings.Join(relTypes(), "|") }

// isIdentifier reports whether s may appear unquoted in Cypher as a label
// or a relationship type: letters, digits and underscores, not starting
// with a digit. The whitelists pass; anything else never reaches a query.
func isIdentifier(s string) bool {
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
