package excerpttest

import (
	"strings"
	"testing"

	"digitlab/excerpt"
)

// recorder is a testing.TB that records a failure instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Fatalf(string, ...any) { r.failed = true }

func TestCheckMessage(t *testing.T) {
	for _, c := range []struct {
		msg  string
		fail bool
	}{
		{"option lr=\"x\": not a number", false},
		{"née — ok", false},
		{"two\nlines", true},
		{"\x1b[31mred", true},
		{"rtl \u202e override", true},
		{"bad \xff byte", true},
		{strings.Repeat("x", MaxMessage+1), true},
		{"quoted " + excerpt.Quote("\x1b[31m\n"+strings.Repeat("y", 5000)), false},
	} {
		r := &recorder{TB: t}
		CheckMessage(r, c.msg)
		if r.failed != c.fail {
			t.Errorf("CheckMessage(%.40q) failed = %v, want %v", c.msg, r.failed, c.fail)
		}
	}
}
