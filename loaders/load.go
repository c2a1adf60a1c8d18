package loaders

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/diplograph/diplograph"
)

// Extractor turns an article into the facts it states. It must be safe for
// concurrent use: Load calls it from several goroutines.
type Extractor interface {
	Extract(ctx context.Context, a *diplograph.Article) (*diplograph.Extraction, error)
}

// Writer is the part of a store that Load uses; diplograph.Store has it.
// HasArticle may be called from several goroutines at once; Save is called
// from one goroutine at a time, in input order.
type Writer interface {
	HasArticle(ctx context.Context, hash string) (bool, error)
	Save(ctx context.Context, x *diplograph.Extraction) (diplograph.SaveResult, error)
}

// HashChecker is a Writer that can tell in one call which of many content
// hashes it holds. Load uses it, when the Writer has it, to check the
// records it reads in batches instead of one round trip per record.
type HashChecker interface {
	// StoredHashes returns the hashes among hashes that are stored.
	StoredHashes(ctx context.Context, hashes []string) (map[string]bool, error)
}

// maxCheck bounds the records a HashChecker is asked about at once.
const maxCheck = 256

// DefaultKeepErrors is how many rejected records' errors a Summary keeps
// when LoadOptions leaves KeepErrors 0.
const DefaultKeepErrors = 100

// ErrTooManyRejected is returned by Load when LoadOptions.MaxRejected
// records have been rejected.
var ErrTooManyRejected = errors.New("too many records rejected")

// LoadOptions tunes Load. The zero value is ready to use.
type LoadOptions struct {
	// Workers is the number of articles checked and extracted at once;
	// 0 means runtime.NumCPU().
	Workers int
	// KeepErrors bounds Summary.Errors; 0 means DefaultKeepErrors and a
	// negative value keeps none. Summary.Rejected counts them all.
	KeepErrors int
	// MaxRejected, when positive, stops the load with an error wrapping
	// ErrTooManyRejected as soon as that many records have been rejected.
	// What was saved before stays saved.
	MaxRejected int
	// OnReject, when set, is called with every rejected record's error, in
	// input order, from the goroutine that counts them (the same as
	// Progress). Its error stops the load: an error report that cannot be
	// written is not a report.
	OnReject func(*RecordError) error
	// Progress, when set, is called with the running totals after each
	// record is settled. Calls come from one goroutine, never at once, and
	// hold up the load while they run.
	Progress func(Summary)
	// Logger receives a warning per record warning and per rejected
	// record (a debug message when OnReject is set). nil means
	// slog.Default().
	Logger *slog.Logger

	// A Writer that is a diplograph.BatchSaver gets the articles in
	// batches, one transaction each, written while the next batch is
	// extracted: a batch goes when it holds BatchSize records or
	// BatchBytes of article text, or when its first record has waited
	// BatchDelay. Zero values mean DefaultBatchSize, DefaultBatchBytes and
	// DefaultBatchDelay. Records are counted, reported and passed to
	// Progress when their batch has been written, in input order.
	BatchSize  int
	BatchBytes int
	BatchDelay time.Duration

	// A Writer that is a diplograph.DeferredGrouper saves batches with
	// their event reports waiting, and groups them into events at the end
	// of the load (also when MaxRejected stops it) and on the way once at
	// least GroupEvery articles have been saved since the last grouping
	// and at least as many as the store held grouped then. A busy key's
	// reports are then grouped a few times per load, not once per batch;
	// and since a grouping reads the stored reports near the waiting ones,
	// which in a corpus spread over years is most of the store, waiting
	// until the store has doubled keeps a load's grouping work in
	// proportion to its size. Between groupings queries see the new
	// articles without their events. 0 means DefaultGroupEvery; a
	// negative value groups with every batch.
	GroupEvery int
}

// groupLogEvery is how often a long grouping logs its progress.
const groupLogEvery = 10 * time.Second

// DefaultGroupEvery is the fewest articles a load saves between two
// groupings of their event reports (LoadOptions.GroupEvery). A load of
// 100,000 articles into the embedded store grouped once at its end ran at
// 355 articles a second, against 324 when it also grouped at 25,000 and
// 50,000 articles; queries see the first 100,000 articles' events only
// once they are grouped.
const DefaultGroupEvery = 100000

// Summary counts what a load did.
type Summary struct {
	Read     int // records read, good and bad
	Loaded   int // articles saved
	Skipped  int // articles whose content hash was stored already
	Rejected int // records that were bad, failed extraction or were refused by the store
	Replaced int // saved articles that replaced another version with the same id
	Warnings int // warnings on records that were kept
	// Grouped counts the event reports that the load's groupings put in
	// events (LoadOptions.GroupEvery), with any that an interrupted load
	// left waiting.
	Grouped int

	// What the saved articles wrote, as the Writer reported.
	Entities, Relations, Events int

	// Errors holds the first KeepErrors rejected records' errors, in input
	// order, each a *RecordError.
	Errors []error
}

// Load reads recs and, for each good record whose content hash the
// Writer does not hold, extracts it and saves the extraction.
//
// Checking and extraction run on opts.Workers goroutines; saves happen on
// the calling goroutine in input order, so that when two records share an
// id the later one wins, as it would in a sequential load. A record with
// Err set, an extraction error, or a Save error whose code is
// diplograph.EINVALID rejects that record only. Any other HasArticle or
// Save error is the store's failure: Load stops and returns it. When ctx is
// done Load stops, waits for its goroutines, and returns ctx's error; the
// Summary counts what was settled before. Load returns only after recs has
// stopped yielding.
func Load(ctx context.Context, recs iter.Seq[Record], x Extractor, w Writer, opts LoadOptions) (Summary, error) {
	hc, _ := w.(HashChecker)
	l := &loader{x: x, w: w, hc: hc, opts: opts, log: opts.Logger}
	if l.log == nil {
		l.log = slog.Default()
	}
	if st, ok := w.(interface {
		Stats(context.Context) (diplograph.Stats, error)
	}); ok && l.grouper() != nil {
		// What the store holds counts as grouped: a load into a big store
		// groups less often.
		if n, err := st.Stats(ctx); err == nil {
			l.grouped = n.Articles
		}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	// cancel stops the reader and the workers when the saver fails.
	wctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	// order carries every record in input order to the saver; its
	// capacity bounds how many are in flight, and so the memory held. A
	// store that checks many hashes at once gets a batch's worth more.
	inFlight := 2 * workers
	if hc != nil {
		inFlight += maxCheck
	}
	order := make(chan *job, inFlight)
	work := make(chan *job)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range work {
				j.done <- l.process(wctx, &j.rec)
			}
		})
	}
	// Good records go to the workers, through a checker that asks the
	// store about many at once when it can (HashChecker).
	toWork := work
	if hc != nil {
		toWork = make(chan *job, maxCheck)
		wg.Go(func() { l.check(wctx, toWork, work) })
	}
	go func() {
		defer close(order)
		defer close(toWork)
		for rec := range recs {
			j := &job{rec: rec, done: make(chan outcome, 1)}
			if rec.Err != nil {
				j.done <- outcome{}
			}
			select {
			case order <- j:
			case <-wctx.Done():
				return
			}
			if rec.Err == nil {
				select {
				case toWork <- j:
				case <-wctx.Done():
					j.done <- outcome{fatal: context.Cause(wctx)}
					return
				}
			}
		}
	}()

	batchSize, batchBytes, delay := opts.batching(w)
	// The calling goroutine gathers settled records into batches; one
	// writer goroutine saves a batch while the next one gathers, and the
	// batches channel's capacity of one is the backpressure that stops
	// gathering when the store falls behind.
	batches := make(chan []pendingJob, 1)
	var fatal error // the writer's, read after it ends
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for b := range batches {
			if fatal != nil || wctx.Err() != nil {
				continue // drain
			}
			err := l.write(wctx, b)
			if err == nil && l.groupDue() {
				err = l.group(wctx)
			}
			if err != nil {
				fatal = err
				cancel(err)
			}
		}
	}()

	var pend []pendingJob
	size := 0
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var timerC <-chan time.Time
	flush := func() {
		if len(pend) == 0 {
			return
		}
		timer.Stop()
		timerC = nil
		select {
		case batches <- pend:
		case <-wctx.Done():
		}
		pend, size = nil, 0
	}
	for {
		var j *job
		var ok bool
		select {
		case j, ok = <-order:
		case <-timerC:
			flush()
			continue
		}
		if !ok {
			break
		}
		var o outcome
		select {
		case o = <-j.done:
		case <-timerC:
			// The input stalls (a slow pipe): save what has waited long
			// enough rather than hold it back.
			flush()
			o = <-j.done
		}
		if wctx.Err() != nil {
			continue // drain, so that every goroutine can finish
		}
		if len(pend) == 0 {
			timer.Reset(delay)
			timerC = timer.C
		}
		pend = append(pend, pendingJob{j, o})
		if pend[len(pend)-1].saves() {
			size += len(j.rec.Article.Text)
		}
		if len(pend) >= batchSize || size >= batchBytes {
			flush()
		}
	}
	if wctx.Err() == nil {
		flush()
	}
	close(batches)
	<-writerDone
	wg.Wait()
	// A cancelled load reports the cancellation, not the errors it caused.
	if err := ctx.Err(); err != nil {
		return l.sum, err
	}
	// What was saved is grouped, also when the rejection limit stopped
	// the load; after a store failure the next load groups it.
	if fatal == nil || errors.Is(fatal, ErrTooManyRejected) {
		if err := l.group(ctx); err != nil {
			return l.sum, err
		}
	}
	return l.sum, fatal
}

// grouper returns the Writer as a DeferredGrouper when the load defers
// grouping to it.
func (l *loader) grouper() diplograph.DeferredGrouper {
	if l.opts.GroupEvery < 0 {
		return nil
	}
	g, _ := l.w.(diplograph.DeferredGrouper)
	return g
}

// groupDue reports whether enough articles have been saved ungrouped since
// the last grouping: GroupEvery, and as many as were grouped before.
func (l *loader) groupDue() bool {
	every := l.opts.GroupEvery
	if every == 0 {
		every = DefaultGroupEvery
	}
	return l.ungrouped >= max(every, l.grouped)
}

// group groups the event reports waiting in the store, with a log line
// before and after, as it may take a while.
func (l *loader) group(ctx context.Context) error {
	g := l.grouper()
	if g == nil {
		return nil
	}
	start := time.Now()
	if l.ungrouped > 0 {
		l.log.Info("grouping event reports", "articles", l.ungrouped)
	}
	// A grouping at the end of a large load takes minutes: say how far
	// it has got, every ten seconds.
	last := start
	progress := func(done, total int) {
		if now := time.Now(); now.Sub(last) >= groupLogEvery && done < total {
			last = now
			l.log.Info("grouping event reports", "done", done, "of", total)
		}
	}
	n, err := g.GroupPending(ctx, progress)
	l.sum.Grouped += n
	if err != nil {
		return fmt.Errorf("grouping event reports: %w", err)
	}
	if l.ungrouped > 0 || n > 0 {
		l.log.Info("grouped event reports", "reports", n, "took", time.Since(start).Round(time.Millisecond))
	}
	l.grouped += l.ungrouped
	l.ungrouped = 0
	return nil
}

// Batching defaults: a batch is written when it holds this many records or
// this much article text, or when its first record has waited this long.
const (
	DefaultBatchSize  = 256
	DefaultBatchBytes = 8 << 20
	DefaultBatchDelay = 500 * time.Millisecond
)

// batching returns the batch bounds; a Writer that cannot save batches
// gets batches of one.
func (o *LoadOptions) batching(w Writer) (n, bytes int, delay time.Duration) {
	n, bytes, delay = o.BatchSize, o.BatchBytes, o.BatchDelay
	if n <= 0 {
		n = DefaultBatchSize
	}
	if bytes <= 0 {
		bytes = DefaultBatchBytes
	}
	if delay <= 0 {
		delay = DefaultBatchDelay
	}
	if _, ok := w.(diplograph.BatchSaver); !ok {
		n = 1
	}
	return n, bytes, delay
}

// pendingJob is a record waiting for its batch to be written.
type pendingJob struct {
	j *job
	o outcome
}

// saves reports whether the record's extraction goes to the store.
func (p pendingJob) saves() bool {
	return p.o.x != nil && !p.o.stored && p.o.reject == nil && p.j.rec.Err == nil
}

// write saves a batch's extractions and then settles its records in input
// order. A store failure leaves the whole batch uncounted: none of it is
// stored.
func (l *loader) write(ctx context.Context, b []pendingJob) error {
	// Records after the one that reaches MaxRejected are neither saved nor
	// counted, as if the load had stopped there.
	if n := l.opts.MaxRejected; n > 0 {
		r := l.sum.Rejected
		for i, p := range b {
			if p.j.rec.Err != nil || p.o.reject != nil {
				if r++; r >= n {
					b = b[:i+1]
					break
				}
			}
		}
	}
	var xs []*diplograph.Extraction
	for _, p := range b {
		if p.o.fatal != nil {
			return p.o.fatal
		}
		if p.saves() {
			xs = append(xs, p.o.x)
		}
	}
	results, err := l.save(ctx, xs)
	if err != nil {
		first := b[0].j.rec.Pos
		return fmt.Errorf("%s: saving a batch of %d articles: %w", first, len(xs), err)
	}
	next := 0
	var limit error
	for _, p := range b {
		var res *diplograph.BatchResult
		if p.saves() {
			res = &results[next]
			next++
		}
		// Past the limit, the rest of the batch is stored: count it.
		if err := l.settle(p.j, p.o, res); err != nil {
			if !errors.Is(err, ErrTooManyRejected) {
				return err
			}
			if limit == nil {
				limit = err
			}
		}
		if l.opts.Progress != nil {
			l.opts.Progress(l.sum)
		}
	}
	return limit
}

// save writes xs in one batch when the Writer can, else one by one. A
// refused article comes back in its result; any other error is returned.
func (l *loader) save(ctx context.Context, xs []*diplograph.Extraction) ([]diplograph.BatchResult, error) {
	if len(xs) == 0 {
		return nil, nil
	}
	if g := l.grouper(); g != nil {
		res, err := g.SaveBatchUngrouped(ctx, xs)
		for _, r := range res {
			if r.Err == nil {
				l.ungrouped++
			}
		}
		return res, err
	}
	if bs, ok := l.w.(diplograph.BatchSaver); ok {
		return bs.SaveBatch(ctx, xs)
	}
	return diplograph.SaveEach(ctx, l.w, xs)
}

// job is one record on its way through Load.
type job struct {
	rec  Record
	done chan outcome // buffered: a worker never waits for the saver
}

// outcome is a worker's verdict on a record.
type outcome struct {
	x      *diplograph.Extraction
	stored bool  // the store has this content already
	reject error // the record is rejected
	fatal  error // the store failed, or the load was cancelled
}

// loader holds Load's state; sum is touched by the saving goroutine only.
type loader struct {
	x Extractor
	w Writer
	// hc is w as a HashChecker, or nil: when set, the checker goroutine
	// checks every record before the workers get it.
	hc   HashChecker
	opts LoadOptions
	log  *slog.Logger
	sum  Summary
	// ungrouped counts the articles saved since the last grouping, and
	// grouped the articles the store held grouped after it.
	ungrouped, grouped int
}

// check takes the good records from in as they come, asks the store at
// once which of those waiting are stored, settles those, and hands the
// rest to the workers on out, which it closes when in is closed. Under load
// many records wait, so a check costs one round trip per batch; when the
// input is slow a record is checked alone, so none waits for others.
func (l *loader) check(ctx context.Context, in <-chan *job, out chan<- *job) {
	defer close(out)
	var batch []*job
	for j := range in {
		batch = append(batch[:0], j)
	more:
		for len(batch) < maxCheck {
			select {
			case j, ok := <-in:
				if !ok {
					break more
				}
				batch = append(batch, j)
			default:
				break more
			}
		}
		hashes := make([]string, len(batch))
		for i, j := range batch {
			hashes[i] = j.rec.Article.Hash
		}
		var stored map[string]bool
		err := ctx.Err()
		if err == nil {
			if stored, err = l.hc.StoredHashes(ctx, hashes); err != nil {
				err = fmt.Errorf("%s: checking the store: %w", batch[0].rec.Pos, err)
			}
		}
		for _, j := range batch {
			switch {
			case err != nil:
				j.done <- outcome{fatal: err}
			case stored[j.rec.Article.Hash]:
				j.done <- outcome{stored: true}
			default:
				select {
				case out <- j:
				case <-ctx.Done():
					j.done <- outcome{fatal: context.Cause(ctx)}
				}
			}
		}
	}
}

// process checks, unless the checker does, and extracts one good record.
func (l *loader) process(ctx context.Context, rec *Record) outcome {
	if err := ctx.Err(); err != nil {
		return outcome{fatal: err}
	}
	if l.hc == nil {
		ok, err := l.w.HasArticle(ctx, rec.Article.Hash)
		if err != nil {
			return outcome{fatal: fmt.Errorf("%s: checking the store: %w", rec.Pos, err)}
		}
		if ok {
			return outcome{stored: true}
		}
	}
	x, err := l.x.Extract(ctx, &rec.Article)
	if err != nil {
		if ctx.Err() != nil {
			return outcome{fatal: ctx.Err()}
		}
		return outcome{reject: fmt.Errorf("%w: %w", ErrExtract, err)}
	}
	if x == nil {
		return outcome{reject: fmt.Errorf("%w: the extractor returned nothing", ErrExtract)}
	}
	return outcome{x: x}
}

// settle counts one record; res is what the store did with its
// extraction, nil when it was not saved. A non-nil error ends the load.
func (l *loader) settle(j *job, o outcome, res *diplograph.BatchResult) error {
	s := &l.sum
	s.Read++
	rec := &j.rec
	switch {
	case rec.Err != nil:
		re, ok := rec.Err.(*RecordError)
		if !ok {
			re = &RecordError{Pos: rec.Pos, Err: rec.Err}
		}
		return l.reject(re)
	case o.reject != nil:
		return l.reject(&RecordError{Pos: rec.Pos, Err: o.reject})
	}
	for _, w := range rec.Warnings {
		l.log.Warn("record warning", "pos", rec.Pos.String(), "warning", w)
	}
	s.Warnings += len(rec.Warnings)
	if o.stored || res == nil {
		s.Skipped++
		return nil
	}
	if res.Err != nil {
		return l.reject(&RecordError{Pos: rec.Pos, Err: fmt.Errorf("%w: %w", ErrRefused, res.Err)})
	}
	if res.Unchanged {
		// The same content came earlier in this load.
		s.Skipped++
		return nil
	}
	s.Loaded++
	if res.Replaced {
		s.Replaced++
	}
	s.Entities += res.Entities
	s.Relations += res.Relations
	s.Events += res.Events
	return nil
}

// reject counts a rejected record, keeps its error if there is room and
// hands it to OnReject. Its error ends the load: OnReject failed, or the
// MaxRejected limit is reached.
func (l *loader) reject(err *RecordError) error {
	if l.opts.OnReject != nil {
		// The caller reports rejections itself (an error report): a
		// warning per record on top would bury the log.
		l.log.Debug("record rejected", "err", err)
	} else {
		l.log.Warn("record rejected", "err", err)
	}
	l.sum.Rejected++
	limit := l.opts.KeepErrors
	if limit == 0 {
		limit = DefaultKeepErrors
	}
	if len(l.sum.Errors) < limit {
		l.sum.Errors = append(l.sum.Errors, err)
	}
	if l.opts.OnReject != nil {
		if err := l.opts.OnReject(err); err != nil {
			return fmt.Errorf("reporting a rejected record: %w", err)
		}
	}
	if n := l.opts.MaxRejected; n > 0 && l.sum.Rejected >= n {
		return fmt.Errorf("%w: %d rejected, the limit is %d (last: %v)", ErrTooManyRejected, l.sum.Rejected, n, err)
	}
	return nil
}
