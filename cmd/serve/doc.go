// Command serve serves the Digit Lab site (the static/ folder) on a local
// address, the way any static web host would, with the few things the page
// needs: application/wasm for .wasm, gzip transfer compression where the
// browser accepts it, and nothing outside the root folder. It is sized for a
// teacher's laptop serving a classroom.
//
// Usage:
//
//	go run ./cmd/serve [-addr 127.0.0.1:8080] [-root static] [-max-conns 512] [-quiet]
//
// It prints the URL to open. With -addr 127.0.0.1:0 it picks a free port and
// prints that one (the browser tests rely on this). To serve a room, listen
// on the laptop's LAN address (or -addr :8080) and give the students that
// URL.
//
// Compression. A compressible file (HTML, JavaScript, WebAssembly, …) is
// compressed once, the first time a browser asks for it; requests that
// arrive while it is being compressed wait for that one compression and then
// share the compressed bytes, which stay in memory until the file changes.
// If NAME.gz lies next to NAME and is at least as new (and its gzip trailer
// gives NAME's size), its bytes are sent as they are instead, as nginx's
// gzip_static does, and nothing is compressed. A HEAD request never
// compresses: its Content-Length is the compressed size when that is
// already known (from the cache or NAME.gz) and is left out otherwise.
//
// Connections. At most -max-conns connections (default 512) are served at
// once, idle keep-alive ones included; further ones wait in the operating
// system's accept backlog until one closes. A connection that sends no
// request headers for 10 s, no complete request for 30 s, takes more than
// 2 minutes to receive one response (enough for the 5 MB compressed
// main.wasm at 40 KB/s), or sits idle for 60 s between requests is closed.
//
// Log. Unless -quiet, each request is logged on stderr as method, path,
// status and time. Control characters and other unprintable runes in the
// path are written as Go escapes (\n, \x1b, \u2028), and a path longer than
// 200 characters is cut with "…" and its length in bytes, so that a request
// can neither forge log lines nor send terminal escapes.
package main
