package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/diplograph/diplograph/loaders"
	"github.com/diplograph/diplograph/store/sqlite"
)

// mixedCorpus has two good records around bad ones of several kinds.
const mixedCorpus = `{"id":"a1","published":"2025-02-04","text":"Shigeru Ishiba will meet Donald Trump in Washington on Friday."}
{"id":"bad-date","published":"2025-13-01","text":"Beijing protested."}
{"id":"cut","text":"Japan and
{"id":"empty","text":"   "}
{"id":"bin","text":"\u0000\u0001\u0002"}
{"id":"a2","published":"2025-02-05","text":"China claims the Senkaku Islands."}
`

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadErrorReport(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "in.jsonl", mixedCorpus)
	report := filepath.Join(dir, "errors.jsonl")
	out, _, err := runCmd(t, context.Background(), "", nil, "load", "--db", filepath.Join(dir, "x.db"), "--errors", report, in)
	if !errors.Is(err, errRejected) || exitCode(err) != 3 {
		t.Fatalf("err %v (exit %d), want errRejected (exit 3)", err, exitCode(err))
	}
	for _, want := range []string{"read 6, loaded 2", "rejected 4", "rejected by reason: bad_date 1, binary 1, empty_text 1, malformed 1",
		"every rejected record is in " + report} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	f, err := os.Open(report)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r loaders.Rejection
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("report line %q: %v", sc.Text(), err)
		}
		if r.File != in || r.Message == "" {
			t.Errorf("rejection %+v", r)
		}
		got = append(got, fmt.Sprintf("%d:%s", r.Line, r.Reason))
	}
	want := []string{"2:bad_date", "3:malformed", "4:empty_text", "5:binary"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("report %v, want %v", got, want)
	}
}

func TestLoadMaxErrors(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "in.jsonl", mixedCorpus)
	db := filepath.Join(dir, "x.db")
	out, _, err := runCmd(t, context.Background(), "", nil, "load", "--db", db, "--max-errors", "2", in)
	if !errors.Is(err, loaders.ErrTooManyRejected) || exitCode(err) != 4 {
		t.Fatalf("err %v (exit %d), want ErrTooManyRejected (exit 4)", err, exitCode(err))
	}
	if !strings.Contains(err.Error(), "--max-errors") || !strings.Contains(err.Error(), "in.jsonl:3") {
		t.Errorf("message %q does not say which limit stopped the load where", err)
	}
	if !strings.Contains(out, "loaded 1") || !strings.Contains(out, "rejected 2") {
		t.Errorf("summary: %s", out)
	}
	// The article saved before the stop stays; a re-run without the limit
	// finishes the job.
	out, _, err = runCmd(t, context.Background(), "", nil, "load", "--db", db, in)
	if !errors.Is(err, errRejected) || !strings.Contains(out, "loaded 1 (replaced 0), skipped 1 already loaded") {
		t.Errorf("re-run: %v\n%s", err, out)
	}
}

func TestLoadFieldFlags(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "news.csv", "uid,headline,body,day\n"+
		"n1,Talks,Shigeru Ishiba will meet Donald Trump in Washington on Friday.,2025-02-04\n"+
		"n2,Claims,China claims the Senkaku Islands.,2025-02-05 10:00:00\n")
	db := filepath.Join(dir, "x.db")
	out, _, err := runCmd(t, context.Background(), "", nil, "load", "--db", db, "--quiet",
		"--text-field", "body", "--date-field", "day", "--title-field", "headline", "--id-field", "uid", in)
	if err != nil || !strings.Contains(out, "read 2, loaded 2") {
		t.Fatalf("load: %v\n%s", err, out)
	}
	// Without the mapping the file has no text column: the whole file is
	// rejected.
	out, _, err = runCmd(t, context.Background(), "", nil, "load", "--db", db, in)
	if !errors.Is(err, errRejected) || !strings.Contains(out, `no "text" column`) {
		t.Errorf("unmapped load: %v\n%s", err, out)
	}
	_, _, err = runCmd(t, context.Background(), "", nil, "load", "--db", db, "--text-field", "body", "--title-field", "body", in)
	if !errors.Is(err, errUsageShown) {
		t.Errorf("conflicting mapping: %v", err)
	}
}

func TestLoadQuietAndLogProgress(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "in.jsonl", mixedCorpus)
	_, stderr, _ := runCmd(t, context.Background(), "", map[string]string{"DIPLOGRAPH_LOG": "error"}, "load", "--quiet", "--db", filepath.Join(dir, "x.db"), in)
	if stderr != "" {
		t.Errorf("--quiet with log level error printed: %s", stderr)
	}
	e := &env{getenv: func(string) string { return "" }, stderr: &bytes.Buffer{}}
	if chooseProgress(e, false) != progressLog || chooseProgress(e, true) != progressNone {
		t.Error("a buffer is not a terminal: progress must be log lines")
	}
}

func TestProgressLogLine(t *testing.T) {
	var buf bytes.Buffer
	e := &env{getenv: func(string) string { return "" }, stderr: &buf, log: slog.New(slog.NewTextHandler(&buf, nil))}
	var n atomic.Int64
	// An hour between ticks: the only line is the one asked for.
	pr := startProgress(context.Background(), e, progressLog, 1000, &n, time.Hour)
	n.Store(250)
	pr.update(loaders.Summary{Read: 10, Loaded: 7, Skipped: 2, Rejected: 1})
	pr.logLine()
	pr.finish(true)
	for _, want := range []string{"msg=loading", "read=10", "loaded=7", "skipped=2", "rejected=1", "done=25.0%", "eta=", "rate="} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("progress line lacks %q: %s", want, buf.String())
		}
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{errUsageShown, 2},
		{fmt.Errorf("3 record(s): %w", errRejected), 3},
		{fmt.Errorf("stopped: %w", loaders.ErrTooManyRejected), 4},
		{errors.New("store down"), 1},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

// TestGenCorpusThenLoad is the README's bulk-loading example: a generated
// corpus loads whole, and loading it again writes nothing.
func TestGenCorpusThenLoad(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, _, err := runCmd(t, ctx, "", nil, "gen-corpus", "--articles", "15", "--seed", "4")
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := runCmd(t, ctx, "", nil, "gen-corpus", "--articles", "15", "--seed", "4", "--format", "jsonl")
	if a != b || strings.Count(a, "\n") != 15 {
		t.Fatalf("two runs differ or hold %d lines", strings.Count(a, "\n"))
	}
	gz := filepath.Join(dir, "corpus.jsonl.gz")
	csv := filepath.Join(dir, "corpus.csv")
	for _, args := range [][]string{{"--out", gz}, {"--out", csv, "--format", "csv"}} {
		if _, _, err := runCmd(t, ctx, "", nil, append([]string{"gen-corpus", "--articles", "15", "--seed", "4"}, args...)...); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "x.db")
	out, _, err := runCmd(t, ctx, "", nil, "load", "--db", db, gz)
	if err != nil || !strings.Contains(out, "read 15, loaded 15") || strings.Contains(out, "wrote 0 entities") {
		t.Fatalf("load: %v\n%s", err, out)
	}
	// The same articles as CSV are the same content: nothing new.
	out, _, err = runCmd(t, ctx, "", nil, "load", "--db", db, csv)
	if err != nil || !strings.Contains(out, "loaded 0 (replaced 0), skipped 15 already loaded") {
		t.Errorf("CSV re-load: %v\n%s", err, out)
	}
	if _, _, err := runCmd(t, ctx, "", nil, "gen-corpus", "--format", "xml"); !errors.Is(err, errUsageShown) {
		t.Errorf("bad format: %v", err)
	}
}

// TestProgressBarFinishes drives the bar as a load does and checks that
// finishing it returns and that log lines written while it runs get out.
func TestProgressBarFinishes(t *testing.T) {
	var buf bytes.Buffer
	e := &env{getenv: func(string) string { return "" }, stderr: &buf, log: slog.New(slog.NewTextHandler(&buf, nil))}
	for _, total := range []int64{1000, 0} { // bytes known, and standard input
		var n atomic.Int64
		pr := startProgress(context.Background(), e, progressBar, total, &n, time.Hour)
		n.Store(400)
		pr.update(loaders.Summary{Read: 3, Loaded: 2, Rejected: 1})
		pr.log.Warn("record rejected", "pos", "in.jsonl:2")
		pr.finish(true)
	}
	if got := strings.Count(buf.String(), `msg="record rejected"`); got != 2 {
		t.Errorf("%d log lines got out of the bar, want 2:\n%s", got, buf.String())
	}
}

func TestLoadDryRun(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "in.jsonl", `{"id":"a1","published":"2025-02-04","text":"Shigeru Ishiba will meet Donald Trump in Washington on Friday."}
{"id":"a2","published":"2025-02-05","text":"China claims the Senkaku Islands."}
`)
	db := filepath.Join(dir, "x.db")
	prof := filepath.Join(dir, "cpu.prof")
	out, _, err := runCmd(t, context.Background(), "", nil, "load", "--db", db, "--dry-run", "--cpuprofile", prof, in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "loaded 2") {
		t.Errorf("summary: %s", out)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a dry run made the store file: %v", err)
	}
	if fi, err := os.Stat(prof); err != nil || fi.Size() == 0 {
		t.Errorf("no CPU profile: %v", err)
	}
}

// TestLoadGroupEvery checks --group-every: events are there after a load
// that groups every few articles and after one that groups every batch,
// and a count that is neither positive nor -1 is a usage error.
func TestLoadGroupEvery(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	writeCorpus(t, corpus, 12)
	for _, every := range []string{"5", "-1"} {
		db := filepath.Join(dir, "g"+every+".db")
		out, _, err := runCmd(t, context.Background(), "", nil, "load", "--quiet", "--batch-size", "4", "--group-every", every, "--db", db, corpus)
		if err != nil || !strings.Contains(out, "loaded 12") {
			t.Fatalf("--group-every %s: %v\n%s", every, err, out)
		}
		st, err := sqlite.Open(t.Context(), db)
		if err != nil {
			t.Fatal(err)
		}
		n, err := st.GroupPending(t.Context(), nil)
		stats, serr := st.Stats(t.Context())
		st.Close()
		if err != nil || serr != nil || n != 0 || stats.Events == 0 {
			t.Errorf("--group-every %s: %d reports left waiting (%v), stats %+v (%v)", every, n, err, stats, serr)
		}
	}
	for _, bad := range []string{"0", "-2"} {
		if _, _, err := runCmd(t, context.Background(), "", nil, "load", "--group-every", bad, corpus); !errors.Is(err, errUsageShown) {
			t.Errorf("--group-every %s: %v, want a usage error", bad, err)
		}
	}
}

// gcPercent returns the collector's GOGC setting; only setting it reads it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestTuneGC checks that a load collects less often unless the environment
// sets the collector, and that the settings come back afterwards.
func TestTuneGC(t *testing.T) {
	const unchanged = -2
	tests := []struct {
		name    string
		env     map[string]string
		wantPct int // or unchanged
	}{
		{"defaults", nil, loadGCPercent},
		{"GOGC set", map[string]string{"GOGC": "100"}, unchanged},
		{"GOMEMLIMIT set", map[string]string{"GOMEMLIMIT": "1GiB"}, unchanged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := gcPercent()
			e := &env{getenv: func(k string) string { return tt.env[k] }}
			restore := tuneGC(e)
			during := gcPercent()
			limit := debug.SetMemoryLimit(-1)
			restore()
			after := gcPercent()
			want := tt.wantPct
			if want == unchanged {
				want = before
			}
			if during != want {
				t.Errorf("GC percent during the load %d, want %d", during, want)
			}
			if tt.wantPct == loadGCPercent && limit != loadMemoryLimit {
				t.Errorf("memory limit during the load %d, want %d", limit, loadMemoryLimit)
			}
			if after != before {
				t.Errorf("GC percent after the load %d, want %d as before", after, before)
			}
		})
	}
}
