package main

import "digitlab/ui"

// LoadState is where a background download stands.
type LoadState int

const (
	LoadIdle LoadState = iota
	Loading
	LoadReady
	LoadFailed
)

// Data holds the data sets the app loads in the background (MNIST, the 8×8
// digits) and their progress. Scenes read it through ctx.Data; only the app
// changes it, in Poll (called at the start of every Update).
type Data struct {
	State         LoadState
	Loaded, Total int64 // bytes downloaded so far / expected (0 = unknown)
	What          string
	Err           error // set when State == LoadFailed

	Retry ui.Button // shown by scenes that need the data when it failed
}

// NewData starts loading.
func NewData() *Data { return &Data{} }

// Ready reports whether the data sets are loaded.
func (d *Data) Ready() bool { return d.State == LoadReady }

// Poll takes finished downloads from the loader without blocking.
func (d *Data) Poll() {}

// UpdateRetry handles the Retry button (laid out by whoever draws it).
func (d *Data) UpdateRetry(in *ui.Input) {}
