package excerpt

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", `""`},
		{"mlp10", `"mlp10"`},
		{"a\nb", `"a\nb"`},
		{"\x1b[31mred", `"\x1b[31mred"`},
		{"née", `"née"`},
		{"bad\xffbyte", `"bad\xffbyte"`},
	} {
		if got := Quote(c.in); got != c.want {
			t.Errorf("Quote(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestQuoteLong(t *testing.T) {
	long := strings.Repeat("é", 70000) // 140,000 bytes
	got := Quote(long)
	want := strconv.Quote(strings.Repeat("é", MaxRunes)) + "… (140000 bytes)"
	if got != want {
		t.Fatalf("Quote(70000 × é) = %.60s…, want %.60s…", got, want)
	}
	if n := utf8.RuneCountInString(got); n > MaxRunes+30 {
		t.Errorf("quoted %d characters, want about %d", n, MaxRunes)
	}
	// Exactly MaxRunes characters is whole: no ellipsis.
	exact := strings.Repeat("x", MaxRunes)
	if got := Quote(exact); got != strconv.Quote(exact) {
		t.Errorf("Quote of %d characters was cut: %s", MaxRunes, got)
	}
	if got := QuoteN("abcdef", 3); got != `"abc"… (6 bytes)` {
		t.Errorf("QuoteN(abcdef, 3) = %s", got)
	}
}

func TestQuoteNoControlCharacters(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r < 0x20; r++ {
		b.WriteRune(r)
	}
	b.WriteString("\x7f\u0085\u2028\u202e")
	got := Quote(b.String())
	for _, r := range got {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x202e {
			t.Errorf("Quote kept control character %U in %s", r, got)
		}
	}
}

func TestCutAllocatesNothing(t *testing.T) {
	s := strings.Repeat("ab", 1000)
	if a := testing.AllocsPerRun(100, func() { Cut(s, MaxRunes) }); a != 0 {
		t.Errorf("Cut allocates %v times", a)
	}
}

func TestWord(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"mlp10", "mlp10"},
		{"cnn10-tanh", "cnn10-tanh"},
		{"", `""`},
		{"two words", `"two words"`},
		{"a\nb", `"a\nb"`},
		{strings.Repeat("x", 41), strconv.Quote(strings.Repeat("x", 41))},
	} {
		if got := Word(c.in); got != c.want {
			t.Errorf("Word(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestQuoteEscapesBounded: 200 invalid bytes would quote to 800; the
// excerpt stays within 3 bytes per character kept.
func TestQuoteEscapesBounded(t *testing.T) {
	got := Quote(strings.Repeat("\xd5", 5000))
	if len(got) > 3*MaxRunes+2+len("… (5000 bytes)") || !strings.HasSuffix(got, "… (5000 bytes)") {
		t.Errorf("quoted %d bytes: %.80s…", len(got), got)
	}
}
