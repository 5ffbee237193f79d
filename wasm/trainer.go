//go:build js && wasm

package main

import (
	"fmt"
	"syscall/js"
	"time"

	"digitlab/digitsview"
)

// trainerClient is the page's end of the trainer worker (cmd/trainer,
// started by static/trainer.js): it sends digitsview.Commands and decodes
// the snapshots the worker posts into snap. The worker's messages arrive
// between frames (JS calls into Go only then), so decoding them in the
// callback races with nothing; a snapshot that carries no weights or
// mistakes keeps the previous ones (see Snapshot.UnmarshalBinary).
type trainerClient struct {
	snap    digitsview.Snapshot
	snaps   int       // snapshots decoded since the worker started
	seq     int       // commands sent
	failed  string    // why the worker stopped ("it stopped answering …"); "" while it works
	lastMsg time.Time // when the worker last posted

	w        js.Value
	funcs    []js.Func
	buf      []byte
	onSnap   func(*digitsview.Snapshot) // after each snapshot (the scene's merge)
	restarts int
	// Around a restart: the scene keeps its weights, then sends its
	// options to the new worker.
	beforeRestart, afterRestart func()
}

// stallLimit is how long a started worker may stay silent before the page
// calls it dead: it posts at least once a second (a heartbeat when idle,
// several times a second while it trains or loads).
const stallLimit = 10 * time.Second

func newTrainerClient() *trainerClient {
	t := &trainerClient{}
	t.start()
	return t
}

// start creates the worker.
func (t *trainerClient) start() {
	t.release()
	t.failed, t.snaps = "", 0
	t.lastMsg = time.Now()
	ctor := js.Global().Get("Worker")
	if ctor.Type() != js.TypeFunction {
		t.failed = "this browser has no Web Workers, which it needs"
		return
	}
	defer func() {
		if r := recover(); r != nil { // new Worker throws for a bad URL or a blocked script
			t.failed = fmt.Sprintf("it could not be started: %v", r)
		}
	}()
	t.w = ctor.New("trainer.js")
	onMsg := js.FuncOf(func(_ js.Value, args []js.Value) any {
		t.receive(args[0].Get("data"))
		return nil
	})
	onErr := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "an error"
		if len(args) > 0 {
			if m := args[0].Get("message"); m.Type() == js.TypeString && m.String() != "" {
				msg = m.String()
			}
			args[0].Call("preventDefault")
		}
		t.fail("it failed with " + msg)
		return nil
	})
	t.funcs = append(t.funcs, onMsg, onErr)
	t.w.Set("onmessage", onMsg)
	t.w.Set("onerror", onErr)
	t.w.Set("onmessageerror", onErr)
}

// release lets go of the current worker and its callbacks.
func (t *trainerClient) release() {
	if t.w.Type() == js.TypeObject {
		t.w.Set("onmessage", js.Null())
		t.w.Set("onerror", js.Null())
		t.w.Set("onmessageerror", js.Null())
		t.w.Call("terminate")
	}
	for _, f := range t.funcs {
		f.Release()
	}
	t.funcs, t.w = t.funcs[:0], js.Undefined()
}

// receive handles one message of the worker: a snapshot (Uint8Array) or
// its report that it could not start or exited.
func (t *trainerClient) receive(v js.Value) {
	if t.failed != "" {
		return
	}
	t.lastMsg = time.Now()
	if v.InstanceOf(js.Global().Get("Uint8Array")) {
		n := v.Length()
		if cap(t.buf) < n {
			t.buf = make([]byte, n)
		}
		t.buf = t.buf[:n]
		js.CopyBytesToGo(t.buf, v)
		if err := t.snap.UnmarshalBinary(t.buf); err != nil {
			t.fail("it sent a message the page cannot read: " + err.Error())
			return
		}
		t.snaps++
		if t.onSnap != nil {
			t.onSnap(&t.snap)
		}
		return
	}
	if v.Type() == js.TypeObject {
		switch v.Get("type").String() {
		case "fatal":
			t.fail(v.Get("message").String())
		case "exit":
			t.fail(fmt.Sprintf("it exited with code %d; it may have run out of memory (the browser console has the details)", v.Get("code").Int()))
		}
	}
}

// fail stops the worker and keeps why.
func (t *trainerClient) fail(why string) {
	if t.failed != "" {
		return
	}
	t.release()
	t.failed = why
}

// check is called every frame: a worker that stopped posting is dead.
func (t *trainerClient) check(now time.Time) {
	if t.failed == "" && now.Sub(t.lastMsg) > stallLimit {
		t.fail(fmt.Sprintf("it stopped answering (nothing for %.0f s)", now.Sub(t.lastMsg).Seconds()))
	}
}

// restart starts a new worker after a failure.
func (t *trainerClient) restart() {
	t.restarts++
	if t.beforeRestart != nil {
		t.beforeRestart()
	}
	t.start()
	if t.afterRestart != nil {
		t.afterRestart()
	}
}

// send posts a command; it returns its sequence number (0 if the worker
// is dead).
func (t *trainerClient) send(c digitsview.Command) int {
	if t.failed != "" || t.w.Type() != js.TypeObject {
		return 0
	}
	t.seq++
	c.Seq = t.seq
	b, err := c.MarshalBinary()
	if err != nil {
		t.fail("the page could not encode a command for it: " + err.Error())
		return 0
	}
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	t.w.Call("postMessage", u8, []any{u8.Get("buffer")})
	return t.seq
}

// acked reports whether the worker has applied command seq.
func (t *trainerClient) acked(seq int) bool { return t.snaps > 0 && t.snap.Ack >= seq }
