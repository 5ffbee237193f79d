package ui

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Linker is a scene whose set-up can be written back as URL options: Link
// adds to q the options (the URL keys) that differ from the scene's
// defaults, so that Set(q) on a fresh scene shows the same set-up.
type Linker interface {
	Link(q map[string]string)
}

// AddChanged adds to q each entry of cur whose value differs from def's.
func AddChanged(q, cur, def map[string]string) {
	for k, v := range cur {
		if def[k] != v {
			q[k] = v
		}
	}
}

// LinkQuery is the query string ("scene=ring&a=0.5&b=1.5", without '?')
// that opens scene with opts, keys sorted after scene; "" for the first
// scene with no options (the plain address).
func LinkQuery(scene string, opts map[string]string) string {
	if scene == Scenes[0] && len(opts) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("scene=" + url.QueryEscape(scene))
	for _, k := range SortedKeys(opts) {
		b.WriteString("&" + url.QueryEscape(k) + "=" + url.QueryEscape(opts[k]))
	}
	return b.String()
}

// Num formats a setting for a link: the shortest text that reads back as
// the same number (0.1, 4000, 1e-05).
func Num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Coord formats a coordinate the user dragged or panned to, to 4
// significant digits (a link need not carry the pointer's every bit).
func Coord(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }

// Coords joins coordinates with commas for a link ("x0,y0,x1,y1").
func Coords(vs ...float64) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = Coord(v)
	}
	return strings.Join(parts, ",")
}

// Bool is a yes/no setting for a link: "1" or "0".
func Bool(on bool) string {
	if on {
		return "1"
	}
	return "0"
}

// Link is the query that reproduces what the page shows: the visible
// scene and, when it is a Linker, its options.
func (s *Shell) Link() string {
	sc := s.Scene()
	q := map[string]string{}
	if l, ok := sc.(Linker); ok {
		l.Link(q)
	}
	return LinkQuery(sc.Name(), q)
}

// LinkChanged returns Link when it differs from the last one it returned
// (the page writes it into the address bar), looking at most twice a
// second.
func (s *Shell) LinkChanged() (string, bool) {
	if s.frameAt.Sub(s.linkAt) < 500*time.Millisecond {
		return "", false
	}
	s.linkAt = s.frameAt
	q := s.Link()
	if s.linkOK && q == s.link {
		return "", false
	}
	s.link, s.linkOK = q, true
	return q, true
}
