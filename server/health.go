package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
)

// handleHealth answers 200 {"status":"ok"} when the store answers a Ping
// in time and 503 {"status":"unavailable"} otherwise; why is logged, not
// shown.
func handleHealth(store Store, logger *slog.Logger, opts Options) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), opts.HealthTimeout)
		defer cancel()
		if err := store.Ping(ctx); err != nil {
			logger.WarnContext(r.Context(), "health check failed", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
}

// writeJSON answers with status and v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	// The client may be gone; there is no one left to tell.
	_ = json.NewEncoder(w).Encode(v)
}
