package main

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLogPath(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc, path, want string
	}{
		{"plain", "/main.wasm", "/main.wasm"},
		{"printable unicode kept", "/é/数字 space", "/é/数字 space"},
		{"newline (%0a) cannot forge a line", "/x\nGET /forged 200 0s", `/x\nGET /forged 200 0s`},
		{"carriage return", "/x\r", `/x\r`},
		{"terminal escape (%1b[31m)", "/\x1b[31mred", `/\x1b[31mred`},
		{"NUL and DEL", "/\x00\x7f", `/\x00\x7f`},
		{"C1 control", "/\u0085", `/\u0085`},
		{"line separator", "/\u2028", `/\u2028`},
		{"bidi override", "/\u202e", `/\u202e`},
		{"invalid UTF-8", "/\xff\xfe", `/\xff\xfe`},
		{"literal replacement character kept", "/\uFFFD", "/\uFFFD"},
		{"backslash doubled so escapes are unambiguous", `/\x1b`, `/\\x1b`},
	}
	for _, tt := range tests {
		if got := logPath(tt.path); got != tt.want {
			t.Errorf("%s: logPath(%q) = %q, want %q", tt.desc, tt.path, got, tt.want)
		}
	}
}

func TestLogPathLong(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc, path string
	}{
		{"1 MiB of letters", "/" + strings.Repeat("a", 1<<20-1)},
		{"1 MiB of newlines", "/" + strings.Repeat("\n", 1<<20-1)},
		{"1 MiB of two-byte runes", "/" + strings.Repeat("é", 1<<19-1) + "x"},
	}
	for _, tt := range tests {
		got := logPath(tt.path)
		suffix := fmt.Sprintf("…[%d bytes]", len(tt.path))
		if !strings.HasSuffix(got, suffix) {
			t.Errorf("%s: logPath ends %q, want %q", tt.desc, got[max(0, len(got)-40):], suffix)
			continue
		}
		if n := utf8.RuneCountInString(strings.TrimSuffix(got, suffix)); n > maxLogPath || n < maxLogPath-6 {
			t.Errorf("%s: logPath keeps %d characters, want %d or a few less", tt.desc, n, maxLogPath)
		}
		if strings.ContainsAny(got, "\n\r") || !utf8.ValidString(got) {
			t.Errorf("%s: logPath holds a line break or invalid UTF-8", tt.desc)
		}
	}
	exact := "/" + strings.Repeat("b", maxLogPath-1)
	if got := logPath(exact); got != exact {
		t.Errorf("logPath of %d characters = %q, want it whole", maxLogPath, got)
	}
}

// TestLogRequests checks that each request gives one log line whatever its
// path holds.
func TestLogRequests(t *testing.T) {
	h, _ := newTestHandler(t)
	var out syncBuffer
	logged := logRequests(h, &out)
	paths := []string{"/index.html", "/x\nGET /forged 200 0s", "/\x1b[31m\x1b]0;title\x07", "/" + strings.Repeat("z", 1<<20)}
	for _, p := range paths {
		do(logged, "GET", p, "")
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(paths) {
		t.Fatalf("%d requests logged as %d lines: %q", len(paths), len(lines), lines)
	}
	wantPrefix := []string{"GET /index.html 200 ", `GET /x\nGET /forged 200 0s 404 `, `GET /\x1b[31m\x1b]0;title\a 404 `, "GET /zzz"}
	for i, line := range lines {
		if !strings.HasPrefix(line, wantPrefix[i]) {
			t.Errorf("log line %d = %.80q, want it to start %q", i, line, wantPrefix[i])
		}
		if strings.ContainsRune(line, '\x1b') {
			t.Errorf("log line %d holds a raw ESC", i)
		}
		if len(line) > 300 {
			t.Errorf("log line %d is %d bytes long, want at most 300", i, len(line))
		}
	}
	if !strings.Contains(lines[3], fmt.Sprintf("…[%d bytes] 404 ", 1<<20+1)) {
		t.Errorf("long path logged as %.300q, want it cut with its length", lines[3])
	}
}
