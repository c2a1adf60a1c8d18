package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/diplograph/diplograph/store/sqlite"
	"github.com/diplograph/diplograph/store/storetest"
)

// TestServeGroupsWaitingReports leaves event reports waiting, as a killed
// bulk load does, and checks that serve groups them before it answers.
func TestServeGroupsWaitingReports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	st, err := sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveBatchUngrouped(t.Context(), storetest.Generate(20, 3)); err != nil {
		t.Fatal(err)
	}
	before, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if before.Articles != 20 || before.Events != 0 {
		t.Fatalf("before serving: %+v, want 20 articles and no event yet", before)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := freeAddr(t)
	done := make(chan error, 1)
	go func() {
		_, _, err := runCmd(t, ctx, "", nil, "serve", "--db", db, "--addr", addr)
		done <- err
	}()
	waitHealthy(t, "http://"+addr, done)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}

	st, err = sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	after, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if after.Events == 0 {
		t.Errorf("after serving: %+v, want the waiting reports grouped into events", after)
	}
	if n, err := st.GroupPending(t.Context(), nil); n != 0 || err != nil {
		t.Errorf("GroupPending after serve = %d, %v; want nothing left", n, err)
	}
}
