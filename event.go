package diplograph

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
)

// EventType is the closed list of event kinds in the ontology.
type EventType string

// The event types of the ontology.
const (
	Meeting            EventType = "MEETING"
	Summit             EventType = "SUMMIT"
	Visit              EventType = "VISIT"
	Statement          EventType = "STATEMENT"
	JointStatement     EventType = "JOINT_STATEMENT"
	Agreement          EventType = "AGREEMENT"
	Proposal           EventType = "PROPOSAL"
	Invitation         EventType = "INVITATION"
	Accusation         EventType = "ACCUSATION"
	Demand             EventType = "DEMAND"
	Threat             EventType = "THREAT"
	Rejection          EventType = "REJECTION"
	Protest            EventType = "PROTEST"
	Sanction           EventType = "SANCTION"
	EstablishRelations EventType = "ESTABLISH_RELATIONS"
	SeverRelations     EventType = "SEVER_RELATIONS"
	RecallAmbassador   EventType = "RECALL_AMBASSADOR"
	Expulsion          EventType = "EXPULSION"
	TreatyWithdrawal   EventType = "TREATY_WITHDRAWAL"
	Accession          EventType = "ACCESSION"
	Cooperation        EventType = "COOPERATION"
	MilitaryActivity   EventType = "MILITARY_ACTIVITY"
	Incident           EventType = "INCIDENT"
	LegalAction        EventType = "LEGAL_ACTION"
	TookOffice         EventType = "TOOK_OFFICE"
	Election           EventType = "ELECTION"
)

// EventTypes lists every EventType.
var EventTypes = []EventType{Meeting, Summit, Visit, Statement, JointStatement, Agreement, Proposal,
	Invitation, Accusation, Demand, Threat, Rejection, Protest, Sanction, EstablishRelations,
	SeverRelations, RecallAmbassador, Expulsion, TreatyWithdrawal, Accession, Cooperation,
	MilitaryActivity, Incident, LegalAction, TookOffice, Election}

// Valid reports whether t is one of EventTypes.
func (t EventType) Valid() bool {
	for _, v := range EventTypes {
		if v == t {
			return true
		}
	}
	return false
}

// EventStatus is an event's modality: whether it happened, is happening, or
// is only planned, proposed, expected, put off, called off or imagined.
type EventStatus string

// The event statuses. A denied or refused event is never Occurred.
const (
	Occurred     EventStatus = "OCCURRED"
	Ongoing      EventStatus = "ONGOING"
	Planned      EventStatus = "PLANNED"
	Proposed     EventStatus = "PROPOSED"
	Expected     EventStatus = "EXPECTED"
	Postponed    EventStatus = "POSTPONED"
	Cancelled    EventStatus = "CANCELLED"
	Hypothetical EventStatus = "HYPOTHETICAL"
)

// EventStatuses lists every EventStatus.
var EventStatuses = []EventStatus{Occurred, Ongoing, Planned, Proposed, Expected, Postponed, Cancelled, Hypothetical}

// Valid reports whether s is one of EventStatuses.
func (s EventStatus) Valid() bool {
	for _, v := range EventStatuses {
		if v == s {
			return true
		}
	}
	return false
}

// Role is a participant's part in an event.
type Role string

// The participant roles.
const (
	RoleHost        Role = "HOST"
	RoleGuest       Role = "GUEST"
	RoleInitiator   Role = "INITIATOR" // the speaker of a statement, the one who proposes or invites
	RoleParticipant Role = "PARTICIPANT"
	RoleTarget      Role = "TARGET"
	RoleAudience    Role = "AUDIENCE" // whom a statement was addressed to
)

// Roles lists every Role.
var Roles = []Role{RoleHost, RoleGuest, RoleInitiator, RoleParticipant, RoleTarget, RoleAudience}

// Precision says how exactly a date is known.
type Precision string

// The date precisions, finest first.
const (
	Day      Precision = "DAY"
	Week     Precision = "WEEK"
	Month    Precision = "MONTH"
	Quarter  Precision = "QUARTER"
	Season   Precision = "SEASON"
	HalfYear Precision = "HALF_YEAR"
	Year     Precision = "YEAR"
)

// Precisions lists every Precision, finest first.
var Precisions = []Precision{Day, Week, Month, Quarter, Season, HalfYear, Year}

// Finer reports whether p is known more exactly than q. An empty precision
// (no date) is coarser than any other.
func (p Precision) Finer(q Precision) bool {
	return precisionRank(p) < precisionRank(q)
}

func precisionRank(p Precision) int {
	for i, v := range Precisions {
		if v == p {
			return i
		}
	}
	return len(Precisions)
}

// TimeSpan is a normalized date range: Start and End are ISO dates
// (YYYY-MM-DD, inclusive), Precision says how exactly the text knew them,
// Raw keeps the words the text used and Timex the TIMEX3 value
// ("2025-02-07", "2025-W06", "2025-H2", "2025-FA").
type TimeSpan struct {
	Start     string    `json:"start,omitempty"`
	End       string    `json:"end,omitempty"`
	Precision Precision `json:"precision,omitempty"`
	Raw       string    `json:"raw,omitempty"`
	Timex     string    `json:"timex,omitempty"`
}

// IsZero reports whether the span holds no date.
func (t TimeSpan) IsZero() bool { return t.Start == "" }

// Participant is an entity taking part in an event.
type Participant struct {
	Entity string `json:"entity"`
	Role   Role   `json:"role"`
}

// Event is something that happened, or is said will, may or did not happen.
type Event struct {
	// ID is deterministic. The extractor derives it from type,
	// participants and month; a store keeps one event per real-world event
	// across articles (see EventKey) and names it after its first report.
	ID     string      `json:"id"`
	Type   EventType   `json:"type"`
	Status EventStatus `json:"status"`
	// Negated marks an event the text says did not or will not happen
	// ("did not meet", "denied plans to visit").
	Negated bool `json:"negated,omitempty"`
	TimeSpan
	Location     string        `json:"location,omitempty"` // entity id
	Participants []Participant `json:"participants"`
	Concerns     []string      `json:"concerns"` // entity ids of what the event is about
	Summary      string        `json:"summary"`
	Quote        string        `json:"quote,omitempty"` // a statement's words, where quoted
	// Plover is the PLOVER category and mode, for users of event data.
	Plover     string `json:"plover,omitempty"`
	PloverMode string `json:"ploverMode,omitempty"`
	// Cameo is the two-digit CAMEO root code ("04" consult, "11"
	// disapprove), where the event maps to one.
	Cameo         string     `json:"cameo,omitempty"`
	Evidence      []Evidence `json:"evidence"`
	Corroboration int        `json:"corroboration,omitempty"`
	FirstSeen     string     `json:"firstSeen,omitempty"`
	LastSeen      string     `json:"lastSeen,omitempty"`
}

// EventKey names what makes two reports candidates for one event whatever
// their dates: the type and the set of actors, every participant but a
// statement's audience (a speech is the same speech whoever is said to have
// heard it). Stores merge the reports of one key whose dates are
// compatible into one event; the extractor and every store compute the key
// here, so that they agree on it.
func EventKey(e *Event) string {
	actors := make([]string, 0, len(e.Participants))
	for _, p := range e.Participants {
		if p.Role != RoleAudience && p.Entity != "" {
			actors = append(actors, p.Entity)
		}
	}
	slices.Sort(actors)
	h := sha256.New()
	h.Write([]byte(e.Type))
	for _, a := range slices.Compact(actors) {
		h.Write([]byte{0})
		h.Write([]byte(a))
	}
	return "eventkey:" + hex.EncodeToString(h.Sum(nil))[:32]
}
