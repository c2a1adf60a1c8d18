package extract

import (
	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract/token"
)

// comments scores each reader comment's stance toward what the article is
// about and names its targets: the article's entities the comment names,
// else the article's main event.
func (d *doc) comments(x *diplograph.Extraction) []diplograph.Comment {
	out := make([]diplograph.Comment, 0, len(d.art.Comments))
	main := mainEvent(x.Events)
	for i, c := range d.art.Comments {
		toks := token.Tokenize(c.Text, 0)
		out = append(out, diplograph.Comment{
			Index:   i,
			Author:  c.Author,
			Text:    c.Text,
			Stance:  d.stanceOf(toks),
			Targets: d.commentTargets(toks, main),
		})
	}
	return out
}

// mainEvent is the event the article says most about.
func mainEvent(evs []diplograph.Event) string {
	best, n := "", 0
	for _, e := range evs {
		if len(e.Evidence) > n {
			best, n = e.ID, len(e.Evidence)
		}
	}
	return best
}

// stanceOf sums the scores of the stance words, flipping a word's score
// when a negator governs it: one of the four tokens before it, within the
// same clause ("I don't think it was wise", but not "No. It was wise").
func (d *doc) stanceOf(toks []token.Token) diplograph.Stance {
	score := 0
	for i := 0; i < len(toks); i++ {
		v, n, ok := d.x.stance.at(toks, i)
		if !ok {
			continue
		}
		for j := i - 1; j >= 0 && j >= i-4; j-- {
			if clauseBreak[toks[j].Lower] {
				break
			}
			if negators[toks[j].Lower] {
				v = -v
				break
			}
		}
		score += v
		i += n - 1
	}
	switch {
	case score > 0:
		return diplograph.StanceSupport
	case score < 0:
		return diplograph.StanceOppose
	}
	return diplograph.StanceNeutral
}

func (d *doc) commentTargets(toks []token.Token, main string) []string {
	var out []string
	for i := 0; i < len(toks); {
		e, n := d.x.gaz.match(toks, i)
		if e == nil {
			i++
			continue
		}
		for _, t := range e.tgts {
			if d.ents[t.id] != nil {
				out = appendUnique(out, t.id)
				break
			}
		}
		i += n
	}
	if len(out) == 0 && main != "" {
		out = []string{main}
	}
	if out == nil {
		out = []string{}
	}
	return out
}
