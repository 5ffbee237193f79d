//go:build js && wasm

package main

import (
	"fmt"
	"strings"

	"digitlab/digitsview"
)

// LoadState is where the trainer worker's data download stands.
type LoadState = digitsview.LoadState

const (
	Loading    = digitsview.Loading
	LoadReady  = digitsview.LoadReady
	LoadFailed = digitsview.LoadFailed
)

// Data is the page's view of the data download, which the trainer worker
// does (the page itself holds no data set): the state, bytes of total and
// the file under way, from the worker's latest snapshot, or the worker's
// failure. Scenes read it through ctx.Data; the app refreshes it in Poll
// at the start of every Update.
type Data struct {
	digitsview.DataStatus
	tr *trainerClient
}

// Poll copies the trainer's latest figures.
func (d *Data) Poll() {
	t := d.tr
	switch {
	case t.failed != "":
		d.State, d.Err = LoadFailed, "the trainer stopped: "+t.failed
	case t.snaps == 0:
		d.DataStatus = digitsview.DataStatus{State: Loading, What: "the trainer"}
	default:
		d.DataStatus = t.snap.Data
	}
}

// Ready reports whether every data set is loaded.
func (d *Data) Ready() bool { return d.State == LoadReady }

// Retry downloads the data again after a failure (what was loaded stays),
// or restarts a trainer that stopped.
func (d *Data) Retry() {
	switch {
	case d.tr.failed != "":
		d.tr.restart()
	case d.State == LoadFailed:
		d.tr.send(digitsview.Command{Kind: digitsview.CmdRetry})
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
		if d.tr.failed != "" {
			return "The trainer stopped: " + d.tr.failed + ". Restart continues from the last weights the page holds (Save keeps them)."
		}
		return "Loading the data failed: " + d.Err
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
