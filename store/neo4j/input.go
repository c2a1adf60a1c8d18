package neo4j

import (
	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// saveInput is an extraction checked and normalized for saving: the article
// has its hash and id, each fact appears once (duplicates merged as the
// embedded store merges them, so that both keep the same views), and every
// entity a relation links or an event has as a participant is one of the
// article's entities.
type saveInput struct {
	art       diplograph.Article
	comments  []diplograph.Comment
	entities  []diplograph.Entity
	relations []diplograph.Relation
	events    []diplograph.Event
}

// newSaveInput checks and normalizes x as every backend does
// (facts.NewInput).
func newSaveInput(x *diplograph.Extraction) (*saveInput, error) {
	in, err := facts.NewInput(x, true)
	if err != nil {
		return nil, err
	}
	return &saveInput{art: in.Article, comments: in.Comments, entities: in.Entities, relations: in.Relations, events: in.Events}, nil
}
