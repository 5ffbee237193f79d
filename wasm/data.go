//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"digitlab/datasets"
)

// LoadState is where the background download stands.
type LoadState int

const (
	Loading LoadState = iota
	LoadReady
	LoadFailed
)

// dataFiles are fetched in this order, relative to the page; sizes are the
// expected bytes (replaced by Content-Length when the server sends it).
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

// Data holds the data sets the app loads in the background and how far the
// download has come. Scenes read it through ctx.Data; only the app changes
// it, in Poll at the start of every Update.
type Data struct {
	State         LoadState
	Loaded, Total int64  // bytes downloaded / expected, for the progress bar
	What          string // the file being fetched or parsed
	Err           error  // why it failed (State == LoadFailed)

	Digits      *datasets.Set // scikit-learn 8×8 digits (1797), nil until loaded
	Train, Test *datasets.Set // MNIST 60000 / 10000, all ten digits, nil until loaded

	results  chan loadResult
	progress *loadProgress
	attempt  int
}

// loadResult is what the loading goroutine sends: one data set or an error.
type loadResult struct {
	attempt     int
	digits      *datasets.Set
	train, test *datasets.Set
	err         error
	done        bool // everything is loaded
}

// loadProgress is written by the loading goroutine and read by Poll.
type loadProgress struct {
	loaded, total atomic.Int64
	what          atomic.Value // string
}

// NewData starts loading in the background.
func NewData() *Data {
	d := &Data{results: make(chan loadResult, 8)}
	d.start()
	return d
}

// Ready reports whether every data set is loaded.
func (d *Data) Ready() bool { return d.State == LoadReady }

// Retry starts the download again after a failure (what was loaded stays).
func (d *Data) Retry() {
	if d.State == LoadFailed {
		d.start()
	}
}

func (d *Data) start() {
	d.attempt++
	d.State, d.Err = Loading, nil
	p := &loadProgress{}
	var total int64
	for _, f := range dataFiles {
		total += f.size
	}
	p.total.Store(total)
	p.what.Store("")
	d.progress = p
	go loadAll(d.attempt, d.Digits == nil, d.Train == nil, p, d.results)
}

// Poll takes what the loader finished, without blocking, and refreshes the
// progress figures.
func (d *Data) Poll() {
	for {
		select {
		case r := <-d.results:
			if r.attempt != d.attempt {
				continue // from an abandoned attempt
			}
			switch {
			case r.err != nil:
				d.State, d.Err = LoadFailed, r.err
			case r.digits != nil:
				d.Digits = r.digits
			case r.train != nil:
				d.Train, d.Test = r.train, r.test
			}
			if r.done && d.State == Loading {
				d.State = LoadReady
			}
		default:
			if d.progress != nil {
				d.Loaded, d.Total = d.progress.loaded.Load(), d.progress.total.Load()
				d.What, _ = d.progress.what.Load().(string)
			}
			return
		}
	}
}

// Fraction is the downloaded fraction in [0, 1].
func (d *Data) Fraction() float64 {
	if d.State == LoadReady {
		return 1
	}
	if d.Total <= 0 {
		return 0
	}
	return min(1, float64(d.Loaded)/float64(d.Total))
}

// ProgressText is "Loading MNIST… 3.1 / 11.6 MB", "Data loaded" or the error.
func (d *Data) ProgressText() string {
	switch d.State {
	case LoadReady:
		return "Data loaded"
	case LoadFailed:
		return "Loading the data failed: " + d.Err.Error()
	}
	what := d.What
	if strings.HasPrefix(what, "Unpacking") {
		return what + "…"
	}
	if what == "" {
		what = "data"
	}
	return fmt.Sprintf("Loading %s… %.1f / %.1f MB", what, float64(d.Loaded)/1e6, float64(d.Total)/1e6)
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
