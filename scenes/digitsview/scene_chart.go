package digitsview

import (
	"slices"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
	"digitlab/train"
)

// curves collects the chart data: the recorder's running figures and the
// session's test points.
func (s *Scene) curves() Curves {
	sn := s.Snap
	c := Curves{Classes: sn.Config.Classes(), TrainStep: sn.CurveStep, TrainLoss: sn.CurveLoss, TrainAcc: sn.CurveAcc}
	if s.Built() {
		s.testStep, s.testLoss, s.testAcc = appendTestPoints(s.testStep[:0], s.testLoss[:0], s.testAcc[:0], sn.History, false)
		c.TestStep, c.TestLoss, c.TestAcc = s.testStep, s.testLoss, s.testAcc
	}
	return c
}

// appendTestPoints appends each history point's test figures to loss and
// acc, and its step (bySamples: the training samples seen) to x.
func appendTestPoints(x, loss, acc []float64, h []train.Point, bySamples bool) ([]float64, []float64, []float64) {
	for _, p := range h {
		v := float64(p.Step)
		if bySamples {
			v = float64(p.Samples)
		}
		x, loss, acc = append(x, v), append(loss, p.TestLoss), append(acc, p.TestAcc)
	}
	return x, loss, acc
}

// ChartView is one laid-out chart: the model, its layout and where it goes.
type ChartView struct {
	Panel ui.Rect // the white card
	Plot  ui.Rect // the plotting area inside the axes
	Title string
	Chart Chart
	Lay   plot.ChartLayout
}

// LayoutChart computes the chart's geometry in panel (logical pixels).
func LayoutChart(panel ui.Rect, title string, ch Chart) ChartView {
	in := ui.PanelContent(panel, title)
	_, in = in.CutLeft(44, 0)   // y tick labels
	_, in = in.CutBottom(34, 0) // x tick labels and the x title
	in, _ = in.CutTop(in.H, 0)  // (keeps the rest)
	_, in = in.CutTop(16, 2)    // legend line
	in, _ = in.CutRight(in.W-8, 0)
	return ChartView{Panel: panel, Plot: in, Title: title, Chart: ch, Lay: ch.LineChart.Layout()}
}

// sameFrame reports whether the charts' frames (card, grid, ticks,
// baseline, legend, the "no data" note) look the same.
func (cv *ChartView) sameFrame(o *ChartView) bool {
	a, b := &cv.Lay, &o.Lay
	return cv.Panel == o.Panel && cv.Plot == o.Plot && cv.Title == o.Title && a.World == b.World &&
		slices.Equal(a.XTicks, b.XTicks) && slices.Equal(a.YTicks, b.YTicks) &&
		cv.Chart.Baseline == o.Chart.Baseline && cv.Chart.BaselineLabel == o.Chart.BaselineLabel && a.Empty == b.Empty
}
