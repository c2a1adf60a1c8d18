package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
)

// TestVerbFamilies checks that each verb family yields an event of its
// type, coded with its PLOVER category and CAMEO root, between the right
// parties.
func TestVerbFamilies(t *testing.T) {
	tests := []struct {
		text      string
		typ       diplograph.EventType
		plover    string
		cameo     string
		initiator string // entity id, "" to skip
		target    string
	}{
		// AGREE: offers, pledges, promises, stated willingness.
		{"Norway pledged to rebuild schools in Kenya.", diplograph.Proposal, "AGREE", "03", "Q20", ""},
		{"Chile offered Peru a new fishing accord.", diplograph.Proposal, "AGREE", "03", "Q298", "Q419"},
		{"Mexico says it is willing to resume talks with Cuba.", diplograph.Proposal, "AGREE", "03", "Q96", ""},
		{"Canada will provide emergency funds to Haiti.", diplograph.Proposal, "AGREE", "03", "Q16", "Q790"},
		{"Egypt would allow aid convoys into Sudan.", diplograph.Proposal, "AGREE", "03", "Q79", ""},
		// Requests stay REQUEST.
		{"Ghana urged Togo to reopen the border.", diplograph.Proposal, "REQUEST", "02", "Q117", "Q945"},
		{"Ghana called on Togo to reopen the border.", diplograph.Proposal, "REQUEST", "02", "Q117", "Q945"},
		{"Ghana asked Togo to reopen the border.", diplograph.Proposal, "REQUEST", "02", "Q117", "Q945"},
		{"Ghana is appealing to Togo for calm.", diplograph.Proposal, "REQUEST", "02", "Q117", "Q945"},
		{"Ghana urges Togo to reopen the border.", diplograph.Proposal, "REQUEST", "02", "Q117", "Q945"},
		{"Ghana wants Togo to reopen the border.", diplograph.Proposal, "REQUEST", "02", "Q117", "Q945"},
		// SUPPORT: praise, defence, apology, signing, recognition.
		{"Brazil praised Argentina for its handling of the crisis.", diplograph.Statement, "SUPPORT", "05", "Q155", "Q414"},
		{"Sweden defended Finland against the criticism.", diplograph.Statement, "SUPPORT", "05", "Q34", "Q33"},
		{"Portugal apologized to Angola for the delay.", diplograph.Statement, "SUPPORT", "05", "Q45", "Q916"},
		{"Kenya and Uganda signed a trade pact on Monday.", diplograph.Agreement, "SUPPORT", "05", "", ""},
		{"Oman established diplomatic relations with Fiji in 1980.", diplograph.EstablishRelations, "SUPPORT", "05", "Q842", "Q712"},
		// CONSULT: telephone, mediation.
		{"Spain telephoned Morocco about the migrants.", diplograph.Meeting, "CONSULT", "04", "", ""},
		{"Qatar launched a mediation effort between Chad and Sudan.", diplograph.Meeting, "CONSULT", "04", "", ""},
		// COOPERATE and AID.
		{"Thailand extradited two suspects to Malaysia.", diplograph.Cooperation, "COOPERATE", "06", "Q869", "Q833"},
		{"Italy shared intelligence with Tunisia on the smugglers.", diplograph.Cooperation, "COOPERATE", "06", "Q38", "Q948"},
		{"Japan provided food aid to Nepal last year.", diplograph.Cooperation, "AID", "07", "Q17", "Q837"},
		// RETREAT: release, ease.
		{"Iran released ten prisoners to Iraq.", diplograph.Cooperation, "RETREAT", "08", "Q794", ""},
		{"Norway lifted sanctions on Belarus.", diplograph.Cooperation, "RETREAT", "08", "Q20", ""},
		// ACCUSE: complaints and diplomatic protests.
		{"Peru complained to Chile about the fishing boats.", diplograph.Protest, "ACCUSE", "11", "Q419", "Q298"},
		{"Greece summoned Turkey's ambassador.", diplograph.Protest, "ACCUSE", "11", "Q41", ""},
		// THREATEN, including ultimatums; DEMAND.
		{"Serbia issued an ultimatum to Kosovo.", diplograph.Demand, "THREATEN", "13", "Q403", "Q1246"},
		{"Ethiopia vowed to retaliate against Eritrea.", diplograph.Threat, "THREATEN", "13", "Q115", "Q986"},
		{"Poland is demanding compensation from Germany.", diplograph.Demand, "DEMAND", "10", "Q36", "Q183"},
		// REJECT.
		{"Russia vetoed a resolution on Syria.", diplograph.Rejection, "REJECT", "12", "Q159", ""},
		{"Cuba said it will not accept the terms.", diplograph.Rejection, "REJECT", "12", "", ""},
		// SANCTION: cut aid, ties, talks.
		{"Denmark suspended aid to Tanzania.", diplograph.Sanction, "SANCTION", "16", "Q35", "Q924"},
		// MOBILIZE and COERCE.
		{"Armenia mobilized reservists near Azerbaijan.", diplograph.MilitaryActivity, "MOBILIZE", "15", "Q399", ""},
		{"India put troops on high alert along the border.", diplograph.MilitaryActivity, "MOBILIZE", "15", "", ""},
		{"Israel imposed a naval blockade on Gaza.", diplograph.MilitaryActivity, "COERCE", "17", "", ""},
		// A passive with its agent: the agent acts.
		{"Austria was criticized by Hungary over the vote.", diplograph.Accusation, "ACCUSE", "11", "Q28", "Q40"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			x := extractText(t, "2025-02-04", tt.text)
			var got []string
			for _, e := range x.Events {
				got = append(got, fmt.Sprintf("%s/%s/%s %v", e.Type, e.Plover, e.Cameo, e.Participants))
				if e.Type != tt.typ || e.Plover != tt.plover || e.Cameo != tt.cameo {
					continue
				}
				if tt.initiator != "" && !slicesHas(e.Participants, tt.initiator, diplograph.RoleInitiator) {
					t.Errorf("initiator %s not in %v", tt.initiator, e.Participants)
				}
				if tt.target != "" && !slicesHas(e.Participants, tt.target, diplograph.RoleTarget) {
					t.Errorf("target %s not in %v", tt.target, e.Participants)
				}
				return
			}
			t.Errorf("no %s/%s/%s event; got %s", tt.typ, tt.plover, tt.cameo, strings.Join(got, "; "))
		})
	}
}

// TestNotAnEvent checks sentences where a family word names no event.
func TestNotAnEvent(t *testing.T) {
	tests := []struct {
		text string
		not  string // PLOVER category that must not appear
	}{
		// What is demanded has not happened.
		{"Vietnam demanded that China release the fishermen.", "RETREAT"},
		// An adjective, not a court's ruling.
		{"Lai of the ruling party won the vote.", "ACCUSE"},
		// Nobody known is willing.
		{"The fighter jets were ready to respond, Estonia said.", "AGREE"},
		// Giving without aid given.
		{"Denmark gave a speech about Kenya.", "AID"},
		// A question asked is no request.
		{"Reporters asked Sanchez about the visit to Morocco.", "REQUEST"},
		// Wanting to act oneself is no request.
		{"Ghana wants to reopen the border with Togo.", "REQUEST"},
		// An appeal nobody known makes.
		{"They issued a statement calling for a bigger role for the World Bank.", "REQUEST"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			for _, e := range extractText(t, "2025-02-04", tt.text).Events {
				if e.Plover == tt.not {
					t.Errorf("got %s event %s", tt.not, e.Summary)
				}
			}
		})
	}
}

// TestOfferAndRequestAreTwoEvents: the same parties' offer and request
// in one article are two events with two ids.
func TestOfferAndRequestAreTwoEvents(t *testing.T) {
	x := extractText(t, "2025-02-04", "Chile offered Peru a new fishing accord. Chile urged Peru to sign it.")
	ids := map[string]string{}
	for _, e := range x.Events {
		if e.Type == diplograph.Proposal {
			ids[e.Plover] = e.ID
		}
	}
	if ids["AGREE"] == "" || ids["REQUEST"] == "" || ids["AGREE"] == ids["REQUEST"] {
		t.Errorf("proposal ids by category %v", ids)
	}
}

// TestAnswerIsAboutAnEarlierEvent: what a rejection or a welcome answers
// ("the proposal") is the event named before, not a new one, and the
// answer takes the sentence's date.
func TestAnswerIsAboutAnEarlierEvent(t *testing.T) {
	tests := []struct {
		text   string
		answer diplograph.EventType
	}{
		{"Bolivia proposed talks on a port. Chile rejected the proposal on Tuesday.", diplograph.Rejection},
		{"Oslo invited both sides to talks. Colombia welcomed the invitation on Tuesday.", diplograph.Statement},
	}
	for _, tc := range tests {
		x := extractText(t, "2025-02-06", tc.text)
		var answers, nouns int
		for _, e := range x.Events {
			for _, ev := range e.Evidence {
				if !strings.Contains(ev.Sentence, "Tuesday") {
					continue
				}
				switch {
				case e.Type == tc.answer:
					answers++
					if e.Start != "2025-02-04" {
						t.Errorf("%q: the answer is dated %q, want 2025-02-04", tc.text, e.Start)
					}
				default:
					nouns++
					t.Errorf("%q: %s %q is a new event", tc.text, e.Type, e.Summary)
				}
			}
		}
		if answers != 1 {
			t.Errorf("%q: %d answers, want 1 (events %d)", tc.text, answers, len(x.Events))
		}
	}
}

// TestTriggerFamiliesWellFormed: every family phrase is lower case, codes
// a known PLOVER category with a two-digit CAMEO root, and no phrase is
// listed twice for one type without an object to tell them apart.
func TestTriggerFamiliesWellFormed(t *testing.T) {
	plover := map[string]bool{"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true,
		"AID": true, "RETREAT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true, "THREATEN": true,
		"PROTEST": true, "SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true, "DEMAND": true}
	for typ, c := range typeCoding {
		if !typ.Valid() || c.plover != "" && !plover[c.plover] || len(c.cameo) != 2 {
			t.Errorf("type %s coded %+v", typ, c)
		}
	}
	seen := map[string]bool{}
	for _, f := range families {
		// Statements of feeling keep the statement root, uncoded by PLOVER.
		uncoded := f.typ == diplograph.Statement && f.code.plover == ""
		if !f.typ.Valid() || !plover[f.code.plover] && !uncoded || len(f.code.cameo) != 2 || (f.objects != nil) != (f.window > 0) {
			t.Errorf("family %s %+v malformed", f.typ, f.code)
		}
		for _, words := range [][]string{f.past, f.pres, f.base, f.ing, f.part, f.noun} {
			for _, w := range words {
				if w != strings.ToLower(w) || strings.TrimSpace(w) != w {
					t.Errorf("phrase %q not lower case and trimmed", w)
				}
				key := w + "|" + string(f.typ) + "|" + f.code.plover
				if seen[key] && f.objects == nil {
					t.Errorf("phrase %q listed twice for %s", w, f.typ)
				}
				seen[key] = true
			}
		}
	}
}

func slicesHas(ps []diplograph.Participant, id string, r diplograph.Role) bool {
	for _, p := range ps {
		if p.Entity == id && p.Role == r {
			return true
		}
	}
	return false
}

// wantEvent is an event a sentence must or must not yield: its type,
// PLOVER category, CAMEO root and status where set, with parties named.
type wantEvent struct {
	typ       diplograph.EventType
	plover    string
	cameo     string
	status    diplograph.EventStatus
	initiator string // entity name, "" to skip
	target    string
	parties   []string // names that must take part in any role
}

// matchEvent reports whether e is w, by the extraction's entity names.
func matchEvent(x *diplograph.Extraction, e diplograph.Event, w wantEvent) bool {
	names := map[string]string{}
	for _, ent := range x.Entities {
		names[ent.Name] = ent.ID
	}
	if w.typ != "" && e.Type != w.typ || w.plover != "" && e.Plover != w.plover || w.cameo != "" && e.Cameo != w.cameo ||
		w.status != "" && e.Status != w.status {
		return false
	}
	if w.initiator != "" && !slicesHas(e.Participants, names[w.initiator], diplograph.RoleInitiator) {
		return false
	}
	if w.target != "" && !slicesHas(e.Participants, names[w.target], diplograph.RoleTarget) {
		return false
	}
	for _, p := range w.parties {
		if !isParticipant(e.Participants, names[p]) {
			return false
		}
	}
	return true
}

func describe(x *diplograph.Extraction) string {
	var got []string
	for _, e := range x.Events {
		got = append(got, fmt.Sprintf("%s/%s/%s/%s %q %v", e.Type, e.Status, e.Plover, e.Cameo, e.Summary, e.Participants))
	}
	return strings.Join(got, "; ")
}

// TestCodingRules checks the rules that code an event by its modality and
// its parties: announced or conditional coercion is a threat, an intended
// meeting an agreement to meet, a called-off visit a sanction; demands
// with "must" after any reporting word; what is cut, demanded or aimed at
// is no event; a reported attack is an accusation.
func TestCodingRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantEvent
		not  []wantEvent
	}{
		// THREATEN: coercion announced, intended or conditional.
		{"conditional withdrawal", "Kenya said on Monday it will pull out its monitors from Somalia unless the shelling ends.",
			[]wantEvent{{typ: diplograph.Threat, plover: "THREATEN", cameo: "13", status: diplograph.Occurred, initiator: "Kenya"}},
			[]wantEvent{{plover: "SANCTION"}, {plover: "RETREAT"}}},
		{"conditional halt", "Denmark may halt aid to Tanzania if the vote is rigged.",
			[]wantEvent{{typ: diplograph.Threat, plover: "THREATEN", initiator: "Denmark", target: "Tanzania"}},
			[]wantEvent{{plover: "SANCTION"}}},
		{"reported blockade", "Egypt said it would blockade Gaza from Monday.",
			[]wantEvent{{typ: diplograph.Threat, plover: "THREATEN", initiator: "Egypt"}},
			[]wantEvent{{plover: "COERCE"}}},
		{"readiness to coerce", "Thailand says it stands ready to declare a state of emergency.",
			[]wantEvent{{typ: diplograph.Threat, plover: "THREATEN", initiator: "Thailand"}},
			[]wantEvent{{plover: "AGREE"}}},
		{"threatened sanctions are one threat", "Russia threatened to impose sanctions on Georgia.",
			[]wantEvent{{typ: diplograph.Threat, plover: "THREATEN", initiator: "Russia", target: "Georgia"}},
			[]wantEvent{{plover: "SANCTION"}}},
		{"planned restrictions", "Austria plans to impose tariffs on steel from Serbia.",
			[]wantEvent{{typ: diplograph.Threat, plover: "THREATEN", initiator: "Austria"}}, nil},
		{"a sanction done is no threat", "Norway suspended aid to Kenya on Monday.",
			[]wantEvent{{typ: diplograph.Sanction, plover: "SANCTION", initiator: "Norway"}},
			[]wantEvent{{plover: "THREATEN"}}},
		{"a forecast is no threat", "Chile is expected to cut ties with Peru.",
			nil, []wantEvent{{plover: "THREATEN"}}},
		{"an intended retreat is an offer", "Israel will withdraw its troops from Lebanon.",
			[]wantEvent{{typ: diplograph.Proposal, plover: "AGREE", cameo: "03", initiator: "Israel"}},
			[]wantEvent{{plover: "THREATEN"}, {plover: "RETREAT"}}},

		// SANCTION and RETREAT.
		{"withdrawn peacekeepers", "Norway withdrew its peacekeepers from Lebanon.",
			[]wantEvent{{plover: "SANCTION", cameo: "16", initiator: "Norway"}}, []wantEvent{{plover: "RETREAT"}}},
		{"withdrawn troops", "Norway withdrew its troops from Lebanon.",
			[]wantEvent{{plover: "RETREAT", cameo: "08", initiator: "Norway"}}, nil},
		{"passive withdrawal", "The Irish observers were withdrawn from Mali last week.",
			[]wantEvent{{plover: "SANCTION", cameo: "16"}}, nil},
		{"forced out", "Burundi forced the refugee agency, UNHCR, out within a week.",
			[]wantEvent{{typ: diplograph.Expulsion, plover: "SANCTION", initiator: "Burundi"}}, nil},
		{"cancelled visit", "Fiji cancelled a planned visit to Tonga.",
			[]wantEvent{{typ: diplograph.Visit, plover: "SANCTION", cameo: "16", status: diplograph.Cancelled}}, nil},
		{"suspended aid is no aid", "Sweden froze most of its food aid for Eritrea.",
			[]wantEvent{{typ: diplograph.Sanction, plover: "SANCTION", initiator: "Sweden"}},
			[]wantEvent{{plover: "AID"}}},
		{"curfew", "Jordan imposed a curfew on Irbid.",
			[]wantEvent{{plover: "COERCE", cameo: "17", initiator: "Jordan"}}, nil},
		{"travel bans", "Norway imposed asset freezes and bans on travel to Norway on six Belarusian judges.",
			[]wantEvent{{typ: diplograph.Sanction, plover: "SANCTION", initiator: "Norway"}},
			[]wantEvent{{typ: diplograph.Visit}}},
		{"troops on alert", "Pakistan kept its tanks on alert near the frontier.",
			[]wantEvent{{plover: "MOBILIZE"}}, nil},

		// CONSULT and AGREE: an intended meeting is an agreement to meet.
		{"future visit", "Heiko Maas will visit Albania in June.",
			[]wantEvent{{typ: diplograph.Visit, plover: "AGREE", cameo: "04", status: diplograph.Planned}}, nil},
		{"past visit", "Heiko Maas visited Albania in June.",
			[]wantEvent{{typ: diplograph.Visit, plover: "CONSULT", status: diplograph.Occurred}}, nil},
		{"promised aid is an offer", "British Defence Secretary Tom King vowed to keep up financial assistance to Malawi.",
			[]wantEvent{{typ: diplograph.Proposal, plover: "AGREE", initiator: "Tom King", target: "Malawi"}},
			[]wantEvent{{plover: "AID"}}},
		{"consensus", "Egypt and Jordan reached a consensus on sharing river data.",
			[]wantEvent{{typ: diplograph.Agreement, plover: "AGREE", initiator: "Jordan"}}, nil},

		// DEMAND with "must" after reporting words; what must be done is
		// no event.
		{"declared must", "France declared on Tuesday that Iran must stop enrichment.",
			[]wantEvent{{typ: diplograph.Demand, plover: "DEMAND", initiator: "France", target: "Iran"}}, nil},
		{"reminder that it must", "Spain sent a letter to Morocco saying that it must fully cooperate on migration.",
			[]wantEvent{{typ: diplograph.Demand, plover: "DEMAND", initiator: "Spain", target: "Morocco"}},
			[]wantEvent{{plover: "COOPERATE"}}},
		{"concluded must", "The Nordic Council concluded that Norway and its neighbours must spend more on defence.",
			[]wantEvent{{typ: diplograph.Demand, initiator: "Nordic Council", target: "Norway"}}, nil},
		{"must without speaker", "Iran must release the crew.", nil,
			[]wantEvent{{plover: "DEMAND"}, {plover: "RETREAT"}}},
		{"pushing for", "Britain has been pushing for Germany to back the fund.",
			[]wantEvent{{typ: diplograph.Demand, plover: "DEMAND", initiator: "United Kingdom"}}, nil},

		// REJECT idioms.
		{"out of the question", "Chile said a pardon for the Peruvian captain was out of the question.",
			[]wantEvent{{typ: diplograph.Rejection, plover: "REJECT"}}, nil},
		{"failed to reach agreement", "Peru and Chile failed to reach agreement on the border.",
			[]wantEvent{{typ: diplograph.Rejection, plover: "REJECT", parties: []string{"Peru", "Chile"}}}, nil},
		{"declined the offer", "Ghana declined the offer from Togo.",
			[]wantEvent{{typ: diplograph.Rejection, plover: "REJECT", initiator: "Ghana"}}, nil},

		// Two-sided events take two parties.
		{"a meeting of one", "Japan held a closed meeting on Friday.", nil,
			[]wantEvent{{typ: diplograph.Meeting}}},
		{"meeting demand", "Indonesia's smelters cannot meet rising demand for nickel.", nil,
			[]wantEvent{{typ: diplograph.Meeting}, {typ: diplograph.Demand}}},
		{"possessor after a joint statement", "They issued a joint statement urging a review of the World Bank's lending.", nil,
			[]wantEvent{{typ: diplograph.JointStatement}}},
		{"ties with an unknown", "Fiji will soon restore diplomatic ties with Zorvania.", nil,
			[]wantEvent{{typ: diplograph.EstablishRelations}}},
		{"ties of two subjects", "Czechia and Albania have upgraded their diplomatic ties.",
			[]wantEvent{{typ: diplograph.EstablishRelations, parties: []string{"Czech Republic", "Albania"}}}, nil},
		{"side named by its country", "Egypt's intelligence chief met with Syrian President Bashar Assad in Damascus.",
			[]wantEvent{{typ: diplograph.Meeting, parties: []string{"Egypt", "Bashar al-Assad"}}}, nil},
		{"side named by its body", "Lee Jae-myung and the head of the European Commission held a meeting on Friday.",
			[]wantEvent{{typ: diplograph.Meeting, parties: []string{"Lee Jae-myung", "European Commission"}}}, nil},
		{"a list with the serial comma meets", "Peru, Chile, and Bolivia met on Tuesday.",
			[]wantEvent{{typ: diplograph.Meeting, parties: []string{"Peru", "Chile", "Bolivia"}}}, nil},
		{"a list with the serial comma meets somewhere", "Peru, Chile, and the Netherlands met on Tuesday in Lima.",
			[]wantEvent{{typ: diplograph.Meeting, parties: []string{"Peru", "Chile", "Netherlands"}}}, nil},
		{"a pronoun subject is not the actor named before", "Guyana took its case to the International Court of Justice, where it has asked the court to rule.",
			nil, []wantEvent{{plover: "REQUEST", initiator: "International Court of Justice"}}},
		{"a pronoun after a reporting verb is the speaker", "Kenya announced it will return the seized weapons to Uganda.",
			[]wantEvent{{plover: "AGREE", initiator: "Kenya"}}, nil},
		{"who reports a meeting does not attend it", "Peru and Chile will meet in Lima next week, Foreign Minister Lena Varga said.",
			[]wantEvent{{typ: diplograph.Meeting, parties: []string{"Peru", "Chile"}}},
			[]wantEvent{{typ: diplograph.Meeting, parties: []string{"Lena Varga"}}}},
		{"two clauses are no list", "Peru protested, and Chile met Bolivia on Tuesday.",
			[]wantEvent{{typ: diplograph.Meeting, parties: []string{"Chile", "Bolivia"}}}, nil},
		{"listed subjects all act", "Japan, South Korea and the United States imposed sanctions on North Korea.",
			[]wantEvent{{typ: diplograph.Sanction, parties: []string{"Japan", "South Korea", "United States"}}}, nil},

		// Passives, possessors, purposes.
		{"passive without agent", "Chad said the generals accused of smuggling should be tried.", nil,
			[]wantEvent{{plover: "ACCUSE"}}},
		{"passive with late agent", "Peru has been accused of dumping steel in recent years by Chile.",
			[]wantEvent{{typ: diplograph.Accusation, initiator: "Chile", target: "Peru"}}, nil},
		{"possessor is no subject", "Asked about Ghana's clinics, he said the ministry proposed a review with the World Bank.", nil,
			[]wantEvent{{typ: diplograph.Proposal, initiator: "Ghana"}}},
		{"purpose", "Norway sent an envoy on a tour aimed at pushing for a truce in Yemen.", nil,
			[]wantEvent{{typ: diplograph.Demand}}},

		// A reported attack is the speaker's accusation.
		{"reported attack", "Armenia said that Azerbaijan had attacked its border posts.",
			[]wantEvent{{typ: diplograph.Accusation, plover: "ACCUSE", cameo: "11", initiator: "Armenia", target: "Azerbaijan"}},
			[]wantEvent{{typ: diplograph.Incident}}},
		{"own attack claimed", "Ukraine claimed that it had attacked a depot in Russia.",
			[]wantEvent{{typ: diplograph.Statement, cameo: "01"}}, []wantEvent{{typ: diplograph.Accusation}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extractText(t, "2025-02-04", tt.text)
			for _, w := range tt.want {
				ok := false
				for _, e := range x.Events {
					ok = ok || matchEvent(x, e, w)
				}
				if !ok {
					t.Errorf("no event %+v; got %s", w, describe(x))
				}
			}
			for _, w := range tt.not {
				for _, e := range x.Events {
					if matchEvent(x, e, w) {
						t.Errorf("unwanted event %+v; got %s", w, describe(x))
					}
				}
			}
		})
	}
}

// TestPostponedTakesNewDate: the main clause's "postponed" outranks the
// relative clause's "planned", and the event is dated by its new date.
func TestPostponedTakesNewDate(t *testing.T) {
	x := extractText(t, "2025-11-19", "A summit between Japan, the Philippines and the United States that had been "+
		"planned for later this month in Manila has been postponed until early next year.")
	for _, e := range x.Events {
		if e.Type != diplograph.Summit {
			continue
		}
		if e.Status != diplograph.Postponed || !strings.HasPrefix(e.Start, "2026") || e.Raw != "early next year" {
			t.Errorf("summit %s %s %q, want POSTPONED to early next year", e.Status, e.Start, e.Raw)
		}
		if !strings.Contains(e.Summary, "postponed from later this month") {
			t.Errorf("summary %q keeps no original date", e.Summary)
		}
		if len(e.Participants) != 3 {
			t.Errorf("participants %v, want the three listed countries", e.Participants)
		}
		return
	}
	t.Errorf("no summit; got %s", describe(x))
}
