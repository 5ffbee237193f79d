// Package excerpttest checks, in tests and fuzz targets, that a message
// meant for a person quotes outside text the way package excerpt does:
// short, one line, no control characters.
package excerpttest

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// MaxMessage is the longest message a check accepts: what the program says
// (a list of choices, what was kept) plus at most one excerpt of outside
// text.
const MaxMessage = 1000

// CheckMessage fails t if msg is longer than MaxMessage bytes, is not
// valid UTF-8, or holds a control or format character (a newline, a
// terminal escape, a right-to-left override).
func CheckMessage(t testing.TB, msg string) {
	t.Helper()
	if len(msg) > MaxMessage {
		t.Fatalf("message of %d bytes, want ≤ %d: %.200q…", len(msg), MaxMessage, msg)
	}
	if !utf8.ValidString(msg) {
		t.Fatalf("message is not valid UTF-8: %q", msg)
	}
	for _, r := range msg {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' {
			t.Fatalf("message holds %U: %q", r, msg)
		}
	}
}
