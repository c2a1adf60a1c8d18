package loaders

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/diplograph/diplograph"
)

// readHTML reads one web page as one article.
func readHTML(ctx context.Context, name string, r *bufio.Reader, opts Options, yield yieldFunc) bool {
	return readWhole(ctx, name, r, opts, yield, func(data []byte) (diplograph.Article, []string, error) {
		a, err := parseHTML(data)
		return a, nil, err
	})
}

// parseHTML turns a web page into an article: the readable text of its
// main content with one paragraph per line, the title, canonical URL and
// site name from its metadata, and the publication date from its
// metadata or a <time> element.
//
// The main content is the <article> with the most text, else <main>, else
// <body>. Scripts, styles, navigation, headers, footers, asides, forms and
// hidden elements are dropped. The text is made from the markup, so
// extraction offsets point into this text, not into the file.
func parseHTML(data []byte) (diplograph.Article, error) {
	var a diplograph.Article
	if looksBinary(string(data)) {
		return a, fmt.Errorf("%w: this is not an HTML file", ErrBinary)
	}
	data, err := decodeHTML(data)
	if err != nil {
		return a, err
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return a, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	var p page
	p.scan(doc, 0)
	root := p.body
	switch {
	case len(p.articles) > 0:
		best := -1
		for _, n := range p.articles {
			if l := len(renderText(n)); l > best {
				root, best = n, l
			}
		}
	case p.main != nil:
		root = p.main
	}
	if root == nil {
		root = doc
	}
	a.Text = renderText(root)
	a.Title = firstNonEmpty(p.meta["og:title"], p.meta["twitter:title"], p.title)
	a.URL = firstNonEmpty(p.meta["og:url"], p.canonical)
	a.Source = p.meta["og:site_name"]
	a.Published, err = p.published(root)
	if err != nil {
		return diplograph.Article{}, err
	}
	return a, nil
}

// decodeHTML returns the page as UTF-8. A page that is valid UTF-8 is
// taken as it is unless it declares another encoding; a page that
// declares UTF-8 and is not is rejected; any other page is decoded from
// the encoding it declares, or from windows-1252 when it declares none,
// as browsers do.
func decodeHTML(data []byte) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(data, "")
	valid := utf8.Valid(data)
	switch {
	case name == "utf-8" || (valid && name == "windows-1252"):
		if !valid {
			return nil, fmt.Errorf("%w: the page declares UTF-8", ErrInvalidUTF8)
		}
		return data, nil
	case enc == nil:
		return nil, fmt.Errorf("%w: unknown character encoding", ErrInvalidUTF8)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("%w: decoding %s: %w", ErrInvalidUTF8, name, err)
	}
	return out, nil
}

// maxDepth bounds how deep the walks below recurse. html.Parse already
// refuses a page with more than 512 open elements (a malformed record);
// the bound keeps the walks safe on their own, whatever built the tree.
const maxDepth = 1024

// page is what scanning a document found.
type page struct {
	title     string
	canonical string
	meta      map[string]string // property or name or itemprop, lower-cased, to content
	body      *html.Node
	main      *html.Node
	articles  []*html.Node
}

// scan walks the whole document once, collecting metadata and the
// candidate content roots.
func (p *page) scan(n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	if p.meta == nil {
		p.meta = map[string]string{}
	}
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Title:
			if p.title == "" {
				p.title = collapseSpace(textOf(n))
			}
		case atom.Meta:
			key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			if _, seen := p.meta[key]; key != "" && !seen {
				p.meta[key] = strings.TrimSpace(attr(n, "content"))
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && p.canonical == "" {
				p.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Body:
			p.body = n
		case atom.Main:
			if p.main == nil {
				p.main = n
			}
		case atom.Article:
			p.articles = append(p.articles, n)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.scan(c, depth+1)
	}
}

// published finds the page's publication date: the article metadata
// (article:published_time, og:published_time, itemprop datePublished),
// which must be a valid date when present, else the first <time
// datetime> in the content whose value is a date — <time> also marks
// durations and times of day, which are passed over.
func (p *page) published(root *html.Node) (string, error) {
	for _, k := range []string{"article:published_time", "og:published_time", "datepublished"} {
		if v := p.meta[k]; v != "" {
			if _, err := NormalizeDate(v); err != nil {
				return "", fmt.Errorf("%s: %w", k, err)
			}
			return v, nil
		}
	}
	var found string
	var walk func(n *html.Node, depth int) bool
	walk = func(n *html.Node, depth int) bool {
		if depth > maxDepth {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Time {
			if v := strings.TrimSpace(attr(n, "datetime")); v != "" {
				if _, err := NormalizeDate(v); err == nil {
					found = v
					return true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c, depth+1) {
				return true
			}
		}
		return false
	}
	// The content first: a <time> in a sidebar dates something else.
	if !walk(root, 0) && p.body != nil {
		walk(p.body, 0)
	}
	return found, nil
}

// skipped reports whether an element and everything in it is left out
// of the text: code, styling, page furniture, forms, embedded objects
// and hidden elements.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head,
		atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Menu,
		atom.Form, atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Label,
		atom.Iframe, atom.Object, atom.Embed, atom.Svg, atom.Math, atom.Canvas,
		atom.Audio, atom.Video, atom.Dialog:
		return true
	}
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			v := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// block reports whether an element starts and ends a line of text.
func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Body,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd,
		atom.Blockquote, atom.Pre, atom.Address, atom.Figure, atom.Figcaption,
		atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Caption,
		atom.Hr, atom.Details, atom.Summary, atom.Center:
		return true
	}
	return false
}

// renderText turns an element's content into text: one line per
// paragraph or other block, white space inside a line collapsed, blank
// lines dropped; <br> breaks a line and <pre> keeps its lines.
func renderText(root *html.Node) string {
	var t textBuilder
	var walk func(n *html.Node, pre bool, depth int)
	walk = func(n *html.Node, pre bool, depth int) {
		if depth > maxDepth {
			return
		}
		switch n.Type {
		case html.TextNode:
			if pre {
				for i, l := range strings.Split(n.Data, "\n") {
					if i > 0 {
						t.brk()
					}
					t.add(l)
				}
				return
			}
			t.add(n.Data)
			return
		case html.ElementNode:
			if skipped(n) {
				return
			}
			switch {
			case n.DataAtom == atom.Br:
				t.brk()
				return
			case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
				t.space()
			case block(n.DataAtom):
				t.brk()
				defer t.brk()
			}
			pre = pre || n.DataAtom == atom.Pre
		case html.CommentNode, html.DoctypeNode:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre, depth+1)
		}
	}
	walk(root, false, 0)
	t.brk()
	return strings.Join(t.lines, "\n")
}

// textBuilder gathers lines of text with white space collapsed.
type textBuilder struct {
	lines []string
	cur   strings.Builder
	gap   bool // white space is owed before the next word
}

func (t *textBuilder) add(s string) {
	if s == "" {
		return
	}
	if isSpace(s[0]) {
		t.gap = true
	}
	for _, w := range strings.Fields(s) {
		if t.gap && t.cur.Len() > 0 {
			t.cur.WriteByte(' ')
		}
		t.cur.WriteString(w)
		t.gap = true
	}
	t.gap = isSpace(s[len(s)-1])
}

// space owes white space before the next word, as between table cells.
func (t *textBuilder) space() { t.gap = true }

// brk ends the current line, if it has anything on it.
func (t *textBuilder) brk() {
	if t.cur.Len() > 0 {
		t.lines = append(t.lines, t.cur.String())
		t.cur.Reset()
	}
	t.gap = false
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}

// textOf returns all the text under n, markup dropped.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
