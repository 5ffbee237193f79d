//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"syscall/js"

	"digitlab/scenes/digitsview"
)

// trainerClient is the page's end of the trainer worker (cmd/trainer,
// started by static/trainer.js): a digitsview.Client, whose Transport it
// is: it creates the Web Worker and hands its messages to the Client.
type trainerClient struct {
	digitsview.Client

	w     js.Value // the worker; undefined once terminated
	funcs []js.Func
	buf   []byte
}

// newTrainerClient starts the worker; the Digits scene sets the hooks.
func newTrainerClient() *trainerClient {
	t := &trainerClient{}
	t.Client = digitsview.Client{Snap: &digitsview.Snapshot{}, Dial: t.dial}
	t.Start()
	return t
}

// dial creates the worker and passes its messages and errors on.
func (t *trainerClient) dial() (_ digitsview.Transport, err error) {
	ctor := js.Global().Get("Worker")
	if ctor.Type() != js.TypeFunction {
		return nil, errors.New("this browser has no Web Workers, which it needs")
	}
	defer func() {
		if r := recover(); r != nil { // new Worker throws for a bad URL or a blocked script
			err = fmt.Errorf("it could not be started: %v", r)
		}
	}()
	t.w = ctor.New("trainer.js")
	onMsg := js.FuncOf(func(_ js.Value, args []js.Value) any {
		t.receive(args[0].Get("data"))
		return nil
	})
	onErr := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := ""
		if len(args) > 0 {
			if m := args[0].Get("message"); m.Type() == js.TypeString {
				msg = m.String()
			}
			args[0].Call("preventDefault")
		}
		t.Crashed(msg)
		return nil
	})
	t.funcs = append(t.funcs, onMsg, onErr)
	t.w.Set("onmessage", onMsg)
	t.w.Set("onerror", onErr)
	t.w.Set("onmessageerror", onErr)
	return t, nil
}

// receive hands one message of the worker to the Client: a snapshot
// (Uint8Array) or its bootstrap's report ({type, message, code}).
func (t *trainerClient) receive(v js.Value) {
	switch {
	case t.Failed != "":
	case v.InstanceOf(js.Global().Get("Uint8Array")):
		t.buf = append(t.buf[:0], make([]byte, v.Length())...)
		js.CopyBytesToGo(t.buf, v)
		t.Receive(t.buf)
	case v.Type() != js.TypeObject:
		t.Notice("", "", 0)
	default:
		code := 0
		if c := v.Get("code"); c.Type() == js.TypeNumber {
			code = c.Int()
		}
		t.Notice(v.Get("type").String(), v.Get("message").String(), code)
	}
}

// Post sends an encoded command, transferring its buffer.
func (t *trainerClient) Post(b []byte) {
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	t.w.Call("postMessage", u8, []any{u8.Get("buffer")})
}

// Terminate lets go of the worker and its callbacks.
func (t *trainerClient) Terminate() {
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
