package digitsview

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// fakeTransport records what the client posts to one worker.
type fakeTransport struct {
	posted     []Command
	terminated bool
}

func (f *fakeTransport) Post(b []byte) {
	var c Command
	if err := c.UnmarshalBinary(b); err != nil {
		panic(err)
	}
	f.posted = append(f.posted, c)
}

func (f *fakeTransport) Terminate() { f.terminated = true }

// clientRig is a Client with fake workers and a fake clock.
type clientRig struct {
	c       *Client
	snap    Snapshot
	now     time.Time
	workers []*fakeTransport
	dialErr error
	events  []string
}

func newClientRig(t *testing.T) *clientRig {
	t.Helper()
	r := &clientRig{now: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	r.c = &Client{
		Snap:  &r.snap,
		Clock: func() time.Time { return r.now },
		Dial: func() (Transport, error) {
			r.events = append(r.events, "dial")
			if r.dialErr != nil {
				return nil, r.dialErr
			}
			w := &fakeTransport{}
			r.workers = append(r.workers, w)
			return w, nil
		},
		OnSnap:        func(s *Snapshot) { r.events = append(r.events, "snap") },
		BeforeRestart: func() { r.events = append(r.events, "before") },
		AfterRestart:  func() { r.events = append(r.events, "after") },
	}
	r.c.Start()
	return r
}

func (r *clientRig) worker() *fakeTransport { return r.workers[len(r.workers)-1] }

// post makes the worker post a snapshot acknowledging command ack.
func (r *clientRig) post(t *testing.T, ack int, data DataStatus) {
	t.Helper()
	s := Snapshot{Seq: r.c.Snaps + 1, Ack: ack, Data: data}
	r.c.Receive(s.AppendBinary(nil))
}

func TestClientAcksMakeItSynced(t *testing.T) {
	t.Parallel()
	r := newClientRig(t)
	if got := r.c.Send(Command{Kind: CmdConfig, Config: Default("4v9")}); got != 1 {
		t.Fatalf("first Send = %d, want 1", got)
	}
	if got := r.c.Send(Command{Kind: CmdStart}); got != 2 {
		t.Fatalf("second Send = %d, want 2", got)
	}
	w := r.worker()
	if len(w.posted) != 2 || w.posted[0].Kind != CmdConfig || w.posted[0].Seq != 1 ||
		w.posted[1].Kind != CmdStart || w.posted[1].Seq != 2 || w.posted[0].Config.Task != "4v9" {
		t.Fatalf("posted %+v, want config #1 then start #2", w.posted)
	}
	if r.c.Acked(0) {
		t.Error("Acked(0) before any snapshot: want false")
	}
	r.post(t, 1, DataStatus{State: Loading})
	if !r.c.Acked(1) || r.c.Acked(2) || r.c.Acked(r.c.Seq) {
		t.Errorf("after ack 1: Acked(1), Acked(2) = %v, %v; want true, false", r.c.Acked(1), r.c.Acked(2))
	}
	r.post(t, 2, DataStatus{State: Loading})
	if !r.c.Acked(r.c.Seq) {
		t.Error("after ack 2 the client is not synced")
	}
	if r.c.Snaps != 2 || r.snap.Seq != 2 || r.snap.Ack != 2 {
		t.Errorf("Snaps %d, Snap.Seq %d, Snap.Ack %d; want 2, 2, 2", r.c.Snaps, r.snap.Seq, r.snap.Ack)
	}
	if got := strings.Join(r.events, " "); got != "dial snap snap" {
		t.Errorf("events %q, want dial and one OnSnap per snapshot", got)
	}
}

func TestClientStallIsAFailure(t *testing.T) {
	t.Parallel()
	r := newClientRig(t)
	r.now = r.now.Add(9 * time.Second)
	r.c.Check()
	if r.c.Failed != "" {
		t.Fatalf("failed after 9 s: %q", r.c.Failed)
	}
	r.c.Notice("heartbeat", "", 0) // any message is a sign of life
	r.now = r.now.Add(StallLimit)
	r.c.Check()
	if r.c.Failed != "" {
		t.Fatalf("failed exactly at the limit after a message: %q", r.c.Failed)
	}
	r.now = r.now.Add(2 * time.Second)
	r.c.Check()
	if want := "it stopped answering (nothing for 12 s)"; r.c.Failed != want {
		t.Fatalf("Failed = %q, want %q", r.c.Failed, want)
	}
	if !r.worker().terminated {
		t.Error("a stalled worker is not terminated")
	}
	if got := r.c.Send(Command{Kind: CmdStart}); got != 0 || len(r.worker().posted) != 0 {
		t.Errorf("Send to a dead worker = %d (posted %d), want 0 and nothing posted", got, len(r.worker().posted))
	}
	r.c.Notice("exit", "", 1)
	r.post(t, 5, DataStatus{State: LoadReady})
	if !strings.HasPrefix(r.c.Failed, "it stopped answering") || r.c.Snaps != 0 {
		t.Errorf("messages after the failure changed it: %q, %d snapshots", r.c.Failed, r.c.Snaps)
	}
}

func TestClientFailures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		do   func(r *clientRig)
		want string
	}{
		{"fatal", func(r *clientRig) { r.c.Notice("fatal", "trainer.wasm could not be downloaded", 0) }, "trainer.wasm could not be downloaded"},
		{"exit", func(r *clientRig) { r.c.Notice("exit", "", 2) }, "it exited with code 2; it may have run out of memory (the browser console has the details)"},
		{"error event", func(r *clientRig) { r.c.Crashed("boom") }, "it failed with boom"},
		{"error event without message", func(r *clientRig) { r.c.Crashed("") }, "it failed with an error"},
		{"unreadable snapshot", func(r *clientRig) { r.c.Receive([]byte("nonsense")) }, "it sent a message the page cannot read: digitsview: snapshot: "},
		{"first reason wins", func(r *clientRig) { r.c.Crashed("one"); r.c.Crashed("two") }, "it failed with one"},
		{"unknown message", func(r *clientRig) { r.c.Notice("hello", "x", 0) }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			t.Parallel()
			r := newClientRig(t)
			tt.do(r)
			if !strings.HasPrefix(r.c.Failed, tt.want) || (tt.want == "") != (r.c.Failed == "") {
				t.Errorf("Failed = %q, want %q", r.c.Failed, tt.want)
			}
			if r.worker().terminated != (tt.want != "") {
				t.Errorf("terminated = %v, want %v", r.worker().terminated, tt.want != "")
			}
		})
	}
}

func TestClientDialFailure(t *testing.T) {
	t.Parallel()
	r := newClientRig(t)
	r.c.Fail("gone")
	r.dialErr = errors.New("this browser has no Web Workers, which it needs")
	r.c.Restart()
	if r.c.Failed != r.dialErr.Error() {
		t.Errorf("Failed = %q, want the dial error", r.c.Failed)
	}
	if got := r.c.Send(Command{Kind: CmdStart}); got != 0 {
		t.Errorf("Send without a worker = %d, want 0", got)
	}
}

func TestClientRestartResendsOptions(t *testing.T) {
	t.Parallel()
	r := newClientRig(t)
	r.c.AfterRestart = func() {
		r.events = append(r.events, "after")
		r.c.Send(Command{Kind: CmdConfig, Config: Default("10")})
	}
	r.c.Send(Command{Kind: CmdConfig, Config: Default("4v9")})
	r.post(t, 1, DataStatus{State: LoadReady})
	r.c.Notice("exit", "", 1)
	first := r.worker()
	r.events = nil
	r.c.Restart()
	if got := strings.Join(r.events, " "); got != "before dial after" {
		t.Errorf("restart events %q, want before dial after", got)
	}
	if len(r.workers) != 2 || r.worker() == first || !first.terminated || r.worker().terminated {
		t.Fatalf("restart: %d workers, the old terminated %v, the new %v", len(r.workers), first.terminated, r.worker().terminated)
	}
	if r.c.Failed != "" || r.c.Snaps != 0 || r.c.Restarts != 1 {
		t.Errorf("after restart Failed %q, Snaps %d, Restarts %d; want \"\", 0, 1", r.c.Failed, r.c.Snaps, r.c.Restarts)
	}
	p := r.worker().posted
	if len(p) != 1 || p[0].Kind != CmdConfig || p[0].Seq != 2 || p[0].Config.Task != "10" {
		t.Fatalf("the new worker got %+v, want the options as command #2", p)
	}
	if r.c.Acked(2) {
		t.Error("acked before the new worker's first snapshot")
	}
	r.post(t, 2, DataStatus{State: Loading})
	if !r.c.Acked(r.c.Seq) {
		t.Error("not synced after the new worker acked the options")
	}
	// The new worker's clock starts at the restart.
	r.now = r.now.Add(StallLimit)
	r.c.Check()
	if r.c.Failed != "" {
		t.Errorf("restarted worker failed at once: %q", r.c.Failed)
	}
}

func TestClientDownload(t *testing.T) { // not parallel: AllocsPerRun
	r := newClientRig(t)
	d := &Download{Client: r.c}
	d.Poll()
	if !d.Loading() || d.What != "the trainer" || d.ProgressText() != "Loading the trainer… 0.0 / 0.0 MB" || d.Fraction() != 0 {
		t.Errorf("before the first snapshot: %+v, %q", d.DataStatus, d.ProgressText())
	}
	r.post(t, 0, DataStatus{State: Loading, Loaded: 3_100_000, Total: 11_600_000, What: "MNIST"})
	d.Poll()
	if got, want := d.ProgressText(), "Loading MNIST… 3.1 / 11.6 MB"; got != want {
		t.Errorf("ProgressText = %q, want %q", got, want)
	}
	if what, frac := d.Progress(); what != "MNIST" || math.Abs(frac-3.1/11.6) > 1e-12 {
		t.Errorf("Progress = %q, %v", what, frac)
	}
	r.post(t, 0, DataStatus{State: Loading, What: "Unpacking MNIST"})
	d.Poll()
	if got := d.ProgressText(); got != "Unpacking MNIST…" {
		t.Errorf("ProgressText = %q", got)
	}
	r.post(t, 0, DataStatus{State: LoadReady, Loaded: 5, Total: 10})
	d.Poll()
	if !d.Ready() || d.Loading() || d.Failed() || d.Fraction() != 1 || d.ProgressText() != "Data loaded" {
		t.Errorf("ready: %+v, %q", d.DataStatus, d.ProgressText())
	}

	r.post(t, 0, DataStatus{State: LoadFailed, Err: "HTTP 404"})
	d.Poll()
	if !d.Failed() || d.Stopped() || d.ProgressText() != "Loading the data failed: HTTP 404" {
		t.Errorf("download failed: %+v, %q", d.DataStatus, d.ProgressText())
	}
	d.Retry()
	if p := r.worker().posted; len(p) != 1 || p[0].Kind != CmdRetry {
		t.Errorf("Retry after a failed download posted %+v, want one CmdRetry", p)
	}

	r.c.Crashed("boom")
	d.Poll()
	if !d.Failed() || !d.Stopped() || d.Err != "the trainer stopped: it failed with boom" {
		t.Errorf("worker stopped: %+v", d.DataStatus)
	}
	if want := "The trainer stopped: it failed with boom. Restart continues from the last weights the page holds (Save keeps them)."; d.ProgressText() != want {
		t.Errorf("ProgressText = %q, want %q", d.ProgressText(), want)
	}
	if n := testing.AllocsPerRun(100, d.Poll); n != 0 {
		t.Errorf("Poll while stopped allocates %v times", n)
	}
	d.Retry()
	d.Poll()
	if r.c.Restarts != 1 || len(r.workers) != 2 || d.Stopped() || !d.Loading() {
		t.Errorf("Retry of a stopped worker: %d restarts, %d workers, %+v", r.c.Restarts, len(r.workers), d.DataStatus)
	}
}
