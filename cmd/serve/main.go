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

// timeouts bound how long one connection may hold the server; see
// [http.Server] for what each one covers.
type timeouts struct {
	readHeader time.Duration // request line and headers
	read       time.Duration // the whole request
	write      time.Duration // from the end of the request headers to the end of the response
	idle       time.Duration // between two requests on a keep-alive connection
}

// classroomTimeouts suit a room of browsers on one Wi-Fi network: the write
// timeout lets the 5 MB compressed main.wasm through at 40 KB/s (the 17 MB
// uncompressed one at 145 KB/s), and an idle browser tab lets go of its
// connection after a minute.
var classroomTimeouts = timeouts{
	readHeader: 10 * time.Second,
	read:       30 * time.Second,
	write:      2 * time.Minute,
	idle:       60 * time.Second,
}

// defaultMaxConns is the -max-conns default: a room of 30 browsers opens
// about 6 connections each.
const defaultMaxConns = 512

// newServer returns the server run uses, handling every request with h.
func newServer(h http.Handler, t timeouts) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: t.readHeader,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
	}
}

// run parses args, binds the address, prints the URL on stdout and serves
// until ctx is done.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	root := fs.String("root", "static", "folder to serve")
	quiet := fs.Bool("quiet", false, "do not log requests")
	maxConns := fs.Int("max-conns", defaultMaxConns, "connections served at once; more wait until one closes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (use -addr and -root)", fs.Arg(0))
	}
	if *maxConns < 1 {
		return fmt.Errorf("-max-conns %d: want at least 1", *maxConns)
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
	srv := newServer(handler, classroomTimeouts)
	fmt.Fprintf(stdout, "Digit Lab: serving %s at http://%s/\n", *root, ln.Addr())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(newLimitListener(ln, *maxConns)) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		return srv.Shutdown(shutdownCtx)
	}
}
