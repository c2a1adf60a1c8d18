// Package gqlmodel holds the Go types that GraphQL types bind to where a
// domain type of package diplograph cannot stand in for them: one type per
// entity kind (GraphQL tells the kinds apart by Go type), a comment that
// knows its article (its id needs it), key/value properties, and the Date
// scalar. Everything else binds to the domain types directly (see
// gqlgen.yml). It is written by hand; graph/ is generated from it.
package gqlmodel

import (
	"sort"
	"strconv"

	"github.com/diplograph/diplograph"
)

// Node is any object with a global id: an Entity, a diplograph.Event, a
// diplograph.Relation, a diplograph.Article or a Comment. It is empty
// because domain types cannot carry GraphQL marker methods.
type Node interface{}

// Entity is one of the entity kinds: Person, Country, Territory, Place,
// Organization, Treaty or Topic.
type Entity interface {
	// Base returns the fields every kind shares.
	Base() EntityFields
}

// EntityFields are the fields every entity kind shares, as GraphQL shows
// them: optional values are nil rather than empty.
type EntityFields struct {
	ID            string
	Type          diplograph.EntityType
	Kind          *string
	Name          string
	Aliases       []string
	Properties    []Property
	Corroboration int
	FirstSeen     string // an empty date is shown as null (see MarshalDate)
	LastSeen      string
}

// Base implements Entity.
func (f EntityFields) Base() EntityFields { return f }

// The entity kinds, one Go type per GraphQL type.
type (
	// Person is an entity of type PERSON.
	Person struct{ EntityFields }
	// Country is an entity of type COUNTRY.
	Country struct{ EntityFields }
	// Territory is an entity of type TERRITORY.
	Territory struct{ EntityFields }
	// Place is an entity of type PLACE.
	Place struct{ EntityFields }
	// Organization is an entity of type ORGANIZATION.
	Organization struct{ EntityFields }
	// Treaty is an entity of type TREATY.
	Treaty struct{ EntityFields }
	// Topic is an entity of type TOPIC.
	Topic struct{ EntityFields }
)

// NewEntity returns the GraphQL form of e: the kind its type names. An
// entity of an unknown type is shown as a Topic rather than failing the
// whole response; backends only store the types of diplograph.EntityTypes.
func NewEntity(e diplograph.Entity) Entity {
	f := EntityFields{
		ID:            e.ID,
		Type:          e.Type,
		Kind:          Optional(e.Kind),
		Name:          e.Name,
		Aliases:       e.Aliases,
		Properties:    Properties(e.Properties),
		Corroboration: e.Corroboration,
		FirstSeen:     e.FirstSeen,
		LastSeen:      e.LastSeen,
	}
	if f.Aliases == nil {
		f.Aliases = []string{}
	}
	switch e.Type {
	case diplograph.Person:
		return &Person{f}
	case diplograph.Country:
		return &Country{f}
	case diplograph.Territory:
		return &Territory{f}
	case diplograph.Place:
		return &Place{f}
	case diplograph.Organization:
		return &Organization{f}
	case diplograph.Treaty:
		return &Treaty{f}
	default:
		f.Type = diplograph.Topic
		return &Topic{f}
	}
}

// Property is one key and value of a properties map.
type Property struct {
	Key   string
	Value string
}

// Properties returns m as a list sorted by key, so that responses are
// stable; never nil.
func Properties(m map[string]string) []Property {
	out := make([]Property, 0, len(m))
	for k, v := range m {
		out = append(out, Property{Key: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// Comment is a reader comment together with the id of its article, which
// its global id is made of.
type Comment struct {
	ArticleID string
	diplograph.Comment
}

// NewComment returns the GraphQL form of c, posted under the article with
// id articleID. A comment whose stance was never judged is NEUTRAL.
func NewComment(articleID string, c diplograph.Comment) *Comment {
	if c.Stance == "" {
		c.Stance = diplograph.StanceNeutral
	}
	return &Comment{ArticleID: articleID, Comment: c}
}

// ID returns the comment's global id, <articleID>/comments/<index>.
func (c Comment) ID() string { return CommentID(c.ArticleID, c.Index) }

// CommentSep separates the article id from the index in a comment id.
const CommentSep = "/comments/"

// CommentID returns the global id of the comment at index under an article.
func CommentID(articleID string, index int) string {
	return articleID + CommentSep + strconv.Itoa(index)
}

// Optional returns a pointer to s, or nil when s is empty, for GraphQL
// fields that show a missing value as null.
func Optional[T ~string](s T) *T {
	if s == "" {
		return nil
	}
	return &s
}
