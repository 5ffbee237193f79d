package digitsview

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"digitlab/kit/paint"
	"digitlab/kit/paint/painttest"
	"digitlab/kit/ui"
)

// viewRig is a scene showing view (task 10, a built run with enough
// mistakes to fill the gallery) in the area the page gives a scene at a
// window of w×h: the window less the 44 px bar, inset by ui.Pad+4. In the
// mistakes view one is selected; in the draw view the pad has a stroke.
func viewRig(t *testing.T, w, h float64, view string) *sceneRig {
	t.Helper()
	r := newSceneRig(t)
	r.area = painttest.Window(t, w, h)
	r.s.Set(map[string]string{"view": view, "task": "10"})
	sn := builtSnap(t, r.s.Cfg, MaxWrong)
	sn.MistakesOf = 3 * MaxWrong // (more than a page: the gallery has its page buttons)
	r.post(sn)
	r.frame(nil)
	r.frame(nil)
	switch view {
	case "mistakes":
		r.click(r.s.L.MistCells[1])
	case "draw":
		pr := r.s.L.PadRect
		r.in.X, r.in.Y, r.in.Pointer = pr.X+pr.W/2, pr.Y+pr.H*0.2, true
		r.frame(func(in *ui.Input) { in.Down, in.Pressed = true, true })
		r.in.Y = pr.Y + pr.H*0.8
		r.frame(func(in *ui.Input) { in.Down = true })
		r.frame(func(in *ui.Input) { in.Released = true })
	}
	r.move(ui.Rect{X: -10, Y: -10, W: 1, H: 1}) // nothing hovered
	r.frame(nil)
	return r
}

// viewLists are the lists the page draws for the scene's view.
func viewLists(s *Scene) []*paint.List { return s.Lists(1) }

// listTexts are the lists' texts and the panels' titles with their boxes
// (a title's text prefixed "panel ").
func listTexts(ls []*paint.List) []paint.TextBox {
	var out []paint.TextBox
	for _, t := range paint.Texts(ls) {
		switch t.Kind {
		case "text":
			out = append(out, t.TextBox)
		case "title":
			out = append(out, paint.TextBox{S: "panel " + t.S, R: t.R})
		}
	}
	return out
}

// TestScenePaintTexts checks each view's lists at the browser tests'
// window sizes, measured with the page's fonts: the texts the page must
// show are there, inside the window, and no two overlap.
func TestScenePaintTexts(t *testing.T) {
	painttest.GoFonts(t)
	for _, win := range [][2]float64{{1024, 640}, {1280, 800}, {painttest.PhoneW, 844}, {768, 1024}, {844, 390}} {
		for _, view := range Views {
			r := viewRig(t, win[0], win[1], view)
			s := r.s
			what := fmt.Sprintf("%gx%g %s", win[0], win[1], view)
			texts := listTexts(viewLists(s))
			if u := painttest.Unexplained(viewLists(s)...); len(u) > 0 {
				t.Errorf("%s: pictures without a legend: %v", what, u)
			}
			if ui.Paged {
				for _, w := range painttest.SmallTargets(viewLists(s)...) {
					t.Errorf("%s: %s is smaller than a finger", what, w)
				}
			}
			want := []string{s.InfoLine().Text, "panel Training", "anneal T", "off", "batch", "train images", "all"}
			switch s.View() {
			case ViewTrain:
				text, verdict, _ := s.CurrentCaption()
				lab, pred, _ := strings.Cut(text, ", ") // in the colours of their bars
				want = append(want, "panel "+s.ImgTitle(), lab, ", ", pred, verdict.Text, s.MatrixCaption().Text, "0.80",
					"panel Loss (mean cross-entropy)", "panel Accuracy", "train (running)", "test", "optimiser steps")
			case ViewWeights:
				want = append(want, "panel "+WeightsTitle, s.WeightsHeading(), s.WeightsLegend(), "0")
			case ViewMistakes:
				head, at, _ := s.SelectedText()
				// The first thumbnail's rows: the true digit and what the
				// model said, each with its probability; the legend line.
				m := s.Snap.Mistakes[0]
				// (the header leaves out its step beside the page buttons
				// where it does not fit)
				hdr, _, _ := strings.Cut(s.MistakesHeader().Text, " at step")
				if !slices.ContainsFunc(texts, func(b paint.TextBox) bool { return strings.HasPrefix(b.S, hdr) }) {
					t.Errorf("%s: no header %q", what, hdr)
				}
				want = append(want, "panel "+MistakesTitle, "panel "+SelectedTitle, s.MistPagesText(), s.MistakeCaption(0), head, at,
					s.ClassName(m.Label), Percent(float64(m.Probs[m.Label])), s.ClassName(m.Pred), Percent(float64(m.Probs[m.Pred])),
					"the true digit", "what the model said")
			case ViewDraw:
				want = append(want, "panel "+PadTitle, "panel "+SeeTitle, s.PadLines()[0].Text, s.PadLines()[1].Text)
			}
			for _, w := range want {
				if !slices.ContainsFunc(texts, func(b paint.TextBox) bool { return b.S == w }) {
					t.Errorf("%s: no text %q", what, w)
				}
			}
			for i, a := range texts {
				// Inside the window; a chart's last x tick label, centred on
				// the axis' end, may reach into the margin around the area.
				if page := painttest.Page(r.area, s); !inside(a.R, page.Inset(-ui.Pad-4)) {
					t.Errorf("%s: %q %+v leaves the window", what, a.S, a.R)
				} else if !inside(a.R, page) {
					t.Logf("%s: %q %+v leaves the scene's area %+v", what, a.S, a.R, r.area)
				}
				for _, b := range texts[i+1:] {
					if overlap(a.R, b.R) {
						t.Errorf("%s: %q %+v overlaps %q %+v", what, a.S, a.R, b.S, b.R)
					}
				}
			}
		}
	}
}

// TestScenePaintLists checks that the lists are rebuilt only when what
// they show changed, and how the charts are drawn.
func TestScenePaintLists(t *testing.T) {
	r := viewRig(t, 1024, 640, "train")
	s := r.s
	viewLists(s)
	builds := func() [4]int {
		return [4]int{s.pl.chrome.builds, s.pl.info.builds, s.pl.current.builds, s.pl.chart.builds}
	}
	b := builds()
	r.frame(nil)
	viewLists(s)
	if builds() != b {
		t.Errorf("a steady frame rebuilt lists: %v → %v", b, builds())
	}
	r.move(s.UI.Seed.Rect)
	r.frame(nil)
	viewLists(s)
	if got := builds(); got[0] != b[0]+1 || got[2] != b[2] || got[3] != b[3] {
		t.Errorf("hovering a button: builds %v → %v", b, got)
	}
	r.move(s.L.ImgRect)
	r.frame(nil)
	viewLists(s)
	if got := builds(); got[2] != b[2]+1 || !strings.HasPrefix(s.MatrixCaption().Text, "pixel") {
		t.Errorf("hovering the image: builds %v → %v", b, got)
	}
	if s.ChartList(2) == nil || s.pl.chart.builds != b[3]+1 {
		t.Error("another device scale does not rebuild the charts")
	}

	// The charts' data lines and dots and the frames' grid and baseline are
	// aliased, through viewports in device pixels.
	kinds := map[paint.Kind]int{}
	for _, o := range s.ChartList(2).Ops {
		kinds[o.Kind]++
		if !o.Aliased || o.VP.Pixels.X0 != 2*s.Loss.Plot.X && o.VP.Pixels.X0 != 2*s.Acc.Plot.X {
			t.Errorf("chart op %d aliased %v, pixels %+v", o.Kind, o.Aliased, o.VP.Pixels)
		}
	}
	if kinds[paint.KSegs] != 2 || kinds[paint.KDots] != 2 || len(kinds) != 2 {
		t.Errorf("chart ops %v, want 2×(the train line, the test point)", kinds)
	}
	segs := 0
	for _, o := range s.ChromeList(1).Ops {
		if o.Kind == paint.KSegs {
			segs++
			if !o.Aliased {
				t.Errorf("the charts' frame strokes anti-aliased: %+v", o)
			}
		}
	}
	if segs != 4 {
		t.Errorf("%d frame strokes, want 2×(grid, baseline)", segs)
	}

	// The divergence message.
	if len(s.DivergedList().Ops) != 0 {
		t.Error("a divergence message for a run that is fine")
	}
	d := builtSnap(t, s.Cfg, 0)
	d.Seq, d.Diverged = 2, Divergence{Msg: "NaN", Step: 31, LR: 100, Param: -1}
	r.post(d)
	r.frame(nil)
	texts := s.DivergedList().Texts(nil)
	if len(texts) < 3 || texts[0].S != "Training diverged" || !strings.HasPrefix(texts[1].S, "The loss stopped") {
		t.Errorf("divergence texts %+v", texts)
	}
}

// The mistakes header leaves out the judgement under way where the whole
// line does not fit its panel (at 1024×640 it ran past the card).
func TestScenePaintMistakesHeaderFits(t *testing.T) {
	for _, win := range [][2]float64{{1024, 640}, {1280, 800}} {
		r := viewRig(t, win[0], win[1], "mistakes")
		sn := builtSnap(t, r.s.Cfg, MaxWrong)
		sn.Seq, sn.Step = 40, 9361
		sn.Full = FullSummary{Seq: 2, Step: 600, N: 1991, Acc: 0.9523, Wrong: 95}
		sn.Evaluating, sn.EvalFull, sn.EvalProgress = true, true, 0.5
		r.post(sn)
		r.frame(nil)
		full := r.s.MistakesHeader().Text
		in := ui.PanelContent(r.s.L.MistPanel, MistakesTitle)
		var got paint.TextBox
		for _, b := range listTexts([]*paint.List{r.s.MistakesList()}) {
			if strings.HasPrefix(full, b.S) && strings.HasPrefix(b.S, "95 of 1991 wrong") {
				got = b
			}
		}
		if got.S == "" {
			t.Fatalf("%v: no mistakes header among the texts", win)
		}
		if got.R.Right() > in.Right()+0.5 {
			t.Errorf("%v: header %q ends at %v, past the panel's %v", win, got.S, got.R.Right(), in.Right())
		}
		fits := paint.Measure(full, ui.FontSize, paint.Regular) <= in.W
		t.Logf("%v: drawn %q (whole fits: %v)", win, got.S, fits)
		if fits != (got.S == full) {
			t.Errorf("%v: the whole header fits: %v, drawn %q", win, fits, got.S)
		}
	}
}

// Percent never rounds to a certainty or to nothing that it is not.
func TestPercent(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		p    float64
		want string
	}{{0, "<1%"}, {0.004, "<1%"}, {0.0099, "<1%"}, {0.01, "1%"}, {0.126, "13%"}, {0.5, "50%"}, {0.99, "99%"}, {0.9951, ">99%"}, {1, ">99%"}} {
		if got := Percent(c.p); got != c.want {
			t.Errorf("Percent(%v) = %q, want %q", c.p, got, c.want)
		}
	}
}
