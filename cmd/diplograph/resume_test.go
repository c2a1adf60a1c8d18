package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/loaders"
	"github.com/diplograph/diplograph/samples"
	"github.com/diplograph/diplograph/store/sqlite"
)

// asCLI, when set in the environment, makes the test binary run as the
// diplograph command itself, so that a test can kill a real load process.
const asCLI = "DIPLOGRAPH_TEST_AS_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(asCLI) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// writeCorpus writes n articles as JSONL: the bundled samples over and
// over, each copy with its own id and a sentence of its own, so that every
// article has its own content hash while the copies keep supporting the
// same facts (which makes the merge rules work hard).
func writeCorpus(t *testing.T, file string, n int) {
	t.Helper()
	var base []diplograph.Article
	for _, f := range samples.Files() {
		for rec := range samples.Read(t.Context(), f, loaders.Options{}) {
			if rec.Err != nil {
				t.Fatal(rec.Err)
			}
			base = append(base, rec.Article)
		}
	}
	out, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	enc := json.NewEncoder(out)
	for i := range n {
		a := base[i%len(base)]
		if err := enc.Encode(map[string]any{
			"id":        fmt.Sprintf("%s-%04d", a.ID, i),
			"title":     a.Title,
			"published": a.Published,
			"text":      a.Text + fmt.Sprintf("\nThis is copy %d of the article.", i),
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// allPages returns every node of a paged list, page after page.
func allPages[T any](t *testing.T, list func(diplograph.Page) (diplograph.Connection[T], error)) []T {
	t.Helper()
	var out []T
	for p := (diplograph.Page{First: diplograph.MaxPageSize}); ; {
		c, err := list(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range c.Edges {
			out = append(out, e.Node)
		}
		if !c.HasNextPage {
			return out
		}
		p.After = c.Edges[len(c.Edges)-1].Cursor
	}
}

// graphOf is everything an embedded store holds, in a comparable form:
// what it exports per article and the merged facts it serves.
func graphOf(t *testing.T, db string) string {
	t.Helper()
	st, err := sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	g := map[string]any{"export": exportAll(t, st)}
	ctx := t.Context()
	ents := allPages(t, func(p diplograph.Page) (diplograph.Connection[diplograph.Entity], error) {
		return st.Entities(ctx, diplograph.EntityFilter{}, p)
	})
	evs := allPages(t, func(p diplograph.Page) (diplograph.Connection[diplograph.Event], error) {
		return st.Events(ctx, diplograph.EventFilter{}, p)
	})
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	g["entities"], g["events"], g["stats"] = ents, evs, stats
	b, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestLoadResumesAfterKill kills a load with SIGKILL at random moments,
// runs it again until it finishes, and checks that the graph is the very
// graph an uninterrupted load builds: nothing lost, nothing twice.
func TestLoadResumesAfterKill(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeCorpus(t, corpus, 100)

	ref := filepath.Join(dir, "ref.db")
	began := time.Now()
	if _, stderr, err := runCmd(t, t.Context(), "", nil, "load", "--db", ref, corpus); err != nil {
		t.Fatalf("uninterrupted load: %v\n%s", err, stderr)
	}
	full := time.Since(began)
	want := graphOf(t, ref)

	seed := uint64(time.Now().UnixNano())
	t.Logf("kill points from seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	db := filepath.Join(dir, "killed.db")
	kills := 0
	for round := range 5 {
		ctx, cancel := context.WithCancel(t.Context())
		cmd := exec.CommandContext(ctx, os.Args[0], "load", "--db", db, corpus)
		cmd.Env = append(os.Environ(), asCLI+"=1", "DIPLOGRAPH_LOG=error")
		if err := cmd.Start(); err != nil {
			cancel()
			t.Fatal(err)
		}
		// A random moment within the first third of the load's run time:
		// the process may be starting, extracting, in the middle of a
		// transaction or committing, and five rounds rarely finish it.
		at := time.Duration(rng.Int64N(int64(full)/3 + 1))
		timer := time.AfterFunc(at, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		err := cmd.Wait()
		timer.Stop()
		cancel()
		if err == nil {
			t.Logf("round %d: the load finished before the kill at %v", round, at)
			continue
		}
		if ee, ok := err.(*exec.ExitError); !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: load failed other than by the kill: %v", round, err)
		}
		kills++
	}
	t.Logf("%d of 5 rounds killed before they finished", kills)
	if _, stderr, err := runCmd(t, t.Context(), "", nil, "load", "--db", db, corpus); err != nil {
		t.Fatalf("load after the kills: %v\n%s", err, stderr)
	}
	if got := graphOf(t, db); got != want {
		t.Errorf("after %d kills and a rerun the graph differs from an uninterrupted load's", kills)
		var g, w map[string]json.RawMessage
		_ = json.Unmarshal([]byte(got), &g)
		_ = json.Unmarshal([]byte(want), &w)
		for k := range w {
			if !reflect.DeepEqual(g[k], w[k]) {
				t.Errorf("%s differs", k)
			}
		}
	}
	// A rerun of a finished load writes nothing.
	out, _, err := runCmd(t, t.Context(), "", nil, "load", "--db", db, corpus)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "loaded 0") {
		t.Errorf("rerun of a finished load: %s", out)
	}
}

// idsOf lists the ids of every entity, relation and event an embedded
// store holds.
func idsOf(t *testing.T, db string) map[string][]string {
	t.Helper()
	st, err := sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := t.Context()
	out := map[string][]string{}
	for _, e := range allPages(t, func(p diplograph.Page) (diplograph.Connection[diplograph.Entity], error) {
		return st.Entities(ctx, diplograph.EntityFilter{}, p)
	}) {
		out["entities"] = append(out["entities"], e.ID)
	}
	for _, r := range allPages(t, func(p diplograph.Page) (diplograph.Connection[diplograph.Relation], error) {
		return st.Relations(ctx, diplograph.RelationFilter{}, p)
	}) {
		out["relations"] = append(out["relations"], r.ID)
	}
	for _, e := range allPages(t, func(p diplograph.Page) (diplograph.Connection[diplograph.Event], error) {
		return st.Events(ctx, diplograph.EventFilter{}, p)
	}) {
		out["events"] = append(out["events"], e.ID)
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}

// TestConcurrentOverlappingLoads runs two load processes at once on
// overlapping corpora into one embedded store: the result holds every
// article once and the same entities, relations and events as one load
// of everything.
func TestConcurrentOverlappingLoads(t *testing.T) {
	dir := t.TempDir()
	all := filepath.Join(dir, "all.jsonl")
	writeCorpus(t, all, 80)
	data, err := os.ReadFile(all)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(data), "\n"), "\n")
	// Two corpora sharing the middle half, the second in reverse order so
	// that the loads meet on the same articles at the same time.
	first := strings.Join(lines[:60], "")
	second := slices.Clone(lines[20:])
	slices.Reverse(second)
	for i := range second {
		second[i] = strings.TrimSuffix(second[i], "\n") + "\n"
	}
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	if err := os.WriteFile(a, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(strings.Join(second, "")), 0o644); err != nil {
		t.Fatal(err)
	}

	ref := filepath.Join(dir, "ref.db")
	if _, stderr, err := runCmd(t, t.Context(), "", nil, "load", "--db", ref, all); err != nil {
		t.Fatalf("reference load: %v\n%s", err, stderr)
	}
	db := filepath.Join(dir, "both.db")
	// Create the store first, so that the two processes do not race to
	// lay out a new file.
	if _, stderr, err := runCmd(t, t.Context(), "", nil, "migrate", "--db", db); err != nil {
		t.Fatalf("migrate: %v\n%s", err, stderr)
	}
	var cmds []*exec.Cmd
	for _, f := range []string{a, b} {
		cmd := exec.CommandContext(t.Context(), os.Args[0], "load", "--db", db, f)
		cmd.Env = append(os.Environ(), asCLI+"=1", "DIPLOGRAPH_LOG=error")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("load %d: %v", i, err)
		}
	}
	got, want := idsOf(t, db), idsOf(t, ref)
	for _, k := range []string{"entities", "relations", "events"} {
		if !slices.Equal(got[k], want[k]) {
			t.Errorf("%s: two concurrent loads made %d, one load of everything %d", k, len(got[k]), len(want[k]))
		}
	}
	out, _, err := runCmd(t, t.Context(), "", nil, "stats", "--db", db)
	if err != nil || !strings.Contains(out, "articles  80") {
		t.Errorf("stats after two overlapping loads: %v %s", err, out)
	}
}
