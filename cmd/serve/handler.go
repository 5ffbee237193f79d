package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Handler serves the regular files under one folder and nothing else.
//
// It rejects paths with ".." segments (400), hides dot-files (404), does not
// list folders, and opens files through an os.Root so that a symbolic link
// cannot lead outside the folder either. Known extensions get an explicit
// Content-Type (application/wasm for .wasm; .gz files are application/gzip
// bytes sent as they are, never with a Content-Encoding). Compressible types
// are sent gzip-compressed when the request's Accept-Encoding allows it; the
// compressed bytes are cached per file until its size or time changes, and
// the uncompressed size is sent in X-Decoded-Length so that the page can show
// download progress.
type Handler struct {
	root *os.Root

	mu sync.Mutex
	gz map[string]gzEntry // compressed files by name
}

// gzEntry is one file's compressed bytes and the stat it was made from.
type gzEntry struct {
	size    int64
	modTime time.Time
	data    []byte
}

// minGzipSize is the size below which compressing is not worth a round of
// headers.
const minGzipSize = 512

// NewHandler returns a Handler for the folder dir; it fails if dir is not a
// folder that can be opened.
func NewHandler(dir string) (*Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Handler{root: root, gz: make(map[string]gzEntry)}, nil
}

// Close releases the folder.
func (h *Handler) Close() error { return h.root.Close() }

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, status := cleanName(r.URL.Path)
	if status != 0 {
		http.Error(w, http.StatusText(status), status)
		return
	}
	f, fi, err := h.open(name)
	if err != nil {
		http.Error(w, http.StatusText(http.StatusNotFound), http.StatusNotFound)
		return
	}
	defer f.Close()
	if fi.IsDir() {
		// A folder is served by its index.html, at a URL ending in "/" so
		// that the page's relative URLs resolve inside it.
		idx, ifi, err := h.open(path.Join(name, "index.html"))
		if err != nil || ifi.IsDir() {
			if err == nil {
				idx.Close()
			}
			http.Error(w, http.StatusText(http.StatusNotFound), http.StatusNotFound)
			return
		}
		defer idx.Close()
		if !strings.HasSuffix(r.URL.Path, "/") {
			target := r.URL.Path + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name, f, fi = path.Join(name, "index.html"), idx, ifi
	}
	if !fi.Mode().IsRegular() {
		http.Error(w, http.StatusText(http.StatusNotFound), http.StatusNotFound)
		return
	}

	ctype := contentType(name)
	hdr := w.Header()
	hdr.Set("Content-Type", ctype)
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Content-Type-Options", "nosniff")
	if compressible(ctype) && fi.Size() >= minGzipSize {
		hdr.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			data, err := h.gzipped(name, f, fi)
			if err != nil {
				http.Error(w, "cannot read file", http.StatusInternalServerError)
				return
			}
			hdr.Set("Content-Encoding", "gzip")
			hdr.Set("X-Decoded-Length", strconv.FormatInt(fi.Size(), 10))
			if r.Header.Get("Range") == "" {
				// ServeContent leaves the length out of encoded responses.
				hdr.Set("Content-Length", strconv.Itoa(len(data)))
			}
			http.ServeContent(w, r, name, fi.ModTime(), bytes.NewReader(data))
			return
		}
	}
	http.ServeContent(w, r, name, fi.ModTime(), f)
}

// cleanName turns a URL path into a name relative to the root ("" means the
// root itself). A non-zero status says why the path is refused.
func cleanName(urlPath string) (name string, status int) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", http.StatusBadRequest
	}
	for _, seg := range strings.Split(urlPath, "/") {
		switch {
		case seg == "..":
			return "", http.StatusBadRequest
		case strings.HasPrefix(seg, "."):
			// ".", dot-files and dot-folders (.git) are not part of a site.
			if seg != "" {
				return "", http.StatusNotFound
			}
		}
	}
	name = strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}
	return name, 0
}

// open opens name inside the root and stats it.
func (h *Handler) open(name string) (*os.File, fs.FileInfo, error) {
	f, err := h.root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, fi, nil
}

// gzipped returns the gzip-compressed content of the open file f, from the
// cache when the file has not changed since it was compressed.
func (h *Handler) gzipped(name string, f io.Reader, fi fs.FileInfo) ([]byte, error) {
	h.mu.Lock()
	e, ok := h.gz[name]
	h.mu.Unlock()
	if ok && e.size == fi.Size() && e.modTime.Equal(fi.ModTime()) {
		return e.data, nil
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	n, err := io.Copy(zw, f)
	if err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if n != fi.Size() {
		return nil, errors.New("file changed while reading")
	}
	h.mu.Lock()
	h.gz[name] = gzEntry{size: fi.Size(), modTime: fi.ModTime(), data: buf.Bytes()}
	h.mu.Unlock()
	return buf.Bytes(), nil
}

// contentTypes are the types of the files a Digit Lab site holds, set
// explicitly so that they do not depend on the machine's mime tables.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".wasm": "application/wasm",
	".gz":   "application/gzip",
	".csv":  "text/csv; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".md":   "text/markdown; charset=utf-8",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".svg":  "image/svg+xml",
	".ico":  "image/x-icon",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// compressible reports whether gzip helps for a Content-Type: text and
// WebAssembly do, already compressed formats (.gz, PNG, JPEG) do not.
func compressible(ctype string) bool {
	t, _, _ := strings.Cut(ctype, ";")
	switch {
	case strings.HasPrefix(t, "text/"):
		return true
	case t == "application/wasm", t == "application/json", t == "application/javascript",
		t == "image/svg+xml", t == "application/xml":
		return true
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header value allows gzip:
// "gzip" or "*" with a q-value above 0, where an explicit gzip entry wins over
// "*".
func acceptsGzip(header string) bool {
	gzipQ, starQ := -1.0, -1.0
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil {
					f = 0
				}
				q = f
			}
		}
		switch coding {
		case "gzip", "x-gzip":
			gzipQ = q
		case "*":
			starQ = q
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return starQ > 0
}
