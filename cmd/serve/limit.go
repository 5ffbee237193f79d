package main

import (
	"io"
	"net"
	"sync"
)

// limitListener is a net.Listener that holds at most a fixed number of
// connections open at once. While at the limit it does not call Accept, so
// further connections wait in the operating system's accept backlog (or are
// refused when that is full) rather than each costing the server a goroutine
// and buffers.
type limitListener struct {
	net.Listener
	slots chan struct{} // one element per open connection

	closeOnce sync.Once
	closed    chan struct{} // closed by Close, to wake an Accept waiting for a slot
}

// newLimitListener returns ln limited to n open connections; it panics if n
// is less than 1.
func newLimitListener(ln net.Listener, n int) *limitListener {
	if n < 1 {
		panic("serve: connection limit below 1")
	}
	return &limitListener{Listener: ln, slots: make(chan struct{}, n), closed: make(chan struct{})}
}

// Accept waits for a free slot, then for a connection. The slot is freed when
// the connection is closed.
func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.closed:
		return nil, net.ErrClosed
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitConn{Conn: c, release: sync.OnceFunc(func() { <-l.slots })}, nil
}

// Close closes the listener and wakes an Accept that waits for a slot (an
// http.Server's Shutdown waits for its Serve loop to return).
func (l *limitListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// limitConn frees its listener slot when closed, once however often Close is
// called. It passes ReadFrom and CloseWrite through to the connection, so
// that net/http still sends files with sendfile and half-closes before
// closing, as it does on a bare *net.TCPConn.
type limitConn struct {
	net.Conn
	release func()
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.release()
	return err
}

func (c *limitConn) ReadFrom(r io.Reader) (int64, error) { return io.Copy(c.Conn, r) }

func (c *limitConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
