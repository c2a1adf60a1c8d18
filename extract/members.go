package extract

import (
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/token"
)

// memberRelations: a country's membership of an intergovernmental
// organization, as the sentence states it: "NATO member Estonia", "ASEAN
// members Vietnam and Malaysia", "EU member state Hungary", "Estonia, a
// NATO member,", "Malaysia, Vietnam and Brunei, all ASEAN members",
// "Vietnam is a member of ASEAN". The organization must be named ("a
// member of the alliance" is left out).
//
// The words between the country and "member" must all be ones that keep
// the statement plain (memberLinks): "is not a member", "a former
// member", "wants to become a member" and "non-NATO member" state no
// membership and stop the search.
func (d *doc) memberRelations(si int, ms []*mention) {
	toks := d.sents[si].Tokens
	for i, t := range toks {
		if t.Lower != "member" && t.Lower != "members" {
			continue
		}
		if i+1 < len(toks) && toks[i+1].Lower == "of" {
			// "member of (the) O": the countries before are members.
			j := i + 2
			if j < len(toks) && toks[j].Lower == "the" {
				j++
			}
			if o := mentionAt(ms, j); d.isIGO(o) {
				d.addMembers(si, memberSubjects(ms, toks, i), o)
			}
			continue
		}
		o := mentionEndingAt(ms, i)
		possessed := false
		if o == nil {
			// "ASEAN's 11th member", "NATO's newest member".
			j := i
			for j > 0 && (memberRanks[toks[j-1].Lower] || ordinal(toks[j-1].Lower)) {
				j--
			}
			if j > 0 && possessive(toks[j-1]) {
				o, possessed = mentionEndingAt(ms, j-1), true
			}
		}
		if !d.isIGO(o) {
			continue
		}
		k := i + 1
		if k < len(toks) && memberNouns[toks[k].Lower] {
			k++
		}
		// "ASEAN members, the Philippines and Vietnam", "EU members
		// including Hungary": a plural introduces its list.
		if plural := t.Lower == "members" || k > i+1 && strings.HasSuffix(toks[k-1].Lower, "s"); plural {
			for k < len(toks) && listIntro[toks[k].Lower] {
				k++
			}
		}
		if cs := countriesAfter(ms, toks, k); len(cs) > 0 && !possessed {
			// "NATO member Estonia", "ASEAN members Vietnam and Malaysia".
			d.addMembers(si, cs, o)
			continue
		}
		// "Estonia, a NATO member": the countries before.
		d.addMembers(si, memberSubjects(ms, toks, o.first), o)
	}
}

// memberRanks may stand between an organization's possessive and
// "member".
var memberRanks = map[string]bool{"newest": true, "latest": true, "youngest": true, "first": true, "founding": true,
	"full": true, "oldest": true}

// ordinal reports whether w is a number in figures with its suffix
// ("11th", "32nd").
func ordinal(w string) bool {
	n := len(w)
	if n < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
		for _, c := range w[:n-2] {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	return false
}

// memberNouns may follow "member": "member states", "member countries".
var memberNouns = map[string]bool{"state": true, "states": true, "country": true, "countries": true,
	"nation": true, "nations": true}

// listIntro words open the list of members a plural names.
var listIntro = map[string]bool{",": true, "such": true, "as": true, "including": true, "like": true, "namely": true}

// memberLinks may stand between a country and the "member" said of it.
var memberLinks = map[string]bool{"a": true, "an": true, "the": true, "all": true, "both": true, "fellow": true,
	"founding": true, "full": true, "longtime": true, "is": true, "are": true, "was": true, "were": true,
	"has": true, "have": true, "been": true, "became": true, "remains": true, "remain": true, "which": true,
	"also": true, "now": true, "already": true, ",": true}

// memberSubjects returns the countries said to be members by the words
// before token i: the country right before them, with those listed
// before it.
func memberSubjects(ms []*mention, toks []token.Token, i int) []*mention {
	j := i - 1
	for n := 0; j >= 0 && n < 6 && memberLinks[toks[j].Lower]; n++ {
		if m := mentionEndingAt(ms, j+1); m != nil {
			break
		}
		j--
	}
	m := mentionEndingAt(ms, j+1)
	if m == nil || !isCountry(m) || j+1 == i {
		return nil
	}
	return countriesBefore(ms, toks, m)
}

// isIGO reports whether m names an intergovernmental organization the
// knowledge base knows.
func (d *doc) isIGO(m *mention) bool {
	return m != nil && m.typ == diplograph.Organization && d.isIGOID(m.id)
}

func (d *doc) addMembers(si int, cs []*mention, o *mention) {
	for _, c := range cs {
		d.addRelation(si, diplograph.MemberOf, c.id, o.id, "", nil)
	}
}

// accessionMemberships: a country that joined an intergovernmental
// organization ("Sweden joined NATO in March") is a member of it since
// then. Only an accession that happened counts: "hopes to join" and "has
// not joined" are events of another status, and state no membership.
func (d *doc) accessionMemberships() {
	for _, ev := range d.events {
		if ev.typ != diplograph.Accession || ev.status != diplograph.Occurred || ev.negated {
			continue
		}
		var props map[string]string
		if since := datePrefix(ev.span); since != "" {
			props = map[string]string{"since": since}
		}
		for _, c := range ev.parts {
			if c.Role != diplograph.RoleInitiator || !d.isCountryID(c.Entity) {
				continue
			}
			for _, o := range ev.parts {
				if o.Role == diplograph.RoleTarget && d.isIGOID(o.Entity) {
					d.addRelation(ev.first, diplograph.MemberOf, c.Entity, o.Entity, "", props)
				}
			}
		}
	}
}

// datePrefix is a span's start as exactly as it is known: "2024-03-07",
// "2024-03", "2024"; "" when undated or coarser than a year's.
func datePrefix(t diplograph.TimeSpan) string {
	if len(t.Start) < 10 {
		return ""
	}
	switch t.Precision {
	case diplograph.Day:
		return t.Start[:10]
	case diplograph.Month:
		return t.Start[:7]
	case diplograph.Year:
		return t.Start[:4]
	}
	return ""
}

func (d *doc) isCountryID(id string) bool {
	e := d.ents[id]
	return e != nil && e.e.Type == diplograph.Country
}

func (d *doc) isIGOID(id string) bool {
	r, ok := d.x.kb.Get(id)
	return ok && r.Type == diplograph.Organization && r.Kind == "IGO"
}

// partyRelations: a person's party, as the sentence states it right after
// the name: "Lai Ching-te of the ruling Democratic Progressive Party",
// "Lee, of the liberal Democratic Party of Korea,". Lower-case words
// ("ruling", "opposition") may stand before the party's name.
func (d *doc) partyRelations(si int, ms []*mention) {
	toks := d.sents[si].Tokens
	for _, p := range ms {
		if p.typ != diplograph.Person || p.id == "" {
			continue
		}
		j := p.last
		if j < len(toks) && toks[j].Text == "," {
			j++
		}
		if j+1 >= len(toks) || toks[j].Lower != "of" || toks[j+1].Lower != "the" {
			continue
		}
		j += 2
		for n := 0; n < 3 && j < len(toks) && toks[j].Kind == token.Word && !toks[j].Cap; n++ {
			j++
		}
		o := mentionAt(ms, j)
		if o == nil || o.typ != diplograph.Organization {
			continue
		}
		if e := d.ents[o.id]; e != nil && e.e.Kind == "PARTY" {
			d.addRelation(si, diplograph.MemberOf, p.id, o.id, "", nil)
		}
	}
}
