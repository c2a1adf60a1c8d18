package neo4j

import (
	"fmt"
	"slices"
	"strings"
	"time"

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

func newSaveInput(x *diplograph.Extraction) (*saveInput, error) {
	if x == nil {
		return nil, diplograph.Errorf(diplograph.EINVALID, "no extraction to save")
	}
	in := &saveInput{art: x.Article, comments: x.Comments}
	a := &in.art
	if a.Hash == "" {
		a.Hash = diplograph.ContentHash(a)
	}
	if a.ID == "" {
		a.ID = diplograph.ArticleIDFromHash(a.Hash)
	}
	bad := func(format string, args ...any) error {
		return diplograph.Errorf(diplograph.EINVALID, "article %s: "+format, append([]any{a.ID}, args...)...)
	}
	if a.Published != "" && !isDate(a.Published) {
		return nil, bad("published date %q is not YYYY-MM-DD", a.Published)
	}
	if len(in.comments) == 0 {
		in.comments = a.Comments
	}
	in.comments = slices.Clone(in.comments)
	a.Comments = nil

	seen := map[string]int{}
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
		if j, ok := seen[e.ID]; ok {
			// A second mention of the same entity adds its aliases and
			// evidence; the first mention's other fields stay.
			acc := &in.entities[j]
			acc.Evidence = append(acc.Evidence, e.Evidence...)
			acc.Aliases = facts.UnionStrings(acc.Aliases, e.Aliases)
			continue
		}
		seen[e.ID] = len(in.entities)
		in.entities = append(in.entities, e)
	}
	known := func(id string) bool { _, ok := seen[id]; return ok }

	rels := map[string]int{}
	for i, r := range x.Relations {
		switch {
		case strings.TrimSpace(r.ID) == "":
			return nil, bad("relation %d has no id", i)
		case !r.Type.Valid():
			return nil, bad("relation %s has unknown type %q", r.ID, r.Type)
		case r.Subject == "" || r.Object == "":
			return nil, bad("relation %s lacks a subject or an object", r.ID)
		case !known(r.Subject) || !known(r.Object):
			// A relation is a relationship between two entity nodes: both
			// must exist while the relation does, so the article that
			// states it must name both.
			return nil, bad("relation %s links %s to %s, which are not both among the article's entities", r.ID, r.Subject, r.Object)
		}
		if err := checkEvidence(r.Evidence); err != nil {
			return nil, bad("relation %s: %v", r.ID, err)
		}
		r.Evidence = slices.Clone(r.Evidence)
		r.Corroboration, r.FirstSeen, r.LastSeen = 0, "", ""
		if j, ok := rels[r.ID]; ok {
			in.relations[j].Evidence = append(in.relations[j].Evidence, r.Evidence...)
			continue
		}
		rels[r.ID] = len(in.relations)
		in.relations = append(in.relations, r)
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
		case e.Start != "" && !isDate(e.Start), e.End != "" && !isDate(e.End):
			return nil, bad("event %s: dates must be YYYY-MM-DD", e.ID)
		}
		// Participants are linked to their entities, and lists of an
		// entity's events start from those links: each must exist while the
		// event does. What an event concerns and where it is may name an
		// entity of another article.
		for _, p := range e.Participants {
			if p.Entity != "" && !known(p.Entity) {
				return nil, bad("event %s: participant %s is not among the article's entities", e.ID, p.Entity)
			}
		}
		if err := checkEvidence(e.Evidence); err != nil {
			return nil, bad("event %s: %v", e.ID, err)
		}
		e.Evidence = slices.Clone(e.Evidence)
		e.Corroboration, e.FirstSeen, e.LastSeen = 0, "", ""
		if j, ok := evs[e.ID]; ok {
			acc := &in.events[j]
			acc.Evidence = append(acc.Evidence, e.Evidence...)
			acc.Participants = facts.UnionParticipants(acc.Participants, e.Participants)
			acc.Concerns = facts.UnionStrings(acc.Concerns, e.Concerns)
			continue
		}
		evs[e.ID] = len(in.events)
		in.events = append(in.events, e)
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

// isDate reports whether s is an ISO calendar date, YYYY-MM-DD.
func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == len(time.DateOnly)
}
