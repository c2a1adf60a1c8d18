package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/kb"
	"github.com/diplograph/diplograph/loaders"
)

// env is the program's environment: its arguments' surroundings, passed
// in so that tests run the whole program in-process.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// errUsageShown means usage was printed for a bad command line.
var errUsageShown = errors.New("usage")

// errRejected means a load finished but rejected some records.
var errRejected = errors.New("some records were rejected")

func exitCode(err error) int {
	switch {
	case errors.Is(err, errUsageShown):
		return 2
	case errors.Is(err, errRejected):
		return 3
	case errors.Is(err, loaders.ErrTooManyRejected):
		return 4
	}
	return 1
}

type command struct {
	name  string
	short string
	run   func(ctx context.Context, e *env, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "serve the GraphQL API and GraphiQL (with --demo: load the bundled samples first)", runServe},
		{"load", "extract articles from files and write them to the store", runLoad},
		{"extract", "print the facts extracted from one article as JSON, without storing them", runExtract},
		{"migrate", "create or upgrade the store's schema", runMigrate},
		{"stats", "print what the store holds", runStats},
		{"copy", "copy every article and its facts from one store to another (embedded, neo4j)", runCopy},
		{"eval", "score the extractor against gold annotations", runEval},
		{"gen-corpus", "write a deterministic synthetic corpus for benchmarks", runGenCorpus},
	}
}

// run is the whole program: main only wires the process to it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := &env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	e.log = newLogger(stderr, getenv("DIPLOGRAPH_LOG"))
	if len(args) < 2 {
		usage(stderr)
		return errUsageShown
	}
	name, rest := args[1], args[2:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			for _, c := range commands() {
				if c.name == rest[0] {
					return c.run(ctx, e, []string{"-h"})
				}
			}
		}
		usage(stdout)
		return nil
	case "version", "--version":
		fmt.Fprintln(stdout, "diplograph", version())
		return nil
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(ctx, e, rest)
		}
	}
	fmt.Fprintf(stderr, "diplograph: unknown command %q\n\n", name)
	usage(stderr)
	return errUsageShown
}

func usage(w io.Writer) {
	fmt.Fprint(w, `Diplograph turns news articles about diplomacy into a knowledge graph and
serves it as a GraphQL API.

Usage:
  diplograph <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.short)
	}
	fmt.Fprint(w, `  version    print the version

Run "diplograph <command> -h" for a command's flags.

Quick start:
  diplograph serve --demo              # load the bundled samples, serve on http://127.0.0.1:8080
  diplograph load articles.jsonl       # add a corpus to ./diplograph.db
  diplograph extract --published 2025-02-04 article.txt

Environment:
  DIPLOGRAPH_STORE store: embedded or neo4j (default embedded)
  DIPLOGRAPH_DB    embedded store file (default ./diplograph.db)
  NEO4J_URI        Neo4j address with --store neo4j (default bolt://127.0.0.1:7687)
  NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE   Neo4j credentials and database
  DIPLOGRAPH_ADDR  serve address (default 127.0.0.1:8080)
  DIPLOGRAPH_LOG   log level: debug, info, warn, error (default info)
`)
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var l slog.Level
	switch strings.ToLower(level) {
	case "debug":
		l = slog.LevelDebug
	case "warn":
		l = slog.LevelWarn
	case "error":
		l = slog.LevelError
	default:
		l = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l}))
}

// newFlagSet returns a flag set that prints a helpful usage to stderr and
// returns errors instead of exiting.
func newFlagSet(e *env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: diplograph %s %s\n\n%s\n\nFlags:\n", name, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; -h prints usage and ends the command cleanly.
func parseFlags(fs *flag.FlagSet, args []string) (done bool, err error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return true, errUsageShown
	}
	return false, nil
}

// inputFlags are the flags of every command that reads articles.
type inputFlags struct {
	published, format string
	fields            loaders.Fields
}

func (in *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&in.published, "published", "", "publication date YYYY-MM-DD for articles that carry none (every .txt file); relative dates resolve against it")
	fs.StringVar(&in.format, "format", "", "input format of named files and of -: txt, jsonl, json, csv or html (default: by extension; guessed from the content for -)")
}

// registerFields registers the flags that map a corpus's field names.
func (in *inputFlags) registerFields(fs *flag.FlagSet) {
	f := &in.fields
	fs.StringVar(&f.Text, "text-field", "", "JSON field or CSV column holding the text (default text; dotted paths such as content.body reach into nested JSON)")
	fs.StringVar(&f.Published, "date-field", "", "field holding the publication date (default published)")
	fs.StringVar(&f.Title, "title-field", "", "field holding the title (default title)")
	fs.StringVar(&f.ID, "id-field", "", "field holding the article's own id (default id)")
	fs.StringVar(&f.URL, "url-field", "", "field holding the URL (default url)")
	fs.StringVar(&f.Source, "source-field", "", "field holding the source or publisher (default source)")
}

// options returns the loader options the flags ask for.
func (in *inputFlags) options(e *env) (loaders.Options, error) {
	f, err := loaders.ParseFormat(in.format)
	if err != nil {
		return loaders.Options{}, err
	}
	if err := in.fields.Validate(); err != nil {
		return loaders.Options{}, badUsage(e, "%v", err)
	}
	return loaders.Options{Published: in.published, Format: f, Fields: in.fields, Stdin: e.stdin, Logger: e.log}, nil
}

func newExtractor() (*extract.Extractor, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, fmt.Errorf("knowledge base: %w", err)
	}
	return extract.New(k), nil
}

// version is the module version the binary was built from, "devel" for
// a build from a work tree.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
