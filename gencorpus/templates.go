package gencorpus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
)

// eventTemplates are sentences naming one event each, by event type.
// Slots: {A} and {B} act for the two sides (a person or the country),
// {SA} speaks for side A (a person, its foreign ministry or the country),
// {CA} {CB} the countries, {DA} {DB} their demonyms, {CITY} a capital of
// either side, {CAPB} side B's capital, {TOPIC}, {ORG}, {TREATY}, {TERR},
// {PAST} and {FUT} date expressions before and after publication, {N} a
// small number, {HEAD} a head of state or government of side A with
// office, {NEWHEAD} a person taking office.
func eventTemplates() map[diplograph.EventType][]string {
	return map[diplograph.EventType][]string{
		diplograph.Meeting: {
			"{A} met {B} in {CITY} {PAST} to discuss {TOPIC}.",
			"{A} held talks with {B} {PAST}, focusing on {TOPIC} and regional security.",
			"{A} and {B} spoke by phone {PAST} about {TOPIC}.",
			"{A} is expected to meet {B} in {CITY} {FUT}.",
			"{A} plans to hold talks with {B} {FUT}, officials said.",
			"A planned meeting between {A} and {B} was postponed {PAST}.",
			"Negotiations between {CA} and {CB} on {TOPIC} resumed in {CITY} {PAST}.",
		},
		diplograph.Summit: {
			"Leaders gathered in {CITY} {PAST} for a summit of the {ORG}.",
			"{A} will attend the {ORG} summit in {CITY} {FUT}.",
			"{A} and {B} held a summit meeting in {CITY} {PAST}.",
			"The {ORG} conference in {CITY} is expected to focus on {TOPIC}.",
		},
		diplograph.Visit: {
			"{A} visited {CB} {PAST}, the first such trip in years.",
			"{A} arrived in {CAPB} {PAST} for a three-day official visit.",
			"{A} plans to travel to {CB} {FUT}.",
			"{A} is scheduled to make a state visit to {CB} {FUT}.",
			"{A} called off a planned visit to {CB} {PAST}.",
		},
		diplograph.Statement: {
			"{SA} said {PAST} that {CA} was ready to work with {CB} on {TOPIC}.",
			"\"We will continue to defend our interests,\" {SA} told reporters in {CITY}.",
			"{SA} said in a statement that the talks with {CB} had been constructive.",
			"At a press conference {PAST}, {A} declared that {CA} would not change its position.",
			"{A} announced {PAST} that {CA} would expand its cooperation with {CB}.",
			"{A} says {CA} wants stable relations with {CB}.",
		},
		diplograph.JointStatement: {
			"{CA} and {CB} issued a joint statement {PAST} on {TOPIC}.",
			"In a joint communique, {CA} and {CB} pledged to deepen cooperation.",
		},
		diplograph.Agreement: {
			"{CA} and {CB} signed an agreement on {TOPIC} {PAST}.",
			"{A} and {B} signed a memorandum on {TOPIC} in {CITY} {PAST}.",
			"{CA} ratified the {TREATY} {PAST}.",
			"The two sides agreed to expand cooperation on {TOPIC}.",
			"{CA} and {CB} are expected to sign a deal on {TOPIC} {FUT}.",
			"{CA} and {CB} reached an agreement on {TOPIC} after months of talks.",
		},
		diplograph.Proposal: {
			"{SA} proposed new talks with {CB} on {TOPIC}.",
			"{SA} called for an early resumption of negotiations with {CB}.",
			"{SA} urged {CB} to return to the negotiating table.",
			"{CA} offered to mediate between {CB} and its neighbors.",
			"{SA} could propose a new framework for {TOPIC} {FUT}.",
		},
		diplograph.Invitation: {
			"{A} invited {B} to visit {CA} {FUT}.",
			"{CB} accepted an invitation from {A} to attend talks in {CITY}.",
		},
		diplograph.Accusation: {
			"{CA} accused {CB} of undermining regional stability.",
			"{SA} criticized {CB} for its handling of {TOPIC}.",
			"{SA} condemned the actions of {CB} near {TERR}.",
			"{CA} blamed {CB} for the breakdown of the talks.",
		},
		diplograph.Demand: {
			"{CA} demanded that {CB} withdraw its vessels from waters near {TERR}.",
			"{SA} demands an apology from {CB}.",
			"{SA} said {CB} must stop its activities near {TERR}.",
		},
		diplograph.Threat: {
			"{CA} warned {CB} of consequences if it continued its activities near {TERR}.",
			"{SA} threatened to impose tariffs on goods from {CB}.",
		},
		diplograph.Rejection: {
			"{CB} rejected the proposal from {CA} {PAST}.",
			"{SA} refused to discuss {TOPIC} with {CB}.",
			"{CB} dismissed the accusations as groundless.",
		},
		diplograph.Protest: {
			"{CA} summoned the {DB} ambassador {PAST} to protest.",
			"{CA} lodged a protest with {CB} over the incident near {TERR}.",
			"{SA} protested the decision by {CB} to expand its presence near {TERR}.",
		},
		diplograph.Sanction: {
			"{CA} imposed sanctions on {CB} {PAST}.",
			"{CA} is considering new sanctions against {CB} over {TOPIC}.",
			"{CA} extended its arms embargo on {CB} {PAST}.",
		},
		diplograph.EstablishRelations: {
			"{CA} and {CB} established diplomatic relations {PAST}.",
			"{CA} restored diplomatic ties with {CB} {PAST}.",
		},
		diplograph.SeverRelations: {
			"{CA} severed diplomatic relations with {CB} {PAST}.",
			"{CA} cut diplomatic ties with {CB} after the dispute.",
		},
		diplograph.RecallAmbassador: {
			"{CA} recalled its ambassador to {CB} {PAST}.",
		},
		diplograph.Expulsion: {
			"{CA} expelled {N} {DB} diplomats {PAST}.",
		},
		diplograph.TreatyWithdrawal: {
			"{CA} withdrew from the {TREATY} {PAST}.",
			"{CA} suspended its participation in the {TREATY}.",
		},
		diplograph.Accession: {
			"{CA} joined the {ORG} {PAST}.",
			"{CA} is expected to complete its accession to the {ORG} {FUT}.",
		},
		diplograph.Cooperation: {
			"{CA} pledged {N} million dollars in aid to {CB} {PAST}.",
			"{CA} and {CB} agreed to expand cooperation on {TOPIC}.",
			"{CA} will provide technical assistance to {CB} on {TOPIC}.",
		},
		diplograph.MilitaryActivity: {
			"{CA} and {CB} held joint military exercises near {TERR} {PAST}.",
			"{CA} deployed warships near {TERR} {PAST}.",
			"{CA} sent coast guard vessels to waters near {TERR}.",
			"{CA} plans to hold military drills near {TERR} {FUT}.",
		},
		diplograph.Incident: {
			"A {DA} coast guard vessel collided with a {DB} fishing boat near {TERR} {PAST}.",
			"{DA} and {DB} forces clashed near the border {PAST}.",
		},
		diplograph.LegalAction: {
			"{CA} filed a case against {CB} at the International Court of Justice {PAST}.",
			"An arbitration ruling on {TERR} is expected {FUT}.",
		},
		diplograph.TookOffice: {
			"{NEWHEAD}.",
		},
		diplograph.Election: {
			"{CA} will hold a general election {FUT}.",
			"Voters in {CB} went to the polls {PAST} in a parliamentary election.",
		},
	}
}

// eventWeights says how often each event type is written: statements and
// meetings dominate diplomatic news; ruptures are rare.
func eventWeights() []weighted {
	return []weighted{
		{diplograph.Statement, 20}, {diplograph.Meeting, 14}, {diplograph.Visit, 8}, {diplograph.Summit, 5},
		{diplograph.Agreement, 7}, {diplograph.Proposal, 6}, {diplograph.Accusation, 6}, {diplograph.Cooperation, 5},
		{diplograph.MilitaryActivity, 5}, {diplograph.Sanction, 4}, {diplograph.Threat, 3}, {diplograph.Demand, 3},
		{diplograph.Rejection, 3}, {diplograph.Protest, 3}, {diplograph.JointStatement, 2}, {diplograph.Invitation, 2},
		{diplograph.Incident, 2}, {diplograph.Election, 2}, {diplograph.EstablishRelations, 1}, {diplograph.SeverRelations, 1},
		{diplograph.RecallAmbassador, 1}, {diplograph.Expulsion, 1}, {diplograph.TreatyWithdrawal, 1},
		{diplograph.Accession, 1}, {diplograph.LegalAction, 1}, {diplograph.TookOffice, 1},
	}
}

type weighted struct {
	typ    diplograph.EventType
	weight int
}

// fillers are sentences of background and attribution, as news carries
// between its facts.
func fillers() []string {
	return []string{
		"Analysts said the outcome would depend on domestic politics in both countries.",
		"Officials declined to give further details.",
		"The ministry did not respond to a request for comment.",
		"Trade between {CA} and {CB} has grown steadily over the past decade.",
		"The issue of {TOPIC} has long been a sticking point in relations between the two sides.",
		"Diplomats familiar with the discussions described the atmosphere as cautious but cordial.",
		"Markets reacted calmly to the news.",
		"Relations between {CA} and {CB} have been strained in recent years.",
		"The two countries have a long history of cooperation on {TOPIC}.",
		"Critics at home argued that the government had conceded too much.",
		"Experts cautioned that implementation would take time.",
		"Several opposition lawmakers questioned the timing of the move.",
		"The talks come amid growing tension over {TERR}.",
		"Both governments have faced pressure from business groups to stabilize ties.",
		"Few details of the discussions were made public.",
		"Observers noted that similar pledges had been made before.",
		"The government's approval rating has fallen in recent months.",
		"Public opinion in {CB} remains divided on the question of {TOPIC}.",
		"Officials on both sides stressed the importance of dialogue.",
		"The announcement was welcomed by industry associations.",
		"It was not immediately clear how the decision would be enforced.",
		"Security was tight around the venue in {CITY}.",
		"The {ORG} has repeatedly called for restraint.",
		"Energy prices and supply chains featured prominently in the discussions.",
		"The foreign ministry later posted a summary of the talks on its website.",
		"Neighboring countries are watching the developments closely.",
		"A senior official, speaking on condition of anonymity, said progress had been slow.",
		"The visit is seen as a test of the new government's foreign policy.",
	}
}

// headlines are titles by the main event's type.
func headlines() map[diplograph.EventType]string {
	return map[diplograph.EventType]string{
		diplograph.Meeting:            "{CA} and {CB} hold talks on {TOPIC}",
		diplograph.Summit:             "Leaders meet in {CITY} for {ORG} summit",
		diplograph.Visit:              "{DA} leader visits {CB}",
		diplograph.Statement:          "{CA} signals readiness to work with {CB}",
		diplograph.JointStatement:     "{CA}, {CB} issue joint statement on {TOPIC}",
		diplograph.Agreement:          "{CA} and {CB} sign {TOPIC} agreement",
		diplograph.Proposal:           "{CA} proposes new talks with {CB}",
		diplograph.Invitation:         "{CA} invites {CB} for talks",
		diplograph.Accusation:         "{CA} accuses {CB} of undermining stability",
		diplograph.Demand:             "{CA} demands {CB} withdraw from disputed waters",
		diplograph.Threat:             "{CA} warns {CB} of consequences",
		diplograph.Rejection:          "{CB} rejects proposal from {CA}",
		diplograph.Protest:            "{CA} protests to {CB}",
		diplograph.Sanction:           "{CA} imposes sanctions on {CB}",
		diplograph.EstablishRelations: "{CA} and {CB} establish diplomatic relations",
		diplograph.SeverRelations:     "{CA} severs ties with {CB}",
		diplograph.RecallAmbassador:   "{CA} recalls ambassador to {CB}",
		diplograph.Expulsion:          "{CA} expels {DB} diplomats",
		diplograph.TreatyWithdrawal:   "{CA} withdraws from {TREATY}",
		diplograph.Accession:          "{CA} joins {ORG}",
		diplograph.Cooperation:        "{CA} pledges aid to {CB}",
		diplograph.MilitaryActivity:   "{CA} holds drills near {TERR}",
		diplograph.Incident:           "Vessels collide near {TERR}",
		diplograph.LegalAction:        "{CA} takes {CB} to court",
		diplograph.TookOffice:         "New leader takes office in {CA}",
		diplograph.Election:           "{CA} prepares for election",
	}
}

// commentLines are what readers post under articles.
func commentLines() []string {
	return []string{
		"A good step toward peace.",
		"This will never work.",
		"{CA} should focus on its own problems.",
		"Finally some progress on {TOPIC}.",
		"I do not trust {CB} on this.",
		"Talks are better than threats.",
		"More empty promises.",
		"The leaders did the right thing.",
		"Who pays for all this?",
		"Let us hope it lasts.",
	}
}

func commentAuthors() []string {
	return []string{"Karin", "mapwatcher", "Olu", "Tomasz", "Rin", "observer42", "Ana P.", "Jules", "Devika", "Haruto", "Lena", "Bashir"}
}

// writer composes one article from its own random stream.
type writer struct {
	g   *Generator
	r   *rand.Rand
	pub time.Time

	a, b       *country
	ai, bi     int
	topic      string
	city       string
	terr       string
	org        string
	treaty     string
	main       diplograph.EventType
	introduced map[string]bool // people named in full already

}

func (w *writer) setup() {
	g, r := w.g, w.r
	w.pub = g.from.AddDate(0, 0, r.IntN(g.days))
	w.introduced = map[string]bool{}
	w.pickPair()
	w.main = w.eventType()
}

// pickPair draws the two sides: a territory's claimants now and then,
// else two countries by prominence.
func (w *writer) pickPair() {
	g, r := w.g, w.r
	n := len(g.countries)
	w.ai = zipf(r, n)
	w.bi = zipf(r, n)
	for w.bi == w.ai {
		w.bi = r.IntN(n)
	}
	w.terr = "disputed islands"
	if len(g.terrs) > 0 {
		t := g.terrs[zipf(r, len(g.terrs))]
		w.terr = t.name
		if len(t.claimants) >= 2 && r.IntN(4) == 0 {
			p := r.Perm(len(t.claimants))
			w.ai, w.bi = t.claimants[p[0]], t.claimants[p[1]]
		}
	}
	w.a, w.b = g.countries[w.ai], g.countries[w.bi]
	w.topic = g.topics[zipf(r, len(g.topics))]
	w.org = g.orgs[zipf(r, len(g.orgs))]
	w.treaty = g.treaties[zipf(r, len(g.treaties))]
	w.city = w.a.capital
	if w.city == "" || (w.b.capital != "" && r.IntN(2) == 0) {
		w.city = w.b.capital
	}
	if w.city == "" {
		w.city = "Geneva"
	}
}

func (w *writer) eventType() diplograph.EventType {
	n := w.r.IntN(w.g.wsum)
	for _, x := range w.g.weights {
		if n < x.weight {
			return x.typ
		}
		n -= x.weight
	}
	return diplograph.Statement
}

// article writes the whole article.
func (w *writer) article(i int) diplograph.Article {
	r := w.r
	target := words(r)
	var body strings.Builder
	n, inPara := 0, 0
	paraLen := 1 + r.IntN(3)
	add := func(s string) {
		if inPara > 0 {
			body.WriteByte(' ')
		}
		body.WriteString(s)
		n += strings.Count(s, " ") + 1
		if inPara++; inPara >= paraLen {
			body.WriteByte('\n')
			inPara, paraLen = 0, 1+r.IntN(3)
		}
	}
	// The lead names the main event; the rest mixes events and filler,
	// with now and then a sentence about another pair of countries.
	add(w.eventSentence(w.main))
	fill := w.g.fillers
	for n < target {
		switch k := r.IntN(100); {
		case k < 22:
			add(w.eventSentence(w.eventType()))
		case k < 27:
			saved := *w
			w.pickPair()
			add(w.eventSentence(w.eventType()))
			introduced := w.introduced
			*w = saved
			w.introduced = introduced
		default:
			add(w.expand(fill[r.IntN(len(fill))]))
		}
	}
	text := strings.TrimRight(body.String(), " \n")
	a := diplograph.Article{
		ID:        "syn-" + strconv.FormatUint(w.g.opts.Seed, 10) + "-" + strconv.Itoa(i),
		Title:     w.expand(w.g.headlines[w.main]),
		URL:       fmt.Sprintf("https://news.example/%d/%d", w.g.opts.Seed, i),
		Source:    "Synthetic Wire",
		Published: w.pub.Format(time.DateOnly),
		Text:      text,
		Meta:      map[string]string{"synthetic": "true"},
	}
	if r.IntN(5) == 0 {
		lines, authors := commentLines(), commentAuthors()
		for j := range 1 + r.IntN(6) {
			a.Comments = append(a.Comments, diplograph.Comment{Index: j,
				Author: authors[r.IntN(len(authors))], Text: w.expand(lines[r.IntN(len(lines))])})
		}
	}
	return a
}

func (w *writer) eventSentence(t diplograph.EventType) string {
	ts := w.g.templates[t]
	return w.expand(ts[w.r.IntN(len(ts))])
}

// expand fills a template's slots and capitalizes its first letter.
func (w *writer) expand(tmpl string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			break
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			break
		}
		b.WriteString(tmpl[:i])
		b.WriteString(w.slot(tmpl[i+1 : i+j]))
		tmpl = tmpl[i+j+1:]
	}
	s := b.String()
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

func (w *writer) slot(name string) string {
	switch name {
	case "A":
		return w.side(w.a, false)
	case "B":
		return w.side(w.b, false)
	case "SA":
		return w.side(w.a, true)
	case "CA":
		return w.a.name
	case "CB":
		return w.b.name
	case "DA":
		return cmpOr(w.a.demonym, w.a.name)
	case "DB":
		return cmpOr(w.b.demonym, w.b.name)
	case "CITY":
		return w.city
	case "CAPB":
		return cmpOr(w.b.capital, w.b.name)
	case "TOPIC":
		return w.topic
	case "ORG":
		return w.org
	case "TREATY":
		return w.treaty
	case "TERR":
		return withThe(w.terr)
	case "PAST":
		return w.past()
	case "FUT":
		return w.future()
	case "N":
		return strconv.Itoa(2 + w.r.IntN(40))
	case "NEWHEAD":
		return w.newHead()
	}
	return name
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// side names who acts for a country: one of its office holders on the
// publication date (in full the first time, by surname after), its
// foreign ministry when the act is a statement (ministries speak, they
// do not travel), or the country itself.
func (w *writer) side(c *country, speaker bool) string {
	day := w.pub.Format(time.DateOnly)
	var cands []holder
	for _, h := range c.holders {
		if h.rank < 2 && h.since <= day && (h.until == "" || day < h.until) {
			cands = append(cands, h)
		}
	}
	switch k := w.r.IntN(10); {
	case len(cands) > 0 && k < 6:
		h := cands[w.r.IntN(len(cands))]
		if w.introduced[h.name] {
			return h.short
		}
		w.introduced[h.name] = true
		if c.demonym != "" && w.r.IntN(2) == 0 {
			return c.demonym + " " + h.title + " " + h.name
		}
		return h.title + " " + h.name + " of " + c.name
	case len(cands) == 0 && k < 6 && c.demonym != "":
		return "the " + c.demonym + " foreign minister"
	case speaker && k < 8 && c.demonym != "":
		return "the " + c.demonym + " foreign ministry"
	}
	return c.name
}

// newHead is a person taking office in side A, when the knowledge base
// knows one whose term began near the publication date.
func (w *writer) newHead() string {
	for _, h := range w.a.holders {
		if h.rank == 0 && h.since != "" {
			return h.name + " was sworn in as " + h.title + " of " + w.a.name + " on " + longDate(h.since)
		}
	}
	return "A new " + w.a.demonymOr() + " government took office " + w.past()
}

func (c *country) demonymOr() string { return cmpOr(c.demonym, c.name) }

func longDate(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return t.Format("January 2, 2006")
}

// past is a date expression for a day before publication, in the forms
// news uses: a weekday, "last week", a month and day, a month and year.
func (w *writer) past() string {
	r := w.r
	switch r.IntN(9) {
	case 0, 1, 2:
		d := w.pub.AddDate(0, 0, -1-r.IntN(6))
		return "on " + d.Weekday().String()
	case 3:
		return "yesterday"
	case 4:
		return "last week"
	case 5:
		return "earlier this month"
	case 6:
		d := w.pub.AddDate(0, 0, -7-r.IntN(50))
		if d.Year() != w.pub.Year() {
			return "on " + d.Format("January 2, 2006")
		}
		return "on " + d.Format("January 2")
	case 7:
		d := w.pub.AddDate(0, -2-r.IntN(10), 0)
		return "in " + d.Format("January 2006")
	}
	return "last year"
}

// future is a date expression for a day after publication.
func (w *writer) future() string {
	r := w.r
	switch r.IntN(8) {
	case 0, 1:
		d := w.pub.AddDate(0, 0, 1+r.IntN(6))
		return "on " + d.Weekday().String()
	case 2:
		return "next week"
	case 3:
		return "next month"
	case 4:
		d := w.pub.AddDate(0, 0, 10+r.IntN(60))
		return "on " + d.Format("January 2")
	case 5:
		return "later this year"
	case 6:
		d := w.pub.AddDate(0, 2+r.IntN(8), 0)
		return "in " + d.Format("January 2006")
	}
	return "next year"
}

// withThe puts "the" before a place name that takes it in running text
// ("the Senkaku Islands", "the Golan Heights", but "Crimea").
func withThe(name string) string {
	if strings.HasPrefix(name, "the ") || strings.HasPrefix(name, "The ") {
		return name
	}
	for _, suffix := range []string{"Islands", "Isles", "Rocks", "Heights", "Sea", "Strait", "Strip", "Bank", "Shoal", "Reef", "Line", "Region", "Territory", "Territories", "Valley", "Peninsula", "Archipelago"} {
		if strings.HasSuffix(name, " "+suffix) {
			return "the " + name
		}
	}
	return name
}
