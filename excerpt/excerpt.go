// Package excerpt is how a message quotes text that came from outside the
// program — a file, a URL, a command line: at most MaxRunes characters of
// it, in double quotes, with control characters and invalid UTF-8 escaped,
// so that a 65 KB model name or a value full of newlines and terminal
// escapes becomes one short, harmless line.
//
//	fmt.Sprintf("unknown model %s", excerpt.Quote(name))
package excerpt

import (
	"strconv"
	"unicode/utf8"
)

// MaxRunes is how many characters of the quoted text a message keeps.
const MaxRunes = 200

// Quote returns s as a Go-style double-quoted string (strconv.Quote: printable
// Unicode as it is, control characters and invalid bytes escaped), cut to
// its first MaxRunes characters; a cut string ends in "…" after the quote
// and says how long the whole was: "aaaa…"… (65536 bytes).
func Quote(s string) string {
	return QuoteN(s, MaxRunes)
}

// QuoteN is Quote keeping at most n characters (n ≥ 1), and fewer where
// escapes would make the quoted text longer than 3n bytes (each invalid
// byte becomes four: \xd5).
func QuoteN(s string, n int) string {
	cut, whole := Cut(s, n)
	q := strconv.Quote(cut)
	for len(q) > 3*n+2 {
		_, size := utf8.DecodeLastRuneInString(cut)
		cut, whole = cut[:len(cut)-size], false
		q = strconv.Quote(cut)
	}
	if !whole {
		return q + "… (" + strconv.Itoa(len(s)) + " bytes)"
	}
	return q
}

// Cut returns the first n characters of s (invalid bytes count as one each)
// and whether that is all of s. It does not allocate.
func Cut(s string, n int) (head string, whole bool) {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return s, true
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], i >= len(s)
}

// Word returns s as it is when it is a short plain word (1 to 40 ASCII
// letters, digits and "._-", such as a model name "mlp10"), and Quote(s)
// otherwise, so messages read naturally for the names a program writes and
// stay safe for anything else.
func Word(s string) string {
	if len(s) == 0 || len(s) > 40 {
		return Quote(s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-') {
			return Quote(s)
		}
	}
	return s
}
