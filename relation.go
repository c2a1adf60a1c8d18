package diplograph

// RelationType names a relation between two entities.
type RelationType string

// The relation types the extractor produces. Backends use RelationTypes as
// a whitelist: a relation type never comes from user input into a query.
const (
	HoldsOffice RelationType = "HOLDS_OFFICE" // person → country or organization
	AlliedWith  RelationType = "ALLIED_WITH"  // country ↔ country
	Claims      RelationType = "CLAIMS"       // country → territory
	Administers RelationType = "ADMINISTERS"  // country → territory
	PartyTo     RelationType = "PARTY_TO"     // country → treaty
	LocatedIn   RelationType = "LOCATED_IN"   // place or territory → place or country
	MemberOf    RelationType = "MEMBER_OF"    // country → organization
	PartOf      RelationType = "PART_OF"      // treaty article → treaty
	AppliesTo   RelationType = "APPLIES_TO"   // treaty or article → territory
)

// RelationTypes lists every RelationType.
var RelationTypes = []RelationType{HoldsOffice, AlliedWith, Claims, Administers, PartyTo, LocatedIn, MemberOf, PartOf, AppliesTo}

// Valid reports whether t is one of RelationTypes.
func (t RelationType) Valid() bool {
	for _, v := range RelationTypes {
		if v == t {
			return true
		}
	}
	return false
}

// Relation is a typed, directed fact between two entities.
type Relation struct {
	// ID is deterministic: the same type, ends and qualifier always give the
	// same id, so relations from different articles merge.
	ID      string       `json:"id"`
	Type    RelationType `json:"type"`
	Subject string       `json:"subject"`
	Object  string       `json:"object"`
	// Properties qualify the relation: "office", "since", "until" for
	// HOLDS_OFFICE, "name" (the claimant's name) for CLAIMS.
	Properties    map[string]string `json:"properties"`
	Evidence      []Evidence        `json:"evidence"`
	Corroboration int               `json:"corroboration,omitempty"`
	FirstSeen     string            `json:"firstSeen,omitempty"`
	LastSeen      string            `json:"lastSeen,omitempty"`
}
