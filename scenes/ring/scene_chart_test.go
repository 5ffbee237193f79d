package ring

import (
	"slices"
	"strings"
	"testing"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// TestRecord: a point at the step of the last one replaces it, one at an
// earlier step starts the history again, and a full history is halved,
// still spanning the run.
func TestRecord(t *testing.T) {
	t.Parallel()
	pts := func(steps ...int) []RegionPoint {
		var h []RegionPoint
		for _, s := range steps {
			h = append(h, RegionPoint{s, 10 + s})
		}
		return h
	}
	for _, tc := range []struct {
		desc string
		h    []RegionPoint
		p    RegionPoint
		want []RegionPoint
	}{
		{"the first point", nil, RegionPoint{0, 7}, []RegionPoint{{0, 7}}},
		{"a later step", pts(0, 5), RegionPoint{9, 1}, append(pts(0, 5), RegionPoint{9, 1})},
		{"the same step", pts(0, 5), RegionPoint{5, 1}, []RegionPoint{{0, 10}, {5, 1}}},
		{"an earlier step: a new run", pts(0, 5), RegionPoint{0, 3}, []RegionPoint{{0, 3}}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			if got := record(slices.Clone(tc.h), tc.p); !slices.Equal(got, tc.want) {
				t.Errorf("record(%v, %v) = %v, want %v", tc.h, tc.p, got, tc.want)
			}
		})
	}
	var h []AccPoint
	for s := range maxHistory + 1 {
		h = record(h, AccPoint{s, float64(s)})
	}
	if len(h) != maxHistory/2+1 || h[0].Step != 1 || h[len(h)-2].Step != maxHistory-1 || h[len(h)-1].Step != maxHistory {
		t.Errorf("a full history after one more point: %d points, %v … %v", len(h), h[:2], h[len(h)-2:])
	}
}

// The chart under the learned figures draws the histories: a line
// through every recorded region count and one through every held-out
// accuracy, each with a dot at its latest point, at their steps; it has
// its title, its x axis's name, a legend and the ticks of both scales,
// all inside the chart's rectangle; Status gives the same histories.
func TestHistoryChart(t *testing.T) {
	t.Parallel()
	s, in := newScene(t)
	for i := range 6 {
		s.Step(40)
		frame(s, in, 0, func(*ui.Input) {})
		if len(s.Regions.History) != i+2 || len(s.AccHistory) != i+2 {
			t.Fatalf("after %d single-step runs: %d region counts, %d accuracies", i+1, len(s.Regions.History), len(s.AccHistory))
		}
	}
	l := s.List()
	var reg, acc []plot.Point
	var dots int
	for i := range l.Ops {
		o := &l.Ops[i]
		switch {
		case o.Kind == paint.KLines && o.C == colRegions:
			for _, pl := range o.Lines {
				reg = append(reg, pl...)
			}
		case o.Kind == paint.KLines && o.C == colAcc:
			for _, pl := range o.Lines {
				acc = append(acc, pl...)
			}
		case o.Kind == paint.KDots && o.VP.World != Plane:
			dots++
		}
	}
	h, a := s.Regions.History, s.AccHistory
	if len(reg) != len(h) || len(acc) != len(a) || dots != 2 {
		t.Fatalf("the chart draws %d region counts (history %d), %d accuracies (history %d), %d dots (want 2)", len(reg), len(h), len(acc), len(a), dots)
	}
	for i, p := range h {
		if reg[i] != (plot.Point{X: float64(p.Step), Y: float64(p.Count)}) {
			t.Errorf("region point %d at %v, the history's %v", i, reg[i], p)
		}
	}
	for i, p := range a {
		if acc[i] != (plot.Point{X: float64(p.Step), Y: p.Acc}) {
			t.Errorf("accuracy point %d at %v, the history's %v", i, acc[i], p)
		}
	}
	if last := h[len(h)-1].Step; last != s.tr.Steps() || last != 240 {
		t.Errorf("the last count at step %d, the trainer at %d, want 240", last, s.tr.Steps())
	}
	c := &s.chart
	if c.Regions.World.X0 != 0 || c.Regions.World.X1 != 240 || c.Acc.World.X1 != 240 {
		t.Errorf("step axes %v and %v, want 0 to 240 both", c.Regions.World, c.Acc.World)
	}

	// Labelled: title, x axis, legend, the counts' ticks and the
	// accuracy's; every text touching the chart lies inside it.
	boxes := l.Texts(nil)
	want := []string{ChartTitle, ChartXTitle, ChartRegions, ChartAcc, "50%", "100%"}
	for _, tk := range c.Regions.XTicks {
		want = append(want, tk.Label)
	}
	for _, tk := range c.Regions.YTicks {
		want = append(want, tk.Label)
	}
	if len(c.Regions.XTicks) < 2 || len(c.Regions.YTicks) < 2 {
		t.Errorf("x ticks %v, y ticks %v: want at least two each", c.Regions.XTicks, c.Regions.YTicks)
	}
	for _, w := range want {
		if !slices.ContainsFunc(boxes, func(b paint.TextBox) bool { return b.S == w && overlap(b.R, s.ChartR) }) {
			t.Errorf("no text %q on the chart %v", w, s.ChartR)
		}
	}
	for _, b := range boxes {
		if overlap(b.R, s.ChartR) && !inside(b.R, s.ChartR) {
			t.Errorf("text %q %v sticks out of the chart %v", b.S, b.R, s.ChartR)
		}
	}

	st := s.Status()
	sh, sa := st["learnedRegionHistory"].([]any), st["learnedAccuracyHistory"].([]any)
	if len(sh) != len(h) || len(sa) != len(a) || sa[len(a)-1].([]float64)[1] != s.TestAcc {
		t.Errorf("status histories %v, %v", sh, sa)
	}

	// A long error over the figures pushes their last lines out, not
	// onto the chart.
	s.TrainErr = strings.Repeat("the trainer stopped for a long reason; ", 6)
	s.learnGen++
	for _, o := range s.LearnTexts() {
		if b := o.Box(); b.Bottom() > s.TextR.Bottom()+1e-9 || b.Bottom() > s.ChartR.Y {
			t.Errorf("with an error, the figure %q %v passes the text area %v", o.S, b, s.TextR)
		}
	}
	s.TrainErr = ""

	// A new run starts both histories again.
	s.Reset()
	if len(s.Regions.History) != 1 || len(s.AccHistory) != 1 || s.AccHistory[0].Step != 0 {
		t.Errorf("after Reset: histories %v, %v", s.Regions.History, s.AccHistory)
	}
}
