package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/eval"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/kb"
	"github.com/diplograph/diplograph/loaders"
	"github.com/diplograph/diplograph/samples"
)

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval", "[flags]",
		`Score the extractor against gold annotations and print precision, recall and F1 for
entities, relations and events, event status and date accuracy, and comment stance
accuracy. By default it scores the bundled samples against testdata/gold/samples.gold.jsonl
(format in testdata/gold/README.md). With --corpus DIR it also scores time normalization on
DIR/articles.jsonl (exact TIMEX3 value accuracy over the records that carry gold.timex3),
entity recognition on DIR/ner_gold.jsonl, and event coding on DIR/events_gold.jsonl:
PLOVER category accuracy and CAMEO root accuracy over the diplomatic records, and how many
no-event sentences yield nothing. The event-coding suites use actors of their own; when
DIR/reference/petrarch_validation_actors.json is there (or --actors names a dictionary of
that shape), its actors join the knowledge base for that part of the run.`)
	goldPath := fs.String("gold", filepath.Join("testdata", "gold", "samples.gold.jsonl"), "gold file in the team's format")
	corpus := fs.String("corpus", "", "folder of an evaluation corpus with articles.jsonl (TIMEX3 gold)")
	detail := fs.Bool("detail", false, "list every disagreement with the gold")
	actors := fs.String("actors", "", "actor dictionary for event coding ({\"codes\": {CODE: [NAME, ...]}}); default: reference/petrarch_validation_actors.json in the corpus, when there")
	if done, err := parseFlags(fs, args); done {
		return err
	}
	k, err := kb.Load()
	if err != nil {
		return fmt.Errorf("knowledge base: %w", err)
	}
	x, err := newExtractor()
	if err != nil {
		return err
	}
	if *goldPath != "" {
		f, err := os.Open(*goldPath)
		if err != nil {
			return fmt.Errorf("gold: %w", err)
		}
		gold, err := eval.ReadGold(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *goldPath, err)
		}
		byID, byFile, err := bundledSamples(ctx)
		if err != nil {
			return err
		}
		find := func(g eval.GoldArticle) *diplograph.Article {
			if g.File != "" {
				return byFile[path.Base(g.File)]
			}
			return byID[g.Article]
		}
		names := map[string]string{}
		for _, r := range k.Records() {
			for _, n := range r.Names() {
				names[n] = r.ID
			}
		}
		rep, err := eval.Gold(ctx, x, gold, find, eval.NameResolver(names))
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "== gold: %s\n", *goldPath)
		rep.Write(e.stdout, *detail)
	}
	if *corpus != "" {
		f, err := os.Open(filepath.Join(*corpus, "articles.jsonl"))
		if err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		arts, err := eval.ReadTimex(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("corpus articles: %w", err)
		}
		rep, err := eval.Timex(x, arts)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "== time normalization: %s\n", filepath.Join(*corpus, "articles.jsonl"))
		rep.Write(e.stdout, *detail)
		if err := evalNER(e, x, filepath.Join(*corpus, "ner_gold.jsonl"), *detail); err != nil {
			return err
		}
		cx, err := codingExtractor(k, x, *corpus, *actors)
		if err != nil {
			return err
		}
		if err := evalCoding(ctx, e, cx, filepath.Join(*corpus, "events_gold.jsonl"), *detail); err != nil {
			return err
		}
	}
	return nil
}

// bundledSamples reads the bundled sample articles by id and by file name
// (for a file holding one article, such as the seed).
func bundledSamples(ctx context.Context) (map[string]*diplograph.Article, map[string]*diplograph.Article, error) {
	byID := map[string]*diplograph.Article{}
	byFile := map[string]*diplograph.Article{}
	for _, sf := range samples.Files() {
		for rec := range samples.Read(ctx, sf, loaders.Options{}) {
			if rec.Err != nil {
				return nil, nil, fmt.Errorf("samples %s: %w", sf.Name, rec.Err)
			}
			a := rec.Article
			byID[a.ID] = &a
			byFile[sf.Name] = &a
		}
	}
	return byID, byFile, nil
}

// evalNER scores PER/LOC/ORG recognition on a CoNLL-style file, when the
// corpus has one.
func evalNER(e *env, x *extract.Extractor, name string, detail bool) error {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	docs, err := eval.ReadNER(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	rep, err := eval.NER(x, docs)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "== entity recognition (PER/LOC/ORG, exact spans): %s\n", name)
	rep.Write(e.stdout, detail)
	return nil
}

// codingExtractor returns the extractor for the event-coding suites: x,
// or when an actor dictionary is named or the corpus has one, an
// extractor over the knowledge base k plus the dictionary's actors.
func codingExtractor(k *kb.KB, x *extract.Extractor, corpus, actors string) (*extract.Extractor, error) {
	name := actors
	if name == "" {
		name = filepath.Join(corpus, "reference", "petrarch_validation_actors.json")
	}
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) && actors == "" {
		return x, nil
	}
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	defer f.Close()
	known := map[string]bool{}
	for _, r := range k.Records() {
		for _, n := range r.Names() {
			known[strings.ToLower(n)] = true
		}
		for _, n := range append(r.Demonyms, r.Metonyms...) {
			known[strings.ToLower(n)] = true
		}
	}
	recs, err := eval.ReadActors(f, func(n string) bool { return known[strings.ToLower(n)] })
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	k2, err := kb.LoadWith(recs...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return extract.New(k2), nil
}

// evalCoding scores event categories on an event-coding suite, when the
// corpus has one.
func evalCoding(ctx context.Context, e *env, x *extract.Extractor, name string, detail bool) error {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	recs, err := eval.ReadCoded(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	rep, err := eval.Coding(ctx, x, recs)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "== event coding: %s\n", name)
	rep.Write(e.stdout, detail)
	return nil
}
