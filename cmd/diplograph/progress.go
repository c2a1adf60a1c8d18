package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/diplograph/diplograph/loaders"
)

// progressMode says how a load shows how far it has got.
type progressMode int

const (
	progressNone progressMode = iota // --quiet
	progressLog                      // periodic log lines: CI, pipes, files
	progressBar                      // a bar redrawn in place: a terminal
)

// chooseProgress picks the bar when stderr is a terminal that can redraw
// a line, log lines otherwise.
func chooseProgress(e *env, quiet bool) progressMode {
	switch {
	case quiet:
		return progressNone
	case isTerminal(e.stderr) && e.getenv("TERM") != "dumb":
		return progressBar
	}
	return progressLog
}

// isTerminal reports whether w is a terminal with a known width: a
// terminal that reports no size (some pseudo-terminals) cannot hold a
// bar drawn to its width.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false
	}
	width, _, err := term.GetSize(int(f.Fd()))
	return err == nil && width > 0
}

// progress shows a running load. Load hands it the running totals through
// update; a goroutine of its own renders them, at its own pace, so that a
// slow terminal never holds up the load.
type progress struct {
	mode     progressMode
	start    time.Time
	total    int64         // input bytes; 0 when unknown (standard input)
	bytes    *atomic.Int64 // input bytes read so far
	interval time.Duration // between log lines

	mu  sync.Mutex
	sum loaders.Summary

	log  *slog.Logger // where log lines go; above the bar in bar mode
	bar  *mpb.Bar
	p    *mpb.Progress
	stop context.CancelFunc
	done chan struct{}
}

// startProgress starts showing progress on e.stderr. log is the logger to
// use while it runs: in bar mode its lines are printed above the bar.
func startProgress(ctx context.Context, e *env, mode progressMode, total int64, bytes *atomic.Int64, interval time.Duration) *progress {
	pr := &progress{mode: mode, start: time.Now(), total: total, bytes: bytes, interval: interval,
		log: e.log, done: make(chan struct{})}
	ctx, pr.stop = context.WithCancel(ctx)
	switch mode {
	case progressNone:
		close(pr.done)
		return pr
	case progressBar:
		// Auto refresh even where mpb would not see a terminal: bar mode is
		// chosen for terminals only, and a render is what flushes log lines.
		pr.p = mpb.NewWithContext(ctx, mpb.WithOutput(e.stderr), mpb.WithWidth(32),
			mpb.WithRefreshRate(150*time.Millisecond), mpb.WithAutoRefresh())
		pr.log = newLogger(pr.p, e.getenv("DIPLOGRAPH_LOG"))
		counts := decor.Any(func(decor.Statistics) string { return pr.counts() })
		if total > 0 {
			pr.bar = pr.p.AddBar(total,
				mpb.PrependDecorators(decor.Name("loading "), decor.Percentage(decor.WCSyncSpace)),
				mpb.AppendDecorators(counts, decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO)))
		} else {
			pr.bar = pr.p.AddSpinner(0,
				mpb.PrependDecorators(decor.Name("loading ")),
				mpb.AppendDecorators(counts, decor.Name(" "), decor.Elapsed(decor.ET_STYLE_GO)))
		}
	}
	go pr.run(ctx)
	return pr
}

// update records the running totals; Load calls it after each record.
func (pr *progress) update(s loaders.Summary) {
	pr.mu.Lock()
	pr.sum = s
	pr.mu.Unlock()
}

func (pr *progress) snapshot() loaders.Summary {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	return pr.sum
}

// counts renders the totals and the rate for the bar.
func (pr *progress) counts() string {
	s := pr.snapshot()
	return fmt.Sprintf(" %d read, %d loaded, %d skipped, %d rejected, %.0f/s",
		s.Read, s.Loaded, s.Skipped, s.Rejected, rate(s.Read, time.Since(pr.start)))
}

func (pr *progress) run(ctx context.Context) {
	defer close(pr.done)
	every := pr.interval
	if pr.mode == progressBar {
		every = 150 * time.Millisecond
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			switch pr.mode {
			case progressBar:
				if pr.total > 0 {
					pr.bar.SetCurrent(min(pr.bytes.Load(), pr.total))
				} else {
					pr.bar.SetCurrent(int64(pr.snapshot().Read))
				}
			case progressLog:
				pr.logLine()
			}
		}
	}
}

// logLine writes one line of progress to the log.
func (pr *progress) logLine() {
	s := pr.snapshot()
	took := time.Since(pr.start)
	attrs := []any{"read", s.Read, "loaded", s.Loaded, "skipped", s.Skipped, "rejected", s.Rejected,
		"rate", fmt.Sprintf("%.0f/s", rate(s.Read, took)), "elapsed", took.Round(time.Second).String()}
	if done := pr.bytes.Load(); pr.total > 0 && done > 0 {
		frac := min(float64(done)/float64(pr.total), 1)
		eta := time.Duration(float64(took) * (1 - frac) / frac)
		attrs = append(attrs, "done", fmt.Sprintf("%.1f%%", 100*frac), "eta", eta.Round(time.Second).String())
	}
	pr.log.Info("loading", attrs...)
}

// finish stops the display: the bar is completed (or abandoned, when the
// load did not finish) and removed from the screen before the summary.
func (pr *progress) finish(completed bool) {
	if pr.mode == progressBar {
		if completed && pr.total > 0 {
			pr.bar.SetCurrent(pr.total)
		}
		pr.bar.Abort(true)
		pr.p.Wait()
	}
	pr.stop()
	<-pr.done
}

func rate(n int, took time.Duration) float64 {
	if took <= 0 {
		return 0
	}
	return float64(n) / took.Seconds()
}
