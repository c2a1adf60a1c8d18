// Package kb is Diplograph's knowledge base: the countries, places,
// territories, organizations, treaties, people and topics the extractor
// knows by name before it reads a word, kept as JSON data files in data/
// and embedded in the binary.
//
// Adding an entry needs no code change: append a record to the right file
// and run the package tests, which validate every record (Validate). Each
// record says where its facts come from (Source).
//
// The package owns the data and its validation; it does not match text
// (package extract does).
package kb

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
	"golang.org/x/text/unicode/norm"
)

//go:embed data/*.json data/given-names.txt
var dataFS embed.FS

// givenNamesFile lists first names, white-space separated, "#" comments.
const givenNamesFile = "given-names.txt"

// Record is one entity the knowledge base knows.
type Record struct {
	// ID is the Wikidata QID where one is known, else a slug of the form
	// "<type>:<name-in-kebab-case>" (see Slug).
	ID   string                `json:"id"`
	Type diplograph.EntityType `json:"type"`
	// Kind refines Type (CITY, SEA, STRAIT, REGION for places; IGO,
	// LEGISLATURE, MINISTRY, AGENCY, PARTY for organizations).
	Kind string `json:"kind,omitempty"`
	Name string `json:"name"`
	// Aliases are other names that denote the entity in any context
	// ("U.S.", "United States of America", "APEC").
	Aliases []string `json:"aliases,omitempty"`
	// Demonyms are adjectives and nationality words ("Japanese").
	Demonyms []string `json:"demonyms,omitempty"`
	// Metonyms stand for the entity when used as an actor ("Beijing said"),
	// while the same word after a locative preposition names the place
	// itself ("a summit in Beijing").
	Metonyms []string `json:"metonyms,omitempty"`
	// Codes are external identifiers: iso2, iso3, cameo.
	Codes map[string]string `json:"codes,omitempty"`
	// Capital is the id of the country's capital (a PLACE record).
	Capital string `json:"capital,omitempty"`
	// In is the id of the entity this one lies in (LOCATED_IN).
	In string `json:"in,omitempty"`
	// LocalNames are the names particular parties use for a territory
	// ("Diaoyu" by China).
	LocalNames []LocalName `json:"localNames,omitempty"`
	// AdministeredBy and ClaimedBy hold country ids for a territory.
	AdministeredBy []string `json:"administeredBy,omitempty"`
	ClaimedBy      []string `json:"claimedBy,omitempty"`
	// Parties are the parties to a treaty or the members of an
	// organization, as entity ids.
	Parties []string `json:"parties,omitempty"`
	// Descriptors are common-noun phrases that refer to a treaty or an
	// organization when all its parties are named in the same article
	// ("security treaty", "alliance treaty").
	Descriptors []string `json:"descriptors,omitempty"`
	// Provisions are a treaty's notable articles.
	Provisions []Provision `json:"provisions,omitempty"`
	// Offices are the offices a person held or holds.
	Offices []Office `json:"offices,omitempty"`
	// Source says where the record's facts come from.
	Source string `json:"source"`
}

// LocalName is one party's name for a territory.
type LocalName struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	By      []string `json:"by"` // ids of the countries that use this name
}

// Provision is one article of a treaty.
type Provision struct {
	Number  string `json:"number"`
	Summary string `json:"summary"`
}

// Office is a term in an office. Dates are ISO; an empty Until means the
// term was current when the record was written.
type Office struct {
	Title string `json:"title"` // "Prime Minister", "President", "Foreign Minister"
	Of    string `json:"of"`    // id of the country or organization
	Since string `json:"since"`
	Until string `json:"until,omitempty"`
	Term  string `json:"term,omitempty"` // "second", "second nonconsecutive", ...
}

// HeldOn reports whether the term covers the ISO date day; an empty day
// matches a current term.
func (o Office) HeldOn(day string) bool {
	if day == "" {
		return o.Until == ""
	}
	return o.Since <= day && (o.Until == "" || day < o.Until)
}

// KB is a validated, indexed knowledge base. It is read-only after Load
// and safe for concurrent use.
type KB struct {
	records []Record
	byID    map[string]int
	given   map[string]bool
}

// Load reads and validates the embedded data files.
func Load() (*KB, error) {
	return LoadFS(dataFS, "data")
}

// LoadWith reads the embedded data files and adds extra records, such as
// a test suite's actor dictionary, then validates the whole. An extra
// record may not reuse an id the data files hold.
func LoadWith(extra ...Record) (*KB, error) {
	k, err := Load()
	if err != nil {
		return nil, err
	}
	for i := range extra {
		if _, dup := k.byID[extra[i].ID]; dup {
			return nil, fmt.Errorf("kb: extra record: duplicate id %q", extra[i].ID)
		}
		k.byID[extra[i].ID] = len(k.records)
		k.records = append(k.records, extra[i])
	}
	if err := k.Validate(); err != nil {
		return nil, err
	}
	return k, nil
}

// LoadFS reads and validates every *.json file in dir of fsys; each file
// holds a JSON array of records.
func LoadFS(fsys fs.FS, dir string) (*KB, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("kb: list data files: %w", err)
	}
	sort.Strings(names)
	k := &KB{byID: map[string]int{}}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("kb: %w", err)
		}
		var recs []Record
		dec := json.NewDecoder(strings.NewReader(string(b)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&recs); err != nil {
			return nil, fmt.Errorf("kb: %s: %w", name, err)
		}
		for i := range recs {
			if _, dup := k.byID[recs[i].ID]; dup {
				return nil, fmt.Errorf("kb: %s: duplicate id %q", name, recs[i].ID)
			}
			k.byID[recs[i].ID] = len(k.records)
			k.records = append(k.records, recs[i])
		}
	}
	given, err := readGivenNames(fsys, path.Join(dir, givenNamesFile))
	if err != nil {
		return nil, err
	}
	k.given = given
	if err := k.Validate(); err != nil {
		return nil, err
	}
	return k, nil
}

// readGivenNames reads the list of first names; a data directory without
// one has no given names.
func readGivenNames(fsys fs.FS, name string) (map[string]bool, error) {
	b, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]bool{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("kb: %w", err)
	}
	out := map[string]bool{}
	for line := range strings.Lines(string(b)) {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for _, w := range strings.Fields(line) {
			out[w] = true
		}
	}
	return out, nil
}

// GivenName reports whether w, as written, is a first name in the
// knowledge base's list ("Karel", "Moustapha"). The list leaves out names
// that news text mostly uses as ordinary words ("Will", "Hope").
func (k *KB) GivenName(w string) bool { return k.given[w] }

// Records returns every record, in file order. Callers must not modify them.
func (k *KB) Records() []Record { return k.records }

// Get returns the record with the given id.
func (k *KB) Get(id string) (*Record, bool) {
	i, ok := k.byID[id]
	if !ok {
		return nil, false
	}
	return &k.records[i], true
}

var (
	qidRE  = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	slugRE = regexp.MustCompile(`^[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9-]+)?$`)
	dateRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// Validate checks every record: ids well formed and unique, types known,
// names present, references resolving to records of the right type, dates
// well formed, a source given. It returns all problems joined.
func (k *KB) Validate() error {
	var errs []error
	bad := func(r *Record, format string, args ...any) {
		errs = append(errs, fmt.Errorf("kb: record %q: %s", r.ID, fmt.Sprintf(format, args...)))
	}
	ref := func(r *Record, field, id string, types ...diplograph.EntityType) {
		t, ok := k.Get(id)
		switch {
		case !ok:
			bad(r, "%s refers to unknown id %q", field, id)
		case len(types) > 0 && !slices.Contains(types, t.Type):
			bad(r, "%s refers to %q, a %s, want one of %v", field, id, t.Type, types)
		}
	}
	for i := range k.records {
		r := &k.records[i]
		if !qidRE.MatchString(r.ID) && !slugRE.MatchString(r.ID) {
			bad(r, "id is neither a QID nor a type:slug")
		}
		if !r.Type.Valid() {
			bad(r, "unknown type %q", r.Type)
		}
		if strings.TrimSpace(r.Name) == "" {
			bad(r, "no name")
		}
		if strings.TrimSpace(r.Source) == "" {
			bad(r, "no source")
		}
		for _, a := range r.Names() {
			if strings.TrimSpace(a) != a || a == "" {
				bad(r, "name %q has surrounding space or is empty", a)
			}
		}
		if r.Capital != "" {
			ref(r, "capital", r.Capital, diplograph.Place)
		}
		if r.In != "" {
			ref(r, "in", r.In)
		}
		for _, id := range r.AdministeredBy {
			ref(r, "administeredBy", id, diplograph.Country)
		}
		for _, id := range r.ClaimedBy {
			ref(r, "claimedBy", id, diplograph.Country)
		}
		for _, ln := range r.LocalNames {
			for _, id := range ln.By {
				ref(r, "localNames.by", id, diplograph.Country, diplograph.Organization)
			}
		}
		for _, id := range r.Parties {
			ref(r, "parties", id, diplograph.Country, diplograph.Organization)
		}
		for _, o := range r.Offices {
			ref(r, "offices.of", o.Of, diplograph.Country, diplograph.Organization, diplograph.Territory)
			if !dateRE.MatchString(o.Since) || (o.Until != "" && !dateRE.MatchString(o.Until)) {
				bad(r, "office %q has a malformed date", o.Title)
			}
			if o.Title == "" {
				bad(r, "office without title")
			}
		}
		if len(r.Provisions) > 0 && r.Type != diplograph.Treaty {
			bad(r, "provisions on a %s", r.Type)
		}
	}
	return errors.Join(errs...)
}

// Names returns the record's canonical name, aliases and local names:
// every form that denotes it wherever it appears.
func (r *Record) Names() []string {
	out := append([]string{r.Name}, r.Aliases...)
	for _, ln := range r.LocalNames {
		out = append(out, ln.Name)
		out = append(out, ln.Aliases...)
	}
	return out
}

// Slug returns the deterministic id of an entity the knowledge base does
// not know: its type in lower case, a colon, and its name in kebab case
// with only ASCII letters and digits ("person:jane-doe").
func Slug(t diplograph.EntityType, name string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(string(t)))
	b.WriteByte(':')
	dash := false
	n := 0
	for _, c := range strings.ToLower(foldASCII(name)) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && n > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			n++
			dash = false
		} else {
			dash = true
		}
	}
	if n == 0 {
		b.WriteString("x")
	}
	return b.String()
}

// foldASCII strips diacritics (by decomposing and dropping combining
// marks) and replaces what is still not ASCII by a space, so that slugs stay
// ASCII ("Erdoğan" → "Erdogan").
func foldASCII(s string) string {
	var b strings.Builder
	for _, c := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, c):
		case c < utf8.RuneSelf:
			b.WriteRune(c)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}
