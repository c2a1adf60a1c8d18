package extract

import (
	"context"
	"testing"

	"github.com/diplograph/diplograph/extract/token"
	"github.com/diplograph/diplograph/loaders"
	"github.com/diplograph/diplograph/samples"
)

// TestCapitalPasses checks what sentenceMentions relies on to skip passes
// at most tokens: the passes marked capital and the organization passes
// find nothing at a token that is not a capitalized word. Every token of
// the bundled samples is tried, plus sentences of our own with lower-case
// cues.
func TestCapitalPasses(t *testing.T) {
	x, err := testExtractor()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"the president said on Monday that spokesperson Lin Jian, born in the city of Wenchang, met officials.",
		"a parliamentary committee and coast guard vessels went near the disputed islands in the daily news.",
		"karel kovanda of the ministry, 45, told the newspaper mlada fronta dnes that the bush administration failed.",
	}
	for _, f := range samples.Files() {
		for rec := range samples.Read(context.Background(), f, loaders.Options{}) {
			if rec.Err != nil {
				t.Fatalf("%s: %v", f.Name, rec.Err)
			}
			texts = append(texts, rec.Article.Text)
		}
	}
	for _, text := range texts {
		d := &doc{x: x, ents: map[string]*entAcc{}, rels: map[string]*relAcc{}, sents: token.Split(text)}
		d.findMentions()
		names := newArticleNames()
		for si, s := range d.sents {
			for i, tok := range s.Tokens {
				if tok.Cap {
					continue
				}
				found := map[string]bool{
					"speakerPerson":    d.speakerPerson(si, i) != nil,
					"appositivePerson": d.appositivePerson(si, i) != nil,
					"bylinePerson":     d.bylinePerson(si, i) != nil,
					"cuedPerson":       d.cuedPerson(si, i) != nil,
					"orgByHead":        d.orgByHead(si, i) != nil,
					"orgByShape":       d.orgByShape(si, i) != nil,
					"leaderGovernment": d.leaderGovernment(si, i) != nil,
					"givenNamePerson":  d.givenNamePerson(si, i) != nil,
					"mediaOrg":         d.mediaOrg(si, i) != nil,
					"locativePlace":    d.locativePlace(si, i, names) != nil,
				}
				for pass, ok := range found {
					if ok {
						t.Errorf("%q: %s finds a mention at lower-case %q", s.Text, pass, tok.Text)
					}
				}
			}
		}
	}
}
