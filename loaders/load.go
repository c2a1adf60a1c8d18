package loaders

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"runtime"
	"sync"

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
}

// Summary counts what a load did.
type Summary struct {
	Read     int // records read, good and bad
	Loaded   int // articles saved
	Skipped  int // articles whose content hash was stored already
	Rejected int // records that were bad, failed extraction or were refused by the store
	Replaced int // saved articles that replaced another version with the same id
	Warnings int // warnings on records that were kept

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
	l := &loader{x: x, w: w, opts: opts, log: opts.Logger}
	if l.log == nil {
		l.log = slog.Default()
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	// cancel stops the reader and the workers when the saver fails.
	wctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	// order carries every record in input order to the saver; its
	// capacity bounds how many are in flight, and so the memory held.
	order := make(chan *job, 2*workers)
	work := make(chan *job)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range work {
				j.done <- l.process(wctx, &j.rec)
			}
		})
	}
	go func() {
		defer close(order)
		defer close(work)
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
				case work <- j:
				case <-wctx.Done():
					j.done <- outcome{fatal: context.Cause(wctx)}
					return
				}
			}
		}
	}()

	var fatal error
	for j := range order {
		o := <-j.done
		if fatal != nil || wctx.Err() != nil {
			continue // drain, so that every goroutine can finish
		}
		if err := l.settle(wctx, j, o); err != nil {
			fatal = err
			cancel(err)
			continue
		}
		if opts.Progress != nil {
			opts.Progress(l.sum)
		}
	}
	wg.Wait()
	// A cancelled load reports the cancellation, not the errors it caused.
	if err := ctx.Err(); err != nil {
		return l.sum, err
	}
	return l.sum, fatal
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
	x    Extractor
	w    Writer
	opts LoadOptions
	log  *slog.Logger
	sum  Summary
}

// process checks and extracts one good record.
func (l *loader) process(ctx context.Context, rec *Record) outcome {
	if err := ctx.Err(); err != nil {
		return outcome{fatal: err}
	}
	ok, err := l.w.HasArticle(ctx, rec.Article.Hash)
	if err != nil {
		return outcome{fatal: fmt.Errorf("%s: checking the store: %w", rec.Pos, err)}
	}
	if ok {
		return outcome{stored: true}
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

// settle counts one record and saves its extraction; a non-nil error
// ends the load and leaves the record uncounted.
func (l *loader) settle(ctx context.Context, j *job, o outcome) error {
	if o.fatal != nil {
		return o.fatal
	}
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
	if o.stored {
		s.Skipped++
		return nil
	}
	res, err := l.w.Save(ctx, o.x)
	if err != nil {
		if diplograph.ErrorCode(err) == diplograph.EINVALID {
			return l.reject(&RecordError{Pos: rec.Pos, Err: fmt.Errorf("%w: %w", ErrRefused, err)})
		}
		s.Read--
		return fmt.Errorf("%s: saving article %s: %w", rec.Pos, rec.Article.ID, err)
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
