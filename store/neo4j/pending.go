package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// How a bulk load's event reports wait (diplograph.DeferredGrouper). A
// report saved by SaveBatchUngrouped is a PENDING_REPORT relationship from
// its article to the :EventKey node of its key, with the properties the
// REPORTS relationship it becomes will have (its key and reach among
// them). No read follows PENDING_REPORT, so queries see the article, its
// entities and relations at once but no event of it; Export does, so an
// export holds the article whole.
//
// Grouping a key takes every waiting report of it as a fresh view
// (regroup, then addPending): GroupPending for every key that has some, and
// any save or deletion that regroups the key. Each becomes a REPORTS
// relationship to its event in the transaction that groups it. So the
// grouped (REPORTS) views of a key are always what ClusterEvents makes of
// all of them, the invariant facts.Regroup relies on.
//
// The range index diplograph_pending_key on PENDING_REPORT(key) holds the
// waiting reports only: GroupPending lists their keys by scanning it, and
// regrouping finds a key's by a seek. Every transaction that adds, removes
// or groups a key's waiting reports holds the key's lock, as those that
// regroup it do, so a regrouping reads all there are and they stay so.

// waitingOf is the expression that lists the keys of an article's waiting
// reports (a's PENDING_REPORT), whose locks a save or deletion that takes
// them away needs.
const waitingOf = `[(a)-[p:PENDING_REPORT]->(:EventKey) | p.key]`

// Statements of waiting reports.
const (
	qPendingKeys = `MATCH ()-[p:PENDING_REPORT]->()
		USING INDEX p:PENDING_REPORT(key)
		WHERE p.key IS NOT NULL
		RETURN p.key AS key, count(*) AS n ORDER BY key`
	qPendingViews = `UNWIND $keys AS key
		MATCH (a:Article)-[p:PENDING_REPORT]->(:EventKey)
		USING INDEX p:PENDING_REPORT(key)
		WHERE p.key = key AND NOT a.id IN $exclude
		RETURN p.key AS key, null AS event, p.viewId AS viewId, a.id AS article,
			a.published AS published, a.seq AS seq, p.view AS view`
	// groupWaiting turns waiting reports into their events' views (rows
	// of merged.grouped), after the events are written. A report is found
	// from its article, which has a few; its key may have thousands.
	groupWaiting = `UNWIND $rows AS row
		MATCH (a:Article {id: row.article})-[p:PENDING_REPORT]->(:EventKey)
		USING INDEX a:Article(id)
		WHERE p.viewId = row.viewId
		MATCH (v:Event {id: row.to})
		CREATE (a)-[m:REPORTS]->(v)
		SET m = properties(p)
		DELETE p`
)

// addPending adds to changes every waiting report of their keys, but those
// of excluded articles, as fresh views.
func (s keySource) addPending(changes keyChanges) error {
	recs, err := s.t.all(qPendingViews, map[string]any{"keys": changes.keys(), "exclude": nonNil(s.exclude)})
	if err != nil {
		return err
	}
	views, err := storedViews(recs)
	if err != nil {
		return err
	}
	for _, v := range views {
		v.pending = true
		ch := changes.change(v.key)
		ch.Fresh = append(ch.Fresh, v)
	}
	return nil
}

// pendingChunk bounds the waiting reports one GroupPending transaction
// groups, and so the server memory it takes; a key is never split, so a
// busier key makes a bigger transaction. Grouping 59,000 reports took 20–22
// s in transactions of 500 or 1,000 and 24–28 s in transactions of 2,000
// to 20,000 (whose commits cost more per report) on the development
// machine (docs/neo4j.md).
const pendingChunk = 1000

// groupWorkers is how many GroupPending transactions run at once (see
// groupChunks).
const groupWorkers = 2

// GroupPending groups the event reports that SaveBatchUngrouped left
// waiting, many keys per transaction. See diplograph.DeferredGrouper.
func (s *Store) GroupPending(ctx context.Context, progress func(done, total int)) (int, error) {
	type keyCount struct {
		key string
		n   int
	}
	// Read on the leader, which has every committed report.
	todo, err := write(ctx, s, func(tx neo4j.ManagedTransaction) ([]keyCount, error) {
		recs, err := (&txn{ctx: ctx, tx: tx}).all(qPendingKeys, nil)
		if err != nil {
			return nil, err
		}
		out := make([]keyCount, len(recs))
		for i, r := range recs {
			out[i] = keyCount{str(r, "key"), int(integer(r, "n"))}
		}
		return out, nil
	})
	if err != nil {
		return 0, fmt.Errorf("neo4j: group pending events: %w", err)
	}
	total := 0
	for _, k := range todo {
		total += k.n
	}
	var chunks [][]string
	for len(todo) > 0 {
		n, views := 0, 0
		for n < len(todo) && (n == 0 || views+todo[n].n <= s.groupChunk) {
			views += todo[n].n
			n++
		}
		chunk := make([]string, n)
		for i, k := range todo[:n] {
			chunk[i] = k.key
		}
		chunks = append(chunks, chunk)
		todo = todo[n:]
	}
	done := 0
	err = s.groupChunks(ctx, chunks, func(grouped int) {
		done += grouped
		if progress != nil {
			progress(done, max(total, done))
		}
	})
	if err != nil {
		return done, fmt.Errorf("neo4j: group pending events: %w", err)
	}
	return done, nil
}

// groupChunks groups chunks of keys in up to s.groupWorkers transactions at
// once. (Two made the grouping of a 10,000-article load ×1.2 faster than one,
// three no faster than two: docs/neo4j.md.) One transaction at a time left the server idle while the client
// read, clustered and sent, and while each commit flushed; the chunks have
// no key in common, so their transactions wait on each other only where
// they add participants to the same entity. report is called from this
// goroutine, once per chunk grouped, in no set order. The first error, or
// the end of ctx, stops the chunks not yet begun; it is returned once those
// begun have ended.
func (s *Store) groupChunks(ctx context.Context, chunks [][]string, report func(grouped int)) error {
	// A transaction begun runs to its end: cancelled during its commit,
	// the client could not tell whether it had grouped its reports, and
	// the count returned would miss them. Stopping waits for at most
	// groupWorkers transactions.
	run := context.WithoutCancel(ctx)
	type result struct {
		n   int
		err error
	}
	work := make(chan []string)
	results := make(chan result)
	workers := min(max(s.groupWorkers, 1), len(chunks))
	for range workers {
		go func() {
			for chunk := range work {
				n, err := write(run, s, func(tx neo4j.ManagedTransaction) (int, error) {
					return groupKeys(&txn{ctx: run, tx: tx}, chunk)
				})
				results <- result{n, err}
			}
		}()
	}
	var first error
	next, pending := 0, 0
	for next < len(chunks) || pending > 0 {
		// A nil channel never sends: the select only takes results then.
		// (The value to send is evaluated either way, so it must exist.)
		var send chan []string
		var chunk []string
		if next < len(chunks) && first == nil && ctx.Err() == nil {
			send, chunk = work, chunks[next]
		}
		if send == nil && pending == 0 {
			break
		}
		select {
		case send <- chunk:
			next++
			pending++
		case r := <-results:
			pending--
			if r.err != nil {
				if first == nil {
					first = r.err
				}
				continue
			}
			report(r.n)
		}
	}
	close(work)
	if first == nil && next < len(chunks) {
		return ctx.Err()
	}
	return first
}

// groupKeys groups every waiting report of keys, under their locks, and
// returns how many it grouped. The keys' reports are read again under the
// locks: others may have come, or gone, since they were counted.
func groupKeys(t *txn, batch []string) (int, error) {
	if _, err := t.lock(keys{}, batch); err != nil {
		return 0, err
	}
	changes := keyChanges{}
	for _, k := range batch {
		changes.change(k)
	}
	var m merged
	if _, err := t.regroup(changes, nil, &m); err != nil {
		return 0, err
	}
	return len(m.grouped), t.writeMerged(&m)
}
