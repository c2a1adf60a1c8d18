package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/diplograph/diplograph/loaders"
	"github.com/diplograph/diplograph/samples"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the extractor's output")

// TestGolden extracts every bundled sample article and compares the result
// with testdata/<article id>.golden.json. After a deliberate change to the
// extractor, run `go test ./extract -run Golden -update` and review the
// diff of the golden files like code.
func TestGolden(t *testing.T) {
	x := newExtractor(t)
	ctx := context.Background()
	seen := map[string]bool{}
	for _, f := range samples.Files() {
		for rec := range samples.Read(ctx, f, loaders.Options{}) {
			if rec.Err != nil {
				t.Fatalf("%s: %v", f.Name, rec.Err)
			}
			id := rec.Article.ID
			if id == "" || seen[id] {
				t.Fatalf("%s: sample without a unique id", f.Name)
			}
			seen[id] = true
			if f.Name != "ishiba-trump-summit.txt" && rec.Article.Meta["synthetic"] != "true" {
				t.Errorf("%s: sample %s is not marked synthetic", f.Name, id)
			}
			t.Run(id, func(t *testing.T) {
				out, err := x.Extract(ctx, &rec.Article)
				if err != nil {
					t.Fatal(err)
				}
				got, err := json.MarshalIndent(out, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				golden := filepath.Join("testdata", id+".golden.json")
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("extraction of %s differs from %s; run with -update after checking the change:\n%s", id, golden, firstDiff(want, got))
				}
			})
		}
	}
	if len(seen) < 21 {
		t.Errorf("only %d samples; the foundation asks for the seed and at least 20 more", len(seen))
	}
}

// firstDiff shows the first differing line of two texts, with context.
func firstDiff(want, got []byte) string {
	wl := bytes.Split(want, []byte("\n"))
	gl := bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + strconv.Itoa(i+1) + ":\n- " + string(w) + "\n+ " + string(g)
		}
	}
	return ""
}
