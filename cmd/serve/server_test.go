package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// serveForTest serves srv (made by newServer, as run makes it) on a free
// 127.0.0.1 port behind a limitListener of maxConns, the way run does, and
// returns the address. The server is closed when the test ends.
func serveForTest(t *testing.T, srv *http.Server, maxConns int) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(newLimitListener(ln, maxConns)) }()
	t.Cleanup(func() {
		srv.Close()
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve = %v, want ErrServerClosed", err)
		}
	})
	return ln.Addr().String()
}

// keepAliveGet sends a GET for path on c and reads the whole response,
// leaving c open for the next request.
func keepAliveGet(c net.Conn, br *bufio.Reader, path string) (*http.Response, error) {
	if _, err := fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: test\r\n\r\n", path); err != nil {
		return nil, err
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return nil, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp, err
}

// TestIdleConnectionsClosed opens 300 keep-alive connections that each make
// one request and then sit idle, and checks that the server closes every one
// once the idle timeout (shortened to 1 s) has passed.
func TestIdleConnectionsClosed(t *testing.T) {
	h, _ := newTestHandler(t)
	ts := classroomTimeouts
	ts.idle = time.Second
	addr := serveForTest(t, newServer(h, ts), defaultMaxConns)

	const conns = 300
	const margin = 30 * time.Second // for a slow shared machine; the test takes ~1 s
	idleFor := make([]time.Duration, conns)
	errs := make([]error, conns)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.DialTimeout("tcp", addr, margin)
			if err != nil {
				errs[i] = err
				return
			}
			defer c.Close()
			br := bufio.NewReader(c)
			c.SetDeadline(time.Now().Add(margin))
			if resp, err := keepAliveGet(c, br, "/index.html"); err != nil || resp.StatusCode != 200 || resp.Close {
				errs[i] = fmt.Errorf("request: %v (response %v)", err, resp)
				return
			}
			served := time.Now()
			c.SetReadDeadline(served.Add(ts.idle + margin))
			_, err = br.ReadByte()
			idleFor[i] = time.Since(served)
			var ne net.Error
			switch {
			case err == nil:
				errs[i] = errors.New("server sent bytes on an idle connection")
			case errors.As(err, &ne) && ne.Timeout():
				errs[i] = fmt.Errorf("still open %v after its request", idleFor[i].Round(time.Millisecond))
			}
		}()
	}
	wg.Wait()
	longest := time.Duration(0)
	for i, err := range errs {
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		longest = max(longest, idleFor[i])
	}
	t.Logf("%d idle connections closed by the server; longest idle %v (timeout %v); all done %v after the first dial",
		conns, longest.Round(time.Millisecond), ts.idle, time.Since(start).Round(time.Millisecond))
	if longest < ts.idle/2 {
		t.Errorf("a connection was closed after %v idle, before the %v timeout", longest, ts.idle)
	}
}

// TestWriteTimeout sends a request for a file far larger than the socket
// buffers and never reads: the server must give up when the write timeout
// (shortened to 1 s) passes and close the connection.
func TestWriteTimeout(t *testing.T) {
	root := t.TempDir()
	const size = 64 << 20 // more than loopback's send and receive buffers hold
	big, err := os.Create(filepath.Join(root, "big.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(size); err != nil { // sparse: instant to make and to read
		t.Fatal(err)
	}
	big.Close()
	h, err := NewHandler(root)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	ts := classroomTimeouts
	ts.write = time.Second
	srv := newServer(h, ts)
	closed := make(chan struct{})
	var once sync.Once
	srv.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateClosed {
			once.Do(func() { close(closed) })
		}
	}
	addr := serveForTest(t, srv, defaultMaxConns)

	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	if _, err := fmt.Fprintf(c, "GET /big.bin HTTP/1.1\r\nHost: test\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-closed:
	case <-time.After(ts.write + 30*time.Second):
		t.Fatalf("server still holds the connection %v after the request (write timeout %v)", time.Since(start).Round(time.Millisecond), ts.write)
	}
	cutAfter := time.Since(start)
	c.SetReadDeadline(time.Now().Add(30 * time.Second))
	n, err := io.Copy(io.Discard, c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("connection still open after the server closed it (%d bytes read)", n)
	}
	if n >= size {
		t.Fatalf("client received %d bytes, want the %d-byte body cut short", n, size)
	}
	t.Logf("non-reading client cut off %v after its request (write timeout %v); it had %d of %d bytes buffered",
		cutAfter.Round(time.Millisecond), ts.write, n, size)
}

// TestConnectionLimit checks that with a limit of N the N+1-th connection is
// served only once one of the first N closes.
func TestConnectionLimit(t *testing.T) {
	h, _ := newTestHandler(t)
	const limit = 3
	addr := serveForTest(t, newServer(h, classroomTimeouts), limit)
	type client struct {
		c  net.Conn
		br *bufio.Reader
	}
	dial := func() client {
		c, err := net.DialTimeout("tcp", addr, 20*time.Second) // completes in the backlog
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return client{c, bufio.NewReader(c)}
	}
	var first []client
	for i := range limit {
		cl := dial()
		cl.c.SetDeadline(time.Now().Add(20 * time.Second))
		if _, err := keepAliveGet(cl.c, cl.br, "/index.html"); err != nil {
			t.Fatalf("connection %d of %d: %v", i+1, limit, err)
		}
		first = append(first, cl)
	}

	extra := dial()
	got := make(chan error, 1)
	go func() {
		extra.c.SetDeadline(time.Now().Add(60 * time.Second))
		_, err := keepAliveGet(extra.c, extra.br, "/index.html")
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("connection %d served while %d were open (err %v)", limit+1, limit, err)
	case <-time.After(500 * time.Millisecond):
	}
	first[0].c.Close()
	select {
	case err := <-got:
		if err != nil {
			t.Fatalf("connection %d after one closed: %v", limit+1, err)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("connection %d not served 30 s after one of the %d closed", limit+1, limit)
	}
}

// TestShutdownAtLimit checks that a server whose listener waits for a free
// slot still shuts down: Shutdown waits for Serve to return.
func TestShutdownAtLimit(t *testing.T) {
	h, _ := newTestHandler(t)
	srv := newServer(h, classroomTimeouts)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(newLimitListener(ln, 1)) }()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	if _, err := keepAliveGet(c, bufio.NewReader(c), "/index.html"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	shut := make(chan error, 1)
	go func() { shut <- srv.Shutdown(ctx) }() // it would hang, not time out, if Accept did not wake
	select {
	case err := <-shut:
		if err != nil {
			t.Fatalf("Shutdown with the one slot taken by an idle connection = %v, want nil", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Shutdown with the one slot taken has not returned after 30 s")
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve = %v, want ErrServerClosed", err)
	}
}

// TestFolderRedirectOverHTTP follows the redirect of GET //sub with a real
// client, which must stay on the server.
func TestFolderRedirectOverHTTP(t *testing.T) {
	h, _ := newTestHandler(t)
	addr := serveForTest(t, newServer(h, classroomTimeouts), defaultMaxConns)
	resp, err := http.Get("http://" + addr + "//sub?lang=fr")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	u := resp.Request.URL
	if resp.StatusCode != 200 || string(body) != "<p>sub</p>" || u.Host != addr || u.Path != "//sub/" || u.RawQuery != "lang=fr" {
		t.Errorf("GET //sub?lang=fr ended at %s with %d %q, want http://%s//sub/?lang=fr, 200 <p>sub</p>", u, resp.StatusCode, body, addr)
	}
}
