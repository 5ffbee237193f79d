package main

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestServeGzipHead checks that HEAD never compresses: without a cached copy
// it sends the encoding headers without a Content-Length, and once a GET
// has compressed the file it sends the compressed length.
func TestServeGzipHead(t *testing.T) {
	h, root := newTestHandler(t)
	size, _ := os.Stat(filepath.Join(root, "main.wasm"))
	for _, rng := range []string{"", "bytes=0-9"} {
		req := httptest.NewRequest("HEAD", "/main.wasm", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		if rng != "" {
			req.Header.Set("Range", rng)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 || rec.Body.Len() != 0 {
			t.Errorf("cold HEAD (Range %q): code %d, %d body bytes, want 200 and none", rng, rec.Code, rec.Body.Len())
		}
		hdr := rec.Header()
		if hdr.Get("Content-Encoding") != "gzip" || hdr.Get("X-Decoded-Length") != strconv.FormatInt(size.Size(), 10) || hdr.Get("Vary") != "Accept-Encoding" {
			t.Errorf("cold HEAD (Range %q): headers %v, want gzip, X-Decoded-Length %d, Vary", rng, hdr, size.Size())
		}
		if cl := hdr.Get("Content-Length"); cl != "" {
			t.Errorf("cold HEAD (Range %q): Content-Length %q, want none (the compressed size is not known yet)", rng, cl)
		}
	}
	if n := h.gz.compressions.Load(); n != 0 {
		t.Fatalf("HEAD compressed %d times, want 0", n)
	}
	get := do(h, "GET", "/main.wasm", "gzip")
	head := do(h, "HEAD", "/main.wasm", "gzip")
	if got, want := head.Header().Get("Content-Length"), strconv.Itoa(get.Body.Len()); got != want {
		t.Errorf("warm HEAD: Content-Length %q, want %s (the GET's compressed size)", got, want)
	}
	if n := h.gz.compressions.Load(); n != 1 {
		t.Errorf("GET then HEAD compressed %d times, want 1", n)
	}
}

// TestServeGzipConcurrent sends twenty cold requests at once through the
// handler and checks that the file is compressed once and all get the same
// bytes (TestGzCacheOneCompression forces the overlap; this checks the
// handler uses the cache that way).
func TestServeGzipConcurrent(t *testing.T) {
	h, _ := newTestHandler(t)
	bodies := make([][]byte, 20)
	var wg sync.WaitGroup
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bodies[i] = do(h, "GET", "/main.wasm", "gzip").Body.Bytes()
		}()
	}
	wg.Wait()
	for i, b := range bodies {
		if !bytes.Equal(b, bodies[0]) || len(b) == 0 {
			t.Fatalf("request %d: %d bytes, differs from request 0 (%d bytes)", i, len(b), len(bodies[0]))
		}
	}
	if n := h.gz.compressions.Load(); n != 1 {
		t.Errorf("%d compressions for 20 requests, want 1", n)
	}
}

// TestServeGzipRange checks that a Range applies to the compressed bytes.
func TestServeGzipRange(t *testing.T) {
	h, _ := newTestHandler(t)
	full := do(h, "GET", "/main.wasm", "gzip").Body.Bytes()
	req := httptest.NewRequest("GET", "/main.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("Range", "bytes=10-29")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 206 {
		t.Fatalf("ranged GET: code %d, want 206", rec.Code)
	}
	if !bytes.Equal(rec.Body.Bytes(), full[10:30]) {
		t.Errorf("ranged GET: body %x, want compressed bytes 10-29 %x", rec.Body.Bytes(), full[10:30])
	}
	if got, want := rec.Header().Get("Content-Range"), "bytes 10-29/"+strconv.Itoa(len(full)); got != want {
		t.Errorf("ranged GET: Content-Range %q, want %q", got, want)
	}
}

// gzipBytes compresses s at the best level, so that its bytes differ from
// what the handler would make at the default level.
func gzipBytes(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestServePrecompressed checks when main.wasm.gz is sent in place of
// compressing main.wasm.
func TestServePrecompressed(t *testing.T) {
	wasm := "\x00asm\x01\x00\x00\x00" + strings.Repeat("\x20\x00\x41\x01\x6a\x21\x00", 2000)
	good := gzipBytes(t, wasm)
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		desc   string
		gz     []byte
		gzTime time.Time
		used   bool
	}{
		{"newer .gz is sent", good, t0.Add(time.Second), true},
		{".gz as new as the file is sent", good, t0, true},
		{"older .gz is ignored", good, t0.Add(-time.Second), false},
		{".gz of another size is ignored", gzipBytes(t, wasm+"more"), t0.Add(time.Second), false},
		{"truncated .gz is ignored", good[:len(good)/2], t0.Add(time.Second), false},
		{"non-gzip .gz is ignored", []byte(strings.Repeat("x", 100)), t0.Add(time.Second), false},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			h, root := newTestHandler(t)
			for name, body := range map[string][]byte{"main.wasm": []byte(wasm), "main.wasm.gz": tt.gz} {
				p := filepath.Join(root, name)
				mt := t0
				if name == "main.wasm.gz" {
					mt = tt.gzTime
				}
				if err := os.WriteFile(p, body, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.Chtimes(p, mt, mt); err != nil {
					t.Fatal(err)
				}
			}
			head := do(h, "HEAD", "/main.wasm", "gzip")
			get := do(h, "GET", "/main.wasm", "gzip")
			if get.Code != 200 || get.Header().Get("Content-Encoding") != "gzip" {
				t.Fatalf("GET: code %d, Content-Encoding %q, want 200 gzip", get.Code, get.Header().Get("Content-Encoding"))
			}
			if got := gunzip(t, get.Body.Bytes()); got != wasm {
				t.Fatalf("GET body decodes to %d bytes, want main.wasm's %d", len(got), len(wasm))
			}
			if got, want := get.Header().Get("X-Decoded-Length"), strconv.Itoa(len(wasm)); got != want {
				t.Errorf("X-Decoded-Length %q, want %s", got, want)
			}
			if got, want := get.Header().Get("Last-Modified"), t0.Format(http.TimeFormat); got != want {
				t.Errorf("Last-Modified %q, want main.wasm's %q", got, want)
			}
			sentGz := bytes.Equal(get.Body.Bytes(), tt.gz)
			compressions := h.gz.compressions.Load()
			if tt.used {
				if !sentGz || compressions != 0 {
					t.Errorf("sent the .gz: %v, compressions %d; want the .gz's bytes and no compression", sentGz, compressions)
				}
				if got, want := head.Header().Get("Content-Length"), strconv.Itoa(len(tt.gz)); got != want {
					t.Errorf("HEAD: Content-Length %q, want the .gz's size %s", got, want)
				}
			} else if sentGz || compressions != 1 {
				t.Errorf("sent the .gz: %v, compressions %d; want the file compressed once", sentGz, compressions)
			}
			if cl, want := get.Header().Get("Content-Length"), strconv.Itoa(get.Body.Len()); cl != want {
				t.Errorf("GET: Content-Length %q, want %s", cl, want)
			}
		})
	}
}
