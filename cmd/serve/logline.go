package main

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// statusWriter remembers the status code for the request log.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

// logRequests wraps h to write one line per request to out: method, path
// (made safe by logPath), status and time taken.
func logRequests(h http.Handler, out io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		start := time.Now()
		h.ServeHTTP(sw, r)
		fmt.Fprintf(out, "%s %s %d %s\n", r.Method, logPath(r.URL.Path), sw.code, time.Since(start).Round(time.Millisecond))
	})
}

// maxLogPath is how many characters of a path the log shows.
const maxLogPath = 200

// logPath returns a decoded URL path as it can safely appear in a log line:
// control characters, other unprintable runes and invalid UTF-8 become Go
// escapes (\n, \x1b, \u2028, \xff), a backslash becomes \\ so that the
// escapes are unambiguous, and a path longer than maxLogPath characters
// (counted after escaping) is cut there, followed by "…" and the path's
// length in bytes.
func logPath(p string) string {
	var b strings.Builder
	chars := 0
	for i, r := range p {
		var esc string
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(p[i:], "\uFFFD"):
			esc = fmt.Sprintf(`\x%02x`, p[i])
		case r == '\\':
			esc = `\\`
		case !unicode.IsPrint(r):
			q := strconv.QuoteRune(r)
			esc = q[1 : len(q)-1]
		}
		n := 1
		if esc != "" {
			n = len(esc) // escapes are ASCII
		}
		if chars+n > maxLogPath {
			fmt.Fprintf(&b, "…[%d bytes]", len(p))
			break
		}
		chars += n
		if esc != "" {
			b.WriteString(esc)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
