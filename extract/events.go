package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/timex"
	"github.com/diplograph/diplograph/extract/token"
)

// Status confidence: an explicit signal beats an inference from the date,
// which beats a default.
const (
	confDefault = iota
	confTense
	confDate
	confCue
	confEmbedded
)

// evMention is one mention of an event in one sentence.
type evMention struct {
	sent        int
	first, last int
	typ         diplograph.EventType
	code        coding
	form        verbForm
	status      diplograph.EventStatus
	conf        int
	negated     bool
	span        diplograph.TimeSpan
	days        int    // a duration given beside the trigger
	endWord     string // the word before the date: "ended Sunday" dates the end
	location    string
	parts       []diplograph.Participant
	concerns    []string
	quote       string
	// cue is the modality phrase that set the status, at token cueAt.
	cue   string
	cueAt int
	// orig is the date a postponed event had before.
	orig diplograph.TimeSpan
	// subject is the one actor right before a meeting verb ("Cho met
	// Grossi"), which a verb coordinated with it shares.
	subject string
	// timing is set for a gathering named before that times something
	// else ("before the summit"): it names the event, no more.
	timing bool
}

// evAcc is one event of the article, merged from its mentions.
type evAcc struct {
	typ      diplograph.EventType
	code     coding
	status   diplograph.EventStatus
	conf     int
	negated  bool
	span     diplograph.TimeSpan
	location string
	parts    []diplograph.Participant
	concerns []string
	quote    string
	sents    map[int]bool
	first    int // first sentence
	// cancelled is set when an actor called the event off ("cancelled a
	// planned visit"), orig is the date a postponed event had before.
	cancelled bool
	orig      diplograph.TimeSpan
}

// findEvents finds event mentions sentence by sentence and merges the
// mentions of one real event.
func (d *doc) findEvents() {
	for si := range d.sents {
		for _, em := range d.sentenceEvents(si) {
			d.mergeEvent(em)
		}
	}
}

type trigHit struct {
	first, last int
	// objEnd is the end of the object a trigger needs ("suspended ...
	// aid"), else last: a trigger inside it is the object, no event.
	objEnd int
	t      trigger
}

func (d *doc) sentenceEvents(si int) []*evMention {
	s := &d.sents[si]
	toks := s.Tokens
	ms := d.ments[si]
	chunks := chunkIDsWith(toks, ms)
	hits := d.findTriggers(si, ms)
	if len(hits) == 0 {
		return nil
	}
	tenseAt := d.tenses(toks, chunks)
	exprs := timex.Find(toks, d.anchor, tenseAt)
	written := len(exprs)
	exprs = relativeDays(toks, exprs)
	var out []*evMention
	for _, h := range hits {
		em := &evMention{sent: si, first: h.first, last: h.last, typ: h.t.typ, form: h.t.form, code: h.t.code}
		ok := d.fillParticipants(si, em, h, chunks)
		if em.timing {
			out = append(out, em)
			continue
		}
		if subj := coordinatedSubject(toks, out, em); subj != "" {
			// "Blinken congratulated Lai and said ...": the sentence's
			// event is the congratulation, the "said" only reports it.
			ok = !(em.typ == diplograph.Statement && plainSay[h.t.phrase])
		}
		purposeSubject(toks, chunks, out, em)
		// An appeal that nobody known makes ("They issued a statement
		// calling for ..."): what remains names only what it is about.
		// An invitation is one when the invited is known ("if Lee is
		// invited").
		if ok && em.code.plover == "REQUEST" && !hasRole(em.parts, diplograph.RoleInitiator) &&
			!(em.typ == diplograph.Invitation && hasRole(em.parts, diplograph.RoleTarget)) {
			ok = false
		}
		if !ok {
			continue
		}
		out = append(out, em)
	}
	d.assignDates(si, out, exprs, written, chunks)
	for _, em := range out {
		if em.timing {
			continue // it names the event, no more
		}
		d.fillStatus(si, em, chunks, tenseAt)
		d.fillLocation(si, em, chunks)
		d.fillConcerns(si, em, chunks)
	}
	out = foldSidelines(toks, ms, out)
	out = foldOccasion(toks, chunks, out)
	for _, em := range out {
		if twoSided(em.typ) && len(em.parts) == 1 && em.location != "" {
			// "opened an embassy in Tehran": relations with Iran.
			if c := d.containingCountry(em.location); c != "" && !isParticipant(em.parts, c) {
				addPart(&em.parts, c, diplograph.RoleTarget)
			}
		}
	}
	redate(out, exprs)
	out = d.codeThreats(out)
	d.reportedAttacks(si, out)
	// An undated event said to happen at a dated meeting, summit or visit
	// in the same sentence shares its date ("At their meeting on Friday,
	// they are expected to issue a joint statement"); what is still to
	// come is not dated by a meeting that took place ("they spoke on
	// Monday and hoped to hold a summit soon"), nor what happened by one
	// to come ("… are expected to attend the July summit, Stoltenberg
	// said").
	for _, em := range out {
		if !em.span.IsZero() {
			continue
		}
		for _, o := range out {
			if o.conf == confEmbedded && o.first > em.last {
				// "planning to ask Trump to visit Japan this year when
				// they hold a summit later this week": what is asked
				// for has its own date; the asking, the summit's.
				continue
			}
			if o != em && !o.span.IsZero() && (o.typ == diplograph.Meeting || o.typ == diplograph.Summit || o.typ == diplograph.Visit) &&
				happened(o.status) == happened(em.status) {
				em.span = o.span
				break
			}
		}
	}
	return out
}

// redate dates a postponed event by its new date, the one right after
// "postponed" ("postponed until early next year"), and keeps the date it
// had as its original.
func redate(ems []*evMention, exprs []timex.Expr) {
	for _, em := range ems {
		if em.status != diplograph.Postponed || em.cue == "" || em.cueAt < em.last {
			continue
		}
		end := em.cueAt + len(strings.Fields(em.cue))
		for _, x := range exprs {
			if x.Type != timex.Date || x.Span.IsZero() || x.First < end || x.First > end+2 {
				continue
			}
			if !em.span.IsZero() && em.span != x.Span {
				em.orig = em.span
			}
			em.span = x.Span
			break
		}
		if em.orig.IsZero() {
			// "the summit that had been planned for later this month":
			// the date between the event and "postponed" was its first.
			for _, x := range exprs {
				if x.Type == timex.Date && !x.Span.IsZero() && x.First >= em.last && x.Last <= em.cueAt && x.Span != em.span {
					em.orig = x.Span
					break
				}
			}
		}
	}
}

// reportVerbsThat introduce a reported clause: "the US said that Iraq
// had attacked ...".
var reportVerbsThat = map[string]bool{"said": true, "says": true, "claimed": true, "claims": true, "alleged": true,
	"alleges": true, "charged": true, "charges": true, "insisted": true, "asserted": true, "maintained": true}

// reportedAttacks codes an attack one actor says another made as that
// actor's accusation (CAMEO 112): the sentence establishes the claim, not
// the attack. An attack the speaker says it made itself stays an attack.
func (d *doc) reportedAttacks(si int, ems []*evMention) {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	for _, em := range ems {
		if em.code.plover != "ASSAULT" && em.code.plover != "FIGHT" && em.code.plover != "COERCE" {
			continue
		}
		rep := -1
		for j := em.first - 1; j >= 0 && j >= em.first-8; j-- {
			if reportVerbsThat[toks[j].Lower] && j+1 < len(toks) && toks[j+1].Lower == "that" {
				rep = j
				break
			}
		}
		if rep < 0 {
			continue
		}
		speaker := nearestBefore(ms, rep, (*mention).isActor)
		doer := initiatorOf(em.parts)
		if speaker == nil || doer == "" || speaker.id == doer {
			continue
		}
		em.typ, em.code = diplograph.Accusation, coding{"ACCUSE", "", "11"}
		em.parts = []diplograph.Participant{{Entity: speaker.id, Role: diplograph.RoleInitiator},
			{Entity: doer, Role: diplograph.RoleTarget}}
		em.status, em.negated = diplograph.Occurred, false
	}
}

// coercive reports whether the event is a coercive act: a sanction, a
// cut in relations, a blockade or attack, the withdrawal of a mission.
func coercive(em *evMention) bool {
	switch em.code.plover {
	case "SANCTION", "COERCE", "ASSAULT", "FIGHT":
		return true
	}
	switch em.typ {
	case diplograph.SeverRelations, diplograph.RecallAmbassador, diplograph.Expulsion, diplograph.TreatyWithdrawal:
		return true
	}
	return false
}

// forecastCues set a future status by someone else's expectation, not by
// the actor's announced will: a forecast sanction is no threat.
var forecastCues = map[string]bool{"expected to": true, "is expected": true, "are expected": true,
	"was expected": true, "expected": true, "likely to": true, "poised to": true, "hopes to": true, "hoped to": true,
	"hope to": true, "hoping to": true,
	"scheduled": true, "is scheduled": true, "upcoming": true, "next": true, "possible": true, "possibly": true,
	"potential": true, "considering": true, "considers": true, "mulling": true}

// intended reports whether the event is announced, intended or
// conditional: what its actor will, would, may or plans to do.
func intended(em *evMention) bool {
	if em.negated || em.conf < confCue || forecastCues[em.cue] {
		return false
	}
	switch em.status {
	case diplograph.Planned, diplograph.Expected, diplograph.Hypothetical:
		return true
	}
	return false
}

// intentWords introduce what an actor means to do: "vowed to", "is
// prepared to", "threatened to".
func intentMention(em *evMention) bool {
	return em.typ == diplograph.Threat || em.typ == diplograph.Proposal && em.code.plover == "AGREE" && em.form != noun
}

// codeThreats codes announced or conditional coercion as a threat: "will
// withdraw its force unless ...", "may halt mediation if ...", "said they
// would blockade ...", "is prepared to impose martial law". The threat
// was made (OCCURRED); the coercion itself has not happened. An intended
// retreat (a withdrawal, a release, lifting sanctions) is an offer. The
// intent word before a coercive act ("vowed to", "is ready to") is the
// same threat, not an offer; before aid, cooperation or a retreat it is
// the offer, and the act promised is no event of its own.
func (d *doc) codeThreats(ems []*evMention) []*evMention {
	drop := map[*evMention]bool{}
	for i, em := range ems {
		if !coercive(em) {
			continue
		}
		var intent *evMention
		for k := i - 1; k >= 0; k-- {
			if p := ems[k]; intentMention(p) && em.first-p.last <= 3 && em.first >= p.last {
				intent = p
				break
			}
		}
		if intent == nil && !intended(em) {
			continue
		}
		if intent != nil {
			if intent.typ != diplograph.Threat {
				drop[intent] = true
			}
			for _, p := range intent.parts {
				if p.Role == diplograph.RoleInitiator {
					addPart(&em.parts, p.Entity, diplograph.RoleInitiator)
				}
			}
		}
		if !hasRole(em.parts, diplograph.RoleInitiator) {
			continue
		}
		em.typ, em.code = diplograph.Threat, coding{"THREATEN", "", "13"}
		em.status, em.negated, em.conf = diplograph.Occurred, false, confCue
		if !d.anchor.IsZero() && em.span.Start > d.anchor.Format("2006-01-02") {
			// The date of the threatened act is not the threat's.
			em.span = diplograph.TimeSpan{}
		}
	}
	for i, em := range ems {
		if drop[em] || em.typ == diplograph.Threat || intentMention(em) {
			continue
		}
		switch em.code.plover {
		case "AID", "COOPERATE", "RETREAT":
		default:
			continue
		}
		// "promised to continue military aid": the aid is what is
		// promised, no aid given; its recipient is the offer's.
		for k := i - 1; k >= 0; k-- {
			if p := ems[k]; p.typ == diplograph.Proposal && p.code.plover == "AGREE" && p.form != noun &&
				em.first >= p.last && em.first-p.last <= 3 && !drop[p] {
				for _, x := range em.parts {
					if x.Role == diplograph.RoleTarget {
						addPart(&p.parts, x.Entity, diplograph.RoleTarget)
					}
				}
				drop[em] = true
				break
			}
		}
		if !drop[em] && em.code.plover == "RETREAT" && intended(em) {
			em.typ, em.code = diplograph.Proposal, coding{"AGREE", "", "03"}
		}
	}
	if len(drop) == 0 {
		return ems
	}
	out := ems[:0]
	for _, em := range ems {
		if !drop[em] {
			out = append(out, em)
		}
	}
	return out
}

// findTriggers returns the event phrases of a sentence that are not part
// of an entity name and, where a trigger demands it, have their object.
func (d *doc) findTriggers(si int, ms []*mention) []trigHit {
	toks := d.sents[si].Tokens
	var hits []trigHit
	objEnd := 0
	for i := 0; i < len(toks); i++ {
		if inMention(ms, i) {
			continue
		}
		t, n, end, ok := d.triggerAt(toks, ms, i)
		if !ok {
			continue
		}
		if i < objEnd {
			// "suspended military aid", "lifted sanctions", "suspended
			// talks": what is cut or lifted is no event of its own.
			i += n - 1
			continue
		}
		if t.typ == diplograph.Meeting && meetVerbs[t.phrase] {
			// "meet demand", "meet the deadline": no meeting, and the
			// object is no demand either.
			if k := nonMeetingObject(toks, i+n); k > 0 {
				i = k
				continue
			}
		}
		// "spoke with reporters": talking with someone is a meeting
		// only when someone known is talked with.
		if withPartner[t.phrase] && !actorWithin(ms, i+n, 3) {
			i += n - 1
			continue
		}
		// A purpose is no event: "a trip aimed at pushing for a
		// ceasefire".
		if purposeBefore(toks, i) {
			i += n - 1
			continue
		}
		// A verb after "must" is what is demanded, not an event: "Iran
		// must release the crew" releases nobody.
		if t.form == vBase && afterMust(toks, i) {
			continue
		}
		// Part of a hyphenated compound ("self-ruled") is no trigger.
		if i > 0 && toks[i-1].Text == "-" && !toks[i].SpaceBefore {
			continue
		}
		// A noun that is also a verb is one after "to" or a modal: "ask
		// Trump to visit Japan", "they will meet".
		if t.form == noun && i > 0 && verbMarkers[toks[i-1].Lower] {
			t.form = vBase
		}
		// "the ruling party": an adjective, not a court's ruling.
		if t.phrase == "ruling" && i+1 < len(toks) && (toks[i+1].Cap || rulingHeads[toks[i+1].Lower]) {
			continue
		}
		// A coded verb in its bare form names an event only after "to" or
		// a modal; "demanded that China release the crew" reports no
		// release.
		if t.form == vBase && n == 1 && t.code != typeCoding[t.typ] && (i == 0 || !verbMarkers[toks[i-1].Lower]) {
			continue
		}
		// What an answer is about is the earlier event it answers, no
		// new one: "rejected the proposal", "welcomed the invitation".
		if answersBefore(hits, toks, i, t) {
			i += n - 1
			continue
		}
		// A noun trigger used as a verb or adjective in a compound is
		// still an event ("summit talks"); two triggers in a row are one.
		if len(hits) > 0 && hits[len(hits)-1].last == i && hits[len(hits)-1].t.typ == t.typ {
			hits[len(hits)-1].last = i + n
			i += n - 1
			continue
		}
		hits = append(hits, trigHit{first: i, last: i + n, objEnd: max(end, i+n), t: t})
		if !t.before && !t.embeds && end > i+n {
			objEnd = end
		}
		i += n - 1
	}
	return hits
}

// answersBefore reports whether the noun trigger t at toks[i] is the
// definite object of a verb that answers it: a rejection, or support
// ("Britain rejected the proposal", "Seoul welcomed the offer"), right
// before.
func answersBefore(hits []trigHit, toks []token.Token, i int, t trigger) bool {
	if t.form != noun || !answerable[t.typ] || len(hits) == 0 || i < 1 || !definite[toks[i-1].Lower] {
		return false
	}
	prev := hits[len(hits)-1]
	return prev.last == i-1 && prev.t.form != noun &&
		(prev.t.typ == diplograph.Rejection || prev.t.code.plover == "SUPPORT")
}

// answerable are the events an answer can be about.
var answerable = map[diplograph.EventType]bool{diplograph.Proposal: true, diplograph.Demand: true, diplograph.Invitation: true}

// definite determiners refer to something named before.
var definite = map[string]bool{"the": true, "this": true, "that": true, "these": true, "those": true,
	"its": true, "his": true, "her": true, "their": true}

// purposes introduce what something is for.
var purposes = [][]string{{"aimed", "at"}, {"aimed", "to"}, {"aiming", "at"}, {"aiming", "to"}, {"designed", "to"},
	{"in", "order", "to"}, {"in", "a", "bid", "to"}, {"in", "an", "effort", "to"}, {"so", "as", "to"}}

// purposeBefore reports whether a purpose phrase ends right before i.
func purposeBefore(toks []token.Token, i int) bool {
	for _, p := range purposes {
		if j := i - len(p); j >= 0 && wordsAt(toks, j, p) {
			return true
		}
	}
	return false
}

// meetVerbs are the meeting triggers that also take things as objects.
var meetVerbs = map[string]bool{"meet": true, "meets": true, "met": true, "meeting": true}

// foldSidelines drops the summit on whose sidelines a meeting of the
// sentence took place ("Abbas and Shalom met on the sidelines of a world
// information summit in Tunis on Wednesday"), unless an organization
// names it ("the G20 summit"): the people of the sentence met each other,
// not as the summit, whose members it does not name. The meeting takes the
// date and place the summit's words carried.
func foldSidelines(toks []token.Token, ms []*mention, out []*evMention) []*evMention {
	var meeting *evMention
	kept := out[:0]
	for _, em := range out {
		if em.typ == diplograph.Meeting {
			meeting = em
		}
		if em.typ != diplograph.Summit || meeting == nil || !sidelinesBefore(toks, em.first) {
			kept = append(kept, em)
			continue
		}
		if org := mentionEndingAt(ms, em.first); org != nil && org.typ == diplograph.Organization {
			kept = append(kept, em)
			continue
		}
		if meeting.span.IsZero() {
			meeting.span = em.span
		}
		if meeting.location == "" {
			meeting.location = em.location
		}
	}
	return kept
}

// foldOccasion drops a meeting verb whose purpose is a summit the sentence
// names after "for" in the same clause ("when they meet in Washington next
// month for the alliance's 75th anniversary summit"): they meet as the
// summit, which takes the date and place the verb's words carried. The
// verb's own reading of who meets (often the sentence's speaker) gives way
// to the summit's.
func foldOccasion(toks []token.Token, chunks []int, out []*evMention) []*evMention {
	drop := map[*evMention]bool{}
	for _, s := range out {
		if s.typ != diplograph.Summit || s.form != noun || !forBefore(toks, s.first) {
			continue
		}
		for _, m := range out {
			// Meeting as a gathering, not "discussed preparations for
			// the summit".
			if m.typ != diplograph.Meeting || m.form == noun || !meetVerbs[toks[m.first].Lower] || m.last > s.first ||
				chunks[m.first] != chunks[s.first] || drop[m] {
				continue
			}
			if s.span.IsZero() {
				s.span = m.span
			}
			if s.location == "" {
				s.location = m.location
			}
			drop[m] = true
		}
	}
	if len(drop) == 0 {
		return out
	}
	return slices.DeleteFunc(out, func(em *evMention) bool { return drop[em] })
}

// forBefore reports whether "for" stands up to six words before token i,
// past "the", a possessive and lower-case words or numbers ("for the
// alliance's 75th anniversary summit").
func forBefore(toks []token.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-7; j-- {
		switch {
		case toks[j].Lower == "for":
			return true
		case toks[j].Kind == token.Punct && !possessive(toks[j]):
			return false
		}
	}
	return false
}

// possessorBefore returns the mention whose "'s" stands before the noun at
// i, past up to four lower-case words or numbers ("the alliance's 75th
// anniversary summit"), or nil.
func possessorBefore(toks []token.Token, ms []*mention, i int) *mention {
	j := i - 1
	for n := 0; j >= 0 && n < 4 && !possessive(toks[j]) && (toks[j].Kind == token.Num || toks[j].Kind == token.Word && !toks[j].Cap); n++ {
		j--
	}
	if j < 1 || !possessive(toks[j]) {
		return nil
	}
	return mentionEndingAt(ms, j)
}

// summitOf makes em the summit of the intergovernmental organization id:
// a gathering of its members is multilateral.
func summitOf(em *evMention, id string) {
	em.typ, em.code = diplograph.Summit, typeCoding[diplograph.Summit]
	addPart(&em.parts, id, diplograph.RoleParticipant)
}

// membersSubject returns the intergovernmental organization whose members
// are the subject of a meeting verb through "its" or "their": "the
// Caribbean Community said its heads of government would meet", "ASEAN
// announced that their foreign ministers will gather". The possessive
// stands for the organization named last before it in the sentence.
func (d *doc) membersSubject(toks []token.Token, ms []*mention, em *evMention) *mention {
	if em.form == noun {
		return nil
	}
	members := false
	for j := em.first - 1; j >= 0 && j >= em.first-8; j-- {
		t := toks[j]
		if t.Kind != token.Word || t.Cap || inMention(ms, j) {
			return nil
		}
		if memberWords[t.Lower] {
			members = true
		}
		if t.Lower != "its" && t.Lower != "their" {
			continue
		}
		if !members {
			return nil
		}
		org := nearestBefore(ms, j, func(m *mention) bool { return m.id != "" && m.typ != diplograph.Place })
		if !d.isIGO(org) {
			return nil
		}
		return org
	}
	return nil
}

// memberWords name the members of an organization, or those who speak for
// them.
var memberWords = map[string]bool{"heads": true, "leaders": true, "ministers": true, "members": true, "states": true,
	"representatives": true, "delegates": true, "envoys": true, "governments": true}

// sidelinesBefore reports whether "sidelines of" or "margins of" stands
// up to five tokens before i ("on the sidelines of the G20 summit").
func sidelinesBefore(toks []token.Token, i int) bool {
	for j := i - 2; j >= 0 && j >= i-6; j-- {
		if (toks[j].Lower == "sidelines" || toks[j].Lower == "margins") && toks[j+1].Lower == "of" {
			return true
		}
	}
	return false
}

// withPartner are the meeting verbs whose partner must follow them.
var withPartner = map[string]bool{"spoke with": true, "speaks with": true, "talked with": true, "conferred with": true}

// actorWithin reports whether a known actor is mentioned starting within
// n tokens from i.
func actorWithin(ms []*mention, i, n int) bool {
	for _, m := range ms {
		if m.first >= i && m.first < i+n && m.id != "" && m.isActor() {
			return true
		}
	}
	return false
}

// notMet are the things one meets that are no one: "meet demand",
// "met the deadline".
var notMet = map[string]bool{"demand": true, "demands": true, "needs": true, "need": true, "requirements": true,
	"targets": true, "target": true, "expectations": true, "deadline": true, "deadlines": true, "standards": true,
	"criteria": true, "goals": true, "goal": true, "obligations": true, "costs": true, "conditions": true,
	"quota": true, "quotas": true, "challenge": true, "challenges": true, "attack": true, "attacks": true,
	"threat": true, "threats": true, "aggression": true}

// nonMeetingObject returns the index of a thing met ("the growing
// demand") starting at i, or 0.
func nonMeetingObject(toks []token.Token, i int) int {
	for j := i; j < len(toks) && j < i+4; j++ {
		w := toks[j].Lower
		if notMet[w] {
			return j
		}
		switch w {
		case "the", "a", "an", "any", "its", "their", "his", "her", "our", "this", "these", "all", "growing", "rising", "increasing",
			"domestic", "local", "global", "strong", "high", "energy", "basic", "armed":
			continue
		}
		return 0
	}
	return 0
}

// afterMust reports whether the verb at i follows "must", perhaps with an
// adverb between ("must fully cooperate").
func afterMust(toks []token.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if toks[j].Lower == "must" {
			return true
		}
		if !strings.HasSuffix(toks[j].Lower, "ly") {
			return false
		}
	}
	return false
}

// coordinatedSubject gives a verb coordinated with an earlier one the
// earlier verb's subject ("Blinken congratulated Lai and said ...", "Lee
// was sworn in ... and pledged ...") and returns it, or "" when the
// trigger is no such verb.
func coordinatedSubject(toks []token.Token, prev []*evMention, em *evMention) string {
	if em.form == noun || em.first == 0 || toks[em.first-1].Lower != "and" || len(prev) == 0 {
		return ""
	}
	switch em.typ {
	case diplograph.Meeting, diplograph.Summit, diplograph.Visit, diplograph.JointStatement, diplograph.TookOffice,
		diplograph.Election:
		return ""
	}
	var p *evMention
	for i := len(prev) - 1; i >= 0; i-- {
		if prev[i].form != noun {
			p = prev[i]
			break
		}
	}
	if p == nil {
		return ""
	}
	subj := ""
	if !hasRole(p.parts, diplograph.RoleInitiator) && p.typ != diplograph.TookOffice {
		// Only a single subject carries over: "Kishida and Modi met and
		// said" is said by both, which a meeting does not tell apart;
		// "Cho met Grossi in Vienna and reaffirmed" is Cho's, the one
		// subject named before the verb.
		if p.typ != diplograph.Meeting || p.subject == "" {
			return ""
		}
		subj = p.subject
	}
	for _, r := range []diplograph.Role{diplograph.RoleInitiator, diplograph.RoleGuest, diplograph.RoleParticipant} {
		for _, x := range p.parts {
			if x.Role == r && subj == "" {
				subj = x.Entity
			}
		}
	}
	if subj == "" {
		return ""
	}
	parts := []diplograph.Participant{{Entity: subj, Role: diplograph.RoleInitiator}}
	for _, x := range em.parts {
		if x.Role != diplograph.RoleInitiator && x.Entity != subj {
			parts = append(parts, x)
		}
	}
	em.parts = parts
	return subj
}

// purposeSubject gives what a trip is for, "to" and a verb right after the
// trip's clause, the traveller as its initiator: "is scheduled to travel on
// to Geneva on Thursday to address the Conference on Disarmament", "will fly
// to Beijing to meet Wang Yi". Whom the purpose names after its verb, which
// the purpose's own reading may have taken for its subject, takes part as
// its target.
func purposeSubject(toks []token.Token, chunks []int, prev []*evMention, em *evMention) {
	if em.form != vBase || em.first == 0 || toks[em.first-1].Lower != "to" || len(prev) == 0 {
		return
	}
	p := prev[len(prev)-1]
	if p.typ != diplograph.Visit || p.form == noun || chunks[p.first] != chunks[em.first] {
		return
	}
	subj := ""
	for _, x := range p.parts {
		if x.Role == diplograph.RoleInitiator || x.Role == diplograph.RoleGuest {
			subj = x.Entity
			break
		}
	}
	if subj == "" {
		return
	}
	parts := []diplograph.Participant{{Entity: subj, Role: diplograph.RoleInitiator}}
	for _, x := range em.parts {
		if x.Entity == subj {
			continue
		}
		if x.Role == diplograph.RoleInitiator {
			x.Role = diplograph.RoleTarget
		}
		parts = append(parts, x)
	}
	em.parts = parts
}

// triggerAt returns the longest trigger at token i whose object, where it
// needs one, follows: "sent aid" and "sent warships" are different events.
func (d *doc) triggerAt(toks []token.Token, ms []*mention, i int) (trigger, int, int, bool) {
	for _, ph := range d.x.triggers.byFirst[toks[i].Lower] {
		n := len(ph.words)
		if i+n > len(toks) || !wordsAt(toks, i, ph.words) {
			continue
		}
		t := ph.val
		switch {
		case t.objects == nil:
			return t, n, i + n, true
		case t.before:
			if objectBefore(toks, i, t.window, t.objects) {
				return t, n, i + n, true
			}
		case t.direct:
			j := i + n
			if m := mentionAt(ms, j); m != nil && m.first == j {
				j = m.last
			} else if t.named {
				continue
			}
			if j < len(toks) && slices.Contains(t.objects, toks[j].Lower) {
				return t, n, j + 1, true
			}
		default:
			// An embedded event is asked for with "to": "ask Trump to
			// visit Japan", not "asked Sanchez about the visit".
			if end := objectAfter(toks, ms, i+n, t.window, t.objects); end > 0 && (!t.embeds || toks[end-2].Lower == "to") {
				return t, n, end, true
			}
		}
	}
	return trigger{}, 0, 0, false
}

// rulingHeads follow "ruling" used as an adjective.
var rulingHeads = map[string]bool{"party": true, "coalition": true, "junta": true, "bloc": true, "camp": true,
	"elite": true, "family": true, "council": true, "military": true}

// speechType reports whether events of type t are things said.
func speechType(t diplograph.EventType) bool {
	switch t {
	case diplograph.Statement, diplograph.JointStatement, diplograph.Accusation, diplograph.Rejection, diplograph.Demand, diplograph.Proposal,
		diplograph.Threat, diplograph.Protest, diplograph.Invitation:
		return true
	}
	return false
}

// speechObject reports whether the noun at toks[first] is the object of a
// verb of speech that judges it ("condemned the incursion", "protested
// Russia's latest incursion"), and returns the actor a possessive or a
// demonym before the noun names, if any.
func speechObject(toks []token.Token, ms []*mention, first int, actor func(*mention) bool) (*mention, bool) {
	var owner *mention
	j := first - 1
	for n := 0; j >= 0 && n < 4; n++ {
		t, m := toks[j], mentionEndingAt(ms, j+1)
		switch {
		case possessive(t):
			j--
		case determiners[t.Lower]:
			j--
		case m != nil:
			if owner == nil && actor(m) {
				owner = m
			}
			j = m.first - 1
		case t.Kind == token.Word && !t.Cap:
			if judgingVerbs[t.Lower] {
				return owner, true
			}
			j-- // an adjective: "latest", "repeated"
		default:
			return nil, false
		}
	}
	if j >= 0 && judgingVerbs[toks[j].Lower] {
		return owner, true
	}
	return nil, false
}

// judgingVerbs say what the speaker thinks of an act they name.
var judgingVerbs = map[string]bool{"condemned": true, "condemns": true, "condemn": true, "denounced": true,
	"denounces": true, "criticized": true, "criticised": true, "criticizes": true, "protested": true,
	"protests": true, "deplored": true, "slammed": true, "decried": true}

// intentPredicates are adjectival triggers ("is willing to", "stands
// ready to") whose subject stands right before their copula.
var intentPredicates = map[string]bool{"willing to": true, "ready to": true, "prepared to": true,
	"committed to": true, "stands ready": true, "stand ready": true}

// copulas and adverbs that may stand between a subject and an intent
// predicate.
var copulas = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"remains": true, "remained": true, "remain": true, "stood": true, "stands": true, "still": true, "also": true,
	"fully": true, "now": true, "would": true, "will": true, "always": true, "very": true, "quite": true}

// reportVerbs introduce a clause whose pronoun subject is the speaker:
// "Syria says it is willing to ...".
var reportVerbs = map[string]bool{"said": true, "says": true, "saying": true, "announced": true, "added": true,
	"stated": true, "declared": true, "insisted": true, "told": true, "indicated": true, "signaled": true,
	"signalled": true, "reiterated": true, "made clear": true, "that": true}

// pronouns that refer back to a speaker.
var subjectPronouns = map[string]bool{"it": true, "he": true, "she": true, "they": true, "we": true, "i": true}

// intentSubject returns the actor that is willing, ready or prepared: the
// mention right before the copula, or for a pronoun there, the speaker of
// the reporting verb before it. Nil when the subject is no known actor.
func (d *doc) intentSubject(si, first int) *mention {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	j := first - 1
	for j >= 0 && copulas[toks[j].Lower] || j >= 0 && toks[j].Lower == "not" {
		j--
	}
	if j < 0 {
		return nil
	}
	if m := mentionEndingAt(ms, j+1); m != nil && m.isActor() && m.id != "" {
		return m
	}
	if !subjectPronouns[toks[j].Lower] {
		return nil
	}
	for k := j - 1; k >= 0 && k >= j-4; k-- {
		if !reportVerbs[toks[k].Lower] {
			continue
		}
		if m := nearestBefore(ms, k, (*mention).isActor); m != nil && m.id != "" && k-m.last <= 4 {
			return m
		}
		return nil
	}
	return nil
}

// wordsAt reports whether the lower-cased tokens from i are words.
func wordsAt(toks []token.Token, i int, words []string) bool {
	for j, w := range words {
		if toks[i+j].Lower != w {
			return false
		}
	}
	return true
}

// plainSay are reporting verbs that make a statement event only with a
// person as speaker.
var plainSay = map[string]bool{"said": true, "says": true, "stated": true}

// verbMarkers precede a base-form verb.
var verbMarkers = map[string]bool{"to": true, "will": true, "would": true, "could": true, "may": true, "might": true,
	"can": true, "shall": true, "should": true, "must": true, "not": true, "'ll": true}

// passiveAux precede a past participle in the passive voice.
var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "is": true, "are": true, "be": true,
	"being": true, "heavily": true, "sharply": true, "strongly": true, "widely": true}

func hasRole(parts []diplograph.Participant, r diplograph.Role) bool {
	for _, p := range parts {
		if p.Role == r {
			return true
		}
	}
	return false
}

func inMention(ms []*mention, i int) bool {
	for _, m := range ms {
		if i >= m.first && i < m.last && m.id != "" {
			return true
		}
	}
	return false
}

// objectAfter returns the end of the first of words that follows within
// window tokens of i, or, for an empty list, of an organization or treaty;
// 0 when there is none. The object stays in the trigger's clause, though
// an apposition may stand in it ("the UN refugee agency, UNHCR, out").
func objectAfter(toks []token.Token, ms []*mention, i, window int, words []string) int {
	for j, n := i, 0; j < len(toks) && n < window; j, n = j+1, n+1 {
		if t := toks[j]; t.Kind == token.Punct && (t.Text == "," || t.Text == ";" || t.Text == ".") {
			m := mentionAt(ms, j+1)
			if t.Text != "," || m == nil || m.first != j+1 || m.last >= len(toks) || toks[m.last].Text != "," {
				return 0
			}
			j = m.last
			continue
		}
		if len(words) == 0 {
			if m := mentionAt(ms, j); m != nil && (m.typ == diplograph.Organization || m.typ == diplograph.Treaty) {
				return m.last
			}
			continue
		}
		for _, w := range words {
			if toks[j].Lower == w {
				return j + 1
			}
		}
		// Where a treaty is the object, a named one is too, and an
		// organization one belongs to.
		if m := mentionAt(ms, j); m != nil && (m.typ == diplograph.Treaty || m.typ == diplograph.Organization) &&
			slices.Contains(words, "treaty") {
			return m.last
		}
	}
	return 0
}

// objectBefore reports whether one of words precedes i within window
// tokens, in the same clause.
func objectBefore(toks []token.Token, i, window int, words []string) bool {
	for j := i - 1; j >= 0 && j >= i-window; j-- {
		if t := toks[j]; t.Kind == token.Punct {
			return false
		}
		for _, w := range words {
			if toks[j].Lower == w {
				return true
			}
		}
	}
	return false
}

// chunkIDs numbers the clause-like chunks of a sentence: punctuation and
// subordinating words start a new chunk. Modality and dates bind within
// a chunk first.
func chunkIDs(toks []token.Token) []int {
	ids := make([]int, len(toks))
	c := 0
	for i, t := range toks {
		if i > 0 && startsChunk(toks, i) {
			c++
		}
		ids[i] = c
		if t.Kind == token.Punct && (t.Text == "," || t.Text == ";" || t.Text == ":" || t.Text == "—" || t.Text == "–" || t.Text == "(" || t.Text == ")") {
			c++
		}
	}
	return ids
}

// chunkIDsWith numbers chunks as chunkIDs does, except that the commas of
// a list of names of one kind ("Japan, the Philippines and the United
// States") do not end a chunk.
func chunkIDsWith(toks []token.Token, ms []*mention) []int {
	ids := chunkIDs(toks)
	shift := 0
	for i, t := range toks {
		if shift > 0 {
			ids[i] -= shift
		}
		if t.Text != "," || i+1 >= len(toks) || !listComma(toks, ms, i) {
			continue
		}
		if ids[i+1]-shift > ids[i] {
			shift++
		}
	}
	return ids
}

// listComma reports whether the comma at i separates two names of one
// kind in a list that goes on with another comma or "and"/"or".
func listComma(toks []token.Token, ms []*mention, i int) bool {
	a := mentionEndingAt(ms, i)
	j := i + 1
	// The serial comma: "X, Y, and Z" ends the list with Z.
	serial := j < len(toks) && (toks[j].Lower == "and" || toks[j].Lower == "or")
	if serial {
		j++
	}
	if j < len(toks) && toks[j].Lower == "the" {
		j++
	}
	b := mentionAt(ms, j)
	if a == nil || b == nil || a.typ != b.typ {
		return false
	}
	if serial {
		// A list, not two clauses, when a name of the same kind came
		// before: "X, Y, and Z", not "Japan said, and China agreed".
		return len(listBefore(toks, ms, a)) > 0
	}
	k := b.last
	if k < len(toks) && (toks[k].Text == "," || toks[k].Lower == "and" || toks[k].Lower == "or") {
		k++
		if k < len(toks) && toks[k-1].Text == "," && (toks[k].Lower == "and" || toks[k].Lower == "or") {
			k++
		}
		if k < len(toks) && toks[k].Lower == "the" {
			k++
		}
		if c := mentionAt(ms, k); c != nil && c.typ == a.typ {
			return true
		}
	}
	return false
}

func startsChunk(toks []token.Token, i int) bool {
	switch toks[i].Lower {
	case "when", "while", "after", "because", "although", "though", "whereas", "which", "who", "where", "if", "unless", "but", "since":
		return true
	case "as":
		if i+1 < len(toks) {
			n := toks[i+1]
			switch n.Lower {
			case "he", "she", "they", "it", "we", "the":
				return true
			}
			return n.Cap && toks[i-1].Lower != "such" && toks[i-1].Lower != "as"
		}
	}
	return false
}

// tenses returns a function telling the tense of the chunk holding token
// i, else of the sentence. The tense each word shows on its own and each
// chunk's tense are computed once, in one pass over the sentence, because
// the function is asked at every place a date may start.
func (d *doc) tenses(toks []token.Token, chunks []int) func(i int) timex.Tense {
	n := 0
	if len(chunks) > 0 {
		n = chunks[len(chunks)-1] + 1
	}
	// word is the tense each word shows on its own.
	word := make([]timex.Tense, len(toks))
	// Each chunk, and the sentence as a whole, is tallied as if scanned
	// on its own: a cue phrase counts once, its words not again ("to be
	// held"), within the tally that met the phrase's first word.
	byChunk := make([]tenseTally, n)
	var sentence tenseTally
	for j := range toks {
		cls := d.x.tenseWords[toks[j].Lower]
		switch {
		case cls&futureWord != 0 && !futureNoun(toks, j):
			word[j] = timex.Future
		case pastAt(toks, j, cls):
			word[j] = timex.Past
		case presentEvent(toks, j):
			// "Netanyahu meets Albright on Monday": news tells what is
			// to come in the present; what happened, in the past.
			word[j] = timex.Future
		}
		var c cue
		cn, phrase := 0, false
		if cls&cuePhraseStart != 0 {
			var ok bool
			c, cn, ok = d.x.cues.at(toks, j)
			phrase = ok && cn > 1
		}
		for _, t := range [...]*tenseTally{&byChunk[chunks[j]], &sentence} {
			if j < t.skipTo {
				continue
			}
			if phrase {
				switch c.status {
				case diplograph.Planned, diplograph.Expected, diplograph.Proposed:
					t.future++
				case diplograph.Occurred:
					t.past++
				}
				t.skipTo = j + cn
				continue
			}
			switch word[j] {
			case timex.Future:
				t.future++
			case timex.Past:
				t.past++
			}
		}
	}
	return func(i int) timex.Tense {
		// The verb next to a date governs it ("said on Tuesday that they
		// would meet"): look up to four words either way, nearest first.
		for dist := 1; dist <= 4; dist++ {
			for _, j := range [2]int{i - dist, i + dist} {
				if j < 0 || j >= len(toks) || chunks[j] != chunks[i] {
					continue
				}
				if word[j] != timex.Unknown {
					return word[j]
				}
			}
		}
		// "talking about the slated visit of U.S. Commerce Secretary
		// William Daley in September": a date in the noun phrase of an
		// event said to come is to come, whatever the clause's verb.
		for j := i - 5; j >= 0 && j >= i-12 && chunks[j] == chunks[i] && toks[j].Kind == token.Word; j-- {
			if word[j] == timex.Unknown {
				continue
			}
			if comingAdjectives[toks[j].Lower] && j > 0 && determiners[toks[j-1].Lower] {
				return timex.Future
			}
			break
		}
		if t := byChunk[chunks[i]].tense(); t != timex.Unknown {
			return t
		}
		return sentence.tense()
	}
}

// comingAdjectives, after a determiner, make an event noun one to come:
// "the slated visit", "an upcoming summit".
var comingAdjectives = map[string]bool{"slated": true, "planned": true, "upcoming": true, "scheduled": true,
	"expected": true, "coming": true}

// presentEvent reports whether toks[j] is a gathering or trip verb in the
// simple present: "meets", "visits", or "meet" after its subject ("He and
// Arafat meet separately Monday"), not after "to", an auxiliary or a
// modal ("to meet", "did not meet").
func presentEvent(toks []token.Token, j int) bool {
	w := toks[j].Lower
	if presentEventVerbs[w] {
		return true
	}
	if !presentEventVerbs[w+"s"] || j == 0 {
		return false
	}
	prev := toks[j-1]
	return prev.Kind == token.Word && !verbMarkers[prev.Lower] && !auxiliaries[prev.Lower] && !copulas[prev.Lower] &&
		!determiners[prev.Lower] && (prev.Cap || prev.Lower == "they" || prev.Lower == "we" || prev.Lower == "separately")
}

// presentEventVerbs are the third-person present forms of gathering and
// trip verbs.
var presentEventVerbs = map[string]bool{"meets": true, "visits": true, "holds": true, "travels": true, "arrives": true,
	"hosts": true, "heads": true, "flies": true, "tours": true}

// futureNoun reports whether a future cue at toks[j] is a noun after a
// determiner ("approved the plan in Sunday's referendum", "its hopes"),
// which says nothing of the clause's tense.
func futureNoun(toks []token.Token, j int) bool {
	if j == 0 || !cueNouns[toks[j].Lower] {
		return false
	}
	return determiners[toks[j-1].Lower] || possessive(toks[j-1])
}

// cueNouns are future cues that are also nouns.
var cueNouns = map[string]bool{"plan": true, "plans": true, "hopes": true, "set": true}

// tenseTally counts the future and past cues of a stretch of a sentence.
type tenseTally struct {
	future, past int
	// skipTo is the token after the cue phrase counted last.
	skipTo int
}

func (t tenseTally) tense() timex.Tense {
	switch {
	case t.future > t.past:
		return timex.Future
	case t.past > t.future:
		return timex.Past
	}
	return timex.Unknown
}

// tenseWord is what a word can tell of its clause's tense, gathered from
// futureCues, pastCues, notPastEd and the cue phrases, so that tenses
// looks each word up once rather than in four tables.
type tenseWord uint8

const (
	futureWord     tenseWord = 1 << iota // in futureCues
	pastWord                             // in pastCues
	notPastEdWord                        // in notPastEd
	cuePhraseStart                       // the first word of a cue phrase of two words or more
)

func tenseLexicon(cues *phraseIndex[cue]) map[string]tenseWord {
	m := map[string]tenseWord{}
	for w := range futureCues {
		m[w] |= futureWord
	}
	for w := range pastCues {
		m[w] |= pastWord
	}
	for w := range notPastEd {
		m[w] |= notPastEdWord
	}
	for first, list := range cues.byFirst {
		for _, ph := range list {
			if len(ph.words) > 1 {
				m[first] |= cuePhraseStart
			}
		}
	}
	return m
}

// pastAt reports whether toks[j], whose word is of class cls, is a
// past-tense verb: a listed irregular form (pastCues), or a regular "-ed"
// form that is not one of the adjectives and future cues that end the
// same way (notPastEd), nor a participle after a present form of "be" or
// before "by" ("are administered by Japan" says nothing of the past).
func pastAt(toks []token.Token, j int, cls tenseWord) bool {
	if cls&pastWord != 0 {
		return true
	}
	if w := toks[j].Lower; len(w) < 5 || !strings.HasSuffix(w, "ed") || cls&notPastEdWord != 0 {
		return false
	}
	if j > 0 {
		switch toks[j-1].Lower {
		case "is", "are", "be", "been", "being", "am", "will", "to":
			return false
		}
	}
	return j+1 >= len(toks) || toks[j+1].Lower != "by"
}

// relativeDays adds to exprs the day that "a day after" or "two days
// before" gives what follows, counted from the day the sentence
// names before the phrase: "China said on Sunday it would never accept
// independence, a day after Lai won the election" dates the election to
// Saturday. It stands where the phrase stands, so that the nearest event
// takes it as it would a date written there.
func relativeDays(toks []token.Token, exprs []timex.Expr) []timex.Expr {
	var out []timex.Expr
	for k := 2; k < len(toks); k++ {
		dir := 0
		switch toks[k].Lower {
		case "after":
			dir = -1
		case "before":
			dir = 1
		default:
			continue
		}
		// "Hours after" may cross midnight: it gives no day.
		var n, first int
		switch unit, count := toks[k-1].Lower, toks[k-2].Lower; {
		case unit == "day" && (count == "a" || count == "one" || count == "the"):
			n, first = 1, k-2
		case unit == "days" && dayCounts[count] > 0:
			n, first = dayCounts[count], k-2
		default:
			continue
		}
		var from *timex.Expr
		for i := range exprs {
			if x := &exprs[i]; x.Type == timex.Date && x.Span.Precision == diplograph.Day && x.Last <= first {
				from = x
			}
		}
		if from == nil {
			continue
		}
		day, err := parseDay(from.Span.Start)
		if err != nil {
			continue
		}
		v := day.AddDate(0, 0, dir*n).Format("2006-01-02")
		text := joinTokens(toks[first : k+1])
		out = append(out, timex.Expr{First: first, Last: k + 1, Text: text, Type: timex.Date, Value: v,
			Span: diplograph.TimeSpan{Start: v, End: v, Precision: diplograph.Day, Raw: text, Timex: v}})
	}
	return append(exprs, out...)
}

// sayingDated returns the index of the reporting verb a date follows
// ("said Monday", "said here on Tuesday", "as saying on Monday"), or -1.
func sayingDated(toks []token.Token, x timex.Expr) int {
	if x.Last < len(toks) && possessive(toks[x.Last]) || possessive(toks[x.Last-1]) {
		// "a statement saying Sunday's referendum …": the date of what
		// follows.
		return -1
	}
	k := x.First - 1
	for k >= 0 && (toks[k].Lower == "on" || toks[k].Lower == "here" || toks[k].Lower == "late" || toks[k].Lower == "earlier") {
		k--
	}
	if k >= 0 && (plainSay[toks[k].Lower] || toks[k].Lower == "added" || toks[k].Lower == "saying") {
		return k
	}
	return -1
}

// eventBetween reports whether an event mention lies between tokens from
// and to.
func eventBetween(ems []*evMention, from, to int) bool {
	for _, o := range ems {
		if o.first >= from && o.last <= to {
			return true
		}
	}
	return false
}

// dayCounts are the counts of days "N days after" takes.
var dayCounts = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}

// assignDates gives each event mention the date expression nearest to its
// trigger, each expression going to one mention, nearest pairs first; then
// refines a date with a finer one in the same chunk that it contains ("this
// year's summit ... in the fall").
//
// The expressions from written on are relativeDays': the clause after "a
// day after" is what it dates, however long the clause runs before its
// event word ("a day after Lai Ching-te of the ruling Democratic
// Progressive Party won the island's presidential election").
func (d *doc) assignDates(si int, ems []*evMention, exprs []timex.Expr, written int, chunks []int) {
	toks := d.sents[si].Tokens
	type pair struct{ e, x, dist int }
	var pairs []pair
	for ei, em := range ems {
		if em.timing {
			continue
		}
		for xi, x := range exprs {
			if x.Type == timex.Duration {
				// "a three-day visit", "a visit for three days".
				if x.Last == em.first || (x.Last+1 == em.first) || x.First == em.last {
					em.days = x.Days
				}
				continue
			}
			if x.Span.IsZero() {
				continue
			}
			if k := sayingDated(toks, x); k >= 0 && em.first != k && !speechType(em.typ) {
				// "Western diplomats said Monday that Baker could assess
				// … talks": the day of the saying, not of the talks;
				// what was said ("said on Tuesday that Iraq would
				// retaliate") was said that day.
				continue
			}
			dist := tokenDistance(em.first, em.last, x.First, x.Last)
			if dist > 20 {
				continue
			}
			// Beyond 12 words only the day "a day after" gives the clause
			// it opens, and a date ending the event's own clause with no
			// other event between (not for what is said, whose reported
			// content keeps its dates).
			if dist > 12 {
				relative := xi >= written && em.first >= x.Last
				clauseEnd := !speechType(em.typ) && x.First > em.last && chunks[x.First] == chunks[em.first] &&
					!eventBetween(ems, em.last, x.First)
				if !relative && !clauseEnd {
					continue
				}
			}
			if chunks[x.First] != chunks[em.first] {
				dist += 4
			}
			pairs = append(pairs, pair{ei, xi, dist})
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].dist < pairs[j].dist })
	used := map[int]bool{}
	done := map[int]bool{}
	took := make([]int, len(ems)) // the expression each mention took, or -1
	for i := range took {
		took[i] = -1
	}
	for _, p := range pairs {
		if used[p.x] || done[p.e] {
			continue
		}
		used[p.x], done[p.e] = true, true
		took[p.e] = p.x
	}
	shareClauseDates(toks, ems, exprs, took, chunks)
	for ei, xi := range took {
		if xi < 0 {
			continue
		}
		em, x := ems[ei], exprs[xi]
		em.span = x.Span
		if x.First > 0 {
			em.endWord = toks[x.First-1].Lower
		}
	}
	for _, em := range ems {
		if em.span.IsZero() {
			continue
		}
		for xi, x := range exprs {
			if used[xi] || x.Type != timex.Date || x.Span.IsZero() || chunks[x.First] != chunks[em.first] && tokenDistance(em.first, em.last, x.First, x.Last) > 8 {
				continue
			}
			if x.Span.Precision.Finer(em.span.Precision) && x.Span.Start >= em.span.Start && x.Span.End <= em.span.End {
				em.span = x.Span
				used[xi] = true
			}
		}
		if em.days > 1 && em.span.Precision == diplograph.Day {
			if endsAt[em.endWord] {
				em.span.Start = addDays(em.span.End, -(em.days - 1))
			} else {
				em.span.End = addDays(em.span.Start, em.days-1)
			}
		}
	}
}

// shareClauseDates gives an act and the verb that follows its clause, as
// its purpose ("to" and a verb) or coordinated with it ("and" and a verb),
// the one date between them: "is scheduled to travel on to Geneva on
// Thursday to address the Conference on Disarmament" dates the visit and
// the speech alike, "met Grossi on Tuesday and reaffirmed" the meeting and
// the statement. Each expression goes to one mention otherwise
// (assignDates), which left one of the two undated.
func shareClauseDates(toks []token.Token, ems []*evMention, exprs []timex.Expr, took []int, chunks []int) {
	for bi, b := range ems {
		if b.first == 0 {
			continue
		}
		purpose := b.form == vBase && toks[b.first-1].Lower == "to"
		// "met Grossi in Vienna on Tuesday and reaffirmed …": a verb
		// coordinated with the act before it happened when it did.
		coordinated := (b.form == vPast || b.form == vPres) && toks[b.first-1].Lower == "and"
		if !purpose && !coordinated {
			continue
		}
		ai := -1
		for oi, o := range ems {
			if o.last < b.first && (ai < 0 || o.last > ems[ai].last) {
				ai = oi
			}
		}
		if ai < 0 || chunks[ems[ai].first] != chunks[b.first] || (took[ai] < 0) == (took[bi] < 0) {
			continue
		}
		xi := max(took[ai], took[bi])
		if x := exprs[xi]; x.First >= ems[ai].last && x.Last < b.first {
			took[ai], took[bi] = xi, xi
		}
	}
}

// relativeBetween reports whether a relative clause starts between
// tokens i and j ("the summit that had been planned ...").
func relativeBetween(toks []token.Token, i, j int) bool {
	for k := i; k < j && k < len(toks); k++ {
		if relativeWords[toks[k].Lower] {
			return true
		}
	}
	return false
}

// endsAt are words after which a date is the last day of a span.
var endsAt = map[string]bool{"ended": true, "ending": true, "ends": true, "until": true, "through": true, "concluded": true, "closed": true}

func tokenDistance(aFirst, aLast, bFirst, bLast int) int {
	if bLast <= aFirst {
		return aFirst - bLast
	}
	if bFirst >= aLast {
		return bFirst - aLast
	}
	return 0
}

// fillStatus decides whether the event happened, is planned, proposed,
// expected, put off, called off or only imagined.
func (d *doc) fillStatus(si int, em *evMention, chunks []int, tenseAt func(int) timex.Tense) {
	toks := d.sents[si].Tokens
	c := chunks[em.first]
	// Embedded under a request: "ask Trump to visit Japan", "proposed a
	// summit", "invited him to talks".
	if d.embeddedRequest(toks, chunks, em) {
		em.status, em.conf = diplograph.Proposed, confEmbedded
		return
	}
	// "as laid down by the Feb. 23 accord signed by Annan and Aziz": a
	// participle after its noun tells what was done, whatever the
	// modality of the clause around it.
	if reducedPassive(toks, d.ments[si], em) && !auxiliaries[toks[em.first-1].Lower] {
		em.status, em.conf = diplograph.Occurred, confTense
		return
	}
	// Conditional: the clause after a sentence-initial "If ...,".
	if len(toks) > 0 && (toks[0].Lower == "if" || toks[0].Lower == "should") && c == firstChunkAfterComma(toks, chunks) {
		em.status, em.conf = diplograph.Hypothetical, confCue
		return
	}
	best, bestDist, bestAt := cue{}, 1<<30, -1
	type found struct {
		c     cue
		at    int
		after bool
	}
	var seen []found
	// "would raise it at a meeting of EU ministers on March 3", "is
	// expected to attend the July summit": the modality belongs to what is
	// done at the gathering, which keeps a status of its own.
	// Undated, it has no status of its own to fall back on: the cues stay.
	from := 0
	if !em.span.IsZero() {
		from = occasionBefore(toks, em)
	}
	for j := from; j < len(toks); j++ {
		if chunks[j] != c {
			continue
		}
		for _, ph := range d.x.cues.all(toks, j) {
			if em.typ == diplograph.Proposal && ph.val.status == diplograph.Proposed {
				// An offer or request is made, not proposed: "offered
				// to" marks what is offered.
				continue
			}
			end := j + len(ph.words)
			var dist int
			switch {
			case !ph.val.after && end <= em.first:
				dist = em.first - end
			case ph.val.after && j >= em.last && em.form == noun:
				// What follows an event noun is its predicate ("the
				// meeting ... has been called off"); a verb's tense is its own.
				dist = j - em.last
			default:
				continue
			}
			seen = append(seen, found{ph.val, j, ph.val.after})
			if dist < bestDist || dist == bestDist && ph.val.negate {
				best, bestDist, bestAt = ph.val, dist, j
			}
		}
	}
	if bestDist < 1<<30 {
		switch {
		case best.after && relativeBetween(toks, em.last, bestAt):
			// "the summit that had been planned for May has been
			// postponed": the main clause's predicate comes last.
			for _, f := range seen {
				if f.after && f.at > bestAt {
					best, bestAt = f.c, f.at
				}
			}
		case !best.after && (best.status == diplograph.Planned || best.status == diplograph.Expected ||
			best.status == diplograph.Proposed):
			// "cancelled a planned visit", "a planned meeting between
			// Hayashi and India was postponed": the verb outranks the
			// adjective of its object or subject.
			for _, f := range seen {
				near := !f.after && f.at < bestAt && bestAt-f.at <= 4 || f.after && f.at > bestAt
				if near && (f.c.status == diplograph.Cancelled || f.c.status == diplograph.Postponed) {
					best, bestAt = f.c, f.at
				}
			}
		}
		if best.phrase == "would" && best.status == diplograph.Expected {
			switch {
			case conditionAfter(toks, em.last):
				// "would meet Trump if the talks made progress".
				best.status = diplograph.Hypothetical
			case reportedWould(toks, bestAt):
				// "said its heads of government would meet next week":
				// the "will" of what was said, told in the past.
				best.status = diplograph.Planned
			}
		}
		em.status, em.conf, em.negated = best.status, confCue, best.negate
		em.cue, em.cueAt = best.phrase, bestAt
		if em.negated && em.status == diplograph.Occurred {
			em.status = diplograph.Hypothetical
		}
		return
	}
	switch em.form {
	case vPast:
		em.status, em.conf = diplograph.Occurred, confTense
		return
	case vPres:
		// "…," says Baker: saying in the present is done, whatever the
		// tense of what is said.
		if speechType(em.typ) {
			em.status, em.conf = diplograph.Occurred, confTense
			return
		}
	case vPart:
		if em.first > 0 && (toks[em.first-1].Lower == "was" || toks[em.first-1].Lower == "were" || toks[em.first-1].Lower == "been") {
			em.status, em.conf = diplograph.Occurred, confTense
			return
		}
	case vIng:
		if em.first > 0 && (toks[em.first-1].Lower == "is" || toks[em.first-1].Lower == "are") {
			em.status, em.conf = diplograph.Ongoing, confTense
			return
		}
	}
	if !em.span.IsZero() && !d.anchor.IsZero() {
		day := d.anchor.Format("2006-01-02")
		switch {
		case em.span.Start > day:
			em.status, em.conf = diplograph.Planned, confDate
		case em.span.End < day:
			em.status, em.conf = diplograph.Occurred, confDate
		default:
			em.status, em.conf = diplograph.Ongoing, confDate
			if em.span.Precision != diplograph.Day {
				// "later this week": still to come within the span.
				if tenseAt(em.first) == timex.Past {
					em.status = diplograph.Occurred
				} else {
					em.status = diplograph.Planned
				}
			}
		}
		return
	}
	switch tenseAt(em.first) {
	case timex.Future:
		em.status = diplograph.Planned
	default:
		em.status = diplograph.Occurred
	}
	em.conf = confDefault
}

// conditionAfter reports whether an "if" or "unless" clause follows token i
// in the sentence.
func conditionAfter(toks []token.Token, i int) bool {
	for _, t := range toks[min(i, len(toks)):] {
		if t.Lower == "if" || t.Lower == "unless" {
			return true
		}
	}
	return false
}

// reportedWould reports whether the "would" at i is what a report verb
// shortly before it says will be ("said the talks would resume", "announced
// that its ministers would meet"), not a conditional or a guess: no "if",
// "unless" or "could" in the sentence.
func reportedWould(toks []token.Token, i int) bool {
	for _, t := range toks {
		switch t.Lower {
		case "if", "unless", "could", "might", "whether":
			return false
		}
	}
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if plainSay[toks[j].Lower] || toks[j].Lower == "announced" || toks[j].Lower == "told" {
			return true
		}
	}
	return false
}

// occasionWords introduce a gathering as the occasion of another act.
var occasionWords = map[string]bool{"at": true, "attend": true, "attends": true, "attended": true, "attending": true,
	"during": true, "ahead": true, "before": true, "after": true, "sidelines": true, "margins": true}

// occasionBefore returns where the cues of a meeting, summit or visit noun
// may start: right after an occasion word a few tokens before it ("at the
// NATO summit"), else 0.
func occasionBefore(toks []token.Token, em *evMention) int {
	if em.form != noun || em.typ != diplograph.Meeting && em.typ != diplograph.Summit && em.typ != diplograph.Visit {
		return 0
	}
	for j := em.first - 1; j >= 0 && j >= em.first-6; j-- {
		w := toks[j].Lower
		if occasionWords[w] {
			return j + 1
		}
		if toks[j].Kind == token.Punct && toks[j].Text != "'" && toks[j].Text != "-" || w == "for" {
			// "before the summit for talks": the occasion of the
			// summit, not of the talks.
			break
		}
	}
	return 0
}

func firstChunkAfterComma(toks []token.Token, chunks []int) int {
	for i, t := range toks {
		if t.Text == "," && i+1 < len(toks) {
			return chunks[i+1]
		}
	}
	return -1
}

// embeddedRequest reports whether the event is what someone asks,
// proposes or invites: "<request verb> X to <trigger>" or
// "<request verb> a <trigger>". It sets the requester as initiator.
func (d *doc) embeddedRequest(toks []token.Token, chunks []int, em *evMention) bool {
	ms := d.ments[em.sent]
	lo := em.first - 8
	if lo < 0 {
		lo = 0
	}
	for j := em.first - 1; j >= lo; j-- {
		if chunks[j] != chunks[em.first] {
			break
		}
		offer := offerVerbs[toks[j].Lower]
		if !requestVerbs[toks[j].Lower] && !offer {
			continue
		}
		between := toks[j+1 : em.first]
		if offer && !slices.ContainsFunc(between, func(t token.Token) bool { return t.Lower == "to" }) {
			continue
		}
		okShape := false
		if em.form == vBase && len(between) > 0 && between[len(between)-1].Lower == "to" {
			okShape = true
		}
		if em.form == noun {
			okShape = true
		}
		if !okShape {
			return false
		}
		if asker := nearestBefore(ms, j, (*mention).isActor); asker != nil {
			addPart(&em.parts, asker.id, diplograph.RoleInitiator)
		}
		return true
	}
	return false
}

func addPart(parts *[]diplograph.Participant, id string, role diplograph.Role) {
	if id == "" {
		return
	}
	for i, p := range *parts {
		if p.Entity == id {
			if rolePriority(role) > rolePriority(p.Role) {
				(*parts)[i].Role = role
			}
			return
		}
	}
	*parts = append(*parts, diplograph.Participant{Entity: id, Role: role})
}

func rolePriority(r diplograph.Role) int {
	switch r {
	case diplograph.RoleGuest, diplograph.RoleHost, diplograph.RoleInitiator:
		return 3
	case diplograph.RoleTarget, diplograph.RoleAudience:
		return 2
	case diplograph.RoleParticipant:
		return 1
	}
	return 0
}

// fillParticipants finds who takes part, by event type. It reports false
// when the mention should be dropped (a statement verb without a speaker).
func (d *doc) fillParticipants(si int, em *evMention, h trigHit, chunks []int) bool {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	// "refer to U.N. resolution 425": a body that names a document acts
	// no more than the document does.
	actor := func(m *mention) bool {
		return m.isActor() && !(m.last < len(toks) && documentNouns[toks[m.last].Lower]) &&
			(speechType(em.typ) || !d.media(m)) && !placeOfBody(toks, m)
	}
	inChunk := func(m *mention) bool { return chunks[m.first] == chunks[em.first] }
	switch em.typ {
	case diplograph.Visit:
		d.visitParticipants(si, em, chunks)
	case diplograph.Meeting, diplograph.Summit, diplograph.JointStatement:
		if em.typ == diplograph.Meeting && em.form != noun {
			// "Cho Hyun met", not "Kishida and Modi met".
			m := nearestBefore(ms, em.first, func(m *mention) bool { return actor(m) && inChunk(m) })
			if m != nil && m.typ == diplograph.Person && em.first-m.last <= 3 &&
				(m.first == 0 || toks[m.first-1].Lower != "and" && toks[m.first-1].Text != ",") {
				em.subject = m.id
			}
		}
		// "visit Paris before the summit for talks with Macron": a summit
		// named before, by which something else is timed, is no
		// gathering of those the sentence names.
		if em.form == noun && toks[max(em.first-1, 0)].Lower == "the" && em.first >= 2 && timingWords[toks[em.first-2].Lower] {
			em.timing = true
			return true
		}
		// "a final meeting between Obama and Netanyahu": the two it is
		// between, and no one else the sentence names.
		if sides := d.sidesAfterBetween(toks, ms, em); len(sides) >= 2 {
			for _, m := range sides {
				addPart(&em.parts, m.id, diplograph.RoleParticipant)
			}
			return true
		}
		// "the APEC summit", "a G7 meeting": the organization meets. A
		// gathering of an intergovernmental organization ("a G7 meeting",
		// "a meeting of the Shanghai Cooperation Organisation") is
		// multilateral: a summit.
		org := mentionEndingAt(ms, em.first)
		if org != nil && org.typ == diplograph.Organization {
			if em.typ == diplograph.Meeting && em.form == noun && d.isIGO(org) {
				em.typ, em.code = diplograph.Summit, typeCoding[diplograph.Summit]
			}
			addPart(&em.parts, org.id, diplograph.RoleParticipant)
			return true
		}
		// "the alliance's 75th anniversary summit", "ASEAN's annual
		// meeting": the organization whose gathering it is.
		if org == nil && em.form == noun {
			if o := possessorBefore(toks, ms, em.first); d.isIGO(o) {
				summitOf(em, o.id)
				return true
			}
		}
		// "The Caribbean Community said its heads of government would
		// meet": the members of the organization "its" stands for meet.
		if o := d.membersSubject(toks, ms, em); o != nil {
			summitOf(em, o.id)
			return true
		}
		if em.typ == diplograph.Meeting && em.form == noun && em.last+1 < len(toks) && toks[em.last].Lower == "of" {
			j := em.last + 1
			if toks[j].Lower == "the" {
				j++
			}
			if o := mentionAt(ms, j); o != nil && o.first == j && d.isIGO(o) {
				summitOf(em, o.id)
				return true
			}
		}
		// "Davidson, a spokesman, said Rice and her visitor discussed":
		// who reports the meeting before it, and their titles, do not
		// attend it.
		reported := -1
		for _, m := range ms {
			if m.typ == diplograph.Person && m.id != "" && m.last <= em.first {
				if k := reportsBefore(toks, ms, m, em.first); k > reported {
					reported = k
				}
			}
		}
		var people, countries []*mention
		for _, m := range ms {
			if m.first < reported {
				continue
			}
			if m.id == "" || !actor(m) || m.possessive && m.first >= em.last {
				// After the trigger, a possessor owns some other thing
				// ("calling for an expansion of the IMF's reserves").
				continue
			}
			if m.typ == diplograph.Person {
				// ", Foreign Secretary Lazaro said": who reports the
				// meeting after it, in a clause of their own, is not
				// said to attend it.
				if reportsAfter(toks, m, em) && !inChunk(m) {
					continue
				}
				people = append(people, m)
			} else if inChunk(m) || em.typ != diplograph.Meeting {
				countries = append(countries, m)
			}
		}
		if em.typ == diplograph.JointStatement {
			var inC []*mention
			for _, m := range people {
				if inChunk(m) {
					inC = append(inC, m)
				}
			}
			if len(inC) > 0 {
				people = inC
			}
		}
		// "He spoke by phone with Ishiba": the pronoun is the person the
		// sentence before was about.
		if ante := d.sentenceSubjectBefore(si, toks, em.first); ante != nil {
			people = append([]*mention{ante}, people...)
		}
		group := len(people) < 2 && hasGroupWord(toks, chunks, chunks[em.first])
		if group {
			// "Jaiswal told a briefing, responding to reports that the
			// two had held a meeting": the two, not one named in another
			// clause.
			people = slices.DeleteFunc(people, func(m *mention) bool { return !inChunk(m) })
		}
		for _, m := range people {
			addPart(&em.parts, m.id, diplograph.RoleParticipant)
		}
		if group {
			// "Their meeting" names two who met; one person known so far
			// is not a pair.
			if pair := d.salientPair(si); len(pair) == 2 {
				for _, id := range pair {
					addPart(&em.parts, id, diplograph.RoleParticipant)
				}
			}
		}
		if len(em.parts) == 0 {
			for _, m := range countries {
				addPart(&em.parts, m.id, diplograph.RoleParticipant)
			}
		} else if len(em.parts) == 1 && em.typ == diplograph.Meeting {
			// "Egypt's intelligence chief met with President Assad": a
			// side named by its country ("Egypt's", "Moroccan
			// diplomats") or its body ("the head of the European
			// Commission") before the meeting in its clause meets the
			// one named by name.
			for _, m := range countries {
				side := m.typ == diplograph.Country && (m.possessive || m.acts) ||
					m.typ == diplograph.Organization && m.first > 1 && toks[m.first-1].Lower == "the" &&
						toks[m.first-2].Lower == "of" && m.titleOf == ""
				if side && inChunk(m) && m.last <= em.first &&
					!isParticipant(em.parts, m.id) && !d.representsAny(m.id, em.parts, ms) {
					addPart(&em.parts, m.id, diplograph.RoleParticipant)
				}
			}
		}
	case diplograph.Statement:
		if h.t.code != typeCoding[diplograph.Statement] {
			// Praise, endorsement, apology: someone's, of someone.
			return d.initiatorAndTarget(si, em, h, ms, actor, inChunk) && hasRole(em.parts, diplograph.RoleInitiator)
		}
		// A bare "said" that only sources a fact ("officials said",
		// "Japan said") is no statement event; a person saying it is.
		if plainSay[h.t.phrase] {
			actor = func(m *mention) bool { return m.typ == diplograph.Person && m.id != "" }
		}
		speaker := nearestBefore(ms, em.first, func(m *mention) bool { return actor(m) && inChunk(m) })
		if speaker == nil || em.first-speaker.last > 4 {
			// "Chen Binhua, a spokesperson for the office, said", "Ishiba,
			// who took office last month, has said": the speaker stands
			// before an apposition or a relative clause set off by commas.
			speaker = speakerBeforeAside(toks, ms, em.first, actor)
		}
		if speaker == nil || em.first-speaker.last > 4 && !asideBetween(toks, speaker.last, em.first) {
			speaker = nil
			// Inverted: `"...," said Foreign Minister X`; not a possessor
			// of what is said ("reaffirmed Seoul's commitment"), nor the
			// subject of a "that" clause ("emphasized that Washington
			// would"), nor anyone after a pronoun subject (`"...," she
			// told American workers`: they are told).
			if pronounSubject(toks, em.first) || h.t.phrase == "told" {
				// Whom one tells is the audience: "a source told The
				// Associated Press".
				return false
			}
			for _, m := range ms {
				if m.first >= em.last && m.first <= em.last+4 && actor(m) && !m.possessive &&
					!slices.ContainsFunc(toks[em.last:m.first], func(t token.Token) bool { return t.Lower == "that" }) {
					speaker = m
					break
				}
			}
		}
		if speaker == nil {
			return false
		}
		addPart(&em.parts, speaker.id, diplograph.RoleInitiator)
		if h.t.phrase == "told" {
			for _, m := range ms {
				if m.first >= em.last && m.first <= em.last+3 && (actor(m) || m.typ == diplograph.Organization) && m.id != "" {
					addPart(&em.parts, m.id, diplograph.RoleAudience)
					break
				}
			}
		}
		em.quote = quoteIn(d.sents[si].Text)
	case diplograph.TookOffice:
		p := nearestBefore(ms, em.first, func(m *mention) bool { return m.typ == diplograph.Person && m.id != "" })
		if p == nil {
			return false
		}
		addPart(&em.parts, p.id, diplograph.RoleParticipant)
		if r, ok := d.x.kb.Get(p.id); ok {
			if o, ok := d.office(r); ok {
				em.concerns = append(em.concerns, o.Of)
				props := map[string]string{"office": o.Title, "since": o.Since, "until": o.Until, "term": o.Term}
				d.addRelation(si, diplograph.HoldsOffice, p.id, o.Of, o.Title, props)
			}
		}
	case diplograph.Demand:
		if h.t.phrase != "must" {
			return d.initiatorAndTarget(si, em, h, ms, actor, inChunk)
		}
		return d.mustDemand(si, em, actor)
	default:
		return d.initiatorAndTarget(si, em, h, ms, actor, inChunk)
	}
	return len(em.parts) > 0 || em.typ == diplograph.Meeting || em.typ == diplograph.Summit
}

// reportsAfter reports whether m comes after the event and a plain
// "said" follows it: ", Foreign Secretary Lazaro said".
func reportsAfter(toks []token.Token, m *mention, em *evMention) bool {
	return m.first > em.last && m.last < len(toks) && plainSay[toks[m.last].Lower]
}

// reportsBefore returns the index of a plain "said" whose subject is m,
// directly or after an aside, when it stands before token i and its
// clause names another actor before i: what is said happened to others.
// It returns -1 otherwise, and when the clause begins with a pronoun that
// m may be ("Rice said she and Lavrov discussed"), or no actor comes
// between ("Toledo said at the sidelines of the summit": where he said
// it).
func reportsBefore(toks []token.Token, ms []*mention, m *mention, i int) int {
	for k := m.last; k < i; k++ {
		if !plainSay[toks[k].Lower] {
			continue
		}
		if k != m.last && !asideBetween(toks, m.last, k) {
			return -1
		}
		j := k + 1
		if j < i && toks[j].Lower == "that" {
			j++
		}
		if j < i && personalPronouns[toks[j].Lower] ||
			!slices.ContainsFunc(ms, func(o *mention) bool { return o.first > k && o.last <= i && o.isActor() }) {
			return -1
		}
		return k
	}
	return -1
}

// personalPronouns may stand for a person named before them.
var personalPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true}

// media reports whether m is a news organization, which reports what
// others do: it says things, but does no other deed.
func (d *doc) media(m *mention) bool {
	if m.typ != diplograph.Organization {
		return false
	}
	if m.title == "MEDIA" {
		return true
	}
	r, ok := d.x.kb.Get(m.id)
	return ok && r.Kind == "MEDIA"
}

// placeOfBody reports whether an organization is named as a place: "a
// speech delivered at the Pentagon", "who came to the State Department".
func placeOfBody(toks []token.Token, m *mention) bool {
	if m.typ != diplograph.Organization {
		return false
	}
	j := m.first - 1
	if j >= 0 && toks[j].Lower == "the" {
		j--
	}
	if j < 0 {
		return false
	}
	return toks[j].Lower == "at" || toks[j].Lower == "to" && j > 0 && motionVerbs[toks[j-1].Lower]
}

// motionVerbs take the place one goes to after "to".
var motionVerbs = map[string]bool{"came": true, "come": true, "comes": true, "went": true, "go": true, "goes": true,
	"returned": true, "traveled": true, "travelled": true, "flew": true, "walked": true, "drove": true, "headed": true}

// documentNouns are documents a body's name may qualify: "U.N.
// resolution 425", "the UN charter".
var documentNouns = map[string]bool{"resolution": true, "resolutions": true, "charter": true, "mandate": true,
	"convention": true, "conventions": true}

// asideBetween reports whether tokens [from, to) are a comma-enclosed
// aside of at most 14 tokens, then at most two auxiliaries or adverbs:
// ", a spokesperson for the office,", ", who took office last month, has".
func asideBetween(toks []token.Token, from, to int) bool {
	if from >= to || toks[from].Text != "," {
		return false
	}
	closing := -1
	for j := from + 1; j < to && j <= from+15; j++ {
		if toks[j].Text == "," {
			closing = j
			break
		}
	}
	if closing < 0 || closing == from+1 {
		return false
	}
	// Quotes and clause words other than a relative pronoun end asides:
	// ", and Japan said" is a second clause.
	if w := toks[from+1].Lower; w == "and" || w == "but" || w == "or" || w == "\"" || w == "``" {
		return false
	}
	rest := 0
	for j := closing + 1; j < to; j++ {
		if asideTimeWords[toks[j].Lower] {
			// "Tusk, whose country borders Belarus, last week proposed".
			continue
		}
		if !auxiliaries[toks[j].Lower] && !strings.HasSuffix(toks[j].Lower, "ly") {
			return false
		}
		rest++
	}
	return rest <= 2
}

// asideTimeWords may date the verb after an aside ("last week", "on
// Monday", "yesterday").
var asideTimeWords = map[string]bool{"last": true, "this": true, "week": true, "month": true, "year": true,
	"yesterday": true, "today": true, "on": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "earlier": true, "later": true}

// speakerBeforeAside returns the person whose aside ends right before the
// reporting verb at i (asideBetween), or nil.
func speakerBeforeAside(toks []token.Token, ms []*mention, i int, actor func(*mention) bool) *mention {
	var best *mention
	for _, m := range ms {
		if m.last >= i {
			break
		}
		if m.typ == diplograph.Person && m.id != "" && actor(m) && asideBetween(toks, m.last, i) {
			best = m
		}
	}
	return best
}

// demandReporters introduce what someone says must happen: "Russia said
// that Sudan must ...", "a stern reminder to Iraq that it must ...".
var demandReporters = map[string]bool{"said": true, "says": true, "told": true, "added": true, "stated": true,
	"declared": true, "declares": true, "announced": true, "announces": true, "insisted": true, "insists": true,
	"reiterated": true, "reiterates": true, "concluded": true, "concludes": true, "stressed": true, "stresses": true,
	"emphasized": true, "emphasised": true, "warned": true, "warns": true, "argued": true, "argues": true,
	"maintained": true, "maintains": true, "reminded": true, "reminder": true, "asserted": true, "noted": true,
	"believes": true, "demanded": true, "wrote": true, "replied": true, "agreed": true, "decided": true,
	"ruled": true, "urged": true, "saying": true, "stating": true, "insisting": true}

// addressees precede whom something is said to.
var addressees = map[string]bool{"to": true, "with": true, "for": true}

// mustDemand fills a demand reported with "must": "Russia said that
// Sudan must return the helicopter", "Chirac issued a stern reminder to
// Iraq that it must cooperate". The one who says it demands; the first
// actor after the reporting word (after its "that", where there is one)
// is the target. Without a speaker, "X must" is no demand anyone made.
func (d *doc) mustDemand(si int, em *evMention, actor func(*mention) bool) bool {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	rep := -1
	for j := em.first - 1; j >= 0; j-- {
		if demandReporters[toks[j].Lower] {
			rep = j
			break
		}
	}
	if rep < 0 {
		return false
	}
	// The speaker is the subject, not an addressee: "sent a letter to
	// Morocco saying that ..." is said by the sender.
	speaker := nearestBefore(ms, rep, func(m *mention) bool {
		return actor(m) && (m.first == 0 || !addressees[toks[m.first-1].Lower])
	})
	if speaker == nil {
		return false
	}
	from := rep
	for j := rep + 1; j < em.first; j++ {
		if toks[j].Lower == "that" {
			from = j
		}
	}
	pick := func(from int) *mention {
		for _, m := range ms {
			if m.first > from && m.last <= em.first && actor(m) && m.id != speaker.id {
				return m
			}
		}
		return nil
	}
	target := pick(from)
	if target == nil && from != rep {
		// "a reminder to Iraq that it must", "a letter to Morocco
		// saying that it must": the pronoun's antecedent is the one
		// addressed.
		target = pick(rep)
		if target == nil {
			target = nearestBefore(ms, rep, func(m *mention) bool {
				return actor(m) && m.id != speaker.id && m.first > 0 && addressees[toks[m.first-1].Lower]
			})
		}
	}
	if target == nil {
		return false
	}
	addPart(&em.parts, speaker.id, diplograph.RoleInitiator)
	addPart(&em.parts, target.id, diplograph.RoleTarget)
	return true
}

// representsAny reports whether one of the people holds office for the
// country, by their title in the sentence or by the knowledge base:
// "Syrian President Assad" stands for Syria.
func (d *doc) representsAny(country string, ps []diplograph.Participant, ms []*mention) bool {
	for _, m := range ms {
		if m.typ == diplograph.Person && m.titleOf == country && isParticipant(ps, m.id) {
			return true
		}
	}
	for _, p := range ps {
		r, ok := d.x.kb.Get(p.Entity)
		if !ok {
			continue
		}
		if o, ok := d.office(r); ok && o.Of == country {
			return true
		}
	}
	return false
}

// accusePreps follow an accusing verb used as a passive participle: a
// transitive verb right before its preposition has no object ("officials
// accused of war crimes", "blamed for the attack").
var accusePreps = map[string]bool{"of": true, "for": true, "over": true, "with": true, "in": true}

// initiatorAndTarget fills the usual roles of a directed event: the actor
// before the trigger in its clause initiates, the first other actor after
// it is the target.
func (d *doc) initiatorAndTarget(si int, em *evMention, h trigHit, ms []*mention, actor func(*mention) bool, inChunk func(*mention) bool) bool {
	toks := d.sents[si].Tokens
	if em.form == noun && !speechType(em.typ) {
		if owner, ok := speechObject(toks, ms, em.first, actor); ok {
			// "Tsahkna condemned the incursion": the incursion is not the
			// speaker's; "condemned Russia's incursion" names whose it is.
			if owner == nil {
				return false
			}
			addPart(&em.parts, owner.id, diplograph.RoleInitiator)
			return true
		}
	}
	if intentPredicates[h.t.phrase] {
		init := d.intentSubject(si, em.first)
		if init == nil {
			return false
		}
		addPart(&em.parts, init.id, diplograph.RoleInitiator)
		return true
	}
	// Passive with its agent: "Eriador was criticized by Gondor"; reduced
	// after a noun: "the accord signed by Kofi Annan and Tariq Aziz",
	// where the noun is what was done, no actor.
	if em.form == vPast && em.last < len(toks) && toks[em.last].Lower == "by" && em.first > 0 {
		passive := passiveAux[toks[em.first-1].Lower]
		if passive || reducedPassive(toks, ms, em) {
			agents := agentsAfterBy(toks, ms, em.last, actor)
			if len(agents) == 0 {
				return false
			}
			for _, a := range agents {
				addPart(&em.parts, a.id, diplograph.RoleInitiator)
			}
			if passive {
				patient := nearestBefore(ms, em.first, func(m *mention) bool { return actor(m) && inChunk(m) })
				if patient != nil && !isParticipant(em.parts, patient.id) {
					addPart(&em.parts, patient.id, diplograph.RoleTarget)
				}
			}
			return true
		}
	}
	// An invitation in the passive: "if Lee is invited", "Lee was invited
	// to the summit by Canada". The one invited is its target; the one
	// who invites, when named, comes after "by".
	if em.typ == diplograph.Invitation && (em.form == vPast || em.form == vPart) && em.first > 0 && passiveAux[toks[em.first-1].Lower] {
		patient := nearestBefore(ms, em.first, func(m *mention) bool { return actor(m) && inChunk(m) })
		if patient == nil {
			return false
		}
		if agent := agentAfter(toks, ms, em.last, actor); agent != nil && agent.id != patient.id && agent.first-em.last <= 10 {
			addPart(&em.parts, agent.id, diplograph.RoleInitiator)
		}
		addPart(&em.parts, patient.id, diplograph.RoleTarget)
		return true
	}
	if em.code.plover == "ACCUSE" && (em.form == vPast || em.form == vPart) {
		// An accusation in the passive without its agent ("would be
		// indicted", "officials accused of ..."): nobody known accuses.
		passive := em.first > 0 && passiveAux[toks[em.first-1].Lower]
		reduced := em.last < len(toks) && accusePreps[toks[em.last].Lower] &&
			(em.first == 0 || mentionEndingAt(ms, em.first) == nil)
		if passive || reduced {
			// The agent may come late: "X has been accused of ..., by
			// government officials".
			agent := agentAfter(toks, ms, em.last, actor)
			if agent == nil {
				return false
			}
			addPart(&em.parts, agent.id, diplograph.RoleInitiator)
			if p := nearestBefore(ms, em.first, func(m *mention) bool { return actor(m) && inChunk(m) }); p != nil && p.id != agent.id {
				addPart(&em.parts, p.id, diplograph.RoleTarget)
			}
			return true
		}
	}
	if (em.form == vPast || em.form == vPart) && em.first > 0 && toks[em.first-1].Lower == "be" &&
		em.typ != diplograph.Statement && em.typ != diplograph.JointStatement {
		// "to be offered membership", "will be sanctioned": without an
		// agent after "by" (the passive with one is above), no one
		// named acts; the subject right before is the one it is done
		// to.
		if agentAfter(toks, ms, em.last, actor) != nil {
			return false
		}
		j := subjectSlot(toks, em.first-1)
		if j > 0 && toks[j].Lower == "to" {
			// "is expected to be offered": the subject of the clause.
			return false
		}
		if p := mentionEndingAt(ms, j+1); p != nil && actor(p) {
			addPart(&em.parts, p.id, diplograph.RoleTarget)
			return true
		}
		return false
	}
	if g := groupSubject(toks, em.first); g {
		// "the two sides had failed to agree": the subject is the pair,
		// not an actor named before it.
		pair := d.salientPair(si)
		if len(pair) < 2 {
			return false
		}
		for _, id := range pair {
			addPart(&em.parts, id, diplograph.RoleParticipant)
		}
		return true
	}
	{
		init := nearestBefore(ms, em.first, func(m *mention) bool { return actor(m) && inChunk(m) })
		// "Lai Ching-te of the ruling Democratic Progressive Party won":
		// the organization says whose the person is; the person acts.
		if p := personOf(toks, ms, init); p != nil {
			init = p
		}
		if init == nil {
			// "Lee won the election. He spoke by phone with Ishiba": a
			// personal pronoun opening the sentence is the person the
			// sentence before was about.
			if ante := d.sentenceSubjectBefore(si, toks, em.first); ante != nil {
				addPart(&em.parts, ante.id, diplograph.RoleInitiator)
				for _, m := range ms {
					if m.first >= em.last && m.first <= em.last+5 && actor(m) && inChunk(m) && m.id != ante.id {
						addPart(&em.parts, m.id, diplograph.RoleTarget)
						break
					}
				}
				return true
			}
		}
		if init == nil && !pronounSubject(toks, em.first) {
			// "Donald Tusk, whose country borders Russia's ally Belarus,
			// last week proposed": the person before an aside set off by
			// commas, not a name inside it.
			init = speakerBeforeAside(toks, ms, em.first, actor)
		}
		if init == nil && !pronounSubject(toks, em.first) {
			// Outside the clause, a possessor names whose thing it is
			// ("Gondor's health centres"), not who acts. A pronoun
			// subject ("where it has asked the court") stands for
			// someone this does not resolve: the actor last named is
			// as likely the object.
			init = nearestBefore(ms, em.first, func(m *mention) bool { return actor(m) && !m.possessive })
			if p := personOf(toks, ms, init); p != nil {
				init = p
			}
		}
		if init != nil {
			addPart(&em.parts, init.id, diplograph.RoleInitiator)
			// "Japan, South Korea and the United States imposed
			// sanctions": every member of the list acts.
			for _, m := range listBefore(toks, ms, init) {
				if !endsList(toks, ms, init) {
					// "After meeting Rice, Nogaideli called": no list.
					break
				}
				if actor(m) && !m.possessive {
					addPart(&em.parts, m.id, diplograph.RoleInitiator)
				}
			}
		}
		for _, m := range ms {
			if m.first >= em.last && m.first <= em.last+5 && actor(m) && inChunk(m) && (init == nil || m.id != init.id) {
				// "ask U.S. President Donald Trump": the country names
				// the office of the person, who is the target.
				if p := titledPerson(ms, m); p != nil {
					m = p
				}
				// The initiator's own agency ("China ... coast guard
				// vessels") acts with it; anyone else is the target.
				role := diplograph.RoleTarget
				if init != nil && m.typ == diplograph.Organization && m.titleOf != "" && m.titleOf == d.countryOf(init) {
					role = diplograph.RoleParticipant
				}
				addPart(&em.parts, m.id, role)
				break
			}
		}
		if len(em.parts) == 0 {
			return false
		}
		if twoSided(em.typ) && init != nil && init.first >= 2 && toks[init.first-1].Lower == "and" {
			// "Czechia and Albania have upgraded their ties": both sides.
			if m := mentionEndingAt(ms, init.first-1); m != nil && actor(m) && m.id != init.id {
				addPart(&em.parts, m.id, diplograph.RoleParticipant)
			}
		}
	}
	return true
}

// timingWords time one thing by another: "before the summit".
var timingWords = map[string]bool{"before": true, "after": true, "since": true, "until": true, "following": true}

// hostVerbs have the host of a gathering as their subject.
var hostVerbs = map[string]bool{"host": true, "hosts": true, "hosted": true, "hosting": true}

// sidesAfterBetween returns the sides a gathering noun names with
// "between" or "among": "talks between China and Vietnam", "the meeting
// between President Jiang and the Japanese foreign minister" (a
// nationality word standing for its country's official), each titled
// person rather than the country that qualifies the title.
func (d *doc) sidesAfterBetween(toks []token.Token, ms []*mention, em *evMention) []*mention {
	j := em.last
	if em.form != noun || j >= len(toks) || toks[j].Lower != "between" && toks[j].Lower != "among" {
		return nil
	}
	// "offered to host talks between Ali and Maduro": the host takes
	// part too, which the sentence's other rules see.
	if h := em.first - 1; h >= 0 && hostVerbs[toks[h].Lower] {
		return nil
	}
	var out []*mention
	for j++; j < len(toks); {
		if determiners[toks[j].Lower] {
			j++
			continue
		}
		m := mentionAt(ms, j)
		if m == nil {
			// "President Jiang": the title stands before the mention.
			if _, n, ok := d.x.titles.at(toks, j); ok {
				j += n
				continue
			}
		}
		if m == nil || m.first != j || m.id == "" {
			break
		}
		if p := titledPerson(ms, m); p != nil {
			m = p
		}
		if !m.isActor() && !(m.typ == diplograph.Country && m.form == formDemonym) {
			break
		}
		out = append(out, m)
		j = m.last
		// Past the rest of a side's phrase ("the Japanese foreign
		// minister") to "and" or a comma.
		for j < len(toks) && toks[j].Kind == token.Word && !toks[j].Cap && toks[j].Lower != "and" {
			j++
		}
		if j >= len(toks) || toks[j].Lower != "and" && toks[j].Text != "," {
			break
		}
		j++
		if j < len(toks) && toks[j].Lower == "and" {
			j++
		}
	}
	return out
}

// reducedPassive reports whether em is a past participle with its agent
// after "by" right after a noun ("the accord signed by Annan"), not after
// "be" or a name.
func reducedPassive(toks []token.Token, ms []*mention, em *evMention) bool {
	if em.form != vPast || em.first == 0 || em.last >= len(toks) || toks[em.last].Lower != "by" {
		return false
	}
	prev := toks[em.first-1]
	return prev.Kind == token.Word && !prev.Cap && !passiveAux[prev.Lower] && mentionEndingAt(ms, em.first) == nil
}

// agentsAfterBy returns the actors of the "by" phrase at token by: the
// first within three tokens, and those listed after it with "and" or a
// comma ("by U.N. Secretary-General Kofi Annan and Iraqi Deputy Prime
// Minister Tariq Aziz"), each the person a title names rather than the
// country or organization that qualifies it.
func agentsAfterBy(toks []token.Token, ms []*mention, by int, actor func(*mention) bool) []*mention {
	var out []*mention
	for _, m := range ms {
		if m.first > by && m.first <= by+3 && (actor(m) || titledPerson(ms, m) != nil) {
			if p := titledPerson(ms, m); p != nil {
				m = p
			}
			out = append(out, m)
			break
		}
	}
	for len(out) > 0 {
		j := out[len(out)-1].last
		if j+1 >= len(toks) || toks[j].Lower != "and" && toks[j].Text != "," {
			break
		}
		j++
		if determiners[toks[j].Lower] || toks[j].Lower == "his" || toks[j].Lower == "her" {
			// "and his Pakistani counterpart Jumayun Akhtar Khan".
			j++
		}
		m := mentionAt(ms, j)
		if m == nil || m.first != j {
			break
		}
		if p := titledPerson(ms, m); p != nil {
			m = p
		}
		if !actor(m) {
			break
		}
		out = append(out, m)
	}
	return out
}

// titledPerson returns the person whose title the country or organization
// mention c qualifies ("U.S. President Donald Trump", "U.N.
// Secretary-General Kofi Annan"), nil when it qualifies none.
func titledPerson(ms []*mention, c *mention) *mention {
	if c.typ != diplograph.Country && c.typ != diplograph.Organization {
		return nil
	}
	for _, p := range ms {
		if p.typ == diplograph.Person && p.id != "" && p.first > c.first && p.first <= c.last+3 && p.titleOf == c.id {
			return p
		}
	}
	return nil
}

// pronounSubject reports whether a subject pronoun stands right before
// token i, past auxiliaries and adverbs ("it has repeatedly asked"),
// other than one that follows a reporting verb ("announced it will"),
// which stands for the speaker.
func pronounSubject(toks []token.Token, i int) bool {
	j := subjectSlot(toks, i)
	return j >= 0 && subjectPronouns[toks[j].Lower] && (j == 0 || !reportVerbs[toks[j-1].Lower])
}

// personOf returns the person whom an organization or country mention
// qualifies with "of" ("Lai Ching-te of the ruling Democratic Progressive
// Party", "Boris Yeltsin of Russia"), or nil.
func personOf(toks []token.Token, ms []*mention, org *mention) *mention {
	if org == nil || org.typ != diplograph.Organization && org.typ != diplograph.Country {
		return nil
	}
	// "the", and a few lower-case words between: "of the ruling", "of
	// the liberal".
	j := org.first - 1
	for k := 0; j >= 0 && k < 3 && toks[j].Kind == token.Word && !toks[j].Cap && toks[j].Lower != "of"; k++ {
		j--
	}
	if j < 1 || toks[j].Lower != "of" {
		return nil
	}
	// "Lee, of the liberal Democratic Party of Korea, won".
	end := j
	if toks[end-1].Text == "," {
		end--
	}
	if p := mentionEndingAt(ms, end); p != nil && p.typ == diplograph.Person && p.id != "" {
		return p
	}
	return nil
}

// sentenceSubjectBefore returns the person a "he" or "she" opening
// sentence si stands for when it is the subject of the trigger at token i:
// the first person the sentence before names, not as a possessor. Nil
// when the pronoun is elsewhere, or no such person is named. Only people
// are resolved this way: "it" and "they" as often stand for the object
// of the sentence before as for its subject.
func (d *doc) sentenceSubjectBefore(si int, toks []token.Token, i int) *mention {
	if subjectSlot(toks, i) != 0 || si == 0 || (toks[0].Lower != "he" && toks[0].Lower != "she") {
		return nil
	}
	for _, m := range d.ments[si-1] {
		if m.typ == diplograph.Person && m.id != "" && !m.possessive {
			return m
		}
	}
	return nil
}

// subjectSlot returns where the subject of the verb at token i ends: the
// token before it, past auxiliaries, copulas and adverbs ("it has
// repeatedly asked"); -1 when the sentence starts there.
func subjectSlot(toks []token.Token, i int) int {
	j := i - 1
	for j >= 0 && (copulas[toks[j].Lower] || auxiliaries[toks[j].Lower] || strings.HasSuffix(toks[j].Lower, "ly")) {
		j--
	}
	return j
}

// auxiliaries come between a subject and its verb.
var auxiliaries = map[string]bool{"has": true, "have": true, "had": true, "will": true, "would": true, "could": true,
	"should": true, "may": true, "might": true, "can": true, "must": true, "did": true, "does": true, "do": true,
	"also": true, "not": true, "never": true, "again": true, "then": true, "now": true, "already": true}

// pairPhrases name the two parties of an event together.
var pairPhrases = [][]string{{"the", "two", "sides"}, {"both", "sides"}, {"the", "two", "countries"}, {"both", "countries"},
	{"the", "two", "leaders"}, {"both", "leaders"}, {"the", "two", "nations"}, {"both", "nations"},
	{"the", "two", "governments"}, {"both", "governments"}}

// groupSubject reports whether a pair phrase ("the two sides", "both
// countries") is the subject right before token i.
func groupSubject(toks []token.Token, i int) bool {
	j := i - 1
	for j >= 0 && (copulas[toks[j].Lower] || toks[j].Lower == "had" || toks[j].Lower == "have" || toks[j].Lower == "has") {
		j--
	}
	return pairEndingAt(toks, j+1) > 0
}

// listBefore returns the mentions listed before m: "X, Y and m", "Mr
// Straw and his Spanish counterpart Miguel Moratinos".
func listBefore(toks []token.Token, ms []*mention, m *mention) []*mention {
	var out []*mention
	for j := phraseStart(toks, ms, m) - 1; j >= 1; {
		if toks[j].Lower == "the" {
			j--
		}
		if j < 1 || toks[j].Text != "," && toks[j].Lower != "and" {
			break
		}
		if toks[j].Lower == "and" && toks[j-1].Text == "," {
			j--
		}
		p := mentionEndingAt(ms, j)
		if o := personOf(toks, ms, p); o != nil && m.typ == diplograph.Person {
			// "Leonid Kuchma of Ukraine and Boris Yeltsin".
			p = o
		}
		if p == nil || p.typ != m.typ {
			break
		}
		out = append(out, p)
		j = phraseStart(toks, ms, p) - 1
	}
	return out
}

// phraseStart returns where the noun phrase of a person mention begins:
// before its title, the nationality or country that qualifies the title,
// and "his", "her" or "the" ("his Spanish counterpart Miguel
// Moratinos"). For other mentions it is the mention's first token.
func phraseStart(toks []token.Token, ms []*mention, m *mention) int {
	j := m.first
	if m.typ != diplograph.Person || m.titleAt == 0 {
		return j
	}
	j = m.titleAt - 1
	if q := mentionEndingAt(ms, j); q != nil && q.typ == diplograph.Country {
		j = q.first
	}
	if j > 0 && (toks[j-1].Lower == "his" || toks[j-1].Lower == "her" || toks[j-1].Lower == "the") {
		j--
	}
	return j
}

// endsList reports whether "and" (maybe with "the") stands before m, as
// before the last name of a list.
func endsList(toks []token.Token, ms []*mention, m *mention) bool {
	j := phraseStart(toks, ms, m) - 1
	if j >= 0 && toks[j].Lower == "the" {
		j--
	}
	return j >= 0 && toks[j].Lower == "and"
}

// agentAfter returns the actor of a "by" phrase after token i: the agent
// of a passive verb.
func agentAfter(toks []token.Token, ms []*mention, i int, actor func(*mention) bool) *mention {
	for j := i; j < len(toks); j++ {
		if toks[j].Lower != "by" {
			continue
		}
		for _, m := range ms {
			if m.first > j && m.first <= j+4 && actor(m) {
				return m
			}
		}
	}
	return nil
}

// visitParticipants: the visitor is the possessor ("Trump's visit"), the
// one asked ("ask Trump to visit"), or the sentence's first actor; the
// host is the country visited ("to Japan", "visit Japan", "Ishiba's U.S.
// trip").
func (d *doc) visitParticipants(si int, em *evMention, chunks []int) {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	var host *mention
	hostOK := func(m *mention) bool {
		return m.id != "" && m.form != formDemonym && (m.typ == diplograph.Country || m.typ == diplograph.Place || m.typ == diplograph.Territory)
	}
	// "held talks with visiting Palestinian President Mahmoud Abbas": the
	// one "visiting" describes is the guest, the one who receives them
	// the host; "the visiting minister" is a guest not named.
	if visitingAdjective(toks, ms, em) {
		g := d.personAfter(si, em.last)
		if g == nil {
			return
		}
		for j := em.last; j < g.first; j++ {
			if !toks[j].Cap {
				// "the visiting minister met Ban Ki-moon".
				return
			}
		}
		if h := nearestBefore(ms, em.first, func(m *mention) bool { return m.typ == diplograph.Person && m.id != "" }); h != nil {
			if c := d.countryOf(h); c != "" && c != d.countryOf(g) {
				addPart(&em.parts, c, diplograph.RoleHost)
			}
		}
		addPart(&em.parts, g.id, diplograph.RoleGuest)
		return
	}
	// "the visit of U.S. Commerce Secretary William Daley": who visits,
	// not where.
	ofGuest, ofEnd := visitOf(toks, ms, em)
	// Adjective right before the noun: "Ishiba's U.S. trip".
	if m := mentionEndingAt(ms, em.first); m != nil && hostOK(m) {
		host = m
	}
	if host == nil {
		for j := max(em.last, ofEnd); j < len(toks) && j <= max(em.last, ofEnd)+3; j++ {
			if m := mentionAt(ms, j); m != nil && hostOK(m) {
				host = m
				break
			}
		}
	}
	// "arrived here": the story's dateline names where.
	if m := d.dateline(); host == nil && toks[em.last-1].Lower == "here" && m != nil && hostOK(m) {
		host = m
	}
	if host != nil {
		role := diplograph.RoleHost
		if host.typ != diplograph.Country {
			em.location = host.id
			if c := d.containingCountry(host.id); c != "" {
				addPart(&em.parts, c, diplograph.RoleHost)
			}
		} else {
			addPart(&em.parts, host.id, role)
			em.location = host.id
		}
	}
	guest := ofGuest
	isGuest := func(m *mention) bool {
		return m.isActor() && (host == nil || m.id != host.id) && m.typ != diplograph.Organization
	}
	// In the passive the guest is the agent or unnamed: "could only be
	// visited by a special team".
	passive := (em.form == vPast || em.form == vPart) && em.first > 0 && passiveAux[toks[em.first-1].Lower]
	switch {
	case guest != nil:
	case passive:
		if em.last < len(toks) && toks[em.last].Lower == "by" {
			if as := agentsAfterBy(toks, ms, em.last, isGuest); len(as) > 0 {
				guest = as[0]
			}
		}
	default:
		guest = d.activeGuest(si, em, chunks, isGuest)
	}
	if guest != nil {
		addPart(&em.parts, guest.id, diplograph.RoleGuest)
	}
}

// activeGuest returns the guest of a visit in the active voice or named
// by a noun, or nil.
func (d *doc) activeGuest(si int, em *evMention, chunks []int, isGuest func(*mention) bool) *mention {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	// Possessor: "Trump's visit", "Ishiba's U.S. trip".
	var guest *mention
	for _, m := range ms {
		if m.possessive && m.last < em.first && em.first-m.last <= 3 && isGuest(m) {
			guest = m
		}
	}
	if guest != nil {
		return guest
	}
	// Asked: "ask Trump to visit".
	if em.form == vBase && em.first >= 2 && toks[em.first-1].Lower == "to" {
		if g := nearestBefore(ms, em.first-1, isGuest); g != nil && em.first-1-g.last <= 1 {
			return g
		}
	}
	// "Peters will meet Boric before traveling to Buenos Aires": a
	// participle after a conjunction has the sentence's subject.
	if em.form == vIng && em.first > 0 && participleConj[toks[em.first-1].Lower] {
		for _, m := range ms {
			if m.first < em.first && isGuest(m) && !m.possessive {
				return m
			}
		}
	}
	// A verb's subject: "Ishiba visited Washington", or the person the
	// sentence before was about: "He will visit Tokyo".
	if em.form != noun {
		if g := nearestBefore(ms, em.first, func(m *mention) bool { return isGuest(m) && chunks[m.first] == chunks[em.first] }); g != nil {
			return g
		}
		if ante := d.sentenceSubjectBefore(si, toks, em.first); ante != nil && isGuest(ante) {
			return ante
		}
	}
	// Otherwise the sentence's first person, else first actor; not who
	// reports the visit after it (", U.N. spokesman Alan Dacey said").
	for _, m := range ms {
		if m.typ == diplograph.Person && isGuest(m) && !reportsAfter(toks, m, em) {
			return m
		}
	}
	for _, m := range ms {
		if isGuest(m) && !reportsAfter(toks, m, em) {
			return m
		}
	}
	return nil
}

// visitingAdjective reports whether "visiting" describes whom it comes
// before ("talks with visiting President Abbas", "the visiting
// minister") rather than being a verb with a subject ("Abbas is visiting
// Cairo", "after visiting Cairo").
func visitingAdjective(toks []token.Token, ms []*mention, em *evMention) bool {
	if em.form != vIng || toks[em.first].Lower != "visiting" || em.first == 0 {
		return false
	}
	prev := toks[em.first-1].Lower
	if !determiners[prev] && !receiveWords[prev] || mentionEndingAt(ms, em.first) != nil {
		// "looked forward to visiting Kenya", "Mr Straw, visiting
		// Beijing,": a verb.
		return false
	}
	// Whom it describes follows: a name, or a noun after a determiner.
	return em.last < len(toks) && (toks[em.last].Cap || determiners[prev] && toks[em.last].Kind == token.Word)
}

// receiveWords stand before the guest "visiting" describes: "talks with
// visiting President Abbas", "received visiting Premier Wen".
var receiveWords = map[string]bool{"with": true, "and": true, "for": true, "his": true, "her": true, "their": true,
	"met": true, "meet": true, "meets": true, "received": true, "receives": true, "welcomed": true,
	"welcomes": true, "greeted": true, "hosted": true, "hosts": true, "told": true}

// personAfter returns the person named within five tokens after token i,
// past a nationality word and a title: "visiting Palestinian President
// Mahmoud Abbas".
func (d *doc) personAfter(si, i int) *mention {
	for _, m := range d.ments[si] {
		if m.first >= i && m.first <= i+5 && m.typ == diplograph.Person && m.id != "" {
			return m
		}
	}
	return nil
}

// visitOf returns the guest a visit noun names with "of" ("the visit of
// Daniel Ortega", "the slated visit of U.S. Commerce Secretary William
// Daley": the person the country's title names), and the token after
// the guest; nil and 0 when there is none.
func visitOf(toks []token.Token, ms []*mention, em *evMention) (*mention, int) {
	j := em.last
	if em.form != noun || j+1 >= len(toks) || toks[j].Lower != "of" {
		return nil, 0
	}
	j++
	if toks[j].Lower == "the" {
		j++
	}
	m := mentionAt(ms, j)
	if m == nil || m.first != j || !m.isActor() || m.typ == diplograph.Organization {
		return nil, 0
	}
	if p := titledPerson(ms, m); p != nil {
		return p, p.last
	}
	return m, m.last
}

// participleConj introduce a participle whose subject is the sentence's.
var participleConj = map[string]bool{"before": true, "after": true, "while": true, "when": true, "since": true}

// containingCountry returns the country a place lies in, per the
// knowledge base.
func (d *doc) containingCountry(id string) string {
	for i := 0; i < 4 && id != ""; i++ {
		r, ok := d.x.kb.Get(id)
		if !ok {
			return ""
		}
		if r.Type == diplograph.Country {
			return r.ID
		}
		id = r.In
	}
	return ""
}

// sayWithin reports whether a plain verb of saying stands in the n tokens
// from i ("the two [leaders] said").
func sayWithin(toks []token.Token, i, n int) bool {
	for j := i; j < len(toks) && j < i+n; j++ {
		if plainSay[toks[j].Lower] {
			return true
		}
	}
	return false
}

// hasGroupWord reports whether the sentence names a pair or group ("the
// two leaders", "their") as the ones who meet in chunk c.
func hasGroupWord(toks []token.Token, chunks []int, c int) bool {
	for i := range toks {
		for _, g := range groupPhrases {
			ws := strings.Fields(g)
			if i+len(ws) > len(toks) {
				continue
			}
			ok := true
			for k, w := range ws {
				if toks[i+k].Lower != w {
					ok = false
					break
				}
			}
			// "…should top the summit's agenda, the two leaders said":
			// who say it in a clause of their own are not said to meet.
			if ok && chunks[i] != c && sayWithin(toks, i+len(ws), 2) {
				ok = false
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// salientPair returns the two people mentioned most up to sentence si, in
// order of first mention: who "the two" and "they" most likely are.
func (d *doc) salientPair(si int) []string {
	count := map[string]int{}
	var order []string
	for s := 0; s <= si; s++ {
		for _, m := range d.ments[s] {
			if m.typ != diplograph.Person || m.id == "" {
				continue
			}
			if count[m.id] == 0 {
				order = append(order, m.id)
			}
			count[m.id]++
		}
	}
	if len(order) < 2 {
		return order
	}
	ranked := append([]string(nil), order...)
	sort.SliceStable(ranked, func(i, j int) bool { return count[ranked[i]] > count[ranked[j]] })
	top := map[string]bool{ranked[0]: true, ranked[1]: true}
	var out []string
	for _, id := range order {
		if top[id] {
			out = append(out, id)
		}
	}
	return out
}

// quoteIn returns the first quoted passage of at least three words.
func quoteIn(s string) string {
	for _, pair := range [][2]string{{"“", "”"}, {"``", "''"}, {"\"", "\""}} {
		rest := s
		for {
			i := strings.Index(rest, pair[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(pair[0]):]
			j := strings.Index(rest, pair[1])
			if j < 0 {
				break
			}
			q := strings.TrimSpace(rest[:j])
			rest = rest[j+len(pair[1]):]
			if len(strings.Fields(q)) >= 3 {
				return strings.TrimRight(q, ",")
			}
		}
	}
	return ""
}

// fillLocation: "in X", "at X", "into waters around X" after the trigger
// within its chunk.
func (d *doc) fillLocation(si int, em *evMention, chunks []int) {
	if em.location != "" {
		return
	}
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	for j := em.last; j < len(toks) && j <= em.last+8; j++ {
		if chunks[j] != chunks[em.first] {
			break
		}
		switch toks[j].Lower {
		case "in", "at":
		case "around", "near", "off", "into", "over":
			// Where ships or aircraft went; what a statement is about
			// ("sovereignty over the islands") is not where it was made.
			if em.typ == diplograph.Statement {
				continue
			}
		default:
			continue
		}
		for k := j + 1; k < len(toks) && k <= j+4; k++ {
			m := mentionAt(ms, k)
			if m == nil {
				continue
			}
			if m.form != formDemonym && (m.typ == diplograph.Place || m.typ == diplograph.Country || m.typ == diplograph.Territory) {
				em.location = m.id
				return
			}
			break
		}
	}
}

// fillConcerns: what the event is about — topics, territories, treaties
// and places named in its chunk after the trigger (and for statements and
// proposals, in the whole rest of the sentence).
func (d *doc) fillConcerns(si int, em *evMention, chunks []int) {
	ms := d.ments[si]
	wide := em.typ == diplograph.Proposal || em.typ == diplograph.JointStatement || em.typ == diplograph.Statement ||
		em.typ == diplograph.Agreement || em.typ == diplograph.MilitaryActivity
	for _, m := range ms {
		if m.id == "" || m.first < em.last || m.id == em.location {
			continue
		}
		if !wide && chunks[m.first] != chunks[em.first] {
			continue
		}
		switch m.typ {
		case diplograph.Topic, diplograph.Territory, diplograph.Treaty:
		case diplograph.Place:
			if em.location != "" {
				break
			}
			continue
		case diplograph.Country:
			if em.typ != diplograph.Proposal {
				continue
			}
		default:
			continue
		}
		if isParticipant(em.parts, m.id) {
			continue
		}
		em.concerns = appendUnique(em.concerns, m.id)
	}
}

func isParticipant(parts []diplograph.Participant, id string) bool {
	for _, p := range parts {
		if p.Entity == id {
			return true
		}
	}
	return false
}

func appendUnique(list []string, ids ...string) []string {
	for _, id := range ids {
		dup := false
		for _, x := range list {
			if x == id {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, id)
		}
	}
	return list
}

func addDays(iso string, n int) string {
	t, err := parseDay(iso)
	if err != nil {
		return iso
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}
