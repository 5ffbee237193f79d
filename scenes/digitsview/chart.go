package digitsview

import (
	"image/color"
	"math"

	"digitlab/kit/plot"
)

// Recorder keeps the running training curve: (step, loss, accuracy)
// points taken at most every Stride steps. When it holds Max points it
// drops every other one and doubles the stride, so a long run keeps an
// even coverage in bounded memory.
type Recorder struct {
	Step, Loss, Acc []float64
	Stride          int // steps between points (starts at 1)
	Max             int // most points kept (0 means 1024)
	last            int
}

// Reset empties the recorder.
func (r *Recorder) Reset() {
	r.Step, r.Loss, r.Acc = r.Step[:0], r.Loss[:0], r.Acc[:0]
	r.Stride, r.last = 1, -1
}

// Add records (step, loss, acc) if at least Stride steps passed since the
// last point (the first point is always taken). NaN and ±Inf are kept:
// the charts break the line there.
func (r *Recorder) Add(step int, loss, acc float64) {
	if r.Stride < 1 {
		r.Stride, r.last = 1, -1
	}
	if len(r.Step) > 0 && step < r.last+r.Stride {
		return
	}
	mx := r.Max
	if mx <= 0 {
		mx = 1024
	}
	if len(r.Step) >= mx {
		r.Step, r.Loss, r.Acc = halve(r.Step), halve(r.Loss), halve(r.Acc)
		r.Stride *= 2
	}
	r.Step = append(r.Step, float64(step))
	r.Loss = append(r.Loss, loss)
	r.Acc = append(r.Acc, acc)
	r.last = step
}

// halve keeps the even-indexed entries of v, in place.
func halve(v []float64) []float64 {
	n := 0
	for i := 0; i < len(v); i += 2 {
		v[n] = v[i]
		n++
	}
	return v[:n]
}

// Curves are the data of the two charts: the running training figures
// and the periodic test figures, against optimiser steps.
type Curves struct {
	TrainStep, TrainLoss, TrainAcc []float64
	TestStep, TestLoss, TestAcc    []float64
	Classes                        int // 2 or 10: the dummy baselines
}

// Chart is a chart ready to lay out: the plot model, the y value of the
// dashed dummy-baseline line, and the axis titles.
type Chart struct {
	plot.LineChart
	Baseline       float64
	BaselineLabel  string
	XTitle, YTitle string
	NoDots         bool // the second series has no dots at its points
	NoPanel        bool // the card is drawn elsewhere (the chrome)
	// Styles, when not nil, give each series' line width and whether its
	// points are dots (else the first is a 1.6 px line, the second a 2 px
	// line with dots); a series without a Name has no legend entry, and
	// Note is written at the left of the legend.
	Styles []SeriesStyle
	Note   string
}

// SeriesStyle is how a chart draws one series.
type SeriesStyle struct {
	Width float64
	Dots  bool
}

// Colours of the series (the theme's accent colours: train blue, test
// orange) and of the baseline.
var (
	TrainColor    = color.RGBA{0x2b, 0x6c, 0xdc, 0xff}
	TestColor     = color.RGBA{0xe0, 0x71, 0x24, 0xff}
	BaselineColor = color.RGBA{0x5d, 0x66, 0x78, 0xff}
)

// maxFinite returns the largest finite value of the slices, or NaN.
func maxFinite(vs ...[]float64) float64 {
	m := math.NaN()
	for _, v := range vs {
		for _, x := range v {
			if !math.IsNaN(x) && !math.IsInf(x, 0) && !(x <= m) {
				m = x
			}
		}
	}
	return m
}

// xRange is [0, NiceCeil(last step)] (at least [0, 10]), so both charts
// share their x axis and the axis changes only now and then while the
// curves grow into it.
func (c Curves) xRange() plot.Norm {
	hi := maxFinite(c.TrainStep, c.TestStep)
	if math.IsNaN(hi) {
		hi = 0
	}
	return plot.Norm{Min: 0, Max: NiceCeil(math.Max(10, hi))}
}

// niceSteps are the mantissas NiceCeil rounds up to.
var niceSteps = []float64{1, 1.2, 1.5, 1.8, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10}

// NiceCeil returns the smallest m·10^k ≥ v with m in 1, 1.2, 1.5, 1.8, 2, 2.5,
// 3, 3.5, 4, 5, 6, 7, 8 (so a value fills at least 80% of the range). v ≤ 0 or
// not finite gives 1.
func NiceCeil(v float64) float64 {
	if !(v > 0) || math.IsInf(v, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range niceSteps {
		if x := m * p; x >= v*(1-1e-12) {
			return x
		}
	}
	return 10 * p
}

// LossChart is the mean cross-entropy against steps: the running training
// loss, the test loss, and the fifty-fifty baseline log k. The y axis runs
// from 0 to just above the data, but at most 3·log k (a diverging loss is
// clipped at the top rather than squashing the curve; NaN and ±Inf leave
// gaps), and always shows the baseline.
func (c Curves) LossChart() Chart {
	base := Baseline(c.Classes)
	top := maxFinite(c.TrainLoss, c.TestLoss) * 1.05
	if math.IsNaN(top) {
		top = 1.2 * base
	}
	top = math.Min(math.Max(top, 1.1*base), 3*base)
	return Chart{
		LineChart: plot.LineChart{
			Series: []plot.Series{
				{Name: "train (running)", X: c.TrainStep, Y: c.TrainLoss, Color: TrainColor},
				{Name: "test", X: c.TestStep, Y: c.TestLoss, Color: TestColor},
			},
			XFixed: c.xRange(), YFixed: plot.Norm{Min: 0, Max: top},
		},
		Baseline: base, BaselineLabel: guessLabel(c.Classes),
		XTitle: "optimiser steps", YTitle: "loss",
	}
}

// AccChart is the accuracy against steps with the chance line 1/k. The y
// axis spans the data and the chance level up to 1.
func (c Curves) AccChart() Chart {
	ch := Chance(c.Classes)
	return Chart{
		LineChart: plot.LineChart{
			Series: []plot.Series{
				{Name: "train (running)", X: c.TrainStep, Y: c.TrainAcc, Color: TrainColor},
				{Name: "test", X: c.TestStep, Y: c.TestAcc, Color: TestColor},
			},
			XFixed: c.xRange(), YFixed: plot.Norm{Min: math.Min(ch, accLow(c)), Max: 1},
		},
		Baseline: ch, BaselineLabel: "chance: 1/" + itoa(c.Classes),
		XTitle: "optimiser steps", YTitle: "accuracy",
	}
}

// accLow is the lowest finite accuracy, rounded down to a tenth (1 if none).
func accLow(c Curves) float64 {
	lo := 1.0
	for _, v := range [][]float64{c.TrainAcc, c.TestAcc} {
		for _, x := range v {
			if x >= 0 && x < lo {
				lo = x
			}
		}
	}
	return math.Floor(lo*10) / 10
}

func itoa(k int) string {
	if k >= 0 && k < 10 {
		return string(rune('0' + k))
	}
	return string(rune('0'+k/10)) + string(rune('0'+k%10))
}

// Clip returns the part of each polyline segment inside w, for drawing a
// chart whose fixed range cuts off data (a clipped diverging loss).
func Clip(line []plot.Point, w plot.Rect) []plot.Segment {
	var out []plot.Segment
	for i := 1; i < len(line); i++ {
		s := plot.Segment{X0: line[i-1].X, Y0: line[i-1].Y, X1: line[i].X, Y1: line[i].Y}
		if c, ok := plot.ClipSegment(s, w); ok {
			out = append(out, c)
		}
	}
	return out
}

// guessLabel names the loss of guessing every class equally likely: a
// 50/50 guess for two classes, a uniform one for more.
func guessLabel(classes int) string {
	if classes == 2 {
		return "50/50 guess: log 2"
	}
	return "uniform guess: log " + itoa(classes)
}
