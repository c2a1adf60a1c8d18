package resolvers

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/diplograph/diplograph"
)

func TestErrorPresenter(t *testing.T) {
	fieldCtx := graphql.WithFieldContext(context.Background(), &graphql.FieldContext{Object: "Query"})
	coded := gqlerror.Errorf("operation has complexity 9999")
	coded.Extensions = map[string]any{"code": "COMPLEXITY_LIMIT_EXCEEDED"}

	tests := []struct {
		name    string
		ctx     context.Context
		err     error
		code    string
		message string
		logged  bool
	}{
		{"not found", fieldCtx, fmt.Errorf("entity Q0: %w", diplograph.Errorf(diplograph.ENOTFOUND, "no entity Q0")),
			CodeNotFound, "no entity Q0", false},
		{"invalid", fieldCtx, diplograph.Errorf(diplograph.EINVALID, "invalid cursor"),
			CodeBadUserInput, "invalid cursor", false},
		{"wrapped by gqlgen", fieldCtx, gqlerror.WrapPath(nil, diplograph.Errorf(diplograph.EINVALID, "bad date")),
			CodeBadUserInput, "bad date", false},
		{"plain error", fieldCtx, errors.New("sql: connection refused at /var/secret"),
			CodeInternal, internalMessage, true},
		{"internal domain error", fieldCtx, diplograph.Errorf(diplograph.EINTERNAL, "corrupt row in /var/secret"),
			CodeInternal, internalMessage, true},
		{"gqlgen field error", fieldCtx, gqlerror.Errorf("must not be null"),
			CodeInternal, internalMessage, true},
		{"request error with code", context.Background(), coded,
			"COMPLEXITY_LIMIT_EXCEEDED", "operation has complexity 9999", false},
		{"request error without code", context.Background(), gqlerror.Errorf("unsupported APQ version"),
			CodeBadUserInput, "unsupported APQ version", false},
		{"error outside any field", context.Background(), errors.New("panic: /var/secret"),
			CodeInternal, internalMessage, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			present := ErrorPresenter(slog.New(slog.NewTextHandler(&logs, nil)))
			got := present(tt.ctx, tt.err)
			if got.Extensions["code"] != tt.code || got.Message != tt.message {
				t.Errorf("presented as %q %q, want %q %q", got.Extensions["code"], got.Message, tt.code, tt.message)
			}
			if logged := logs.Len() > 0; logged != tt.logged {
				t.Errorf("logged = %v, want %v: %s", logged, tt.logged, logs.String())
			}
			if tt.logged && !strings.Contains(logs.String(), tt.err.Error()) {
				t.Errorf("log does not hold the error: %s", logs.String())
			}
		})
	}
}

func TestRecoverKeepsPanicForLog(t *testing.T) {
	err := Recover(context.Background(), "boom")
	if !strings.Contains(err.Error(), "boom") || !strings.Contains(err.Error(), "goroutine") {
		t.Errorf("Recover = %q, want the panic value and stack", err)
	}
	if diplograph.ErrorCode(err) != diplograph.EINTERNAL {
		t.Errorf("a panic must be internal, got code %q", diplograph.ErrorCode(err))
	}
}

func TestNewPageRequest(t *testing.T) {
	n := func(i int) *int { return &i }
	s := func(v string) *string { return &v }
	tests := []struct {
		name      string
		first     *int
		after     *string
		want      diplograph.Page
		countOnly bool
		wantErr   bool
	}{
		{"defaults", nil, nil, diplograph.Page{}, false, false},
		{"first", n(5), nil, diplograph.Page{First: 5}, false, false},
		{"after", n(5), s("c1"), diplograph.Page{First: 5, After: "c1"}, false, false},
		{"over the cap is left to the store", n(1000), nil, diplograph.Page{First: 1000}, false, false},
		{"count only", n(0), s("c1"), diplograph.Page{First: 1, After: "c1"}, true, false},
		{"negative", n(-1), nil, diplograph.Page{}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr, err := newPageRequest(tt.first, tt.after)
			if tt.wantErr {
				if diplograph.ErrorCode(err) != diplograph.EINVALID {
					t.Errorf("err = %v, want an EINVALID error", err)
				}
				return
			}
			if err != nil || pr.page != tt.want || pr.countOnly != tt.countOnly {
				t.Errorf("got %+v, %v; want %+v countOnly=%v", pr, err, tt.want, tt.countOnly)
			}
		})
	}
}

func TestPageInfo(t *testing.T) {
	c := diplograph.Connection[int]{
		Edges:       []diplograph.Edge[int]{{Cursor: "a", Node: 1}, {Cursor: "b", Node: 2}},
		TotalCount:  5,
		HasNextPage: true,
	}
	info := pageInfo(c, pageRequest{})
	if !info.HasNextPage || info.StartCursor == nil || *info.StartCursor != "a" || info.EndCursor == nil || *info.EndCursor != "b" {
		t.Errorf("pageInfo = %+v", info)
	}
	one := diplograph.Connection[int]{Edges: c.Edges[:1], TotalCount: 1}
	info = pageInfo(one, pageRequest{countOnly: true})
	if !info.HasNextPage || info.StartCursor != nil || info.EndCursor != nil {
		t.Errorf("count-only pageInfo = %+v, want a next page and no cursors", info)
	}
	if got := edges(one, pageRequest{countOnly: true}, func(c string, n int) int { return n }); len(got) != 0 || got == nil {
		t.Errorf("count-only edges = %#v, want empty", got)
	}
}

func TestPageCost(t *testing.T) {
	tests := []struct {
		first any
		want  int
	}{
		{nil, diplograph.DefaultPageSize},
		{int64(5), 5},
		{5, 5},
		{json.Number("7"), 7},
		{float64(3), 3},
		{int64(0), 1},
		{int64(-3), diplograph.DefaultPageSize}, // rejected anyway; costs the default
		{int64(1 << 40), diplograph.MaxPageSize},
		{json.Number("1e99"), diplograph.MaxPageSize},
		{"ten", diplograph.MaxPageSize},
	}
	for _, tt := range tests {
		if got := pageCost(tt.first); got != tt.want {
			t.Errorf("pageCost(%#v) = %d, want %d", tt.first, got, tt.want)
		}
	}
}

func TestParseCommentID(t *testing.T) {
	tests := []struct {
		id      string
		article string
		index   int
		ok      bool
	}{
		{"a-1/comments/0", "a-1", 0, true},
		{"a-1/comments/12", "a-1", 12, true},
		{"https://x.org/comments/a/comments/3", "https://x.org/comments/a", 3, true},
		{"/comments/1", "", 0, false},
		{"a-1/comments/", "", 0, false},
		{"a-1/comments/-1", "", 0, false},
		{"a-1/comments/x", "", 0, false},
		{"Q17", "", 0, false},
	}
	for _, tt := range tests {
		article, index, ok := parseCommentID(tt.id)
		if article != tt.article || index != tt.index || ok != tt.ok {
			t.Errorf("parseCommentID(%q) = %q, %d, %v; want %q, %d, %v", tt.id, article, index, ok, tt.article, tt.index, tt.ok)
		}
	}
}

func TestMulCostSaturates(t *testing.T) {
	tests := []struct{ child, n, want int }{
		{0, 20, 1},
		{3, 20, 61},
		{math.MaxInt, 100, math.MaxInt},
		{math.MaxInt / 50, 100, math.MaxInt},
	}
	for _, tt := range tests {
		if got := mulCost(tt.child, tt.n); got != tt.want {
			t.Errorf("mulCost(%d, %d) = %d, want %d", tt.child, tt.n, got, tt.want)
		}
	}
}
