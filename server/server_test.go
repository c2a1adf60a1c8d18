package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/server"
	"github.com/diplograph/diplograph/store/sqlite"
)

// newStore opens an embedded store in a temporary directory and saves the
// seed into it.
func newStore(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir()+"/test.db")
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	for _, x := range []*diplograph.Extraction{summitExtraction(), patrolExtraction()} {
		if _, err := st.Save(ctx, x); err != nil {
			t.Fatalf("save %s: %v", x.Article.ID, err)
		}
	}
	return st
}

// syncBuffer is a log sink that the server's goroutines may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// api is a running server under test.
type api struct {
	url  string
	logs *syncBuffer
}

func newAPI(t *testing.T, st server.Store, opts server.Options) *api {
	t.Helper()
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := httptest.NewServer(server.New(st, logger, opts))
	t.Cleanup(srv.Close)
	return &api{url: srv.URL, logs: logs}
}

// gqlError is one error of a GraphQL response.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string {
	c, _ := e.Extensions["code"].(string)
	return c
}

// response is a GraphQL response with its HTTP status and raw body.
type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
	status int
	body   string
}

// post sends a GraphQL request as JSON.
func (a *api) post(t *testing.T, body map[string]any) response {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(a.url+"/graphql", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	return readResponse(t, resp)
}

func (a *api) query(t *testing.T, query string, vars map[string]any) response {
	t.Helper()
	return a.post(t, map[string]any{"query": query, "variables": vars})
}

// mustQuery runs query and decodes its data into out, failing on any error.
func (a *api) mustQuery(t *testing.T, query string, vars map[string]any, out any) {
	t.Helper()
	r := a.query(t, query, vars)
	if r.status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("query failed: status %d, body %s", r.status, r.body)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("decode data: %v\n%s", err, r.Data)
	}
}

func readResponse(t *testing.T, resp *http.Response) response {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := response{status: resp.StatusCode, body: string(b)}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("decode response %q: %v", b, err)
	}
	return r
}

func TestSearchFindsTerritoryByAlias(t *testing.T) {
	a := newAPI(t, newStore(t), server.Options{})
	const q = `query($q: String!) {
	  search(query: $q, first: 5) {
	    totalCount
	    edges { node {
	      __typename id name aliases type
	      ... on Territory {
	        claimants { id name }
	        administrators { id name }
	        relations(direction: INCOMING, types: [CLAIMS, ADMINISTERS]) {
	          totalCount
	          edges { node {
	            id type
	            subject { __typename id name }
	            properties { key value }
	            corroboration
	            evidence { articleId sentence start end article { title text } }
	          } }
	        }
	      }
	    } }
	  }
	}`
	type entity struct{ ID, Name, Typename string }
	var data struct {
		Search struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Typename       string `json:"__typename"`
					ID, Name, Type string
					Aliases        []string
					Claimants      []entity
					Administrators []entity
					Relations      struct {
						TotalCount int
						Edges      []struct {
							Node struct {
								ID, Type string
								Subject  struct {
									Typename string `json:"__typename"`
									ID, Name string
								}
								Properties    []struct{ Key, Value string }
								Corroboration int
								Evidence      []struct {
									ArticleID  string `json:"articleId"`
									Sentence   string
									Start, End int
									Article    struct{ Title, Text string }
								}
							}
						}
					}
				}
			}
		}
	}
	a.mustQuery(t, q, map[string]any{"q": "Diaoyu"}, &data)

	if data.Search.TotalCount != 1 || len(data.Search.Edges) != 1 {
		t.Fatalf("search Diaoyu: got %d results, want 1: %+v", data.Search.TotalCount, data.Search)
	}
	n := data.Search.Edges[0].Node
	if n.Typename != "Territory" || n.ID != senkaku || n.Type != "TERRITORY" || n.Name != "Senkaku Islands" {
		t.Errorf("search Diaoyu found %s %s %q (%s), want the Territory %s", n.Typename, n.ID, n.Name, n.Type, senkaku)
	}
	if len(n.Claimants) != 1 || n.Claimants[0].ID != china {
		t.Errorf("claimants = %+v, want China", n.Claimants)
	}
	if len(n.Administrators) != 1 || n.Administrators[0].ID != japan {
		t.Errorf("administrators = %+v, want Japan", n.Administrators)
	}
	if n.Relations.TotalCount != 2 {
		t.Fatalf("relations totalCount = %d, want 2", n.Relations.TotalCount)
	}
	got := map[string]string{} // relation type → subject id
	for _, e := range n.Relations.Edges {
		rel := e.Node
		got[rel.Type] = rel.Subject.ID
		if rel.Subject.Typename != "Country" {
			t.Errorf("%s subject is a %s, want a Country", rel.ID, rel.Subject.Typename)
		}
		if rel.Corroboration != 1 {
			t.Errorf("%s corroboration = %d, want 1", rel.ID, rel.Corroboration)
		}
		if len(rel.Evidence) != 1 {
			t.Fatalf("%s has %d pieces of evidence, want 1", rel.ID, len(rel.Evidence))
		}
		ev := rel.Evidence[0]
		if ev.ArticleID != summitArticle || ev.Article.Title != "Ishiba to meet Trump" {
			t.Errorf("%s evidence is from %q (%q), want %s", rel.ID, ev.ArticleID, ev.Article.Title, summitArticle)
		}
		if ev.Start < 0 || ev.End > len(ev.Article.Text) || ev.Start >= ev.End || ev.Article.Text[ev.Start:ev.End] != ev.Sentence {
			t.Errorf("%s evidence offsets [%d,%d) do not point at %q in the article text", rel.ID, ev.Start, ev.End, ev.Sentence)
		}
		if rel.Type == "CLAIMS" {
			if ev.Sentence != "China claims the Senkaku Islands, which it calls the Diaoyu." {
				t.Errorf("CLAIMS evidence = %q", ev.Sentence)
			}
			if len(rel.Properties) != 1 || rel.Properties[0].Key != "name" || rel.Properties[0].Value != "Diaoyu" {
				t.Errorf("CLAIMS properties = %+v, want name=Diaoyu", rel.Properties)
			}
		}
	}
	if got["CLAIMS"] != china || got["ADMINISTERS"] != japan {
		t.Errorf("relations = %v, want CLAIMS by %s and ADMINISTERS by %s", got, china, japan)
	}
}

// eventPage is what the event list tests read of an EventConnection.
type eventPage struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
	Edges []struct {
		Cursor string
		Node   struct {
			ID, Type, Status string
			Start            *string
		}
	}
}

func TestEventsFilter(t *testing.T) {
	a := newAPI(t, newStore(t), server.Options{})
	const q = `query($f: EventFilter) { events(filter: $f, first: 100) { totalCount edges { node { id type status start } } } }`
	tests := []struct {
		name   string
		filter map[string]any
		want   int
		first  string // id of the first event, when want > 0
	}{
		{"no filter", nil, patrols + 1, "event:patrol-01"},
		{"by type", map[string]any{"types": []string{"MILITARY_ACTIVITY"}}, patrols, "event:patrol-01"},
		{"upcoming summits", map[string]any{"types": []string{"SUMMIT"}, "statuses": []string{"PLANNED", "EXPECTED"}}, 1, evSummit},
		{"by status, none", map[string]any{"statuses": []string{"CANCELLED"}}, 0, ""},
		{"by participant", map[string]any{"participants": []string{ishiba}}, 1, evSummit},
		{"by every participant", map[string]any{"participants": []string{china, japan}}, patrols, "event:patrol-01"},
		{"by participants, none together", map[string]any{"participants": []string{ishiba, china}}, 0, ""},
		{"by location", map[string]any{"location": washington}, 1, evSummit},
		{"by date range", map[string]any{"from": "2025-02-10", "to": "2025-02-12"}, 3, "event:patrol-10"},
		{"from only", map[string]any{"from": "2025-02-24"}, 2, "event:patrol-24"},
		{"by article", map[string]any{"article": summitArticle}, 1, evSummit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data struct{ Events eventPage }
			a.mustQuery(t, q, map[string]any{"f": tt.filter}, &data)
			if data.Events.TotalCount != tt.want || len(data.Events.Edges) != tt.want {
				t.Fatalf("got totalCount %d and %d edges, want %d", data.Events.TotalCount, len(data.Events.Edges), tt.want)
			}
			if tt.want > 0 && data.Events.Edges[0].Node.ID != tt.first {
				t.Errorf("first event = %s, want %s", data.Events.Edges[0].Node.ID, tt.first)
			}
		})
	}
}

func TestEventsPagination(t *testing.T) {
	a := newAPI(t, newStore(t), server.Options{})
	const q = `query($after: String) {
	  events(filter: {types: [MILITARY_ACTIVITY]}, first: 10, after: $after) {
	    totalCount
	    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
	    edges { cursor node { id start } }
	  }
	}`
	var (
		seen  []string
		after any
		sizes []int
	)
	for page := 0; ; page++ {
		if page > 5 {
			t.Fatal("pagination does not end")
		}
		var data struct{ Events eventPage }
		a.mustQuery(t, q, map[string]any{"after": after}, &data)
		ev := data.Events
		if ev.TotalCount != patrols {
			t.Errorf("page %d: totalCount = %d, want %d", page, ev.TotalCount, patrols)
		}
		if ev.PageInfo.HasPreviousPage != (page > 0) {
			t.Errorf("page %d: hasPreviousPage = %v", page, ev.PageInfo.HasPreviousPage)
		}
		n := len(ev.Edges)
		sizes = append(sizes, n)
		if n > 0 && (ev.PageInfo.EndCursor == nil || *ev.PageInfo.EndCursor != ev.Edges[n-1].Cursor ||
			ev.PageInfo.StartCursor == nil || *ev.PageInfo.StartCursor != ev.Edges[0].Cursor) {
			t.Errorf("page %d: start/end cursors do not match the edges", page)
		}
		for _, e := range ev.Edges {
			seen = append(seen, e.Node.ID)
		}
		if !ev.PageInfo.HasNextPage {
			break
		}
		after = *ev.PageInfo.EndCursor
	}
	if want := []int{10, 10, 5}; !equal(sizes, want) {
		t.Errorf("page sizes = %v, want %v", sizes, want)
	}
	for i, id := range seen {
		if want := fmt.Sprintf("event:patrol-%02d", i+1); id != want {
			t.Fatalf("event %d = %s, want %s (in date order, each once)", i, id, want)
		}
	}

	t.Run("count only", func(t *testing.T) {
		var data struct{ Events eventPage }
		a.mustQuery(t, `{ events(filter: {types: [MILITARY_ACTIVITY]}, first: 0) { totalCount pageInfo { hasNextPage endCursor } edges { cursor } } }`, nil, &data)
		if data.Events.TotalCount != patrols || len(data.Events.Edges) != 0 || !data.Events.PageInfo.HasNextPage || data.Events.PageInfo.EndCursor != nil {
			t.Errorf("first: 0 gave %+v, want only totalCount %d and a next page", data.Events, patrols)
		}
	})
	t.Run("page size capped", func(t *testing.T) {
		var data struct{ Events eventPage }
		a.mustQuery(t, `{ events(first: 1000) { totalCount edges { cursor } } }`, nil, &data)
		if len(data.Events.Edges) != patrols+1 {
			t.Errorf("first: 1000 gave %d edges, want all %d", len(data.Events.Edges), patrols+1)
		}
	})
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func TestNode(t *testing.T) {
	a := newAPI(t, newStore(t), server.Options{})
	const q = `query($id: ID!) {
	  node(id: $id) {
	    __typename id
	    ... on Entity { name }
	    ... on Event { eventType: type status }
	    ... on Relation { relationType: type }
	    ... on Article { title }
	    ... on Comment { author stance article { id } targets { __typename id } }
	  }
	}`
	tests := []struct {
		id, typename, detail string
	}{
		{china, "Country", "China"},
		{senkaku, "Territory", "Senkaku Islands"},
		{ishiba, "Person", "Shigeru Ishiba"},
		{washington, "Place", "Washington"},
		{evSummit, "Event", "SUMMIT PLANNED"},
		{relClaims, "Relation", "CLAIMS"},
		{summitArticle, "Article", "Ishiba to meet Trump"},
		{summitArticle + "/comments/0", "Comment", "kenji SUPPORT " + summitArticle + " Person:" + ishiba + " Event:" + evSummit},
		{summitArticle + "/comments/1", "Comment", "lin OPPOSE " + summitArticle + " Territory:" + senkaku},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			var data struct {
				Node struct {
					Typename       string `json:"__typename"`
					ID, Name       string
					EventType      string
					RelationType   string
					Status, Title  string
					Author, Stance string
					Article        struct{ ID string }
					Targets        []struct {
						Typename string `json:"__typename"`
						ID       string
					}
				}
			}
			a.mustQuery(t, q, map[string]any{"id": tt.id}, &data)
			n := data.Node
			var detail string
			switch n.Typename {
			case "Event":
				detail = n.EventType + " " + n.Status
			case "Relation":
				detail = n.RelationType
			case "Article":
				detail = n.Title
			case "Comment":
				detail = n.Author + " " + n.Stance + " " + n.Article.ID
				for _, tg := range n.Targets {
					detail += " " + tg.Typename + ":" + tg.ID
				}
			default:
				detail = n.Name
			}
			if n.Typename != tt.typename || n.ID != tt.id || detail != tt.detail {
				t.Errorf("node(%q) = %s %s %q, want %s %q", tt.id, n.Typename, n.ID, detail, tt.typename, tt.detail)
			}
		})
	}

	for _, id := range []string{"Q0", "event:none", "rel:none", summitArticle + "/comments/9", "nowhere/comments/0"} {
		t.Run("unknown "+id, func(t *testing.T) {
			r := a.query(t, q, map[string]any{"id": id})
			if string(r.Data) != `{"node":null}` || len(r.Errors) != 1 || r.Errors[0].code() != "NOT_FOUND" {
				t.Errorf("node(%q) = %s, want null and one NOT_FOUND error", id, r.body)
			}
		})
	}
}

func TestArticleWithFacts(t *testing.T) {
	a := newAPI(t, newStore(t), server.Options{})
	const q = `query($id: ID!) {
	  article(id: $id) {
	    id title url source published
	    entities(first: 100) { totalCount }
	    relations { totalCount }
	    events {
	      totalCount
	      edges { node {
	        type status negated start end precision raw timex summary quote plover ploverMode corroboration
	        location { name }
	        participants { role entity { id } }
	        concerns { id }
	        evidence { sentence }
	        articles { id }
	      } }
	    }
	    comments { id index author text stance }
	  }
	}`
	var data struct {
		Article struct {
			ID, Title, URL, Source, Published string
			Entities, Relations               struct{ TotalCount int }
			Events                            struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Type, Status               string
						Negated                    bool
						Start, End, Precision, Raw string
						Timex, Summary, Plover     string
						Quote                      *string
						PloverMode                 string
						Corroboration              int
						Location                   struct{ Name string }
						Participants               []struct {
							Role   string
							Entity struct{ ID string }
						}
						Concerns []struct{ ID string }
						Evidence []struct{ Sentence string }
						Articles []struct{ ID string }
					}
				}
			}
			Comments []struct {
				ID                   string
				Index                int
				Author, Text, Stance string
			}
		}
	}
	a.mustQuery(t, q, map[string]any{"id": summitArticle}, &data)
	art := data.Article
	if art.ID != summitArticle || art.Published != "2025-02-04" || art.URL != "https://example.org/summit" || art.Source != "seed" {
		t.Errorf("article = %+v", art)
	}
	if art.Entities.TotalCount != 7 || art.Relations.TotalCount != 2 || art.Events.TotalCount != 1 {
		t.Errorf("article has %d entities, %d relations, %d events; want 7, 2, 1",
			art.Entities.TotalCount, art.Relations.TotalCount, art.Events.TotalCount)
	}
	if len(art.Events.Edges) != 1 {
		t.Fatalf("got %d events", len(art.Events.Edges))
	}
	ev := art.Events.Edges[0].Node
	if ev.Type != "SUMMIT" || ev.Status != "PLANNED" || ev.Negated || ev.Start != "2025-02-07" || ev.End != "2025-02-07" ||
		ev.Precision != "DAY" || ev.Raw != "on Friday" || ev.Timex != "2025-02-07" || ev.Plover != "CONSULT" || ev.PloverMode != "visit" ||
		ev.Quote != nil || ev.Corroboration != 1 || ev.Location.Name != "Washington" {
		t.Errorf("summit = %+v", ev)
	}
	roles := map[string]string{}
	for _, p := range ev.Participants {
		roles[p.Entity.ID] = p.Role
	}
	if len(ev.Participants) != 2 || roles[ishiba] != "GUEST" || roles[trump] != "HOST" {
		t.Errorf("participants = %+v, want %s GUEST and %s HOST", ev.Participants, ishiba, trump)
	}
	if len(ev.Concerns) != 1 || ev.Concerns[0].ID != senkaku {
		t.Errorf("concerns = %+v", ev.Concerns)
	}
	if len(ev.Evidence) != 1 || !strings.Contains(ev.Evidence[0].Sentence, "will meet") {
		t.Errorf("evidence = %+v", ev.Evidence)
	}
	if len(ev.Articles) != 1 || ev.Articles[0].ID != summitArticle {
		t.Errorf("articles = %+v", ev.Articles)
	}
	if len(art.Comments) != 2 || art.Comments[0].ID != summitArticle+"/comments/0" || art.Comments[0].Stance != "SUPPORT" ||
		art.Comments[1].Index != 1 || art.Comments[1].Author != "lin" || art.Comments[1].Stance != "OPPOSE" {
		t.Errorf("comments = %+v", art.Comments)
	}
}

func TestEntityFields(t *testing.T) {
	a := newAPI(t, newStore(t), server.Options{})
	const q = `{
	  entity(id: "Q17") {
	    __typename id name kind properties { key value } corroboration firstSeen lastSeen
	    evidence { articleId }
	    relations(direction: OUTGOING) { totalCount edges { node { type object { id } } } }
	    events(filter: {from: "2025-02-20"}) { totalCount }
	  }
	}`
	var data struct {
		Entity struct {
			Typename            string `json:"__typename"`
			ID, Name            string
			Kind                *string
			Properties          []struct{ Key, Value string }
			Corroboration       int
			FirstSeen, LastSeen string
			Evidence            []struct {
				ArticleID string `json:"articleId"`
			}
			Relations struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						Type   string
						Object struct{ ID string }
					}
				}
			}
			Events struct{ TotalCount int }
		}
	}
	a.mustQuery(t, q, nil, &data)
	e := data.Entity
	if e.Typename != "Country" || e.Name != "Japan" || e.Kind != nil {
		t.Errorf("entity = %s %q kind %v", e.Typename, e.Name, e.Kind)
	}
	if len(e.Properties) != 1 || e.Properties[0] != (struct{ Key, Value string }{"iso", "JPN"}) {
		t.Errorf("properties = %+v", e.Properties)
	}
	if e.Corroboration != 2 || e.FirstSeen != "2025-02-04" || e.LastSeen != "2025-03-01" {
		t.Errorf("provenance = %d %s..%s, want 2 2025-02-04..2025-03-01", e.Corroboration, e.FirstSeen, e.LastSeen)
	}
	if len(e.Evidence) != 1+patrols {
		t.Errorf("%d pieces of evidence, want %d", len(e.Evidence), 1+patrols)
	}
	if e.Relations.TotalCount != 1 || e.Relations.Edges[0].Node.Type != "ADMINISTERS" || e.Relations.Edges[0].Node.Object.ID != senkaku {
		t.Errorf("outgoing relations = %+v", e.Relations)
	}
	if e.Events.TotalCount != 6 { // patrols of Feb 20-25
		t.Errorf("events from 2025-02-20 = %d, want 6", e.Events.TotalCount)
	}
}

// nested returns a query that nests event connections depth times, whose
// cost overflows an int unless it is counted with care.
func nested(depth int) string {
	q := "id"
	for range depth {
		q = "events(first: 100) { edges { node { participants { entity { " + q + " } } } } }"
	}
	return "{ " + q + " }"
}

// failingStore fails, or panics, where a broken backend would.
type failingStore struct {
	server.Store
	err   error
	panic bool
}

func (f failingStore) Stats(ctx context.Context) (diplograph.Stats, error) {
	if f.panic {
		panic("store exploded at /var/secret/path")
	}
	return diplograph.Stats{}, f.err
}

func (f failingStore) Ping(ctx context.Context) error { return f.err }

func TestErrors(t *testing.T) {
	st := newStore(t)
	secret := errors.New("disk I/O error at /var/secret/path")
	tests := []struct {
		name     string
		store    server.Store
		query    string
		status   int
		code     string
		message  string // exact message, when it matters
		wantData string // the data member, when it matters
	}{
		{name: "internal error hidden", store: failingStore{Store: st, err: secret},
			query: `{ stats { articles } }`, status: http.StatusOK, code: "INTERNAL", message: "Internal error.", wantData: "null"},
		{name: "panic hidden", store: failingStore{Store: st, panic: true},
			query: `{ stats { articles } }`, status: http.StatusOK, code: "INTERNAL", message: "Internal error.", wantData: "null"},
		{name: "bad cursor", store: st,
			query: `{ events(after: "not-a-cursor") { totalCount } }`, status: http.StatusOK, code: "BAD_USER_INPUT"},
		{name: "negative first", store: st,
			query: `{ search(query: "Japan", first: -1) { totalCount } }`, status: http.StatusOK, code: "BAD_USER_INPUT"},
		{name: "bad date", store: st,
			query: `{ events(filter: {from: "2025-02-30"}) { totalCount } }`, status: http.StatusOK, code: "BAD_USER_INPUT"},
		{name: "unknown entity", store: st,
			query: `{ entity(id: "Q0") { name } }`, status: http.StatusOK, code: "NOT_FOUND", wantData: `{"entity":null}`},
		{name: "unknown field", store: st,
			query: `{ entity(id: "Q17") { secret } }`, status: http.StatusUnprocessableEntity, code: "GRAPHQL_VALIDATION_FAILED"},
		{name: "syntax error", store: st,
			query: `{ entity(id: `, status: http.StatusUnprocessableEntity, code: "GRAPHQL_PARSE_FAILED"},
		{name: "too complex", store: st,
			query: `{ search(query: "", first: 100) { edges { node {
			  relations(first: 100) { edges { node { evidence { sentence } } } } } } } }`,
			status: http.StatusOK, code: "COMPLEXITY_LIMIT_EXCEEDED", wantData: "null"},
		{name: "too complex to count", store: st, query: nested(12),
			status: http.StatusOK, code: "COMPLEXITY_LIMIT_EXCEEDED", wantData: "null"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAPI(t, tt.store, server.Options{})
			r := a.query(t, tt.query, nil)
			if r.status != tt.status {
				t.Errorf("status = %d, want %d", r.status, tt.status)
			}
			if len(r.Errors) != 1 {
				t.Fatalf("got %d errors, want 1: %s", len(r.Errors), r.body)
			}
			e := r.Errors[0]
			if e.code() != tt.code {
				t.Errorf("code = %q, want %q: %s", e.code(), tt.code, r.body)
			}
			if tt.message != "" && e.Message != tt.message {
				t.Errorf("message = %q, want %q", e.Message, tt.message)
			}
			if tt.wantData != "" && string(r.Data) != tt.wantData {
				t.Errorf("data = %s, want %s", r.Data, tt.wantData)
			}
			if strings.Contains(r.body, "/var/secret") || strings.Contains(r.body, "goroutine") {
				t.Errorf("response shows internals: %s", r.body)
			}
			if tt.code == "INTERNAL" && !strings.Contains(a.logs.String(), "/var/secret/path") {
				t.Errorf("internal error not logged; log:\n%s", a.logs.String())
			}
		})
	}
}

func TestComplexityLimitOption(t *testing.T) {
	a := newAPI(t, newStore(t), server.Options{ComplexityLimit: 50})
	// 1 + 20 × (edges, node, id) is more than 50; with first: 5 it is not.
	if r := a.query(t, `{ events { edges { node { id } } } }`, nil); len(r.Errors) != 1 || r.Errors[0].code() != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("default page under limit 50: %s", r.body)
	}
	if r := a.query(t, `{ events(first: 5) { edges { node { id } } } }`, nil); len(r.Errors) != 0 {
		t.Errorf("first: 5 under limit 50: %s", r.body)
	}
}

// countingStore counts the store calls that batch loading should save.
type countingStore struct {
	server.Store
	mu                                 sync.Mutex
	entitiesByID, evidence, articleGet int
}

func (c *countingStore) EntitiesByID(ctx context.Context, ids []string) ([]diplograph.Entity, error) {
	c.mu.Lock()
	c.entitiesByID++
	c.mu.Unlock()
	return c.Store.EntitiesByID(ctx, ids)
}

func (c *countingStore) Evidence(ctx context.Context, kind diplograph.FactKind, ids []string) (map[string][]diplograph.Evidence, error) {
	c.mu.Lock()
	c.evidence++
	c.mu.Unlock()
	return c.Store.Evidence(ctx, kind, ids)
}

func (c *countingStore) Article(ctx context.Context, id string) (diplograph.Article, error) {
	c.mu.Lock()
	c.articleGet++
	c.mu.Unlock()
	return c.Store.Article(ctx, id)
}

func TestBatchLoading(t *testing.T) {
	cs := &countingStore{Store: newStore(t)}
	a := newAPI(t, cs, server.Options{})
	var data struct {
		Events struct {
			Edges []struct {
				Node struct {
					Participants []struct{ Entity struct{ Name string } }
					Evidence     []struct{ Article struct{ Title string } }
				}
			}
		}
	}
	a.mustQuery(t, `{ events(filter: {types: [MILITARY_ACTIVITY]}, first: 20) { edges { node {
	  participants { entity { name } }
	  evidence { sentence article { title } }
	} } } }`, nil, &data)
	if len(data.Events.Edges) != 20 {
		t.Fatalf("got %d events, want 20", len(data.Events.Edges))
	}
	for _, e := range data.Events.Edges {
		if len(e.Node.Participants) != 2 || e.Node.Participants[0].Entity.Name != "China" ||
			len(e.Node.Evidence) != 1 || e.Node.Evidence[0].Article.Title != "A month of patrols" {
			t.Fatalf("event = %+v", e.Node)
		}
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	// Unbatched, this page makes 40 entity, 20 evidence and 20 article
	// calls. Batches are cut by time, so allow a few.
	if cs.entitiesByID > 3 || cs.evidence > 3 || cs.articleGet > 3 {
		t.Errorf("store calls: %d EntitiesByID, %d Evidence, %d Article; want a few batches of each",
			cs.entitiesByID, cs.evidence, cs.articleGet)
	}
}

// batchingStore is a countingStore that can also fetch many articles at
// once, as the Neo4j store can.
type batchingStore struct {
	*countingStore
	articlesByID int
}

func (b *batchingStore) ArticlesByID(ctx context.Context, ids []string) ([]diplograph.Article, error) {
	b.mu.Lock()
	b.articlesByID++
	b.mu.Unlock()
	out := make([]diplograph.Article, 0, len(ids))
	for _, id := range ids {
		a, err := b.countingStore.Store.Article(ctx, id)
		if err != nil {
			continue // unknown ids are left out, as the interface says
		}
		out = append(out, a)
	}
	return out, nil
}

func TestBatchLoadingArticles(t *testing.T) {
	bs := &batchingStore{countingStore: &countingStore{Store: newStore(t)}}
	a := newAPI(t, bs, server.Options{})
	var data struct {
		Events struct {
			Edges []struct {
				Node struct {
					Evidence []struct{ Article struct{ Title string } }
				}
			}
		}
	}
	a.mustQuery(t, `{ events(filter: {types: [MILITARY_ACTIVITY]}, first: 20) { edges { node { evidence { article { title } } } } } }`, nil, &data)
	if len(data.Events.Edges) != 20 || data.Events.Edges[0].Node.Evidence[0].Article.Title != "A month of patrols" {
		t.Fatalf("events = %+v", data.Events)
	}
	bs.mu.Lock()
	defer bs.mu.Unlock()
	if bs.articleGet != 0 || bs.articlesByID == 0 || bs.articlesByID > 3 {
		t.Errorf("%d single Article calls and %d ArticlesByID batches; want only a few batches", bs.articleGet, bs.articlesByID)
	}
}

func TestHealth(t *testing.T) {
	st := newStore(t)
	down := failingStore{Store: st, err: errors.New("database is locked at /var/secret/path")}
	tests := []struct {
		name   string
		store  server.Store
		path   string
		status int
		body   string
	}{
		{"live", st, "/healthz", http.StatusOK, `{"status":"ok"}`},
		{"ready", st, "/readyz", http.StatusOK, `{"status":"ok"}`},
		// Liveness does not depend on the store: a database that is down is
		// no reason to restart the API.
		{"live while the store is down", down, "/healthz", http.StatusOK, `{"status":"ok"}`},
		// The reason never shows an internal error's text.
		{"not ready", down, "/readyz", http.StatusServiceUnavailable, `{"reason":"the store does not answer","status":"unavailable"}`},
		{"not ready, with the store's own reason",
			failingStore{Store: st, err: fmt.Errorf("dial 10.0.0.7: %w", &diplograph.Error{Code: diplograph.EINTERNAL, Message: "neo4j does not answer"})},
			"/readyz", http.StatusServiceUnavailable, `{"reason":"neo4j does not answer","status":"unavailable"}`},
		{"not ready in time", failingStore{Store: st, err: context.DeadlineExceeded},
			"/readyz", http.StatusServiceUnavailable, `{"reason":"the store did not answer within 2s","status":"unavailable"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAPI(t, tt.store, server.Options{})
			resp, err := http.Get(a.url + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status || strings.TrimSpace(string(b)) != tt.body {
				t.Errorf("GET %s = %d %s, want %d %s", tt.path, resp.StatusCode, b, tt.status, tt.body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}

	// Readiness follows the store: ready again as soon as it answers.
	var flaky flakyStore
	flaky.Store = st
	a := newAPI(t, &flaky, server.Options{})
	for i, want := range []int{http.StatusOK, http.StatusServiceUnavailable, http.StatusOK} {
		flaky.set(i == 1)
		resp, err := http.Get(a.url + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("check %d: GET /readyz = %d, want %d", i, resp.StatusCode, want)
		}
	}
}

// flakyStore's Ping fails while it is set down.
type flakyStore struct {
	server.Store
	mu   sync.Mutex
	down bool
}

func (f *flakyStore) set(down bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down = down
}

func (f *flakyStore) Ping(ctx context.Context) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return errors.New("connection refused")
	}
	return nil
}

func TestRoutes(t *testing.T) {
	a := newAPI(t, newStore(t), server.Options{})

	t.Run("GraphiQL", func(t *testing.T) {
		resp, err := http.Get(a.url + "/")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK || !strings.Contains(strings.ToLower(string(b)), "graphiql") || !strings.Contains(string(b), "/graphql") {
			t.Errorf("GET / = %d, want the GraphiQL page for /graphql", resp.StatusCode)
		}
	})
	t.Run("unknown path", func(t *testing.T) {
		resp, err := http.Get(a.url + "/nowhere")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET /nowhere = %d, want 404", resp.StatusCode)
		}
	})
	t.Run("GET query", func(t *testing.T) {
		resp, err := http.Get(a.url + "/graphql?query=" + url.QueryEscape(`{ stats { articles events } }`))
		if err != nil {
			t.Fatal(err)
		}
		r := readResponse(t, resp)
		if r.status != http.StatusOK || string(r.Data) != `{"stats":{"articles":2,"events":26}}` {
			t.Errorf("GET /graphql = %d %s", r.status, r.body)
		}
	})
	t.Run("persisted query", func(t *testing.T) {
		const q = `{ stats { articles } }`
		ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": sha256Hex(q)}}
		if r := a.post(t, map[string]any{"extensions": ext}); len(r.Errors) != 1 || r.Errors[0].code() != "PERSISTED_QUERY_NOT_FOUND" {
			t.Fatalf("unknown hash: %s", r.body)
		}
		if r := a.post(t, map[string]any{"query": q, "extensions": ext}); len(r.Errors) != 0 {
			t.Fatalf("register: %s", r.body)
		}
		if r := a.post(t, map[string]any{"extensions": ext}); string(r.Data) != `{"stats":{"articles":2}}` {
			t.Errorf("by hash: %s", r.body)
		}
	})
}
