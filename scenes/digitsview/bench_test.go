package digitsview

import (
	"image"
	"math/rand/v2"
	"testing"

	"digitlab/kit/paint"
	"digitlab/kit/ui"
	"digitlab/nn"
)

// BenchmarkWeights measures one refresh of the Weights view: copying the
// first layer's weights out and rendering them into a 680×440 panel.
func BenchmarkWeights(b *testing.B) {
	for _, name := range []string{"linear", "mlp10", "cnn", "best"} {
		b.Run(name, func(b *testing.B) {
			m, err := nn.NewPreset(name, rand.New(rand.NewPCG(1, 1)))
			if err != nil {
				b.Fatal(err)
			}
			img := image.NewRGBA(image.Rect(0, 0, 680, 440))
			b.ReportAllocs()
			for b.Loop() {
				w, _ := FirstLayer(m)
				w.Render(img, Grid(img.Rect, len(w.Maps), w.Maps[0].W, w.Maps[0].H, 6))
			}
		})
	}
}

// BenchmarkCharts measures laying out both charts with 400-point series.
func BenchmarkCharts(b *testing.B) {
	var r Recorder
	r.Max = 400
	r.Reset()
	for s := range 20000 {
		r.Add(s, 1/float64(s+1), 1-1/float64(s+2))
	}
	c := Curves{Classes: 10, TrainStep: r.Step, TrainLoss: r.Loss, TrainAcc: r.Acc,
		TestStep: []float64{0, 5000, 10000, 15000}, TestLoss: []float64{2.3, 0.3, 0.2, 0.1}, TestAcc: []float64{0.1, 0.9, 0.95, 0.97}}
	b.ReportAllocs()
	for b.Loop() {
		l, a := c.LossChart(), c.AccChart()
		l.LineChart.Layout()
		a.LineChart.Layout()
	}
}

// BenchmarkInside measures what the Inside view does when the image or
// the weights change: computing every layer's output (Compute) and
// painting the view at 800×560 (rendering every feature map), and a
// plain forward pass (Predict) as the baseline in the same run.
func BenchmarkInside(b *testing.B) {
	for _, name := range []string{"vanilla", "cnn", "best"} {
		m, err := nn.NewPreset(name, rand.New(rand.NewPCG(1, 1)))
		if err != nil {
			b.Fatal(err)
		}
		x := make([]float32, m.In.Size())
		for i := range x {
			x[i] = float32(i%9) / 8
		}
		b.Run(name+"/predict", func(b *testing.B) {
			var p []float32
			for b.Loop() {
				p = m.Predict(p, x)
			}
		})
		b.Run(name+"/compute", func(b *testing.B) {
			var in Inside
			b.ReportAllocs()
			for b.Loop() {
				if err := in.Compute(m, x); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/compute+paint", func(b *testing.B) {
			var in Inside
			var v InsideView
			var l paint.List
			b.ReportAllocs()
			for b.Loop() {
				if err := in.Compute(m, x); err != nil {
					b.Fatal(err)
				}
				v.Layout(ui.Rect{W: 800, H: 560}, &in)
				l.Reset()
				v.Paint(&l, &in, NoUnit, NoUnit)
			}
		})
	}
}
