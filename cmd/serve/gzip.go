package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"strconv"
	"strings"
)

// minGzipSize is the size below which compressing is not worth a round of
// headers.
const minGzipSize = 512

// serveGzip sends the file name (open as f, with the stat fi) gzip-encoded,
// with Content-Type and Vary already set. The encoded bytes come from, in
// order:
//
//   - NAME.gz next to the file, if it is a regular file at least as new as
//     the file and its gzip trailer gives the file's size (modulo 2³², as
//     gzip stores it), so that a stale or half-written copy is not sent;
//   - the cache, where each file is compressed once (see gzCache).
//
// A HEAD request never compresses: it gets the compressed Content-Length
// when NAME.gz or the cache already knows it, and no Content-Length
// otherwise (which HTTP allows for HEAD). Ranges apply to the encoded bytes.
// Last-Modified is the file's time in every case.
func (h *Handler) serveGzip(w http.ResponseWriter, r *http.Request, name string, f *os.File, fi fs.FileInfo) {
	hdr := w.Header()
	hdr.Set("Content-Encoding", "gzip")
	hdr.Set("X-Decoded-Length", strconv.FormatInt(fi.Size(), 10))

	if gz, gzi := h.openPrecompressed(name, fi); gz != nil {
		defer gz.Close()
		serveEncoded(w, r, name, fi, gz, gzi.Size())
		return
	}
	if r.Method == http.MethodHead {
		if data, ok := h.gz.peek(name, fi); ok {
			serveEncoded(w, r, name, fi, bytes.NewReader(data), int64(len(data)))
			return
		}
		// Headers alone: with no Range, ServeContent sends no Content-Length
		// for an encoded response, and it never reads the empty content
		// for HEAD.
		r = r.Clone(r.Context())
		r.Header.Del("Range")
		http.ServeContent(w, r, name, fi.ModTime(), strings.NewReader(""))
		return
	}
	data, err := h.gz.get(r.Context(), name, f, fi)
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return // the client went away while it waited
		}
		http.Error(w, "cannot read file", http.StatusInternalServerError)
		return
	}
	serveEncoded(w, r, name, fi, bytes.NewReader(data), int64(len(data)))
}

// serveEncoded sends size encoded bytes from content for the file with the
// stat fi.
func serveEncoded(w http.ResponseWriter, r *http.Request, name string, fi fs.FileInfo, content io.ReadSeeker, size int64) {
	if r.Header.Get("Range") == "" {
		// ServeContent leaves the length out of encoded responses.
		w.Header().Set("Content-Length", strconv.FormatInt(size, 10))
	}
	http.ServeContent(w, r, name, fi.ModTime(), content)
}

// openPrecompressed opens NAME.gz for the file name with the stat fi if it
// may stand for the file's gzip encoding (see serveGzip); it returns nil if
// not.
func (h *Handler) openPrecompressed(name string, fi fs.FileInfo) (*os.File, fs.FileInfo) {
	gz, gzi, err := h.open(name + ".gz")
	if err != nil {
		return nil, nil
	}
	if !gzi.Mode().IsRegular() || gzi.ModTime().Before(fi.ModTime()) || !gzipOf(gz, gzi.Size(), fi.Size()) {
		gz.Close()
		return nil, nil
	}
	return gz, gzi
}

// gzipOf reports whether the size bytes of gz start with the gzip magic
// number and end with the trailer of a member that decodes to decoded bytes.
// It reads the two ends through ReadAt, so gz's offset stays at 0.
func gzipOf(gz io.ReaderAt, size, decoded int64) bool {
	const headerLen, trailerLen = 10, 8
	if size < headerLen+trailerLen {
		return false
	}
	var magic [2]byte
	var isize [4]byte
	if _, err := gz.ReadAt(magic[:], 0); err != nil {
		return false
	}
	if _, err := gz.ReadAt(isize[:], size-4); err != nil {
		return false
	}
	return magic == [2]byte{0x1f, 0x8b} && binary.LittleEndian.Uint32(isize[:]) == uint32(decoded)
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
