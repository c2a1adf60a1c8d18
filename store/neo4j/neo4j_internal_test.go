package neo4j

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/db"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
	"github.com/diplograph/diplograph/store/storetest"
)

func testConfig(srv neo4jtest.Server) Config {
	return Config{URI: srv.URI, Username: srv.Username, Password: srv.Password, Database: srv.Database}
}

// openEmpty empties the test server and opens a store on it.
func openEmpty(t *testing.T, srv neo4jtest.Server) *Store {
	t.Helper()
	srv.Wipe(t)
	s, err := Open(t.Context(), testConfig(srv))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Senkaku Islands", []string{"senkaku", "islands"}},
		{"U.S.", []string{"u", "s"}},
		{"Japan-U.S. Security Treaty", []string{"japan", "u", "s", "security", "treaty"}},
		{"Pérez Ñúñez", []string{"perez", "nunez"}},
		{`"Diao*`, []string{"diao"}},
		{"G7 2025", []string{"g7", "2025"}},
		{"...", nil},
		{"中华人民共和国", []string{"中华人民共和国"}},
	}
	for _, tc := range tests {
		if got := tokens(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("tokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseSearch(t *testing.T) {
	tests := []struct {
		in       string
		ok       bool
		lucene   string
		contains []string
		exact    string
	}{
		{"Diaoyu", true, "+diaoyu*", []string{" diaoyu"}, "diaoyu"},
		{"DIAOYU  islands", true, "+diaoyu +islands*", []string{" diaoyu ", " islands"}, "diaoyu islands"},
		{"u.s.", true, "+u +s*", []string{" u s"}, "u.s."},
		{"Senkaku OR Taiwan", true, "+senkaku +or +taiwan*", []string{" senkaku ", " or ", " taiwan"}, "senkaku or taiwan"},
		{`"Diao*`, true, "+diao*", []string{" diao"}, `"diao*`},
		{"... --", false, "", nil, ""},
	}
	for _, tc := range tests {
		sq, ok := parseSearch(tc.in)
		if ok != tc.ok || sq.lucene != tc.lucene || !slices.Equal(sq.contains, tc.contains) || sq.exact != tc.exact {
			t.Errorf("parseSearch(%q) = %+v, %v; want {%s %q %s}, %v", tc.in, sq, ok, tc.lucene, tc.contains, tc.exact, tc.ok)
		}
	}
}

// TestSearchTextContains checks the claim search relies on: a word's tokens
// stand together in a name exactly when its CONTAINS string is in the
// name's search text.
func TestSearchTextContains(t *testing.T) {
	tests := []struct {
		name, query string
		want        bool
	}{
		{"Japan-U.S. Security Treaty", "u.s.", true},
		{"United States", "u.s.", false},
		{"Ishiba Shigeru", "Ishiba Shig", true},
		{"Shigeru Ishiba", "Ishiba Shig", true},     // words in any order, as in SQLite
		{"Ishibashi Shigeru", "Ishiba Shig", false}, // only the last word is a prefix
		{"Taiwan Strait", "Taiw", true},
		{"Taiwan Strait", "Strait Taiw", true},
		{"Diaoyu Islands", "islands diaoyu", true},
		{"Senkaku Islands", "senkaku isl taiwan", false},
	}
	for _, tc := range tests {
		sq, _ := parseSearch(tc.query)
		text := searchText(tc.name)
		got := true
		for _, c := range sq.contains {
			got = got && strings.Contains(text, c)
		}
		if got != tc.want {
			t.Errorf("%q matches %q: %v, want %v", tc.query, tc.name, got, tc.want)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := t.Context()
	if _, err := Open(ctx, Config{}); diplograph.ErrorCode(err) != diplograph.EINVALID {
		t.Errorf("Open with no URI: %v, want EINVALID", err)
	}
	if _, err := Open(ctx, Config{URI: "not a uri"}); diplograph.ErrorCode(err) != diplograph.EINVALID {
		t.Errorf("Open with a bad URI: %v, want EINVALID", err)
	}
	// Nothing listens on a port just closed.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	uri := "bolt://" + addr
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, err = Open(ctx, Config{URI: uri, ConnectTimeout: time.Second})
	if err == nil || !strings.Contains(err.Error(), uri) {
		t.Errorf("Open(%s) with nothing listening: %v; want an error naming the URI", uri, err)
	}
}

// TestMigrateTwice checks that migrations are idempotent: a second run
// creates nothing and fails on nothing.
func TestMigrateTwice(t *testing.T) {
	srv := neo4jtest.Use(t)
	s := openEmpty(t, srv) // Open has migrated once
	schema := func() []string {
		t.Helper()
		var out []string
		for _, q := range []string{`SHOW CONSTRAINTS YIELD name RETURN name`, `SHOW INDEXES YIELD name, state RETURN name + ' ' + state AS name`} {
			recs, err := s.readAll(t.Context(), q, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range recs {
				out = append(out, str(r, "name"))
			}
		}
		slices.Sort(out)
		return out
	}
	before := schema()
	if !slices.Contains(before, searchIndex+" ONLINE") {
		t.Fatalf("the search index is missing or not online: %v", before)
	}
	for range 2 {
		if err := s.Migrate(t.Context()); err != nil {
			t.Fatalf("Migrate again: %v", err)
		}
	}
	if after := schema(); !slices.Equal(after, before) {
		t.Errorf("schema after migrating again:\n%v\nbefore:\n%v", after, before)
	}
	// A database written by a newer build is refused.
	if _, err := write(t.Context(), s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		return struct{}{}, (&txn{ctx: t.Context(), tx: tx}).exec(`MATCH (m:DiplographSchema) SET m.version = 99`, nil)
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(t.Context()); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Migrate on a newer schema: %v", err)
	}
}

// dump returns the whole graph as sorted lines, for comparing graphs: each
// node with its labels and properties, each relationship with its type,
// properties and ends.
func dump(t *testing.T, s *Store) []string {
	t.Helper()
	recs, err := s.readAll(t.Context(), `
		MATCH (n) WHERE NOT n:DiplographSchema
		RETURN 'node' AS kind, labels(n) AS labels, properties(n) AS props, null AS from, null AS to
		UNION ALL
		MATCH (a)-[r]->(b)
		RETURN 'rel' AS kind, [type(r)] AS labels, properties(r) AS props,
			coalesce(a.id, a.relation, a.pos) AS from, coalesce(b.id, b.relation, b.pos) AS to`, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, 0, len(recs))
	for _, r := range recs {
		labels := strs(r, "labels")
		slices.Sort(labels)
		r["labels"] = labels
		b, err := json.Marshal(r) // maps marshal with sorted keys
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	slices.Sort(out)
	return out
}

// TestRetriedWrite checks that a save's transaction function can run again,
// as the driver runs it after a transient failure, and leave the graph it
// leaves when it runs once: run twice in one transaction, run again in a
// second transaction, and retried by the driver after an attempt that
// wrote everything and then failed.
func TestRetriedWrite(t *testing.T) {
	srv := neo4jtest.Use(t)
	corpus := storetest.Generate(6, 11)
	// A new version of the first article, so that a replacement is retried
	// too.
	v2 := *corpus[0]
	v2.Article.Title += " (updated)"
	v2.Article.Hash = diplograph.ContentHash(&v2.Article)
	v2.Events = nil
	corpus = append(corpus, &v2)

	inputs := make([]*saveInput, len(corpus))
	for i, x := range corpus {
		in, err := newSaveInput(x)
		if err != nil {
			t.Fatal(err)
		}
		inputs[i] = in
	}
	// Every run saves the corpus with the same stamps, so the graphs can
	// be compared property by property.
	run := func(t *testing.T, s *Store, save func(ctx context.Context, work func(neo4j.ManagedTransaction) (diplograph.SaveResult, error)) error) []string {
		for i, in := range inputs {
			work := saveWork(t.Context(), in, int64(1000+i))
			if i != 0 && i != len(inputs)-1 {
				// The driver waits about a second before a retry: the
				// first save and the replacement are enough to retry.
				if _, err := write(t.Context(), s, work); err != nil {
					t.Fatalf("save %s: %v", in.art.ID, err)
				}
				continue
			}
			if err := save(t.Context(), work); err != nil {
				t.Fatalf("save %s: %v", in.art.ID, err)
			}
		}
		return dump(t, s)
	}

	s := openEmpty(t, srv)
	once := run(t, s, func(ctx context.Context, work func(neo4j.ManagedTransaction) (diplograph.SaveResult, error)) error {
		_, err := write(ctx, s, work)
		return err
	})
	if len(once) < 50 {
		t.Fatalf("the corpus made a graph of only %d lines", len(once))
	}

	tests := []struct {
		name string
		save func(s *Store) func(ctx context.Context, work func(neo4j.ManagedTransaction) (diplograph.SaveResult, error)) error
	}{
		{"twice in one transaction", func(s *Store) func(context.Context, func(neo4j.ManagedTransaction) (diplograph.SaveResult, error)) error {
			return func(ctx context.Context, work func(neo4j.ManagedTransaction) (diplograph.SaveResult, error)) error {
				_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (diplograph.SaveResult, error) {
					if _, err := work(tx); err != nil {
						return diplograph.SaveResult{}, err
					}
					return work(tx)
				})
				return err
			}
		}},
		{"again in a second transaction", func(s *Store) func(context.Context, func(neo4j.ManagedTransaction) (diplograph.SaveResult, error)) error {
			return func(ctx context.Context, work func(neo4j.ManagedTransaction) (diplograph.SaveResult, error)) error {
				if _, err := write(ctx, s, work); err != nil {
					return err
				}
				_, err := write(ctx, s, work)
				return err
			}
		}},
		{"retried by the driver after a transient failure", func(s *Store) func(context.Context, func(neo4j.ManagedTransaction) (diplograph.SaveResult, error)) error {
			return func(ctx context.Context, work func(neo4j.ManagedTransaction) (diplograph.SaveResult, error)) error {
				attempts := 0
				_, err := write(ctx, s, func(tx neo4j.ManagedTransaction) (diplograph.SaveResult, error) {
					attempts++
					res, err := work(tx)
					if err == nil && attempts == 1 {
						return res, &db.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: "injected by the test"}
					}
					return res, err
				})
				if err == nil && attempts != 2 {
					return errors.New("the driver did not retry")
				}
				return err
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openEmpty(t, srv)
			got := run(t, s, tc.save(s))
			if !slices.Equal(got, once) {
				t.Errorf("graph differs from a single save:\n%s", diffLines(got, once))
			}
		})
	}
}

// updated is a new version of x: another title, and only its first event.
func updated(x *diplograph.Extraction) *diplograph.Extraction {
	v2 := *x
	v2.Article.Title += " (updated)"
	v2.Article.Hash = diplograph.ContentHash(&v2.Article)
	v2.Events = v2.Events[:1]
	return &v2
}

// stampedInputs checks and normalizes the corpus for saving and gives each
// article a fixed save stamp, so that graphs can be compared property by
// property.
func stampedInputs(t *testing.T, corpus []*diplograph.Extraction) ([]*saveInput, []int64) {
	t.Helper()
	ins := make([]*saveInput, len(corpus))
	seqs := make([]int64, len(corpus))
	for i, x := range corpus {
		in, err := newSaveInput(x)
		if err != nil {
			t.Fatal(err)
		}
		ins[i], seqs[i] = in, int64(1000+i)
	}
	return ins, seqs
}

// TestRetriedBatch checks that a batch's transaction function can run again
// and leave the graph one run leaves: a batch with a new version of one of
// its articles and articles sharing entities and events, run twice in one
// transaction and retried by the driver after an attempt that wrote
// everything and then failed.
func TestRetriedBatch(t *testing.T) {
	srv := neo4jtest.Use(t)
	corpus := storetest.Generate(12, 13)
	corpus = append(corpus, updated(corpus[3]), corpus[5])
	ins, seqs := stampedInputs(t, corpus)
	// The first half goes in a batch of its own, so that the second
	// batch, the one repeated, also updates what is stored.
	half := len(ins) / 2
	run := func(t *testing.T, s *Store, times, fail int) []string {
		if _, err := write(t.Context(), s, batchWork(t.Context(), ins[:half], seqs[:half], false)); err != nil {
			t.Fatal(err)
		}
		work := batchWork(t.Context(), ins[half:], seqs[half:], false)
		attempts := 0
		_, err := write(t.Context(), s, func(tx neo4j.ManagedTransaction) ([]diplograph.SaveResult, error) {
			attempts++
			var res []diplograph.SaveResult
			for range times {
				var err error
				if res, err = work(tx); err != nil {
					return nil, err
				}
			}
			if attempts <= fail {
				return nil, &db.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected", Msg: "injected by the test"}
			}
			return res, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if attempts != fail+1 {
			t.Fatalf("the batch ran %d times, want %d", attempts, fail+1)
		}
		return dump(t, s)
	}

	once := run(t, openEmpty(t, srv), 1, 0)
	if len(once) < 100 {
		t.Fatalf("the corpus made a graph of only %d lines", len(once))
	}
	tests := []struct {
		name        string
		times, fail int
	}{
		{"twice in one transaction", 2, 0},
		{"retried by the driver after a transient failure", 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := run(t, openEmpty(t, srv), tc.times, tc.fail)
			if !slices.Equal(got, once) {
				t.Errorf("graph differs from a single run:\n%s", diffLines(got, once))
			}
		})
	}
}

// diffLines lists the lines only one of got and want has.
func diffLines(got, want []string) string {
	var b strings.Builder
	for _, l := range got {
		if !slices.Contains(want, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	return b.String()
}

// TestExport checks that Export gives back the extractions as saved, and
// that saving them into an empty store gives the same export.
func TestExport(t *testing.T) {
	srv := neo4jtest.Use(t)
	corpus := storetest.Generate(30, 5)
	s := openEmpty(t, srv)
	for _, x := range corpus {
		if _, err := s.Save(t.Context(), x); err != nil {
			t.Fatal(err)
		}
	}
	export := func() []*diplograph.Extraction {
		t.Helper()
		var out []*diplograph.Extraction
		for x, err := range s.Export(t.Context()) {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, x)
		}
		return out
	}
	first := export()
	if len(first) != len(corpus) {
		t.Fatalf("exported %d articles, saved %d", len(first), len(corpus))
	}
	// What the store keeps of each extraction: each fact once, its
	// duplicates merged.
	byID := map[string]*diplograph.Extraction{}
	for _, x := range corpus {
		in, err := newSaveInput(x)
		if err != nil {
			t.Fatal(err)
		}
		byID[x.Article.ID] = &diplograph.Extraction{Article: in.art, Entities: in.entities, Relations: in.relations,
			Events: in.events, Comments: in.comments}
	}
	for i, x := range first {
		if i > 0 && first[i-1].Article.ID >= x.Article.ID {
			t.Errorf("export is not in id order: %s after %s", x.Article.ID, first[i-1].Article.ID)
		}
		want := byID[x.Article.ID]
		if want == nil {
			t.Errorf("exported unknown article %s", x.Article.ID)
			continue
		}
		gotJSON, _ := json.Marshal(x)
		wantJSON, _ := json.Marshal(want)
		if string(gotJSON) != string(wantJSON) || x.Article.Text != want.Article.Text {
			t.Errorf("article %s exported as\n%s\nsaved as\n%s", x.Article.ID, gotJSON, wantJSON)
		}
		if h := diplograph.ContentHash(&x.Article); h != x.Article.Hash {
			t.Errorf("article %s: exported content hashes to %s, carries %s", x.Article.ID, h, x.Article.Hash)
		}
	}

	s = openEmpty(t, srv)
	for _, x := range first {
		if res, err := s.Save(t.Context(), x); err != nil || res.Unchanged {
			t.Fatalf("saving the export: %+v, %v", res, err)
		}
	}
	if second := export(); !reflect.DeepEqual(second, first) {
		t.Error("exporting what an export saved gives another export")
	}
}

// waitFor polls ok until it holds, failing the test at the deadline.
func waitFor(t *testing.T, what string, within time.Duration, ok func() error) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		err := ok()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s: %v", what, within, err)
		}
		time.Sleep(50 * time.Millisecond) // polling interval, not synchronization
	}
}

func ping(s *Store, within time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	return s.Ping(ctx)
}

// TestReconnect cuts the store off from its server (through a proxy that
// stops), checks that it says so, and that it answers again once the server
// is reachable, without being reopened.
func TestReconnect(t *testing.T) {
	srv := neo4jtest.Use(t)
	u, err := url.Parse(srv.URI)
	if err != nil || u.Scheme != "bolt" {
		t.Skipf("the proxy test needs a bolt:// URI, not %s", srv.URI)
	}
	srv.Wipe(t)
	p := neo4jtest.NewProxy(t, u.Host)
	cfg := testConfig(srv)
	cfg.URI = "bolt://" + p.Addr()
	cfg.MaxRetryTime = 2 * time.Second
	s, err := Open(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	xs := storetest.Generate(2, 3)
	if _, err := s.Save(t.Context(), xs[0]); err != nil {
		t.Fatal(err)
	}

	p.Stop()
	err = ping(s, time.Second)
	if err == nil {
		t.Fatal("Ping succeeded with the server unreachable")
	}
	if msg := diplograph.ErrorMessage(err); !strings.Contains(msg, "neo4j") {
		t.Errorf("Ping's user-safe message = %q", msg)
	}
	if _, err := s.Stats(t.Context()); err == nil {
		t.Error("Stats succeeded with the server unreachable")
	}

	p.Start()
	waitFor(t, "Ping after the server came back", 20*time.Second, func() error { return ping(s, time.Second) })
	if _, err := s.Save(t.Context(), xs[1]); err != nil {
		t.Fatalf("Save after reconnecting: %v", err)
	}
	st, err := s.Stats(t.Context())
	if err != nil || st.Articles != 2 {
		t.Errorf("Stats after reconnecting = %+v, %v; want 2 articles", st, err)
	}
}

// TestServerRestart stops and starts the real server with the scripts of
// docs/neo4j-dev.md, so it runs only when DIPLOGRAPH_NEO4J_RESTART=1 (and
// only against that server): it takes about 15 seconds.
func TestServerRestart(t *testing.T) {
	if os.Getenv("DIPLOGRAPH_NEO4J_RESTART") != "1" {
		t.Skip("set DIPLOGRAPH_NEO4J_RESTART=1 to restart the server of scripts/neo4j in a test")
	}
	srv := neo4jtest.Use(t)
	s := openEmpty(t, srv)
	if _, err := s.Save(t.Context(), storetest.Generate(1, 9)[0]); err != nil {
		t.Fatal(err)
	}
	scripts, err := filepath.Abs("../../scripts/neo4j")
	if err != nil {
		t.Fatal(err)
	}
	script := func(name string) {
		t.Helper()
		out, err := exec.CommandContext(t.Context(), filepath.Join(scripts, name)).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
	}
	script("stop")
	if err := ping(s, 2*time.Second); err == nil {
		t.Fatal("Ping succeeded with the server stopped")
	}
	script("start")
	waitFor(t, "Ping after the restart", 60*time.Second, func() error { return ping(s, 2*time.Second) })
	st, err := s.Stats(t.Context())
	if err != nil || st.Articles != 1 {
		t.Errorf("Stats after the restart = %+v, %v; want the saved article", st, err)
	}
}

// TestMigrateRegroup checks schema version 3's data step: a graph of an
// older version, made here from one saved now by taking away what version
// 3 added (and renaming its events, which the step must name again), ends
// as the graph saved now.
func TestMigrateRegroup(t *testing.T) {
	srv := neo4jtest.Use(t)
	tests := []struct {
		name    string
		version int64
		strip   []string // statements that take the graph back to version
	}{
		{"v2", 2, []string{
			`MATCH ()-[m:REPORTS]->() REMOVE m.reachTier, m.reachLo, m.reachHi`,
			`MATCH (v:Event) REMOVE v.baseId, v.firstPublished, v.firstArticle SET v.id = v.id + '~old'`,
			`DROP INDEX diplograph_reports_reach`,
			`DROP INDEX diplograph_event_base`,
			`CREATE INDEX diplograph_event_key_events FOR (v:Event) ON (v.key)`,
		}},
		// Version 1 kept no keys, and merged the views of one id into one
		// event whatever their dates.
		{"v1", 1, []string{
			`MATCH ()-[m:REPORTS]->() REMOVE m.reachTier, m.reachLo, m.reachHi, m.key`,
			`MATCH (v:Event) REMOVE v.baseId, v.firstPublished, v.firstArticle, v.key`,
			`MATCH (a:Article)-[m:REPORTS]->(v:Event) WHERE v.id <> m.viewId
				MERGE (w:Event {id: m.viewId})
				CREATE (a)-[n:REPORTS]->(w) SET n = properties(m) DELETE m`,
			`MATCH (v:Event) WHERE NOT (v)<-[:REPORTS]-() DETACH DELETE v`,
			`DROP INDEX diplograph_reports_reach`,
			`DROP INDEX diplograph_event_base`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openEmpty(t, srv)
			for _, x := range storetest.Generate(80, 3) {
				if _, err := s.Save(t.Context(), x); err != nil {
					t.Fatal(err)
				}
			}
			want := dump(t, s)
			var renamed int
			for _, line := range want {
				if strings.Contains(line, `"Event"`) && strings.Contains(line, `"kind":"node"`) {
					renamed++
				}
			}
			if renamed < 10 {
				t.Fatalf("the corpus has %d events; too few to test with", renamed)
			}
			for _, q := range append(tt.strip, `MATCH (m:DiplographSchema) SET m.version = $v`) {
				if _, err := write(t.Context(), s, func(tx neo4j.ManagedTransaction) (struct{}, error) {
					return struct{}{}, (&txn{ctx: t.Context(), tx: tx}).exec(q, map[string]any{"v": tt.version})
				}); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if slices.Equal(dump(t, s), want) {
				t.Fatal("the graph is unchanged after stripping it")
			}
			if err := s.Migrate(t.Context()); err != nil {
				t.Fatal(err)
			}
			got := dump(t, s)
			if !slices.Equal(got, want) {
				t.Errorf("graph after migrating from version %d differs from a graph saved now:\n%s",
					tt.version, diffLines(got, want))
			}
		})
	}
}
