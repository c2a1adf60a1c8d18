// Command diplograph reads news articles about diplomacy, builds a
// knowledge graph of who, what, where and when, keeps it in a store and
// serves it as a GraphQL API.
//
// Run "diplograph help" for the subcommands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if err != errUsageShown {
			fmt.Fprintln(os.Stderr, "diplograph:", err)
		}
		os.Exit(exitCode(err))
	}
}
