package samples

import (
	"io/fs"
	"testing"
)

func TestFilesAreBundled(t *testing.T) {
	listed := map[string]bool{}
	for _, f := range Files() {
		listed[f.Name] = true
		if _, err := fs.Stat(FS(), f.Name); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	// Every bundled file is listed, so that --demo loads them all.
	entries, err := fs.ReadDir(FS(), ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !listed[e.Name()] {
			t.Errorf("%s is bundled but not listed in Files", e.Name())
		}
	}
}
