package diplograph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Article is one news article as a loader reads it.
type Article struct {
	// ID is the source's own identifier when it has one, else derived from
	// the content hash so that the same text always gets the same id.
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"` // ISO 8601 date, YYYY-MM-DD, or empty when unknown
	// Hash is the content hash (see ContentHash); loading an article whose
	// hash is already stored changes nothing.
	Hash string `json:"hash,omitempty"`
	// Text is the body. It is left out of the extract JSON, which would
	// otherwise repeat the whole input.
	Text     string            `json:"-"`
	Comments []Comment         `json:"-"`
	Meta     map[string]string `json:"meta,omitempty"` // free metadata, e.g. "synthetic": "true"
}

// Comment is a reader comment posted under an article.
type Comment struct {
	Index   int      `json:"index"` // 0-based position under the article
	Author  string   `json:"author"`
	Text    string   `json:"text"`
	Stance  Stance   `json:"stance"`
	Targets []string `json:"targets"` // ids of the entities or events the stance is about
}

// Stance is a comment's attitude toward what it discusses.
type Stance string

// The stances a comment can take.
const (
	StanceSupport Stance = "SUPPORT"
	StanceOppose  Stance = "OPPOSE"
	StanceNeutral Stance = "NEUTRAL"
)

// ContentHash returns the hex SHA-256 of what makes an article itself: its
// title, publication date, text and comments. Whitespace at the ends of
// each part is ignored so that a trailing newline does not make a new
// article.
func ContentHash(a *Article) string {
	h := sha256.New()
	part := func(s string) {
		h.Write([]byte(strings.TrimSpace(s)))
		h.Write([]byte{0})
	}
	part(a.Title)
	part(a.Published)
	part(a.Text)
	for _, c := range a.Comments {
		part(c.Author)
		part(c.Text)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ArticleIDFromHash is the id given to an article that brings none: a
// prefix of its content hash, long enough never to collide in practice.
func ArticleIDFromHash(hash string) string {
	if len(hash) > 16 {
		hash = hash[:16]
	}
	return "a-" + hash
}
