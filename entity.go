package diplograph

// EntityType is the closed list of entity kinds in the ontology.
type EntityType string

// The entity types of the ontology (see docs/ontology in design).
const (
	Person       EntityType = "PERSON"
	Country      EntityType = "COUNTRY"
	Territory    EntityType = "TERRITORY"
	Place        EntityType = "PLACE"
	Organization EntityType = "ORGANIZATION"
	Treaty       EntityType = "TREATY"
	Topic        EntityType = "TOPIC"
)

// EntityTypes lists every EntityType; backends use it as a whitelist.
var EntityTypes = []EntityType{Person, Country, Territory, Place, Organization, Treaty, Topic}

// Valid reports whether t is one of EntityTypes.
func (t EntityType) Valid() bool {
	for _, v := range EntityTypes {
		if v == t {
			return true
		}
	}
	return false
}

// Entity is a real-world actor, place, agreement or subject.
type Entity struct {
	// ID is a Wikidata QID where the knowledge base knows one, else a
	// deterministic slug of type and canonical name.
	ID   string     `json:"id"`
	Type EntityType `json:"type"`
	// Kind refines Type: CITY, SEA or STRAIT for a place; IGO or
	// LEGISLATURE for an organization; ARTICLE for a treaty provision.
	Kind    string   `json:"kind,omitempty"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	// Properties hold facts about the entity itself (ISO code, QID, ...).
	Properties map[string]string `json:"properties,omitempty"`
	// Evidence lists the sentences that mention the entity.
	Evidence []Evidence `json:"evidence,omitempty"`
	// Provenance filled in by a store: how many articles mention it, and
	// the publication dates of the first and last of them.
	Corroboration int    `json:"corroboration,omitempty"`
	FirstSeen     string `json:"firstSeen,omitempty"`
	LastSeen      string `json:"lastSeen,omitempty"`
}

// Evidence ties a fact to the sentence that states it.
type Evidence struct {
	Article  string `json:"article,omitempty"` // article id; empty inside a single extraction
	Sentence string `json:"sentence"`
	// Start and End are the sentence's byte offsets in the article text.
	Start int `json:"start"`
	End   int `json:"end"`
}
