package facts

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
)

// Input is an extraction checked and normalized for saving, the same for
// every backend: the article has its hash and id and its comments apart,
// each fact appears once (a second mention adds its evidence, an entity's
// aliases, an event's participants and concerns), and the fields a store
// computes (corroboration, first and last seen) are cleared.
type Input struct {
	Article   diplograph.Article
	Comments  []diplograph.Comment
	Entities  []diplograph.Entity
	Relations []diplograph.Relation
	Events    []diplograph.Event
}

// NewInput checks x and normalizes it. A bad extraction is an
// *diplograph.Error with code EINVALID. With closed, every relation's ends
// and every event participant must be among the article's own entities:
// a backend that links them as graph nodes needs them to exist while the
// fact does.
func NewInput(x *diplograph.Extraction, closed bool) (*Input, error) {
	if x == nil {
		return nil, diplograph.Errorf(diplograph.EINVALID, "no extraction to save")
	}
	in := &Input{Article: x.Article, Comments: x.Comments}
	a := &in.Article
	if a.Hash == "" {
		a.Hash = diplograph.ContentHash(a)
	}
	if a.ID == "" {
		a.ID = diplograph.ArticleIDFromHash(a.Hash)
	}
	bad := func(format string, args ...any) error {
		return diplograph.Errorf(diplograph.EINVALID, "article %s: "+format, append([]any{a.ID}, args...)...)
	}
	if a.Published != "" && !IsDate(a.Published) {
		return nil, bad("published date %q is not YYYY-MM-DD", a.Published)
	}
	if len(in.Comments) == 0 {
		in.Comments = a.Comments
	}
	in.Comments = slices.Clone(in.Comments)
	a.Comments = nil

	ents := map[string]int{}
	for i, e := range x.Entities {
		switch {
		case strings.TrimSpace(e.ID) == "":
			return nil, bad("entity %d has no id", i)
		case !e.Type.Valid():
			return nil, bad("entity %s has unknown type %q", e.ID, e.Type)
		case strings.TrimSpace(e.Name) == "":
			return nil, bad("entity %s has no name", e.ID)
		}
		if err := checkEvidence(e.Evidence); err != nil {
			return nil, bad("entity %s: %v", e.ID, err)
		}
		e.Evidence = slices.Clone(e.Evidence)
		e.Corroboration, e.FirstSeen, e.LastSeen = 0, "", ""
		if j, ok := ents[e.ID]; ok {
			// A second mention of the same entity adds its aliases and
			// evidence; the first mention's other fields stay.
			acc := &in.Entities[j]
			acc.Evidence = append(acc.Evidence, e.Evidence...)
			acc.Aliases = UnionStrings(acc.Aliases, e.Aliases)
			continue
		}
		ents[e.ID] = len(in.Entities)
		in.Entities = append(in.Entities, e)
	}
	known := func(id string) bool { _, ok := ents[id]; return ok }

	rels := map[string]int{}
	for i, r := range x.Relations {
		switch {
		case strings.TrimSpace(r.ID) == "":
			return nil, bad("relation %d has no id", i)
		case !r.Type.Valid():
			return nil, bad("relation %s has unknown type %q", r.ID, r.Type)
		case r.Subject == "" || r.Object == "":
			return nil, bad("relation %s lacks a subject or an object", r.ID)
		case closed && (!known(r.Subject) || !known(r.Object)):
			return nil, bad("relation %s links %s to %s, which are not both among the article's entities", r.ID, r.Subject, r.Object)
		}
		if err := checkEvidence(r.Evidence); err != nil {
			return nil, bad("relation %s: %v", r.ID, err)
		}
		r.Evidence = slices.Clone(r.Evidence)
		r.Corroboration, r.FirstSeen, r.LastSeen = 0, "", ""
		if j, ok := rels[r.ID]; ok {
			in.Relations[j].Evidence = append(in.Relations[j].Evidence, r.Evidence...)
			continue
		}
		rels[r.ID] = len(in.Relations)
		in.Relations = append(in.Relations, r)
	}

	evs := map[string]int{}
	for i, e := range x.Events {
		switch {
		case strings.TrimSpace(e.ID) == "":
			return nil, bad("event %d has no id", i)
		case !e.Type.Valid():
			return nil, bad("event %s has unknown type %q", e.ID, e.Type)
		case !e.Status.Valid():
			return nil, bad("event %s has unknown status %q", e.ID, e.Status)
		case e.Start != "" && !IsDate(e.Start), e.End != "" && !IsDate(e.End):
			return nil, bad("event %s: dates must be YYYY-MM-DD", e.ID)
		}
		if closed {
			// What an event concerns and where it is may name an entity of
			// another article; its participants are linked to theirs.
			for _, p := range e.Participants {
				if p.Entity != "" && !known(p.Entity) {
					return nil, bad("event %s: participant %s is not among the article's entities", e.ID, p.Entity)
				}
			}
		}
		if err := checkEvidence(e.Evidence); err != nil {
			return nil, bad("event %s: %v", e.ID, err)
		}
		e.Evidence = slices.Clone(e.Evidence)
		e.Corroboration, e.FirstSeen, e.LastSeen = 0, "", ""
		if j, ok := evs[e.ID]; ok {
			acc := &in.Events[j]
			acc.Evidence = append(acc.Evidence, e.Evidence...)
			acc.Participants = UnionParticipants(acc.Participants, e.Participants)
			acc.Concerns = UnionStrings(acc.Concerns, e.Concerns)
			continue
		}
		evs[e.ID] = len(in.Events)
		in.Events = append(in.Events, e)
	}
	return in, nil
}

func checkEvidence(evs []diplograph.Evidence) error {
	for _, ev := range evs {
		if ev.Start < 0 || ev.End < ev.Start {
			return fmt.Errorf("evidence offsets [%d, %d) are not a span", ev.Start, ev.End)
		}
	}
	return nil
}

// IsDate reports whether s is an ISO calendar date, YYYY-MM-DD.
func IsDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == len(time.DateOnly)
}

// InIDOrder returns the found items in the order of ids, as the by-id
// lookups of the Store promise: ids found nothing for are left out, and an
// id asked twice gives its item twice.
func InIDOrder[T any](ids []string, found []T, id func(T) string) []T {
	byID := make(map[string]T, len(found))
	for _, v := range found {
		byID[id(v)] = v
	}
	out := make([]T, 0, len(found))
	for _, i := range ids {
		if v, ok := byID[i]; ok {
			out = append(out, v)
		}
	}
	return out
}
