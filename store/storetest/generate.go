package storetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
)

// Generate returns n synthetic extractions for load tests and benchmarks.
// They look like the extractor's output at scale: a few hundred entities
// mentioned with a heavy skew (a handful appear in most articles), relations
// and events between them that recur across articles, dates spread over two
// years, and comments. The same n and seed always give the same corpus;
// article ids include the seed, so corpora of different seeds do not share
// articles (but do share entities).
func Generate(n int, seed uint64) []*diplograph.Extraction {
	r := rand.New(rand.NewPCG(seed, 0x646970))
	pool := entityPool()
	out := make([]*diplograph.Extraction, 0, n)
	base := date{y: 2024, m: 1, d: 1}
	for i := range n {
		published := base.AddDays(r.IntN(730))
		var t text
		x := diplograph.Extraction{}

		// Pick entities, hot ones (low indexes) far more often.
		picked := map[int]bool{}
		for len(picked) < 6+r.IntN(5) {
			picked[skewed(r, len(pool))] = true
		}
		idx := make([]int, 0, len(picked))
		for k := range picked {
			idx = append(idx, k)
		}
		slices.Sort(idx)
		for _, k := range idx {
			e := pool[k]
			surface := e.aliases[r.IntN(len(e.aliases))]
			sent := t.add(fmt.Sprintf("%s was mentioned in report %d.", surface, i))
			x.Entities = append(x.Entities, diplograph.Entity{
				ID: e.id, Type: e.typ, Name: e.name, Aliases: []string{e.name, surface},
				Properties: map[string]string{"seen": "generated"}, Evidence: t.ev(sent),
			})
		}

		for range 2 + r.IntN(3) {
			a, b := pool[idx[r.IntN(len(idx))]], pool[idx[r.IntN(len(idx))]]
			if a.id == b.id {
				continue
			}
			typ := diplograph.RelationTypes[r.IntN(3)]
			sent := t.add(fmt.Sprintf("%s and %s: %s.", a.name, b.name, strings.ToLower(string(typ))))
			x.Relations = append(x.Relations, diplograph.Relation{
				ID: fmt.Sprintf("relation:%s:%s:%s", strings.ToLower(string(typ)), a.id, b.id), Type: typ,
				Subject: a.id, Object: b.id, Properties: map[string]string{"note": fmt.Sprintf("from %d", i)}, Evidence: t.ev(sent),
			})
		}

		for range 1 + r.IntN(3) {
			a, b := pool[idx[r.IntN(len(idx))]], pool[idx[r.IntN(len(idx))]]
			typ := diplograph.EventTypes[r.IntN(6)]
			var span diplograph.TimeSpan
			// Events recur when their actors, type and month do, as the
			// extractor's ids do.
			month := published.AddDays(-r.IntN(60))
			if r.IntN(8) > 0 {
				d := month.String()
				span = diplograph.TimeSpan{Start: d, End: d, Precision: diplograph.Day, Raw: "that day", Timex: d}
			}
			ids := []string{a.id, b.id}
			slices.Sort(ids)
			sent := t.add(fmt.Sprintf("%s met %s.", a.name, b.name))
			x.Events = append(x.Events, diplograph.Event{
				ID:     fmt.Sprintf("event:%s:%s:%s", strings.ToLower(string(typ)), strings.Join(slices.Compact(ids), ","), month.String()[:7]),
				Type:   typ,
				Status: diplograph.EventStatuses[r.IntN(len(diplograph.EventStatuses))], TimeSpan: span,
				Location:     pool[idx[0]].id,
				Participants: []diplograph.Participant{{Entity: a.id, Role: diplograph.RoleHost}, {Entity: b.id, Role: diplograph.RoleGuest}},
				Concerns:     []string{pool[idx[len(idx)-1]].id}, Summary: sent, Evidence: t.ev(sent),
			})
		}

		stances := []diplograph.Stance{diplograph.StanceSupport, diplograph.StanceOppose, diplograph.StanceNeutral}
		for c := range r.IntN(3) {
			x.Comments = append(x.Comments, diplograph.Comment{Index: c, Author: fmt.Sprintf("reader%d", r.IntN(50)),
				Text: fmt.Sprintf("Comment %d on report %d.", c, i), Stance: stances[r.IntN(3)], Targets: []string{pool[idx[0]].id}})
		}
		out = append(out, article(&t, fmt.Sprintf("gen-%d-%d", seed, i), fmt.Sprintf("Report %d", i), published.String(), x))
	}
	return out
}

// skewed returns an index below n, low ones far more often: about a third
// of the draws fall in the first twentieth.
func skewed(r *rand.Rand, n int) int {
	u := r.Float64()
	return int(float64(n) * u * u * u)
}

type poolEntity struct {
	id, name string
	typ      diplograph.EntityType
	aliases  []string
}

// entityPool is the generated corpus's cast: 400 entities with made-up
// names built from syllables.
func entityPool() []poolEntity {
	syll := []string{"ka", "ro", "mi", "ta", "ne", "so", "ul", "ar", "vi", "den", "mor", "lan", "tis", "bel", "gor", "an"}
	types := []diplograph.EntityType{diplograph.Country, diplograph.Person, diplograph.Place, diplograph.Organization, diplograph.Topic, diplograph.Territory, diplograph.Treaty}
	out := make([]poolEntity, 0, 400)
	for i := range 400 {
		a, b, c := syll[i%16], syll[(i/16)%16], syll[(i*7+3)%16]
		name := strings.ToUpper(a[:1]) + a[1:] + b + c
		typ := types[i%len(types)]
		out = append(out, poolEntity{
			id:      fmt.Sprintf("%s:gen-%03d", strings.ToLower(string(typ)), i),
			name:    name,
			typ:     typ,
			aliases: []string{name, name + "ia", strings.ToUpper(name[:3])},
		})
	}
	return out
}

// date is a day, for generating dates without time zones.
type date struct{ y, m, d int }

// AddDays moves d by n days (n may be negative), with months of 28 days so
// that every generated date is valid.
func (d date) AddDays(n int) date {
	days := (d.y*12+d.m-1)*28 + d.d - 1 + n
	return date{y: days / (12 * 28), m: (days/28)%12 + 1, d: days%28 + 1}
}

func (d date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

// Bench runs the store benchmarks every backend reports: saving one
// extraction, loading 2,000 into a new store, a name search, and a filtered
// page of events. open must return a new, empty store; Bench closes it.
func Bench(b *testing.B, open func(b *testing.B) diplograph.Store) {
	b.Run("Save", func(b *testing.B) {
		s := open(b)
		defer s.Close()
		var xs []*diplograph.Extraction
		i, round := 0, uint64(0)
		for b.Loop() {
			if i == len(xs) {
				b.StopTimer()
				round++
				xs, i = Generate(1000, round), 0
				b.StartTimer()
			}
			if _, err := s.Save(b.Context(), xs[i]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})

	b.Run("Load2000", func(b *testing.B) {
		xs := Generate(2000, 1)
		for b.Loop() {
			b.StopTimer()
			s := open(b)
			b.StartTimer()
			for _, x := range xs {
				if _, err := s.Save(b.Context(), x); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
	})

	// The same 2,000 in batches, as a bulk load writes them.
	b.Run("Load2000Batched", func(b *testing.B) {
		xs := Generate(2000, 1)
		for b.Loop() {
			b.StopTimer()
			s := open(b)
			bs, ok := s.(diplograph.BatchSaver)
			if !ok {
				b.Skip("no batch saves")
			}
			b.StartTimer()
			for i := 0; i < len(xs); i += 100 {
				if _, err := bs.SaveBatch(b.Context(), xs[i:min(i+100, len(xs))]); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
	})

	// The read benchmarks share one store loaded with 2,000 articles.
	s := open(b)
	defer s.Close()
	for _, x := range Generate(2000, 1) {
		if _, err := s.Save(b.Context(), x); err != nil {
			b.Fatal(err)
		}
	}
	pool := entityPool()

	b.Run("EntitiesSearch", func(b *testing.B) {
		i := 0
		for b.Loop() {
			q := pool[i%len(pool)].name[:4]
			i++
			if _, err := s.Entities(b.Context(), diplograph.EntityFilter{Query: q}, diplograph.Page{First: 20}); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("EventsPage", func(b *testing.B) {
		i := 0
		for b.Loop() {
			f := diplograph.EventFilter{Participants: []string{pool[i%20].id}, From: "2024-06-01", To: "2025-06-01"}
			i++
			conn, err := s.Events(b.Context(), f, diplograph.Page{First: 20})
			if err != nil {
				b.Fatal(err)
			}
			if conn.HasNextPage {
				if _, err := s.Events(b.Context(), f, diplograph.Page{First: 20, After: conn.Edges[len(conn.Edges)-1].Cursor}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
