package digitsview

import (
	"fmt"
	"strings"
	"time"
)

// Transport is the page's line to one trainer worker.
type Transport interface {
	Post(msg []byte) // send an encoded Command
	Terminate()      // stop the worker and let go of it: no message comes after
}

// StallLimit is how long a started worker may stay silent before the page
// calls it dead: it posts at least once a second (a heartbeat when idle,
// several times a second while it trains or loads).
const StallLimit = 10 * time.Second

// Client is the page's end of the trainer worker, without the browser: it
// starts the worker (Dial), sends it Commands numbered in order, decodes
// the snapshots it posts into Snap, tells whether a command has been
// applied (the snapshot's Ack), and calls the worker dead when it reports
// a failure, exits, sends what the page cannot read or stays silent for
// StallLimit. Restart starts a new worker after a failure. The worker's
// messages arrive between frames (JS calls into Go only then), so the
// methods race with nothing.
type Client struct {
	Snap     *Snapshot // the latest snapshot, decoded in place; a snapshot without weights or mistakes keeps the previous ones
	Snaps    int       // snapshots decoded since the worker started
	Seq      int       // commands sent
	Failed   string    // why the worker stopped ("it stopped answering …"); "" while it works
	Restarts int

	Dial  func() (Transport, error) // starts a worker; its messages go to Receive, Notice and Crashed
	Clock func() time.Time          // nil: time.Now
	// Hooks, each optional: after each snapshot; around a restart (the
	// page keeps its weights, then sends its options to the new worker).
	OnSnap                      func(*Snapshot)
	BeforeRestart, AfterRestart func()

	tr      Transport
	lastMsg time.Time // when the worker last posted
}

func (c *Client) now() time.Time {
	if c.Clock == nil {
		return time.Now()
	}
	return c.Clock()
}

// Start starts a worker, letting go of the current one.
func (c *Client) Start() {
	c.release()
	c.Failed, c.Snaps = "", 0
	c.lastMsg = c.now()
	tr, err := c.Dial()
	if err != nil {
		c.Failed = err.Error()
	} else {
		c.tr = tr
	}
}

func (c *Client) release() {
	if c.tr != nil {
		c.tr.Terminate()
		c.tr = nil
	}
}

// Receive takes one snapshot the worker posted.
func (c *Client) Receive(msg []byte) {
	if c.Failed != "" {
		return
	}
	c.lastMsg = c.now()
	if err := c.Snap.UnmarshalBinary(msg); err != nil {
		c.Fail("it sent a message the page cannot read: " + err.Error())
		return
	}
	c.Snaps++
	if c.OnSnap != nil {
		c.OnSnap(c.Snap)
	}
}

// Notice takes a message of the worker that is not a snapshot: its
// bootstrap's report that it could not start (kind "fatal", text why) or
// that it exited (kind "exit" with its code); any other is a sign of life.
func (c *Client) Notice(kind, text string, code int) {
	if c.Failed != "" {
		return
	}
	c.lastMsg = c.now()
	switch kind {
	case "fatal":
		c.Fail(text)
	case "exit":
		c.Fail(fmt.Sprintf("it exited with code %d; it may have run out of memory (the browser console has the details)", code))
	}
}

// Crashed takes the worker's error event and its message ("" if none).
func (c *Client) Crashed(msg string) {
	if msg == "" {
		msg = "an error"
	}
	c.Fail("it failed with " + msg)
}

// Fail stops the worker and keeps why (the first reason only).
func (c *Client) Fail(why string) {
	if c.Failed != "" {
		return
	}
	c.release()
	c.Failed = why
}

// Close stops the worker for good (a race's lane that is no longer
// needed): nothing comes after, and Restart is the only way back.
func (c *Client) Close() { c.Fail("it was closed") }

// Check is called every frame: a worker silent for StallLimit is dead.
func (c *Client) Check() {
	if d := c.now().Sub(c.lastMsg); c.Failed == "" && d > StallLimit {
		c.Fail(fmt.Sprintf("it stopped answering (nothing for %.0f s)", d.Seconds()))
	}
}

// Restart starts a new worker after a failure, between the restart hooks.
func (c *Client) Restart() {
	c.Restarts++
	if c.BeforeRestart != nil {
		c.BeforeRestart()
	}
	c.Start()
	if c.AfterRestart != nil {
		c.AfterRestart()
	}
}

// Send posts cmd with the next sequence number and returns it; 0 if the
// worker is dead.
func (c *Client) Send(cmd Command) int {
	if c.Failed != "" || c.tr == nil {
		return 0
	}
	c.Seq++
	cmd.Seq = c.Seq
	b, err := cmd.MarshalBinary()
	if err != nil {
		c.Fail("the page could not encode a command for it: " + err.Error())
		return 0
	}
	c.tr.Post(b)
	return c.Seq
}

// Acked reports whether the worker has applied command seq.
func (c *Client) Acked(seq int) bool { return c.Snaps > 0 && c.Snap.Ack >= seq }

// Download is the page's view of the data download, which the trainer
// worker does (the page itself holds no data set): the state, bytes of
// total and the file under way from the worker's latest snapshot, or the
// worker's failure. Poll refreshes it at the start of every frame.
type Download struct {
	DataStatus
	Client  *Client
	stopped string // the Client.Failed that Err tells of
}

// Poll copies the client's latest figures.
func (d *Download) Poll() {
	c := d.Client
	switch {
	case c.Failed != "":
		if d.stopped != c.Failed { // build the message once
			d.Err, d.stopped = "the trainer stopped: "+c.Failed, c.Failed
		}
		d.State = LoadFailed
	case c.Snaps == 0:
		d.DataStatus, d.stopped = DataStatus{State: Loading, What: "the trainer"}, ""
	default:
		d.DataStatus, d.stopped = c.Snap.Data, ""
	}
}

// Ready reports whether every data set is loaded.
func (d *Download) Ready() bool { return d.State == LoadReady }

// Loading reports whether the download is under way.
func (d *Download) Loading() bool { return d.State == Loading }

// Failed reports whether the download failed or the worker stopped.
func (d *Download) Failed() bool { return d.State == LoadFailed }

// Stopped reports whether the worker stopped (Retry restarts it).
func (d *Download) Stopped() bool { return d.Client.Failed != "" }

// Progress is the file under way and the fraction loaded.
func (d *Download) Progress() (string, float64) { return d.What, d.Fraction() }

// Retry downloads the data again after a failure (what was loaded stays),
// or restarts a worker that stopped.
func (d *Download) Retry() {
	switch {
	case d.Client.Failed != "":
		d.Client.Restart()
	case d.State == LoadFailed:
		d.Client.Send(Command{Kind: CmdRetry})
	}
}

// Fraction is the downloaded fraction in [0, 1].
func (d *Download) Fraction() float64 {
	if d.State == LoadReady {
		return 1
	}
	if d.Total <= 0 {
		return 0
	}
	return min(1, float64(d.Loaded)/float64(d.Total))
}

// ProgressText is "Loading MNIST… 3.1 / 11.6 MB", "Data loaded" or the error.
func (d *Download) ProgressText() string {
	switch d.State {
	case LoadReady:
		return "Data loaded"
	case LoadFailed:
		if d.Client.Failed != "" {
			return "The trainer stopped: " + d.Client.Failed + ". Restart continues from the last weights the page holds (Save keeps them)."
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
