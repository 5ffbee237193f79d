package main

import (
	"io/fs"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// TestFolderRedirect checks that the "/" added to a folder's URL comes as a
// relative Location that keeps the host, the path and the query.
func TestFolderRedirect(t *testing.T) {
	h, root := newTestHandler(t)
	for _, dir := range []string{"a:b", "two words", "100%", "x?y#z"} {
		p := filepath.Join(root, dir, "index.html")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("<p>"+dir+"</p>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		desc, path, rawQuery string
		location             string
	}{
		{"plain", "/sub", "", "./sub/"},
		{"double slash", "//sub", "", "./sub/"},
		{"a path with .. is refused, not redirected", "/data//nested/../sub", "", ""},
		{"colon", "/a:b", "", "./a:b/"},
		{"space", "/two words", "", "./two%20words/"},
		{"percent", "/100%", "", "./100%25/"},
		{"query and fragment characters", "/x?y#z", "", "./x%3Fy%23z/"},
		{"raw query kept", "//sub", "q=1&next=%2F%2Fevil.test", "./sub/?q=1&next=%2F%2Fevil.test"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			req := httptest.NewRequest("GET", "http://example.test/", nil)
			req.URL.Path, req.URL.RawQuery = tt.path, tt.rawQuery
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if tt.location == "" {
				if rec.Code == 301 {
					t.Fatalf("GET %s redirected to %q, want it refused", tt.path, rec.Header().Get("Location"))
				}
				return
			}
			loc := rec.Header().Get("Location")
			if rec.Code != 301 || loc != tt.location {
				t.Fatalf("GET %s: %d Location %q, want 301 %q", tt.path, rec.Code, loc, tt.location)
			}
			ref, err := url.Parse(loc)
			if err != nil {
				t.Fatalf("Location %q does not parse: %v", loc, err)
			}
			got := req.URL.ResolveReference(ref)
			if got.Host != "example.test" || got.Path != tt.path+"/" || got.RawQuery != tt.rawQuery {
				t.Errorf("GET %s: Location %q leads to host %q path %q query %q, want example.test %q %q",
					tt.path, loc, got.Host, got.Path, got.RawQuery, tt.path+"/", tt.rawQuery)
			}
			if next := do(h, "GET", got.Path, ""); next.Code != 200 {
				t.Errorf("GET %s after the redirect: code %d, want 200", got.Path, next.Code)
			}
		})
	}
}

// FuzzCleanName checks cleanName's promises on any path: it refuses with 400
// or 404, or returns a clean relative name without dot segments that
// os.Root accepts as it is.
func FuzzCleanName(f *testing.F) {
	for _, p := range []string{
		"/", "//", "/index.html", "/sub", "//sub", "/sub/", "/a//b//", "/data/nested/file.txt",
		"/..", "/../secret.txt", "/a/../b", "/a/b/..", "/a/./b", "/.", "/./", "/...", "/.../x",
		"/.git/config", "/.hidden", "/a/.keep", "/a\\b", "/..\\x", "/a\x00b", "a", "", ".", "..",
		"/a:b", "/two words", "/100%", "/%2e%2e", "/é/ü", "/\n", "/\x1b[31m", "/a/\xff",
	} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, urlPath string) {
		name, status := cleanName(urlPath)
		if status != 0 {
			if status != 400 && status != 404 {
				t.Fatalf("cleanName(%q) status %d, want 0, 400 or 404", urlPath, status)
			}
			if name != "" {
				t.Fatalf("cleanName(%q) refused with %d but named %q", urlPath, status, name)
			}
			return
		}
		// fs.ValidPath also wants UTF-8, which file names need not be
		// (a URL may hold %ff); its other rules are the ones that matter.
		valid := fs.ValidPath(strings.ToValidUTF8(name, "?"))
		if name == "" || strings.HasPrefix(name, "/") || path.Clean(name) != name || !valid {
			t.Fatalf("cleanName(%q) = %q: not a clean relative name", urlPath, name)
		}
		if strings.ContainsAny(name, "\\\x00") {
			t.Fatalf("cleanName(%q) = %q: holds a backslash or NUL", urlPath, name)
		}
		if name == "." {
			if path.Clean(urlPath) != "/" {
				t.Fatalf("cleanName(%q) = the root, want it only for \"/\"", urlPath)
			}
			return
		}
		for _, seg := range strings.Split(name, "/") {
			if seg == ".." || strings.HasPrefix(seg, ".") {
				t.Fatalf("cleanName(%q) = %q: segment %q is a dot segment or dot-file", urlPath, name, seg)
			}
		}
		if want := strings.TrimPrefix(path.Clean(urlPath), "/"); name != want {
			t.Fatalf("cleanName(%q) = %q, want %q (the path cleaned)", urlPath, name, want)
		}
	})
}
