package digitsview

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"digitlab/kit/ui"
	"digitlab/nn"
	"digitlab/scenes/pad"
	"digitlab/train"
)

// sceneWorker records the commands the page posts to one worker.
type sceneWorker struct{ posted []Command }

func (w *sceneWorker) Post(b []byte) {
	var c Command
	if err := c.UnmarshalBinary(b); err != nil {
		panic(err)
	}
	w.posted = append(w.posted, c)
}

func (w *sceneWorker) Terminate() {}

// sceneRig is a Scene on a Client with fake workers, fed hand-made
// snapshots as the worker would post them, and driven frame by frame.
type sceneRig struct {
	t       *testing.T
	s       *Scene
	c       *Client
	snap    Snapshot
	workers []*sceneWorker
	in      ui.Input
	now     time.Duration
	area    ui.Rect
	ready   bool // the data is loaded
}

func newSceneRig(t *testing.T) *sceneRig {
	t.Helper()
	r := &sceneRig{t: t, area: ui.Rect{W: 1024, H: 640}, ready: true}
	r.c = &Client{Snap: &r.snap, Dial: func() (Transport, error) {
		w := &sceneWorker{}
		r.workers = append(r.workers, w)
		return w, nil
	}}
	r.c.Start()
	r.s = NewScene(r.c)
	r.c.OnSnap, r.c.BeforeRestart, r.c.AfterRestart = r.s.Merge, r.s.BeforeRestart, r.s.AfterRestart
	return r
}

// sent is what the page posted to the current worker.
func (r *sceneRig) sent() []Command { return r.workers[len(r.workers)-1].posted }

// sentKinds lists the kinds of the commands posted so far.
func (r *sceneRig) sentKinds() []CmdKind {
	var out []CmdKind
	for _, c := range r.sent() {
		out = append(out, c.Kind)
	}
	return out
}

// lastConfig is the configuration of the last CmdConfig posted.
func (r *sceneRig) lastConfig() Config {
	r.t.Helper()
	cmds := r.sent()
	for i := len(cmds) - 1; i >= 0; i-- {
		if cmds[i].Kind == CmdConfig {
			return cmds[i].Config
		}
	}
	r.t.Fatal("no CmdConfig posted")
	return Config{}
}

// post hands sn to the client as the worker would, acknowledging every
// command sent so far.
func (r *sceneRig) post(sn *Snapshot) {
	r.t.Helper()
	sn.Ack = r.c.Seq
	r.c.Receive(sn.AppendBinary(nil))
	if r.c.Failed != "" {
		r.t.Fatalf("client failed: %s", r.c.Failed)
	}
}

// frame runs one Update 16 ms after the last, with this frame's input
// events set by ev (nil: none; the pointer stays where it was).
func (r *sceneRig) frame(ev func(in *ui.Input)) Action {
	r.in.Reset()
	if ev != nil {
		ev(&r.in)
	}
	r.now += 16 * time.Millisecond
	r.in.Now = r.now
	return r.s.Update(&ui.Tick{In: &r.in, Area: r.area, Scale: 1, Now: r.now, Budget: 8 * time.Millisecond}, r.ready)
}

// move puts the pointer at the centre of rect for the next frames.
func (r *sceneRig) move(rect ui.Rect) {
	r.in.X, r.in.Y = rect.Center()
	r.in.Pointer = true
}

// click presses and releases at the centre of rect (two frames) and
// returns the actions of both.
func (r *sceneRig) click(rect ui.Rect) Action {
	r.move(rect)
	a := r.frame(func(in *ui.Input) { in.Down, in.Pressed = true, true })
	return a | r.frame(func(in *ui.Input) { in.Down, in.Released = false, true })
}

// builtSnap is a snapshot of a built run of cfg at step 120 with the
// model's initial weights, a training image, one test point, a full
// evaluation with nWrong mistakes and a short curve.
func builtSnap(t *testing.T, cfg Config, nWrong int) *Snapshot {
	t.Helper()
	m, err := cfg.NewModel()
	if err != nil {
		t.Fatal(err)
	}
	side, k := 28, cfg.Classes()
	if cfg.Task == "digits8" {
		side = 8
	}
	names := []string{"4", "9"}
	if k == 10 {
		names = nil
		for i := range 10 {
			names = append(names, strconv.Itoa(i))
		}
	}
	img := func(seed int) []float32 {
		px := make([]float32, side*side)
		for i := range px {
			px[i] = float32((i+seed)%7) / 6
		}
		return px
	}
	probs := func(top int) []float32 {
		p := make([]float32, k)
		for i := range p {
			p[i] = 0.2 / float32(k-1)
		}
		p[top] = 0.8
		return p
	}
	sn := &Snapshot{Seq: 1, Gen: 1, Data: DataStatus{State: LoadReady}, Config: cfg, Built: true,
		About: "11791 training / 1991 test images", Names: names,
		Step: 120, Index: 120, Seen: 120, TrainN: 11791, TestN: 1991, BatchSize: 1, TrainLoss: 0.4, TrainAcc: 0.8, RunN: 120,
		History:   []train.Point{{Step: 100, TestLoss: 0.25, TestAcc: 0.95, N: 500}},
		CurveStep: []float64{50, 100, 120}, CurveLoss: []float64{0.6, 0.5, 0.4}, CurveAcc: []float64{0.6, 0.7, 0.8},
		Full:        FullSummary{Seq: 1, Step: 100, N: 1991, Loss: 0.3, Acc: 1 - float64(nWrong)/1991, Wrong: nWrong},
		Image:       Image{Index: 7, Label: 1, Step: 120, H: side, W: side, Pixels: img(0), Probs: probs(1)},
		HasMistakes: true, HasWeights: true, WeightsStep: 120, Weights: slices.Clone(m.Params),
		HasPair: true, PairSeq: 1, Pair: []Mistake{{Index: 3, Label: 0, Pred: -1, Pixels: img(1)}, {Index: 5, Label: 1, Pred: -1, Pixels: img(2)}}}
	sn.Confusion = make([]int, k*k)
	for t := range k {
		sn.Confusion[t*k+t] = 1991/k - nWrong
	}
	for i := range nWrong {
		sn.Mistakes = append(sn.Mistakes, Mistake{Index: 10 + i, Label: i % k, Pred: (i + 1) % k, Probs: probs((i + 1) % k), Pixels: img(i)})
		sn.Confusion[(i%k)*k+(i+1)%k]++
	}
	return sn
}

func TestSceneStartsWithTheDefaultOptions(t *testing.T) {
	r := newSceneRig(t)
	if got := r.sentKinds(); !slices.Equal(got, []CmdKind{CmdConfig}) {
		t.Fatalf("sent %v, want one CmdConfig", got)
	}
	if c := r.lastConfig(); c != Default("4v9") {
		t.Errorf("sent %+v, want the 4v9 default", c)
	}
	st := r.s.Status()
	for k, want := range map[string]any{"task": "4v9", "model": "linear", "opt": "momentum", "built": false,
		"running": false, "synced": false, "view": "train", "modelStep": -1, "padEmpty": true, "padPred": -1, "trainerError": ""} {
		if st[k] != want {
			t.Errorf("status %s = %v, want %v", k, st[k], want)
		}
	}
	if r.s.UI.Seed.Label != "seed 42" || r.s.UI.Model.Selected() != "linear" || r.s.UI.Opt.Selected() != "momentum" {
		t.Errorf("widgets: seed %q, model %q, opt %q", r.s.UI.Seed.Label, r.s.UI.Model.Selected(), r.s.UI.Opt.Selected())
	}
}

// TestSceneSetStatusRoundTrip sets every option to another valid value
// and reads it back from Status, the widgets and the config sent.
func TestSceneSetStatusRoundTrip(t *testing.T) {
	cases := []struct {
		key, value string
		want       any // in Status
		widget     func(s *Scene) any
		wantW      any
	}{
		{"task", "10", "10", func(s *Scene) any { return s.UI.Task.Selected() }, "0-9"},
		{"model", "cnn", "cnn", func(s *Scene) any { return s.UI.Model.Selected() }, "cnn"},
		{"opt", "adam", "adam", func(s *Scene) any { return s.UI.Opt.Selected() }, "Adam"},
		{"lr", "0.5", 0.5, func(s *Scene) any { return s.UI.LR.Value }, 0.5},
		{"anneal", "0", 0.0, func(s *Scene) any { return AnnealText(s.UI.Anneal.Value) }, "off"},
		{"batch", "full", 0, func(s *Scene) any { return BatchText(int(s.UI.Batch.Value)) }, "full"},
		{"trainsize", "all", 0, func(s *Scene) any { return TrainNText(int(s.UI.TrainN.Value)) }, "all"},
		{"trainsize", "3000", 3000, func(s *Scene) any { return TrainNText(int(s.UI.TrainN.Value)) }, "3000"},
		{"noise", "1.5", 1.5, func(s *Scene) any { return s.UI.Noise.Value }, 1.5},
		{"raw", "true", true, func(s *Scene) any { return s.UI.Raw.On }, true},
		{"seed", "7", 7, func(s *Scene) any { return s.UI.Seed.Label }, "seed 7"},
		{"evalevery", "250", 250, func(s *Scene) any { return s.Cfg.EvalEvery }, 250},
		{"view", "mistakes", "mistakes", func(s *Scene) any { return s.UI.View.Selected() }, "Mistakes"},
	}
	for _, c := range cases {
		r := newSceneRig(t)
		if errs := r.s.Set(map[string]string{c.key: c.value}); len(errs) > 0 {
			t.Errorf("%s=%s: %v", c.key, c.value, errs)
			continue
		}
		if got := r.s.Status()[c.key]; got != c.want {
			t.Errorf("%s=%s: status %v, want %v", c.key, c.value, got, c.want)
		}
		if got := c.widget(r.s); got != c.wantW {
			t.Errorf("%s=%s: widget shows %v, want %v", c.key, c.value, got, c.wantW)
		}
		if c.key != "view" {
			if got := r.lastConfig(); got != r.s.Cfg {
				t.Errorf("%s=%s: sent %+v, the page has %+v", c.key, c.value, got, r.s.Cfg)
			}
		} else if n := len(r.sent()); n != 1 {
			t.Errorf("view: sent %d commands, want only the first config", n)
		}
	}
	// The 8×8 digits name their raw range; the model choice follows the task.
	r := newSceneRig(t)
	r.s.Set(map[string]string{"task": "digits8"})
	if r.s.UI.Raw.Label != "raw pixels 0..16" || !slices.Equal(r.s.UI.Model.Options, []string{"digits64"}) {
		t.Errorf("digits8: raw %q, models %v", r.s.UI.Raw.Label, r.s.UI.Model.Options)
	}
	r.s.Set(map[string]string{"task": "10"})
	if want := []string{"mlp10", "cnn10", "cnn10-tanh", "best", "convnetjs"}; !slices.Equal(r.s.UI.Model.Options, want) || r.s.UI.Model.Selected() != "best" {
		t.Errorf("task 10: models %v (%q), want %v with best", r.s.UI.Model.Options, r.s.UI.Model.Selected(), want)
	}
	if p, _ := nn.PresetByName("mlp10"); r.s.UI.Model.Tips[0] != "mlp10: "+p.About {
		t.Errorf("model tips %q", r.s.UI.Model.Tips)
	}
}

// TestSceneBadValuesKeepTheValue gives each option a bad value: the error
// is an *ui.OptionError for that key, the value stays, nothing is sent.
func TestSceneBadValuesKeepTheValue(t *testing.T) {
	bad := map[string]string{"task": "5v6", "model": "resnet", "opt": "rmsprop", "lr": "0", "anneal": "-1",
		"batch": "lots", "trainsize": "5", "noise": "9", "raw": "maybe", "seed": "-1", "evalevery": "often",
		"view": "sideways", "nosuch": "1"}
	for k, v := range bad {
		r := newSceneRig(t)
		before := r.s.Status()
		errs := r.s.Set(map[string]string{k: v})
		var oe *ui.OptionError
		if len(errs) != 1 || !errors.As(errs[0], &oe) || oe.Key != k {
			t.Errorf("%s=%s: errors %v, want one *ui.OptionError for %s", k, v, errs, k)
			continue
		}
		after := r.s.Status()
		for _, key := range append(slices.Clone(Keys), "view") {
			if before[key] != after[key] {
				t.Errorf("%s=%s: %s changed from %v to %v", k, v, key, before[key], after[key])
			}
		}
		if n := len(r.sent()); n != 1 {
			t.Errorf("%s=%s: %d commands sent, want only the first config", k, v, n)
		}
	}
	// A bad value does not stop the good ones.
	r := newSceneRig(t)
	errs := r.s.Set(map[string]string{"lr": "0.25", "noise": "-3"})
	if len(errs) != 1 || r.s.Cfg.LR != 0.25 || r.s.Cfg.Noise != 0 {
		t.Errorf("lr ok, noise bad: errors %v, lr %g, noise %g", errs, r.s.Cfg.LR, r.s.Cfg.Noise)
	}
}

func TestSceneMergeFollowsTheWeights(t *testing.T) {
	r := newSceneRig(t)
	cfg := r.s.Cfg
	sn := builtSnap(t, cfg, 3)
	sn.Msgs = []string{"weights file x: wrong model"}
	r.post(sn)
	m := r.s.Model()
	if m == nil || r.s.ModelStep() != 120 || !slices.Equal(m.Params, sn.Weights) {
		t.Fatalf("model copy %v at step %d", m != nil, r.s.ModelStep())
	}
	if err := r.s.TakeErr(); err == nil || err.Error() != "weights file x: wrong model" {
		t.Errorf("message %v", err)
	}
	if r.s.TakeErr() != nil {
		t.Error("a message is shown once")
	}
	st := r.s.Status()
	if st["built"] != true || st["synced"] != true || st["modelStep"] != 120 || st["step"] != 120 {
		t.Errorf("status built %v synced %v modelStep %v step %v", st["built"], st["synced"], st["modelStep"], st["step"])
	}
	// Later weights of the same run go into the same model.
	later := builtSnap(t, cfg, 3)
	later.Seq, later.WeightsStep = 2, 200
	later.Weights[0] = 0.125
	r.post(later)
	if r.s.Model() != m || m.Params[0] != 0.125 || r.s.ModelStep() != 200 {
		t.Errorf("later weights: same model %v, w0 %g, step %d", r.s.Model() == m, m.Params[0], r.s.ModelStep())
	}
	// An unbuilt run of the same network keeps the copy; of another drops it.
	r.post(&Snapshot{Seq: 3, Gen: 2, Config: cfg, Data: DataStatus{State: LoadReady}})
	if r.s.Model() != m {
		t.Error("the copy went while the same network rebuilds")
	}
	other, _ := ForModel("4v9", "cnn")
	r.post(&Snapshot{Seq: 4, Gen: 3, Config: other, Data: DataStatus{State: LoadReady}})
	if r.s.Model() != nil {
		t.Error("the copy stayed for another network")
	}
	// Weights that do not fit are a message, not a model.
	wrong := builtSnap(t, other, 0)
	wrong.Gen, wrong.Weights = 4, wrong.Weights[:10]
	r.post(wrong)
	if r.s.Model() != nil || r.s.TakeErr() == nil {
		t.Error("weights of the wrong size were taken")
	}
}

func TestSceneRunControlsFollowTheWorker(t *testing.T) {
	r := newSceneRig(t)
	r.post(builtSnap(t, r.s.Cfg, 0))
	r.s.Start()
	if !r.s.Running() || r.sent()[len(r.sent())-1].Kind != CmdStart {
		t.Fatal("Start: not running as asked, or no CmdStart")
	}
	// The worker acks but still says paused (it finished): the page follows it.
	sn := builtSnap(t, r.s.Cfg, 0)
	sn.Seq = 2
	r.post(sn)
	if r.s.Running() {
		t.Error("running after the worker said it is not")
	}
	sn.Seq, sn.Running = 3, true
	r.post(sn)
	if !r.s.Running() || r.s.Status()["running"] != true {
		t.Error("not running while the worker runs")
	}
	r.s.Step(1) // ignored while running
	if k := r.sent()[len(r.sent())-1].Kind; k != CmdStart {
		t.Errorf("Step while running sent %v", k)
	}
	r.s.Pause()
	if r.s.Running() {
		t.Error("running after Pause, before the ack")
	}
	r.s.Reset()
	if got := r.sentKinds(); !slices.Equal(got[len(got)-2:], []CmdKind{CmdPause, CmdReset}) {
		t.Errorf("sent %v", got)
	}
	// A diverged or finished run does not start.
	d := builtSnap(t, r.s.Cfg, 0)
	d.Seq, d.Diverged = 5, Divergence{Msg: "loss is NaN", Step: 3, LR: 100, Param: -1}
	r.post(d)
	n := len(r.sent())
	r.s.Start()
	r.s.Step(1)
	if len(r.sent()) != n || !r.s.Diverged() {
		t.Errorf("a diverged run took commands: %v", r.sentKinds()[n:])
	}
}

func TestSceneRestartReloadsTheWeights(t *testing.T) {
	r := newSceneRig(t)
	sn := builtSnap(t, r.s.Cfg, 0)
	sn.Weights[3] = 0.5
	r.post(sn)
	r.s.Set(map[string]string{"lr": "0.02"})
	r.c.Fail("it stopped answering")
	if r.s.Running() || r.s.Built() || r.s.WaitText() != "the trainer stopped" {
		t.Fatalf("dead worker: running %v built %v wait %q", r.s.Running(), r.s.Built(), r.s.WaitText())
	}
	r.c.Restart()
	if len(r.workers) != 2 || r.lastConfig() != r.s.Cfg || r.lastConfig().LR != 0.02 {
		t.Fatalf("the new worker got %v", r.sentKinds())
	}
	// Once it has a model, it gets the page's weights.
	fresh := builtSnap(t, r.s.Cfg, 0)
	r.post(fresh)
	cmds := r.sent()
	last := cmds[len(cmds)-1]
	if last.Kind != CmdLoad || last.Name != "the weights before the restart" {
		t.Fatalf("after the restart: %v", r.sentKinds())
	}
	m, _ := r.s.Cfg.NewModel()
	if err := m.UnmarshalBinary(last.Data); err != nil || m.Params[3] != 0.5 {
		t.Errorf("reloaded weights: %v, w3 %g", err, m.Params[3])
	}
	if st := r.s.Status(); st["trainerRestarts"] != 1 || st["trainerError"] != "" {
		t.Errorf("status restarts %v error %v", st["trainerRestarts"], st["trainerError"])
	}
}

func TestScenePredictAndWeightsFile(t *testing.T) {
	r := newSceneRig(t)
	if _, err := r.s.Predict(make([]float32, 784)); err == nil {
		t.Error("predict without a model")
	}
	if _, _, err := r.s.WeightsFile(); err == nil {
		t.Error("a weights file without a model")
	}
	if _, _, err := r.s.HistoryCSV(); err == nil {
		t.Error("a history CSV without a history")
	}
	if err := r.s.LoadWeights("x.weights", []byte{1}); err == nil {
		t.Error("loading weights before the run is built")
	}
	r.post(builtSnap(t, r.s.Cfg, 0))
	if _, err := r.s.Predict(make([]float32, 10)); err == nil {
		t.Error("predict with 10 pixels")
	}
	px := make([]float32, 784)
	for i := range px {
		px[i] = float32(i%28) / 27
	}
	got, err := r.s.Predict(px)
	want := r.s.Model().Predict(nil, px)
	if err != nil || len(got) != len(want) || got[0] != float64(want[0]) {
		t.Errorf("predict %v %v, want %v", got, err, want)
	}
	name, data, err := r.s.WeightsFile()
	if err != nil || name != "digitlab-linear-step120.npz" || string(data[:2]) != "PK" {
		t.Errorf("weights file %q (%d bytes) %v", name, len(data), err)
	}
	csvName, csvData, err := r.s.HistoryCSV()
	if lines := strings.Split(strings.TrimSpace(string(csvData)), "\n"); err != nil || csvName != "digitlab-linear-history.csv" ||
		len(lines) != 2 || lines[0] != train.HistoryCSVHeader || lines[1] != "100,0,0,0,0,0.25,0.95,500" {
		t.Errorf("history CSV %q: %q, %v", csvName, csvData, err)
	}
	if r.s.Status()["historyPoints"] != 1 {
		t.Errorf("historyPoints = %v, want 1", r.s.Status()["historyPoints"])
	}
	if err := r.s.LoadWeights(name, data); err != nil || r.sent()[len(r.sent())-1].Kind != CmdLoad || r.s.Running() {
		t.Errorf("load: %v, sent %v", err, r.sentKinds())
	}
	// Raw pixels scale the input as the worker's data are.
	r.s.Set(map[string]string{"raw": "true"})
	raw := builtSnap(t, r.s.Cfg, 0)
	raw.Gen = 2
	r.post(raw)
	got, _ = r.s.Predict(px)
	x := slices.Clone(px)
	for i := range x {
		x[i] *= 255
	}
	if want := r.s.Model().Predict(nil, x); got[0] != float64(want[0]) {
		t.Errorf("raw predict %v, want %v", got, want)
	}
}

// TestSceneAllocs checks that a frame where neither the input nor the run
// changed allocates nothing, in every view, paused and training, with the
// pointer resting on a hot spot (its tooltip is offered every frame):
// neither the update, the keys nor the view's display lists.
func TestSceneAllocs(t *testing.T) {
	for _, running := range []bool{false, true} {
		for view, name := range Views {
			r := newSceneRig(t)
			r.s.Set(map[string]string{"view": name})
			sn := builtSnap(t, r.s.Cfg, 20)
			sn.Running = running
			r.s.Start()
			r.post(sn)
			r.frame(nil)
			hot := map[int]ui.Rect{ViewTrain: r.s.L.ImgRect, ViewWeights: r.s.UI.Task.Rect, ViewDraw: r.s.L.PadRect, ViewLine: r.s.line.Chart.Plot,
				ViewConfusion: r.s.L.Conf.Matrix}[view]
			if view == ViewMistakes {
				hot = r.s.L.MistCells[2]
			}
			if view == ViewDraw { // a thumbnail of my digits, tested by the model copy
				for k := range 3 {
					px := make([]float32, MineSize)
					px[100+k] = 1
					if err := r.s.MineAdd(px, k); err != nil {
						t.Fatal(err)
					}
				}
				r.frame(nil)
				hot = r.s.mine.Cells[1]
			}
			if view == ViewInside {
				u := Unit{Layer: 1, Index: 0}
				var ok bool
				if hot, ok = r.s.ins.View.UnitRect(u); !ok {
					t.Fatalf("inside: no unit %v laid out (%s)", u, r.s.ins.msg)
				}
			}
			r.move(hot)
			for range 3 {
				r.frame(nil)
			}
			if tip, _ := r.in.Tip(); tip == "" {
				t.Errorf("%s: no tooltip over the hot spot", name)
			}
			n := testing.AllocsPerRun(100, func() {
				r.frame(nil)
				_ = r.s.ChromeKey(1)
				_ = r.s.ImageKey()
				_ = r.s.WeightsKey()
				_ = r.s.MistakesKey()
				_ = r.s.InfoLine()
				_ = r.s.ChromeList(1)
				_ = r.s.InfoList()
				_ = r.s.DivergedList()
				switch view {
				case ViewTrain:
					_, _ = r.s.CurrentList(), r.s.ChartList(1)
				case ViewWeights:
					_ = r.s.WeightsList()
				case ViewMistakes:
					_ = r.s.MistakesList()
				case ViewDraw:
					_, _ = r.s.PadKey(), r.s.PadList()
				case ViewLine:
					_, _ = r.s.LineKey(), r.s.LineList()
				case ViewConfusion:
					_, _ = r.s.ConfusionKey(), r.s.ConfusionList()
				case ViewInside:
					_, _ = r.s.InsideKey(), r.s.InsideList()
				}
			})
			if n != 0 {
				t.Errorf("%s (running %v): %v allocations per steady frame", name, running, n)
			}
		}
	}
}

func TestSceneFollowsTheCurrentImage(t *testing.T) {
	r := newSceneRig(t)
	if r.s.ImgTitle() != "Current image" {
		t.Errorf("title %q", r.s.ImgTitle())
	}
	r.post(builtSnap(t, r.s.Cfg, 0))
	r.frame(nil)
	st := r.s.Status()
	if st["image"] != 7 || st["imageIsTest"] != false || r.s.ImgTitle() != "Current training image" {
		t.Fatalf("image %v test %v title %q", st["image"], st["imageIsTest"], r.s.ImgTitle())
	}
	if !slices.Equal(r.s.CurX, r.snap.Image.Pixels) || r.s.CurPix.Img.Rect.Dx() != 28 {
		t.Error("the current image's pixels or picture")
	}
	stamp := r.s.ImageKey()
	r.frame(nil)
	if r.s.ImageKey() != stamp {
		t.Error("the image key changed on a steady frame")
	}
	// A new training image shows on the next live frame.
	sn := builtSnap(t, r.s.Cfg, 0)
	sn.Seq, sn.Step, sn.Image.Index, sn.Image.Step = 2, 130, 8, 130
	r.post(sn)
	r.frame(nil)
	if r.s.Status()["image"] != 8 || r.s.ImageKey() == stamp {
		t.Errorf("image %v after a new one came", r.s.Status()["image"])
	}
	// The hovered pixel shows in the matrix and a tooltip.
	ir := r.s.L.ImgRect
	cell := ir.W / 28
	r.in.X, r.in.Y, r.in.Pointer = ir.X+3.5*cell, ir.Y+20.5*cell, true
	r.frame(nil)
	if r.s.HoverPx != 20*28+3 {
		t.Fatalf("hovered pixel %d", r.s.HoverPx)
	}
	v := Cell(float64(r.s.CurX[20*28+3]), false)
	want := "pixel (row 20, col 3) = " + v
	if tip, _ := r.in.Tip(); tip != want || r.s.MatrixCaption() != (Info{want, false, ToneAccent}) {
		t.Errorf("tip %q, caption %+v, want %q", tip, r.s.MatrixCaption(), want)
	}
	if r0, c0 := r.s.BlockOrigin(); r0 != 17 || c0 != 0 {
		t.Errorf("block at %d,%d", r0, c0)
	}
	r.in.X = ir.X - 5
	r.frame(nil)
	if r.s.MatrixCaption() != (Info{"rows 11-18, cols 11-18 (hover the image)", false, ToneMuted}) {
		t.Errorf("caption %+v", r.s.MatrixCaption())
	}
}

func TestSceneWaitsForTheData(t *testing.T) {
	r := newSceneRig(t)
	r.ready = false
	r.frame(nil)
	if !r.s.Waiting || r.s.WaitText() != "loading the data…" {
		t.Errorf("waiting %v, %q", r.s.Waiting, r.s.WaitText())
	}
	r.post(&Snapshot{Seq: 1, Config: r.s.Cfg, BuildErr: "the data does not fit"})
	r.frame(nil)
	if r.s.Waiting || r.s.WaitText() != "cannot train: see the message above" {
		t.Errorf("build error: waiting %v, %q", r.s.Waiting, r.s.WaitText())
	}
	sn := builtSnap(t, r.s.Cfg, 0)
	sn.HasWeights = false
	r.ready = true
	r.post(sn)
	r.frame(nil)
	if r.s.Waiting || r.s.WaitText() != "waiting for the trainer's weights…" {
		t.Errorf("built without weights: waiting %v, %q", r.s.Waiting, r.s.WaitText())
	}
	r.c.Fail("boom")
	r.frame(nil)
	if !r.s.Waiting || r.s.Status()["trainerError"] != "boom" {
		t.Errorf("stopped worker: waiting %v", r.s.Waiting)
	}
}

func TestSceneFiniteProbs(t *testing.T) {
	nan := float32(math.NaN())
	for _, c := range []struct {
		p    []float32
		want bool
	}{{nil, false}, {[]float32{0.5, 0.5}, true}, {[]float32{nan, 0.5}, false}, {[]float32{float32(math.Inf(1))}, false}} {
		if got := FiniteProbs(c.p); got != c.want {
			t.Errorf("FiniteProbs(%v) = %v", c.p, got)
		}
	}
}

// TestSceneWithARun drives the scene against a real Run on the 8×8
// digits, as the trainer worker runs it: the page's options build the
// run, steps arrive as weights in the model copy, which then predicts as
// the run's model does; the mistakes of its full evaluation are picked.
func TestSceneWithARun(t *testing.T) {
	r := newSceneRig(t)
	run, clk := newTestRun(t, Default("4v9"))
	var sn Snapshot
	done, ack := 0, 0
	worker := func() { // apply what the page sent, work, post a snapshot
		t.Helper()
		for _, c := range r.sent()[done:] {
			run.Do(c)
			ack = c.Seq
		}
		done = len(r.sent())
		settle(t, run, clk)
		run.Snapshot(&sn, true)
		sn.Seq, sn.Ack, sn.Data = sn.Seq+1, ack, DataStatus{State: LoadReady}
		r.c.Receive(sn.AppendBinary(nil))
	}
	r.s.Set(map[string]string{"task": "digits8", "view": "mistakes"})
	worker()
	r.frame(nil)
	if !r.s.Built() || r.s.Status()["synced"] != true || r.s.Model() == nil || r.s.ImageSide() != 8 {
		t.Fatalf("built %v, model %v: %s", r.s.Built(), r.s.Model() != nil, runState(run))
	}
	r.s.Step(5)
	worker()
	r.frame(nil)
	if r.s.ModelStep() != 5 || Checksum(r.s.Model().Params) != Checksum(run.Model().Params) {
		t.Fatalf("model copy at step %d, run at %d", r.s.ModelStep(), run.Session().Steps())
	}
	px := make([]float32, 784)
	for i := 200; i < 600; i++ {
		px[i] = 1
	}
	got, err := r.s.Predict(px)
	want := run.Model().Predict(nil, pad.Digits8(nil, px, 28))
	if err != nil || len(got) != 10 || got[3] != float64(want[3]) {
		t.Errorf("predict %v %v, the run's model says %v", got, err, want)
	}
	if len(r.snap.Mistakes) == 0 {
		r.s.Step(1) // a full evaluation comes with the first steps; wait for its mistakes
		worker()
		r.frame(nil)
	}
	if len(r.s.L.MistCells) == 0 {
		t.Fatalf("no mistakes shown (%d wrong): %s", r.snap.Full.Wrong, runState(run))
	}
	r.click(r.s.L.MistCells[0])
	w := r.snap.Mistakes[0]
	if !r.s.ShowsSelected() || r.s.Sel != w.Index || !slices.Equal(r.s.CurX, w.Pixels) {
		t.Errorf("picked mistake %d: selected %v, sel %d", w.Index, r.s.ShowsSelected(), r.s.Sel)
	}
	if p := run.Model().Predict(nil, w.Pixels); !slices.Equal(r.s.CurP, p) {
		t.Errorf("the picked mistake's probabilities %v, the run's model says %v", r.s.CurP, p)
	}
}

// TestSceneTaskChangeKeepsTheShownImage: set() to a task with other image
// sizes shows the last snapshot's 28×28 image until the worker's 8×8 one
// arrives, in every view (it drew 784 pixels as 8×8 and panicked).
func TestSceneTaskChangeKeepsTheShownImage(t *testing.T) {
	r := newSceneRig(t)
	r.post(builtSnap(t, r.s.Cfg, 3))
	for _, v := range Views {
		r.s.Set(map[string]string{"view": v})
		r.frame(nil)
	}
	r.s.Set(map[string]string{"task": "digits8", "view": "train"})
	for _, v := range Views {
		r.s.Set(map[string]string{"view": v})
		r.frame(nil)
		if side := r.s.ImageSide(); side != 28 {
			t.Errorf("view %s before the worker's answer: image side %d, want the shown images' 28", v, side)
		}
	}
	sn := builtSnap(t, r.s.Cfg, 2)
	sn.Gen = 2
	r.post(sn)
	r.s.Set(map[string]string{"view": "train"})
	r.frame(nil)
	if r.s.ImageSide() != 8 || r.s.CurPix.Img.Rect.Dx() != 8 {
		t.Errorf("after the 8×8 snapshot: side %d, image %v", r.s.ImageSide(), r.s.CurPix.Img.Rect)
	}
}

// TestSceneContinueAfterDone: at the end of the run Start reads Continue
// and is enabled, Step too, and Start asks the worker to go on.
func TestSceneContinueAfterDone(t *testing.T) {
	r := newSceneRig(t)
	sn := builtSnap(t, r.s.Cfg, 0)
	sn.Done = true
	r.post(sn)
	r.frame(nil)
	if u := r.s.UI; u.Start.Label != "Continue" || u.Start.Disabled || u.Step.Disabled {
		t.Fatalf("done: Start %q (disabled %v), Step disabled %v; want Continue, both enabled", u.Start.Label, u.Start.Disabled, u.Step.Disabled)
	}
	r.click(r.s.UI.Start.Rect)
	if k := r.sentKinds(); k[len(k)-1] != CmdStart {
		t.Errorf("Continue sent %v, want CmdStart last", k)
	}
	// The worker's next snapshots count two run lengths: so does the line.
	p := facts(r.s.Cfg.Model)
	sn2 := builtSnap(t, r.s.Cfg, 0)
	sn2.Seq, sn2.Runs = 2, 2
	r.post(sn2)
	r.frame(nil)
	if want := fmt.Sprintf("step 120/%d", 2*p.Steps); p.Steps == 0 || !strings.Contains(r.s.InfoLine().Text, want) {
		t.Errorf("info line %q, want %q", r.s.InfoLine().Text, want)
	}
}
