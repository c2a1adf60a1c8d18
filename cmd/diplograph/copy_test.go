package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/neo4j/neo4jtest"
	"github.com/diplograph/diplograph/store/sqlite"
	"github.com/diplograph/diplograph/store/storetest"
)

// embeddedWith makes an embedded store file holding xs.
func embeddedWith(t *testing.T, xs []*diplograph.Extraction) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "src.db")
	st, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, x := range xs {
		if _, err := st.Save(t.Context(), x); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// exportEmbedded returns everything the embedded store at path exports.
func exportEmbedded(t *testing.T, path string) []*diplograph.Extraction {
	t.Helper()
	st, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return exportAll(t, st)
}

func exportAll(t *testing.T, ex diplograph.Exporter) []*diplograph.Extraction {
	t.Helper()
	var out []*diplograph.Extraction
	for x, err := range ex.Export(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, x)
	}
	return out
}

func TestCopyEmbedded(t *testing.T) {
	ctx := context.Background()
	src := embeddedWith(t, storetest.Generate(40, 21))
	dst := filepath.Join(t.TempDir(), "dst.db")
	out, _, err := runCmd(t, ctx, "", nil, "copy", "--from", "embedded", "--db", src, "--to", "embedded", "--to-db", dst)
	if err != nil || !strings.Contains(out, "read 40 articles: 40 new, 0 replaced, 0 skipped") {
		t.Fatalf("copy: %v\n%s", err, out)
	}
	out, _, err = runCmd(t, ctx, "", nil, "copy", "--from", "embedded", "--db", src, "--to", "embedded", "--to-db", dst)
	if err != nil || !strings.Contains(out, "read 40 articles: 0 new, 0 replaced, 40 skipped") {
		t.Fatalf("copy again: %v\n%s", err, out)
	}
	want := exportEmbedded(t, src)
	if len(want) != 40 {
		t.Fatalf("the source exports %d articles, want 40", len(want))
	}
	if got := exportEmbedded(t, dst); !reflect.DeepEqual(got, want) {
		t.Error("the copy exports other extractions than its source")
	}
	srcStats, _, _ := runCmd(t, ctx, "", nil, "stats", "--db", src)
	dstStats, _, _ := runCmd(t, ctx, "", nil, "stats", "--db", dst)
	if srcStats != dstStats {
		t.Errorf("stats differ:\n%s\n%s", srcStats, dstStats)
	}
}

func TestCopyUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	tests := [][]string{
		{"copy"},
		{"copy", "--from", "embedded"},
		{"copy", "--from", "embedded", "--to", "embedded", "--db", db},
		{"copy", "--from", "embedded", "--to", "embedded", "--db", db, "--to-db", db},
		{"copy", "--from", "neo4j", "--to", "neo4j"},
		{"copy", "--from", "mysql", "--to", "embedded", "--to-db", db},
		{"stats", "--store", "mysql"},
	}
	for _, args := range tests {
		if _, _, err := runCmd(t, context.Background(), "", nil, args...); !errors.Is(err, errUsageShown) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused command created the store file")
	}
}

// TestCopyNeo4jRoundTrip copies an embedded store into Neo4j and back, and
// checks that the far end exports what the near end does; on the way it
// runs migrate, stats and load against Neo4j.
func TestCopyNeo4jRoundTrip(t *testing.T) {
	srv := neo4jtest.Use(t)
	srv.Wipe(t)
	ctx := context.Background()
	env := map[string]string{
		"NEO4J_URI": srv.URI, "NEO4J_USERNAME": srv.Username, "NEO4J_PASSWORD": srv.Password, "NEO4J_DATABASE": srv.Database,
	}
	src := embeddedWith(t, storetest.Generate(40, 22))

	out, _, err := runCmd(t, ctx, "", env, "migrate", "--store", "neo4j")
	if err != nil || !strings.Contains(out, "neo4j "+srv.URI) || !strings.Contains(out, "up to date") {
		t.Fatalf("migrate --store neo4j: %v\n%s", err, out)
	}
	out, _, err = runCmd(t, ctx, "", env, "copy", "--from", "embedded", "--db", src, "--to", "neo4j")
	if err != nil || !strings.Contains(out, "40 new") {
		t.Fatalf("copy to neo4j: %v\n%s", err, out)
	}
	srcStats, _, _ := runCmd(t, ctx, "", nil, "stats", "--db", src)
	env["DIPLOGRAPH_STORE"] = "neo4j"
	neoStats, _, err := runCmd(t, ctx, "", env, "stats")
	if err != nil || neoStats != srcStats {
		t.Errorf("stats of the Neo4j copy (%v):\n%s\nof the source:\n%s", err, neoStats, srcStats)
	}
	delete(env, "DIPLOGRAPH_STORE")

	back := filepath.Join(t.TempDir(), "back.db")
	out, _, err = runCmd(t, ctx, "", env, "copy", "--from", "neo4j", "--to", "embedded", "--db", back)
	if err != nil || !strings.Contains(out, "40 new") {
		t.Fatalf("copy from neo4j: %v\n%s", err, out)
	}
	want := exportEmbedded(t, src)
	if got := exportEmbedded(t, back); !reflect.DeepEqual(got, want) {
		t.Error("embedded → neo4j → embedded does not export what the source does")
	}

	in := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"n1","published":"2025-02-04","text":"Shigeru Ishiba will meet Donald Trump in Washington on Friday."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err = runCmd(t, ctx, "", env, "load", "--store", "neo4j", in)
	if err != nil || !strings.Contains(out, "loaded 1") {
		t.Errorf("load --store neo4j: %v\n%s", err, out)
	}
}

// TestServeNeo4jReconnect serves the API on Neo4j through a proxy, takes
// Neo4j away and gives it back: /readyz says so, /healthz stays up, and the
// API answers again without a restart.
func TestServeNeo4jReconnect(t *testing.T) {
	srv := neo4jtest.Use(t)
	u, err := url.Parse(srv.URI)
	if err != nil || u.Scheme != "bolt" {
		t.Skipf("the proxy test needs a bolt:// URI, not %s", srv.URI)
	}
	srv.Wipe(t)
	p := neo4jtest.NewProxy(t, u.Host)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := freeAddr(t)
	env := map[string]string{"NEO4J_USERNAME": srv.Username, "NEO4J_PASSWORD": srv.Password, "NEO4J_DATABASE": srv.Database}
	done := make(chan error, 1)
	go func() {
		_, _, err := runCmd(t, ctx, "", env, "serve", "--store", "neo4j", "--neo4j-uri", "bolt://"+p.Addr(), "--addr", addr)
		done <- err
	}()
	base := "http://" + addr
	waitHealthy(t, base, done)

	status := func(path string) int {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	stats := func() (int, error) {
		body, _ := json.Marshal(map[string]string{"query": `{ stats { articles } }`})
		resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		var out struct {
			Data   struct{ Stats struct{ Articles int } }
			Errors []any
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			return 0, err
		}
		if len(out.Errors) > 0 {
			return 0, fmt.Errorf("errors: %v", out.Errors)
		}
		return out.Data.Stats.Articles, nil
	}
	poll := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for !ok() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 30s", what)
			}
			time.Sleep(50 * time.Millisecond) // polling interval, not synchronization
		}
	}

	poll("ready", func() bool { return status("/readyz") == http.StatusOK })
	if n, err := stats(); err != nil || n != 0 {
		t.Fatalf("stats = %d, %v", n, err)
	}
	p.Stop()
	poll("not ready while Neo4j is away", func() bool { return status("/readyz") == http.StatusServiceUnavailable })
	if got := status("/healthz"); got != http.StatusOK {
		t.Errorf("GET /healthz while Neo4j is away = %d, want 200", got)
	}
	p.Start()
	poll("ready again", func() bool { return status("/readyz") == http.StatusOK })
	if n, err := stats(); err != nil || n != 0 {
		t.Errorf("stats after Neo4j came back = %d, %v", n, err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
}
