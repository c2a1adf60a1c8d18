package loaders

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Fields maps a corpus's own field names onto an article's fields, for
// JSON and CSV inputs alike. An empty name means the standard one (the
// name of the article field: "text", "published", ...).
//
// In JSON a name may be a dotted path into nested objects
// ("content.body"); a key that itself contains dots is matched whole
// first. In CSV a name is a column name, matched without regard to case.
type Fields struct {
	Text, Published, Title, ID, URL, Source string
}

// articleField is one article field and the corpus field that feeds it.
type articleField struct {
	name string // the article field: "text", "published", ...
	src  string // where it comes from in the corpus
}

// list returns every article field with its source, defaults filled in,
// in a fixed order.
func (f Fields) list() []articleField {
	or := func(s, def string) string {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
		return def
	}
	return []articleField{
		{"id", or(f.ID, "id")},
		{"title", or(f.Title, "title")},
		{"url", or(f.URL, "url")},
		{"source", or(f.Source, "source")},
		{"published", or(f.Published, "published")},
		{"text", or(f.Text, "text")},
	}
}

// text is the name of the field that holds the text.
func (f Fields) text() string {
	if s := strings.TrimSpace(f.Text); s != "" {
		return s
	}
	return "text"
}

// Validate refuses a mapping that sends one corpus field to two article
// fields, which is a mistake on the command line far more often than an
// intent.
func (f Fields) Validate() error {
	seen := map[string]string{}
	for _, af := range f.list() {
		k := strings.ToLower(af.src)
		if prev, dup := seen[k]; dup {
			return fmt.Errorf("field mapping: %q is given for both %s and %s", af.src, prev, af.name)
		}
		seen[k] = af.name
	}
	return nil
}

// lookupJSON finds path in a decoded object: the key path itself, else
// the dotted path walked through nested objects. top is the top-level key
// the value was found under, so that it is not also kept as metadata.
func lookupJSON(m map[string]json.RawMessage, path string) (v json.RawMessage, top string, ok bool) {
	if v, ok := m[path]; ok {
		return v, path, true
	}
	first, rest, dotted := strings.Cut(path, ".")
	if !dotted {
		return nil, "", false
	}
	v, ok = m[first]
	for ok && rest != "" {
		v = bytes.TrimSpace(v)
		if len(v) == 0 || v[0] != '{' {
			return nil, "", false
		}
		var inner map[string]json.RawMessage
		if json.Unmarshal(v, &inner) != nil {
			return nil, "", false
		}
		// A key with dots in it is matched whole before it is split.
		if v, ok = inner[rest]; ok {
			break
		}
		var key string
		key, rest, _ = strings.Cut(rest, ".")
		v, ok = inner[key]
	}
	if !ok {
		return nil, "", false
	}
	return v, first, true
}
