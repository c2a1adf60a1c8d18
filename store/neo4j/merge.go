package neo4j

import (
	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// The merge rules and their bookkeeping are shared by every backend.
type (
	stamp = facts.Stamp
	prov  = facts.Prov
)

// The merge of one view into a merged fact, per kind. None modifies v or
// shares a slice or map with it that a later merge could change.

func mergeEntity(p *prov, acc, v *diplograph.Entity, st stamp) {
	aliases := facts.UnionStrings(acc.Aliases, v.Aliases)
	before := acc.Properties
	if p.Add(st) {
		*acc = *v
	}
	acc.Aliases = aliases
	acc.Properties = p.MergeProps(before, v.Properties, st)
}

func mergeRelation(p *prov, acc, v *diplograph.Relation, st stamp) {
	before := acc.Properties
	if p.Add(st) {
		*acc = *v
	}
	acc.Properties = p.MergeProps(before, v.Properties, st)
}

func mergeEvent(p *prov, acc, v *diplograph.Event, st stamp) {
	parts := facts.UnionParticipants(acc.Participants, v.Participants)
	concerns := facts.UnionStrings(acc.Concerns, v.Concerns)
	date := p.EventDate(acc.TimeSpan, v.TimeSpan, st)
	if p.Add(st) {
		*acc = *v
	}
	acc.Participants, acc.Concerns, acc.TimeSpan = parts, concerns, date
}
