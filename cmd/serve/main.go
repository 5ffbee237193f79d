// Command serve serves the Digit Lab site (the static/ folder) on a local
// address, the way any static web host would, with the few things the page
// needs: application/wasm for .wasm, gzip transfer compression where the
// browser accepts it, and nothing outside the root folder.
//
// Usage:
//
//	go run ./cmd/serve [-addr 127.0.0.1:8080] [-root static]
//
// It prints the URL to open. With -addr 127.0.0.1:0 it picks a free port and
// prints that one (the browser tests rely on this).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "serve:", err)
		}
		os.Exit(2)
	}
}

// ListenError reports that the server could not bind its address, most often
// because another program already uses the port.
type ListenError struct {
	Addr string
	Err  error
}

func (e *ListenError) Error() string {
	msg := fmt.Sprintf("cannot listen on %s: %v", e.Addr, e.Err)
	if errors.Is(e.Err, syscall.EADDRINUSE) {
		msg += " (another server is using this port; stop it or pass another address, e.g. -addr 127.0.0.1:8081)"
	}
	return msg
}

func (e *ListenError) Unwrap() error { return e.Err }

// run parses args, binds the address, prints the URL on stdout and serves
// until ctx is done.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	root := fs.String("root", "static", "folder to serve")
	quiet := fs.Bool("quiet", false, "do not log requests")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (use -addr and -root)", fs.Arg(0))
	}

	h, err := NewHandler(*root)
	if err != nil {
		return err
	}
	defer h.Close()
	if _, err := os.Stat(filepath.Join(*root, "index.html")); err != nil {
		fmt.Fprintf(stderr, "serve: warning: %s has no index.html\n", *root)
	}
	if _, err := os.Stat(filepath.Join(*root, "main.wasm")); err != nil {
		fmt.Fprintf(stderr, "serve: warning: %s has no main.wasm (run ./build.sh first)\n", *root)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return &ListenError{Addr: *addr, Err: err}
	}
	var handler http.Handler = h
	if !*quiet {
		handler = logRequests(h, stderr)
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "Digit Lab: serving %s at http://%s/\n", *root, ln.Addr())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		return srv.Shutdown(shutdownCtx)
	}
}

// statusWriter remembers the status code for the request log.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	w.code = code
	w.ResponseWriter.WriteHeader(code)
}

func logRequests(h http.Handler, out io.Writer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		start := time.Now()
		h.ServeHTTP(sw, r)
		fmt.Fprintf(out, "%s %s %d %s\n", r.Method, r.URL.Path, sw.code, time.Since(start).Round(time.Millisecond))
	})
}
