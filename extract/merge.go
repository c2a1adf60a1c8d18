package extract

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/token"
)

func parseDay(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }

// statusRank breaks ties between mentions of one event whose status
// signals are equally explicit: what has been settled (called off, held)
// outranks what is only intended, and a request outranks a forecast.
func statusRank(s diplograph.EventStatus) int {
	switch s {
	case diplograph.Cancelled:
		return 8
	case diplograph.Postponed:
		return 7
	case diplograph.Occurred:
		return 6
	case diplograph.Ongoing:
		return 5
	case diplograph.Proposed:
		return 4
	case diplograph.Planned:
		return 3
	case diplograph.Expected:
		return 2
	}
	return 1
}

// scheduled events are talked about before and after they happen, in many
// sentences: their mentions merge across the article.
func scheduled(t diplograph.EventType) bool {
	switch t {
	case diplograph.Meeting, diplograph.Summit, diplograph.Visit, diplograph.JointStatement, diplograph.Agreement,
		diplograph.TookOffice, diplograph.Election:
		return true
	}
	return false
}

// happened reports whether a status says the event has taken place.
func happened(s diplograph.EventStatus) bool {
	return s == diplograph.Occurred || s == diplograph.Ongoing
}

func typesCompatible(a, b diplograph.EventType) bool {
	if a == b {
		return true
	}
	meet := func(t diplograph.EventType) bool { return t == diplograph.Meeting || t == diplograph.Summit }
	return meet(a) && meet(b)
}

// mergeEvent adds a mention to the article's events: to the event it
// refers to when there is one, else as a new event.
func (d *doc) mergeEvent(em *evMention) {
	for _, ev := range d.events {
		if d.sameEvent(ev, em) {
			d.absorb(ev, em)
			return
		}
	}
	if len(em.parts) == 0 {
		return // an unattributed mention of no known event
	}
	ev := &evAcc{typ: em.typ, code: em.code, sents: map[int]bool{}, first: em.sent, status: em.status, conf: -1}
	d.absorb(ev, em)
	d.events = append(d.events, ev)
}

func (d *doc) sameEvent(ev *evAcc, em *evMention) bool {
	if !typesCompatible(ev.typ, em.typ) {
		return false
	}
	if em.timing {
		// "before the summit": the latest one named.
		return d.latestOfType(em.typ) == ev
	}
	if ev.negated != em.negated && em.conf >= confCue && ev.conf >= confCue {
		return false
	}
	// "They spoke by phone and said they hoped to hold a summit soon", or
	// "... spoke by phone yesterday. The two will meet this month": a
	// meeting the verbs say happened and one they say is yet to come are
	// two events, in one sentence or two.
	if scheduled(em.typ) && ev.conf >= confTense && em.conf >= confTense && happened(ev.status) != happened(em.status) {
		return false
	}
	if !ev.span.IsZero() && !em.span.IsZero() && (em.span.End < ev.span.Start || em.span.Start > ev.span.End) {
		return false
	}
	if em.location != "" && ev.location != "" && em.location != ev.location &&
		d.containingCountry(em.location) != ev.location && d.containingCountry(ev.location) != em.location {
		return false
	}
	if ev.typ == diplograph.Summit && em.typ == diplograph.Summit && !ev.span.IsZero() && !em.span.IsZero() && d.definiteNoun(em) {
		// "The leaders of Japan ... are expected to attend part of the
		// July summit": the summit of that date the article named, which
		// those who attend do not make another.
		return true
	}
	a, b := actorSet(ev.parts, ev.typ), actorSet(em.parts, em.typ)
	if len(b) == 0 {
		// An unattributed mention ("the summit") joins the latest event
		// of its kind; a summit is no phone call that came since.
		return scheduled(em.typ) && d.latestOfType(em.typ) == ev && (em.typ != diplograph.Summit || ev.typ == diplograph.Summit)
	}
	if ev.typ == diplograph.Visit {
		return sameRoles(ev.parts, em.parts)
	}
	if !scheduled(em.typ) {
		// Statements, accusations, activities: one event per actor set,
		// category, place and day; an offer is not a request.
		if ev.code.plover != em.code.plover {
			return false
		}
		// "Lai offered talks and promised calm": one initiator's two
		// words of one kind in one sentence are one event.
		if ev.sents[em.sent] && initiatorOf(ev.parts) != "" && initiatorOf(ev.parts) == initiatorOf(em.parts) {
			return true
		}
		return equalSets(a, b) && (ev.location == "" || em.location == "" || ev.location == em.location)
	}
	if subset(a, b) || subset(b, a) {
		return true
	}
	// "Chile and New Zealand signed an agreement yesterday … Peters and
	// Chilean Foreign Minister Alberto van Klaveren signed the
	// agreement": the ministers sign for their countries.
	return ev.typ == diplograph.Agreement && em.typ == diplograph.Agreement && equalSets(d.sides(a), d.sides(b))
}

// sides maps each actor to the country it acts for: a person to the
// country of the office the knowledge base or the article gives them.
func (d *doc) sides(actors map[string]bool) map[string]bool {
	out := make(map[string]bool, len(actors))
	for id := range actors {
		side := d.countryOfEntity(id)
		if side == "" {
			// The first office the article gives, in article order:
			// ranging over the map would pick one at random.
			for _, rid := range d.relIDs {
				if r := d.rels[rid].r; r.Type == diplograph.HoldsOffice && r.Subject == id {
					side = r.Object
					break
				}
			}
		}
		if side == "" {
			side = id
		}
		out[side] = true
	}
	return out
}

// definiteNoun reports whether em is a noun after "the", maybe with a few
// words between ("the July summit", "the 75th anniversary summit").
func (d *doc) definiteNoun(em *evMention) bool {
	if em.form != noun {
		return false
	}
	toks := d.sents[em.sent].Tokens
	for j := em.first - 1; j >= 0 && j >= em.first-3; j-- {
		if toks[j].Lower == "the" {
			return true
		}
		if toks[j].Kind == token.Punct {
			return false
		}
	}
	return false
}

func initiatorOf(ps []diplograph.Participant) string {
	for _, p := range ps {
		if p.Role == diplograph.RoleInitiator {
			return p.Entity
		}
	}
	return ""
}

// latestOfType returns the article's latest event of type t, else its
// latest of a compatible type: "the summit" is the summit named before,
// not a phone call named since.
func (d *doc) latestOfType(t diplograph.EventType) *evAcc {
	for i := len(d.events) - 1; i >= 0; i-- {
		if d.events[i].typ == t {
			return d.events[i]
		}
	}
	for i := len(d.events) - 1; i >= 0; i-- {
		if typesCompatible(d.events[i].typ, t) {
			return d.events[i]
		}
	}
	return nil
}

// sameRoles: two visits are one when the guest and the host agree where
// both name them.
func sameRoles(a, b []diplograph.Participant) bool {
	role := func(ps []diplograph.Participant, r diplograph.Role) string {
		for _, p := range ps {
			if p.Role == r {
				return p.Entity
			}
		}
		return ""
	}
	for _, r := range []diplograph.Role{diplograph.RoleGuest, diplograph.RoleHost} {
		x, y := role(a, r), role(b, r)
		if x != "" && y != "" && x != y {
			return false
		}
	}
	return role(a, diplograph.RoleGuest) != "" && role(a, diplograph.RoleGuest) == role(b, diplograph.RoleGuest) ||
		role(a, diplograph.RoleGuest) == "" || role(b, diplograph.RoleGuest) == ""
}

// actorSet is the set of entities that make an event what it is: everyone
// but a statement's audience.
func actorSet(ps []diplograph.Participant, _ diplograph.EventType) map[string]bool {
	out := map[string]bool{}
	for _, p := range ps {
		if p.Role != diplograph.RoleAudience {
			out[p.Entity] = true
		}
	}
	return out
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func equalSets(a, b map[string]bool) bool { return len(a) == len(b) && subset(a, b) }

// absorb merges a mention into an event: the more explicit status, the
// finer date, the first location, the union of participants and concerns.
func (d *doc) absorb(ev *evAcc, em *evMention) {
	if em.timing {
		// "before the summit": the summit's sentence, not its status.
		ev.sents[em.sent] = true
		return
	}
	if em.typ == diplograph.Summit {
		ev.typ = diplograph.Summit
	}
	if em.conf > ev.conf || em.conf == ev.conf && statusRank(em.status) > statusRank(ev.status) {
		ev.status, ev.conf, ev.negated = em.status, em.conf, em.negated
	}
	if !em.span.IsZero() && (ev.span.IsZero() || em.span.Precision.Finer(ev.span.Precision)) {
		ev.span = em.span
	}
	if em.location != "" && (ev.location == "" || d.containingCountry(em.location) == ev.location) {
		ev.location = em.location
	}
	for _, p := range em.parts {
		addPart(&ev.parts, p.Entity, p.Role)
	}
	ev.concerns = appendUnique(ev.concerns, em.concerns...)
	if em.status == diplograph.Cancelled && em.cue != "" && em.cueAt < em.first {
		ev.cancelled = true
	}
	if ev.orig.IsZero() {
		ev.orig = em.orig
	}
	if ev.quote == "" {
		ev.quote = em.quote
	}
	ev.sents[em.sent] = true
}

func (d *doc) eventsOut() []diplograph.Event {
	out := make([]diplograph.Event, 0, len(d.events))
	used := map[string]bool{}
	for _, ev := range d.events {
		e := diplograph.Event{Type: ev.typ, Status: ev.status, Negated: ev.negated, TimeSpan: ev.span,
			Location: ev.location, Quote: ev.quote}
		if e.Negated && e.Status == diplograph.Occurred {
			e.Status = diplograph.Hypothetical
		}
		for _, p := range ev.parts {
			if d.ents[p.Entity] != nil {
				e.Participants = append(e.Participants, p)
			}
		}
		for _, c := range ev.concerns {
			if d.ents[c] != nil && !isParticipant(e.Participants, c) {
				e.Concerns = append(e.Concerns, c)
			}
		}
		if e.Location != "" && d.ents[e.Location] == nil {
			e.Location = ""
		}
		location := ""
		if e.Type == diplograph.EstablishRelations || e.Type == diplograph.SeverRelations {
			location = e.Location
		}
		if len(e.Participants) == 0 || twoSided(e.Type) && !d.twoActors(e.Participants, location) {
			continue
		}
		if e.Concerns == nil {
			e.Concerns = []string{}
		}
		c := finalCoding(ev)
		e.Plover, e.PloverMode, e.Cameo = c.plover, c.mode, c.cameo
		e.ID = eventID(&e)
		if c.plover != typeCoding[e.Type].plover && !scheduled(e.Type) {
			// An offer and a request by the same parties in one month are
			// two events: the category joins the id where it is not the
			// type's own.
			e.ID = hashID("event:", e.ID, c.plover)
		}
		// Two events of one article may share type, actors and month (a
		// call that happened and a meeting to come): each keeps an id of
		// its own, or a store would take them for one report.
		for n, base := 2, e.ID; used[e.ID]; n++ {
			e.ID = hashID("event:", base, strconv.Itoa(n))
		}
		used[e.ID] = true
		e.Summary = d.summary(&e)
		if !ev.orig.IsZero() && e.Raw != "" {
			// The model keeps one date; the summary keeps the one given up.
			e.Summary = strings.TrimSuffix(e.Summary, ")") + "; postponed from " + ev.orig.Raw + ")"
		}
		e.Evidence = d.evidenceList(ev.sents)
		out = append(out, e)
	}
	return out
}

// finalCoding is an event's coding once its mentions are merged: a
// meeting or visit that is only announced or intended is an agreement to
// meet for PLOVER (AGREE), one an actor called off a diplomatic sanction
// (CAMEO 16). The CAMEO root of an intended meeting stays 04: the
// event-data coders code the verb, not its modality ("will meet" is 040
// in the UniversalPetrarch gold).
func finalCoding(ev *evAcc) coding {
	if ev.code.plover != "CONSULT" || ev.negated {
		return ev.code
	}
	switch ev.status {
	case diplograph.Planned, diplograph.Expected, diplograph.Hypothetical:
		return coding{"AGREE", "", ev.code.cameo}
	case diplograph.Cancelled:
		if ev.cancelled {
			return coding{"SANCTION", "diplomatic", "16"}
		}
	}
	return ev.code
}

// twoSided types take two parties: one country alone neither meets nor
// restores relations.
func twoSided(t diplograph.EventType) bool {
	switch t {
	case diplograph.Meeting, diplograph.EstablishRelations, diplograph.SeverRelations, diplograph.JointStatement:
		return true
	}
	return false
}

// twoActors reports whether at least two parties take part, or one body
// that is itself many (an international organization meeting), or, for
// relations, one party in another country's place ("opened an embassy
// in Tehran"); a meeting in Brussels says nothing of who else met.
func (d *doc) twoActors(ps []diplograph.Participant, location string) bool {
	n := 0
	if c := d.containingCountry(location); c != "" && !isParticipant(ps, c) && len(ps) == 1 &&
		d.countryOfEntity(ps[0].Entity) != c {
		return true
	}
	for _, p := range ps {
		if p.Role == diplograph.RoleAudience {
			continue
		}
		n++
		if e := d.ents[p.Entity]; e != nil && e.e.Type == diplograph.Organization {
			return true
		}
	}
	return n >= 2
}

// countryOfEntity is a country itself, or the country a person or body
// serves by the knowledge base; "" when unknown.
func (d *doc) countryOfEntity(id string) string {
	r, ok := d.x.kb.Get(id)
	if !ok {
		return ""
	}
	if r.Type == diplograph.Country {
		return r.ID
	}
	if o, ok := d.office(r); ok {
		return o.Of
	}
	return r.In
}

// eventID is deterministic across articles: the type, the actors (as in
// diplograph.EventKey) and the month the event starts in, so that two
// events of one article on different months stay two. Across articles the
// stores merge reports by diplograph.EventKey and their dates, so a report
// "in October" and one "this week" across the month's end are one event
// even though their ids differ.
func eventID(e *diplograph.Event) string {
	var actors []string
	for _, p := range e.Participants {
		if p.Role != diplograph.RoleAudience {
			actors = append(actors, p.Entity)
		}
	}
	sort.Strings(actors)
	month := ""
	if len(e.Start) >= 7 {
		month = e.Start[:7]
	}
	return hashID("event:", string(e.Type), strings.Join(actors, ","), month)
}

func (d *doc) name(id string) string {
	if e := d.ents[id]; e != nil {
		return e.e.Name
	}
	return id
}

// summary writes a one-line description of an event.
func (d *doc) summary(e *diplograph.Event) string {
	byRole := map[diplograph.Role][]string{}
	var all []string
	for _, p := range e.Participants {
		byRole[p.Role] = append(byRole[p.Role], d.name(p.Entity))
		if p.Role != diplograph.RoleAudience {
			all = append(all, d.name(p.Entity))
		}
	}
	var b strings.Builder
	kind := strings.ToLower(strings.ReplaceAll(string(e.Type), "_", " "))
	switch e.Type {
	case diplograph.Visit:
		b.WriteString(strings.Join(byRole[diplograph.RoleGuest], " and "))
		b.WriteString(" visit")
		if h := byRole[diplograph.RoleHost]; len(h) > 0 {
			b.WriteString(" to " + strings.Join(h, " and "))
		}
		if in := byRole[diplograph.RoleInitiator]; len(in) > 0 {
			b.WriteString(", proposed by " + strings.Join(in, " and "))
		}
	case diplograph.Statement:
		b.WriteString(strings.Join(byRole[diplograph.RoleInitiator], " and ") + " statement")
		if a := byRole[diplograph.RoleAudience]; len(a) > 0 {
			b.WriteString(" to " + strings.Join(a, " and "))
		}
	default:
		b.WriteString(joinNames(all) + " " + kind)
	}
	if e.Location != "" && e.Type != diplograph.Visit {
		b.WriteString(" in " + d.name(e.Location))
	}
	if e.Start != "" {
		b.WriteString(" (" + e.Raw + ")")
	}
	return strings.TrimSpace(b.String())
}

func joinNames(ns []string) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}
