package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// site makes a small site folder with a secret file beside it (outside the
// root) and returns the root.
func site(t *testing.T) string {
	t.Helper()
	parent := t.TempDir()
	root := filepath.Join(parent, "static")
	files := map[string]string{
		"index.html":           "<!doctype html><title>Digit Lab</title>" + strings.Repeat("<p>hello</p>", 100),
		"main.wasm":            "\x00asm\x01\x00\x00\x00" + strings.Repeat("\x00\x01\x02\x03", 1000),
		"wasm_exec.js":         strings.Repeat("// wasm_exec\n", 100),
		"tiny.js":              "x=1",
		"data/digits.csv.gz":   "\x1f\x8b\x08\x00" + strings.Repeat("z", 2000),
		"data/nested/file.txt": "nested",
		"sub/index.html":       "<p>sub</p>",
		"empty/.keep":          "",
		".hidden":              "hidden",
		"../secret.txt":        "secret",
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(parent, "secret.txt"), filepath.Join(root, "link.txt")); err != nil {
		t.Fatal(err)
	}
	return root
}

func newTestHandler(t *testing.T) (*Handler, string) {
	t.Helper()
	root := site(t)
	h, err := NewHandler(root)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return h, root
}

// do sends one request straight to the handler, so that raw paths with ".."
// reach it as a client could send them.
func do(h http.Handler, method, path, acceptEncoding string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, "http://example.test/", nil)
	req.URL.Path = path
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServeStatusAndType(t *testing.T) {
	h, _ := newTestHandler(t)
	tests := []struct {
		desc, method, path string
		code               int
		ctype              string
	}{
		{"root serves index.html", "GET", "/", 200, "text/html; charset=utf-8"},
		{"index.html by name", "GET", "/index.html", 200, "text/html; charset=utf-8"},
		{"wasm type", "GET", "/main.wasm", 200, "application/wasm"},
		{"javascript type", "GET", "/wasm_exec.js", 200, "text/javascript; charset=utf-8"},
		{"gz is application/gzip", "GET", "/data/digits.csv.gz", 200, "application/gzip"},
		{"nested file", "GET", "/data/nested/file.txt", 200, "text/plain; charset=utf-8"},
		{"HEAD works", "HEAD", "/main.wasm", 200, "application/wasm"},
		{"sub folder index", "GET", "/sub/", 200, "text/html; charset=utf-8"},
		{"sub folder without slash redirects", "GET", "/sub", 301, ""},
		{"folder without index is not listed", "GET", "/empty/", 404, ""},
		{"data folder is not listed", "GET", "/data/", 404, ""},
		{"missing file", "GET", "/nope.js", 404, ""},
		{"dot-dot", "GET", "/../secret.txt", 400, ""},
		{"dot-dot inside", "GET", "/data/../../secret.txt", 400, ""},
		{"dot-dot that stays inside is refused too", "GET", "/data/../index.html", 400, ""},
		{"backslash", "GET", "/..\\secret.txt", 400, ""},
		{"relative path", "GET", "secret.txt", 400, ""},
		{"dot-file", "GET", "/.hidden", 404, ""},
		{"dot-file in folder", "GET", "/empty/.keep", 404, ""},
		{"symlink out of root", "GET", "/link.txt", 404, ""},
		{"POST refused", "POST", "/index.html", 405, ""},
		{"PUT refused", "PUT", "/index.html", 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			rec := do(h, tt.method, tt.path, "")
			if rec.Code != tt.code {
				t.Fatalf("%s %s: code %d, want %d (body %q)", tt.method, tt.path, rec.Code, tt.code, rec.Body.String())
			}
			if tt.ctype != "" {
				if got := rec.Header().Get("Content-Type"); got != tt.ctype {
					t.Errorf("%s %s: Content-Type %q, want %q", tt.method, tt.path, got, tt.ctype)
				}
			}
			if strings.Contains(rec.Body.String(), "secret") {
				t.Errorf("%s %s: body leaks the file outside the root", tt.method, tt.path)
			}
		})
	}
}

func TestServeBodies(t *testing.T) {
	h, root := newTestHandler(t)
	for _, name := range []string{"index.html", "main.wasm", "data/digits.csv.gz", "tiny.js"} {
		want, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		rec := do(h, "GET", "/"+name, "")
		if !bytes.Equal(rec.Body.Bytes(), want) {
			t.Errorf("GET /%s without Accept-Encoding: body differs from the file", name)
		}
		if ce := rec.Header().Get("Content-Encoding"); ce != "" {
			t.Errorf("GET /%s without Accept-Encoding: Content-Encoding %q, want none", name, ce)
		}
		if cl := rec.Header().Get("Content-Length"); cl == "" {
			t.Errorf("GET /%s: no Content-Length (the page's progress bar needs it)", name)
		}
	}
}

func TestServeGzip(t *testing.T) {
	h, root := newTestHandler(t)
	tests := []struct {
		desc, path, accept string
		gzipped            bool
	}{
		{"wasm compressed", "/main.wasm", "gzip, deflate, br", true},
		{"html compressed", "/index.html", "gzip", true},
		{"js compressed", "/wasm_exec.js", "br;q=1.0, gzip;q=0.8", true},
		{"star allows gzip", "/main.wasm", "*", true},
		{"gzip refused by q=0", "/main.wasm", "gzip;q=0, *", false},
		{"no gzip offered", "/main.wasm", "br, deflate", false},
		{"identity only", "/main.wasm", "identity", false},
		{".gz never re-encoded", "/data/digits.csv.gz", "gzip", false},
		{"tiny file not worth it", "/tiny.js", "gzip", false},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(tt.path, "/"))))
			if err != nil {
				t.Fatal(err)
			}
			rec := do(h, "GET", tt.path, tt.accept)
			if rec.Code != 200 {
				t.Fatalf("GET %s: code %d", tt.path, rec.Code)
			}
			ce := rec.Header().Get("Content-Encoding")
			body := rec.Body.Bytes()
			if tt.gzipped {
				if ce != "gzip" {
					t.Fatalf("GET %s (Accept-Encoding %q): Content-Encoding %q, want gzip", tt.path, tt.accept, ce)
				}
				if got, want := rec.Header().Get("Content-Length"), strconv.Itoa(len(body)); got != want {
					t.Errorf("GET %s: Content-Length %q, want %s (the compressed size)", tt.path, got, want)
				}
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatalf("GET %s: body is not gzip: %v", tt.path, err)
				}
				body, err = io.ReadAll(zr)
				if err != nil {
					t.Fatalf("GET %s: bad gzip: %v", tt.path, err)
				}
				if got, want := rec.Header().Get("X-Decoded-Length"), len(want); got != strconv.Itoa(want) {
					t.Errorf("GET %s: X-Decoded-Length %q, want %d", tt.path, got, want)
				}
				if got := rec.Header().Get("Vary"); got != "Accept-Encoding" {
					t.Errorf("GET %s: Vary %q, want Accept-Encoding", tt.path, got)
				}
			} else if ce != "" {
				t.Fatalf("GET %s (Accept-Encoding %q): Content-Encoding %q, want none", tt.path, tt.accept, ce)
			}
			if !bytes.Equal(body, want) {
				t.Errorf("GET %s (Accept-Encoding %q): decoded body differs from the file", tt.path, tt.accept)
			}
		})
	}
}

// TestServeGzipCacheRefresh checks that a rebuilt file is not served from a
// stale compressed copy.
func TestServeGzipCacheRefresh(t *testing.T) {
	h, root := newTestHandler(t)
	p := filepath.Join(root, "main.wasm")
	for i, content := range []string{strings.Repeat("first ", 200), strings.Repeat("second build ", 300)} {
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		mt := time.Date(2026, 1, 1, 0, 0, i, 0, time.UTC)
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
		rec := do(h, "GET", "/main.wasm", "gzip")
		zr, err := gzip.NewReader(rec.Body)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(zr)
		if string(got) != content {
			t.Fatalf("build %d: served %q..., want %q...", i, got[:10], content[:10])
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"GZIP", true},
		{"x-gzip", true},
		{"deflate, gzip;q=1.0, *;q=0.5", true},
		{"gzip;q=0", false},
		{"gzip; q=0.0", false},
		{"gzip;q=0.001", true},
		{"gzip;q=bogus", false},
		{"*", true},
		{"*;q=0", false},
		{"gzip;q=0, *;q=1", false},
		{"br", false},
	}
	for _, tt := range tests {
		if got := acceptsGzip(tt.header); got != tt.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

func TestNewHandlerMissingRoot(t *testing.T) {
	if _, err := NewHandler(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Fatal("NewHandler(missing folder) = nil error, want one")
	}
}

// syncBuffer is a bytes.Buffer safe to read while the server writes to it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestRunPrintsURLAndServes(t *testing.T) {
	root := site(t)
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := new(syncBuffer), new(syncBuffer)
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-root", root, "-quiet"}, stdout, stderr) }()

	var url string
	for deadline := time.Now().Add(5 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		out := stdout.String()
		if i := strings.Index(out, "http://"); i >= 0 && strings.HasSuffix(out, "\n") {
			url = strings.TrimSpace(out[i:])
		}
	}
	if url == "" {
		t.Fatalf("no URL printed; stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") || strings.HasSuffix(url, ":0/") {
		t.Fatalf("printed URL %q, want http://127.0.0.1:<port>/", url)
	}
	resp, err := http.Get(url + "main.wasm")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("GET main.wasm: %d %q, want 200 application/wasm", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run after cancel = %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("run did not stop after cancel")
	}
}

func TestRunPortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	root := site(t)
	stdout, stderr := new(syncBuffer), new(syncBuffer)
	err = run(context.Background(), []string{"-addr", ln.Addr().String(), "-root", root}, stdout, stderr)
	var le *ListenError
	if !errors.As(err, &le) {
		t.Fatalf("run on a taken port = %v, want a *ListenError", err)
	}
	if !errors.Is(err, syscall.EADDRINUSE) {
		t.Errorf("error %v does not wrap EADDRINUSE", err)
	}
	if msg := err.Error(); !strings.Contains(msg, ln.Addr().String()) || !strings.Contains(msg, "-addr") {
		t.Errorf("error %q should name the address and say how to pick another", msg)
	}
	if strings.Contains(stdout.String(), "http://") {
		t.Errorf("printed a URL although it could not listen: %q", stdout.String())
	}
}

func TestRunBadArgs(t *testing.T) {
	tests := []struct {
		desc string
		args []string
	}{
		{"missing root", []string{"-root", filepath.Join(t.TempDir(), "nope"), "-addr", "127.0.0.1:0"}},
		{"stray argument", []string{"static"}},
		{"unknown flag", []string{"-port", "80"}},
		{"bad address", []string{"-addr", "127.0.0.1:99999", "-root", t.TempDir()}},
		{"no connections", []string{"-max-conns", "0", "-root", t.TempDir(), "-addr", "127.0.0.1:0"}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if err := run(context.Background(), tt.args, io.Discard, io.Discard); err == nil {
				t.Errorf("run(%q) = nil, want an error", tt.args)
			}
		})
	}
}
