package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/token"
	"github.com/diplograph/diplograph/kb"
)

// This file recognizes names the knowledge base lacks by their shape and
// their cues: people by a first name, a byline, "born X" or an age in
// apposition; places by a place noun ("Wenchang city", "the province of
// X") or a locative preposition ("in Mantua"); organizations defined with
// their abbreviation ("Radical Democrats (FDP)") or named by a media cue
// ("the daily X"). A name found once is then recognized again in the
// article in its short forms: a person's surname, an organization's head
// word ("the Commission") or initials ("BA" for British Airways).

// personTitles are titles and roles, beyond the event lexicon's offices,
// that introduce a person's name. The value is the office's canonical
// title; roles that are no office map to "".
var personTitles = map[string]string{
	"secretary": "Secretary", "bishop": "Bishop", "archbishop": "Archbishop", "cardinal": "Cardinal",
	"pope": "Pope", "rabbi": "Rabbi", "imam": "Imam", "ayatollah": "Ayatollah", "chairman": "Chairman",
	"chairwoman": "Chairwoman", "chairperson": "Chairperson", "director": "Director", "adviser": "Adviser",
	"advisor": "Adviser", "activist": "", "colonel": "Colonel", "col.": "Colonel", "captain": "Captain",
	"lieutenant": "Lieutenant", "brigadier": "Brigadier", "marshal": "Marshal", "commissioner": "Commissioner",
	"prince": "Prince", "princess": "Princess", "sir": "", "judge": "Judge", "professor": "Professor",
	"prof.": "Professor", "rev.": "", "reverend": "", "mr": "", "mrs": "", "ms": "", "dr": "",
	"negotiator": "Negotiator", "president-elect": "President-elect", "vice-president": "Vice President",
	"deputy foreign minister": "Deputy Foreign Minister", "undersecretary": "Undersecretary",
	"under-secretary": "Undersecretary", "dissident": "", "opposition leader": "Opposition Leader",
	"counterpart": "",
}

// moreOrgHeads end an organization name like the event lexicon's orgHeads:
// company suffixes and party names in the plural.
var moreOrgHeads = map[string]string{
	"inc": "COMPANY", "ltd": "COMPANY", "co": "COMPANY", "democrats": "PARTY", "holdings": "COMPANY",
	"group": "COMPANY",
}

// orgHeadKind returns the kind an organization head word gives, if it is one.
func orgHeadKind(lower string) (string, bool) {
	if k, ok := orgHeads[lower]; ok {
		return k, true
	}
	k, ok := moreOrgHeads[lower]
	return k, ok
}

// placeNouns follow ("Wenchang city") or govern ("the city of Mantua") a
// place name, with the kind they give.
var placeNouns = map[string]string{
	"city": "CITY", "town": "CITY", "village": "CITY", "port": "CITY", "township": "CITY",
	"province": "REGION", "county": "REGION", "district": "REGION", "prefecture": "REGION",
	"region": "REGION", "island": "ISLAND", "airport": "SITE", "river": "RIVER",
}

// stateWords start the name of a state by shape: "Republic of Padania".
var stateWords = map[string]bool{"Republic": true, "Kingdom": true, "Principality": true, "Emirate": true,
	"Sultanate": true, "Federation": true}

// placePrepositions introduce a place: "in Mantua", "near Hebron".
var placePrepositions = map[string]bool{"in": true, "near": true, "outside": true}

// notPlaceWords are capitalized words that follow "in" without being a
// place: languages, faiths, abstractions news capitalizes.
var notPlaceWords = map[string]bool{"english": true, "arabic": true, "latin": true, "hebrew": true,
	"islam": true, "christianity": true, "judaism": true, "god": true, "heaven": true, "parliament": true,
	"power": true, "office": true, "history": true, "time": true, "person": true, "public": true,
	"private": true, "writing": true, "principle": true, "particular": true, "general": true, "fact": true,
	"addition": true, "turn": true, "may": true, "order": true, "response": true, "part": true, "return": true}

// placeFollowers are the words that may follow a place name found by a
// preposition: words that end its noun phrase.
var placeFollowers = map[string]bool{"and": true, "or": true, "on": true, "in": true, "to": true, "for": true,
	"with": true, "at": true, "where": true, "which": true, "who": true, "when": true, "as": true, "by": true,
	"from": true, "after": true, "before": true, "until": true, "since": true, "last": true, "this": true,
	"next": true, "over": true, "during": true, "is": true, "was": true, "were": true, "are": true, "has": true,
	"had": true, "have": true, "will": true, "would": true, "said": true, "says": true, "but": true,
	"earlier": true, "later": true, "yesterday": true, "today": true, "early": true, "late": true, "into": true}

// mediaBefore and mediaAfter are the nouns that name a news outlet next to
// its name: "the daily Mlada Fronta Dnes", "the Asahi newspaper".
var mediaBefore = map[string]bool{"daily": true, "newspaper": true, "weekly": true, "magazine": true,
	"tabloid": true, "broadcaster": true, "paper": true}

var mediaAfter = map[string]bool{"newspaper": true, "daily": true, "weekly": true, "magazine": true,
	"tabloid": true, "broadcaster": true}

// articleNames are the names found in an article, kept so that their short
// forms are recognized wherever they occur in it.
type articleNames struct {
	// people maps a full name and each of its word-final parts ("Ramos
	// Horta", "Horta") to the person.
	people map[string]string
	// short maps an organization's defined abbreviation, head word or
	// initials to the organization's mention; nil marks an ambiguous form.
	short map[string]*mention
	// heads are the short forms that are head words, recognized only after
	// "the" ("the Commission").
	heads map[string]bool
	// places maps a place name found by cue to its mention.
	places map[string]*mention
	// family maps a family name written first to the person, "" when
	// two people share it.
	family map[string]string
	// titles maps a person to the titles the article gave them with
	// their full name, lower-cased.
	titles map[string][]string
}

func newArticleNames() *articleNames {
	return &articleNames{people: map[string]string{}, short: map[string]*mention{}, heads: map[string]bool{},
		places: map[string]*mention{}, family: map[string]string{}, titles: map[string][]string{}}
}

// inKB reports whether the knowledge base has the entity.
func (d *doc) inKB(id string) bool {
	_, ok := d.x.kb.Get(id)
	return ok
}

// rememberPerson records a person named in full so that the article may
// call them by surname, by a longer surname ("Ramos Horta") or by the full
// name again.
func (n *articleNames) rememberPerson(toks []token.Token, m *mention, given func(string) bool) {
	if m.typ != diplograph.Person || m.id == "" || m.last-m.first < 2 {
		return
	}
	if m.title != "" {
		n.titles[m.id] = append(n.titles[m.id], strings.ToLower(m.title))
	}
	// A first word that is no given name is a family name written first
	// ("Lee Jae-myung", "Xi Jinping"): it names the person too, unless
	// another person of the article has it.
	if f := toks[m.first]; f.Cap && !given(f.Text) && !notNameWord[f.Lower] && toks[m.first+1].SpaceBefore {
		if old, ok := n.family[f.Text]; ok && old != m.id {
			n.family[f.Text] = ""
		} else {
			n.family[f.Text] = m.id
		}
	}
	if !toks[m.last-1].Cap {
		return
	}
	for j := m.first; j < m.last; j++ {
		// Parts start at a word: "Abdel-Rahman", never "Rahman".
		if j > m.first && !toks[j].SpaceBefore {
			continue
		}
		if !toks[j].Cap || notNameWord[toks[j].Lower] {
			continue
		}
		n.people[joinTokens(toks[j:m.last])] = m.id
	}
}

// titled reports whether the article gave person id, named in full, a
// title that includes title ("Secretary" in "Secretary of State").
func (n *articleNames) titled(id, title string) bool {
	title = strings.ToLower(title)
	return slices.ContainsFunc(n.titles[id], func(t string) bool {
		return slices.Contains(strings.Fields(t), title) || strings.Contains(t, title) && strings.Contains(title, " ")
	})
}

// rememberShort records a short form of an organization; a form two
// organizations share names neither.
func (n *articleNames) rememberShort(form string, m *mention) {
	if old, ok := n.short[form]; ok && (old == nil || old.id != m.id) {
		n.short[form] = nil
		return
	}
	n.short[form] = m
}

// rememberOrg records the head word and initials of an organization named
// in full: "the Commission" after "European Commission", "BA" after
// "British Airways", "DOT" after "Department of Transport".
func (n *articleNames) rememberOrg(toks []token.Token, m *mention) {
	if m.typ != diplograph.Organization || m.id == "" || m.last-m.first < 2 || m.form == formGroup {
		return
	}
	last := m.last - 1
	if toks[last].Text == "." {
		last--
	}
	if _, ok := orgHeadKind(toks[last].Lower); ok && toks[last].Cap && !allCaps(toks[last].Text) {
		n.rememberShort(toks[last].Text, m)
		n.heads[toks[last].Text] = true
	}
	var caps, all strings.Builder
	words := 0
	for j := m.first; j <= last; j++ {
		t := toks[j]
		if t.Kind != token.Word || j > m.first && !t.SpaceBefore {
			continue
		}
		r := []rune(t.Text)
		words++
		all.WriteRune(unicode.ToUpper(r[0]))
		if t.Cap {
			caps.WriteRune(r[0])
		}
	}
	if words < 2 {
		return
	}
	for _, form := range []string{caps.String(), all.String()} {
		if len(form) >= 2 {
			n.rememberShort(form, m)
		}
	}
}

// namePart reports whether t can be a word of a personal name: a
// capitalized word, not written in capitals, that is no function word,
// month, weekday or title.
func namePart(t token.Token) bool {
	return t.Kind == token.Word && t.Cap && !allCaps(t.Text) && !notNameWord[t.Lower]
}

// startsRun reports whether toks[i] begins a capitalized run rather than
// continuing one.
func startsRun(toks []token.Token, i int) bool {
	return i == 0 || !(toks[i-1].Kind == token.Word && toks[i-1].Cap)
}

// words counts the space-separated words of toks[i:j].
func words(toks []token.Token, i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if k == i || toks[k].SpaceBefore {
			n++
		}
	}
	return n
}

// knownWithin returns the offset of the first token in [i, j) of sentence
// si at which a knowledge-base name starts, or j-i.
func (d *doc) knownWithin(si, i, j int) int {
	for k := i; k < j; k++ {
		if e, _ := d.known(si, k); e != nil {
			return k - i
		}
	}
	return j - i
}

// givenNamePerson finds a person by a first name followed by more name
// words: "Karel Kovanda", "Jose Ramos Horta", "Osama el-Baz".
func (d *doc) givenNamePerson(si, i int) *mention {
	toks := d.sents[si].Tokens
	if !startsRun(toks, i) || !d.x.kb.GivenName(toks[i].Text) {
		return nil
	}
	k := d.nameRunAt(si, i)
	// "Ben Gurion International Airport", "George Washington University":
	// a name inside an institution's or a place's is theirs.
	for j := i + 1; j < i+k; j++ {
		if _, ok := orgHeadKind(toks[j].Lower); ok || placeNouns[toks[j].Lower] != "" || toks[j].Lower == "international" {
			return nil
		}
	}
	// The name stops where a known name starts.
	k = d.knownWithin(si, i, i+k)
	k = trimRun(toks, i, k)
	if words(toks, i, i+k) < 2 {
		return nil
	}
	// "Hamid Karzai International Airport": a name that heads an
	// institution is the institution's.
	if e := i + k; e < len(toks) && toks[e].Cap {
		return nil
	}
	return personMention(si, toks, i, i+k)
}

func personMention(si int, toks []token.Token, first, last int) *mention {
	name := joinTokens(toks[first:last])
	return &mention{sent: si, first: first, last: last, id: kb.Slug(diplograph.Person, name), typ: diplograph.Person, text: name}
}

// governmentWords follow a leader's surname to name the government they
// lead: "the Bush administration", "the Assad regime".
var governmentWords = map[string]bool{"administration": true, "government": true, "regime": true,
	"cabinet": true, "presidency": true}

// leaderGovernment finds a government named after its leader, "the Bush
// administration", "the Abe cabinet", which stands for the country whose
// offices the knowledge base says the leader held, as "the White House"
// does. A surname whose holders served different countries names none.
func (d *doc) leaderGovernment(si, i int) *mention {
	toks := d.sents[si].Tokens
	if !toks[i].Cap || !startsRun(toks, i) && toks[i-1].Lower != "the" || !headWithin(toks, i+1, 6, governmentWords) {
		return nil
	}
	k := d.nameRunAt(si, i)
	e := i + k
	if k == 0 || e >= len(toks) || !governmentWords[toks[e].Lower] {
		return nil
	}
	country := d.x.gaz.leaders[toks[e-1].Text]
	if country == "" {
		return nil
	}
	return &mention{sent: si, first: i, last: e + 1, id: country, typ: diplograph.Country, form: formMetonym,
		text: joinTokens(toks[i : e+1])}
}

// shapeHeads are lower-case nouns that make an unknown capitalized name
// before them an organization: "the Solidarity movement", "the Azadliq
// opposition coalition", "the Abu Sayyaf group".
var shapeHeads = map[string]string{"movement": "PARTY", "coalition": "PARTY", "front": "PARTY",
	"alliance": "PARTY", "party": "PARTY", "faction": "PARTY", "bloc": "PARTY", "militia": "ARMED_GROUP",
	"group": "GROUP"}

// shapeModifiers may stand between such a name and its head noun.
var shapeModifiers = map[string]bool{"opposition": true, "rebel": true, "militant": true, "guerrilla": true,
	"separatist": true, "ruling": true, "governing": true, "political": true, "armed": true, "resistance": true,
	"protest": true, "reform": true, "nationalist": true, "islamist": true, "radical": true, "student": true,
	"peace": true, "extremist": true, "insurgent": true, "militia": true, "umbrella": true}

// notShapeNames are capitalized words that qualify a coalition or a group
// without naming it: "a Western coalition", "the Arab group".
var notShapeNames = map[string]bool{"western": true, "eastern": true, "northern": true, "southern": true,
	"central": true, "arab": true, "muslim": true, "moslem": true, "christian": true, "islamic": true,
	"international": true, "national": true, "global": true, "regional": true, "european": true, "african": true,
	"asian": true, "latin": true, "new": true, "old": true, "contact": true}

// headWithin reports whether one of heads is among the n tokens from
// toks[i]: a cheap test before a pass looks closer.
func headWithin[V any](toks []token.Token, i, n int, heads map[string]V) bool {
	for j := i; j < len(toks) && j < i+n; j++ {
		if _, ok := heads[toks[j].Lower]; ok {
			return true
		}
	}
	return false
}

// orgByShape finds an organization the knowledge base lacks by a
// lower-case head noun after its name: "the Solidarity movement", "the
// Azadliq (Freedom) opposition coalition". A nationality word before the
// name says whose it is and stays a mention of its own ("the Palestinian
// Fatah movement"). A name the knowledge base knows is left to it ("the
// Hamas movement" is Hamas).
func (d *doc) orgByShape(si, i int) []*mention {
	toks := d.sents[si].Tokens
	if !namePart(toks[i]) || !startsRun(toks, i) && toks[i-1].Lower != "the" || !headWithin(toks, i+1, 8, shapeHeads) {
		return nil
	}
	j, country := i, ""
	var lead *mention
	if e, n := d.known(si, i); e != nil {
		for _, t := range e.tgts {
			if t.typ == diplograph.Country && (t.form == formDemonym || t.form == formName) {
				country, j = t.id, i+n
				lead = &mention{sent: si, first: i, last: i + n, id: t.id, typ: t.typ, form: t.form,
					text: joinTokens(toks[i : i+n])}
				break
			}
		}
		if lead == nil {
			return nil
		}
	}
	k := capRun(toks, j, 4)
	if k == 0 || d.knownWithin(si, j, j+k) != k {
		return nil
	}
	generic := true
	for p := j; p < j+k; p++ {
		if toks[p].Kind == token.Word && !notShapeNames[toks[p].Lower] && !d.x.kb.GivenName(toks[p].Text) {
			generic = false
		}
	}
	if generic || j == 0 {
		return nil // a sentence-initial word is capitalized anyway
	}
	e := j + k
	// A gloss in brackets: "Azadliq (Freedom)".
	if e+2 < len(toks) && toks[e].Text == "(" {
		if g := capRun(toks, e+1, 3); g > 0 && e+1+g < len(toks) && toks[e+1+g].Text == ")" {
			e += g + 2
		}
	}
	for n := 0; n < 2 && e < len(toks) && shapeModifiers[toks[e].Text]; n++ {
		e++
	}
	if e >= len(toks) {
		return nil
	}
	kind, ok := shapeHeads[toks[e].Text]
	if !ok {
		return nil
	}
	name := joinTokens(toks[j : e+1])
	m := &mention{sent: si, first: j, last: e + 1, id: kb.Slug(diplograph.Organization, name),
		typ: diplograph.Organization, text: name, title: kind, titleOf: country}
	if lead != nil {
		return []*mention{lead, m}
	}
	return []*mention{m}
}

// bylinePerson finds the author's name on a line of its own above the
// dateline: "Jane Doe" between the headline and "WARSAW 1996-12-06".
func (d *doc) bylinePerson(si, i int) *mention {
	s := &d.sents[si]
	toks := s.Tokens
	if i != 0 || len(toks) < 2 || len(toks) > 3 || s.Paragraph < 1 || s.Paragraph > 3 {
		return nil
	}
	if si > 0 && d.sents[si-1].Paragraph == s.Paragraph || si+1 >= len(d.sents) {
		return nil
	}
	next := d.sents[si+1]
	if next.Paragraph == s.Paragraph || !allCaps(next.Tokens[0].Text) {
		return nil
	}
	for _, t := range toks {
		if !namePart(t) {
			return nil
		}
	}
	if d.knownWithin(si, 0, len(toks)) != len(toks) {
		return nil
	}
	return personMention(si, toks, 0, len(toks))
}

// cuedPerson finds a person by a cue around an unknown name: "born Marie
// Korbelova", "John Doe, 45,", "his predecessor, John Doe".
func (d *doc) cuedPerson(si, i int) *mention {
	toks := d.sents[si].Tokens
	if !startsRun(toks, i) {
		return nil
	}
	k := d.nameRunAt(si, i)
	if k < 2 || k > 4 || d.knownWithin(si, i, i+k) != k {
		return nil
	}
	for j := i; j < i+k; j++ {
		if toks[j].Cap && !namePart(toks[j]) {
			return nil
		}
	}
	born := i > 0 && toks[i-1].Lower == "born"
	e := i + k
	aged := e+2 < len(toks) && toks[e].Text == "," && toks[e+1].Kind == token.Num && len(toks[e+1].Text) == 2 &&
		toks[e+1].Text >= "16" && toks[e+2].Text == ","
	if !born && !aged && !afterSuccessionWord(toks, i) {
		return nil
	}
	return personMention(si, toks, i, e)
}

// afterSuccessionWord reports whether toks[i] follows "his predecessor",
// "her successor," or "Ishiba's predecessor": a person comes next.
func afterSuccessionWord(toks []token.Token, i int) bool {
	j := i - 1
	if j >= 0 && toks[j].Text == "," {
		j--
	}
	if j < 1 || (toks[j].Lower != "predecessor" && toks[j].Lower != "successor") {
		return false
	}
	switch toks[j-1].Lower {
	case "his", "her", "their", "'s", "’s":
		return true
	}
	return false
}

// placeByNoun finds a place the knowledge base lacks by the noun that
// follows or governs it: "Wenchang city", "at London Heathrow airport",
// "the province of Hainan", "the Republic of Padania".
func (d *doc) placeByNoun(si, i int) *mention {
	toks := d.sents[si].Tokens
	t := toks[i]
	// "the city of X", "Republic of X".
	if i+2 < len(toks) && toks[i+1].Lower == "of" && toks[i+2].Cap {
		kind, noun := placeNouns[t.Lower]
		if noun && (t.Cap || kind == "SITE" || kind == "RIVER") {
			noun = false
		}
		state := stateWords[t.Text] && startsRun(toks, i)
		if !noun && !state {
			return nil
		}
		k := capRun(toks, i+2, 3)
		if k == 0 || d.knownWithin(si, i+2, i+2+k) == 0 {
			return nil
		}
		first := i + 2
		if state {
			first, kind = i, "REGION"
		}
		return placeMention(si, toks, first, i+2+k, kind)
	}
	if !namePart(t) || !startsRun(toks, i) {
		return nil
	}
	k := capRun(toks, i, 3)
	e := i + k
	if k == 0 || e >= len(toks) || toks[e].Cap {
		return nil
	}
	kind, ok := placeNouns[toks[e].Lower]
	if !ok {
		return nil
	}
	known := d.knownWithin(si, i, e)
	if kind == "SITE" {
		// An airport may be named after its city: "London Heathrow".
		if k < 2 && known == 0 {
			return nil
		}
	} else {
		// "the Olympic city": a determiner makes the word a modifier.
		if known == 0 || i > 0 && determiners[toks[i-1].Lower] {
			return nil
		}
		if known < k {
			return nil
		}
	}
	for j := i; j < e; j++ {
		if d.x.kb.GivenName(toks[j].Text) {
			return nil
		}
	}
	return placeMention(si, toks, i, e, kind)
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "its": true,
	"their": true, "his": true, "her": true, "our": true}

// capRun returns how many tokens from i, at most max words, are
// capitalized name words (hyphenated compounds count as one word).
func capRun(toks []token.Token, i, max int) int {
	k, n := 0, 0
	for i+k < len(toks) {
		t := toks[i+k]
		switch {
		case namePart(t) && (k == 0 || t.SpaceBefore) && n < max:
			n++
			k++
		case k > 0 && t.Text == "-" && !t.SpaceBefore && i+k+1 < len(toks) && namePart(toks[i+k+1]) && !toks[i+k+1].SpaceBefore:
			k += 2
		default:
			return k
		}
	}
	return k
}

func placeMention(si int, toks []token.Token, first, last int, kind string) *mention {
	name := joinTokens(toks[first:last])
	return &mention{sent: si, first: first, last: last, id: kb.Slug(diplograph.Place, name), typ: diplograph.Place,
		text: name, title: kind}
}

// locativePlace finds a one-word place the knowledge base lacks after "in",
// "near" or "outside": "in Mantua, where". People already named in the
// article are not places.
func (d *doc) locativePlace(si, i int, names *articleNames) *mention {
	toks := d.sents[si].Tokens
	t := toks[i]
	if i == 0 || !namePart(t) || !placePrepositions[toks[i-1].Lower] || notPlaceWords[t.Lower] {
		return nil
	}
	// What follows must end the noun phrase: "in Mantua, where", "in
	// Mantua to attend", not "near Moslem sites".
	if i+1 < len(toks) {
		n := toks[i+1]
		if n.Text == "-" || possessive(n) || n.Kind == token.Word && !placeFollowers[n.Lower] {
			return nil
		}
	}
	if e, _ := d.known(si, i); e != nil {
		return nil
	}
	if _, ok := orgHeadKind(t.Lower); ok || d.x.kb.GivenName(t.Text) || names.people[t.Text] != "" {
		return nil
	}
	if _, _, ok := d.x.titles.at(toks, i); ok {
		return nil
	}
	return placeMention(si, toks, i, i+1, "")
}

// mediaOrg finds a news outlet by the noun next to it: "the daily Mlada
// Fronta Dnes", "the Kommersant newspaper".
func (d *doc) mediaOrg(si, i int) *mention {
	toks := d.sents[si].Tokens
	if !namePart(toks[i]) || !startsRun(toks, i) {
		return nil
	}
	k := capRun(toks, i, 5)
	if k == 0 || d.knownWithin(si, i, i+k) != k {
		return nil
	}
	before := i > 0 && mediaBefore[toks[i-1].Lower]
	after := i+k < len(toks) && mediaAfter[toks[i+k].Lower]
	if !before && !after {
		return nil
	}
	name := joinTokens(toks[i : i+k])
	return &mention{sent: si, first: i, last: i + k, id: kb.Slug(diplograph.Organization, name),
		typ: diplograph.Organization, text: name, title: "MEDIA"}
}

// acronymShaped reports whether s looks like an abbreviation: two to six
// capital letters.
func acronymShaped(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// definedAcronyms finds "Full Name (ABBR)": the abbreviation names what
// precedes it, and a capitalized name the other passes left alone becomes
// an organization ("the Radical Democrats (FDP)").
func (d *doc) definedAcronyms(si int, ms []*mention, names *articleNames) []*mention {
	toks := d.sents[si].Tokens
	var added []*mention
	for k := 1; k+2 < len(toks); k++ {
		if toks[k].Text != "(" || toks[k+2].Text != ")" || !acronymShaped(toks[k+1].Text) || inMention(ms, k+1) {
			continue
		}
		var full *mention
		for _, m := range ms {
			if m.last == k {
				full = m
			}
		}
		if full == nil {
			first := k
			for first > 0 && (namePart(toks[first-1]) || first-2 >= 0 && (toks[first-1].Lower == "of" ||
				toks[first-1].Lower == "and" || toks[first-1].Lower == "for") && namePart(toks[first-2])) {
				first--
			}
			if words(toks, first, k) < 2 || inMention(ms, first) || inMention(ms, k-1) {
				continue
			}
			full = &mention{sent: si, first: first, last: k, typ: diplograph.Organization, text: joinTokens(toks[first:k])}
			full.id = kb.Slug(diplograph.Organization, full.text)
			added = append(added, full)
		}
		if full.typ != diplograph.Organization || full.id == "" {
			continue
		}
		abbr := &mention{sent: si, first: k + 1, last: k + 2, id: full.id, typ: full.typ, text: toks[k+1].Text,
			title: full.title, titleOf: full.titleOf, reuse: true}
		added = append(added, abbr)
		names.rememberShort(abbr.text, full)
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	sortMentions(ms)
	return ms
}

// reuseMentions adds the short forms of names found elsewhere in the
// article: surnames and repeated full names of people, abbreviations,
// head words and initials of organizations, places found by cue.
func (d *doc) reuseMentions(si int, names *articleNames) []*mention {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	taken := make([]bool, len(toks))
	for _, m := range ms {
		if capitalTopic(toks, m) {
			// A person's short form may be a topic's word too ("Rice
			// also touched on…"): the person named in the article wins.
			continue
		}
		for j := m.first; j < m.last; j++ {
			taken[j] = true
		}
	}
	var added []*mention
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if taken[i] || t.Kind != token.Word || !t.Cap || i > 0 && !t.SpaceBefore && toks[i-1].Text == "-" {
			continue
		}
		m := names.reuseAt(si, toks, i, taken)
		if m == nil {
			continue
		}
		if m.last < len(toks) && possessive(toks[m.last]) {
			m.possessive = true
		}
		for j := m.first; j < m.last; j++ {
			taken[j] = true
		}
		added = append(added, m)
		i = m.last - 1
	}
	if len(added) == 0 {
		return ms
	}
	all := slices.DeleteFunc(ms, func(m *mention) bool {
		return capitalTopic(toks, m) && slices.ContainsFunc(added, func(a *mention) bool {
			return a.first < m.last && m.first < a.last
		})
	})
	all = append(all, added...)
	sortMentions(all)
	return all
}

// capitalTopic reports whether m is a topic found at a capitalized word,
// which only a sentence's first word can be (capitalizedInside).
func capitalTopic(toks []token.Token, m *mention) bool {
	return m.typ == diplograph.Topic && toks[m.first].Cap
}

// reuseAt returns the short form starting at toks[i], if any.
func (n *articleNames) reuseAt(si int, toks []token.Token, i int, taken []bool) *mention {
	free := func(e int) bool {
		// The form must end at a word boundary and not run into taken tokens.
		if e < len(toks) && !toks[e].SpaceBefore && (toks[e].Text == "-" || toks[e].Kind == token.Word) {
			return false
		}
		for j := i; j < e; j++ {
			if taken[j] {
				return false
			}
		}
		return true
	}
	for k := min(5, len(toks)-i); k >= 1; k-- {
		if !toks[i+k-1].Cap || !free(i+k) {
			continue
		}
		if id, ok := n.people[joinTokens(toks[i:i+k])]; ok {
			return &mention{sent: si, first: i, last: i + k, id: id, typ: diplograph.Person, text: joinTokens(toks[i : i+k]), reuse: true}
		}
	}
	if id := n.family[toks[i].Text]; id != "" && free(i+1) && n.people[toks[i].Text] == "" {
		return &mention{sent: si, first: i, last: i + 1, id: id, typ: diplograph.Person, text: toks[i].Text, reuse: true}
	}
	t := toks[i]
	if !free(i + 1) {
		return nil
	}
	if src := n.short[t.Text]; src != nil {
		// A head word alone refers back only as "the Commission", and not
		// inside a longer name.
		if n.heads[t.Text] && (i == 0 || toks[i-1].Lower != "the" || i+1 < len(toks) && (toks[i+1].Cap || toks[i+1].Lower == "of")) {
			return nil
		}
		return &mention{sent: si, first: i, last: i + 1, id: src.id, typ: src.typ, text: t.Text, title: src.title,
			titleOf: src.titleOf, reuse: true}
	}
	if src := n.places[t.Text]; src != nil && startsRun(toks, i) && (i+1 >= len(toks) || !toks[i+1].Cap) {
		return &mention{sent: si, first: i, last: i + 1, id: src.id, typ: src.typ, text: t.Text, title: src.title, reuse: true}
	}
	return nil
}
