//go:build js && wasm

// Command trainer hosts the Digits run in a dedicated Web Worker, so that
// training never waits for the page to draw: it fetches and unpacks the
// data itself, holds a digitsview.Run, trains it in slices and posts
// digitsview.Snapshots to the page several times a second. The page sends
// digitsview.Commands. Both cross postMessage as one transferred byte
// buffer (scenes/digitsview/proto.go). static/trainer.js starts it.
package main

import (
	"syscall/js"
	"time"

	"digitlab/scenes/digitsview"
)

// Timing of the loop.
const (
	slice      = 20 * time.Millisecond  // training between two looks at the inbox
	snapEvery  = 200 * time.Millisecond // snapshots while busy
	weightsDue = 500 * time.Millisecond // weights in a snapshot at most this often while training
	heartbeat  = time.Second            // a snapshot at least this often when idle
)

// worker is the trainer's state. JS callbacks only queue; the loop in
// main's goroutine does everything else.
type worker struct {
	run   *digitsview.Run
	data  *loader
	inbox [][]byte // encoded commands not yet applied
	wake  chan struct{}
	ack   int
	msgs  []string // errors of commands, for the next snapshot

	snap      digitsview.Snapshot
	buf       []byte
	seq       int
	snapAt    time.Time
	weightsAt time.Time
	force     bool // post a snapshot (with the weights) at the next look

	yielded js.Value // MessageChannel port 2, to yield to the event loop
	resumed chan struct{}
}

func main() {
	w := &worker{run: digitsview.NewRun(digitsview.Default("4v9")), wake: make(chan struct{}, 1), resumed: make(chan struct{}, 1)}
	self := js.Global()
	// trainer.js queued what the page sent while this program loaded.
	if q := self.Get("digitlabInbox"); q.Type() == js.TypeObject {
		for i := range q.Length() {
			w.queue(q.Index(i))
		}
	}
	self.Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		w.queue(args[0].Get("data"))
		return nil
	}))
	// Yielding through a MessageChannel: a setTimeout(0) chain is clamped
	// to 4 ms per turn by the browsers, a message is not.
	mc := js.Global().Get("MessageChannel").New()
	w.yielded = mc.Get("port2")
	mc.Get("port1").Set("onmessage", js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case w.resumed <- struct{}{}:
		default:
		}
		return nil
	}))
	w.data = newLoader(w.signal)
	w.loop()
}

// queue keeps an encoded command from the page (a Uint8Array).
func (w *worker) queue(v js.Value) {
	if v.Type() != js.TypeObject || !v.InstanceOf(js.Global().Get("Uint8Array")) {
		return
	}
	b := make([]byte, v.Length())
	js.CopyBytesToGo(b, v)
	w.inbox = append(w.inbox, b)
	w.signal()
}

// signal wakes the loop if it waits.
func (w *worker) signal() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// yield lets the event loop run (deliver the page's messages) and comes
// back at once.
func (w *worker) yield() {
	w.yielded.Call("postMessage", nil)
	<-w.resumed
}

func (w *worker) loop() {
	for {
		w.drain()
		if w.data.poll() {
			w.run.SetSources(w.data.src)
			w.force = true
		}
		busy := w.run.Busy()
		if busy {
			w.run.Tick(time.Now().Add(slice))
		}
		now := time.Now()
		every := heartbeat
		if busy || w.data.state == digitsview.Loading {
			every = snapEvery
		}
		if w.force || now.Sub(w.snapAt) >= every {
			w.post(now, w.force || !w.run.Running() || now.Sub(w.weightsAt) >= weightsDue)
		}
		switch {
		case busy:
			w.yield()
		case w.data.state == digitsview.Loading:
			w.wait(snapEvery)
		default:
			w.wait(heartbeat)
		}
	}
}

// wait blocks until a message or d.
func (w *worker) wait(d time.Duration) {
	t := time.NewTimer(d)
	select {
	case <-w.wake:
	case <-t.C:
	}
	t.Stop()
}

// drain applies the queued commands in order.
func (w *worker) drain() {
	for len(w.inbox) > 0 {
		b := w.inbox[0]
		w.inbox = w.inbox[1:]
		var c digitsview.Command
		if err := c.UnmarshalBinary(b); err != nil {
			w.msgs = append(w.msgs, "trainer: "+err.Error())
			continue
		}
		switch c.Kind {
		case digitsview.CmdRetry:
			w.data.retry()
		case digitsview.CmdSnapshot:
		default:
			if err := w.run.Do(c); err != nil {
				w.msgs = append(w.msgs, err.Error())
			}
		}
		w.ack = c.Seq
		w.force = true
	}
}

// post sends a snapshot of the run to the page.
func (w *worker) post(now time.Time, weights bool) {
	s := &w.snap
	w.run.Snapshot(s, weights)
	if s.HasWeights {
		w.weightsAt = now
	}
	w.seq++
	s.Seq, s.Ack, s.Data = w.seq, w.ack, w.data.status()
	s.Msgs = append(s.Msgs[:0], w.msgs...)
	w.msgs = w.msgs[:0]
	w.buf = s.AppendBinary(w.buf[:0])
	u8 := js.Global().Get("Uint8Array").New(len(w.buf))
	js.CopyBytesToJS(u8, w.buf)
	js.Global().Call("postMessage", u8, []any{u8.Get("buffer")})
	w.snapAt, w.force = now, false
}
