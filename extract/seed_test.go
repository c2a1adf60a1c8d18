package extract_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/kb"
	"github.com/diplograph/diplograph/loaders"
)

// seedPublished is the date the founding article was published.
const seedPublished = "2025-02-04"

// readOne reads the single article of a file through the loaders, as the
// CLI does.
func readOne(t testing.TB, path, published string) *diplograph.Article {
	t.Helper()
	var arts []diplograph.Article
	for rec := range loaders.Read(context.Background(), path, loaders.Options{Published: published}) {
		if rec.Err != nil {
			t.Fatal(rec.Err)
		}
		arts = append(arts, rec.Article)
	}
	if len(arts) != 1 {
		t.Fatalf("%s holds %d articles, want 1", path, len(arts))
	}
	return &arts[0]
}

func newExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	return extract.New(k)
}

// TestSeed checks every fact the founding issue asks of the seed article,
// and that nothing else is dressed up as an entity.
func TestSeed(t *testing.T) {
	a := readOne(t, "../samples/ishiba-trump-summit.txt", seedPublished)
	x, err := newExtractor(t).Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]diplograph.Entity{}
	byID := map[string]diplograph.Entity{}
	for _, e := range x.Entities {
		byName[e.Name] = e
		byID[e.ID] = e
		if len(e.Evidence) == 0 {
			t.Errorf("entity %s has no evidence", e.Name)
		}
	}
	id := func(name string) string {
		e, ok := byName[name]
		if !ok {
			t.Fatalf("no entity %q", name)
		}
		return e.ID
	}

	t.Run("entities", func(t *testing.T) {
		want := []struct {
			name    string
			typ     diplograph.EntityType
			aliases []string
		}{
			{"Shigeru Ishiba", diplograph.Person, []string{"Ishiba"}},
			{"Donald Trump", diplograph.Person, []string{"Trump"}},
			{"Japan", diplograph.Country, []string{"Tokyo"}},
			{"United States", diplograph.Country, []string{"U.S."}},
			{"China", diplograph.Country, []string{"Beijing"}},
			{"Taiwan", diplograph.Country, nil},
			{"South Korea", diplograph.Country, nil},
			{"Washington", diplograph.Place, nil},
			{"Taiwan Strait", diplograph.Place, nil},
			{"East China Sea", diplograph.Place, nil},
			{"Indo-Pacific", diplograph.Place, nil},
			{"Senkaku Islands", diplograph.Territory, []string{"Diaoyu"}},
			{"Asia-Pacific Economic Cooperation", diplograph.Organization, []string{"APEC"}},
			{"Japan-U.S. Security Treaty", diplograph.Treaty, nil},
			{"Article 5 of the Japan-U.S. Security Treaty", diplograph.Treaty, []string{"Article 5"}},
		}
		for _, w := range want {
			e, ok := byName[w.name]
			if !ok {
				t.Errorf("missing %s %q", w.typ, w.name)
				continue
			}
			if e.Type != w.typ {
				t.Errorf("%s is a %s, want %s", w.name, e.Type, w.typ)
			}
			for _, a := range w.aliases {
				if !slices.Contains(e.Aliases, a) {
					t.Errorf("%s lacks alias %q (has %v)", w.name, a, e.Aliases)
				}
			}
		}
		if byName["Washington"].Kind != "CITY" {
			t.Errorf("Washington is not the city: %+v", byName["Washington"])
		}
		// Nothing else dressed up as an entity.
		countries := 0
		for _, e := range x.Entities {
			for _, bad := range []string{"Monday", "Thursday", "Friday", "Prime Minister", "President", "It", "If", "On",
				"Communist", "Karamba", "Matzomaster", "Rotfront", "Eugene Alta", "BuggaBoom", "Katchuka", "KittyKat",
				"Noir Black", "Loubianka", "Tokyo", "Beijing"} {
				if e.Name == bad || strings.HasPrefix(e.Name, bad+" ") && e.Type == diplograph.Person {
					t.Errorf("junk entity %s %q", e.Type, e.Name)
				}
			}
			if e.Type == diplograph.Country {
				countries++
			}
			if e.Type == diplograph.Person && e.Name != "Shigeru Ishiba" && e.Name != "Donald Trump" {
				t.Errorf("unexpected person %q", e.Name)
			}
		}
		if countries != 5 {
			t.Errorf("%d countries, want 5", countries)
		}
	})

	t.Run("relations", func(t *testing.T) {
		type rel struct {
			typ      diplograph.RelationType
			subj, ob string
		}
		have := map[rel]diplograph.Relation{}
		for _, r := range x.Relations {
			have[rel{r.Type, r.Subject, r.Object}] = r
			if len(r.Evidence) == 0 {
				t.Errorf("relation %s has no evidence", r.ID)
			}
		}
		treaty := id("Japan-U.S. Security Treaty")
		for _, w := range []rel{
			{diplograph.Administers, id("Japan"), id("Senkaku Islands")},
			{diplograph.Claims, id("China"), id("Senkaku Islands")},
			{diplograph.Claims, id("China"), id("Taiwan")},
			{diplograph.AlliedWith, id("Japan"), id("United States")},
			{diplograph.PartyTo, id("Japan"), treaty},
			{diplograph.PartyTo, id("United States"), treaty},
			{diplograph.HoldsOffice, id("Shigeru Ishiba"), id("Japan")},
			{diplograph.HoldsOffice, id("Donald Trump"), id("United States")},
		} {
			if _, ok := have[w]; !ok {
				t.Errorf("missing %s(%s, %s)", w.typ, w.subj, w.ob)
			}
		}
		for _, bad := range []rel{
			{diplograph.Claims, id("China"), id("Japan")},
			{diplograph.Administers, id("China"), id("Senkaku Islands")},
		} {
			if _, ok := have[bad]; ok {
				t.Errorf("wrong relation %s(%s, %s)", bad.typ, bad.subj, bad.ob)
			}
		}
		ishiba := have[rel{diplograph.HoldsOffice, id("Shigeru Ishiba"), id("Japan")}]
		if ishiba.Properties["office"] != "Prime Minister" || !strings.HasPrefix(ishiba.Properties["since"], "2024-10") {
			t.Errorf("Ishiba's office: %v", ishiba.Properties)
		}
		trump := have[rel{diplograph.HoldsOffice, id("Donald Trump"), id("United States")}]
		if trump.Properties["office"] != "President" || !strings.HasPrefix(trump.Properties["since"], "2025-01") ||
			!strings.Contains(trump.Properties["term"], "second") {
			t.Errorf("Trump's office: %v", trump.Properties)
		}
		claim := have[rel{diplograph.Claims, id("China"), id("Senkaku Islands")}]
		if claim.Properties["name"] != "Diaoyu" {
			t.Errorf("China's name for the Senkakus: %v", claim.Properties)
		}
		found := false
		for _, ev := range claim.Evidence {
			if strings.Contains(ev.Sentence, "claimed by China") {
				found = true
			}
		}
		if !found {
			t.Errorf("CLAIMS lacks the evidence sentence: %+v", claim.Evidence)
		}
	})

	t.Run("events", func(t *testing.T) {
		type ev struct {
			typ        diplograph.EventType
			status     diplograph.EventStatus
			start, end string
			precision  diplograph.Precision
			location   string
			roles      map[string]diplograph.Role // entity name → role
		}
		ishiba, trump := "Shigeru Ishiba", "Donald Trump"
		want := []ev{
			{diplograph.Summit, diplograph.Planned, "2025-02-07", "2025-02-07", diplograph.Day, "Washington",
				map[string]diplograph.Role{ishiba: diplograph.RoleParticipant, trump: diplograph.RoleParticipant}},
			{diplograph.Visit, diplograph.Planned, "2025-02-06", "2025-02-08", diplograph.Day, "United States",
				map[string]diplograph.Role{ishiba: diplograph.RoleGuest, "United States": diplograph.RoleHost}},
			{diplograph.Visit, diplograph.Proposed, "2025-07-01", "2025-12-31", diplograph.HalfYear, "Japan",
				map[string]diplograph.Role{trump: diplograph.RoleGuest, "Japan": diplograph.RoleHost, ishiba: diplograph.RoleInitiator}},
			// Asked at the summit later this week, for a visit this year.
			{diplograph.Invitation, diplograph.Planned, "2025-02-03", "2025-02-09", diplograph.Week, "",
				map[string]diplograph.Role{ishiba: diplograph.RoleInitiator, trump: diplograph.RoleTarget}},
			{diplograph.JointStatement, diplograph.Expected, "2025-02-07", "2025-02-07", diplograph.Day, "",
				map[string]diplograph.Role{ishiba: diplograph.RoleParticipant, trump: diplograph.RoleParticipant}},
			{diplograph.Summit, diplograph.Planned, "2025-09-01", "2025-11-30", diplograph.Season, "South Korea",
				map[string]diplograph.Role{"Asia-Pacific Economic Cooperation": diplograph.RoleParticipant}},
			{diplograph.Statement, diplograph.Occurred, "2025-02-03", "2025-02-03", diplograph.Day, "",
				map[string]diplograph.Role{ishiba: diplograph.RoleInitiator}},
		}
		for _, w := range want {
			var match *diplograph.Event
			for i := range x.Events {
				e := &x.Events[i]
				if e.Type != w.typ || e.Start != w.start {
					continue
				}
				match = e
			}
			if match == nil {
				t.Errorf("missing %s starting %s", w.typ, w.start)
				continue
			}
			if match.Status != w.status || match.End != w.end || match.Precision != w.precision {
				t.Errorf("%s %s: got %s %s..%s %s, want %s ..%s %s", w.typ, w.start, match.Status, match.Start, match.End,
					match.Precision, w.status, w.end, w.precision)
			}
			if w.location != "" && match.Location != id(w.location) {
				t.Errorf("%s %s: location %q, want %s", w.typ, w.start, match.Location, w.location)
			}
			for name, role := range w.roles {
				if !slices.Contains(match.Participants, diplograph.Participant{Entity: id(name), Role: role}) {
					t.Errorf("%s %s: %s is not %s in %+v", w.typ, w.start, name, role, match.Participants)
				}
			}
			if len(match.Evidence) == 0 {
				t.Errorf("%s %s: no evidence", w.typ, w.start)
			}
		}
		// The joint statement is about Article 5 and the Senkakus.
		for _, e := range x.Events {
			if e.Type == diplograph.JointStatement {
				if !slices.Contains(e.Concerns, id("Senkaku Islands")) || !slices.Contains(e.Concerns, id("Article 5 of the Japan-U.S. Security Treaty")) {
					t.Errorf("joint statement concerns %v", e.Concerns)
				}
			}
			if e.Status == diplograph.Occurred && e.Type != diplograph.Statement && e.Type != diplograph.TookOffice {
				t.Errorf("%s %q is stored as having happened", e.Type, e.Summary)
			}
		}
		// One summit between the leaders, however many sentences name it.
		n := 0
		for _, e := range x.Events {
			if (e.Type == diplograph.Summit || e.Type == diplograph.Meeting) && len(e.Participants) == 2 {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d Ishiba-Trump meetings, want 1", n)
		}
	})

	t.Run("comments", func(t *testing.T) {
		wantAuthors := []string{"Karamba", "Matzomaster", "Rotfront", "Matzomaster", "Rotfront", "Eugene Alta",
			"BuggaBoom", "Katchuka", "KittyKat", "Noir Black", "Loubianka"}
		wantStances := "SSOOSSOSOSS"
		if len(x.Comments) != len(wantAuthors) {
			t.Fatalf("%d comments, want %d", len(x.Comments), len(wantAuthors))
		}
		for i, c := range x.Comments {
			st := "N"
			switch c.Stance {
			case diplograph.StanceSupport:
				st = "S"
			case diplograph.StanceOppose:
				st = "O"
			}
			if c.Author != wantAuthors[i] || st != wantStances[i:i+1] || c.Index != i {
				t.Errorf("comment %d: %s %s, want %s %s", i, c.Author, c.Stance, wantAuthors[i], wantStances[i:i+1])
			}
			if len(c.Targets) == 0 {
				t.Errorf("comment %d has no target", i)
			}
		}
	})
}
