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
