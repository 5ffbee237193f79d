package ring

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"digitlab/kit/paint"
	"digitlab/kit/paint/painttest"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

func TestSceneAreaIsThePages(t *testing.T) {
	if a := painttest.SceneArea(1024, 640); a != testArea {
		t.Errorf("area %v for 1024×640, want %v", a, testArea)
	}
}

// The list's texts say the seed's verdicts and the figures, and the
// numbers of the test points.
func TestSceneListTexts(t *testing.T) {
	t.Parallel()
	s, _ := newScene(t)
	if u := painttest.Unexplained(s.List()); len(u) > 0 {
		t.Errorf("pictures without a legend: %v", u)
	}
	pics := map[string]bool{}
	for _, o := range s.List().Ops {
		if o.Kind == paint.KPicture {
			pics[o.S] = true
		}
	}
	if !pics[DesignedPicture] || !pics[LearnedPicture] || !pics[ChartPicture] {
		t.Errorf("pictures %v, want the two planes and the chart", pics)
	}
	boxes := s.List().Texts(nil)
	var all []string
	for _, b := range boxes {
		all = append(all, b.S)
	}
	joined := strings.Join(all, " ")
	st := s.Status()
	want := []string{
		"W1 = [1 0; −1 0; 0 1; 0 −1]   b1 = 0",
		"designed: 1 ≤ |x1|+|x2| ≤ 2",
		fmt.Sprintf("IoU %.3f", st["iou"]),
		fmt.Sprintf("of 3000 points: %d missed (orange), %d extra (purple)", s.NMissed, s.NExtra),
		fmt.Sprintf("best IoU %.3f", st["bestIoU"]),
		"learned 2→8→8→1, circle labels",
		"accuracy: train ",
		"loss: train ",
		"update 0 · epoch 0 · seed 1 · 0 samples/s",
	}
	for i, tp := range SeedTests {
		want = append(want, fmt.Sprintf("%d (%g, %g)", i+1, tp.X1, tp.X2), fmt.Sprintf("z = %.2f", s.Net.Score(tp.X1, tp.X2)))
	}
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("no text %q among the list's texts:\n%s", w, joined)
		}
	}
	// One verdict a test point, in its colour, as Status says; one number
	// a test point.
	verdicts, marks := "", 0
	for i := range s.list.Ops {
		o := &s.list.Ops[i]
		if o.Kind != paint.KText {
			continue
		}
		switch {
		case o.S == "in" && o.C == paint.Good && o.Font == paint.Bold:
			verdicts += "T"
		case o.S == "out" && o.C == paint.Bad && o.Font == paint.Bold:
			verdicts += "F"
		case len(o.S) == 1 && o.S >= "1" && o.S <= "7" && o.Align == paint.Center && o.Y0 < s.PlotL.Bottom():
			marks++ // (the x ticks' labels are under the plots)
		}
	}
	if verdicts != st["testVerdicts"] || marks != len(SeedTests) {
		t.Errorf("verdicts %q (status %v), %d numbers, want %d", verdicts, st["testVerdicts"], marks, len(SeedTests))
	}
	// Both plots have their axes: −2 … 2 under each and beside each.
	ticks := 0
	for i := range s.list.Ops {
		if o := &s.list.Ops[i]; o.Kind == paint.KText && (o.S == "−2" || o.S == "-2") {
			ticks++
		}
	}
	if ticks != 4 {
		t.Errorf("%d tick labels −2, want 4 (x and y of both plots)", ticks)
	}
}

// No two texts of the list overlap in the page's areas of a 1024×640 and
// a 1280×800 window, as designed, with the best-IoU radii and after
// single steps (the chart of the learned figures showing a history, its
// legend beside its title), measured
// with the page's Go fonts, except the weight matrices' lines: they are
// MatrixLineH = 15 apart, less than the small font's line height (15.6),
// so their line boxes overlap by 0.6 px (their glyphs do not). (With
// paint.Measure's approximation, wider than the Go fonts' digits, the
// seed's two columns of test points would overlap at 1024×640 too.) Not
// parallel: it swaps the measures.
func TestSceneListTextsApart(t *testing.T) {
	measure := painttest.GoFonts(t)
	oldPaint, oldUI := paint.Measure, ui.Measure
	paint.Measure = measure
	ui.Measure = func(s string, size float64) float64 { return measure(s, size, paint.Regular) }
	defer func() { paint.Measure, ui.Measure = oldPaint, oldUI }()

	for _, win := range [][2]float64{{1024, 640}, {1280, 800}, {painttest.PhoneW, 844}, {768, 1024}, {844, 390}} {
		// (steps: single steps taken, three runs of them, so that the
		// chart has a history and the steps' labels are wider.)
		for _, opts := range []map[string]string{{}, {"optimal": "1"}, {"steps": "4000"}} {
			s := NewScene()
			steps, _ := strconv.Atoi(opts["steps"])
			delete(opts, "steps")
			if errs := s.Set(opts); len(errs) > 0 {
				t.Fatal(errs)
			}
			area := painttest.Window(t, win[0], win[1])
			s.Update(&ui.Tick{In: &ui.Input{}, Area: area, Scale: 1})
			for range 3 {
				if steps > 0 {
					s.Step(steps)
					s.Update(&ui.Tick{In: &ui.Input{}, Area: area, Scale: 1})
				}
			}
			if !s.chart.legend {
				t.Errorf("%v×%v: the chart's legend does not fit beside its title", win[0], win[1])
			}
			matrix := map[string]bool{}
			for _, o := range s.DesignTexts()[:5] {
				matrix[o.S] = true
			}
			if ui.Paged {
				for _, w := range painttest.SmallTargets(s.List()) {
					t.Errorf("%v: %s is smaller than a finger", win, w)
				}
			}
			boxes := s.List().Texts(nil)
			for i, a := range boxes {
				for _, b := range boxes[i+1:] {
					if matrix[a.S] && matrix[b.S] && a.R.Bottom()-b.R.Y <= ui.LineHeight(ui.SmallSize)-MatrixLineH+1e-9 {
						continue // the known 0.6 px
					}
					if overlap(a.R, b.R) {
						t.Errorf("%v×%v %v: %q %v overlaps %q %v", win[0], win[1], opts, a.S, a.R, b.S, b.R)
					}
				}
				if !inside(a.R, painttest.Page(area, s)) {
					t.Errorf("%v×%v %v: %q %v outside the area %v", win[0], win[1], opts, a.S, a.R, area)
				}
			}
		}
	}
}

func overlap(a, b ui.Rect) bool { return a.Overlaps(b) }

func inside(a, b ui.Rect) bool { return a.Within(b) }

// The list draws what the page drew: the panels and widgets, both
// rasters, the world lines aliased through viewports in device pixels
// (the kinks only when switched on), the seed's points, the borders and,
// over a plot, the pointer's figures last.
func TestSceneList(t *testing.T) {
	t.Parallel()
	s := NewScene()
	in := &ui.Input{}
	tk := tick(in, 0)
	tk.Scale = 2
	s.Update(tk)
	kinds := map[paint.Kind]int{}
	for _, o := range s.List().Ops {
		kinds[o.Kind]++
		if (o.Kind == paint.KSegs || o.Kind == paint.KDots) && !o.Aliased {
			t.Errorf("op %v not aliased", o.Kind)
		}
	}
	// (The chart under the learned figures has a border, a line and a
	// dot for each series.)
	if kinds[paint.KPanel] != 3 || kinds[paint.KWidget] != 15 || kinds[paint.KRaster] != 2 || kinds[paint.KStroke] != 3 ||
		kinds[paint.KSegs] != 4 || kinds[paint.KDots] != 5 || kinds[paint.KLines] != 2 || kinds[paint.KRound] != 0 {
		t.Errorf("ops by kind %v", kinds)
	}
	// The viewport is in device pixels: Plane's corner (−2.5, 2.5) at the
	// plot's top left, times the scale.
	for _, o := range s.list.Ops {
		if o.Kind == paint.KSegs {
			x, y := o.VP.ToPixel(Plane.X0, Plane.Y1)
			if x != 2*s.PlotL.X && x != 2*s.PlotR.X || y != 2*s.PlotL.Y {
				t.Errorf("segments' viewport puts (−2.5, 2.5) at (%v, %v), want 2× the plot's corner", x, y)
			}
		}
		if o.Kind == paint.KRaster && o.Raster != &s.Left && o.Raster != &s.Right {
			t.Errorf("raster op shows %p, not the scene's", o.Raster)
		}
	}
	var dots []plot.Point
	for _, o := range s.list.Ops {
		if o.Kind == paint.KDots && o.C != paint.Card && o.VP.World == Plane {
			dots = append(dots, o.Dots...)
		}
	}
	if len(dots) != len(SeedTests) {
		t.Errorf("%d coloured seed points, want %d", len(dots), len(SeedTests))
	}

	s.Set(map[string]string{"kinks1": "1", "kinks2": "1"})
	in.X, in.Y, in.Pointer = s.PlotL.X+10, s.PlotL.Y+10, true
	s.Update(tk)
	l := s.List()
	n := 0
	for _, o := range l.Ops {
		if o.Kind == paint.KSegs {
			n++
		}
	}
	// The designed net's kinks per unit, the learned net's per layer.
	if n != 4+len(s.Kinks)+2 {
		t.Errorf("%d segment ops with both kink layers on, want %d", n, 4+len(s.Kinks)+2)
	}
	text, box, _ := s.Hover()
	last, tip := l.Ops[len(l.Ops)-1], l.Ops[len(l.Ops)-2]
	if last.Kind != paint.KText || last.S != text || last.Font != paint.Mono || tip.Kind != paint.KRound || tip.R != box {
		t.Errorf("hover: last ops %+v, %+v", tip, last)
	}
}
