package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// statFile writes content to a temporary file and returns its stat.
func statFile(t *testing.T, content string) fs.FileInfo {
	t.Helper()
	p := filepath.Join(t.TempDir(), "f.js")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// waitFor polls cond every few milliseconds for up to 20 s and fails the
// test if it never holds; what names the state waited for.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !cond(); time.Sleep(2 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting (20 s) for %s", what)
		}
	}
}

func gunzip(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("bad gzip: %v", err)
	}
	return string(out)
}

// TestGzCacheOneCompression holds the first compression open (its file is a
// pipe the test writes) until ten more requests wait for it, and checks that
// all eleven get the same bytes from one compression.
func TestGzCacheOneCompression(t *testing.T) {
	content := strings.Repeat("function step() { return 1 }\n", 100)
	fi := statFile(t, content)
	var c gzCache
	pr, pw := io.Pipe()
	const waiters = 10
	results := make([][]byte, waiters+1)
	errs := make([]error, waiters+1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		results[0], errs[0] = c.get(context.Background(), "f.js", pr, fi)
	}()
	waitFor(t, "the first request to start compressing", func() bool { return c.compressions.Load() == 1 })
	for i := 1; i <= waiters; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = c.get(context.Background(), "f.js", strings.NewReader("not read"), fi)
		}()
	}
	waitFor(t, "ten requests to wait", func() bool { return c.waits.Load() == waiters })
	if _, err := io.WriteString(pw, content); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	wg.Wait()
	for i := range results {
		if errs[i] != nil {
			t.Fatalf("request %d: %v", i, errs[i])
		}
		if !bytes.Equal(results[i], results[0]) {
			t.Errorf("request %d got other bytes than request 0", i)
		}
	}
	if got := gunzip(t, results[0]); got != content {
		t.Errorf("cached bytes decode to %q..., want the file", got[:20])
	}
	if n := c.compressions.Load(); n != 1 {
		t.Errorf("%d compressions, want 1", n)
	}
	if data, ok := c.peek("f.js", fi); !ok || !bytes.Equal(data, results[0]) {
		t.Errorf("peek after the compression = %v, want the cached bytes", ok)
	}
}

// TestGzCacheWaiterGivesUp checks that a request whose client goes away
// stops waiting while the compression goes on for the others.
func TestGzCacheWaiterGivesUp(t *testing.T) {
	content := strings.Repeat("x = x + 1\n", 100)
	fi := statFile(t, content)
	var c gzCache
	pr, pw := io.Pipe()
	first := make(chan error, 1)
	go func() {
		_, err := c.get(context.Background(), "f.js", pr, fi)
		first <- err
	}()
	waitFor(t, "the compression to start", func() bool { return c.compressions.Load() == 1 })
	ctx, cancel := context.WithCancel(context.Background())
	gaveUp := make(chan error, 1)
	go func() {
		_, err := c.get(ctx, "f.js", strings.NewReader(""), fi)
		gaveUp <- err
	}()
	waitFor(t, "the second request to wait", func() bool { return c.waits.Load() == 1 })
	cancel()
	if err := <-gaveUp; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled waiter: err %v, want context.Canceled", err)
	}
	if _, ok := c.peek("f.js", fi); ok {
		t.Error("peek during the compression reports it done")
	}
	io.WriteString(pw, content)
	pw.Close()
	if err := <-first; err != nil {
		t.Fatalf("compressing request: %v", err)
	}
	if _, ok := c.peek("f.js", fi); !ok {
		t.Error("the compression was not cached after the waiter left")
	}
}

// TestGzCacheChangedFile checks that a file shorter than its stat is
// refused with a *ChangedError, not cached, and compressed again next time.
func TestGzCacheChangedFile(t *testing.T) {
	content := strings.Repeat("abc", 300)
	fi := statFile(t, content)
	var c gzCache
	_, err := c.get(context.Background(), "f.js", strings.NewReader(content[:100]), fi)
	var ce *ChangedError
	if !errors.As(err, &ce) || ce.Size != int64(len(content)) || ce.Read != 100 || ce.Name != "f.js" {
		t.Fatalf("get of a truncated read = %v, want *ChangedError{f.js, %d, 100}", err, len(content))
	}
	if _, ok := c.peek("f.js", fi); ok {
		t.Error("a failed compression was cached")
	}
	data, err := c.get(context.Background(), "f.js", strings.NewReader(content), fi)
	if err != nil {
		t.Fatal(err)
	}
	if gunzip(t, data) != content {
		t.Error("second get does not decode to the file")
	}
	if n := c.compressions.Load(); n != 2 {
		t.Errorf("%d compressions, want 2 (the failed one and the retry)", n)
	}
}
