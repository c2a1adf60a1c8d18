package extract

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/token"
	"github.com/diplograph/diplograph/kb"
)

// mention is one place in the text where an entity is named.
type mention struct {
	sent        int
	first, last int // tokens [first, last) of the sentence
	id          string
	typ         diplograph.EntityType
	form        form
	text        string
	// title is the office named before a person ("Prime Minister"), and
	// titleOf the country it qualifies ("U.S. President").
	title, titleOf string
	// titleAt is one more than the index of the title's first token
	// when the title stands before the name; 0 otherwise.
	titleAt int
	// possessive is true when "'s" follows the mention.
	possessive bool
	// acts is true for a nationality word that stands for its country as
	// an actor ("Chinese troops"), and for the people of a territory
	// ("islanders").
	acts bool
	// reuse is true for a short form of a name given in full elsewhere in
	// the article (a surname, an abbreviation).
	reuse bool
}

// isActor reports whether the mention can take part in an event.
func (m *mention) isActor() bool {
	switch m.typ {
	case diplograph.Person, diplograph.Country, diplograph.Organization:
		return m.form != formDemonym || m.acts
	case diplograph.Territory:
		// Only its people act: "islanders voted" (resolveTerritoryAnaphora).
		return m.acts
	}
	return false
}

// findMentions runs the mention passes over every sentence: people by
// title, cue or first name, knowledge-base names, organizations by their
// head word, places by cue, generic institutions; then the short forms of
// the names found (surnames, abbreviations, initials) anywhere in the
// article.
func (d *doc) findMentions() {
	d.ments = make([][]*mention, len(d.sents))
	names := newArticleNames()
	for si := range d.sents {
		d.ments[si] = d.sentenceMentions(si, names)
	}
	for si, ms := range d.ments {
		for _, m := range ms {
			if !m.reuse {
				names.rememberOrg(d.sents[si].Tokens, m)
			}
		}
	}
	for si := range d.sents {
		d.ments[si] = d.reuseMentions(si, names)
		// "Penny Wong, Australia's foreign minister": a person the
		// knowledge base knows takes the title of an apposition too.
		for _, m := range d.ments[si] {
			if m.typ == diplograph.Person && m.id != "" && m.title == "" {
				if title, of, ok := d.appositionTitle(si, m.last); ok {
					m.title, m.titleOf = title, of
				}
			}
		}
	}
	countries := d.articleCountries()
	for si := range d.sents {
		d.resolveDescriptors(si, countries)
	}
	d.resolveOrgAnaphora()
	d.resolveTerritoryAnaphora()
	// Full names first, so that an entity found by cue is named in full
	// even when its surname comes earlier (in a headline).
	for _, reuse := range []bool{false, true} {
		for si := range d.sents {
			for _, m := range d.ments[si] {
				if m.id != "" && m.reuse == reuse {
					d.register(m)
				}
			}
		}
	}
}

// resolveOrgAnaphora: "the alliance" stands for the treaty organization
// the article named last (NATO), "the bloc" for the intergovernmental
// organization it named last ("ASEAN ... the bloc's foreign ministers").
// An alliance of others ("the alliance between Japan and the U.S.") is
// not one of them.
func (d *doc) resolveOrgAnaphora() {
	var alliance, bloc string
	for si := range d.sents {
		toks := d.sents[si].Tokens
		ms := d.ments[si]
		var added []*mention
		next := 0 // the sentence's mentions seen so far
		for i := 0; i+1 < len(toks); i++ {
			for ; next < len(ms) && ms[next].first <= i; next++ {
				m := ms[next]
				if m.typ != diplograph.Organization || m.id == "" || m.form != formName {
					continue
				}
				r, ok := d.x.kb.Get(m.id)
				if !ok || r.Kind != "IGO" {
					continue
				}
				bloc = m.id
				if strings.Contains(strings.ToLower(r.Name), "treaty organization") {
					alliance = m.id
				}
			}
			if toks[i].Lower != "the" || inMention(ms, i+1) {
				continue
			}
			ref := ""
			switch toks[i+1].Lower {
			case "alliance":
				ref = alliance
			case "bloc":
				ref = bloc
			}
			if ref == "" || i+2 < len(toks) && (toks[i+2].Cap || orgAnaphoraStops[toks[i+2].Lower]) {
				continue
			}
			added = append(added, standIn(si, i+1, toks[i+1].Text, ref, diplograph.Organization))
		}
		d.insertMentions(si, added)
	}
}

// resolveTerritoryAnaphora: "the shoal", "the islands", "the reef" stand
// for the territory the article named last whose name ends in that word
// ("Second Thomas Shoal ... China claims the shoal"), and "islanders"
// for the people of the islands named last.
func (d *doc) resolveTerritoryAnaphora() {
	last := map[string]string{} // a name's last word → the territory
	for si := range d.sents {
		toks := d.sents[si].Tokens
		ms := d.ments[si]
		var added []*mention
		next := 0
		for i := 0; i < len(toks); i++ {
			for ; next < len(ms) && ms[next].first <= i; next++ {
				m := ms[next]
				if m.typ == diplograph.Territory && m.id != "" && m.form == formName && m.last-m.first > 1 {
					last[toks[m.last-1].Lower] = m.id
				}
			}
			// "Islanders" are the people of the islands named last, and
			// what they do (vote, decide) is the territory's.
			if toks[i].Lower == "islanders" && !toks[i].Cap && !inMention(ms, i) && (i == 0 || !toks[i-1].Cap) {
				if ref := last["islands"]; ref != "" {
					m := standIn(si, i, toks[i].Text, ref, diplograph.Territory)
					m.acts = true
					added = append(added, m)
				}
				continue
			}
			if i+1 >= len(toks) || toks[i].Lower != "the" || inMention(ms, i+1) || toks[i+1].Cap {
				continue
			}
			ref := last[toks[i+1].Lower]
			// "the islands of Kunashir and Etorofu" names others.
			if ref == "" || i+2 < len(toks) && (toks[i+2].Cap || toks[i+2].Lower == "of") {
				continue
			}
			added = append(added, standIn(si, i+1, toks[i+1].Text, ref, diplograph.Territory))
		}
		d.insertMentions(si, added)
	}
}

// standIn returns the one-word mention at token i of sentence si that
// stands for an entity named before ("the alliance", "the shoal",
// "islanders"): evidence for it, no name of it.
func standIn(si, i int, text, id string, typ diplograph.EntityType) *mention {
	return &mention{sent: si, first: i, last: i + 1, id: id, typ: typ, form: formDescriptor, text: text, reuse: true}
}

// insertMentions adds the mentions a later pass found to sentence si, in
// token order.
func (d *doc) insertMentions(si int, added []*mention) {
	if len(added) > 0 {
		d.ments[si] = append(d.ments[si], added...)
		sortMentions(d.ments[si])
	}
}

// orgAnaphoraStops after "the alliance" make it another alliance.
var orgAnaphoraStops = map[string]bool{"between": true, "with": true, "of": true}

// register creates or updates the entity a resolved mention names.
func (d *doc) register(m *mention) {
	switch {
	case m.typ == diplograph.Treaty && strings.Contains(m.id, "/"):
		d.addEntity(m, m.title, m.typ, "ARTICLE")
	case m.typ == diplograph.Organization:
		e := d.addEntity(m, m.text, m.typ, m.title)
		if m.titleOf != "" && e.e.Properties == nil {
			e.e.Properties = map[string]string{"country": m.titleOf}
		}
		if d.qualifiesTitle(m) {
			e.inTitle++
		}
	case m.typ == diplograph.Topic:
		e := d.addEntity(m, m.text, m.typ, "")
		if d.debates(m.sent) {
			e.debated++
		}
	default:
		d.addEntity(m, m.text, m.typ, "")
	}
}

// debates reports whether sentence si talks of, agrees on or disputes
// something (topicCues), which makes the topics it names subjects of that.
// A topic named in passing ("imposed sanctions", "a rich fishing ground")
// is what the text is about no more than any other noun.
func (d *doc) debates(si int) bool {
	for _, t := range d.sents[si].Tokens {
		if topicCues[t.Lower] {
			return true
		}
	}
	return false
}

// topicCues are the words of talks, agreement, cooperation and dispute.
var topicCues = map[string]bool{
	"discuss": true, "discussed": true, "discusses": true, "discussing": true, "discussion": true,
	"discussions": true, "talk": true, "talks": true, "talked": true, "negotiate": true,
	"negotiated": true, "negotiates": true, "negotiating": true, "negotiation": true, "negotiations": true,
	"agree": true, "agreed": true, "agrees": true, "agreement": true, "agreements": true, "deal": true,
	"deals": true, "accord": true, "accords": true, "pact": true, "memorandum": true, "cooperate": true,
	"cooperated": true, "cooperating": true, "cooperation": true, "collaborate": true,
	"collaboration": true, "partnership": true, "partnerships": true, "dialogue": true,
	"consultations": true, "focus": true, "focused": true, "focuses": true, "focusing": true,
	"agenda": true, "address": true, "addressed": true, "dispute": true, "disputes": true,
	"disagreement": true, "disagreements": true, "row": true, "tensions": true, "friction": true,
	"differences": true, "spat": true, "feud": true, "quarrel": true, "concern": true, "concerns": true,
	"raised": true, "touched": true,
}

// qualifiesTitle reports whether a mention stands just before a title,
// maybe with words of the office between ("Foreign Ministry spokesperson",
// "a Foreign Office spokesperson", "State Department deputy spokesperson").
func (d *doc) qualifiesTitle(m *mention) bool {
	toks := d.sents[m.sent].Tokens
	j := m.last
	for j < len(toks) && officeWords[toks[j].Lower] {
		j++
	}
	if j == len(toks) {
		return false
	}
	_, _, ok := d.x.titles.at(toks, j)
	return ok
}

// ministryOffices name a ministry when they come before "Office".
var ministryOffices = map[string]bool{"foreign": true, "home": true}

// possessive reports whether t is the possessive "'s" (straight or curly).
func possessive(t token.Token) bool { return t.Text == "'s" || t.Text == "’s" }

// honorifics are titles that name no office.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "mister": true}

func (d *doc) sentenceMentions(si int, names *articleNames) []*mention {
	toks := d.sents[si].Tokens
	var out []*mention
	// The passes in order of precedence: cues for people, organizations by
	// head word, then places by noun, knowledge-base names, people by first
	// name, news outlets and places by preposition.
	before := []mentionPass{
		{find: func(i int) *mention { return d.titledPerson(si, i, out) }},
		{find: func(i int) *mention { return d.speakerPerson(si, i) }, capital: true},
		{find: func(i int) *mention { return d.appositivePerson(si, i) }, capital: true},
		{find: func(i int) *mention { return d.bylinePerson(si, i) }, capital: true},
		{find: func(i int) *mention { return d.cuedPerson(si, i) }, capital: true},
	}
	after := []mentionPass{
		{find: func(i int) *mention { return d.leaderGovernment(si, i) }, capital: true},
		{find: func(i int) *mention { return d.placeByNoun(si, i) }},
		{find: func(i int) *mention { return d.gazetteerMention(si, i) }},
		{find: func(i int) *mention { return d.givenNamePerson(si, i) }, capital: true},
		{find: func(i int) *mention { return d.mediaOrg(si, i) }, capital: true},
		{find: func(i int) *mention { return d.locativePlace(si, i, names) }, capital: true},
	}
	for i := 0; i < len(toks); {
		capital := toks[i].Cap
		m := firstMention(before, i, capital)
		if m == nil {
			var ms []*mention
			if capital {
				// Both find organizations by a name's capitalized words.
				ms = d.orgByHead(si, i)
				if ms == nil {
					ms = d.orgByShape(si, i)
				}
			}
			if ms != nil {
				out = append(out, ms...)
				i = ms[len(ms)-1].last
				continue
			}
			m = firstMention(after, i, capital)
		}
		if m != nil {
			// "Mr Straw" after "Foreign Secretary Jack Straw": a name found
			// by an honorific or cue that is a short form of a person the
			// article named in full before is that person. Another title
			// may name another ("King Hussein" after "Saddam Hussein"),
			// the one given before names the same ("Secretary Rice" after
			// "Secretary of State Condoleezza Rice").
			if id := names.people[m.text]; m.typ == diplograph.Person && id != "" && id != m.id && !d.inKB(m.id) &&
				(m.title == "" || honorifics[strings.ToLower(strings.TrimSuffix(m.title, "."))] || names.titled(id, m.title)) {
				m.id, m.reuse = id, true
			}
			out = append(out, m)
			names.rememberPerson(toks, m, d.x.kb.GivenName)
			d.rememberPlace(names, m)
			i = m.last
			continue
		}
		// Generic institutions are written in lower case ("a
		// parliamentary committee").
		if kind, n, ok := d.genericAt(toks, i, capital); ok {
			// "A parliamentary committee" is some committee, unnamed: no
			// entity. "The coast guard", "coast guard vessels" are the
			// country's one.
			if i == 0 || toks[i-1].Lower != "a" && toks[i-1].Lower != "an" {
				out = append(out, &mention{sent: si, first: i, last: i + n, typ: diplograph.Organization,
					text: joinTokens(toks[i : i+n]), title: kind})
			}
			i += n
			continue
		}
		i++
	}
	out = d.definedAcronyms(si, out, names)
	for _, m := range out {
		if m.last < len(toks) && possessive(toks[m.last]) {
			m.possessive = true
		}
	}
	d.demonymActors(si, toks, out)
	d.resolveGenericOrgs(si, out)
	return out
}

// genericAt returns the generic institution named at toks[i], which
// starts in lower case: none at a capitalized word.
func (d *doc) genericAt(toks []token.Token, i int, capital bool) (string, int, bool) {
	if capital {
		return "", 0, false
	}
	return d.x.generic.at(toks, i)
}

// mentionPass is one way of finding a mention at a token.
type mentionPass struct {
	find func(i int) *mention
	// capital marks a pass that finds nothing unless the token is a
	// capitalized word: it is not run at other tokens, most of a text.
	capital bool
}

// firstMention returns the mention the first of passes finds at token i;
// capital tells whether that token is a capitalized word.
func firstMention(passes []mentionPass, i int, capital bool) *mention {
	for _, p := range passes {
		if p.capital && !capital {
			continue
		}
		if m := p.find(i); m != nil {
			return m
		}
	}
	return nil
}

// rememberPlace keeps a one-word place found by cue, so that the article
// may name it again without the cue ("Wenchang has built a berth").
func (d *doc) rememberPlace(names *articleNames, m *mention) {
	if m.typ != diplograph.Place || m.id == "" || m.last-m.first != 1 {
		return
	}
	if _, known := d.x.kb.Get(m.id); !known {
		names.places[m.text] = m
	}
}

// demonymActors decides what a nationality word names besides its country.
// Qualifying the people or bodies through which a state acts ("Hungarian
// and Romanian officials agreed", "Chinese security forces", "Syrian
// officers"), it stands for the country as an actor. Qualifying a group
// that does not act for the state ("Rwandan rebels", "Afghan rebel
// leaders", "French farmers", "the Syrian opposition"), it makes that group
// an actor of its own, an organization of the country's people. A plural
// nationality noun is the people itself ("The Palestinians reject",
// "Palestinians and Israelis failed to agree") and stands for the
// country; after "ethnic" it is an ethnic group ("ethnic Albanians"),
// which is no state's actor. "pro-Russian" and "anti-American" describe
// a stance, not a nationality.
func (d *doc) demonymActors(si int, toks []token.Token, ms []*mention) {
	for k, m := range ms {
		if m.form != formDemonym || !d.nationOrPeople(m.id) || stanceAffix(toks, m.first) {
			continue
		}
		if g := d.groupMention(si, toks, m); g != nil {
			ms[k] = g
			continue
		}
		if d.x.gaz.plurals[m.text] {
			if m.first > 0 && toks[m.first-1].Lower == "ethnic" {
				name := "ethnic " + m.text
				ms[k] = &mention{sent: si, first: m.first - 1, last: m.last, typ: diplograph.Organization,
					id: kb.Slug(diplograph.Organization, name), form: formGroup, text: name, title: "ETHNIC_GROUP"}
				continue
			}
			m.acts = true
		}
		portfolio := false
		for j := m.last; j < len(toks) && j < m.last+5; j++ {
			w := toks[j].Lower
			if actorNouns[w] {
				// "Japanese foreign ministers" act for Japan; "the Israeli
				// foreign minister" is one person, who acts.
				m.acts = !portfolio || strings.HasSuffix(w, "s")
				break
			}
			if portfolios[w] && !toks[j].Cap {
				portfolio = true
				continue
			}
			// Only other nationality words, "and" and the words naming
			// a branch of the state may stand between.
			if w != "and" && w != "," && !sectorModifiers[w] && mentionAt(ms, j) == nil && !inMention(ms, j) {
				break
			}
		}
	}
}

// nationOrPeople reports whether id is a country or an ethnic group, whose
// nationality words ("Kurdish") qualify the people acting for it.
func (d *doc) nationOrPeople(id string) bool {
	r, ok := d.x.kb.Get(id)
	return ok && (r.Type == diplograph.Country || r.Kind == "ETHNIC_GROUP")
}

// stanceAffix reports whether the word at toks[i] follows "pro-" or
// "anti-" ("pro-Russian separatists").
func stanceAffix(toks []token.Token, i int) bool {
	return i >= 2 && toks[i-1].Text == "-" && !toks[i-1].SpaceBefore && !toks[i].SpaceBefore &&
		(toks[i-2].Lower == "pro" || toks[i-2].Lower == "anti")
}

// groupMention returns the group a nationality word qualifies ("Rwandan
// rebels", "Afghan rebel leaders", "the Syrian opposition"), named by the
// nationality and the group's noun in the plural, or nil. Its spokesmen
// and leaders act for it, so "rebel leaders" name the rebels. A group noun
// in the singular names one person ("an Afghan rebel") unless a noun for
// its leaders or members follows.
func (d *doc) groupMention(si int, toks []token.Token, m *mention) *mention {
	j := m.last
	for j < len(toks) && groupModifiers[toks[j].Lower] {
		j++
	}
	if j >= len(toks) {
		return nil
	}
	g, ok := groupNouns[toks[j].Lower]
	if !ok || toks[j].Cap {
		return nil // part of a name
	}
	last := j + 1
	for last < len(toks) {
		if _, more := groupNouns[toks[last].Lower]; !more {
			break
		}
		last++
	}
	if last < len(toks) && groupMembers[toks[last].Lower] {
		last++
	} else if toks[last-1].Lower != g.plural {
		return nil
	}
	r, ok := d.x.kb.Get(m.id)
	if !ok {
		return nil
	}
	// The group is named by the nationality as the text wrote it, the
	// adjective rather than the plural noun.
	demonym := m.text
	if d.x.gaz.plurals[demonym] {
		demonym = adjectiveOf(r, demonym)
	}
	name := demonym + " " + g.plural
	country := ""
	if r.Type == diplograph.Country {
		country = r.ID
	}
	return &mention{sent: si, first: m.first, last: last, typ: diplograph.Organization,
		id: kb.Slug(diplograph.Organization, name), form: formGroup, text: name, title: g.kind, titleOf: country}
}

// adjectiveOf returns the singular demonym of r whose plural is p.
func adjectiveOf(r *kb.Record, p string) string {
	for _, s := range r.Demonyms {
		if p == s+"s" || p == s+"es" {
			return s
		}
	}
	return p
}

// actorNouns are the people and bodies through which a country acts.
var actorNouns = map[string]bool{"officials": true, "official": true, "leaders": true, "leader": true, "diplomats": true,
	"diplomat": true, "government": true, "authorities": true, "forces": true, "troops": true, "ministers": true,
	"minister": true, "negotiators": true, "delegation": true, "delegations": true, "navy": true, "military": true,
	"army": true, "police": true, "envoy": true, "envoys": true, "side": true, "sides": true, "soldiers": true,
	"warships": true, "president": true, "premier": true, "regime": true,
	"officers": true, "officer": true, "commanders": true, "commander": true, "generals": true,
	"lawmakers": true, "lawmaker": true, "legislators": true, "parliamentarians": true, "mps": true,
	"senators": true, "administration": true, "cabinet": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "spokesmen": true, "representatives": true, "representative": true, "delegates": true,
	"mediators": true, "mediator": true, "warplanes": true, "jets": true, "aircraft": true, "planes": true,
	"gunboats": true, "guards": true, "peacekeepers": true, "prosecutors": true, "investigators": true,
	"agents": true}

// sectorModifiers name a branch of the state between a nationality word
// and the people acting for it: "Chinese security forces", "Indian border
// guards".
var sectorModifiers = map[string]bool{"senior": true, "top": true, "high-ranking": true, "ranking": true,
	"security": true, "border": true, "riot": true, "coast": true, "naval": true, "air": true, "armed": true,
	"military": true, "government": true, "intelligence": true, "peace": true, "special": true, "state": true,
	"local": true, "provincial": true, "federal": true, "regional": true, "army": true, "navy": true,
	"police": true, "elite": true}

// portfolios name a ministry's field between a nationality word and its
// people in the plural, written in lower case where they are no title:
// "South Korean and Japanese foreign ministers", "Iranian defense
// officials".
var portfolios = map[string]bool{"foreign": true, "defense": true, "defence": true, "trade": true,
	"finance": true, "interior": true, "economic": true, "justice": true, "ministry": true}

// groupNoun is a kind of group that acts without acting for its state,
// with its plural, which names it.
type groupNoun struct {
	plural, kind string
}

// groupNouns are the groups a nationality word may qualify ("Rwandan
// rebels", "French farmers"), in the singular and the plural. A
// collective noun ("opposition") is its own plural.
var groupNouns = func() map[string]groupNoun {
	out := map[string]groupNoun{}
	for kind, nouns := range map[string][]string{
		"ARMED_GROUP": {"rebel", "militant", "insurgent", "guerrilla", "separatist", "militia", "fighter",
			"gunman:gunmen", "militiaman:militiamen", "paramilitary:paramilitaries", "extremist", "jihadist"},
		"OPPOSITION": {"opposition:opposition", "dissident", "exile"},
		"GROUP": {"protester", "protestor", "demonstrator", "student", "farmer", "worker", "fisherman:fishermen",
			"activist", "refugee", "settler", "nationalist", "hardliner", "trade unionist", "unionist", "veteran"},
	} {
		for _, n := range nouns {
			sing, plural, irregular := strings.Cut(n, ":")
			if !irregular {
				plural = sing + "s"
			}
			out[sing] = groupNoun{plural, kind}
			out[plural] = groupNoun{plural, kind}
		}
	}
	return out
}()

// groupModifiers may stand between a nationality word and its group:
// "Albanian ethnic rebels", "Kurdish armed separatists".
var groupModifiers = map[string]bool{"ethnic": true, "armed": true, "radical": true, "hardline": true,
	"islamist": true, "muslim": true, "christian": true, "leftist": true, "rightist": true,
	"right-wing": true, "left-wing": true, "anti-government": true, "pro-government": true}

// groupMembers are the nouns for a group's leaders and members, which act
// for it: "rebel leaders", "opposition figures", "militant groups".
var groupMembers = map[string]bool{"leader": true, "leaders": true, "commander": true, "commanders": true,
	"chief": true, "chiefs": true, "spokesman": true, "spokesmen": true, "spokeswoman": true,
	"representatives": true, "negotiators": true, "delegation": true, "delegates": true, "groups": true,
	"group": true, "movement": true, "movements": true, "parties": true, "factions": true, "figures": true,
	"members": true, "forces": true, "coalition": true, "alliance": true, "bloc": true, "camp": true}

// gazetteerMention matches a knowledge-base name at token i and decides
// which of its entities it names.
func (d *doc) gazetteerMention(si, i int) *mention {
	toks := d.sents[si].Tokens
	e, n := d.known(si, i)
	if e == nil {
		return nil
	}
	// A name glued to a preceding letter or digit is part of another word.
	m := &mention{sent: si, first: i, last: i + n, text: joinTokens(toks[i : i+n])}
	t, ok := d.pickTarget(toks, i, n, e.tgts)
	if !ok {
		return nil
	}
	m.id, m.typ, m.form = t.id, t.typ, t.form
	if t.form == formDescriptor {
		m.id = "" // resolved once the article's parties are known
		m.typ = t.typ
	}
	return m
}

// pickTarget chooses among the entities a surface form may name. A capital
// after a locative word ("in Beijing", "visit Washington") is the city;
// elsewhere a capital that is a country's metonym stands for the country
// ("Beijing said").
func (d *doc) pickTarget(toks []token.Token, i, n int, tgts []target) (target, bool) {
	if len(tgts) == 1 {
		return tgts[0], true
	}
	var place, metonym, name, demonym, descriptor *target
	for k := range tgts {
		t := &tgts[k]
		switch {
		case t.form == formMetonym && metonym == nil:
			metonym = t
		case t.form == formName && t.typ == diplograph.Place && place == nil:
			place = t
		case t.form == formName && name == nil:
			name = t
		case t.form == formDemonym && demonym == nil:
			demonym = t
		case t.form == formDescriptor && descriptor == nil:
			descriptor = t
		}
	}
	if place != nil && metonym != nil {
		if isLocative(toks, i, n) {
			return *place, true
		}
		return *metonym, true
	}
	for _, t := range []*target{name, place, metonym, demonym, descriptor} {
		if t != nil {
			return *t, true
		}
	}
	return target{}, false
}

// isLocative reports whether the place name at toks[i:i+n] is used as a
// place: after a locative word, or before "-based".
func isLocative(toks []token.Token, i, n int) bool {
	// A dateline ("MANILA —") names where the story was filed.
	if i == 0 && allCaps(toks[0].Text) {
		return true
	}
	j := i - 1
	for j >= 0 && (toks[j].Lower == "the" || toks[j].Lower == "capital") {
		j--
	}
	if j >= 0 && locatives[toks[j].Lower] {
		return true
	}
	if i+n+1 < len(toks) && toks[i+n].Text == "-" && toks[i+n+1].Lower == "based" {
		return true
	}
	return false
}

// titledPerson finds "Title Name" ("Prime Minister Shigeru Ishiba",
// "spokesperson Lin Jian"), optionally qualified by a country before the
// title ("U.S. President Donald Trump", "Japan's Foreign Minister ...").
func (d *doc) titledPerson(si, i int, before []*mention) *mention {
	toks := d.sents[si].Tokens
	title, n, ok := d.x.titles.at(toks, i)
	if !ok {
		return nil
	}
	// "General Assembly": a known name that starts with a title word.
	if e, k := d.known(si, i); e != nil && k > n {
		return nil
	}
	// Titles such as "Prime Minister" are capitalized before a name; a
	// lower-case "president" or "leader" is a common noun unless a name
	// follows at once, which nameRun demands anyway.
	j := i + n
	if j < len(toks) && toks[j].Text == "." && strings.HasSuffix(strings.ToLower(joinTokens(toks[i:j])), "mr") {
		j++
	}
	if e, k := d.known(si, j); e != nil {
		for _, t := range e.tgts {
			if t.typ == diplograph.Person && t.form == formName {
				m := &mention{sent: si, first: j, last: j + k, id: t.id, typ: diplograph.Person,
					text: joinTokens(toks[j : j+k]), title: title, titleAt: i + 1}
				m.titleOf = d.titleCountry(si, i, before)
				return m
			}
		}
		return nil
	}
	k := d.nameRunAt(si, j)
	if k == 0 {
		return nil
	}
	name := joinTokens(toks[j : j+k])
	m := &mention{sent: si, first: j, last: j + k, id: kb.Slug(diplograph.Person, name), typ: diplograph.Person,
		text: name, title: title, titleAt: i + 1}
	m.titleOf = d.titleCountry(si, i, before)
	return m
}

// titleCountry returns the country qualifying a title at toks[i]: a
// country or demonym just before it ("U.S. President", "Chinese Foreign
// Minister", "Japan's prime minister").
func (d *doc) titleCountry(si, i int, before []*mention) string {
	if len(before) == 0 {
		return ""
	}
	prev := before[len(before)-1]
	owner := ""
	switch {
	case prev.typ == diplograph.Country:
		owner = prev.id
	case prev.typ == diplograph.Organization && prev.titleOf != "":
		// "Chinese Foreign Ministry spokesperson": the ministry's country.
		owner = prev.titleOf
	case prev.typ == diplograph.Organization && prev.id != "":
		// "NATO Secretary General": the organization itself.
		owner = prev.id
	default:
		return ""
	}
	toks := d.sents[si].Tokens
	end := prev.last
	if end < len(toks) && possessive(toks[end]) {
		end++
	}
	// "South Korean presidential spokesperson": a word of the office may
	// stand between.
	for end < i && officeWords[toks[end].Lower] {
		end++
	}
	if end == i {
		return owner
	}
	return ""
}

// officeWords may stand between a country and the title it qualifies.
var officeWords = map[string]bool{"presidential": true, "chief": true, "deputy": true, "senior": true, "top": true,
	"government": true, "cabinet": true,
	// Departments: "U.S. Commerce Secretary".
	"commerce": true, "energy": true, "trade": true, "defense": true, "defence": true, "foreign": true,
	"interior": true, "justice": true, "agriculture": true, "labor": true, "labour": true, "health": true,
	"education": true, "finance": true, "treasury": true, "home": true, "transport": true,
	"transportation": true, "economy": true, "environment": true}

// nameRun returns how many tokens from j form a personal name: one to four
// capitalized words that are not weekdays, months or titles, allowing
// lower-case particles inside ("bin", "van der") and a final "Jr.".
func nameRun(toks []token.Token, j int) int {
	k := 0
	for j+k < len(toks) && k < 5 {
		t := toks[j+k]
		switch {
		case t.Kind == token.Word && t.Cap && !notNameWord[t.Lower]:
			k++
		case k > 0 && t.Kind == token.Word && nameParticles[t.Lower] && j+k+1 < len(toks) && toks[j+k+1].Cap:
			k++
		case k > 0 && t.Kind == token.Word && nameParticles[t.Lower] && j+k+2 < len(toks) && toks[j+k+1].Text == "-" &&
			!toks[j+k+1].SpaceBefore && toks[j+k+2].Cap && !toks[j+k+2].SpaceBefore:
			// "Osama el-Baz".
			k += 3
		case k > 0 && t.Text == "-" && !t.SpaceBefore && j+k+1 < len(toks) && toks[j+k+1].Kind == token.Word && !toks[j+k+1].SpaceBefore:
			// "Han Duck-soo", "Jean-Yves": the part after the hyphen may be lower case.
			k += 2
		case k > 0 && t.Text == "." && !t.SpaceBefore && len(toks[j+k-1].Text) <= 3 && j+k+1 < len(toks) && toks[j+k+1].Cap:
			// An abbreviated given name: "Ma. Theresa Lazaro".
			k++
		default:
			return trimRun(toks, j, k)
		}
	}
	return trimRun(toks, j, k)
}

// nameRunAt returns nameRun at token j of sentence si, computed once per
// token.
func (d *doc) nameRunAt(si, j int) int {
	toks := d.sents[si].Tokens
	if j >= len(toks) {
		return nameRun(toks, j)
	}
	m := d.memo(si, j)
	if m.run == 0 {
		m.run = int8(nameRun(toks, j) + 1)
	}
	return int(m.run) - 1
}

func trimRun(toks []token.Token, j, k int) int {
	for k > 0 && (toks[j+k-1].Text == "-" || nameParticles[toks[j+k-1].Lower]) {
		k--
	}
	return k
}

var nameParticles = map[string]bool{"bin": true, "bint": true, "al": true, "van": true, "der": true, "de": true,
	"von": true, "da": true, "dos": true, "le": true, "la": true, "del": true, "di": true, "el": true, "ibn": true,
	"ben": true, "ould": true, "du": true, "des": true, "y": true, "arap": true, "ter": true}

var notNameWord = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true, "the": true,
	"of": true, "and": true, "minister": true, "president": true, "prime": true, "foreign": true, "said": true,
	"on": true, "in": true, "at": true, "for": true, "to": true, "a": true, "an": true, "is": true, "was": true,
	"ministry": true, "government": true, "office": true, "secretary": true, "spokesperson": true,
	"spokesman": true, "i": true, "we": true, "he": true, "she": true, "it": true, "they": true,
	// Function words and sentence adverbs that start sentences ("But
	// Rdainah said"), and numbers ("Four Africans said").
	"but": true, "yet": true, "so": true, "then": true, "also": true, "however": true, "meanwhile": true,
	"still": true, "now": true, "today": true, "yesterday": true, "tomorrow": true, "this": true, "that": true,
	"these": true, "those": true, "his": true, "her": true, "its": true, "their": true, "our": true, "my": true,
	"your": true, "there": true, "here": true, "both": true, "all": true, "some": true, "many": true,
	"most": true, "few": true, "several": true, "other": true, "another": true, "each": true, "every": true,
	"no": true, "not": true, "when": true, "while": true, "after": true, "before": true, "since": true,
	"until": true, "if": true, "although": true, "though": true, "because": true, "as": true, "with": true,
	"without": true, "by": true, "from": true, "about": true, "against": true, "between": true, "among": true,
	"during": true, "despite": true, "according": true, "what": true, "who": true, "which": true, "where": true,
	"why": true, "how": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "first": true, "last": true, "next": true,
	"under": true, "over": true, "even": true, "only": true, "just": true, "such": true, "more": true,
	"general": true, "deputy": true, "chairman": true, "director": true, "ambassador": true, "envoy": true,
	"bishop": true, "pope": true, "senator": true, "governor": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "witnesses": true, "officials": true, "diplomats": true, "sources": true,
}

// speakerPerson finds a person named by a reporting verb: a run of two or
// three capitalized words the knowledge base does not know, right before
// "said", "told", "added" ("Dariusz Rosati told a news conference") or
// right after a sentence-final "said" ("..., said Karel Kovanda.").
func (d *doc) speakerPerson(si, i int) *mention {
	toks := d.sents[si].Tokens
	if i > 0 && toks[i-1].Kind == token.Word && toks[i-1].Cap {
		return nil
	}
	k := d.nameRunAt(si, i)
	if k < 2 || k > 3 {
		return nil
	}
	for j := i; j < i+k; j++ {
		if allCaps(toks[j].Text) || !toks[j].Cap {
			return nil
		}
	}
	if d.knownWithin(si, i, i+k) != k {
		return nil
	}
	before := i > 0 && speechVerbs[toks[i-1].Lower]
	after := i+k < len(toks) && speechVerbs[toks[i+k].Lower]
	if !before && !after {
		return nil
	}
	name := joinTokens(toks[i : i+k])
	return &mention{sent: si, first: i, last: i + k, id: kb.Slug(diplograph.Person, name), typ: diplograph.Person, text: name}
}

var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "stated": true,
	"declared": true, "wrote": true, "announced": true, "insisted": true, "asked": true, "replied": true}

// appositivePerson finds "Name, [the|a|its|Country's|Demonym] [former]
// title": a person introduced by an apposition ("Lin Jian, a Chinese
// foreign ministry spokesperson,", "Penny Wong, Australia's foreign
// minister"), optionally with the country they come from ("Hamid Algabid of
// Niger, the secretary-general of ...").
func (d *doc) appositivePerson(si, i int) *mention {
	toks := d.sents[si].Tokens
	if i > 0 && toks[i-1].Kind == token.Word && toks[i-1].Cap {
		return nil // inside a longer capitalized run
	}
	k := d.nameRunAt(si, i)
	if k < 2 || i+k >= len(toks) {
		return nil
	}
	if d.knownWithin(si, i, i+k) != k {
		return nil
	}
	title, country, ok := d.appositionTitle(si, i+k)
	if !ok {
		return nil
	}
	name := joinTokens(toks[i : i+k])
	return &mention{sent: si, first: i, last: i + k, id: kb.Slug(diplograph.Person, name), typ: diplograph.Person,
		text: name, title: title, titleOf: country}
}

// appositionTitle reads the apposition that follows a name ending before
// token j: "[of Country], [the|a|its|Country's|Demonym] [former] title".
// It returns the title and the country or organization that qualifies it.
func (d *doc) appositionTitle(si, j int) (title, country string, ok bool) {
	toks := d.sents[si].Tokens
	if j >= len(toks) {
		return "", "", false
	}
	// "Name of Country,".
	if toks[j].Lower == "of" {
		c := j + 1
		if c < len(toks) && toks[c].Lower == "the" {
			c++
		}
		id, n := d.countryAt(si, c)
		if id == "" {
			return "", "", false
		}
		country, j = id, c+n
	}
	if j >= len(toks) || toks[j].Text != "," {
		return "", "", false
	}
	j++
	if j < len(toks) && appositionDeterminers[toks[j].Lower] {
		j++
	}
	for j < len(toks) && appositionModifiers[toks[j].Lower] {
		j++
	}
	if j < len(toks) {
		if e, n := d.known(si, j); e != nil {
			for _, t := range e.tgts {
				if t.typ == diplograph.Country || t.typ == diplograph.Organization && t.form == formName {
					country = t.id
					j += n
					if j < len(toks) && possessive(toks[j]) {
						j++
					}
					break
				}
			}
		}
	}
	// A possessor the knowledge base does not know ("Ruritania's").
	if j+1 < len(toks) && toks[j].Cap && possessive(toks[j+1]) {
		j += 2
	}
	for j < len(toks) && appositionModifiers[toks[j].Lower] {
		j++
	}
	if j >= len(toks) {
		return "", "", false
	}
	title, n, found := d.x.titles.at(toks, j)
	if !found && roleNouns[toks[j].Lower] {
		// Only in an apposition: before a name, "official" is as often
		// an adjective ("the official MENA news agency").
		title, n, found = "", 1, true
	}
	if !found || title == "" && !roleNouns[toks[j].Lower] || title == "Leader" {
		return "", "", false
	}
	// The title must end the apposition or be followed by a preposition
	// or "and" ("a top Chinese official on relations between …").
	e := j + n
	if e < len(toks) && toks[e].Kind == token.Word && !appositionLinks[toks[e].Lower] {
		return "", "", false
	}
	// "a spokesperson for China's Taiwan Affairs Office": what the title
	// is of qualifies it.
	if e < len(toks) && (toks[e].Lower == "of" || toks[e].Lower == "for") {
		k := e + 1
		if k < len(toks) && toks[k].Lower == "the" {
			k++
		}
		if id, n := d.countryAt(si, k); id != "" && k+n < len(toks) && possessive(toks[k+n]) {
			k += n + 1
		}
		if ent, n := d.known(si, k); ent != nil && n > 0 {
			for _, t := range ent.tgts {
				if t.typ == diplograph.Country || t.typ == diplograph.Organization {
					country = t.id
					break
				}
			}
		}
	}
	return title, country, true
}

// roleNouns name a person by what they do, without an office: "Wang
// Daohan, a top Chinese official".
var roleNouns = map[string]bool{"official": true, "diplomat": true, "lawmaker": true}

// appositionLinks may follow the title of an apposition.
var appositionLinks = map[string]bool{"of": true, "for": true, "and": true, "on": true, "in": true, "at": true, "with": true}

// appositionDeterminers and appositionModifiers may come before the title
// in an apposition: "its foreign minister", "the former special envoy".
var appositionDeterminers = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true,
	"her": true, "their": true}

var appositionModifiers = map[string]bool{"former": true, "then": true, "current": true, "acting": true,
	"interim": true, "outgoing": true, "new": true, "veteran": true, "senior": true, "top": true}

// countryAt returns the country whose name (not demonym) starts at token
// i of sentence si and its length in tokens.
func (d *doc) countryAt(si, i int) (string, int) {
	e, n := d.known(si, i)
	if e == nil {
		return "", 0
	}
	for _, t := range e.tgts {
		if t.typ == diplograph.Country && t.form == formName {
			return t.id, n
		}
	}
	return "", 0
}

// orgByHead finds a capitalized organization name ending in an
// institution word ("Chinese Foreign Ministry", "Philippine Coast Guard",
// "Monopolies and Mergers Commission") or made of one and its complement
// ("Office of Fair Trading") that the knowledge base does not know. A
// country named before a name of the second kind is a separate mention
// ("the UK Department of Transport").
func (d *doc) orgByHead(si, i int) []*mention {
	toks := d.sents[si].Tokens
	if !toks[i].Cap || toks[i].Kind != token.Word {
		return nil
	}
	if i > 0 && toks[i-1].Kind == token.Word && toks[i-1].Cap {
		return nil
	}
	// Walk the capitalized run, allowing "of", "for", "and" inside.
	end := i
	lastHead := -1
	for end < len(toks) {
		t := toks[end]
		if t.Kind == token.Word && (t.Cap || t.Text == "U.S." || t.Text == "U.N.") {
			if _, ok := orgHeadKind(t.Lower); ok && !allCaps(t.Text) {
				lastHead = end
			}
			end++
			continue
		}
		if (t.Lower == "of" || t.Lower == "for") && end+1 < len(toks) && toks[end+1].Cap {
			end++
			continue
		}
		// "Monopolies and Mergers Commission", "Trade and Industry", but
		// not "British Airways and American Airlines" (a head ends the
		// first name) nor "ASEAN and Chinese Premier Li Qiang".
		if (t.Lower == "and" || t.Text == "&") && end+1 < len(toks) && toks[end+1].Cap && lastHead != end-1 && !d.namedAt(si, end+1) {
			end++
			continue
		}
		if t.Text == "-" && !t.SpaceBefore && end+1 < len(toks) && toks[end+1].Cap {
			end++
			continue
		}
		break
	}
	if lastHead < 0 {
		return nil
	}
	// "Public Service Minister": a portfolio in a title, not a body.
	if lastHead+1 < len(toks) && (toks[lastHead+1].Lower == "minister" || toks[lastHead+1].Lower == "secretary") {
		return nil
	}
	last := lastHead + 1
	// "Office of Fair Trading": the complement after the head belongs to
	// the name.
	complement := last < end && (toks[last].Lower == "of" || toks[last].Lower == "for")
	if complement {
		last = end
	} else if lastHead == i {
		return nil
	}
	// "and" may join words inside a name, never end one.
	if toks[last-1].Lower == "and" {
		return nil
	}
	first := i
	// A leading sentence-initial "The" is not part of the name.
	if toks[first].Lower == "the" {
		first++
	}
	// The knowledge base wins when it knows a name at least as long.
	if e, n := d.known(si, first); e != nil && n >= last-first {
		return nil
	}
	if last-first < 2 {
		return nil
	}
	// A country name or demonym at its start says whose it is.
	country := ""
	var countryMention *mention
	if e, n := d.known(si, first); e != nil && n < last-first {
		for _, t := range e.tgts {
			if t.typ != diplograph.Country {
				continue
			}
			country = t.id
			if t.form == formName && complement && first+n < lastHead+1 && toks[first+n].Lower == toks[lastHead].Lower {
				countryMention = &mention{sent: si, first: first, last: first + n, id: t.id, typ: t.typ, form: t.form,
					text: joinTokens(toks[first : first+n])}
				first += n
			}
			break
		}
	}
	// "AMR Corp.": an abbreviated head keeps its period.
	if last == lastHead+1 && last+1 < len(toks) && toks[last].Text == "." && !toks[last].SpaceBefore &&
		token.IsAbbreviation(toks[lastHead].Text) {
		last++
	}
	name := joinTokens(toks[first:last])
	kind, _ := orgHeadKind(toks[lastHead].Lower)
	if lastHead > first && ministryOffices[toks[lastHead-1].Lower] && toks[lastHead].Lower == "office" {
		// "the Pakistani Foreign Office" is a ministry, as "the Foreign
		// Office" is in the knowledge base.
		kind = "MINISTRY"
	}
	m := &mention{sent: si, first: first, last: last, id: kb.Slug(diplograph.Organization, name),
		typ: diplograph.Organization, text: name, title: kind, titleOf: country}
	if countryMention != nil {
		return []*mention{countryMention, m}
	}
	return []*mention{m}
}

// namedBody returns the organization named in full in sentence si or
// before whose name ends in the generic m's words ("coast guard") and
// belongs to country: by the country the name's first words give
// ("Philippine Coast Guard").
func (d *doc) namedBody(si int, m *mention, country string) *mention {
	for sj := si; sj >= 0; sj-- {
		for _, o := range d.ments[sj] {
			if o == m || o.typ != diplograph.Organization || o.id == "" || o.form == formGroup ||
				!strings.HasSuffix(strings.ToLower(o.text), strings.ToLower(m.text)) {
				continue
			}
			if o.titleOf == country || o.titleOf == "" && d.countryWordAt(sj, o.first, o.last) == country {
				return o
			}
		}
	}
	return nil
}

// countryWordAt returns the country whose name or demonym starts the
// words toks[i:end] of sentence si, or "". The words may be a longer name
// the knowledge base knows ("Philippine Coast Guard"), so their first one,
// two or three are looked up alone.
func (d *doc) countryWordAt(si, i, end int) string {
	toks := d.sents[si].Tokens
	for k := 1; k <= 3 && i+k < end; k++ {
		e, n := d.x.gaz.match(toks[i:i+k], 0)
		if e == nil || n != k {
			continue
		}
		for _, t := range e.tgts {
			if t.typ == diplograph.Country {
				return t.id
			}
		}
	}
	return ""
}

// namedAt reports whether a knowledge-base name or a title starts at token
// i of sentence si.
func (d *doc) namedAt(si, i int) bool {
	if e, _ := d.known(si, i); e != nil {
		return true
	}
	_, _, ok := d.x.titles.at(d.sents[si].Tokens, i)
	return ok
}

// resolveGenericOrgs names the institutions written in lower case ("a
// parliamentary committee", "coast guard vessels") after the country of
// the nearest actor before them in the sentence.
func (d *doc) resolveGenericOrgs(si int, ms []*mention) {
	for k, m := range ms {
		if m.typ != diplograph.Organization || m.id != "" {
			continue
		}
		country := ""
		for j := k - 1; j >= 0 && country == ""; j-- {
			country = d.countryOf(ms[j])
		}
		if country == "" {
			continue
		}
		r, ok := d.x.kb.Get(country)
		if !ok {
			continue
		}
		name := r.Name + " " + titleCase(m.text)
		m.id = kb.Slug(diplograph.Organization, name)
		// The same body named in full in this sentence or before ("the
		// Philippine Coast Guard") keeps that name.
		if o := d.namedBody(si, m, country); o != nil {
			m.id, name = o.id, o.text
		}
		m.text = name
		m.titleOf = country
	}
}

// countryOf returns the country a mention stands for or belongs to: the
// country itself, a person's office country, an organization's country.
func (d *doc) countryOf(m *mention) string {
	switch m.typ {
	case diplograph.Country:
		return m.id
	case diplograph.Person:
		if m.titleOf != "" {
			return m.titleOf
		}
		if r, ok := d.x.kb.Get(m.id); ok {
			if o, ok := d.office(r); ok {
				if t, ok := d.x.kb.Get(o.Of); ok && t.Type == diplograph.Country {
					return o.Of
				}
			}
		}
	case diplograph.Organization:
		return m.titleOf
	}
	return ""
}

// office returns the office a known person held on the article's date
// (or holds now, when the article has none).
func (d *doc) office(r *kb.Record) (kb.Office, bool) {
	day := ""
	if !d.anchor.IsZero() {
		day = d.anchor.Format("2006-01-02")
	}
	for _, o := range r.Offices {
		if o.HeldOn(day) {
			return o, true
		}
	}
	return kb.Office{}, false
}

// heldOffice returns the first office the record held on the article's
// date that ok accepts: "Defence Minister Marles" is his second office of
// the day, not his first.
func (d *doc) heldOffice(r *kb.Record, ok func(kb.Office) bool) (kb.Office, bool) {
	day := ""
	if !d.anchor.IsZero() {
		day = d.anchor.Format("2006-01-02")
	}
	for _, o := range r.Offices {
		if o.HeldOn(day) && ok(o) {
			return o, true
		}
	}
	return kb.Office{}, false
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func sortMentions(ms []*mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].first < ms[j-1].first; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// resolveDescriptors turns common-noun references ("the bilateral security
// treaty") into the knowledge-base treaty whose parties the article names,
// and treaty provisions ("Article 5") into entities of the treaty in
// context. countries are the countries the article names (see
// articleCountries); a descriptor resolved to a country joins them once
// the sentence is done, as if they were gathered anew for each sentence.
func (d *doc) resolveDescriptors(si int, countries map[string]bool) {
	toks := d.sents[si].Tokens
	var out []*mention
	var resolved []string // countries named by this sentence's descriptors
	for _, m := range d.ments[si] {
		if m.form == formDescriptor && m.id == "" {
			m.id = d.treatyFor(m, countries)
			if m.id == "" {
				continue
			}
			r, _ := d.x.kb.Get(m.id)
			m.typ = r.Type
			if m.typ == diplograph.Country {
				resolved = append(resolved, m.id)
			}
		}
		if m.typ == diplograph.Organization && m.id == "" {
			continue
		}
		out = append(out, m)
	}
	for _, id := range resolved {
		countries[id] = true
	}
	// "Article 5" (of the treaty in context).
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Text != "Article" || toks[i+1].Kind != token.Num && !isRoman(toks[i+1].Text) {
			continue
		}
		treaty := ""
		// "Article 5 of the X treaty": the treaty after it in the sentence.
		for _, m := range out {
			if m.typ == diplograph.Treaty && m.first > i && m.first <= i+6 && !strings.Contains(m.id, "/") {
				treaty = m.id
				break
			}
		}
		if treaty == "" {
			treaty = d.lastTreaty(si, i)
		}
		if treaty == "" {
			continue
		}
		r, ok := d.x.kb.Get(treaty)
		if !ok {
			continue
		}
		num := toks[i+1].Text
		if isRoman(num) {
			num = romanToArabic(num)
		}
		id := treaty + "/article-" + strings.ToLower(num)
		out = append(out, &mention{sent: si, first: i, last: i + 2, id: id, typ: diplograph.Treaty,
			text: "Article " + toks[i+1].Text, title: "Article " + num + " of the " + r.Name})
	}
	sortMentions(out)
	d.ments[si] = out
}

// articleCountries returns the countries the article names, in any form.
func (d *doc) articleCountries() map[string]bool {
	out := map[string]bool{}
	for _, ms := range d.ments {
		for _, m := range ms {
			if m.typ == diplograph.Country && m.id != "" {
				out[m.id] = true
			}
		}
	}
	return out
}

// treatyFor resolves a descriptor mention to the treaty of that
// description all of whose parties the article names; ambiguity resolves
// to nothing.
func (d *doc) treatyFor(m *mention, countries map[string]bool) string {
	e, _ := d.known(m.sent, m.first)
	if e == nil {
		return ""
	}
	found := ""
	for _, t := range e.tgts {
		if t.form != formDescriptor {
			continue
		}
		r, ok := d.x.kb.Get(t.id)
		if !ok || len(r.Parties) == 0 {
			continue
		}
		all := true
		for _, p := range r.Parties {
			if !countries[p] {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		if found != "" && found != t.id {
			return ""
		}
		found = t.id
	}
	return found
}

// lastTreaty returns the treaty most recently named before token i of
// sentence si.
func (d *doc) lastTreaty(si, i int) string {
	for s := si; s >= 0; s-- {
		ms := d.ments[s]
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if s == si && m.first >= i {
				continue
			}
			if m.typ == diplograph.Treaty && m.id != "" {
				if p := strings.IndexByte(m.id, '/'); p >= 0 {
					return m.id[:p]
				}
				return m.id
			}
		}
	}
	return ""
}

func isRoman(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("IVXL", c) {
			return false
		}
	}
	return true
}

func romanToArabic(s string) string {
	vals := map[rune]int{'I': 1, 'V': 5, 'X': 10, 'L': 50}
	total := 0
	r := []rune(s)
	for i, c := range r {
		v := vals[c]
		if i+1 < len(r) && vals[r[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return strconv.Itoa(total)
}
