package server

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRecoverPanics(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	h := logRequests(logger, recoverPanics(logger, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("secret: /var/secret/path")
	})))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/boom", nil))

	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status = %d, want 500", rec.Code)
	}
	if body := rec.Body.String(); strings.Contains(body, "secret") || !strings.Contains(body, "internal error") {
		t.Errorf("body = %q, want a bare internal error", body)
	}
	if !strings.Contains(logs.String(), "/var/secret/path") || !strings.Contains(logs.String(), "status=500") {
		t.Errorf("log does not hold the panic and the 500:\n%s", logs.String())
	}
}

func TestRecoverPanicsLetsAbortThrough(t *testing.T) {
	h := recoverPanics(slog.New(slog.DiscardHandler), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(http.ErrAbortHandler)
	}))
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler to reach net/http", v)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}

func TestLimitRequestsCapsBody(t *testing.T) {
	var readErr error
	h := limitRequests(Options{MaxBodyBytes: 10}.withDefaults(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, readErr = r.Body.Read(make([]byte, 100))
		if _, ok := r.Context().Deadline(); !ok {
			t.Error("request has no deadline")
		}
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("POST", "/graphql", strings.NewReader(strings.Repeat("x", 100))))
	if readErr == nil {
		t.Error("reading a body over the limit succeeded")
	}
}
