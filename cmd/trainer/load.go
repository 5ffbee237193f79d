//go:build js && wasm

package main

import (
	"errors"
	"strings"
	"sync/atomic"

	"digitlab/datasets"
	"digitlab/scenes/digitsview"
)

// dataFiles are fetched in this order, relative to the worker's script
// (static/), as build.sh lays them out; sizes are the expected bytes
// (replaced by Content-Length when the server sends it).
var dataFiles = []struct {
	name  string
	title string // for the progress text
	size  int64
}{
	{datasets.DigitsFile, "8×8 digits", 57512},
	{datasets.MNISTTrainLabels, "MNIST labels", 28881},
	{datasets.MNISTTestLabels, "MNIST labels", 4542},
	{datasets.MNISTTestImages, "MNIST test images", 1648877},
	{datasets.MNISTTrainImages, "MNIST training images", 9912422},
}

// loadResult is what the loading goroutine sends: one data set or an error.
type loadResult struct {
	attempt     int
	digits      *datasets.Set
	train, test *datasets.Set
	err         error
	done        bool // everything is loaded
}

// loadProgress is written by the loading goroutine and read by the loop.
type loadProgress struct {
	loaded, total atomic.Int64
	what          atomic.Value // string
}

// LoadError wraps a failed download (File names it) or a downloaded file
// that does not parse (Corrupt; the datasets error names the file).
type LoadError struct {
	File    string
	Corrupt bool
	Err     error
}

func (e *LoadError) Error() string {
	if e.Corrupt {
		return "a downloaded file is damaged: " + e.Err.Error()
	}
	return e.File + ": " + e.Err.Error()
}
func (e *LoadError) Unwrap() error { return e.Err }

// errHTTP is a non-2xx answer.
var errHTTP = errors.New("HTTP error")

// loader is the worker's data: the sets loaded so far and the download
// under way. Only the worker's loop touches it.
type loader struct {
	state    digitsview.LoadState
	err      error
	src      digitsview.Sources
	results  chan loadResult
	progress *loadProgress
	attempt  int
	wake     func()
}

func newLoader(wake func()) *loader {
	l := &loader{results: make(chan loadResult, 8), wake: wake}
	l.start()
	return l
}

// start fetches what is not loaded yet in a goroutine.
func (l *loader) start() {
	l.attempt++
	l.state, l.err = digitsview.Loading, nil
	p := &loadProgress{}
	var total int64
	for _, f := range dataFiles {
		total += f.size
	}
	p.total.Store(total)
	p.what.Store("")
	l.progress = p
	out := make(chan loadResult, 8)
	go func() {
		for r := range out {
			l.results <- r
			l.wake()
		}
	}()
	go func() {
		loadAll(l.attempt, l.src.Digits == nil, l.src.Train == nil, p, out)
		close(out)
	}()
}

// retry downloads again after a failure (what was loaded stays).
func (l *loader) retry() {
	if l.state == digitsview.LoadFailed {
		l.start()
	}
}

// poll takes what the loading goroutine finished, without blocking; it
// reports whether the sources changed.
func (l *loader) poll() (changed bool) {
	for {
		select {
		case r := <-l.results:
			if r.attempt != l.attempt {
				continue // from an abandoned attempt
			}
			switch {
			case r.err != nil:
				l.state, l.err = digitsview.LoadFailed, r.err
			case r.digits != nil:
				l.src.Digits, changed = r.digits, true
			case r.train != nil:
				l.src.Train, l.src.Test, changed = r.train, r.test, true
			}
			if r.done && l.state == digitsview.Loading {
				l.state = digitsview.LoadReady
			}
		default:
			return changed
		}
	}
}

// status is the download as the page shows it.
func (l *loader) status() digitsview.DataStatus {
	d := digitsview.DataStatus{State: l.state}
	if p := l.progress; p != nil {
		d.Loaded, d.Total = p.loaded.Load(), p.total.Load()
		d.What, _ = p.what.Load().(string)
	}
	if l.state == digitsview.LoadReady {
		d.Loaded, d.What = d.Total, ""
	}
	if l.err != nil {
		d.Err = l.err.Error()
	}
	d.What = strings.TrimSpace(d.What)
	return d
}
