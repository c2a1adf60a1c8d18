package loaders

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseText(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		body     string
		authors  []string
		texts    []string
		warnings []string // substrings, one per warning
	}{
		{
			name: "no comment section",
			in:   "Body line one.\nBody line two.\n\n",
			body: "Body line one.\nBody line two.",
		},
		{
			name:    "CRLF, BOM and trailing blank lines",
			in:      "\uFEFFBody.\r\nMore body.\r\n2 Comments\r\nAnn\r\nFirst.\r\nBob\r\nSecond.\r\n\r\n\r\n",
			body:    "Body.\nMore body.",
			authors: []string{"Ann", "Bob"},
			texts:   []string{"First.", "Second."},
		},
		{
			name:    "blank lines between comments",
			in:      "Body.\n\n2 comments\n\nAnn\nFirst.\n\n\nBob\n   \nSecond.\n",
			body:    "Body.",
			authors: []string{"Ann", "Bob"},
			texts:   []string{"First.", "Second."},
		},
		{
			name:     "count disagrees",
			in:       "Body.\n5 Comments\nAnn\nFirst.\n",
			body:     "Body.",
			authors:  []string{"Ann"},
			texts:    []string{"First."},
			warnings: []string{"line 2 announces 5 comments, found 1"},
		},
		{
			name:     "trailing author without comment",
			in:       "Body.\n2 Comments\nAnn\nFirst.\nBob\n",
			body:     "Body.",
			authors:  []string{"Ann"},
			texts:    []string{"First."},
			warnings: []string{`line 5: author "Bob" has no comment`, "announces 2 comments, found 1"},
		},
		{
			name:    "singular, thousands separator, leading space",
			in:      "Body.\n  1 COMMENT \nAnn\nFirst.\n",
			body:    "Body.",
			authors: []string{"Ann"},
			texts:   []string{"First."},
		},
		{
			name:     "large count with comma",
			in:       "Body.\n1,204 Comments\nAnn\nFirst.\n",
			body:     "Body.",
			authors:  []string{"Ann"},
			texts:    []string{"First."},
			warnings: []string{"announces 1204 comments"},
		},
		{
			name: "no comments",
			in:   "Body.\nNo comments\n",
			body: "Body.",
		},
		{
			name:     "count too large to hold",
			in:       "Body.\n99999999999999999999999 comments\nAnn\nHi\n",
			body:     "Body.",
			authors:  []string{"Ann"},
			texts:    []string{"Hi"},
			warnings: []string{"unreadable number"},
		},
		{
			name:    "only the first count line opens the section",
			in:      "Body.\n2 Comments\nAnn\n3 comments\nBob\nOK\n",
			body:    "Body.",
			authors: []string{"Ann", "Bob"},
			texts:   []string{"3 comments", "OK"},
		},
		{
			name: "a number in prose is not a count line",
			in:   "He made 11 comments on the treaty.\nThe end.",
			body: "He made 11 comments on the treaty.\nThe end.",
		},
		{
			name: "leading white space of the body is kept",
			in:   "\n  Indented body.  \n",
			body: "\n  Indented body.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseText([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if doc.body != tt.body {
				t.Errorf("body %q, want %q", doc.body, tt.body)
			}
			var authors, texts []string
			for i, c := range doc.comments {
				authors, texts = append(authors, c.Author), append(texts, c.Text)
				if c.Index != i {
					t.Errorf("comment %d has index %d", i, c.Index)
				}
			}
			if !slices.Equal(authors, tt.authors) || !slices.Equal(texts, tt.texts) {
				t.Errorf("comments %q %q, want %q %q", authors, texts, tt.authors, tt.texts)
			}
			if len(doc.warnings) != len(tt.warnings) {
				t.Fatalf("warnings %q, want %d", doc.warnings, len(tt.warnings))
			}
			for i, w := range tt.warnings {
				if !strings.Contains(doc.warnings[i], w) {
					t.Errorf("warning %q does not say %q", doc.warnings[i], w)
				}
			}
		})
	}
}

func TestParseTextInvalidUTF8(t *testing.T) {
	_, err := parseText([]byte("ok\nok\nbad \xff\n"))
	if !errors.Is(err, ErrInvalidUTF8) || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("err = %v, want invalid UTF-8 on line 3", err)
	}
}
