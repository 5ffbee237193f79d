package main

import (
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
)

// Handler serves the regular files under one folder and nothing else.
//
// It rejects paths with ".." segments (400), hides dot-files (404), does not
// list folders, and opens files through an os.Root so that a symbolic link
// cannot lead outside the folder either. Known extensions get an explicit
// Content-Type (application/wasm for .wasm; .gz files are application/gzip
// bytes sent as they are, never with a Content-Encoding). Compressible types
// are sent gzip-compressed when the request's Accept-Encoding allows it (see
// serveGzip), with the uncompressed size in X-Decoded-Length so that the page
// can show download progress.
type Handler struct {
	root *os.Root
	gz   gzCache
}

// NewHandler returns a Handler for the folder dir; it fails if dir is not a
// folder that can be opened.
func NewHandler(dir string) (*Handler, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Handler{root: root}, nil
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
			w.Header().Set("Location", folderRedirect(r.URL))
			w.WriteHeader(http.StatusMovedPermanently)
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
			h.serveGzip(w, r, name, f, fi)
			return
		}
	}
	http.ServeContent(w, r, name, fi.ModTime(), f)
}

// folderRedirect returns the Location that adds the missing "/" to the URL of
// a folder: "./" and the escaped last segment of the path, then the query
// as it came. Being relative, it keeps the browser on the same host and
// folder whatever the path holds: "//sub" would read as the host "sub" were
// it sent back as "//sub/", and "a:b/" as the scheme "a".
func folderRedirect(u *url.URL) string {
	target := "./" + url.PathEscape(path.Base(u.Path)) + "/"
	if u.RawQuery != "" {
		target += "?" + u.RawQuery
	}
	return target
}

// cleanName turns a URL path into a name relative to the root ("." means the
// root itself). A non-zero status says why the path is refused: 400 for a
// path that is not absolute or holds "..", a backslash or NUL, 404 for a
// dot-file or dot-folder.
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
