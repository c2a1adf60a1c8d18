package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/token"
	"github.com/diplograph/diplograph/kb"
)

// relAcc accumulates one relation over an article.
type relAcc struct {
	r     diplograph.Relation
	sents map[int]bool
	// stated is false for a claim known only from the claimant's name for
	// the territory ("which Moscow calls the Southern Kurils"; see
	// relations).
	stated bool
}

// addRelation records that sentence si states typ(subject, object).
// qualifier separates relations of the same type between the same ends
// (two offices of one person); props are merged, first value wins.
func (d *doc) addRelation(si int, typ diplograph.RelationType, subject, object, qualifier string, props map[string]string) {
	if r := d.relation(si, typ, subject, object, qualifier, props); r != nil {
		r.stated = true
	}
}

// relation records typ(subject, object) as addRelation does, but not as
// stated, and returns it (nil when it cannot be one).
func (d *doc) relation(si int, typ diplograph.RelationType, subject, object, qualifier string, props map[string]string) *relAcc {
	if subject == "" || object == "" || subject == object {
		return nil
	}
	if typ == diplograph.AlliedWith && object < subject {
		subject, object = object, subject // symmetric: one id for both directions
	}
	id := hashID("rel:", string(typ), subject, object, qualifier)
	r, ok := d.rels[id]
	if !ok {
		r = &relAcc{r: diplograph.Relation{ID: id, Type: typ, Subject: subject, Object: object, Properties: map[string]string{}},
			sents: map[int]bool{}}
		d.rels[id] = r
		d.relIDs = append(d.relIDs, id)
	}
	for k, v := range props {
		if _, have := r.r.Properties[k]; !have && v != "" {
			r.r.Properties[k] = v
		}
	}
	r.sents[si] = true
	// The ends are entities of the article even when the relation is the
	// only place that names one of them (a claimant's own name).
	return r
}

func (d *doc) relations() []diplograph.Relation {
	out := make([]diplograph.Relation, 0, len(d.relIDs))
	for _, id := range d.relIDs {
		r := d.rels[id]
		if d.ents[r.r.Subject] == nil || d.ents[r.r.Object] == nil {
			continue
		}
		if !r.stated && d.rels[hashID("rel:", string(diplograph.Administers), r.r.Subject, r.r.Object, "")] != nil {
			// Naming a territory one administers states the
			// administration, which the text gives, not a claim.
			continue
		}
		rel := r.r
		rel.Evidence = d.evidenceList(r.sents)
		out = append(out, rel)
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Evidence[0].Start < out[j].Evidence[0].Start
	})
	return out
}

// findRelations applies the relation patterns to every sentence.
func (d *doc) findRelations() {
	for si := range d.sents {
		ms := d.ments[si]
		d.officeRelations(si, ms)
		d.territoryRelations(si, ms)
		d.allianceRelations(si, ms)
		d.treatyRelations(si, ms)
		d.locationRelations(si, ms)
		d.memberRelations(si, ms)
		d.partyRelations(si, ms)
	}
}

// officeRelations: a titled person holds the office the title names, of
// the country that qualifies it or, for a known person, of the country the
// knowledge base says they served on the article's date.
func (d *doc) officeRelations(si int, ms []*mention) {
	for _, m := range ms {
		if m.typ != diplograph.Person || m.title == "" || m.id == "" {
			continue
		}
		d.holdsOffice(si, m)
	}
}

func (d *doc) holdsOffice(si int, m *mention) {
	country, office := m.titleOf, m.title
	if country == "" {
		// "President Leonid Kuchma of Ukraine".
		country = d.ofCountryAfter(si, m)
	}
	if country == "" {
		// "Yeltsin's spokesman Sergei Yastrzhembsky": the office serves
		// the possessor, of the possessor's country.
		country = d.possessorCountry(si, m.first-len(strings.Fields(office)))
	}
	props := map[string]string{}
	if r, ok := d.x.kb.Get(m.id); ok {
		if o, ok := d.heldOffice(r, func(o kb.Office) bool { return d.sameOffice(country, office, o.Of, o.Title) }); ok {
			country, office = o.Of, o.Title
			props["since"] = o.Since
			props["until"] = o.Until
			props["term"] = o.Term
		}
	}
	if country == "" && office != "" {
		// "foreign ministry spokesperson Arindam Bagchi", in lower case
		// and without a country: the ministry of the country the story
		// was filed from.
		toks := d.sents[si].Tokens
		words := strings.Fields(strings.ToLower(office))
		body := bodyBefore(toks, m.first-len(words))
		if body != "" || bodyPhraseAt(words) {
			if c := d.datelineCountry(); c != "" && d.ents[c] != nil {
				country, office = c, strings.TrimSpace(body+" "+office)
			}
		}
	}
	if country == "" && nationalTitle(office) {
		// "Foreign Secretary Enrique Manalo" in a story filed from
		// Manila: reporters name the country of a foreign official, and
		// leave it out for their own.
		if c := d.datelineCountry(); c != "" && d.ents[c] != nil {
			country = c
		}
	}
	if country == "" || office == "" {
		return
	}
	if d.governmentBody(country) {
		// A ministry's official holds an office of its country ("State
		// Department spokesperson", "foreign ministry spokesperson" in a
		// story filed from New Delhi); the office names the body. The
		// country must be an entity of the article, which a relation's
		// ends are; else the body stays the office's.
		if c := d.countryOfBody(country); c != "" && d.ents[c] != nil {
			office = d.bodyName(country) + " " + office
			country = c
		}
	}
	props["office"] = office
	d.addRelation(si, diplograph.HoldsOffice, m.id, country, office, props)
}

// possessorCountry returns the country of the person whose possessive
// ends right before token i, or "".
func (d *doc) possessorCountry(si, i int) string {
	toks := d.sents[si].Tokens
	if i < 2 || i > len(toks) || !possessive(toks[i-1]) {
		return ""
	}
	if p := mentionEndingAt(d.ments[si], i-1); p != nil && p.typ == diplograph.Person && p.id != "" {
		return d.countryOf(p)
	}
	return ""
}

// ofCountryAfter returns the country named with "of" right after m ("of
// Ukraine", "of the Philippines"), or "".
func (d *doc) ofCountryAfter(si int, m *mention) string {
	toks := d.sents[si].Tokens
	j := m.last
	if j >= len(toks) || toks[j].Lower != "of" {
		return ""
	}
	j++
	if j < len(toks) && toks[j].Lower == "the" {
		j++
	}
	if c := mentionAt(d.ments[si], j); c != nil && c.first == j && c.typ == diplograph.Country && c.form == formName {
		return c.id
	}
	return ""
}

// predecessorRelations: "his predecessor, Yoon Suk Yeol" held the office
// that the person "his" stands for holds: the nearest person before it in
// the sentence, with one office the article gives them. A predecessor's
// office is a past one; the relation says the office, as titles do, not
// when it was held. It runs after the events, which give offices too
// ("was sworn in as president").
func (d *doc) predecessorRelations() {
	for si := range d.sents {
		d.predecessorsIn(si, d.ments[si])
	}
}

func (d *doc) predecessorsIn(si int, ms []*mention) {
	toks := d.sents[si].Tokens
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Lower != "predecessor" || (toks[i-1].Lower != "his" && toks[i-1].Lower != "her") {
			continue
		}
		j := i + 1
		if toks[j].Text == "," {
			j++
		}
		p := mentionAt(ms, j)
		if p == nil || p.typ != diplograph.Person {
			continue
		}
		holder := nearestBefore(ms, i-1, func(m *mention) bool { return m.typ == diplograph.Person && m.id != "" })
		if holder == nil || holder.id == p.id {
			continue
		}
		var held *diplograph.Relation
		for _, id := range d.relIDs {
			r := &d.rels[id].r
			if r.Type != diplograph.HoldsOffice || r.Subject != holder.id {
				continue
			}
			if held != nil && !strings.EqualFold(held.Properties["office"], r.Properties["office"]) {
				held = nil // two offices: which one is not said
				break
			}
			held = r
		}
		if held == nil {
			continue
		}
		office := held.Properties["office"]
		d.addRelation(si, diplograph.HoldsOffice, p.id, held.Object, office, map[string]string{"office": office})
	}
}

// countryOfBody returns the country a government body belongs to: the
// one the knowledge base gives it, else, for a body named without its
// country ("the foreign ministry"), the country the story was filed from.
func (d *doc) countryOfBody(id string) string {
	if r, ok := d.x.kb.Get(id); ok {
		return r.In
	}
	// Only a ministry named as any country's is the dateline's: "the
	// Taiwan Affairs Office" is no more Taiwan's for a story filed there.
	if !genericBody(strings.ToLower(d.bodyName(id))) {
		return ""
	}
	return d.datelineCountry()
}

// genericBody reports whether a name is a ministry's that any country has
// ("foreign ministry").
func genericBody(name string) bool {
	words := strings.Fields(name)
	n := bodyPrefix(words)
	return n > 0 && n == len(words)
}

// bodyName is how an office names its body: the knowledge base's name, or
// the words the article used.
func (d *doc) bodyName(id string) string {
	if e := d.ents[id]; e != nil && e.e.Name != "" {
		return e.e.Name
	}
	if r, ok := d.x.kb.Get(id); ok {
		return r.Name
	}
	return ""
}

// nationalTitle reports whether a title is an office of a national
// government ("Foreign Minister", "President"), not of an organization
// ("Secretary-General").
func nationalTitle(title string) bool {
	t := strings.ToLower(title)
	if strings.Contains(t, "general") || strings.Contains(t, "mayor") || strings.Contains(t, "governor") {
		return false
	}
	for _, w := range []string{"minister", "secretary", "president", "premier", "chancellor"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// bodyPhrases are ministries named in lower case before a title.
var bodyPhrases = [][]string{{"foreign", "ministry"}, {"foreign", "office"}, {"defense", "ministry"}, {"defence", "ministry"},
	{"external", "affairs", "ministry"}, {"interior", "ministry"}, {"trade", "ministry"}, {"ministry", "of", "foreign", "affairs"}}

// bodyBefore returns the ministry phrase ending right before token i, in
// title case ("Foreign Ministry"), "" when there is none.
func bodyBefore(toks []token.Token, i int) string {
	for _, ws := range bodyPhrases {
		k := i - len(ws)
		if k < 0 || !wordsAt(toks, k, ws) {
			continue
		}
		words := make([]string, len(ws))
		for n, w := range ws {
			if w == "of" {
				words[n] = w
				continue
			}
			words[n] = strings.ToUpper(w[:1]) + w[1:]
		}
		return strings.Join(words, " ")
	}
	return ""
}

// bodyPhraseAt reports whether a title starts with a ministry
// ("Foreign Ministry Spokesperson").
func bodyPhraseAt(words []string) bool {
	n := bodyPrefix(words)
	return n > 0 && n < len(words)
}

// bodyPrefix returns the length of the ministry phrase that lower-case
// words start with, 0 when they start with none.
func bodyPrefix(words []string) int {
	for _, ws := range bodyPhrases {
		if len(words) >= len(ws) && slices.Equal(words[:len(ws)], ws) {
			return len(ws)
		}
	}
	return 0
}

// datelineCountry returns the country of the place a story's dateline
// names ("NEW DELHI —" is India), "" when it has none.
func (d *doc) datelineCountry() string {
	m := d.dateline()
	if m == nil {
		return ""
	}
	if m.typ == diplograph.Country {
		return m.id
	}
	if r, ok := d.x.kb.Get(m.id); ok && r.In != "" {
		if c, ok := d.x.kb.Get(r.In); ok && c.Type == diplograph.Country {
			return c.ID
		}
	}
	return ""
}

// dateline returns the known entity a story's dateline names ("NEW DELHI
// —"), or nil.
func (d *doc) dateline() *mention {
	if len(d.sents) == 0 || len(d.sents[0].Tokens) == 0 || !allCaps(d.sents[0].Tokens[0].Text) {
		return nil
	}
	for _, m := range d.ments[0] {
		if m.first == 0 && m.id != "" {
			return m
		}
	}
	return nil
}

// sameOffice reports whether the office a text gives a known person (a
// title and what qualifies it, either possibly missing) can be the office
// the knowledge base gives them: the same country, or a body of it or of
// no known country ("Foreign Ministry spokeswoman Zakharova"), and a title
// that the knowledge base's contains ("spokeswoman" in "Foreign Ministry
// spokeswoman").
func (d *doc) sameOffice(of, title, kbOf, kbTitle string) bool {
	if of != "" && of != kbOf && !d.governmentBody(of) {
		return false
	}
	return title == "" || strings.Contains(strings.ToLower(kbTitle), strings.ToLower(title))
}

// governmentBody reports whether an organization is a part of a
// government (a ministry, department or office), whose officials hold
// their country's offices.
func (d *doc) governmentBody(id string) bool {
	if r, ok := d.x.kb.Get(id); ok {
		return r.Type == diplograph.Organization && r.Kind == "MINISTRY"
	}
	name, ok := strings.CutPrefix(id, "organization:")
	return ok && (strings.Contains(name, "ministry") || strings.Contains(name, "department") || strings.HasSuffix(name, "-office"))
}

// claimable reports whether a mention can be the object of a claim.
func claimable(m *mention) bool {
	return m.id != "" && (m.typ == diplograph.Territory || m.typ == diplograph.Country && m.form == formName ||
		m.typ == diplograph.Place)
}

func isCountry(m *mention) bool {
	return m.typ == diplograph.Country && m.id != "" && m.form != formDemonym
}

// relativeWords open a relative clause whose antecedent comes before them.
var relativeWords = map[string]bool{"which": true, "that": true, "who": true}

// territoryRelations finds who administers and who claims what:
// passives ("administered by Japan but claimed by China"), actives
// ("China claims the islands"), naming ("which China calls Diaoyu") and
// regarding ("China regards Taiwan as a breakaway province").
func (d *doc) territoryRelations(si int, ms []*mention) {
	toks := d.sents[si].Tokens
	at := func(i int) *mention { return mentionAt(ms, i) }
	// last is the active claim or administration found last, which a
	// coordinated verb shares.
	var last struct {
		subjects []*mention
		object   *mention
	}
	for i := 0; i < len(toks); i++ {
		w := toks[i].Lower
		if !territoryCues[w] {
			continue
		}
		// Passive: "<T> ..., which are administered by X (and Y)".
		if typ, ok := passiveTerritoryVerbs[w]; ok && i+1 < len(toks) && toks[i+1].Lower == "by" {
			// The thing administered or claimed, not an earlier agent
			// ("administered by Japan but claimed by China").
			agents := countriesAfter(ms, toks, i+2)
			// Nor a possessor ("makes up two-thirds of Guyana's land area
			// and has been administered by Georgetown"), nor the agent.
			obj := nearestBefore(ms, i, func(m *mention) bool {
				return claimable(m) && (m.first == 0 || toks[m.first-1].Lower != "by") && !m.possessive &&
					!slices.ContainsFunc(agents, func(a *mention) bool { return a.id == m.id })
			})
			if k := subjectSlot(toks, i); obj != nil && obj.typ == diplograph.Country && k >= 0 && toks[k].Kind == token.Word &&
				!toks[k].Cap && !relativeWords[toks[k].Lower] && mentionEndingAt(ms, k+1) == nil {
				// "the territory claimed by both Morocco and the
				// Polisario Front": a thing the text does not name, not
				// a country named before it ("Scarborough Shoal, a rich
				// fishing ground claimed by" names the shoal).
				obj = nil
			}
			if len(agents) == 0 && pairAt(toks, i+2) > 0 {
				// "claimed by both countries".
				agents = d.countryPair(si)
			}
			for _, x := range agents {
				if obj != nil && obj.id != x.id {
					d.addRelation(si, typ, x.id, obj.id, "", nil)
				}
			}
			continue
		}
		// Active: "X (also|still) claims <T>", "X has administered <T>",
		// "X, Y and Z have claims to (parts of) <T>", "X claims the
		// islands" (a territory named before).
		typ, ok := activeTerritoryVerbs[w]
		if !ok {
			typ, ok = passiveTerritoryVerbs[w]
			// A past participle is active after "has" ("has claimed"),
			// not after "has been" or "was" (a passive without an agent).
			ok = ok && i > 0 && perfectAux[toks[i-1].Lower]
		}
		if ok {
			var subjects []*mention
			start := -1 // where the subject starts
			// A possessor is no subject: "Serbia does not recognize
			// Kosovo's independence and claims it".
			subjectCountry := func(m *mention) bool { return isCountry(m) && !m.possessive }
			if subj := nearestBefore(ms, i, subjectCountry); subj != nil && i-subj.last <= 3 {
				subjects, start = countriesBefore(ms, toks, subj), subj.first
				start = subjects[len(subjects)-1].first
			} else if n := pairEndingAt(toks, i); n > 0 {
				// "that both countries claim".
				subjects, start = d.countryPair(si), i-n
			} else if i > 0 && (toks[i-1].Lower == "but" || toks[i-1].Lower == "and") && last.subjects != nil {
				// "claim in full but administer only in part": the
				// subject and object of the verb before.
				subjects, start = last.subjects, -1
			} else if i > 0 && toks[i-1].Lower == "and" && len(ms) > 0 && ms[0].first <= 1 && subjectCountry(ms[0]) {
				// "Serbia does not recognize ... and claims it": a verb
				// coordinated with the sentence's first has its subject.
				subjects, start = []*mention{ms[0]}, -1
			}
			if len(subjects) == 0 {
				continue
			}
			obj := d.claimObject(si, ms, i+1, subjects)
			if obj == nil && start > 0 && (toks[start-1].Lower == "which" || toks[start-1].Lower == "that") {
				// "<T>, which India administers": the relative clause's
				// antecedent.
				obj = nearestBefore(ms, start-1, claimable)
			}
			if obj == nil && start < 0 {
				obj = last.object
			}
			if obj == nil {
				continue
			}
			// "Vietnam claims the chain, and so does Taiwan".
			subjects = append(subjects, soDoes(ms, toks, obj.last)...)
			for _, x := range subjects {
				if x.id != obj.id {
					d.addRelation(si, typ, x.id, obj.id, "", nil)
				}
			}
			last.subjects, last.object = subjects, obj
			continue
		}
		// Naming: "... <T>, which X calls <Z>".
		if w == "calls" || w == "call" || w == "called" && i > 0 && toks[i-1].Lower != "was" && toks[i-1].Lower != "is" {
			subj := nearestBefore(ms, i, isCountry)
			if subj == nil || i-subj.last > 2 {
				continue
			}
			z := at(i + 1)
			if z == nil && i+2 < len(toks) && toks[i+1].Lower == "the" {
				// "which Beijing calls the Nansha Islands".
				z = at(i + 2)
			}
			if z != nil && z.typ == diplograph.Territory && z.id != "" {
				d.relation(si, diplograph.Claims, subj.id, z.id, "", map[string]string{"name": z.text})
			}
			continue
		}
		// Regarding: "X regards <T> as ... province / part of its territory".
		if regardVerbs[w] {
			subj := nearestBefore(ms, i, isCountry)
			obj := at(i + 1)
			if obj == nil && i+2 < len(toks) && toks[i+1].Lower == "the" {
				obj = at(i + 2)
			}
			if subj == nil || obj == nil || !claimable(obj) || i-subj.last > 2 {
				continue
			}
			if sentenceHasAny(toks[obj.last:], claimWords) {
				d.addRelation(si, diplograph.Claims, subj.id, obj.id, "", nil)
			}
		}
	}
}

var passiveTerritoryVerbs = map[string]diplograph.RelationType{
	"administered": diplograph.Administers, "controlled": diplograph.Administers, "governed": diplograph.Administers,
	"occupied": diplograph.Administers, "held": diplograph.Administers, "claimed": diplograph.Claims,
}

var activeTerritoryVerbs = map[string]diplograph.RelationType{
	"claims": diplograph.Claims, "claim": diplograph.Claims, "administers": diplograph.Administers,
	"controls": diplograph.Administers, "occupies": diplograph.Administers, "administer": diplograph.Administers,
	"control": diplograph.Administers,
}

// soDoes returns the countries of an elliptical "so does X" or "as does
// X" from token i on, which do what the clause before says.
func soDoes(ms []*mention, toks []token.Token, i int) []*mention {
	for j := i; j+2 < len(toks); j++ {
		if (toks[j].Lower == "so" || toks[j].Lower == "as") && (toks[j+1].Lower == "does" || toks[j+1].Lower == "do" || toks[j+1].Lower == "did") {
			return countriesAfter(ms, toks, j+2)
		}
	}
	return nil
}

// pairWords are pair phrases as sentenceHasAny takes them.
var pairWords = func() []string {
	out := make([]string, len(pairPhrases))
	for i, ws := range pairPhrases {
		out[i] = strings.Join(ws, " ")
	}
	return out
}()

// pairAt returns the length of a pair phrase ("both countries", "the two
// countries") starting at token i, 0 when there is none.
func pairAt(toks []token.Token, i int) int {
	for _, ws := range pairPhrases {
		if i+len(ws) <= len(toks) && wordsAt(toks, i, ws) {
			return len(ws)
		}
	}
	return 0
}

// pairEndingAt returns the length of a pair phrase ending right before
// token i, 0 when there is none.
func pairEndingAt(toks []token.Token, i int) int {
	for _, ws := range pairPhrases {
		if k := i - len(ws); k >= 0 && wordsAt(toks, k, ws) {
			return len(ws)
		}
	}
	return 0
}

// countryPair returns the two countries a pair phrase ("both countries")
// stands for: the two named in the sentence, else the two the article has
// named most up to it; nil when that is not two.
func (d *doc) countryPair(si int) []*mention {
	var in []*mention
	seen := map[string]bool{}
	for _, m := range d.ments[si] {
		if m.typ == diplograph.Country && m.id != "" && !seen[m.id] {
			seen[m.id] = true
			in = append(in, m)
		}
	}
	if len(in) == 2 {
		return in
	}
	if len(in) > 2 {
		return nil
	}
	count := map[string]int{}
	first := map[string]*mention{}
	for s := 0; s <= si; s++ {
		for _, m := range d.ments[s] {
			if m.typ == diplograph.Country && m.id != "" {
				count[m.id]++
				if first[m.id] == nil {
					first[m.id] = m
				}
			}
		}
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool {
		return count[ids[a]] > count[ids[b]] || count[ids[a]] == count[ids[b]] && ids[a] < ids[b]
	})
	// Two that stand out: a third as often named makes the pair a guess.
	if len(ids) < 2 || len(ids) > 2 && count[ids[2]] == count[ids[1]] {
		return nil
	}
	return []*mention{first[ids[0]], first[ids[1]]}
}

// perfectAux are the auxiliaries of an active perfect ("has claimed").
var perfectAux = map[string]bool{"has": true, "have": true, "had": true, "long": true, "also": true, "still": true}

// claimObject returns what a claim verb at token i-1 is about: the first
// territory or place named within a few tokens (up to a clause boundary:
// "claims that Japan ..." is no claim on Japan), or a definite description
// or pronoun ("the islands", "the shoal", "it") for the territory named
// last in this sentence or the three before; "it" is first what the
// sentence named before it that can be claimed, other than the subjects.
func (d *doc) claimObject(si int, ms []*mention, i int, subjects []*mention) *mention {
	toks := d.sents[si].Tokens
	limit := i + 4
	// "claims about 90,000 square kilometers of territory in Arunachal
	// Pradesh": a measure before what is claimed takes a few more words.
	for j := i; j < len(toks) && j <= i+2; j++ {
		if toks[j].Kind == token.Num {
			limit = i + 9
			break
		}
	}
	for j := i; j < len(toks) && j <= limit; j++ {
		if claimBoundary[toks[j].Lower] {
			return nil
		}
		if m := mentionAt(ms, j); m != nil && claimable(m) {
			// A name that only qualifies a head noun ("the South Atlantic
			// archipelago") is not what is claimed.
			if m.last < len(toks) && territoryHeads[toks[m.last].Lower] && mentionAt(ms, m.last) == nil {
				j = m.last - 1
				continue
			}
			return m
		}
		head := toks[j].Lower
		anaphor := head == "it" && j == i || territoryHeads[head] && j > i &&
			(toks[j-1].Lower == "the" || mentionEndingAt(ms, j) != nil)
		if !anaphor {
			continue
		}
		if head == "it" {
			// "it" is the nearest thing before it in its sentence that
			// can be claimed and is no claimant ("recognize Kosovo's
			// independence and claims it"), else a territory before.
			for k := len(ms) - 1; k >= 0; k-- {
				m := ms[k]
				if m.last <= j && claimable(m) && !slices.ContainsFunc(subjects, func(x *mention) bool { return x.id == m.id }) {
					return m
				}
			}
		}
		for k := si; k >= 0 && k >= si-3; k-- {
			end := len(d.sents[k].Tokens)
			if k == si {
				end = j
			}
			if m := lastTerritory(d.ments[k], end, head); m != nil {
				return m
			}
		}
		return nil
	}
	return nil
}

// lastTerritory returns the last territory mention ending by token end
// whose name fits the head noun ("the shoal" is a shoal; "the islands",
// "it" and "the territory" are any territory).
func lastTerritory(ms []*mention, end int, head string) *mention {
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.last > end || m.typ != diplograph.Territory || m.id == "" {
			continue
		}
		name := strings.ToLower(m.text)
		switch {
		case pluralHeads[head]:
			// "the islands" are a group, not one of its islands.
			if strings.HasSuffix(name, "s") {
				return m
			}
		case generalHeads[head] || strings.Contains(name, head):
			return m
		}
	}
	return nil
}

// territoryHeads are the nouns that stand for a territory named before.
var territoryHeads = map[string]bool{
	"islands": true, "island": true, "islets": true, "shoal": true, "reef": true, "rocks": true, "atoll": true,
	"archipelago": true, "territory": true, "region": true, "peninsula": true, "heights": true, "strip": true,
	"chain": true,
}

// generalHeads fit any territory; pluralHeads any whose name is plural.
var (
	generalHeads = map[string]bool{"it": true, "territory": true, "region": true}
	pluralHeads  = map[string]bool{"islands": true, "islets": true, "rocks": true, "heights": true, "archipelago": true, "chain": true}
)

// claimBoundary ends the search for what a claim is about.
var claimBoundary = map[string]bool{"that": true, "which": true, "who": true, ";": true, "but": true, "because": true}

// countriesBefore returns the country m and those listed before it:
// "X and Y claim", "X, Y and Z have claims".
func countriesBefore(ms []*mention, toks []token.Token, m *mention) []*mention {
	out := []*mention{m}
	for i := m.first - 1; i > 0; {
		if toks[i].Lower != "and" && toks[i].Text != "," {
			break
		}
		prev := mentionEndingAt(ms, i)
		if prev == nil || !isCountry(prev) {
			break
		}
		out = append(out, prev)
		i = prev.first - 1
	}
	return out
}

var regardVerbs = map[string]bool{"regards": true, "considers": true, "views": true, "sees": true, "regard": true, "consider": true}

// territoryCues are all the words territoryRelations acts on, so that it
// passes over the others with one look-up instead of one per list.
var territoryCues = func() map[string]bool {
	cues := map[string]bool{"calls": true, "call": true, "called": true}
	for w := range passiveTerritoryVerbs {
		cues[w] = true
	}
	for w := range activeTerritoryVerbs {
		cues[w] = true
	}
	for w := range regardVerbs {
		cues[w] = true
	}
	return cues
}()

var claimWords = []string{"province", "part of", "its territory", "its own", "sovereign", "reunified", "reunification",
	"inalienable", "inherent"}

func sentenceHasAny(toks []token.Token, phrases []string) bool {
	var b strings.Builder
	for _, t := range toks {
		b.WriteByte(' ')
		b.WriteString(t.Lower)
	}
	s := b.String() + " "
	for _, p := range phrases {
		if strings.Contains(s, " "+p+" ") {
			return true
		}
	}
	return false
}

// mentionAt returns the mention starting at token i.
func mentionAt(ms []*mention, i int) *mention {
	for _, m := range ms {
		if m.first == i && m.id != "" {
			return m
		}
	}
	return nil
}

// nearestBefore returns the last mention ending at or before token i that
// satisfies ok.
func nearestBefore(ms []*mention, i int, ok func(*mention) bool) *mention {
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].last <= i && ok(ms[k]) {
			return ms[k]
		}
	}
	return nil
}

// countriesAfter returns the countries listed from token i on: "X",
// "X and Y", "both X and Y", "X, Y and Z".
func countriesAfter(ms []*mention, toks []token.Token, i int) []*mention {
	var out []*mention
	for i < len(toks) {
		if toks[i].Lower == "both" || toks[i].Lower == "the" {
			i++
			continue
		}
		m := mentionAt(ms, i)
		if m == nil || !isCountry(m) {
			break
		}
		out = append(out, m)
		i = m.last
		if i < len(toks) && (toks[i].Lower == "and" || toks[i].Text == ",") {
			i++
			if toks[i-1].Text == "," && i < len(toks) && toks[i].Lower == "and" {
				// The serial comma: "China, Japan, and Taiwan".
				i++
			}
			continue
		}
		break
	}
	return out
}

// allianceRelations: "the Japan-U.S. alliance", "X's alliance with Y",
// "the alliance between X and Y", "X and Y are treaty allies".
func (d *doc) allianceRelations(si int, ms []*mention) {
	toks := d.sents[si].Tokens
	for i := 0; i < len(toks); i++ {
		if toks[i].Lower == "ally" {
			d.possessedAlly(si, ms, i)
			continue
		}
		if toks[i].Lower != "alliance" && toks[i].Lower != "allies" {
			continue
		}
		// Hyphenated compound right before: "Japan-U.S. (security) alliance".
		var compound []*mention
		j := i - 1
		for j >= 0 && (toks[j].Lower == "security" || toks[j].Lower == "defense" || toks[j].Lower == "military" || toks[j].Lower == "defence") {
			j--
		}
		for j >= 0 {
			m := mentionEndingAt(ms, j+1)
			if m == nil || m.typ != diplograph.Country || m.id == "" {
				break
			}
			compound = append(compound, m)
			j = m.first - 1
			if j >= 0 && toks[j].Text == "-" {
				j--
				continue
			}
			break
		}
		if len(compound) >= 2 {
			d.alliedAll(si, compound)
			continue
		}
		// "with Y" after, X the possessor or subject before.
		if i+2 < len(toks) && toks[i+1].Lower == "with" {
			if y := mentionAt(ms, i+2); y != nil && isCountry(y) {
				if x := nearestBefore(ms, i, isCountry); x != nil {
					d.addRelation(si, diplograph.AlliedWith, x.id, y.id, "", nil)
				}
			}
			continue
		}
		// "between X and Y".
		if i+1 < len(toks) && toks[i+1].Lower == "between" {
			if cs := countriesAfter(ms, toks, i+2); len(cs) >= 2 {
				d.alliedAll(si, cs)
			}
			continue
		}
		// "X and Y are (treaty|close) allies".
		if toks[i].Lower == "allies" {
			var cs []*mention
			for _, m := range ms {
				if m.last <= i && isCountry(m) {
					cs = append(cs, m)
				}
			}
			if len(cs) >= 2 && sentenceHasAny(toks[:i], []string{"are", "were", "remain"}) {
				d.alliedAll(si, cs[len(cs)-2:])
			}
		}
	}
}

// possessedAlly finds "X's ally Y" with the word ally at toks[i]: "Russia's
// ally Belarus", "Washington's treaty ally Manila". Words such as "treaty"
// or "closest" may stand between; an ally named by a pronoun ("its ally")
// is left alone, as the text does not say who it is.
func (d *doc) possessedAlly(si int, ms []*mention, i int) {
	toks := d.sents[si].Tokens
	y := mentionAt(ms, i+1)
	if y == nil || !isCountry(y) {
		return
	}
	j := i - 1
	for j >= 0 && allyWords[toks[j].Lower] {
		j--
	}
	if j < 1 || !possessive(toks[j]) {
		return
	}
	if x := mentionEndingAt(ms, j); x != nil && isCountry(x) && x.id != y.id {
		d.addRelation(si, diplograph.AlliedWith, x.id, y.id, "", nil)
	}
}

// countryPlaceFollowers may follow "City, Country" when the country only says
// where the city is.
var countryPlaceFollowers = map[string]bool{"on": true, "in": true, "at": true, "for": true, "to": true, "from": true,
	"last": true, "next": true, "this": true, "earlier": true, "later": true, "where": true}

// allyWords may stand between a possessive and "ally".
var allyWords = map[string]bool{"treaty": true, "close": true, "closest": true, "key": true, "main": true,
	"staunch": true, "staunchest": true, "longtime": true, "long-time": true, "old": true, "oldest": true,
	"strategic": true, "military": true, "security": true, "regional": true, "traditional": true, "top": true}

func (d *doc) alliedAll(si int, cs []*mention) {
	for a := 0; a < len(cs); a++ {
		for b := a + 1; b < len(cs); b++ {
			d.addRelation(si, diplograph.AlliedWith, cs[a].id, cs[b].id, "", nil)
		}
	}
}

// mentionEndingAt returns the mention whose last token is i-1.
func mentionEndingAt(ms []*mention, i int) *mention {
	for _, m := range ms {
		if m.last == i && m.id != "" {
			return m
		}
	}
	return nil
}

// treatyRelations: parties of a named treaty (from the knowledge base,
// evidenced by the sentence that names the treaty), provisions part of
// their treaty, and what a provision applies to.
func (d *doc) treatyRelations(si int, ms []*mention) {
	toks := d.sents[si].Tokens
	for _, m := range ms {
		if m.typ != diplograph.Treaty || m.id == "" {
			continue
		}
		treaty := m.id
		if p := strings.IndexByte(m.id, '/'); p >= 0 {
			treaty = m.id[:p]
			d.addRelation(si, diplograph.PartOf, m.id, treaty, "", nil)
			// "Article 5 ... applies to <T>".
			for i := m.last; i+1 < len(toks); i++ {
				if (toks[i].Lower == "applies" || toks[i].Lower == "apply" || toks[i].Lower == "covers" || toks[i].Lower == "extends") &&
					toks[i+1].Lower == "to" || toks[i].Lower == "covers" {
					k := i + 2
					if toks[i].Lower == "covers" {
						k = i + 1
					}
					for ; k < len(toks) && k <= i+4; k++ {
						if t := mentionAt(ms, k); t != nil && claimable(t) {
							d.addRelation(si, diplograph.AppliesTo, m.id, t.id, "", nil)
							break
						}
					}
					break
				}
			}
		}
		// "Japan and South Korea are signatories to the Treaty on the
		// Non-Proliferation of Nuclear Weapons".
		for _, c := range d.statedParties(toks, ms, m) {
			d.addRelation(si, diplograph.PartyTo, c.id, treaty, "", nil)
		}
		r, ok := d.x.kb.Get(treaty)
		if !ok {
			continue
		}
		// A treaty of two or three parties names them by being named
		// ("the ANZUS Treaty"). Of a larger one, the parties the sentence
		// names or stands for ("the two countries"): the sentence is the
		// relation's evidence, and one that names the North Atlantic
		// Treaty says nothing of Sweden.
		few := len(r.Parties) <= 3
		named := map[string]bool{}
		for _, c := range ms {
			if c.typ == diplograph.Country && c.id != "" {
				named[c.id] = true
			}
		}
		if sentenceHasAny(toks, pairWords) {
			for _, c := range d.countryPair(si) {
				named[c.id] = true
			}
		}
		for _, p := range r.Parties {
			if d.ents[p] != nil && (few || named[p]) {
				d.addRelation(si, diplograph.PartyTo, p, treaty, "", nil)
			}
		}
	}
}

// namedPlace reports whether m names a known place or territory by its
// name, what LOCATED_IN relates.
func namedPlace(m *mention) bool {
	return m.id != "" && m.form == formName && (m.typ == diplograph.Place || m.typ == diplograph.Territory)
}

// regionWords may follow a region's name ("the Indo-Pacific region").
var regionWords = map[string]bool{"region": true, "area": true, "waters": true}

// placesListed returns the places and territories listed from token i on
// ("the Taiwan Strait and the South China Sea"), up to the first word that
// is neither one of them, "the", "and" nor a comma.
func placesListed(toks []token.Token, ms []*mention, i int) []*mention {
	var out []*mention
	for i < len(toks) {
		switch toks[i].Lower {
		case "the", "and", ",":
			i++
			continue
		}
		m := mentionAt(ms, i)
		if m == nil || m.first != i || !namedPlace(m) {
			break
		}
		out = append(out, m)
		i = m.last
	}
	return out
}

// statedParties returns the countries a sentence says are parties to the
// treaty mention t: "<countries> (is|are|remain) a party / parties /
// signatory to <t>", not after a negation ("is not a party to").
func (d *doc) statedParties(toks []token.Token, ms []*mention, t *mention) []*mention {
	j := t.first - 1
	if j >= 0 && toks[j].Lower == "the" {
		j--
	}
	if j < 1 || toks[j].Lower != "to" && toks[j].Lower != "of" || !partyWords[toks[j-1].Lower] {
		return nil
	}
	for k := j - 2; k >= 0 && k >= j-8; k-- {
		switch toks[k].Lower {
		case "not", "never", "no", "longer", "former", "non":
			return nil
		}
		m := mentionEndingAt(ms, k+1)
		if m == nil {
			if toks[k].Kind != token.Word || toks[k].Cap {
				return nil
			}
			continue
		}
		if !isCountry(m) || m.possessive {
			return nil
		}
		return countriesBefore(ms, toks, m)
	}
	return nil
}

// partyWords name a party to a treaty before "to" or "of".
var partyWords = map[string]bool{"party": true, "parties": true, "signatory": true, "signatories": true}

// locationRelations: a place or territory whose container the knowledge
// base knows, when the sentence names both; and a place the text places in
// a country itself, "Gyeongju, South Korea," as datelines and news write
// a city most readers do not know.
func (d *doc) locationRelations(si int, ms []*mention) {
	toks := d.sents[si].Tokens
	for _, m := range ms {
		if m.typ != diplograph.Place || m.id == "" || m.form != formName || m.last+1 >= len(toks) || toks[m.last].Text != "," {
			continue
		}
		c := mentionAt(ms, m.last+1)
		if c == nil || !isCountry(c) || c.form != formName {
			continue
		}
		// The country ends the phrase: "Gyeongju, South Korea, at the end
		// of October", not "in Beijing, China said".
		if e := c.last; e == len(toks) || toks[e].Kind != token.Word || countryPlaceFollowers[toks[e].Lower] {
			d.addRelation(si, diplograph.LocatedIn, m.id, c.id, "", nil)
		}
	}
	// "the Indo-Pacific region, including the Taiwan Strait": the places
	// a region includes lie in it.
	for _, c := range ms {
		if !namedPlace(c) {
			continue
		}
		j := c.last
		if j < len(toks) && regionWords[toks[j].Lower] {
			j++
		}
		if j+1 >= len(toks) || toks[j].Text != "," || toks[j+1].Lower != "including" {
			continue
		}
		for _, m := range placesListed(toks, ms, j+2) {
			if m.id != c.id {
				d.addRelation(si, diplograph.LocatedIn, m.id, c.id, "", nil)
			}
		}
	}
	// "Second Thomas Shoal in the South China Sea", "the island of
	// Vaindloo in the Gulf of Finland": a place or territory in a sea,
	// gulf, region or chain the sentence names right after it. (In a
	// country is "City, Country" above or no news.)
	for _, m := range ms {
		if !namedPlace(m) || m.last+1 >= len(toks) || toks[m.last].Lower != "in" {
			continue
		}
		j := m.last + 1
		if toks[j].Lower == "the" {
			j++
		}
		c := mentionAt(ms, j)
		if c == nil || c.first != j || !namedPlace(c) || c.id == m.id {
			continue
		}
		if r, ok := d.x.kb.Get(c.id); ok && r.Kind == "CITY" {
			continue
		}
		d.addRelation(si, diplograph.LocatedIn, m.id, c.id, "", nil)
	}
	for _, m := range ms {
		if !namedPlace(m) {
			continue
		}
		r, ok := d.x.kb.Get(m.id)
		// A city or a region in its country is common knowledge, not news
		// (the text's own "Gyeongju, South Korea," is above); a shoal in a
		// sea or an island in a chain is worth a relation.
		if !ok || r.In == "" || r.Kind == "CITY" {
			continue
		}
		if c, ok := d.x.kb.Get(r.In); ok && c.Type == diplograph.Country {
			continue
		}
		for _, c := range ms {
			if c.id == r.In && c.form != formDemonym {
				d.addRelation(si, diplograph.LocatedIn, m.id, r.In, "", nil)
				break
			}
		}
	}
}
