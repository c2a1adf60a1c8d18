package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runCmd runs the program in-process and returns its output.
func runCmd(t *testing.T, ctx context.Context, stdin string, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return env[k] }
	err := run(ctx, append([]string{"diplograph"}, args...), getenv, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestServeDemo is the foundation's "done when": serve --demo, then the
// API answers the questions the issue names.
func TestServeDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := freeAddr(t)
	db := filepath.Join(t.TempDir(), "demo.db")
	done := make(chan error, 1)
	go func() {
		_, _, err := runCmd(t, ctx, "", nil, "serve", "--demo", "--db", db, "--addr", addr)
		done <- err
	}()
	base := "http://" + addr
	waitHealthy(t, base, done)

	query := func(q string) map[string]any {
		t.Helper()
		body, _ := json.Marshal(map[string]string{"query": q})
		resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		if out["errors"] != nil {
			t.Fatalf("errors: %v", out["errors"])
		}
		return out["data"].(map[string]any)
	}

	// Searching "Diaoyu" finds the Senkaku Islands, administered by Japan
	// and claimed by China, with the evidence sentence.
	data := query(`{ search(query: "Diaoyu") { edges { node { name ... on Territory {
		relations { edges { node { type subject { name } evidence { sentence } } } } } } } } }`)
	s, _ := json.Marshal(data)
	for _, want := range []string{`"name":"Senkaku Islands"`, `"subject":{"name":"Japan"},"type":"ADMINISTERS"`,
		`"subject":{"name":"China"},"type":"CLAIMS"`, "claimed by China in the East China Sea"} {
		if !bytes.Contains(s, []byte(want)) {
			t.Errorf("search Diaoyu lacks %s: %s", want, s)
		}
	}

	// The summit, with both participants, its place, date and status.
	data = query(`{ events(filter: {types: [SUMMIT], from: "2025-02-07", to: "2025-02-07"}) { totalCount edges { node {
		status start precision location { name } participants { entity { name } } } } } }`)
	s, _ = json.Marshal(data)
	for _, want := range []string{`"status":"PLANNED"`, `"start":"2025-02-07"`, `"precision":"DAY"`,
		`"location":{"name":"Washington"}`, `"name":"Shigeru Ishiba"`, `"name":"Donald Trump"`} {
		if !bytes.Contains(s, []byte(want)) {
			t.Errorf("summit lacks %s: %s", want, s)
		}
	}

	// The seed's comments, with their stances.
	data = query(`{ events(filter: {types: [SUMMIT], from: "2025-02-07", to: "2025-02-07"}) { edges { node {
		evidence { article { comments { author stance } } } } } } }`)
	s, _ = json.Marshal(data)
	if n := bytes.Count(s, []byte(`"stance":"SUPPORT"`)); n < 7 {
		t.Errorf("want the seed's 7 supporting comments, got %d: %s", n, s)
	}
	if !bytes.Contains(s, []byte(`{"author":"Karamba","stance":"SUPPORT"}`)) ||
		!bytes.Contains(s, []byte(`{"author":"BuggaBoom","stance":"OPPOSE"}`)) {
		t.Errorf("comments missing: %s", s)
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

func waitHealthy(t *testing.T, base string, done <-chan error) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-done:
			t.Fatalf("serve exited early: %v", err)
		default:
		}
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(20 * time.Millisecond) // polling interval, not synchronization
	}
	t.Fatal("server never became healthy")
}

func TestLoadIsIdempotentAndReportsRejects(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	in := filepath.Join(dir, "in.jsonl")
	lines := `{"id":"a1","published":"2025-02-04","text":"Shigeru Ishiba will meet Donald Trump in Washington on Friday."}
{"id":"bad","published":"yesterday","text":"Beijing protested."}
not json
{"id":"a2","published":"2025-02-05","text":"China claims the Senkaku Islands."}
`
	if err := os.WriteFile(in, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCmd(t, ctx, "", nil, "load", "--db", db, in)
	if !errors.Is(err, errRejected) {
		t.Fatalf("load error %v, want errRejected", err)
	}
	if !strings.Contains(out, "read 4, loaded 2") || !strings.Contains(out, "rejected 2") || !strings.Contains(out, "in.jsonl:3") {
		t.Errorf("summary: %s", out)
	}
	out, _, _ = runCmd(t, ctx, "", nil, "load", "--db", db, in)
	if !strings.Contains(out, "loaded 0") || !strings.Contains(out, "skipped 2 already loaded") {
		t.Errorf("second load wrote something: %s", out)
	}
	out, _, err = runCmd(t, ctx, "", nil, "stats", "--db", db)
	if err != nil || !strings.Contains(out, "articles  2") {
		t.Errorf("stats: %v %s", err, out)
	}
}

func TestExtractPrintsContract(t *testing.T) {
	out, _, err := runCmd(t, context.Background(), `{"id":"x","text":"Beijing said China claims the Senkaku Islands."}`, nil,
		"extract", "--published", "2025-02-04", "-")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"article", "entities", "relations", "events", "comments"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("contract field %q missing", k)
		}
	}
	if !strings.Contains(out, `"type": "CLAIMS"`) {
		t.Errorf("no CLAIMS relation: %s", out)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr error
		wantOut string
	}{
		{[]string{"help"}, nil, "Commands:"},
		{[]string{"serve", "-h"}, nil, ""},
		{[]string{"nosuch"}, errUsageShown, ""},
		{[]string{"load"}, errUsageShown, ""},
		{[]string{"extract", "a", "b"}, errUsageShown, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.args), func(t *testing.T) {
			out, _, err := runCmd(t, context.Background(), "", nil, tt.args...)
			if !errors.Is(err, tt.wantErr) && err != tt.wantErr {
				t.Errorf("err %v, want %v", err, tt.wantErr)
			}
			if !strings.Contains(out, tt.wantOut) {
				t.Errorf("output lacks %q: %s", tt.wantOut, out)
			}
		})
	}
}

// TestEvalSamples runs the evaluation of the bundled samples and holds the
// extractor to the figures it has reached, so that a change that loses
// ground fails here before it reaches users.
func TestEvalSamples(t *testing.T) {
	out, _, err := runCmd(t, context.Background(), "", nil, "eval", "--gold", "../../testdata/gold/samples.gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{"entities": 0.975, "relations": 0.93, "events": 0.85}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 7 || f[5] != "F1" {
			continue
		}
		floor, ok := floors[f[0]]
		if !ok {
			continue
		}
		var f1 float64
		fmt.Sscan(f[6], &f1)
		if f1 < floor {
			t.Errorf("%s F1 %.3f fell below %.2f", f[0], f1, floor)
		}
		delete(floors, f[0])
	}
	if len(floors) > 0 {
		t.Errorf("no score for %v in:\n%s", floors, out)
	}
}
