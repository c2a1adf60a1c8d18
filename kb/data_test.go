package kb

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
)

// These tests check that the embedded data holds what the extractor relies
// on, beyond the structural checks of Validate.

func mustLoad(t *testing.T) *KB {
	t.Helper()
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func ofType(k *KB, typ diplograph.EntityType) []*Record {
	var out []*Record
	for i := range k.records {
		if k.records[i].Type == typ {
			out = append(out, &k.records[i])
		}
	}
	return out
}

// noISOCode lists the de facto states that ISO 3166-1 does not code.
var noISOCode = map[string]bool{
	"Q23681":             true, // Northern Cyprus
	"Q23334":             true, // Abkhazia
	"Q23427":             true, // South Ossetia
	"Q907112":            true, // Transnistria
	"country:somaliland": true,
	"country:sahrawi-arab-democratic-republic": true,
}

var (
	iso2RE = regexp.MustCompile(`^[A-Z]{2}$`)
	iso3RE = regexp.MustCompile(`^[A-Z]{3}$`)
)

func TestCountries(t *testing.T) {
	k := mustLoad(t)
	kinds := map[string]int{}
	iso2, iso3 := map[string]string{}, map[string]string{}
	for _, c := range ofType(k, diplograph.Country) {
		kinds[c.Kind]++
		if c.Kind == "FORMER_STATE" {
			// Dissolved states (Soviet Union) serve historical text: no
			// codes, no capital, no metonyms (Moscow names Russia).
			if c.Capital != "" || len(c.Metonyms) > 0 {
				t.Errorf("%s (%s): a former state has no capital or metonyms", c.ID, c.Name)
			}
			continue
		}
		if c.Kind == "" && c.Codes["cameo"] == "" {
			t.Errorf("%s (%s): UN member without a CAMEO code", c.ID, c.Name)
		}
		if !noISOCode[c.ID] {
			if !iso2RE.MatchString(c.Codes["iso2"]) || !iso3RE.MatchString(c.Codes["iso3"]) {
				t.Errorf("%s (%s): iso2 %q / iso3 %q malformed or missing", c.ID, c.Name, c.Codes["iso2"], c.Codes["iso3"])
			}
			if other, dup := iso2[c.Codes["iso2"]]; dup {
				t.Errorf("iso2 %s shared by %s and %s", c.Codes["iso2"], other, c.ID)
			}
			if other, dup := iso3[c.Codes["iso3"]]; dup {
				t.Errorf("iso3 %s shared by %s and %s", c.Codes["iso3"], other, c.ID)
			}
			iso2[c.Codes["iso2"]], iso3[c.Codes["iso3"]] = c.ID, c.ID
		}
		capital, ok := k.Get(c.Capital)
		switch {
		case c.Capital == "" || !ok:
			t.Errorf("%s (%s): no capital record", c.ID, c.Name)
		case capital.Type != diplograph.Place || capital.Kind != "CITY":
			t.Errorf("%s (%s): capital %s is a %s/%s, want PLACE/CITY", c.ID, c.Name, capital.ID, capital.Type, capital.Kind)
		case capital.In != c.ID:
			t.Errorf("%s (%s): capital %s lies in %q, want the country", c.ID, c.Name, capital.ID, capital.In)
		}
	}
	want := map[string]int{"": 193, "OBSERVER_STATE": 2, "DE_FACTO_STATE": 8, "FORMER_STATE": 4}
	for kind, n := range want {
		if kinds[kind] != n {
			t.Errorf("%d countries of kind %q, want %d", kinds[kind], kind, n)
		}
	}
	if len(kinds) != len(want) {
		t.Errorf("country kinds %v, want only %v", kinds, want)
	}
}

func TestTerritoriesHaveParties(t *testing.T) {
	k := mustLoad(t)
	terr := ofType(k, diplograph.Territory)
	if len(terr) < 40 {
		t.Errorf("only %d territories", len(terr))
	}
	for _, r := range terr {
		if len(r.AdministeredBy)+len(r.ClaimedBy) == 0 {
			t.Errorf("%s (%s): neither administered nor claimed by anyone", r.ID, r.Name)
		}
		for _, ln := range r.LocalNames {
			if len(ln.By) == 0 {
				t.Errorf("%s: local name %q used by no one", r.ID, ln.Name)
			}
		}
	}
}

// TestTerritoryFacts pins the disputes the extractor is most often asked
// about: who administers and who claims.
func TestTerritoryFacts(t *testing.T) {
	k := mustLoad(t)
	tests := []struct {
		id             string
		administeredBy []string
		claimedBy      []string
	}{
		{"territory:senkaku-islands", []string{"Q17"}, []string{"Q148", "Q865"}},
		{"territory:southern-kuril-islands", []string{"Q159"}, []string{"Q17"}},
		{"territory:liancourt-rocks", []string{"Q884"}, []string{"Q17"}},
		{"territory:scarborough-shoal", []string{"Q148"}, []string{"Q928"}},
		{"territory:second-thomas-shoal", []string{"Q928"}, []string{"Q148"}},
		{"territory:crimea", []string{"Q159"}, []string{"Q212"}},
		{"Q9648", []string{"Q145"}, []string{"Q414"}},
		{"territory:arunachal-pradesh", []string{"Q668"}, []string{"Q148"}},
		{"Q6250", []string{"Q1028"}, []string{"country:sahrawi-arab-democratic-republic"}},
	}
	for _, tt := range tests {
		r, ok := k.Get(tt.id)
		if !ok {
			t.Errorf("missing %s", tt.id)
			continue
		}
		for _, id := range tt.administeredBy {
			if !slices.Contains(r.AdministeredBy, id) {
				t.Errorf("%s: administeredBy %v lacks %s", tt.id, r.AdministeredBy, id)
			}
		}
		for _, id := range tt.claimedBy {
			if !slices.Contains(r.ClaimedBy, id) {
				t.Errorf("%s: claimedBy %v lacks %s", tt.id, r.ClaimedBy, id)
			}
		}
	}
}

type form struct {
	id   string
	role string // "name", "metonym" or "demonym"
}

// surfaceForms maps every surface form to the records and roles that use it.
func surfaceForms(k *KB) map[string][]form {
	out := map[string][]form{}
	add := func(s string, f form) {
		if !slices.Contains(out[s], f) {
			out[s] = append(out[s], f)
		}
	}
	for i := range k.records {
		r := &k.records[i]
		for _, n := range r.Names() {
			add(n, form{r.ID, "name"})
		}
		for _, n := range r.Metonyms {
			add(n, form{r.ID, "metonym"})
		}
		for _, n := range r.Demonyms {
			add(n, form{r.ID, "demonym"})
		}
	}
	return out
}

// sharedOnPurpose lists the surface forms that denote more than one record
// on purpose, beyond a capital's name doubling as its country's metonym.
var sharedOnPurpose = map[string][]string{
	"Brussels":  {"Q239", "Q458"},                                // the city, and the EU as an actor
	"East Sea":  {"place:sea-of-japan", "place:south-china-sea"}, // Korea's and Vietnam's names
	"Singapore": {"Q334", "place:singapore"},                     // city-state
	"Monaco":    {"Q235", "place:monaco"},                        // city-state
}

// within reports whether record id lies, through its In chain, in target.
func within(k *KB, id, target string) bool {
	for range 10 {
		r, ok := k.Get(id)
		if !ok || r.In == "" {
			return false
		}
		if r.In == target {
			return true
		}
		id = r.In
	}
	return false
}

func TestSurfaceFormsAreUnambiguous(t *testing.T) {
	k := mustLoad(t)
	for s, fs := range surfaceForms(k) {
		ids := map[string]bool{}
		for _, f := range fs {
			ids[f.id] = true
		}
		if len(ids) < 2 {
			continue
		}
		var got []string
		for id := range ids {
			got = append(got, id)
		}
		sort.Strings(got)
		if want, ok := sharedOnPurpose[s]; ok {
			want = slices.Clone(want)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("%q denotes %v, want exactly %v", s, got, want)
			}
			continue
		}
		// A city's name may be the metonym of the country it lies in
		// ("Tokyo"): nothing else may be shared.
		if len(fs) == 2 {
			name, met := fs[0], fs[1]
			if name.role != "name" {
				name, met = met, name
			}
			if name.role == "name" && met.role == "metonym" && within(k, name.id, met.id) {
				continue
			}
		}
		t.Errorf("%q is shared by %v; make it unique or add it to sharedOnPurpose", s, fs)
	}
}

// commonWords are capitalized words whose ordinary sense is frequent in
// news text. A knowledge-base form equal to one of them would tag every
// occurrence, so only the records listed here may use one, as their name.
var commonWords = map[string]string{
	"Chad": "Q657", "Jordan": "Q810", "Georgia": "Q230", "Turkey": "Q43", "Guinea": "Q1006",
	"Sofia": "Q472", "Moon": "person:moon-jae-in", "Abe": "person:shinzo-abe", "Darwin": "place:darwin",
	"May": "", "Will": "", "Can": "", "Must": "", "Bill": "", "Mark": "", "Grace": "", "Hope": "", "Faith": "",
	"Joy": "", "Rose": "", "Victoria": "", "Florence": "", "Lincoln": "", "Male": "", "Nice": "", "Reading": "",
	"Bath": "", "Split": "", "Mobile": "", "Us": "", "It": "", "Lee": "", "Kim": "", "Park": "", "Li": "",
	"Wang": "", "Wong": "", "Khan": "", "Sharif": "", "Johnson": "", "Harris": "", "Duterte": "", "Salman": "",
	"Costa": "", "Michel": "", "Francis": "", "Cleverly": "", "Peters": "", "Payne": "", "Conte": "",
	"Monday": "", "Tuesday": "", "Wednesday": "", "Thursday": "", "Friday": "", "Saturday": "", "Sunday": "",
	"January": "", "February": "", "March": "", "April": "", "June": "", "July": "", "August": "",
	"September": "", "October": "", "November": "", "December": "",
	"General": "", "President": "", "Minister": "", "Prime Minister": "", "State": "", "Union": "",
	"Republic": "", "Security": "", "Council": "", "Party": "", "Court": "", "Congress": "", "Senate": "",
	"Assembly": "", "Commission": "", "Parliament": "", "Government": "", "Kingdom": "", "Gulf": "", "Sea": "",
	"Strait": "", "Island": "", "Islands": "", "Coast": "", "Guard": "", "Army": "", "Navy": "", "Ministry": "",
	"Summit": "", "Treaty": "", "Agreement": "", "Alliance": "", "Accord": "", "Deal": "", "Talks": "",
	"West": "", "East": "", "North": "", "South": "", "Western": "", "Eastern": "", "Northern": "",
	"Southern": "", "Central": "", "Middle": "", "Korea": "", "Congo": "", "Korean": "",
}

// commonLower are lower-case words that a lower-case form (which matches
// text case-insensitively) must never be.
var commonLower = []string{
	"may", "will", "can", "us", "it", "new", "state", "states", "union", "general", "president", "minister",
	"party", "council", "court", "security", "republic", "said", "the", "and", "deal", "talks", "meeting",
	"summit", "agreement", "treaty", "alliance", "government", "country", "nation", "war", "peace",
	"cooperation", "relations", "issue", "crude", "aid", "gas", "space", "water", "climate", "power", "china",
}

func TestNoCommonWords(t *testing.T) {
	k := mustLoad(t)
	for s, fs := range surfaceForms(k) {
		if owner, common := commonWords[s]; common {
			for _, f := range fs {
				if f.id != owner || f.role != "name" {
					t.Errorf("%q (%s of %s) is a common word; allowed only as the name of %q", s, f.role, f.id, owner)
				}
			}
		}
		if strings.ToLower(s) == s && slices.Contains(commonLower, s) {
			t.Errorf("lower-case form %q of %v matches a common word everywhere", s, fs)
		}
	}
	for i := range k.records {
		r := &k.records[i]
		for _, d := range r.Descriptors {
			if slices.Contains(commonLower, strings.ToLower(d)) {
				t.Errorf("%s: descriptor %q is a bare common word", r.ID, d)
			}
		}
	}
}

// TestSurfaceForms pins the forms the extractor and its tests rely on.
func TestSurfaceForms(t *testing.T) {
	k := mustLoad(t)
	forms := surfaceForms(k)
	tests := []struct {
		surface string
		want    form
	}{
		{"Japan", form{"Q17", "name"}},
		{"Tokyo", form{"Q17", "metonym"}},
		{"Tokyo", form{"Q1490", "name"}},
		{"Japanese", form{"Q17", "demonym"}},
		{"U.S.", form{"Q30", "name"}},
		{"Washington", form{"Q30", "metonym"}},
		{"White House", form{"Q30", "metonym"}},
		{"Beijing", form{"Q148", "metonym"}},
		{"Kremlin", form{"Q159", "metonym"}},
		{"Russian Federation", form{"Q159", "name"}},
		{"UK", form{"Q145", "name"}},
		{"Britain", form{"Q145", "name"}},
		{"British", form{"Q145", "demonym"}},
		{"DPRK", form{"Q423", "name"}},
		{"Republic of Korea", form{"Q884", "name"}},
		{"Türkiye", form{"Q43", "name"}},
		{"Filipino", form{"Q928", "demonym"}},
		{"Philippine", form{"Q928", "demonym"}},
		{"Kyiv", form{"Q212", "metonym"}},
		{"Brussels", form{"Q458", "metonym"}},
		{"Diaoyu", form{"territory:senkaku-islands", "name"}},
		{"Takeshima", form{"territory:liancourt-rocks", "name"}},
		{"Ayungin Shoal", form{"territory:second-thomas-shoal", "name"}},
		{"Malvinas", form{"Q9648", "name"}},
		{"Northern Territories", form{"territory:southern-kuril-islands", "name"}},
		{"Taiwan Strait", form{"place:taiwan-strait", "name"}},
		{"West Philippine Sea", form{"place:south-china-sea", "name"}},
		{"APEC", form{"organization:apec", "name"}},
		{"NATO", form{"Q7184", "name"}},
		{"Quad", form{"organization:quadrilateral-security-dialogue", "name"}},
		{"Xi", form{"Q15031", "name"}},
		{"Erdogan", form{"Q39259", "name"}},
		{"Erdoğan", form{"Q39259", "name"}},
		{"Lula", form{"Q37181", "name"}},
		{"Ishiba", form{"person:shigeru-ishiba", "name"}},
		{"Trump", form{"Q22686", "name"}},
		{"semiconductors", form{"topic:semiconductors", "name"}},
		{"AI", form{"topic:artificial-intelligence", "name"}},
		{"LNG", form{"topic:liquefied-natural-gas", "name"}},
	}
	for _, tt := range tests {
		if !slices.Contains(forms[tt.surface], tt.want) {
			t.Errorf("%q: got %v, want it to include %v", tt.surface, forms[tt.surface], tt.want)
		}
	}
}

func TestDescriptorsNeedParties(t *testing.T) {
	k := mustLoad(t)
	for i := range k.records {
		r := &k.records[i]
		if len(r.Descriptors) > 0 && len(r.Parties) == 0 {
			t.Errorf("%s: descriptors %v can never resolve without parties", r.ID, r.Descriptors)
		}
	}
}

func TestTreatyProvisions(t *testing.T) {
	k := mustLoad(t)
	digits := regexp.MustCompile(`^[0-9]+$`)
	for _, r := range ofType(k, diplograph.Treaty) {
		seen := map[string]bool{}
		for _, p := range r.Provisions {
			// The extractor turns "Article IV" into article-4: numbers
			// are Arabic.
			if !digits.MatchString(p.Number) {
				t.Errorf("%s: provision number %q is not Arabic digits", r.ID, p.Number)
			}
			if seen[p.Number] {
				t.Errorf("%s: provision %s twice", r.ID, p.Number)
			}
			seen[p.Number] = true
			if strings.TrimSpace(p.Summary) == "" {
				t.Errorf("%s: provision %s has no summary", r.ID, p.Number)
			}
		}
	}
	tests := []struct{ treaty, article string }{
		{"treaty:japan-us-security-treaty", "5"},
		{"treaty:north-atlantic-treaty", "5"},
		{"treaty:north-atlantic-treaty", "4"},
		{"treaty:philippines-u-s-mutual-defense-treaty", "4"},
		{"treaty:charter-of-the-united-nations", "51"},
		{"treaty:treaty-of-lisbon", "50"},
	}
	for _, tt := range tests {
		r, ok := k.Get(tt.treaty)
		if !ok {
			t.Errorf("missing %s", tt.treaty)
			continue
		}
		if !slices.ContainsFunc(r.Provisions, func(p Provision) bool { return p.Number == tt.article }) {
			t.Errorf("%s: no Article %s", tt.treaty, tt.article)
		}
	}
}

func TestMembership(t *testing.T) {
	k := mustLoad(t)
	tests := []struct {
		id      string
		n       int
		members []string
	}{
		{"organization:group-of-seven", 7, []string{"Q17", "Q30", "Q145"}},
		{"organization:quadrilateral-security-dialogue", 4, []string{"Q17", "Q30", "Q668", "Q408"}},
		{"organization:aukus", 3, []string{"Q408", "Q145", "Q30"}},
		{"Q7184", 32, []string{"Q33", "Q34", "Q43"}},
		{"Q458", 27, []string{"Q183", "Q142"}},
		{"Q7768", 11, []string{"Q928", "Q881", "Q574"}},
		{"organization:brics", 10, []string{"Q155", "Q159", "Q668", "Q148", "Q258"}},
		{"organization:shanghai-cooperation-organization", 10, []string{"Q148", "Q159", "Q668", "Q843"}},
	}
	for _, tt := range tests {
		r, ok := k.Get(tt.id)
		if !ok {
			t.Errorf("missing %s", tt.id)
			continue
		}
		if len(r.Parties) != tt.n {
			t.Errorf("%s: %d members, want %d", tt.id, len(r.Parties), tt.n)
		}
		for _, m := range tt.members {
			if !slices.Contains(r.Parties, m) {
				t.Errorf("%s: members lack %s", tt.id, m)
			}
		}
		if len(slices.Compact(slices.Sorted(slices.Values(r.Parties)))) != len(r.Parties) {
			t.Errorf("%s: duplicate members", tt.id)
		}
	}
}

func TestOffices(t *testing.T) {
	k := mustLoad(t)
	type seat struct{ title, of string }
	type term struct {
		person       string
		since, until string
	}
	holders := map[seat][]term{}
	for _, p := range ofType(k, diplograph.Person) {
		// A person whose office dates are not certain is kept without
		// offices; its source must then say what the person does.
		if len(p.Offices) == 0 && !strings.ContainsAny(p.Source, " ") {
			t.Errorf("%s: person without offices needs a source describing the role", p.ID)
		}
		for _, o := range p.Offices {
			if o.Until != "" && o.Until <= o.Since {
				t.Errorf("%s: %s term ends %s before it starts %s", p.ID, o.Title, o.Until, o.Since)
			}
			holders[seat{o.Title, o.Of}] = append(holders[seat{o.Title, o.Of}], term{p.ID, o.Since, o.Until})
		}
	}
	// One holder at a time (terms are [since, until)).
	for s, ts := range holders {
		for i := range ts {
			for j := i + 1; j < len(ts); j++ {
				a, b := ts[i], ts[j]
				aEnd, bEnd := a.until, b.until
				if aEnd == "" {
					aEnd = "9999-12-31"
				}
				if bEnd == "" {
					bEnd = "9999-12-31"
				}
				if a.since < bEnd && b.since < aEnd {
					t.Errorf("%s of %s: terms of %s (%s–%s) and %s (%s–%s) overlap", s.title, s.of, a.person, a.since, a.until, b.person, b.since, b.until)
				}
			}
		}
	}
	tests := []struct {
		title, of, day, want string
	}{
		{"President", "Q30", "", "Q22686"},
		{"President", "Q30", "2022-06-01", "Q6279"},
		{"Prime Minister", "Q17", "2025-02-04", "person:shigeru-ishiba"},
		{"Prime Minister", "Q17", "2023-05-19", "person:fumio-kishida"},
		{"Prime Minister", "Q17", "", "person:sanae-takaichi"},
		{"President", "Q148", "", "Q15031"},
		{"Foreign Minister", "Q148", "2023-03-01", "person:qin-gang"},
		{"Foreign Minister", "Q148", "", "person:wang-yi"},
		{"Prime Minister", "Q145", "2022-10-01", "person:liz-truss"},
		{"Chancellor", "Q183", "2023-01-01", "Q61053"},
		{"Secretary General", "Q7184", "", "person:mark-rutte"},
		{"Secretary-General", "Q1065", "", "Q311440"},
	}
	for _, tt := range tests {
		var got []string
		for _, tm := range holders[seat{tt.title, tt.of}] {
			if (Office{Since: tm.since, Until: tm.until}).HeldOn(tt.day) {
				got = append(got, tm.person)
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s of %s on %q: got %v, want %s", tt.title, tt.of, tt.day, got, tt.want)
		}
	}
}

// TestSlugIDs: a record without a QID has the id Slug gives its name, so the
// extractor, which slugs names it finds outside the knowledge base, cannot
// mint a second id for a known entity.
func TestSlugIDs(t *testing.T) {
	k := mustLoad(t)
	historic := map[string]bool{"organization:apec": true, "treaty:japan-us-security-treaty": true}
	for i := range k.records {
		r := &k.records[i]
		if qidRE.MatchString(r.ID) || historic[r.ID] {
			continue
		}
		if want := Slug(r.Type, r.Name); r.ID != want {
			t.Errorf("id %q, want %q (Slug of its type and name)", r.ID, want)
		}
	}
}

func TestContainment(t *testing.T) {
	k := mustLoad(t)
	for i := range k.records {
		r := &k.records[i]
		if r.In == "" {
			continue
		}
		c, _ := k.Get(r.In)
		switch c.Type {
		case diplograph.Place, diplograph.Country, diplograph.Territory:
		default:
			t.Errorf("%s lies in %s, a %s", r.ID, c.ID, c.Type)
		}
		if within(k, r.ID, r.ID) {
			t.Errorf("%s lies in itself", r.ID)
		}
	}
}

func TestDemonymsCapitalized(t *testing.T) {
	k := mustLoad(t)
	for _, c := range ofType(k, diplograph.Country) {
		for _, d := range c.Demonyms {
			if r := []rune(d); !unicode.IsUpper(r[0]) {
				t.Errorf("%s: demonym %q is not capitalized", c.ID, d)
			}
		}
	}
}

// sharedSurnames are the common words of commonWords that are surnames of
// several public figures.
var sharedSurnames = map[string]bool{"Lee": true, "Kim": true, "Park": true, "Li": true, "Wang": true,
	"Wong": true, "Khan": true, "Sharif": true, "Johnson": true, "Harris": true, "Salman": true, "Costa": true,
	"Michel": true, "Francis": true, "Peters": true, "Conte": true}

// TestGivenNames checks the first-name list: names are capitalized words,
// none is a common word, a month or a knowledge-base name (which would make
// "Jordan Smith" start with a country), and everyday first names are there.
func TestGivenNames(t *testing.T) {
	k := mustLoad(t)
	if len(k.given) < 1000 {
		t.Errorf("only %d given names", len(k.given))
	}
	forms := surfaceForms(k)
	for w := range k.given {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			t.Errorf("given name %q is not capitalized", w)
		}
		// Surnames shared by several people (Michel, Salman) are fine as
		// first names; other common words are not.
		if owner, common := commonWords[w]; common && (owner != "" || !sharedSurnames[w]) {
			t.Errorf("given name %q is a common word", w)
		}
		for _, f := range forms[w] {
			if r, _ := k.Get(f.id); r.Type != diplograph.Person {
				t.Errorf("given name %q is also the %s of %s", w, f.role, f.id)
			}
		}
	}
	for _, w := range []string{"John", "Marie", "Jose", "Mohamed", "Karel", "Vladimir", "Ahmed"} {
		if !k.GivenName(w) {
			t.Errorf("%q is not a given name", w)
		}
	}
	for _, w := range []string{"Will", "May", "Said", "Al", "Abu", "San", "Islam", "Sultan"} {
		if k.GivenName(w) {
			t.Errorf("%q is a given name; news uses it as another word", w)
		}
	}
}

// TestRegionsAndCities pins a few records of the classes the knowledge
// base keeps whole: first-level divisions and major cities.
func TestRegionsAndCities(t *testing.T) {
	k := mustLoad(t)
	tests := []struct {
		id, kind, in string
	}{
		{"place:california", "REGION", "Q30"}, {"place:quebec", "REGION", "Q16"}, {"place:kerala", "REGION", "Q668"},
		{"place:guangdong", "REGION", "Q148"}, {"place:bavaria", "REGION", "Q183"}, {"place:lombardy", "REGION", "Q38"},
		{"place:catalonia", "REGION", "Q29"}, {"place:venice", "CITY", "Q38"}, {"place:dallas", "CITY", "Q30"},
		{"place:chongqing", "CITY", "Q148"}, {"place:lagos", "CITY", "Q1033"},
	}
	for _, tt := range tests {
		r, ok := k.Get(tt.id)
		if !ok {
			t.Errorf("no record %s", tt.id)
			continue
		}
		if r.Kind != tt.kind || r.In != tt.in {
			t.Errorf("%s: kind %s in %s, want %s in %s", tt.id, r.Kind, r.In, tt.kind, tt.in)
		}
	}
}
