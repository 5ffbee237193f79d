package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"io/fs"
	"sync"
	"sync/atomic"
	"time"
)

// gzCache holds the gzip-compressed bytes of the files served so far, one
// entry per name, each valid while the file keeps the size and time it was
// compressed at. A file is compressed by the first request that finds no
// valid entry; requests that come while it works wait for its result instead
// of compressing the file again. The zero value is an empty cache.
type gzCache struct {
	mu      sync.Mutex
	entries map[string]*gzEntry

	compressions atomic.Int64 // compressions started, for tests
	waits        atomic.Int64 // requests that waited for another's compression, for tests
}

// gzEntry is one file's compression, finished once done is closed. Its
// fields other than done are written only before done is closed.
type gzEntry struct {
	size    int64
	modTime time.Time
	done    chan struct{}
	data    []byte
	err     error
}

// matches reports whether e was made from a file with fi's size and time.
func (e *gzEntry) matches(fi fs.FileInfo) bool {
	return e.size == fi.Size() && e.modTime.Equal(fi.ModTime())
}

// ChangedError reports that a file did not have the size it was stat'ed
// with by the time it was read, because it is being rewritten.
type ChangedError struct {
	Name       string
	Size, Read int64 // bytes stat'ed, bytes read
}

func (e *ChangedError) Error() string {
	return fmt.Sprintf("%s changed while it was read (%d bytes stat'ed, %d read)", e.Name, e.Size, e.Read)
}

// get returns the compressed content of the file name, which is open as f
// with the stat fi: from the cache, from a compression another request has
// under way, or by compressing f now. It returns ctx's error if ctx is done
// while it waits for another request's compression (which goes on for the
// requests still waiting).
func (c *gzCache) get(ctx context.Context, name string, f io.Reader, fi fs.FileInfo) ([]byte, error) {
	c.mu.Lock()
	e := c.entries[name]
	if e == nil || !e.matches(fi) {
		if c.entries == nil {
			c.entries = make(map[string]*gzEntry)
		}
		e = &gzEntry{size: fi.Size(), modTime: fi.ModTime(), done: make(chan struct{})}
		c.entries[name] = e
		c.mu.Unlock()
		c.fill(name, e, f)
		return e.data, e.err
	}
	c.mu.Unlock()
	select {
	case <-e.done:
		return e.data, e.err
	default:
	}
	c.waits.Add(1)
	select {
	case <-e.done:
		return e.data, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// peek returns the compressed content of the file name with the stat fi if
// it is in the cache, without compressing or waiting.
func (c *gzCache) peek(name string, fi fs.FileInfo) ([]byte, bool) {
	c.mu.Lock()
	e := c.entries[name]
	c.mu.Unlock()
	if e == nil || !e.matches(fi) {
		return nil, false
	}
	select {
	case <-e.done:
		return e.data, e.err == nil
	default:
		return nil, false
	}
}

// fill compresses f into e and closes e.done. A failed entry is dropped from
// the cache, so that the next request tries again.
func (c *gzCache) fill(name string, e *gzEntry, f io.Reader) {
	defer close(e.done)
	c.compressions.Add(1)
	e.data, e.err = compress(name, f, e.size)
	if e.err != nil {
		e.data = nil
		c.mu.Lock()
		if c.entries[name] == e {
			delete(c.entries, name)
		}
		c.mu.Unlock()
	}
}

// compress returns the gzip compression (default level) of the size bytes
// that f holds; it fails with a *ChangedError if f holds another number.
func compress(name string, f io.Reader, size int64) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(int(size/3) + 1024) // text and wasm shrink about 3×
	zw := gzip.NewWriter(&buf)
	n, err := io.Copy(zw, f)
	if err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if n != size {
		return nil, &ChangedError{Name: name, Size: size, Read: n}
	}
	return buf.Bytes(), nil
}
