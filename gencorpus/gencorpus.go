// Package gencorpus makes synthetic news corpora for benchmarks and load
// tests: articles about diplomacy whose actors come from the knowledge
// base, written from sentence templates that cover the design's event
// types, with dates, modality and filler around them.
//
// A corpus is a pure function of its options: the same article count and
// seed give the same bytes, on every machine, so benchmark figures can be
// reproduced. Articles are independent of each other (each has its own
// random stream, derived from the seed and its index), so the first N
// articles of a larger corpus are the corpus of N.
//
// The package owns the generator and the corpus formats it writes; it
// knows nothing of loading or extraction. Its text is synthetic and
// says so (every record carries "synthetic": true).
package gencorpus

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/kb"
)

// Options says what corpus to make.
type Options struct {
	Articles int    // how many
	Seed     uint64 // the same seed gives the same corpus
	// From and To bound the publication dates (YYYY-MM-DD); empty means
	// DefaultFrom and DefaultTo.
	From, To string
}

// The default span of publication dates: several years, so that date
// filters and timelines have something to work on.
const (
	DefaultFrom = "2019-01-01"
	DefaultTo   = "2025-12-31"
)

// The article length distribution, in words: log-normal with this median
// and spread, clipped to [MinWords, MaxWords]. Wire copy on diplomacy
// clusters in the hundreds of words with a long tail of features: a sample
// of 50 real articles of 1990-2013 has a median of about 280 words and a
// mean of about 350, and agency stories commonly run 300-800 words.
const (
	MedianWords = 400
	wordSigma   = 0.5
	MinWords    = 120
	MaxWords    = 2000
)

// ErrOptions is wrapped by every error about bad options.
var ErrOptions = errors.New("gencorpus: bad options")

// Generator makes articles. It is safe for concurrent use: it holds only
// what it read from the knowledge base.
type Generator struct {
	opts      Options
	from      time.Time
	days      int
	countries []*country // by prominence, most prominent first
	orgs      []string
	treaties  []string
	topics    []string
	terrs     []territory

	templates map[diplograph.EventType][]string
	headlines map[diplograph.EventType]string
	fillers   []string
	weights   []weighted
	wsum      int
}

// country is one country with what the templates say about it.
type country struct {
	name    string
	demonym string
	capital string
	holders []holder // office holders, for picking who speaks for it on a date
}

// holder is a person who held an office of a country.
type holder struct {
	name, short, title string
	since, until       string
	rank               int // 0 head of state or government, 1 foreign minister, 2 other
}

// territory is a disputed or administered territory with its claimants.
type territory struct {
	name      string
	claimants []int // indexes into countries
}

// New prepares a generator over the knowledge base's actors.
func New(k *kb.KB, opts Options) (*Generator, error) {
	if opts.Articles < 0 {
		return nil, fmt.Errorf("%w: %d articles", ErrOptions, opts.Articles)
	}
	from, to := cmp.Or(opts.From, DefaultFrom), cmp.Or(opts.To, DefaultTo)
	f, err1 := time.Parse(time.DateOnly, from)
	t, err2 := time.Parse(time.DateOnly, to)
	if err := errors.Join(err1, err2); err != nil || !f.Before(t) {
		return nil, fmt.Errorf("%w: dates %q to %q", ErrOptions, from, to)
	}
	g := &Generator{opts: opts, from: f, days: int(t.Sub(f).Hours()/24) + 1,
		templates: eventTemplates(), headlines: headlines(), fillers: fillers(), weights: eventWeights()}
	for _, x := range g.weights {
		g.wsum += x.weight
	}
	g.index(k)
	if len(g.countries) < 2 {
		return nil, fmt.Errorf("%w: the knowledge base has fewer than two countries", ErrOptions)
	}
	return g, nil
}

// index reads the actors out of the knowledge base. Countries are ranked
// by how much the knowledge base says about them (office holders, claims,
// memberships): a data-driven stand-in for how often the news names them.
func (g *Generator) index(k *kb.KB) {
	recs := k.Records()
	byID := map[string]*country{}
	score := map[string]int{}
	order := map[string]int{}
	places := map[string]string{}
	for _, r := range recs {
		if r.Type == diplograph.Place {
			places[r.ID] = r.Name
		}
	}
	for i, r := range recs {
		switch r.Type {
		case diplograph.Country:
			c := &country{name: r.Name, capital: places[r.Capital]}
			if len(r.Demonyms) > 0 {
				c.demonym = r.Demonyms[0]
			}
			byID[r.ID] = c
			order[r.ID] = i
		case diplograph.Organization:
			if r.Kind == "IGO" {
				g.orgs = append(g.orgs, r.Name)
			}
		case diplograph.Treaty:
			g.treaties = append(g.treaties, r.Name)
		case diplograph.Topic:
			g.topics = append(g.topics, r.Name)
		}
		for _, p := range r.Parties {
			score[p]++
		}
		for _, p := range r.ClaimedBy {
			score[p] += 2
		}
	}
	for _, r := range recs {
		if r.Type != diplograph.Person {
			continue
		}
		short := r.Name
		if f := strings.Fields(r.Name); len(f) > 1 {
			short = f[len(f)-1]
		}
		for _, o := range r.Offices {
			c, ok := byID[o.Of]
			if !ok {
				continue
			}
			score[o.Of] += 3
			c.holders = append(c.holders, holder{name: r.Name, short: short, title: o.Title,
				since: o.Since, until: o.Until, rank: officeRank(o.Title)})
		}
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		return cmp.Or(cmp.Compare(score[b], score[a]), cmp.Compare(order[a], order[b]))
	})
	pos := map[string]int{}
	for i, id := range ids {
		g.countries = append(g.countries, byID[id])
		pos[id] = i
	}
	for _, r := range recs {
		if r.Type != diplograph.Territory || len(r.ClaimedBy) == 0 {
			continue
		}
		t := territory{name: r.Name}
		for _, c := range r.ClaimedBy {
			if i, ok := pos[c]; ok {
				t.claimants = append(t.claimants, i)
			}
		}
		if len(t.claimants) > 0 {
			g.terrs = append(g.terrs, t)
		}
	}
	if len(g.orgs) == 0 {
		g.orgs = []string{"United Nations"}
	}
	if len(g.topics) == 0 {
		g.topics = []string{"trade"}
	}
	if len(g.treaties) == 0 {
		g.treaties = []string{"the trade agreement"}
	}
}

func officeRank(title string) int {
	t := strings.ToLower(title)
	switch {
	case strings.Contains(t, "deputy") || strings.Contains(t, "vice") || strings.Contains(t, "spokes"):
		return 2
	case t == "president" || t == "prime minister" || t == "chancellor" || t == "premier" ||
		t == "king" || t == "queen" || t == "emir" || t == "supreme leader":
		return 0
	case strings.Contains(t, "foreign") || strings.Contains(t, "secretary of state") || strings.Contains(t, "external affairs"):
		return 1
	}
	return 2
}

// Articles yields the corpus, article 0 first.
func (g *Generator) Articles(ctx context.Context) iter.Seq[diplograph.Article] {
	return func(yield func(diplograph.Article) bool) {
		for i := range g.opts.Articles {
			if ctx.Err() != nil || !yield(g.Article(i)) {
				return
			}
		}
	}
}

// Article makes article i of the corpus. It depends only on the seed and
// i, so articles can be made in any order, or in parallel.
func (g *Generator) Article(i int) diplograph.Article {
	r := rand.New(rand.NewPCG(g.opts.Seed, uint64(i)))
	w := &writer{g: g, r: r}
	w.setup()
	return w.article(i)
}

// zipf draws an index in [0, n) with a Zipf-like skew: index 0 is the most
// likely, and a handful of actors make most of the news.
func zipf(r *rand.Rand, n int) int {
	if n <= 1 {
		return 0
	}
	// Inverse transform of a continuous power law with exponent 1.1,
	// which gives the long tail without a table per n.
	const s = 1.1
	u := r.Float64()
	x := math.Pow(1-u*(1-math.Pow(float64(n)+1, 1-s)), 1/(1-s)) - 1
	return min(int(x), n-1)
}

// words draws an article length from the log-normal distribution.
func words(r *rand.Rand) int {
	n := MedianWords * math.Exp(wordSigma*r.NormFloat64())
	return max(MinWords, min(MaxWords, int(n)))
}
