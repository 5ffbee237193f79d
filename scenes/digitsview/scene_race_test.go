package digitsview

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"digitlab/kit/paint"
	"digitlab/kit/ui"
	"digitlab/train"
)

// raceRig is a scene rig whose NewLane starts lanes on fake workers.
type raceRig struct {
	*sceneRig
	lanes   []*Client
	workers []*sceneWorker
	closed  []bool
}

type laneWorker struct {
	sceneWorker
	rr *raceRig
	i  int
}

func (w *laneWorker) Terminate() { w.rr.closed[w.i] = true }

func newRaceRig(t *testing.T) *raceRig {
	rr := &raceRig{sceneRig: newSceneRig(t)}
	rr.s.NewLane = func() *Client {
		i := len(rr.lanes)
		w := &laneWorker{rr: rr, i: i}
		rr.workers, rr.closed = append(rr.workers, &w.sceneWorker), append(rr.closed, false)
		c := &Client{Snap: &Snapshot{}, Dial: func() (Transport, error) { return w, nil }}
		c.Start()
		rr.lanes = append(rr.lanes, c)
		return c
	}
	return rr
}

// laneConfig is the configuration of the last CmdConfig lane i got.
func (rr *raceRig) laneConfig(i int) Config {
	cmds := rr.workers[i].posted
	for j := len(cmds) - 1; j >= 0; j-- {
		if cmds[j].Kind == CmdConfig {
			return cmds[j].Config
		}
	}
	rr.t.Fatalf("lane %d got no configuration", i+1)
	return Config{}
}

// postLane hands lane i a snapshot, acknowledging what it was sent.
func (rr *raceRig) postLane(i int, sn *Snapshot) {
	rr.t.Helper()
	c := rr.lanes[i]
	sn.Ack = c.Seq
	c.Receive(sn.AppendBinary(nil))
	if c.Failed != "" {
		rr.t.Fatalf("lane %d failed: %s", i+1, c.Failed)
	}
}

func TestSceneRace(t *testing.T) {
	rr := newRaceRig(t)
	s := rr.s
	if errs := s.Set(map[string]string{"compare": "linear,vanilla,cnn", "lr": "0.02", "steps": "500", "seed": "7"}); len(errs) > 0 {
		t.Fatal(errs)
	}
	if !s.Racing() || s.Lanes() != 3 || len(rr.lanes) != 2 {
		t.Fatalf("racing %v with %d lanes, %d workers started", s.Racing(), s.Lanes(), len(rr.lanes))
	}
	want := []string{"linear", "vanilla", "cnn"}
	for i, c := range []Config{rr.lastConfig(), rr.laneConfig(0), rr.laneConfig(1)} {
		if c.Model != want[i] || c.LR != 0.02 || c.Steps != 500 || c.Seed != 7 || c.Race != "linear,vanilla,cnn" {
			t.Errorf("lane %d configured %+v", i, c)
		}
	}
	if got := rr.sentKinds(); got[len(got)-1] != CmdReset {
		t.Errorf("the scene's run was not reset for the race: %v", got)
	}

	// The run controls go to every lane.
	s.Start()
	for i, w := range rr.workers {
		if k := w.posted[len(w.posted)-1].Kind; k != CmdStart {
			t.Errorf("lane %d: Start sent %v", i+1, k)
		}
	}
	if !s.Running() {
		t.Error("not running after Start")
	}
	// An option goes to every lane; a model of another lane ends the race.
	s.Set(map[string]string{"noise": "0.5"})
	if rr.laneConfig(1).Noise != 0.5 || rr.laneConfig(1).Model != "cnn" || s.Cfg.Noise != 0.5 {
		t.Errorf("noise: lane 3 %+v, scene %+v", rr.laneConfig(1), s.Cfg)
	}

	// The rows: a lane at rest with its training set judged shows those
	// figures; one still training its running ones.
	sn := builtSnap(t, rr.laneConfig(0), 3)
	sn.Step, sn.TrainAcc, sn.TrainLoss, sn.RunN = 500, 0.5, 0.7, 100
	sn.TrainFull = FullSummary{Seq: 1, Step: 500, N: 11791, Acc: 0.9612, Loss: 0.1121}
	sn.Full = FullSummary{Seq: 2, Step: 500, N: 1991, Acc: 0.9588, Loss: 0.1142}
	sn.Done = true
	rr.postLane(0, sn)
	sn2 := builtSnap(t, rr.laneConfig(1), 3)
	sn2.Step, sn2.TrainAcc, sn2.TrainLoss, sn2.RunN, sn2.Running = 120, 0.8, 0.4, 100, true
	rr.postLane(1, sn2)
	rows := s.RaceRows()
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	if r := rows[1]; r.Name != "vanilla" || !r.TrainWhole || r.TrainAcc != 0.9612 || r.TestAcc != 0.9588 || r.TestStep != 500 || r.State != "done" {
		t.Errorf("vanilla's row %+v", r)
	}
	if r := rows[2]; r.Name != "cnn" || r.TrainWhole || r.TrainAcc != 0.8 || r.State != "training" || !r.Running {
		t.Errorf("cnn's row %+v", r)
	}
	m := s.Status()
	lanes, _ := m["compare"].([]any)
	if len(lanes) != 3 || m["race"] != "linear,vanilla,cnn" {
		t.Fatalf("status compare %v, race %v", m["compare"], m["race"])
	}
	if l := lanes[1].(map[string]any); l["model"] != "vanilla" || l["trainAcc"] != 0.9612 || l["testLoss"] != 0.1142 || l["step"] != 500 {
		t.Errorf("status of lane 2: %v", l)
	}

	// The CSV has a column set per lane.
	sn.History = []train.Point{{Step: 250, TestAcc: 0.9, TestLoss: 0.3, N: 1991}, {Step: 500, TestAcc: 0.95, TestLoss: 0.2, N: 1991}}
	rr.postLane(0, sn)
	name, data, err := s.HistoryCSV()
	if err != nil || !strings.HasPrefix(name, "digitlab-race-linear-vanilla-cnn") {
		t.Fatalf("CSV %q, %v", name, err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	// (cnn's snapshot has a point at step 100, vanilla's at 250 and 500)
	if !strings.Contains(lines[0], "vanilla:test_acc") || !strings.Contains(lines[0], "cnn:train_loss") || len(lines) != 4 ||
		!strings.HasPrefix(lines[2], "250,,,,,,,,0,") {
		t.Errorf("CSV:\n%s", data)
	}

	// A lane whose worker dies says so; the others race on.
	rr.lanes[1].Crashed("out of memory")
	if r := s.RaceRows()[2]; !strings.HasPrefix(r.State, "stopped: ") || !r.Problem || !s.Racing() {
		t.Errorf("a dead lane's row %+v", r)
	}

	// The table and the charts: a line per lane, each in its colour.
	r := rr.sceneRig
	own := builtSnap(t, s.Cfg, 3)
	own.TrainAcc, own.TrainLoss, own.RunN = 0.8, 0.3, 100
	r.post(own)
	for range 3 {
		r.frame(nil)
	}
	if got := len(s.RaceTable.Rows); got != 3 {
		t.Errorf("race table rows %d", got)
	}
	if !s.L.ImgPanel.Empty() || s.L.RacePanel.Empty() {
		t.Errorf("the race panel %v should replace the image %v", s.L.RacePanel, s.L.ImgPanel)
	}
	var named []string
	for _, sr := range s.Loss.Chart.Series {
		if sr.Name != "" {
			named = append(named, sr.Name)
		}
	}
	if !slices.Equal(named, want) || s.Loss.Chart.Series[3].Color != LaneColors[1] {
		t.Errorf("loss chart series %v", named)
	}
	texts := s.CurrentList().Texts(nil)
	for _, w := range []string{"Training", "Testing", "0.961", "0.959", "0.800"} {
		if !slices.ContainsFunc(texts, func(b paint.TextBox) bool { return b.S == w }) {
			t.Errorf("the race table has no %q", w)
		}
	}

	// The task's model of another lane ends the race: the workers close,
	// the scene's run trains on its own.
	s.Set(map[string]string{"model": "cnn"})
	if s.Racing() || !rr.closed[0] || s.Cfg.Race != "" || rr.lastConfig().Race != "" {
		t.Errorf("after a model change: racing %v, lane 2 closed %v, config %+v", s.Racing(), rr.closed[0], s.Cfg)
	}
}

func TestSceneRaceButtons(t *testing.T) {
	rr := newRaceRig(t)
	r := rr.sceneRig
	r.post(builtSnap(t, r.s.Cfg, 3))
	r.frame(nil)
	r.click(r.s.UI.RaceOpts.Rect)
	if !r.s.Racing() || r.s.race.Spec.By != "opt" || r.s.Lanes() != 3 {
		t.Fatalf("race optimisers: %+v", r.s.race.Spec)
	}
	if c := rr.laneConfig(1); c.Opt != "adam" || c.Model != "linear" || c.Race != "linear" {
		t.Errorf("lane 3 of the optimiser race %+v", c)
	}
	r.frame(nil)
	if r.s.UI.RaceModels.Label != "end race" || !r.s.UI.RaceOpts.Disabled {
		t.Errorf("buttons while racing: %q, %v", r.s.UI.RaceModels.Label, r.s.UI.RaceOpts.Disabled)
	}
	// The optimiser of an optimiser race ends it.
	r.s.Set(map[string]string{"opt": "adam"}) // (lane 1 is SGD's)
	if r.s.Racing() {
		t.Error("an optimiser race goes on after a change of optimiser")
	}
	r.frame(nil)
	r.click(r.s.UI.RaceModels.Rect)
	if !r.s.Racing() || r.s.race.Spec.String() != "linear,vanilla,cnn" {
		t.Fatalf("race models: %+v", r.s.race.Spec)
	}
	r.frame(nil)
	r.click(r.s.UI.RaceModels.Rect)
	if r.s.Racing() || !rr.closed[len(rr.closed)-1] {
		t.Error("end race did not end it")
	}
	// Bad values are refused with the key's error and start nothing.
	n := len(rr.lanes)
	for _, v := range []string{"linear", "linear,best", "sgd,cnn"} {
		errs := r.s.Set(map[string]string{"compare": v})
		var oe *ui.OptionError
		if len(errs) != 1 || !errors.As(errs[0], &oe) || oe.Key != "compare" || r.s.Racing() || len(rr.lanes) != n {
			t.Errorf("compare=%s: %v, racing %v", v, errs, r.s.Racing())
		}
	}
}

// TestSceneRaceAllocs: a steady frame of a race allocates nothing.
func TestSceneRaceAllocs(t *testing.T) {
	rr := newRaceRig(t)
	r := rr.sceneRig
	r.s.Set(map[string]string{"compare": "linear,cnn"})
	sn := builtSnap(t, r.s.Cfg, 3)
	sn.Running = true
	r.s.Start()
	r.post(sn)
	ln := builtSnap(t, rr.laneConfig(0), 3)
	ln.Running = true
	rr.postLane(0, ln)
	for range 80 { // past the first live frame (LivePeriod), which lays the charts out
		r.frame(nil)
	}
	n := testing.AllocsPerRun(100, func() {
		r.frame(nil)
		_ = r.s.ImageKey()
		_ = r.s.ChromeKey(1)
		_, _ = r.s.CurrentList(), r.s.ChartList(1)
	})
	if n > 0 {
		t.Errorf("%v allocations per steady frame of a race", n)
	}
}

// TestRaceChartsBySamples: lanes of the same batch share the steps axis;
// lanes of different batches are drawn against the samples they saw.
func TestRaceChartsBySamples(t *testing.T) {
	rr := newRaceRig(t)
	s := rr.s
	s.Set(map[string]string{"task": "10", "compare": "mlp10,best"})
	own := builtSnap(t, s.Cfg, 3)
	rr.post(own)
	ln := builtSnap(t, rr.laneConfig(0), 3)
	rr.postLane(0, ln)
	if loss, _ := s.raceCharts(); loss.XTitle != "optimiser steps" {
		t.Errorf("equal batches: x axis %q", loss.XTitle)
	}
	ln.BatchSize = 16
	ln.History = []train.Point{{Step: 10, Samples: 160, TestAcc: 0.5, TestLoss: 1, N: 100}}
	rr.postLane(0, ln)
	loss, acc := s.raceCharts()
	if !strings.HasPrefix(loss.XTitle, "training samples seen") || acc.XTitle != loss.XTitle {
		t.Fatalf("batches 1 and 16: x axis %q", loss.XTitle)
	}
	if x := loss.Series[3].X; len(x) != 1 || x[0] != 160 {
		t.Errorf("best's test point at x %v, want its 160 samples", x)
	}
	if x := loss.Series[2].X; len(x) != len(ln.CurveStep) || (len(x) > 0 && x[0] != 16*ln.CurveStep[0]) {
		t.Errorf("best's running curve at x %v for steps %v", x, ln.CurveStep)
	}
}
