// Package samples bundles the sample articles that `diplograph serve
// --demo` loads: the founding seed article (plain text with its reader
// comments) and synthetic articles written by the team, marked as such in
// their metadata. They double as the extractor's golden tests.
package samples

import (
	"embed"
	"io/fs"
)

//go:embed *.txt *.jsonl
var files embed.FS

// File is one bundled file and the publication date to read it with when
// its articles carry none.
type File struct {
	Name      string
	Published string
}

// FS returns the bundled files.
func FS() fs.FS { return files }

// Files lists the bundled files in load order. The seed's publication
// date is not in its text, so it is given here.
func Files() []File {
	return []File{
		{Name: "ishiba-trump-summit.txt", Published: "2025-02-04"},
		{Name: "articles.jsonl"},
	}
}
