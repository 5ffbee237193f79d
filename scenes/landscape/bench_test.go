package landscape

import (
	"image"
	"math/rand/v2"
	"testing"

	"digitlab/kit/plot"
)

// The Landscape scene's work when the network or the view changes: the
// heatmap at 600×600 device pixels, the 161×161 grid for level curves, the
// curves themselves and the exact piece count.
func BenchmarkSceneRecompute(b *testing.B) {
	for _, n := range []int{3, 12, 32} {
		b.Run("n="+itoa(n), func(b *testing.B) {
			nt := Random(n, rand.New(rand.NewPCG(1, 2)))
			img := image.NewRGBA(image.Rect(0, 0, 600, 600))
			view := plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}
			b.ReportAllocs()
			for b.Loop() {
				g := plot.SampleGrid(view, 161, 161, nt.Eval)
				lo, hi := g.Range()
				nrm := plot.Symmetric(lo, hi)
				plot.Contours(g, plot.NiceLevels(lo, hi, 12))
				nt.RenderHeatmap(img, view, plot.Diverging, nrm)
				nt.Pieces(view)
			}
		})
	}
}

func BenchmarkPieces(b *testing.B) {
	nt := Random(32, rand.New(rand.NewPCG(1, 2)))
	view := plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}
	for b.Loop() {
		nt.Pieces(view)
	}
}

func BenchmarkSurfaceMesh(b *testing.B) {
	nt := Random(32, rand.New(rand.NewPCG(1, 2)))
	view := plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}
	for b.Loop() {
		SurfaceMesh(nt.Eval, view, 49, 49, DefaultCamera)
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
