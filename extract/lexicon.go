package extract

import (
	"strings"

	"github.com/diplograph/diplograph"
)

// This file holds the extractor's closed word lists: the grammar of
// diplomatic news as data. World knowledge (names) lives in package kb.

// verbForm is the grammatical form of a trigger word, used for tense.
type verbForm uint8

const (
	noun  verbForm = iota
	vBase          // visit, meet
	vPast          // visited, met, took office
	vPres          // visits, meets
	vIng           // visiting, meeting (as a verb)
	vPart          // held (after "was"), called off
)

// trigger is one phrase that names an event.
type trigger struct {
	phrase string // lower case, tokens separated by spaces
	typ    diplograph.EventType
	form   verbForm
}

// triggers lists event phrases. Verb forms carry their tense; nouns take
// theirs from modality cues. Phrases are matched on lower-cased tokens,
// longest first.
var triggers = []trigger{
	{"summit", diplograph.Summit, noun}, {"summits", diplograph.Summit, noun},
	{"summit meeting", diplograph.Summit, noun}, {"summit talks", diplograph.Summit, noun},
	{"conference", diplograph.Summit, noun}, {"leaders' meeting", diplograph.Summit, noun},

	{"meeting", diplograph.Meeting, noun}, {"meetings", diplograph.Meeting, noun},
	{"talks", diplograph.Meeting, noun}, {"negotiations", diplograph.Meeting, noun},
	{"phone call", diplograph.Meeting, noun}, {"telephone call", diplograph.Meeting, noun},
	{"phone conversation", diplograph.Meeting, noun}, {"video call", diplograph.Meeting, noun},
	{"meet", diplograph.Meeting, vBase}, {"meets", diplograph.Meeting, vPres}, {"met", diplograph.Meeting, vPast},
	{"held talks", diplograph.Meeting, vPast}, {"hold talks", diplograph.Meeting, vBase},
	{"spoke by phone", diplograph.Meeting, vPast}, {"spoke by telephone", diplograph.Meeting, vPast},
	{"talked by phone", diplograph.Meeting, vPast}, {"discussed", diplograph.Meeting, vPast},

	{"visit", diplograph.Visit, noun}, {"visits", diplograph.Visit, noun}, {"state visit", diplograph.Visit, noun},
	{"official visit", diplograph.Visit, noun}, {"trip", diplograph.Visit, noun}, {"tour", diplograph.Visit, noun},
	{"visited", diplograph.Visit, vPast}, {"visiting", diplograph.Visit, vIng}, {"traveled to", diplograph.Visit, vPast},
	{"travelled to", diplograph.Visit, vPast}, {"travel to", diplograph.Visit, vBase}, {"arrived in", diplograph.Visit, vPast},

	{"told", diplograph.Statement, vPast}, {"said in a statement", diplograph.Statement, vPast},
	{"press conference", diplograph.Statement, noun}, {"news conference", diplograph.Statement, noun},
	{"speech", diplograph.Statement, noun}, {"address", diplograph.Statement, noun}, {"announced", diplograph.Statement, vPast},
	{"said", diplograph.Statement, vPast}, {"stated", diplograph.Statement, vPast}, {"declared", diplograph.Statement, vPast},
	{"says", diplograph.Statement, vPres},

	{"joint statement", diplograph.JointStatement, noun}, {"joint communique", diplograph.JointStatement, noun},
	{"joint communiqué", diplograph.JointStatement, noun}, {"joint declaration", diplograph.JointStatement, noun},

	{"signed", diplograph.Agreement, vPast}, {"sign", diplograph.Agreement, vBase}, {"signing", diplograph.Agreement, noun},
	{"ratified", diplograph.Agreement, vPast}, {"ratify", diplograph.Agreement, vBase},
	{"agreed", diplograph.Agreement, vPast}, {"reached an agreement", diplograph.Agreement, vPast},
	{"struck a deal", diplograph.Agreement, vPast},

	{"proposal", diplograph.Proposal, noun}, {"proposals", diplograph.Proposal, noun}, {"proposed", diplograph.Proposal, vPast},
	{"propose", diplograph.Proposal, vBase}, {"called for", diplograph.Proposal, vPast}, {"urged", diplograph.Proposal, vPast},
	{"offered", diplograph.Proposal, vPast}, {"request", diplograph.Proposal, noun}, {"requested", diplograph.Proposal, vPast},

	{"invited", diplograph.Invitation, vPast}, {"invite", diplograph.Invitation, vBase}, {"invitation", diplograph.Invitation, noun},
	{"invites", diplograph.Invitation, vPres},

	{"accused", diplograph.Accusation, vPast}, {"accuses", diplograph.Accusation, vPres}, {"criticized", diplograph.Accusation, vPast},
	{"criticised", diplograph.Accusation, vPast}, {"condemned", diplograph.Accusation, vPast}, {"condemns", diplograph.Accusation, vPres},
	{"denounced", diplograph.Accusation, vPast}, {"blamed", diplograph.Accusation, vPast},

	{"demanded", diplograph.Demand, vPast}, {"demands", diplograph.Demand, vPres}, {"ultimatum", diplograph.Demand, noun},
	{"demand", diplograph.Demand, noun}, {"must", diplograph.Demand, vPres},

	{"threatened", diplograph.Threat, vPast}, {"threatens", diplograph.Threat, vPres}, {"warned", diplograph.Threat, vPast},
	{"warns", diplograph.Threat, vPres},

	{"rejected", diplograph.Rejection, vPast}, {"rejects", diplograph.Rejection, vPres}, {"refused", diplograph.Rejection, vPast},
	{"reject", diplograph.Rejection, vBase}, {"refuses", diplograph.Rejection, vPres}, {"refusing", diplograph.Rejection, vIng},
	{"not accept", diplograph.Rejection, vBase},
	{"dismissed", diplograph.Rejection, vPast},

	{"protested", diplograph.Protest, vPast}, {"lodged a protest", diplograph.Protest, vPast}, {"diplomatic protest", diplograph.Protest, noun},
	{"summoned", diplograph.Protest, vPast}, {"protest", diplograph.Protest, noun}, {"protests", diplograph.Protest, noun},

	{"sanctions", diplograph.Sanction, noun}, {"sanctioned", diplograph.Sanction, vPast}, {"embargo", diplograph.Sanction, noun},
	{"imposed sanctions", diplograph.Sanction, vPast},

	{"established diplomatic relations", diplograph.EstablishRelations, vPast}, {"establish diplomatic relations", diplograph.EstablishRelations, vBase},
	{"normalized relations", diplograph.EstablishRelations, vPast}, {"restored diplomatic relations", diplograph.EstablishRelations, vPast},
	{"restored diplomatic ties", diplograph.EstablishRelations, vPast}, {"restore diplomatic ties", diplograph.EstablishRelations, vBase},

	{"severed diplomatic relations", diplograph.SeverRelations, vPast}, {"severed ties", diplograph.SeverRelations, vPast},
	{"cut diplomatic ties", diplograph.SeverRelations, vPast}, {"broke off diplomatic relations", diplograph.SeverRelations, vPast},
	{"severed diplomatic ties", diplograph.SeverRelations, vPast},

	{"recalled its ambassador", diplograph.RecallAmbassador, vPast}, {"recalled its envoy", diplograph.RecallAmbassador, vPast},
	{"recall its ambassador", diplograph.RecallAmbassador, vBase},

	{"expelled", diplograph.Expulsion, vPast}, {"expel", diplograph.Expulsion, vBase}, {"expulsion", diplograph.Expulsion, noun},

	{"withdrew from", diplograph.TreatyWithdrawal, vPast}, {"withdraw from", diplograph.TreatyWithdrawal, vBase},
	{"suspended its participation", diplograph.TreatyWithdrawal, vPast},

	{"joined", diplograph.Accession, vPast}, {"accession", diplograph.Accession, noun}, {"acceded to", diplograph.Accession, vPast},

	{"military activity", diplograph.MilitaryActivity, noun}, {"military activities", diplograph.MilitaryActivity, noun},
	{"military exercises", diplograph.MilitaryActivity, noun}, {"joint exercises", diplograph.MilitaryActivity, noun},
	{"military drills", diplograph.MilitaryActivity, noun}, {"drills", diplograph.MilitaryActivity, noun},
	{"exercises", diplograph.MilitaryActivity, noun}, {"patrols", diplograph.MilitaryActivity, noun},
	{"incursions", diplograph.MilitaryActivity, noun}, {"incursion", diplograph.MilitaryActivity, noun},
	{"blockade", diplograph.MilitaryActivity, noun}, {"resupply mission", diplograph.MilitaryActivity, noun},
	{"deployed", diplograph.MilitaryActivity, vPast}, {"send", diplograph.MilitaryActivity, vBase},
	{"sent", diplograph.MilitaryActivity, vPast}, {"sending", diplograph.MilitaryActivity, vIng},

	{"water cannon", diplograph.Incident, noun}, {"clash", diplograph.Incident, noun}, {"clashes", diplograph.Incident, noun},
	{"clashed", diplograph.Incident, vPast}, {"collided", diplograph.Incident, vPast}, {"collision", diplograph.Incident, noun},
	{"rammed", diplograph.Incident, vPast},

	{"ruling", diplograph.LegalAction, noun}, {"ruled", diplograph.LegalAction, vPast}, {"filed a case", diplograph.LegalAction, vPast},
	{"arbitration", diplograph.LegalAction, noun},

	{"took office", diplograph.TookOffice, vPast}, {"take office", diplograph.TookOffice, vBase},
	{"sworn in", diplograph.TookOffice, vPart}, {"inaugurated", diplograph.TookOffice, vPart},
	{"inauguration", diplograph.TookOffice, noun},

	{"election", diplograph.Election, noun}, {"elections", diplograph.Election, noun}, {"referendum", diplograph.Election, noun},
	{"was elected", diplograph.Election, vPast}, {"won the election", diplograph.Election, vPast},
}

// needsObject lists triggers that only name an event with a particular
// word close after them: "send" a ship, "joined" an organization.
var needsObject = map[string][]string{
	"send":    {"vessels", "ships", "warships", "troops", "aircraft", "jets", "bombers", "drones", "submarines", "patrol", "coast"},
	"sent":    {"vessels", "ships", "warships", "troops", "aircraft", "jets", "bombers", "drones", "submarines", "patrol", "coast"},
	"sending": {"vessels", "ships", "warships", "troops", "aircraft", "jets", "bombers", "drones", "submarines", "patrol", "coast"},
	"deployed": {"vessels", "ships", "warships", "troops", "aircraft", "jets", "bombers", "drones", "submarines", "missiles",
		"forces", "carrier"},
	"agreed":    {"to", "on", "upon", "that", "a", "an", "the", "in"},
	"joined":    {}, // resolved by the object being an organization or treaty
	"address":   {"to", "before"},
	"exercises": {},
	"drills":    {},
	"tour":      {"of"},
	"protest":   {"against", "over", "with", "to"},
	"protests":  {"against", "over", "with", "to"},
}

// ploverOf maps event types to PLOVER categories and modes.
var ploverOf = map[diplograph.EventType][2]string{
	diplograph.Meeting: {"CONSULT", ""}, diplograph.Summit: {"CONSULT", "multilateral"},
	diplograph.Visit: {"CONSULT", "visit"}, diplograph.JointStatement: {"AGREE", ""},
	diplograph.Agreement: {"AGREE", ""}, diplograph.Proposal: {"REQUEST", ""},
	diplograph.Invitation: {"REQUEST", ""}, diplograph.Accusation: {"ACCUSE", ""},
	diplograph.Demand: {"DEMAND", ""}, diplograph.Threat: {"THREATEN", ""},
	diplograph.Rejection: {"REJECT", ""}, diplograph.Protest: {"PROTEST", ""},
	diplograph.Sanction: {"SANCTION", ""}, diplograph.EstablishRelations: {"COOPERATE", ""},
	diplograph.SeverRelations: {"SANCTION", "diplomatic"}, diplograph.RecallAmbassador: {"SANCTION", "diplomatic"},
	diplograph.Expulsion: {"SANCTION", "diplomatic"}, diplograph.TreatyWithdrawal: {"RETREAT", ""},
	diplograph.Accession: {"COOPERATE", ""}, diplograph.Cooperation: {"COOPERATE", ""},
	diplograph.MilitaryActivity: {"MOBILIZE", ""}, diplograph.Incident: {"COERCE", ""},
	diplograph.LegalAction: {"ACCUSE", "legal"},
}

// cue is a modality or tense signal near a trigger.
type cue struct {
	phrase string
	status diplograph.EventStatus
	negate bool
	// after marks cues that follow the trigger ("a summit to be held").
	after bool
}

// cues are matched on lower-cased tokens around a trigger in its clause;
// the nearest wins.
var cues = []cue{
	{phrase: "will", status: diplograph.Planned}, {phrase: "'ll", status: diplograph.Planned},
	{phrase: "shall", status: diplograph.Planned}, {phrase: "plans to", status: diplograph.Planned},
	{phrase: "plan to", status: diplograph.Planned}, {phrase: "planning to", status: diplograph.Planned},
	{phrase: "planned", status: diplograph.Planned}, {phrase: "scheduled", status: diplograph.Planned},
	{phrase: "upcoming", status: diplograph.Planned}, {phrase: "set to", status: diplograph.Planned},
	{phrase: "is to", status: diplograph.Planned}, {phrase: "are to", status: diplograph.Planned},
	{phrase: "to be held", status: diplograph.Planned, after: true}, {phrase: "is scheduled", status: diplograph.Planned, after: true},
	{phrase: "will be held", status: diplograph.Planned, after: true}, {phrase: "will take place", status: diplograph.Planned, after: true},
	{phrase: "next", status: diplograph.Planned}, {phrase: "intends to", status: diplograph.Planned},
	{phrase: "going to", status: diplograph.Planned}, {phrase: "preparing to", status: diplograph.Planned},
	{phrase: "would", status: diplograph.Expected}, {phrase: "will", status: diplograph.Planned, after: true},
	{phrase: "was expected", status: diplograph.Expected, after: true},
	{phrase: "expected to", status: diplograph.Expected}, {phrase: "is expected", status: diplograph.Expected, after: true},
	{phrase: "are expected", status: diplograph.Expected, after: true}, {phrase: "likely to", status: diplograph.Expected},
	{phrase: "poised to", status: diplograph.Expected}, {phrase: "expected", status: diplograph.Expected},
	{phrase: "hopes to", status: diplograph.Expected},
	{phrase: "proposed", status: diplograph.Proposed}, {phrase: "suggested", status: diplograph.Proposed},
	{phrase: "offered to", status: diplograph.Proposed}, {phrase: "called for", status: diplograph.Proposed},
	{phrase: "may", status: diplograph.Hypothetical}, {phrase: "might", status: diplograph.Hypothetical},
	{phrase: "could", status: diplograph.Hypothetical}, {phrase: "possible", status: diplograph.Hypothetical},
	{phrase: "possibly", status: diplograph.Hypothetical}, {phrase: "considering", status: diplograph.Hypothetical},
	{phrase: "considers", status: diplograph.Hypothetical}, {phrase: "mulling", status: diplograph.Hypothetical},
	{phrase: "potential", status: diplograph.Hypothetical}, {phrase: "if", status: diplograph.Hypothetical},
	{phrase: "unless", status: diplograph.Hypothetical}, {phrase: "would-be", status: diplograph.Hypothetical},
	{phrase: "called off", status: diplograph.Cancelled, after: true}, {phrase: "cancelled", status: diplograph.Cancelled, after: true},
	{phrase: "canceled", status: diplograph.Cancelled, after: true}, {phrase: "scrapped", status: diplograph.Cancelled, after: true},
	{phrase: "called off", status: diplograph.Cancelled}, {phrase: "cancelled", status: diplograph.Cancelled},
	{phrase: "canceled", status: diplograph.Cancelled}, {phrase: "scrapped", status: diplograph.Cancelled},
	{phrase: "cancel", status: diplograph.Cancelled}, {phrase: "call off", status: diplograph.Cancelled},
	{phrase: "postponed", status: diplograph.Postponed, after: true}, {phrase: "delayed", status: diplograph.Postponed, after: true},
	{phrase: "put off", status: diplograph.Postponed, after: true}, {phrase: "postponed", status: diplograph.Postponed},
	{phrase: "postpone", status: diplograph.Postponed}, {phrase: "delayed", status: diplograph.Postponed},
	{phrase: "was held", status: diplograph.Occurred, after: true}, {phrase: "were held", status: diplograph.Occurred, after: true},
	{phrase: "took place", status: diplograph.Occurred, after: true}, {phrase: "concluded", status: diplograph.Occurred, after: true},
	{phrase: "ended", status: diplograph.Occurred, after: true}, {phrase: "held", status: diplograph.Occurred},
	{phrase: "continues to", status: diplograph.Ongoing}, {phrase: "continue to", status: diplograph.Ongoing},
	{phrase: "continued to", status: diplograph.Ongoing}, {phrase: "ramping up", status: diplograph.Ongoing},
	{phrase: "stepping up", status: diplograph.Ongoing}, {phrase: "ongoing", status: diplograph.Ongoing},
	{phrase: "keeps", status: diplograph.Ongoing}, {phrase: "repeated", status: diplograph.Ongoing},
	{phrase: "did not", status: diplograph.Hypothetical, negate: true}, {phrase: "didn't", status: diplograph.Hypothetical, negate: true},
	{phrase: "did n't", status: diplograph.Hypothetical, negate: true}, {phrase: "never", status: diplograph.Hypothetical, negate: true},
	{phrase: "denied", status: diplograph.Hypothetical, negate: true}, {phrase: "denies", status: diplograph.Hypothetical, negate: true},
	{phrase: "refused to", status: diplograph.Hypothetical, negate: true}, {phrase: "declined to", status: diplograph.Hypothetical, negate: true},
	{phrase: "will not", status: diplograph.Hypothetical, negate: true}, {phrase: "won't", status: diplograph.Hypothetical, negate: true},
	{phrase: "no plans to", status: diplograph.Hypothetical, negate: true}, {phrase: "not", status: diplograph.Hypothetical, negate: true},
	{phrase: "ruled out", status: diplograph.Hypothetical, negate: true},
}

// requestVerbs embed an event they ask for: "ask Trump to visit Japan".
// The embedded event is PROPOSED and the asker is its initiator.
var requestVerbs = map[string]bool{
	"ask": true, "asks": true, "asked": true, "asking": true, "invite": true, "invited": true, "invites": true,
	"inviting": true, "urge": true, "urged": true, "urges": true, "urging": true, "propose": true, "proposed": true,
	"proposes": true, "proposing": true, "request": true, "requested": true, "suggest": true, "suggested": true,
}

// pastCues and futureCues decide the tense of a clause for resolving dates.
var futureCues = map[string]bool{
	"will": true, "'ll": true, "shall": true, "expected": true, "planned": true, "plans": true, "planning": true,
	"scheduled": true, "upcoming": true, "next": true, "hopes": true, "intends": true, "would": true, "aims": true,
	"set": true, "slated": true, "due": true, "later": true, "coming": true, "tomorrow": true,
	"could": true, "might": true, "may": true, "should": true, "plan": true, "expects": true, "expect": true,
}

var pastCues = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "told": true, "said": true, "took": true, "met": true,
	"held": true, "signed": true, "visited": true, "agreed": true, "announced": true, "last": true, "ago": true,
	"yesterday": true, "earlier": true, "called": true, "sworn": true, "made": true, "went": true, "came": true,
	"spoke": true, "began": true, "ended": true, "arrived": true, "returned": true, "left": true, "protested": true,
	"summoned": true, "accused": true, "rejected": true, "denied": true, "warned": true, "urged": true,
}

// isPastForm reports whether w is a past-tense cue: a listed irregular
// form, or a regular "-ed" form that is not one of the adjectives and
// future cues that end the same way.
func isPastForm(w string) bool {
	if pastCues[w] {
		return true
	}
	return len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPastEd[w]
}

var notPastEd = map[string]bool{
	"expected": true, "planned": true, "scheduled": true, "proposed": true, "based": true, "united": true,
	"indeed": true, "proceed": true, "succeed": true, "exceed": true, "limited": true, "armed": true,
	"interested": true, "concerned": true, "related": true, "detailed": true, "advanced": true, "supposed": true,
	"embattled": true, "disputed": true, "divided": true, "unprecedented": true,
}

// titles are words and phrases that introduce a person's name. Upper or
// lower case both match ("Foreign Minister Wang Yi", "spokesperson Lin
// Jian"). The value is the office's canonical title.
var titles = map[string]string{
	"president": "President", "vice president": "Vice President", "prime minister": "Prime Minister",
	"deputy prime minister": "Deputy Prime Minister", "premier": "Premier", "chancellor": "Chancellor",
	"foreign minister": "Foreign Minister", "defense minister": "Defense Minister", "defence minister": "Defence Minister",
	"trade minister": "Trade Minister", "finance minister": "Finance Minister", "interior minister": "Interior Minister",
	"minister": "Minister", "secretary of state": "Secretary of State", "foreign secretary": "Foreign Secretary",
	"defense secretary": "Defense Secretary", "secretary of defense": "Secretary of Defense",
	"chief cabinet secretary": "Chief Cabinet Secretary", "secretary-general": "Secretary-General",
	"secretary general": "Secretary-General", "ambassador": "Ambassador", "envoy": "Envoy",
	"special envoy": "Special Envoy", "spokesperson": "Spokesperson", "spokesman": "Spokesman",
	"spokeswoman": "Spokeswoman", "king": "King", "queen": "Queen", "crown prince": "Crown Prince",
	"emperor": "Emperor", "sultan": "Sultan", "emir": "Emir", "senator": "Senator", "sen.": "Senator",
	"governor": "Governor", "mayor": "Mayor", "general": "General", "gen.": "General", "admiral": "Admiral",
	"national security adviser": "National Security Adviser", "national security advisor": "National Security Adviser",
	"state counselor": "State Counselor", "supreme leader": "Supreme Leader", "leader": "Leader",
	"mr.": "", "mrs.": "", "ms.": "", "dr.": "",
	"foreign ministry spokesperson": "Foreign Ministry Spokesperson", "foreign ministry spokesman": "Foreign Ministry Spokesman",
	"opposition leader": "Opposition Leader", "lawmaker": "Lawmaker", "commander": "Commander",
}

// orgHeads end a capitalized organization name, with the kind they give.
var orgHeads = map[string]string{
	"ministry": "MINISTRY", "committee": "LEGISLATURE", "parliament": "LEGISLATURE", "assembly": "LEGISLATURE",
	"congress": "LEGISLATURE", "senate": "LEGISLATURE", "diet": "LEGISLATURE", "party": "PARTY",
	"agency": "AGENCY", "commission": "AGENCY", "office": "AGENCY", "department": "MINISTRY", "guard": "AGENCY",
	"court": "COURT", "tribunal": "COURT", "bank": "AGENCY", "forum": "IGO", "organization": "IGO",
	"organisation": "IGO", "council": "IGO", "navy": "MILITARY", "army": "MILITARY", "force": "MILITARY",
	"forces": "MILITARY", "embassy": "AGENCY", "cabinet": "AGENCY", "secretariat": "IGO",
	"alliance": "PARTY", "front": "PARTY", "movement": "PARTY", "league": "PARTY", "church": "RELIGIOUS",
	"association": "NGO", "federation": "NGO", "institute": "NGO", "foundation": "NGO", "fund": "IGO",
	"university": "NGO", "airways": "COMPANY", "airlines": "COMPANY", "corp": "COMPANY", "corporation": "COMPANY",
	"plc": "COMPANY", "company": "COMPANY", "programme": "IGO", "program": "IGO", "authority": "AGENCY",
	"service": "AGENCY", "bureau": "AGENCY",
}

// genericOrgs are lower-case institution phrases that become an
// organization of the country acting in the sentence ("a parliamentary
// committee", "coast guard vessels").
var genericOrgs = map[string]string{
	"parliamentary committee": "LEGISLATURE", "coast guard": "AGENCY", "foreign ministry": "MINISTRY",
	"defense ministry": "MINISTRY", "defence ministry": "MINISTRY", "parliament": "LEGISLATURE",
	"navy": "MILITARY",
}

// locatives precede a place used as a place rather than as a metonym.
var locatives = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "near": true, "outside": true, "around": true, "across": true,
	"into": true, "toward": true, "towards": true, "via": true, "visit": true, "visited": true, "visiting": true,
	"visits": true, "arrived": true, "leave": true, "left": true, "of": true, "inside": true, "throughout": true,
	"within": true, "reach": true, "reached": true,
}

// groupWords resolve to the article's two most prominent actors.
var groupPhrases = []string{"the two leaders", "both leaders", "the two sides", "both sides", "the two nations",
	"both nations", "the two countries", "both countries", "the two", "they", "their", "them"}
