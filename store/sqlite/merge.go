package sqlite

import (
	"slices"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store/internal/facts"
)

// The merge rules and their bookkeeping are shared by every backend.
type (
	stamp = facts.Stamp
	prov  = facts.Prov
)

func mergeEntity(acc, v *diplograph.Entity, wins bool) {
	aliases := facts.UnionStrings(acc.Aliases, v.Aliases)
	if wins {
		*acc = *v
	}
	acc.Aliases = aliases
}

func mergeRelation(acc, v *diplograph.Relation, wins bool) {
	if wins {
		*acc = *v
	}
}

func mergeEvent(acc, v *diplograph.Event, wins bool) {
	parts := facts.UnionParticipants(acc.Participants, v.Participants)
	concerns := facts.UnionStrings(acc.Concerns, v.Concerns)
	if wins {
		*acc = *v
	}
	acc.Participants, acc.Concerns = parts, concerns
}

// participantIDs returns the distinct entity ids among an event's
// participants, sorted.
func participantIDs(ps []diplograph.Participant) []string {
	ids := make([]string, 0, len(ps))
	for _, p := range ps {
		ids = append(ids, p.Entity)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
