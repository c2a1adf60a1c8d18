package extract

import (
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

// triggerWord is one phrase that names an event of a type, coded as the
// type's default (typeCoding).
type triggerWord struct {
	phrase string // lower case, tokens separated by spaces
	typ    diplograph.EventType
	form   verbForm
}

// triggerWords lists event phrases. Verb forms carry their tense; nouns
// take theirs from modality cues. Phrases are matched on lower-cased
// tokens, longest first. Phrases whose coding differs from their type's
// default are in families instead.
var triggerWords = []triggerWord{
	{"summit", diplograph.Summit, noun}, {"summits", diplograph.Summit, noun},
	{"summit meeting", diplograph.Summit, noun}, {"summit talks", diplograph.Summit, noun},
	{"conference", diplograph.Summit, noun}, {"leaders' meeting", diplograph.Summit, noun},
	{"heads of government meeting", diplograph.Summit, noun}, {"heads of state meeting", diplograph.Summit, noun},
	{"foreign ministers' meeting", diplograph.Summit, noun}, {"ministerial meeting", diplograph.Summit, noun},

	{"meeting", diplograph.Meeting, noun}, {"meetings", diplograph.Meeting, noun},
	{"talks", diplograph.Meeting, noun}, {"negotiations", diplograph.Meeting, noun},
	{"phone call", diplograph.Meeting, noun}, {"telephone call", diplograph.Meeting, noun},
	{"phone conversation", diplograph.Meeting, noun}, {"video call", diplograph.Meeting, noun},
	{"meet", diplograph.Meeting, vBase}, {"meets", diplograph.Meeting, vPres}, {"met", diplograph.Meeting, vPast},
	{"held talks", diplograph.Meeting, vPast}, {"hold talks", diplograph.Meeting, vBase},
	{"spoke by phone", diplograph.Meeting, vPast}, {"spoke by telephone", diplograph.Meeting, vPast},
	{"talked by phone", diplograph.Meeting, vPast}, {"discussed", diplograph.Meeting, vPast},
	{"spoke with", diplograph.Meeting, vPast}, {"speaks with", diplograph.Meeting, vPres},
	{"talked with", diplograph.Meeting, vPast}, {"conferred with", diplograph.Meeting, vPast},

	{"visit", diplograph.Visit, noun}, {"visits", diplograph.Visit, noun}, {"state visit", diplograph.Visit, noun},
	{"official visit", diplograph.Visit, noun}, {"trip", diplograph.Visit, noun}, {"tour", diplograph.Visit, noun},
	{"visited", diplograph.Visit, vPast}, {"visiting", diplograph.Visit, vIng}, {"traveled to", diplograph.Visit, vPast},
	{"travelled to", diplograph.Visit, vPast}, {"travel to", diplograph.Visit, vBase}, {"arrived in", diplograph.Visit, vPast},
	{"traveling to", diplograph.Visit, vIng}, {"travelling to", diplograph.Visit, vIng}, {"travels to", diplograph.Visit, vPres},
	{"arrived here", diplograph.Visit, vPast},
	// "Travel on to" a further stop of a trip; "flew to" a capital.
	{"travel on to", diplograph.Visit, vBase}, {"travels on to", diplograph.Visit, vPres},
	{"traveled on to", diplograph.Visit, vPast}, {"travelled on to", diplograph.Visit, vPast},
	{"traveling on to", diplograph.Visit, vIng}, {"travelling on to", diplograph.Visit, vIng},
	{"fly to", diplograph.Visit, vBase}, {"flies to", diplograph.Visit, vPres}, {"flew to", diplograph.Visit, vPast},
	{"flying to", diplograph.Visit, vIng},

	{"told", diplograph.Statement, vPast}, {"said in a statement", diplograph.Statement, vPast},
	{"press conference", diplograph.Statement, noun}, {"news conference", diplograph.Statement, noun},
	{"speech", diplograph.Statement, noun}, {"address", diplograph.Statement, noun}, {"announced", diplograph.Statement, vPast},
	{"said", diplograph.Statement, vPast}, {"stated", diplograph.Statement, vPast}, {"declared", diplograph.Statement, vPast},
	{"says", diplograph.Statement, vPres}, {"claimed that", diplograph.Statement, vPast},
	{"claims that", diplograph.Statement, vPres},
	// Saying again or with weight is a statement of its own: "Chile
	// reiterated Thursday it will …", "Lagos reaffirmed that …".
	{"reiterated", diplograph.Statement, vPast}, {"reiterates", diplograph.Statement, vPres},
	{"reaffirmed", diplograph.Statement, vPast}, {"reaffirms", diplograph.Statement, vPres},
	{"stressed", diplograph.Statement, vPast}, {"stresses", diplograph.Statement, vPres},
	{"emphasized", diplograph.Statement, vPast}, {"emphasised", diplograph.Statement, vPast},
	{"insisted", diplograph.Statement, vPast}, {"insists", diplograph.Statement, vPres},

	{"joint statement", diplograph.JointStatement, noun}, {"joint communique", diplograph.JointStatement, noun},
	{"joint communiqué", diplograph.JointStatement, noun}, {"joint declaration", diplograph.JointStatement, noun},

	{"agreed", diplograph.Agreement, vPast}, {"reached an agreement", diplograph.Agreement, vPast},
	{"struck a deal", diplograph.Agreement, vPast},

	{"proposal", diplograph.Proposal, noun}, {"proposals", diplograph.Proposal, noun}, {"proposed", diplograph.Proposal, vPast},
	{"propose", diplograph.Proposal, vBase}, {"called for", diplograph.Proposal, vPast}, {"urged", diplograph.Proposal, vPast},
	{"request", diplograph.Proposal, noun}, {"requested", diplograph.Proposal, vPast},

	{"invited", diplograph.Invitation, vPast}, {"invite", diplograph.Invitation, vBase}, {"invitation", diplograph.Invitation, noun},
	{"invites", diplograph.Invitation, vPres},

	{"accused", diplograph.Accusation, vPast}, {"accuses", diplograph.Accusation, vPres}, {"criticized", diplograph.Accusation, vPast},
	{"criticised", diplograph.Accusation, vPast}, {"condemned", diplograph.Accusation, vPast}, {"condemns", diplograph.Accusation, vPres},
	{"denounced", diplograph.Accusation, vPast}, {"blamed", diplograph.Accusation, vPast},

	{"demanded", diplograph.Demand, vPast}, {"demands", diplograph.Demand, vPres},
	{"demand", diplograph.Demand, noun}, {"must", diplograph.Demand, vPres},

	{"threatened", diplograph.Threat, vPast}, {"threatens", diplograph.Threat, vPres}, {"warned", diplograph.Threat, vPast},
	{"warns", diplograph.Threat, vPres},

	{"rejected", diplograph.Rejection, vPast}, {"rejects", diplograph.Rejection, vPres}, {"refused", diplograph.Rejection, vPast},
	{"reject", diplograph.Rejection, vBase}, {"refuses", diplograph.Rejection, vPres}, {"refusing", diplograph.Rejection, vIng},
	{"not accept", diplograph.Rejection, vBase},
	{"dismissed", diplograph.Rejection, vPast},
	// A denial is a rejection of what another says; what is denied is an
	// event of its own, negated (the "denied" cue).
	{"denied", diplograph.Rejection, vPast}, {"denies", diplograph.Rejection, vPres}, {"deny", diplograph.Rejection, vBase},
	{"denying", diplograph.Rejection, vIng},

	{"protest", diplograph.Protest, noun}, {"protests", diplograph.Protest, noun},

	{"sanctions", diplograph.Sanction, noun}, {"sanctioned", diplograph.Sanction, vPast}, {"embargo", diplograph.Sanction, noun},
	{"imposed sanctions", diplograph.Sanction, vPast},

	{"severed diplomatic relations", diplograph.SeverRelations, vPast}, {"severed ties", diplograph.SeverRelations, vPast},
	{"cut diplomatic ties", diplograph.SeverRelations, vPast}, {"broke off diplomatic relations", diplograph.SeverRelations, vPast},
	{"severed diplomatic ties", diplograph.SeverRelations, vPast},

	{"recalled its ambassador", diplograph.RecallAmbassador, vPast}, {"recalled its envoy", diplograph.RecallAmbassador, vPast},
	{"recall its ambassador", diplograph.RecallAmbassador, vBase},

	{"expelled", diplograph.Expulsion, vPast}, {"expel", diplograph.Expulsion, vBase}, {"expulsion", diplograph.Expulsion, noun},

	{"suspended its participation", diplograph.TreatyWithdrawal, vPast},

	{"joined", diplograph.Accession, vPast}, {"accession", diplograph.Accession, noun}, {"acceded to", diplograph.Accession, vPast},

	{"military activity", diplograph.MilitaryActivity, noun}, {"military activities", diplograph.MilitaryActivity, noun},
	{"military exercises", diplograph.MilitaryActivity, noun},
	{"military drills", diplograph.MilitaryActivity, noun}, {"drills", diplograph.MilitaryActivity, noun},
	{"exercises", diplograph.MilitaryActivity, noun}, {"patrols", diplograph.MilitaryActivity, noun},
	{"resupply mission", diplograph.MilitaryActivity, noun},
	{"deployed", diplograph.MilitaryActivity, vPast}, {"send", diplograph.MilitaryActivity, vBase},
	{"sent", diplograph.MilitaryActivity, vPast}, {"sending", diplograph.MilitaryActivity, vIng},

	{"clash", diplograph.Incident, noun}, {"clashes", diplograph.Incident, noun},
	{"clashed", diplograph.Incident, vPast}, {"attacked", diplograph.Incident, vPast},

	{"ruling", diplograph.LegalAction, noun}, {"ruled", diplograph.LegalAction, vPast}, {"filed a case", diplograph.LegalAction, vPast},
	{"arbitration", diplograph.LegalAction, noun},

	{"took office", diplograph.TookOffice, vPast}, {"take office", diplograph.TookOffice, vBase},
	{"sworn in", diplograph.TookOffice, vPart}, {"inaugurated", diplograph.TookOffice, vPart},
	{"inauguration", diplograph.TookOffice, noun},

	{"election", diplograph.Election, noun}, {"elections", diplograph.Election, noun}, {"referendum", diplograph.Election, noun},
	{"was elected", diplograph.Election, vPast}, {"won the election", diplograph.Election, vPast},
}

// coding places an event in the two event-data codebooks: its PLOVER
// category and mode, and its two-digit CAMEO root code.
type coding struct {
	plover, mode, cameo string
}

// typeCoding is each event type's default coding: the PLOVER column of the
// design's event table (its first category where it names two) and the
// CAMEO root that category comes from. A trigger family may code its
// phrases otherwise; an empty coding means the codebooks have no category
// for the type.
var typeCoding = map[diplograph.EventType]coding{
	diplograph.Meeting:            {"CONSULT", "", "04"},
	diplograph.Summit:             {"CONSULT", "multilateral", "04"},
	diplograph.Visit:              {"CONSULT", "visit", "04"},
	diplograph.Statement:          {"", "", "01"},
	diplograph.JointStatement:     {"AGREE", "", "01"},
	diplograph.Agreement:          {"AGREE", "", "03"},
	diplograph.Proposal:           {"REQUEST", "", "02"},
	diplograph.Invitation:         {"REQUEST", "", "02"},
	diplograph.Accusation:         {"ACCUSE", "", "11"},
	diplograph.Demand:             {"DEMAND", "", "10"},
	diplograph.Threat:             {"THREATEN", "", "13"},
	diplograph.Rejection:          {"REJECT", "", "12"},
	diplograph.Protest:            {"PROTEST", "", "14"},
	diplograph.Sanction:           {"SANCTION", "", "16"},
	diplograph.EstablishRelations: {"COOPERATE", "", "05"},
	diplograph.SeverRelations:     {"SANCTION", "diplomatic", "16"},
	diplograph.RecallAmbassador:   {"SANCTION", "diplomatic", "16"},
	diplograph.Expulsion:          {"SANCTION", "diplomatic", "16"},
	diplograph.TreatyWithdrawal:   {"RETREAT", "", "16"},
	diplograph.Accession:          {"COOPERATE", "", "05"},
	diplograph.Cooperation:        {"COOPERATE", "", "06"},
	diplograph.MilitaryActivity:   {"MOBILIZE", "", "15"},
	diplograph.Incident:           {"ASSAULT", "", "19"},
	diplograph.LegalAction:        {"ACCUSE", "legal", "11"},
}

// family is a set of trigger phrases of one event type that code alike:
// a verb family of a PLOVER or CAMEO category. Each list holds the
// phrases of one grammatical form.
type family struct {
	typ                               diplograph.EventType
	code                              coding
	past, pres, base, ing, part, noun []string
	// objects, when set, are words one of which must follow the phrase
	// within window tokens ("provided ... aid", "lifted ... sanctions").
	objects []string
	window  int
	// before: the object precedes the phrase ("peacekeepers were
	// withdrawn").
	before bool
	// direct: the object follows the phrase at once or right after the
	// one name that follows it ("asked Japan to", not "asked Japan about
	// the visit to"); named: only after that name ("wants Japan to", not
	// "wants to").
	direct, named bool
	// embeds: the object is an event of its own, which the phrase does
	// not swallow ("ask Trump to visit Japan" is an invitation and a
	// visit).
	embeds bool
}

// Object lists of families that need one.
var (
	aidObjects = []string{"aid", "assistance", "relief", "grant", "grants", "loan", "loans", "credit", "credits",
		"food", "supplies", "medicine", "medicines", "funds", "funding", "humanitarian", "asylum", "weapons", "arms",
		"equipment", "vaccines", "fuel"}
	cutObjects = []string{"aid", "assistance", "relations", "ties", "links", "talks", "negotiations", "mediation",
		"cooperation", "deliveries", "flights", "trade", "contacts", "dialogue", "loans", "credits", "funding", "exports",
		"imports", "shipments", "supplies", "food", "program", "programme", "visas", "contacts"}
	easeObjects = []string{"sanctions", "embargo", "ban", "blockade", "curfew", "restrictions", "siege", "boycott",
		"martial", "emergency"}
	releaseObjects = []string{"prisoners", "hostages", "detainees", "captives", "soldiers", "sailors", "crew",
		"fishermen", "dissidents", "activists", "journalists", "prisoner", "hostage"}
	withdrawObjects = []string{"troops", "forces", "force", "soldiers", "units", "tanks", "warships", "army",
		"military", "personnel", "contingent", "battalion", "battalions"}
	// missionObjects are people a country keeps in another by its leave
	// or mandate: withdrawing them reduces relations (CAMEO 166).
	missionObjects = []string{"peacekeepers", "peacekeeping", "inspectors", "monitors", "observers", "diplomats",
		"mission", "workers", "volunteers", "advisers", "advisors", "envoys"}
	// coerceObjects are administrative restrictions imposed on a
	// population (CAMEO 172).
	coerceObjects   = []string{"curfew", "martial", "emergency"}
	sanctionObjects = []string{"sanctions", "embargo", "embargoes", "restrictions", "ban", "bans", "tariffs",
		"penalties", "quotas"}
	airspaceObjects = []string{"airspace", "territorial waters"}
	mobilizeObjects = []string{"troops", "forces", "reservists", "reserves", "army", "soldiers", "units", "military",
		"police", "tanks", "warships", "militia", "militias", "garrison"}
	acceptObjects = []string{"proposal", "proposals", "offer", "plan", "invitation", "formula", "terms", "deal",
		"agreement", "conditions", "ceasefire", "truce", "demands", "demand", "compromise", "mediation", "resolution",
		"settlement", "peace"}
	shareObjects = []string{"intelligence", "information", "evidence", "data", "expertise", "technology", "findings"}
)

// families code verbs by the category definitions of the PLOVER and CAMEO
// codebooks. Offers, pledges and promises are PROPOSAL events (status as
// any proposal) coded PLOVER AGREE and CAMEO 03, as both codebooks code an
// expressed intent to cooperate; requests and appeals stay REQUEST.
// Praise, endorsement, defence and apology are STATEMENT events coded
// SUPPORT; signing a formal agreement and establishing relations are
// SUPPORT too (CAMEO 057, 054).
var families = []family{
	// AGREE (CAMEO 03): offer, promise, pledge, or state the will to
	// cooperate, provide, allow, release or support.
	{typ: diplograph.Proposal, code: coding{"AGREE", "", "03"},
		past: []string{"offered", "pledged", "promised", "vowed", "undertook", "volunteered"},
		pres: []string{"offers", "pledges", "promises", "vows", "undertakes"},
		ing:  []string{"offering", "pledging", "promising"},
		noun: []string{"offer", "pledge", "promise", "assurances", "guarantees"},
		base: []string{
			"willing to", "ready to", "prepared to", "committed to", "stands ready", "stand ready",
			"will provide", "would provide", "will give", "would give", "will allow", "would allow",
			"will support", "would support", "will help", "would help", "will release", "would release",
			"will return", "would return", "will lift", "would lift", "will ease", "would ease",
			"will grant", "would grant", "will contribute", "would contribute", "will cooperate",
			"would cooperate", "will free", "would free", "will evacuate",
			"will hand over", "would hand over", "will resume", "would resume", "will donate",
			"will back", "would back", "will accept", "would accept", "will reopen", "would reopen",
			"will open", "would open"}},
	{typ: diplograph.Agreement, code: coding{"AGREE", "", "03"},
		past: []string{"accepted"}, pres: []string{"accepts"}, objects: acceptObjects, window: 4},
	// "withdrew from the treaty", "announced its withdrawal from the
	// WHO": from an agreement or an organization, not from a country or a
	// town.
	{typ: diplograph.TreatyWithdrawal, code: typeCoding[diplograph.TreatyWithdrawal],
		past: []string{"withdrew from"}, pres: []string{"withdraws from"}, base: []string{"withdraw from"},
		noun:    []string{"withdrawal from"},
		objects: []string{"treaty", "accord", "agreement", "pact", "deal", "convention", "protocol", "alliance"}, window: 4},
	// "became ASEAN's 11th member", "became a full member of the EU".
	{typ: diplograph.Accession, code: typeCoding[diplograph.Accession],
		past: []string{"became"}, pres: []string{"becomes"}, base: []string{"become"},
		objects: []string{"member", "members"}, window: 5},
	{typ: diplograph.Agreement, code: coding{"AGREE", "", "03"}, past: []string{"agreed in principle",
		"reached a consensus", "reached consensus", "reached agreement", "reached a deal"}},

	// SUPPORT (CAMEO 05): praise, endorse, defend, apologize, forgive.
	{typ: diplograph.Statement, code: coding{"SUPPORT", "", "05"},
		past: []string{"praised", "lauded", "hailed", "commended", "applauded", "endorsed", "welcomed", "defended",
			"apologized", "apologised", "forgave", "expressed support", "voiced support", "expressed solidarity",
			"reaffirmed support", "reaffirmed its support", "expressed its support", "backed", "supported",
			"congratulated", "thanked", "expressed gratitude", "paid tribute"},
		pres: []string{"praises", "lauds", "hails", "commends", "applauds", "endorses", "welcomes", "defends",
			"apologizes", "apologises", "forgives", "backs", "supports", "congratulates", "thanks"},
		base: []string{"forgive", "apologize", "apologise", "endorse"},
		noun: []string{"praise", "apology", "endorsement", "support for", "solidarity with", "congratulations"}},
	// Comments of sympathy, appreciation or responsibility (CAMEO 013,
	// 015, 018): statements, which PLOVER does not code.
	{typ: diplograph.Statement, code: coding{"", "", "01"},
		past: []string{"expressed sorrow", "expressed condolences", "offered condolences", "expressed regret",
			"expressed appreciation", "expressed sympathy", "claimed responsibility"},
		ing:  []string{"claiming responsibility", "expressing sorrow", "expressing condolences"},
		pres: []string{"claims responsibility"}},
	// Signing or ratifying a formal agreement (CAMEO 057).
	{typ: diplograph.Agreement, code: coding{"SUPPORT", "", "05"},
		past: []string{"signed", "ratified", "initialed", "initialled", "concluded an agreement", "concluded a treaty"},
		base: []string{"sign", "ratify"}, noun: []string{"signing", "ratification"}},
	// Establishing, restoring or upgrading relations; recognition (CAMEO 050, 054).
	{typ: diplograph.EstablishRelations, code: coding{"SUPPORT", "diplomatic", "05"},
		past: []string{"established diplomatic relations", "normalized relations", "normalised relations",
			"restored diplomatic relations", "restored diplomatic ties", "established diplomatic ties",
			"established ties", "restored ties", "restored relations", "resumed diplomatic relations",
			"resumed diplomatic ties", "renewed diplomatic ties", "renewed diplomatic relations",
			"upgraded diplomatic ties", "upgraded diplomatic relations", "upgraded their diplomatic ties",
			"upgraded ties", "upgraded relations", "normalized ties", "normalised ties", "recognized the independence",
			"recognised the independence", "granted diplomatic recognition", "opened an embassy"},
		base: []string{"establish diplomatic relations", "establish diplomatic ties", "restore diplomatic ties",
			"restore diplomatic relations", "restore full diplomatic ties", "restore full diplomatic relations",
			"normalize relations", "normalise relations", "normalize ties", "resume diplomatic ties",
			"resume diplomatic relations", "upgrade ties", "upgrade relations", "open an embassy"},
		noun: []string{"normalization of relations", "normalisation of relations", "resumption of diplomatic ties",
			"resumption of diplomatic relations", "resumption of formal diplomatic ties", "diplomatic recognition",
			"restoration of diplomatic ties", "restoration of diplomatic relations"}},

	// CONSULT (CAMEO 04): telephone, mediate, negotiate, host.
	{typ: diplograph.Meeting, code: coding{"CONSULT", "phone", "04"},
		past: []string{"telephoned", "phoned", "spoke by phone with", "held a telephone conversation",
			"held a phone conversation"},
		noun: []string{"telephone conversation", "telephone talks", "phone talks"}},
	{typ: diplograph.Meeting, code: coding{"CONSULT", "", "04"},
		past: []string{"mediated", "negotiated", "consulted", "conferred", "held consultations", "held discussions",
			"sat down with"},
		pres: []string{"mediates", "negotiates", "consults"},
		ing:  []string{"mediating", "negotiating"},
		base: []string{"mediate", "negotiate", "consult", "confer"},
		noun: []string{"mediation", "mediation effort", "mediation efforts", "mediation mission", "peace talks",
			"negotiation"}},
	{typ: diplograph.Meeting, code: coding{"CONSULT", "host", "04"},
		noun: []string{"warm welcome", "red-carpet welcome", "red carpet welcome"}},

	// COOPERATE (CAMEO 06): material, military, judicial, intelligence.
	{typ: diplograph.Cooperation, code: coding{"COOPERATE", "", "06"},
		past: []string{"cooperated", "co-operated", "collaborated", "extradited", "handed over"},
		pres: []string{"cooperates", "collaborates", "extradites"},
		ing:  []string{"cooperating", "collaborating"},
		base: []string{"cooperate", "co-operate", "collaborate", "extradite"},
		noun: []string{"extradition", "joint exercises", "joint military exercises", "joint drills", "joint patrols",
			"joint naval exercises", "war games", "joint venture", "joint project"}},
	{typ: diplograph.Cooperation, code: coding{"COOPERATE", "intelligence", "06"},
		past: []string{"shared", "exchanged"}, pres: []string{"shares"}, ing: []string{"sharing", "exchanging"},
		base: []string{"share", "exchange"}, objects: shareObjects, window: 4},

	// AID (CAMEO 07): provide economic, military or humanitarian aid.
	{typ: diplograph.Cooperation, code: coding{"AID", "", "07"},
		past: []string{"provided", "gave", "delivered", "donated", "granted", "supplied", "airlifted", "contributed",
			"sent"},
		pres:    []string{"provides", "gives", "delivers", "donates", "grants", "supplies"},
		ing:     []string{"providing", "giving", "delivering", "donating", "supplying"},
		base:    []string{"provide", "give", "deliver", "donate", "supply", "contribute"},
		objects: aidObjects, window: 8},
	{typ: diplograph.Cooperation, code: coding{"AID", "", "07"},
		noun: []string{"humanitarian aid", "military aid", "economic aid", "food aid", "financial aid",
			"financial assistance", "military assistance", "economic assistance", "humanitarian assistance",
			"aid package", "donation", "donations"}},

	// Withdrawing peacekeepers, inspectors or monitors reduces relations
	// (CAMEO 166), unlike a military retreat.
	{typ: diplograph.MilitaryActivity, code: coding{"SANCTION", "", "16"},
		past: []string{"withdrew", "pulled out", "evacuated", "recalled"},
		pres: []string{"withdraws"}, ing: []string{"withdrawing"}, base: []string{"withdraw", "pull out", "recall"},
		objects: missionObjects, window: 4},
	// The same in the passive, the people named before the verb.
	{typ: diplograph.MilitaryActivity, code: coding{"SANCTION", "", "16"},
		part: []string{"were withdrawn", "was withdrawn", "were pulled out", "were shipped out",
			"were evacuated", "have been withdrawn", "were recalled"},
		objects: missionObjects, window: 4, before: true},
	{typ: diplograph.MilitaryActivity, code: coding{"RETREAT", "withdraw", "08"},
		part:    []string{"were withdrawn", "was withdrawn", "were pulled out", "were pulled back", "have been withdrawn"},
		objects: withdrawObjects, window: 4, before: true},
	// Forcing an agency or envoy out of the country (CAMEO 166).
	{typ: diplograph.Expulsion, code: coding{"SANCTION", "diplomatic", "16"},
		past: []string{"forced", "ordered"}, objects: []string{"out", "leave"}, window: 6},

	// RETREAT and CONCEDE (CAMEO 08): yield, release, ease, withdraw.
	{typ: diplograph.Cooperation, code: coding{"RETREAT", "release", "08"},
		past: []string{"released", "freed", "returned", "handed back"}, pres: []string{"releases", "frees"},
		base: []string{"release", "free"}, objects: releaseObjects, window: 5},
	{typ: diplograph.Cooperation, code: coding{"RETREAT", "ease", "08"},
		past: []string{"lifted", "eased", "relaxed", "suspended", "rescinded", "ended"},
		pres: []string{"lifts", "eases", "relaxes"}, base: []string{"lift", "ease", "relax"},
		objects: easeObjects, window: 4},
	{typ: diplograph.MilitaryActivity, code: coding{"RETREAT", "withdraw", "08"},
		past: []string{"withdrew", "pulled out", "pulled back", "evacuated", "demobilized", "disarmed"},
		pres: []string{"withdraws"}, ing: []string{"withdrawing"}, base: []string{"withdraw", "pull out"},
		objects: withdrawObjects, window: 4},
	{typ: diplograph.Agreement, code: coding{"RETREAT", "ceasefire", "08"},
		past: []string{"declared a ceasefire", "declared a truce", "announced a ceasefire", "announced a truce"}},
	{typ: diplograph.Proposal, code: coding{"CONCEDE", "", "08"},
		past: []string{"conceded", "yielded", "backed down", "relented", "gave in", "made concessions"},
		noun: []string{"concessions", "concession"}},

	// ACCUSE (CAMEO 11): complaints and official protests (114).
	{typ: diplograph.Protest, code: coding{"ACCUSE", "", "11"},
		past: []string{"protested", "lodged a protest", "lodged an official protest", "lodged a formal protest",
			"summoned", "complained", "lodged a complaint", "filed a complaint"},
		pres: []string{"complains"},
		noun: []string{"diplomatic protest", "formal protest", "official protest", "complaint", "note of protest"}},
	{typ: diplograph.Accusation, code: coding{"ACCUSE", "", "11"},
		past: []string{"charged", "chided", "rebuked", "reprimanded", "deplored", "slammed", "lambasted", "censured",
			"faulted", "castigated", "decried", "assailed", "presented evidence against"},
		pres: []string{"charges", "deplores", "slams"}, ing: []string{"accusing", "criticizing",
			"criticising", "condemning", "charging", "blaming"}},
	{typ: diplograph.LegalAction, code: coding{"ACCUSE", "legal", "11"},
		past: []string{"sued", "indicted", "convicted", "filed suit", "filed a lawsuit"},
		ing:  []string{"suing"}, noun: []string{"lawsuit", "indictment"}},

	// Addressing a body is a speech to it ("to address the Conference on
	// Disarmament", "addressed the UN General Assembly"); addressing a
	// problem is not. "Addressing a ceremony, Orban said" is the speech the
	// "said" gives, so the participle is no trigger.
	{typ: diplograph.Statement, code: coding{"", "", "01"},
		past: []string{"addressed"}, pres: []string{"addresses"}, base: []string{"address"},
		objects: []string{}, window: 3},

	// Asking someone to visit invites them: "is planning to ask Trump to
	// visit Japan" is an invitation, and the visit is one proposed.
	{typ: diplograph.Invitation, code: coding{"REQUEST", "", "02"},
		past: []string{"asked"}, pres: []string{"asks"}, ing: []string{"asking"}, base: []string{"ask"},
		objects: []string{"visit"}, window: 8, embeds: true},

	// REQUEST (CAMEO 02): appeals and calls on another to act, PROPOSAL
	// events as "urged" and "called for" are.
	{typ: diplograph.Proposal, code: coding{"REQUEST", "", "02"},
		past: []string{"called on", "called upon", "appealed to", "appealed for", "pleaded with", "asked for"},
		pres: []string{"calls on", "calls upon", "appeals to", "appeals for", "urges", "asks for"},
		ing:  []string{"calling on", "calling upon", "calling for", "urging", "appealing to", "appealing for"},
		base: []string{"call on", "call upon", "urge", "appeal to"},
		noun: []string{"call for", "calls for"}},
	// "Asked" is a request when someone is asked to act ("asked Japan to
	// reconsider"), not when a question is asked.
	{typ: diplograph.Proposal, code: coding{"REQUEST", "", "02"},
		past: []string{"asked"}, pres: []string{"asks"}, ing: []string{"asking"}, objects: []string{"to"}, window: 5,
		direct: true},
	// Wanting another to act is asking it to ("wants Japan to pay more");
	// wanting to act oneself is an intent, not a request.
	{typ: diplograph.Proposal, code: coding{"REQUEST", "", "02"},
		past: []string{"wanted"}, pres: []string{"wants", "want"}, objects: []string{"to"}, window: 5,
		direct: true, named: true},

	// DEMAND (CAMEO 10).
	{typ: diplograph.Demand, code: coding{"DEMAND", "", "10"},
		ing: []string{"demanding", "insisting", "pressuring", "pressing for", "pushing for", "pushing hard for",
			"pressing hard for"},
		past: []string{"insisted", "ordered", "pressed", "pressured", "pressed for", "pushed for", "pushed hard for"},
		pres: []string{"insists", "pressures", "pushes for", "presses for"}},
	// An ultimatum is a threat (CAMEO 139), though a DEMAND event.
	{typ: diplograph.Demand, code: coding{"THREATEN", "", "13"},
		noun: []string{"ultimatum", "ultimatums"}, past: []string{"issued an ultimatum"}},

	// THREATEN (CAMEO 13).
	{typ: diplograph.Threat, code: coding{"THREATEN", "", "13"},
		past: []string{"vowed to retaliate", "vowed revenge", "vowed to fight", "swore to fight", "sworn to fight",
			"vowed to punish"},
		ing: []string{"threatening", "warning"}, base: []string{"threaten", "will retaliate", "would retaliate",
			"will boycott", "would boycott"},
		noun: []string{"issued a warning"}},

	// REJECT (CAMEO 12).
	{typ: diplograph.Rejection, code: coding{"REJECT", "", "12"},
		past: []string{"declined to", "failed to reach agreement", "failed to reach an agreement",
			"failed to reach a deal", "failed to agree", "ruled out", "vetoed", "rebuffed", "spurned", "turned down", "reneged", "defied", "opposed",
			"repudiated", "snubbed", "boycotted", "balked"},
		pres: []string{"opposes", "vetoes", "rebuffs", "defies"},
		ing:  []string{"rejecting", "opposing", "defying"},
		base: []string{"will not allow", "would not allow", "will not accept", "would not accept", "will not meet",
			"would not meet", "will not provide", "would not provide", "will not give", "would not give",
			"will not negotiate", "would not negotiate", "will not release", "would not release",
			"will not recognize", "would not recognize", "will not tolerate"},
		noun: []string{"rejection", "refusal", "veto", "out of the question"}},
	{typ: diplograph.Rejection, code: coding{"REJECT", "", "12"},
		past: []string{"declined"}, pres: []string{"declines"}, objects: acceptObjects, window: 3},

	// SANCTION (CAMEO 16): reduce or stop relations, aid, talks.
	{typ: diplograph.Sanction, code: coding{"SANCTION", "", "16"},
		past: []string{"suspended", "halted", "cut off", "froze", "reduced", "curtailed", "ended", "cut",
			"broke off", "downgraded", "stopped", "withheld", "prohibited", "scaled back", "terminated"},
		pres: []string{"suspends", "halts", "freezes", "cuts", "reduces", "stops", "ends"},
		ing:  []string{"suspending", "halting", "cutting", "reducing", "freezing", "stopping", "ending"},
		noun: []string{"suspension", "freeze", "halt"},
		base: []string{"suspend", "halt", "freeze", "cut", "cut off", "reduce", "stop", "end", "withhold",
			"prohibit", "scale back"},
		objects: cutObjects, window: 6},
	{typ: diplograph.Sanction, code: coding{"SANCTION", "", "16"},
		past: []string{"imposed"}, pres: []string{"imposes"}, ing: []string{"imposing"}, base: []string{"impose"},
		objects: sanctionObjects, window: 4},
	{typ: diplograph.Sanction, code: coding{"SANCTION", "", "16"},
		past: []string{"imposed an embargo", "imposed restrictions", "imposed a ban", "denied entry", "blacklisted",
			"advised against travel", "warned against travel", "denied visas", "refused entry", "banned entry"},
		pres: []string{"advises against travel"},
		base: []string{"deny entry", "refuse entry", "ban entry", "deny visas"},
		noun: []string{"travel ban", "travel bans", "bans on travel", "ban on travel", "asset freeze",
			"asset freezes", "freezes on assets", "entry ban", "entry bans", "visa ban", "visa bans"}},
	// Curfews, martial law, states of emergency (CAMEO 172).
	{typ: diplograph.Sanction, code: coding{"COERCE", "", "17"},
		past: []string{"imposed", "declared", "extended", "reimposed"},
		pres: []string{"imposes", "declares", "extends"}, ing: []string{"imposing", "declaring", "extending"},
		base:    []string{"impose", "declare", "extend", "reimpose"},
		objects: coerceObjects, window: 6},

	// MOBILIZE (CAMEO 15): alert, mobilize, reinforce.
	{typ: diplograph.MilitaryActivity, code: coding{"MOBILIZE", "", "15"},
		past: []string{"mobilized", "mobilised", "reinforced", "strengthened", "massed", "beefed up", "stationed",
			"called up", "bolstered"},
		base: []string{"mobilize", "mobilise", "reinforce"}, ing: []string{"mobilizing", "mobilising", "massing"},
		objects: mobilizeObjects, window: 4},
	{typ: diplograph.MilitaryActivity, code: coding{"MOBILIZE", "", "15"},
		noun: []string{"on high alert", "on full alert", "on maximum alert", "on heightened alert",
			"on red alert", "on combat alert",
			"military buildup", "military build-up", "troop buildup", "troop build-up", "mobilization",
			"mobilisation", "show of force", "war footing"},
		past: []string{"put on alert", "placed on alert", "went on alert", "raised its alert"}},

	// Plain "on alert" or "on standby" mobilizes only forces: "Tokyo
	// remains on alert" is vigilance.
	{typ: diplograph.MilitaryActivity, code: coding{"MOBILIZE", "", "15"},
		noun: []string{"on alert", "on standby"}, objects: mobilizeObjects, window: 3, before: true},

	// COERCE (CAMEO 17, 191): blockades, incursions, ramming.
	{typ: diplograph.MilitaryActivity, code: coding{"COERCE", "", "17"},
		noun: []string{"blockade", "incursion", "incursions", "naval blockade"},
		past: []string{"blockaded"}},
	{typ: diplograph.Incident, code: coding{"COERCE", "", "17"},
		noun: []string{"water cannon", "collision"}, past: []string{"collided", "rammed"}},
	// Entering or violating another's airspace or waters is an incursion
	// ("a helicopter entered Estonian airspace").
	{typ: diplograph.MilitaryActivity, code: coding{"COERCE", "", "17"},
		past: []string{"entered", "violated", "intruded into"}, pres: []string{"enters", "violates"},
		ing: []string{"entering", "violating"}, objects: airspaceObjects, window: 3},
}

// allTriggers returns every trigger: the words at their type's default
// coding, then the families, whose phrases take precedence.
func allTriggers() []trigger {
	var out []trigger
	seen := map[string]bool{}
	for _, f := range families {
		for _, l := range []struct {
			form  verbForm
			words []string
		}{{vPast, f.past}, {vPres, f.pres}, {vBase, f.base}, {vIng, f.ing}, {vPart, f.part}, {noun, f.noun}} {
			for _, w := range l.words {
				key := w + "|" + string(f.typ) + "|" + f.code.plover
				if seen[w] && f.objects == nil {
					// A phrase in two families: only the first without
					// an object condition applies.
					continue
				}
				if seen[key] {
					continue
				}
				seen[key] = true
				if f.objects == nil {
					seen[w] = true
				}
				out = append(out, trigger{phrase: w, typ: f.typ, form: l.form, code: f.code, objects: f.objects, window: f.window,
					before: f.before, direct: f.direct, named: f.named, embeds: f.embeds})
			}
		}
	}
	for _, t := range triggerWords {
		if seen[t.phrase] {
			continue
		}
		tr := trigger{phrase: t.phrase, typ: t.typ, form: t.form, code: typeCoding[t.typ]}
		if objs, ok := needsObject[t.phrase]; ok {
			tr.objects, tr.window = objs, 4
			if objs == nil {
				tr.objects = []string{}
			}
		}
		out = append(out, tr)
	}
	return out
}

// trigger is one phrase that names an event, with its coding and the
// object it needs, if any.
type trigger struct {
	phrase string
	typ    diplograph.EventType
	form   verbForm
	code   coding
	// objects: nil needs none; empty needs an organization or treaty.
	objects []string
	window  int
	before  bool // the object precedes the phrase
	direct  bool // the object follows the phrase or one name right after it
	named   bool // with direct: only after the name
	embeds  bool // the object is an event of its own
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
	{phrase: "is due to", status: diplograph.Planned}, {phrase: "are due to", status: diplograph.Planned},
	{phrase: "was due to", status: diplograph.Planned}, {phrase: "were due to", status: diplograph.Planned},
	{phrase: "to be held", status: diplograph.Planned, after: true}, {phrase: "is scheduled", status: diplograph.Planned, after: true},
	{phrase: "will be held", status: diplograph.Planned, after: true}, {phrase: "will take place", status: diplograph.Planned, after: true},
	{phrase: "next", status: diplograph.Planned}, {phrase: "intends to", status: diplograph.Planned},
	{phrase: "going to", status: diplograph.Planned}, {phrase: "preparing to", status: diplograph.Planned},
	{phrase: "would", status: diplograph.Expected}, {phrase: "will", status: diplograph.Planned, after: true},
	{phrase: "was expected", status: diplograph.Expected, after: true},
	{phrase: "expected to", status: diplograph.Expected}, {phrase: "is expected", status: diplograph.Expected, after: true},
	{phrase: "are expected", status: diplograph.Expected, after: true}, {phrase: "likely to", status: diplograph.Expected},
	{phrase: "poised to", status: diplograph.Expected}, {phrase: "expected", status: diplograph.Expected},
	// A party's own hope proposes the event; it does not schedule it.
	{phrase: "hopes to", status: diplograph.Proposed}, {phrase: "hoped to", status: diplograph.Proposed},
	{phrase: "hope to", status: diplograph.Proposed}, {phrase: "hoping to", status: diplograph.Proposed},
	{phrase: "wants to", status: diplograph.Proposed}, {phrase: "want to", status: diplograph.Proposed},
	{phrase: "wanted to", status: diplograph.Proposed}, {phrase: "aspires to", status: diplograph.Proposed},
	{phrase: "aspiring to", status: diplograph.Proposed},
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
// offerVerbs embed what is offered only through "to": "offered yesterday to
// host talks", not "offered the invitation" or "offered membership at a
// summit".
var offerVerbs = map[string]bool{"offer": true, "offered": true, "offers": true, "offering": true}

var requestVerbs = map[string]bool{
	"ask": true, "asks": true, "asked": true, "asking": true, "invite": true, "invited": true, "invites": true,
	"inviting": true, "urge": true, "urged": true, "urges": true, "urging": true, "propose": true, "proposed": true,
	"proposes": true, "proposing": true, "request": true, "requested": true, "suggest": true, "suggested": true,
}

// pastCues and futureCues decide the tense of a clause for resolving dates.
var futureCues = map[string]bool{
	"will": true, "'ll": true, "shall": true, "expected": true, "planned": true, "plans": true, "planning": true,
	"scheduled": true, "upcoming": true, "next": true, "hopes": true, "hoped": true, "hoping": true, "intends": true, "would": true, "aims": true,
	"set": true, "slated": true, "due": true, "later": true, "coming": true, "tomorrow": true,
	"could": true, "might": true, "may": true, "should": true, "plan": true, "expects": true, "expect": true,
}

var pastCues = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "told": true, "said": true, "took": true, "met": true,
	"held": true, "signed": true, "visited": true, "agreed": true, "announced": true, "last": true, "ago": true,
	"yesterday": true, "earlier": true, "called": true, "sworn": true, "made": true, "went": true, "came": true,
	"spoke": true, "began": true, "ended": true, "arrived": true, "returned": true, "left": true, "protested": true,
	"became": true, "won": true, "lost": true, "withdrew": true, "sought": true, "fought": true, "led": true,
	"summoned": true, "accused": true, "rejected": true, "denied": true, "warned": true, "urged": true,
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
	"defense secretary": "Defense Secretary", "defence secretary": "Defence Secretary", "secretary of defense": "Secretary of Defense",
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
	"high representative": "High Representative",
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
