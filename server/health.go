package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/diplograph/diplograph"
)

// handleLive is liveness: 200 {"status":"ok"} for as long as the process
// serves HTTP, whatever the store's state, so that an orchestrator restarts
// the process only when the process itself is stuck, never because the
// database is down.
func handleLive() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
}

// handleReady is readiness: 200 {"status":"ok"} when the store answers a
// Ping within opts.HealthTimeout, 503 {"status":"unavailable","reason":...}
// otherwise. The reason is safe to show: the store's own user-safe message
// when its error carries one, else a generic one; the error itself is
// logged. Each check pings anew, so a store that comes back is ready at
// the next check.
func handleReady(store Store, logger *slog.Logger, opts Options) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), opts.HealthTimeout)
		defer cancel()
		err := store.Ping(ctx)
		if err == nil {
			writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
			return
		}
		logger.WarnContext(r.Context(), "readiness check failed", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": notReadyReason(ctx, err, opts)})
	})
}

// notReadyReason says why the store is not ready, in words safe to show.
func notReadyReason(ctx context.Context, err error, opts Options) string {
	var e *diplograph.Error
	switch {
	case errors.As(err, &e):
		return e.Message
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Sprintf("the store did not answer within %s", opts.HealthTimeout)
	}
	return "the store does not answer"
}

// writeJSON answers with status and v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	// The client may be gone; there is no one left to tell.
	_ = json.NewEncoder(w).Encode(v)
}
