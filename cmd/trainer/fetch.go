//go:build js && wasm

package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"syscall/js"
	"time"

	"digitlab/datasets"
)

// loadAll runs in its own goroutine: it fetches the data files (relative
// URLs "data/…", as build.sh lays out static/), parses them with package
// datasets and sends each set, or the first error, on out.
func loadAll(attempt int, needDigits, needMNIST bool, p *loadProgress, out chan<- loadResult) {
	files := map[string][]byte{}
	for _, f := range dataFiles {
		isDigits := f.name == datasets.DigitsFile
		if (isDigits && !needDigits) || (!isDigits && !needMNIST) {
			p.total.Add(-f.size)
			continue
		}
		p.what.Store(f.title)
		b, err := fetchBytes("data/"+f.name, f.size, p)
		if err != nil {
			out <- loadResult{attempt: attempt, err: &LoadError{File: f.name, Err: err}}
			return
		}
		if isDigits {
			p.what.Store("8×8 digits")
			set, err := datasets.ReadDigitsCSV(yieldingReader(b), f.name)
			if err != nil {
				out <- loadResult{attempt: attempt, err: &LoadError{File: f.name, Corrupt: true, Err: err}}
				return
			}
			out <- loadResult{attempt: attempt, digits: set}
			continue
		}
		files[f.name] = b
	}
	if needMNIST {
		p.what.Store("Unpacking MNIST")
		train, err := datasets.ReadMNIST(yieldingReader(files[datasets.MNISTTrainImages]), yieldingReader(files[datasets.MNISTTrainLabels]), "train")
		if err != nil {
			out <- loadResult{attempt: attempt, err: &LoadError{File: "MNIST", Corrupt: true, Err: err}}
			return
		}
		test, err := datasets.ReadMNIST(yieldingReader(files[datasets.MNISTTestImages]), yieldingReader(files[datasets.MNISTTestLabels]), "t10k")
		if err != nil {
			out <- loadResult{attempt: attempt, err: &LoadError{File: "MNIST", Corrupt: true, Err: err}}
			return
		}
		if test.H != train.H || test.W != train.W {
			out <- loadResult{attempt: attempt, err: &LoadError{File: "MNIST", Corrupt: true,
				Err: fmt.Errorf("test images are %d×%d, training images %d×%d", test.H, test.W, train.H, train.W)}}
			return
		}
		out <- loadResult{attempt: attempt, train: train, test: test}
	}
	p.what.Store("")
	out <- loadResult{attempt: attempt, done: true}
}

// yieldingReader reads b and, after every 25 ms of work, sleeps a moment:
// Go on wasm switches only when a goroutine blocks, so this hands the
// worker's thread back to its event loop, and the page's commands are
// answered while parsing runs.
func yieldingReader(b []byte) io.Reader {
	return &yielder{r: bytes.NewReader(b), last: time.Now()}
}

type yielder struct {
	r    *bytes.Reader
	last time.Time
}

func (y *yielder) Read(p []byte) (int, error) {
	if time.Since(y.last) > 25*time.Millisecond {
		time.Sleep(time.Millisecond)
		y.last = time.Now()
	}
	if len(p) > 16<<10 {
		p = p[:16<<10]
	}
	return y.r.Read(p)
}

// fetchBytes downloads url with the browser's fetch, reading the body as a
// stream so p.loaded grows as bytes arrive. expect is the size assumed in
// p.total, corrected by Content-Length. It blocks its goroutine only.
func fetchBytes(url string, expect int64, p *loadProgress) ([]byte, error) {
	resp, err := await(js.Global().Call("fetch", url))
	if err != nil {
		return nil, err
	}
	if !resp.Get("ok").Bool() {
		return nil, fmt.Errorf("%w %d %s for %s", errHTTP, resp.Get("status").Int(), resp.Get("statusText").String(), url)
	}
	size := expect
	if cl := resp.Get("headers").Call("get", "Content-Length"); cl.Type() == js.TypeString && resp.Get("headers").Call("get", "Content-Encoding").IsNull() {
		var n int64
		if _, err := fmt.Sscan(cl.String(), &n); err == nil && n > 0 {
			p.total.Add(n - expect)
			size = n
		}
	}
	body := resp.Get("body")
	if body.IsNull() || body.IsUndefined() { // no streams: all at once
		ab, err := await(resp.Call("arrayBuffer"))
		if err != nil {
			return nil, err
		}
		u8 := js.Global().Get("Uint8Array").New(ab)
		buf := make([]byte, u8.Get("length").Int())
		js.CopyBytesToGo(buf, u8)
		p.loaded.Add(int64(len(buf)))
		return buf, nil
	}
	reader := body.Call("getReader")
	buf := make([]byte, 0, size)
	for {
		chunk, err := await(reader.Call("read"))
		if err != nil {
			return nil, err
		}
		if chunk.Get("done").Bool() {
			break
		}
		v := chunk.Get("value")
		n := v.Get("length").Int()
		buf = slices.Grow(buf, n)[:len(buf)+n]
		js.CopyBytesToGo(buf[len(buf)-n:], v)
		p.loaded.Add(int64(n))
	}
	return buf, nil
}

// await waits (in the calling goroutine) for a JS promise.
func await(promise js.Value) (js.Value, error) {
	type outcome struct {
		v   js.Value
		err error
	}
	ch := make(chan outcome, 1)
	onOK := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- outcome{v: args[0]}
		return nil
	})
	onErr := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "failed"
		if len(args) > 0 {
			msg = args[0].Call("toString").String()
		}
		ch <- outcome{err: fmt.Errorf("%s", msg)}
		return nil
	})
	defer onOK.Release()
	defer onErr.Release()
	promise.Call("then", onOK, onErr)
	o := <-ch
	return o.v, o.err
}
