package digitsview

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/train"
)

// raceState is the scene's race (race.go): what it compares and the
// lanes besides the scene's own run, which is lane 0 (each lane keeps the
// options it was sent). A scene without a race has a zero raceState.
type raceState struct {
	Spec  RaceSpec
	lanes []*raceLane // lanes 1 … n-1
	stamp int         // bumped by every snapshot of a lane
}

// raceLane is one lane's worker and its run controls, as the scene's own.
type raceLane struct {
	c       *Client
	cfg     Config
	runSeq  int
	wantRun bool
}

// Racing reports whether the scene races lanes.
func (s *Scene) Racing() bool { return s.race.Spec.On() }

// Lanes is the number of lanes (1 without a race).
func (s *Scene) Lanes() int { return 1 + len(s.race.lanes) }

// lane returns lane i's client, configuration and run-control state.
func (s *Scene) lane(i int) (c *Client, cfg Config) {
	if i == 0 {
		return s.client, s.Cfg
	}
	l := s.race.lanes[i-1]
	return l.c, l.cfg
}

// laneRunning is what lane i's last run command asked for until its
// worker applied it, then what the worker says.
func (s *Scene) laneRunning(i int) bool {
	if i == 0 {
		return s.mainRunning()
	}
	l := s.race.lanes[i-1]
	if l.c.Failed != "" {
		return false
	}
	if !l.c.Acked(l.runSeq) {
		return l.wantRun
	}
	return l.c.Snap.Running
}

// eachLane sends cmd to every lane besides the scene's own.
func (s *Scene) eachLane(cmd Command) {
	for _, l := range s.race.lanes {
		seq := l.c.Send(cmd)
		switch cmd.Kind {
		case CmdStart:
			l.runSeq, l.wantRun = seq, true
		case CmdPause, CmdReset:
			l.runSeq, l.wantRun = seq, false
		}
	}
}

// startRace begins a race of spec with the options opts (as the URL gives
// them) on the current task: lane 0 is the scene's run with the first
// lane's configuration, the others get workers of their own (NewLane).
// Every lane starts paused from its initial weights.
func (s *Scene) startRace(spec RaceSpec, opts map[string]string) []error {
	s.endRace(false)
	if s.NewLane == nil {
		return []error{errors.New("compare: this page cannot start more trainers")}
	}
	cfgs, errs := spec.Configs(s.Cfg, opts) // (errors of opts: Set has reported them)
	if len(cfgs) < 2 {
		return errs
	}
	s.race = raceState{Spec: spec}
	s.Cfg = cfgs[0]
	s.sendConfig()
	s.runSeq, s.wantRun = s.client.Send(Command{Kind: CmdReset}), false
	for i, c := range cfgs[1:] {
		cl := s.NewLane()
		name := spec.LaneName(i+1, c)
		cl.OnSnap = func(sn *Snapshot) {
			for _, m := range sn.Msgs {
				s.err = errors.Join(s.err, fmt.Errorf("lane %s: %s", name, m))
			}
			s.race.stamp++
		}
		cl.Send(Command{Kind: CmdConfig, Config: c})
		s.race.lanes = append(s.race.lanes, &raceLane{c: cl, cfg: c})
	}
	s.syncWidgets()
	return nil
}

// endRace stops the other lanes' workers; the scene's run goes on as a
// run of its own (from its seed's initial weights: its data and weights
// came from the race's stream) when solo is true.
func (s *Scene) endRace(solo bool) {
	if !s.Racing() {
		return
	}
	for _, l := range s.race.lanes {
		l.c.Close()
	}
	s.race = raceState{}
	if solo {
		s.Cfg.Race = ""
		s.sendConfig()
		s.syncWidgets()
	}
}

// raceApply applies options changed during a race to the other lanes:
// the task, a model of a model race or the optimiser of an optimiser race
// end the race instead (the scene's run takes them as a run of its own).
func (s *Scene) raceApply(opts map[string]string) {
	r := &s.race
	c := s.Cfg
	nc := c
	nc.Apply(opts)
	if nc.Task != c.Task || nc.Model != c.Model || (r.Spec.By == "opt" && nc.Opt != c.Opt) {
		s.endRace(true)
		return
	}
	for _, l := range r.lanes {
		lc := l.cfg
		lc.Apply(opts)
		if lc != l.cfg {
			l.cfg = lc
			l.c.Send(Command{Kind: CmdConfig, Config: lc})
		}
	}
}

// checkLanes is called every frame: a lane's worker silent too long is
// dead (its row says so; the others race on).
func (s *Scene) checkLanes() {
	for _, l := range s.race.lanes {
		l.c.Check()
	}
}

// RaceRow is one lane's line of the race table: seed 000's columns
// (training figures on the whole training set once the lane rests, the
// running ones over the last samples while it trains) and its progress.
type RaceRow struct {
	Name       string
	Model, Opt string
	Step       int
	TrainAcc   float64
	TrainLoss  float64
	TrainWhole bool // the training figures judge the whole training set at Step
	TestAcc    float64
	TestLoss   float64
	TestStep   int // the step the test figures are from
	TestN      int
	Rate       float64 // training samples per second of wall time
	Running    bool
	Done       bool
	State      string // "training", "done", "loading the data", "stopped: …"
	Problem    bool   // the lane cannot train on: its worker stopped, its data or model failed, it diverged
}

// RaceRows returns the lanes' rows (one, the scene's run, without a race).
func (s *Scene) RaceRows() []RaceRow {
	out := make([]RaceRow, s.Lanes())
	for i := range out {
		c, cfg := s.lane(i)
		sn := c.Snap
		row := RaceRow{Name: s.race.Spec.LaneName(i, cfg), Model: cfg.Model, Opt: cfg.Opt,
			TrainAcc: math.NaN(), TrainLoss: math.NaN(), TestAcc: math.NaN(), TestLoss: math.NaN()}
		if row.Name == "" {
			row.Name = cfg.Model
		}
		row.Running = s.laneRunning(i)
		built := c.Snaps > 0 && sn.Built && c.Failed == ""
		if built {
			row.Step, row.Rate, row.Done = sn.Step, sn.WallRate, sn.Done
			if tf := sn.TrainFull; tf.Seq > 0 && tf.Step == sn.Step {
				row.TrainAcc, row.TrainLoss, row.TrainWhole = tf.Acc, tf.Loss, true
			} else if sn.RunN > 0 {
				row.TrainAcc, row.TrainLoss = sn.TrainAcc, sn.TrainLoss
			}
			if f := sn.Full; f.Seq > 0 {
				row.TestAcc, row.TestLoss, row.TestStep, row.TestN = f.Acc, f.Loss, f.Step, f.N
			} else if n := len(sn.History); n > 0 {
				p := sn.History[n-1]
				row.TestAcc, row.TestLoss, row.TestStep, row.TestN = p.TestAcc, p.TestLoss, p.Step, p.N
			}
		}
		switch {
		case c.Failed != "":
			row.State, row.Problem = "stopped: "+c.Failed, true
		case c.Snaps == 0:
			row.State = "starting"
		case sn.Data.State == LoadFailed:
			row.State, row.Problem = "loading failed: "+sn.Data.Err, true
		case sn.BuildErr != "":
			row.State, row.Problem = sn.BuildErr, true
		case !sn.Built:
			row.State = "loading the data"
		case sn.Diverged.Msg != "":
			row.State, row.Problem = fmt.Sprintf("diverged at step %d", sn.Diverged.Step), true
		case row.Running:
			row.State = "training"
		case sn.Judging || (sn.Done && !row.TrainWhole):
			row.State = "judging"
		case sn.Done:
			row.State = "done"
		default:
			row.State = "paused"
		}
		out[i] = row
	}
	return out
}

// raceStatus puts the race into status(): "compare" is the lanes, each
// {model, opt, step, trainAcc, trainLoss, trainWhole, testAcc, testLoss,
// testStep, samplesPerSec, running, done, state} (NaN as null: JSON).
func (s *Scene) raceStatus(m map[string]any) {
	m["race"] = s.race.Spec.String()
	rect := func(r ui.Rect) []float64 { return []float64{r.X, r.Y, r.W, r.H} }
	m["raceModelsRect"], m["raceOptsRect"], m["racePanelRect"] = rect(s.UI.RaceModels.Rect), rect(s.UI.RaceOpts.Rect), rect(s.L.RacePanel)
	if !s.Racing() {
		m["compare"] = []any{}
		return
	}
	num := func(v float64) any {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		return v
	}
	var lanes []any
	for _, r := range s.RaceRows() {
		lanes = append(lanes, map[string]any{"name": r.Name, "model": r.Model, "opt": r.Opt, "step": r.Step,
			"trainAcc": num(r.TrainAcc), "trainLoss": num(r.TrainLoss), "trainWhole": r.TrainWhole,
			"testAcc": num(r.TestAcc), "testLoss": num(r.TestLoss), "testStep": r.TestStep, "testN": r.TestN,
			"samplesPerSec": num(r.Rate), "running": r.Running, "done": r.Done, "state": r.State})
	}
	m["compare"] = lanes
}

// laneHistories returns the lanes' names and test histories (for the
// CSV).
func (s *Scene) laneHistories() ([]string, [][]train.Point) {
	names := make([]string, s.Lanes())
	hists := make([][]train.Point, s.Lanes())
	for i := range names {
		c, cfg := s.lane(i)
		names[i] = strings.ReplaceAll(s.race.Spec.LaneName(i, cfg), ",", " ")
		hists[i] = c.Snap.History
	}
	return names, hists
}

// raceCharts are the loss and accuracy charts of a race: each lane's
// running training curve as a thin line and its test points as a thick
// line with dots, in the lane's colour, on ranges that hold every lane.
func (s *Scene) raceCharts() (loss, acc Chart) {
	var all Curves
	all.Classes = s.Snap.Config.Classes()
	n := s.Lanes()
	type lane struct {
		name                         string
		trS, trL, trA, teS, teL, teA []float64
	}
	lanes := make([]lane, n)
	// Lanes of different batch sizes compare by the samples they saw, not
	// by their steps (mlp10 takes 180000 steps of 1, best 12000 of 16).
	bySamples := false
	c0, _ := s.lane(0)
	for i := 1; i < n; i++ {
		c, _ := s.lane(i)
		bySamples = bySamples || (c.Snaps > 0 && c0.Snaps > 0 && c.Snap.BatchSize != c0.Snap.BatchSize)
	}
	for i := range n {
		c, cfg := s.lane(i)
		sn := c.Snap
		ln := lane{name: s.race.Spec.LaneName(i, cfg)}
		if c.Snaps > 0 && sn.Built {
			ln.trS, ln.trL, ln.trA = sn.CurveStep, sn.CurveLoss, sn.CurveAcc
			if bySamples {
				ln.trS = make([]float64, len(sn.CurveStep))
				for k, st := range sn.CurveStep {
					ln.trS[k] = st * float64(max(1, sn.BatchSize))
				}
			}
			ln.teS, ln.teL, ln.teA = appendTestPoints(nil, nil, nil, sn.History, bySamples)
		}
		all.TrainStep, all.TrainLoss, all.TrainAcc = append(all.TrainStep, ln.trS...), append(all.TrainLoss, ln.trL...), append(all.TrainAcc, ln.trA...)
		all.TestStep, all.TestLoss, all.TestAcc = append(all.TestStep, ln.teS...), append(all.TestLoss, ln.teL...), append(all.TestAcc, ln.teA...)
		lanes[i] = ln
	}
	loss, acc = all.LossChart(), all.AccChart()
	loss.Series, acc.Series = nil, nil
	for i, ln := range lanes {
		col := LaneColors[i%MaxLanes]
		light := blend(col, 0.45)
		loss.Series = append(loss.Series, plot.Series{X: ln.trS, Y: ln.trL, Color: light}, plot.Series{Name: ln.name, X: ln.teS, Y: ln.teL, Color: col})
		acc.Series = append(acc.Series, plot.Series{X: ln.trS, Y: ln.trA, Color: light}, plot.Series{Name: ln.name, X: ln.teS, Y: ln.teA, Color: col})
		for _, ch := range []*Chart{&loss, &acc} {
			ch.Styles = append(ch.Styles, SeriesStyle{Width: 1.2}, SeriesStyle{Width: 2, Dots: true})
		}
	}
	loss.Note, acc.Note = RaceChartNote, RaceChartNote
	if bySamples {
		loss.XTitle, acc.XTitle = "training samples seen (the lanes' batches differ)", "training samples seen (the lanes' batches differ)"
	}
	return loss, acc
}

// RaceChartNote tells the race charts' two kinds of line apart.
const RaceChartNote = "thin: train (running), dots: test"

// blend mixes c with white, keeping the share k of c.
func blend(c color.RGBA, k float64) color.RGBA {
	m := func(v uint8) uint8 { return uint8(float64(v)*k + 255*(1-k) + 0.5) }
	return color.RGBA{m(c.R), m(c.G), m(c.B), 0xff}
}
