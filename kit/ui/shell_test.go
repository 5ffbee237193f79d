package ui

import (
	"math"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeScene records what the shell asks of it.
type fakeScene struct {
	name    string
	running bool
	sets    []map[string]string
	calls   []string
	status  map[string]any
}

func (f *fakeScene) Name() string  { return f.name }
func (f *fakeScene) Title() string { return strings.ToUpper(f.name[:1]) + f.name[1:] }
func (f *fakeScene) Set(opts map[string]string) []error {
	f.sets = append(f.sets, opts)
	if v, ok := opts["bad"]; ok {
		return []error{&OptionError{Key: "bad", Value: v, Msg: "no"}}
	}
	return nil
}
func (f *fakeScene) Status() map[string]any { return f.status }
func (f *fakeScene) Start()                 { f.calls = append(f.calls, "start"); f.running = true }
func (f *fakeScene) Pause()                 { f.calls = append(f.calls, "pause"); f.running = false }
func (f *fakeScene) Running() bool          { return f.running }
func (f *fakeScene) Step(n int)             { f.calls = append(f.calls, "step"+string(rune('0'+n))) }
func (f *fakeScene) Reset()                 { f.calls = append(f.calls, "reset") }

// pacedScene changes the screen only when changed is set (a Pacer).
type pacedScene struct {
	*fakeScene
	changed bool
}

func (p *pacedScene) Changed() bool { return p.changed }

// animScene animates while idle (an Animator).
type animScene struct {
	*fakeScene
	anim bool
}

func (a *animScene) Animating() bool { return a.anim }

// predictScene classifies images (the Digits scene's Predict).
type predictScene struct {
	*fakeScene
	got []float32
}

func (p *predictScene) Predict(px []float32) ([]float64, error) {
	p.got = px
	return []float64{0.25, 0.75}, nil
}

// fakeLoad is a download whose state the test sets.
type fakeLoad struct {
	loading, failed, stopped bool
	what                     string
	frac                     float64
	retries                  int
}

func (l *fakeLoad) Loading() bool               { return l.loading }
func (l *fakeLoad) Failed() bool                { return l.failed }
func (l *fakeLoad) Stopped() bool               { return l.stopped }
func (l *fakeLoad) Progress() (string, float64) { return l.what, l.frac }
func (l *fakeLoad) ProgressText() string        { return "failed: " + l.what }
func (l *fakeLoad) Retry()                      { l.retries++ }
func (l *fakeLoad) set(loading, failed, stop bool) {
	l.loading, l.failed, l.stopped = loading, failed, stop
}

// rig is a shell around four fake scenes with a fake clock.
type rig struct {
	s      *Shell
	scenes []*fakeScene
	load   *fakeLoad
	t0     time.Time
	now    time.Time
}

func newRig(t *testing.T, query string, wrap func(i int, f *fakeScene) Scene) *rig {
	t.Helper()
	r := &rig{load: &fakeLoad{}, t0: time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)}
	r.now = r.t0
	var ss []Scene
	for i, n := range Scenes {
		f := &fakeScene{name: n, status: map[string]any{}}
		r.scenes = append(r.scenes, f)
		var sc Scene = f
		if wrap != nil {
			sc = wrap(i, f)
		}
		ss = append(ss, sc)
	}
	r.s = NewShell(ss, r.load, query)
	return r
}

// frame runs one frame dt after the last, the pointer at (x, y), down or
// not, with keys; the scene's Update takes sceneTook.
func (r *rig) frame(dt time.Duration, x, y float64, down bool, sceneTook time.Duration, keys ...Key) {
	r.now = r.now.Add(dt)
	in := &r.s.In
	wasDown := in.Down
	in.Reset()
	in.Now = r.now.Sub(r.t0)
	in.Pointer, in.X, in.Y, in.Down = true, x, y, down
	in.Pressed, in.Released = down && !wasDown, !down && wasDown
	in.Keys = append(in.Keys, keys...)
	r.s.Begin(r.now)
	r.s.End(sceneTook)
}

const frameDt = 28 * time.Millisecond

func TestShellQuery(t *testing.T) {
	t.Parallel()
	r := newRig(t, "?scene=ring&a=0.5&b=1.5", nil)
	if r.s.Cur != 3 || r.s.Tabs.Index != 3 || r.s.Scene().Name() != "ring" {
		t.Errorf("scene=ring shows %d (tab %d)", r.s.Cur, r.s.Tabs.Index)
	}
	if want := []map[string]string{{"a": "0.5", "b": "1.5"}}; len(r.scenes[3].sets) != 1 || r.scenes[3].sets[0]["a"] != "0.5" || r.scenes[3].sets[0]["b"] != "1.5" {
		t.Errorf("ring got %v, want %v", r.scenes[3].sets, want)
	}
	if r.s.Banner.Visible() {
		t.Errorf("banner %q for a good query", r.s.Banner.Msgs)
	}
	if got := r.s.Tabs.Options; !slices.Equal(got, []string{"Digits", "Landscape", "Descent", "Ring"}) {
		t.Errorf("tabs %q", got)
	}
	if len(r.s.Tabs.Tips) != 4 || !strings.Contains(r.s.Tabs.Tips[3], "key 4") {
		t.Errorf("tab tips %q", r.s.Tabs.Tips)
	}

	r = newRig(t, "scene=nowhere&bad=1", nil)
	if r.s.Cur != 0 {
		t.Errorf("unknown scene shows %d, want the first", r.s.Cur)
	}
	if len(r.s.Banner.Msgs) != 2 || !strings.Contains(r.s.Banner.Msgs[0], "unknown scene") || !strings.Contains(r.s.Banner.Msgs[1], `bad="1"`) {
		t.Errorf("banner %q, want the unknown scene and the scene's own error", r.s.Banner.Msgs)
	}
	if len(r.scenes[1].sets)+len(r.scenes[2].sets)+len(r.scenes[3].sets) != 0 {
		t.Error("options went to another scene than the first")
	}
}

func TestShellSetOptions(t *testing.T) {
	t.Parallel()
	r := newRig(t, "", nil)
	if errs := r.s.SetOptions(map[string]string{"scene": "Descent", "eta": "0.3"}); len(errs) != 0 {
		t.Errorf("errors %q", errs)
	}
	if r.s.Cur != 2 || len(r.scenes[2].sets) != 1 || r.scenes[2].sets[0]["eta"] != "0.3" || r.scenes[2].sets[0]["scene"] != "" {
		t.Errorf("set scene=descent: showing %d, descent got %v", r.s.Cur, r.scenes[2].sets)
	}
	errs := r.s.SetOptions(map[string]string{"scene": "moon"})
	if len(errs) != 1 || !strings.Contains(errs[0], `option scene="moon"`) || r.s.Cur != 2 {
		t.Errorf("set scene=moon: errors %q, showing %d; want one error and descent kept", errs, r.s.Cur)
	}
	if len(r.s.Banner.Msgs) != 1 || r.s.Banner.Msgs[0] != errs[0] {
		t.Errorf("banner %q, want the error once", r.s.Banner.Msgs)
	}
	if errs := r.s.SetOptions(map[string]string{"bad": "x"}); len(errs) != 1 || !strings.Contains(errs[0], `bad="x"`) {
		t.Errorf("scene's error: %q", errs)
	}
	if errs := r.s.SetOptions(map[string]string{}); errs == nil || len(errs) != 0 {
		t.Errorf("no options: %#v, want an empty list", errs)
	}
}

func TestShellKeys(t *testing.T) {
	t.Parallel()
	r := newRig(t, "", nil)
	r.frame(frameDt, 0, 500, false, 0, KeyTab3, KeyStartPause, KeyLeft)
	if r.s.Cur != 2 || r.s.Tabs.Index != 2 {
		t.Fatalf("key 3 shows %d", r.s.Cur)
	}
	if got := r.scenes[2].calls; !slices.Equal(got, []string{"start"}) || len(r.scenes[0].calls) != 0 {
		t.Errorf("space went to %v (digits %v), want descent's start", got, r.scenes[0].calls)
	}
	if !slices.Equal(r.s.In.Keys, []Key{KeyLeft}) {
		t.Errorf("keys left for the scene %v, want only the arrow", r.s.In.Keys)
	}
	r.frame(frameDt, 0, 500, false, 0, KeyStartPause)
	r.frame(frameDt, 0, 500, false, 0, KeyStep, KeyReset)
	if got := r.scenes[2].calls; !slices.Equal(got, []string{"start", "pause", "step1", "reset"}) {
		t.Errorf("calls %v, want start, pause, step 1, reset", got)
	}
	if len(r.s.In.Keys) != 0 {
		t.Errorf("app keys reached the scene: %v", r.s.In.Keys)
	}
	// A click on the second tab.
	seg := r.s.Tabs.Segments()[1]
	x, y := seg.Center()
	r.frame(frameDt, x, y, true, 0)
	r.frame(frameDt, x, y, false, 0)
	if r.s.Cur != 1 {
		t.Errorf("a click on the second tab shows %d", r.s.Cur)
	}
}

func TestShellLayout(t *testing.T) {
	t.Parallel()
	r := newRig(t, "", nil)
	r.s.Screen = FitScreen(1280, 800, 2, MinW, MinH)
	r.frame(frameDt, 0, 500, false, 0)
	s := r.s
	if s.Window != (Rect{W: 1280, H: 800}) || s.Bar != (Rect{W: 1280, H: 44}) {
		t.Errorf("window %v, bar %v", s.Window, s.Bar)
	}
	if s.Tabs.Rect != (Rect{X: 150, W: 520, H: 44}) {
		t.Errorf("tabs %v", s.Tabs.Rect)
	}
	if want := (Rect{X: 1272 - copyW, Y: 8, W: copyW, H: RowH}); s.Copy.Rect != want {
		t.Errorf("copy link %v, want %v at the bar's right end", s.Copy.Rect, want)
	}
	if want := (Rect{X: 678, W: 1280 - 670 - 16 - copyW - Gap - aboutW - Gap, H: 44}); s.Info != want {
		t.Errorf("info %v, want %v", s.Info, want)
	}
	if want := (Rect{X: s.Copy.Rect.X - Gap - aboutW, Y: 8, W: aboutW, H: RowH}); s.About.Open.Rect != want {
		t.Errorf("about %v, want %v left of copy link", s.About.Open.Rect, want)
	}
	if want := (Rect{X: s.Info.Right() - 70, Y: 8, W: 70, H: RowH}); s.Retry.Rect != want {
		t.Errorf("retry %v, want %v", s.Retry.Rect, want)
	}
	if want := (Rect{X: 12, Y: 56, W: 1256, H: 800 - 44 - 24}); s.Area != want {
		t.Errorf("area %v, want %v", s.Area, want)
	}
	s.Banner.Add("something is wrong")
	r.frame(frameDt, 0, 500, false, 0)
	if s.Area.Y != 44+s.Banner.Height()+12 || s.Banner.Rect.Y != 44 {
		t.Errorf("with a message the area starts at %v, the banner at %v", s.Area.Y, s.Banner.Rect.Y)
	}
	// With an About card open a one-line message shows over the card's
	// strip: the scene does not move when it comes or goes.
	s.Banner.Remove("something is wrong")
	s.About.Texts = map[string]string{s.Scene().Name(): "What this tab teaches, in a line or two."}
	r.frame(frameDt, 0, 500, false, 0)
	withCard := s.Area
	if !s.About.Visible() || withCard.Y <= 56 {
		t.Fatalf("the card: visible %v, area %v", s.About.Visible(), withCard)
	}
	s.Banner.Add("a short message")
	r.frame(frameDt, 0, 500, false, 0)
	if s.About.Visible() || !s.Banner.Visible() || s.Area != withCard || s.Banner.Rect.Y != 44 {
		t.Errorf("with the message: card visible %v, area %v, want %v as with the card", s.About.Visible(), s.Area, withCard)
	}
	s.Banner.Remove("a short message")
	r.frame(frameDt, 0, 500, false, 0)
	if !s.About.Visible() || s.Area != withCard {
		t.Errorf("after the message: card visible %v, area %v, want %v", s.About.Visible(), s.Area, withCard)
	}
}

func TestShellLoadFailure(t *testing.T) {
	t.Parallel()
	r := newRig(t, "", nil)
	r.load.set(true, false, false)
	r.frame(frameDt, 0, 500, false, 0)
	r.load.what = "MNIST"
	r.load.set(false, true, false)
	r.frame(frameDt, 0, 500, false, 0)
	r.frame(frameDt, 0, 500, false, 0)
	if !slices.Equal(r.s.Banner.Msgs, []string{"failed: MNIST"}) {
		t.Errorf("banner %q, want the failure once", r.s.Banner.Msgs)
	}
	if r.s.Retry.Label != "Retry" || r.s.FailTitle() != "Data download failed" {
		t.Errorf("button %q beside %q, want Retry beside the download's failure", r.s.Retry.Label, r.s.FailTitle())
	}
	x, y := r.s.Retry.Rect.Center()
	r.frame(frameDt, x, y, true, 0)
	r.frame(frameDt, x, y, false, 0)
	if r.load.retries != 1 {
		t.Errorf("a click on Retry retried %d times", r.load.retries)
	}
	r.load.set(true, false, false) // Retry mended it
	r.frame(frameDt, 0, 500, false, 0)
	if r.s.Banner.Visible() {
		t.Errorf("banner %q after the mend", r.s.Banner.Msgs)
	}
	r.load.set(false, true, true) // the worker stopped
	r.frame(frameDt, 0, 500, false, 0)
	if r.s.Retry.Label != "Restart" || r.s.Retry.Tip != "Start the trainer again" || r.s.FailTitle() != "The trainer stopped" {
		t.Errorf("button %q (%q) beside %q, want Restart beside the trainer's stop", r.s.Retry.Label, r.s.Retry.Tip, r.s.FailTitle())
	}
	// While the download works, the button is not there to click.
	r.load.set(false, false, false)
	r.frame(frameDt, x, y, true, 0)
	r.frame(frameDt, x, y, false, 0)
	if r.load.retries != 1 {
		t.Errorf("Retry clicked while nothing failed: %d", r.load.retries)
	}
}

func TestShellBudget(t *testing.T) {
	t.Parallel()
	r := newRig(t, "", nil)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	r.frame(frameDt, 0, 500, false, 5*time.Millisecond)
	if r.s.Budget != 8*time.Millisecond {
		t.Errorf("idle budget %v, want 8 ms", r.s.Budget)
	}
	r.scenes[0].running = true
	r.frame(frameDt, 0, 500, false, 10*time.Millisecond)
	if r.s.Budget != 12*time.Millisecond {
		t.Errorf("first running frame's budget %v, want 12 ms", r.s.Budget)
	}
	// 30 ms between frames, of which the scene took 10: the rest of a
	// frame is 20 ms, the goal 1000/36 ms leaves 7.78 ms.
	r.frame(30*time.Millisecond, 0, 500, false, 10*time.Millisecond)
	if got, want := ms(r.s.Budget), 1000.0/36-20; math.Abs(got-want) > 1e-6 {
		t.Errorf("budget %v ms, want %v", got, want)
	}
	if r.s.FrameMs != 30 {
		t.Errorf("FrameMs %v, want 30", r.s.FrameMs)
	}
	// A long frame (the rest 40 ms) gets the floor, a hidden tab's pause
	// (≥ 250 ms) is not measured.
	for range 60 {
		r.frame(50*time.Millisecond, 0, 500, false, 10*time.Millisecond)
	}
	if r.s.Budget != 3*time.Millisecond {
		t.Errorf("budget of slow frames %v, want 3 ms", r.s.Budget)
	}
	before := r.s.FrameMs
	r.frame(time.Second, 0, 500, false, 10*time.Millisecond)
	if r.s.FrameMs != before {
		t.Errorf("a 1 s pause moved FrameMs from %v to %v", before, r.s.FrameMs)
	}
	// Fast frames: the ceiling.
	r.scenes[0].running = false
	r.frame(frameDt, 0, 500, false, 0)
	r.scenes[0].running = true
	r.frame(frameDt, 0, 500, false, 1*time.Millisecond)
	r.frame(2*time.Millisecond, 0, 500, false, 1*time.Millisecond)
	if r.s.Budget != 20*time.Millisecond {
		t.Errorf("budget of fast frames %v, want 20 ms", r.s.Budget)
	}
	if r.s.FrameMs != 2 {
		t.Errorf("pausing did not reset FrameMs: %v", r.s.FrameMs)
	}
}

func TestShellFrames(t *testing.T) {
	t.Parallel()
	var paced *pacedScene
	var anim *animScene
	r := newRig(t, "", func(i int, f *fakeScene) Scene {
		switch i {
		case 2:
			paced = &pacedScene{fakeScene: f}
			return paced
		case 3:
			anim = &animScene{fakeScene: f}
			return anim
		}
		return f
	})
	s := r.s
	type want struct{ draw, partial bool }
	check := func(what string, w want) {
		t.Helper()
		if s.DrawNow != w.draw || s.DrawPartial != w.partial {
			t.Errorf("%s: draw %v, partial %v; want %v, %v", what, s.DrawNow, s.DrawPartial, w.draw, w.partial)
		}
	}
	idle := func() { r.frame(frameDt, 0, 500, false, 0) }
	idle()
	check("first frame", want{true, false})
	idle()
	check("nothing changed", want{false, false})
	r.scenes[0].running = true
	idle()
	check("training", want{true, true})
	r.frame(frameDt, 3, 500, false, 0)
	check("training, the pointer moved", want{true, true})
	r.frame(frameDt, 3, 500, true, 0)
	check("training, a press", want{true, false})
	r.frame(frameDt, 3, 500, false, 0)
	check("training, a release", want{true, false})
	idle()
	check("training again", want{true, true})

	s.Banner.Add("a message")
	idle()
	check("a message appears", want{true, false})
	idle()
	check("a message stays", want{true, true})
	y := s.Banner.Rect.Y + 2
	r.frame(frameDt, 600, y, false, 0)
	check("the pointer over the banner", want{true, false})
	idle()
	check("the pointer just left the banner", want{true, false})
	idle()
	check("the pointer away from the banner", want{true, true})
	s.Banner.Remove("a message")
	idle()
	check("the message goes", want{true, false})

	// A tab's tooltip: whole frames while it comes and shows.
	seg := s.Tabs.Segments()[0]
	tx, ty := seg.Center()
	r.frame(frameDt, tx, ty, false, 0)
	for range 25 {
		r.frame(frameDt, tx, ty, false, 0)
	}
	if _, _, ok := s.Tip.Visible(s.In.Now); !ok {
		t.Fatal("no tooltip after 0.7 s on a tab")
	}
	check("a tooltip shows", want{true, false})
	r.scenes[0].running = false
	idle()
	idle()

	// Descent (a Pacer) runs: frames only when it changed something.
	s.GoTo("descent", nil)
	idle()
	r.scenes[2].running = true
	idle()
	check("a paced scene runs, unchanged", want{false, false})
	paced.changed = true
	idle()
	check("a paced scene changed", want{true, true})
	paced.changed, r.scenes[2].running = false, false

	// Ring (an Animator): frames while it animates.
	s.GoTo("ring", nil)
	idle()
	idle()
	check("idle ring", want{false, false})
	anim.anim = true
	idle()
	check("animating", want{true, true})
	anim.anim = false
	idle()
	check("animation over", want{false, false})

	// The loading progress: drawn when it moves, at most twice a second,
	// always whole.
	r.load.set(true, false, false)
	r.load.what, r.load.frac = "MNIST", 0.10
	idle()
	check("loading starts", want{true, false})
	r.load.frac = 0.20
	idle()
	check("progress within 0.5 s", want{false, false})
	for range 17 {
		idle()
	}
	check("progress 0.5 s later", want{true, false})
	for range 20 {
		idle()
	}
	check("no progress", want{false, false})
	r.load.set(false, false, false)
	idle()
	check("loaded", want{true, false})
}

func TestShellFrameAllocs(t *testing.T) { // not parallel: AllocsPerRun
	r := newRig(t, "", nil)
	r.scenes[0].running = true
	step := func() { r.frame(frameDt, 700, 500, false, 10*time.Millisecond) }
	step()
	if n := testing.AllocsPerRun(200, step); n != 0 {
		t.Errorf("a training frame allocates %v times", n)
	}
	r.scenes[0].running = false
	r.load.set(true, false, false)
	r.load.what = "MNIST"
	i := 0
	loading := func() {
		i++
		r.load.frac = float64(i%100) / 100
		r.frame(frameDt, 700, 500+float64(i%7), false, 0)
	}
	if n := testing.AllocsPerRun(200, loading); n != 0 {
		t.Errorf("a loading frame allocates %v times", n)
	}
	if !r.s.DrawNow {
		t.Error("the pointer moved but the frame is not drawn")
	}
}

func TestShellStatus(t *testing.T) {
	t.Parallel()
	r := newRig(t, "scene=ring", nil)
	r.scenes[0].status = map[string]any{"step": 5, "task": "4v9", "samplesPerSec": 100.0, "digitsOnly": true}
	r.scenes[3].status = map[string]any{"step": 7, "a": 0.5}
	r.scenes[3].running = true
	r.s.Screen = FitScreen(1100, 700, 1, MinW, MinH)
	r.frame(frameDt, 0, 500, false, 0)
	r.s.Drawn(false, 4*time.Millisecond)
	r.s.Drawn(true, 2*time.Millisecond)
	m := r.s.Status(map[string]any{"fps": 60.0}, "")
	wants := map[string]any{
		"scene": "ring", "running": true, "step": 7, "a": 0.5, "task": "4v9", "samplesPerSec": 100.0,
		"model": nil, "trainLoss": nil, "testAcc": nil, "error": nil, "fps": 60.0,
		"width": 1100.0, "height": 700.0, "budgetMs": 12.0, "fullDraws": 1, "partialDraws": 1,
	}
	for k, w := range wants {
		if v, ok := m[k]; !ok || v != w {
			t.Errorf("status %s = %v (present %v), want %v", k, v, ok, w)
		}
	}
	if _, ok := m["digitsOnly"]; ok {
		t.Error("a Digits field that is not shared shows on another tab")
	}
	if got := m["drawMs"].(float64); math.Abs(got-(4+(2-4)/30.0)) > 1e-12 {
		t.Errorf("drawMs %v, want the smoothed 4 then 2", got)
	}
	if msgs := m["messages"].([]string); len(msgs) != 0 {
		t.Errorf("messages %q", msgs)
	}

	r.s.Banner.Add("one")
	r.s.Banner.Add("two")
	m = r.s.Status(map[string]any{}, "")
	if m["error"] != "one; two" {
		t.Errorf("error %v, want the banner's messages", m["error"])
	}
	msgs := m["messages"].([]string)
	msgs[0] = "changed"
	if r.s.Banner.Msgs[0] != "one" {
		t.Error("status().messages shares the banner's slice")
	}
	r.s.JSErr = "predict failed"
	if m = r.s.Status(map[string]any{}, ""); m["error"] != "predict failed" {
		t.Errorf("error %v, want the JS call's", m["error"])
	}
	if m = r.s.Status(map[string]any{}, "no data"); m["error"] != "no data" {
		t.Errorf("error %v, want the download's", m["error"])
	}
	r.s.GoTo("digits", nil)
	if m = r.s.Status(map[string]any{}, ""); m["step"] != 5 || m["digitsOnly"] != true || m["scene"] != "digits" {
		t.Errorf("on the Digits tab: %v", m)
	}
}

func TestShellPredict(t *testing.T) {
	t.Parallel()
	var p *predictScene
	r := newRig(t, "", func(i int, f *fakeScene) Scene {
		if i == 0 {
			p = &predictScene{fakeScene: f}
			return p
		}
		return f
	})
	px := func(i int) float64 { return []float64{-1, 2, 0.5}[min(i, 2)] }
	probs, err := r.s.Predict(784, px)
	if err != nil || !slices.Equal(probs, []float64{0.25, 0.75}) || r.s.JSErr != "" {
		t.Fatalf("Predict = %v, %v", probs, err)
	}
	if len(p.got) != 784 || p.got[0] != 0 || p.got[1] != 1 || p.got[2] != 0.5 || p.got[783] != 0.5 {
		t.Errorf("the scene got %v…, want 784 pixels clamped to 0..1", p.got[:3])
	}
	for _, tt := range []struct {
		n    int
		at   func(int) float64
		want string
	}{
		{-1, nil, "predict(pixels): pixels must be an array of 784 numbers in 0..1"},
		{10, px, "predict(pixels): got 10 numbers, want 784 (28×28, row-major)"},
		{784, func(i int) float64 { return map[bool]float64{true: math.NaN()}[i == 5] }, "predict(pixels): pixel 5 is not a number"},
	} {
		if _, err := r.s.Predict(tt.n, tt.at); err == nil || err.Error() != tt.want || r.s.JSErr != tt.want {
			t.Errorf("Predict(%d) error %v (JSErr %q), want %q", tt.n, err, r.s.JSErr, tt.want)
		}
	}
	r.s.Predict(784, px)
	if r.s.JSErr != "" {
		t.Errorf("a good call left JSErr %q", r.s.JSErr)
	}
	r = newRig(t, "", nil)
	if _, err := r.s.Predict(784, px); err == nil || err.Error() != "predict: no scene can classify images" {
		t.Errorf("without a classifier: %v", err)
	}
}

func TestStepCount(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		x    float64
		num  bool
		want int
	}{{0, false, 1}, {5, true, 5}, {5.9, true, 5}, {0, true, 1}, {-3, true, 1}, {1e9, true, 1e6}} {
		if got := StepCount(tt.x, tt.num); got != tt.want {
			t.Errorf("StepCount(%v, %v) = %d, want %d", tt.x, tt.num, got, tt.want)
		}
	}
}

func TestBuildVersion(t *testing.T) {
	t.Parallel()
	if got := BuildVersion("v1.2"); got != "v1.2" {
		t.Errorf("BuildVersion(v1.2) = %q", got)
	}
	rev := "0123456789abcdef0123456789abcdef01234567"
	for _, tt := range []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{nil, "dev"},
		{&debug.BuildInfo{}, "dev"},
		{&debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: rev}}}, "0123456789ab"},
		{&debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.modified", Value: "true"}, {Key: "vcs.revision", Value: rev}}}, "0123456789ab+dirty"},
		{&debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "false"}}}, "dev"},
	} {
		if got := vcsVersion(tt.bi); got != tt.want {
			t.Errorf("vcsVersion(%v) = %q, want %q", tt.bi, got, tt.want)
		}
	}
}

func TestSmooth(t *testing.T) {
	t.Parallel()
	if got := Smooth(0, 12*time.Millisecond); got != 12 {
		t.Errorf("first sample %v, want 12", got)
	}
	if got := Smooth(10, 40*time.Millisecond); got != 11 {
		t.Errorf("Smooth(10, 40 ms) = %v, want 11", got)
	}
}

func TestSetRetry(t *testing.T) {
	t.Parallel()
	var b Button
	SetRetry(&b, true)
	SetRetry(&b, false)
	if b.Label != "Retry" || b.Tip != "Download the data again" {
		t.Errorf("%q %q", b.Label, b.Tip)
	}
}
