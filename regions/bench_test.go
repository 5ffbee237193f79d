package regions

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"digitlab/kit/plot"
)

// Benchmarks run in the landscape scene's home view [-2,2]², on nets with
// the seed's init.

func benchNet(L, W int) *Net {
	widths := make([]int, L)
	for l := range widths {
		widths[l] = W
	}
	return Random(widths, 0, SeedInit, rand.New(rand.NewPCG(1, uint64(100*L+W))))
}

// BenchmarkEnumerate enumerates depth 1–3 × widths 8/16/32 again and again
// on one Enumerator, reporting the regions found and the time per unit of
// Step work (to size a frame's budget).
func BenchmarkEnumerate(b *testing.B) {
	for L := 1; L <= MaxLayers; L++ {
		for _, W := range []int{8, 16, 32} {
			b.Run(fmt.Sprintf("L%dxW%d", L, W), func(b *testing.B) {
				nt := benchNet(L, W)
				e := Enumerate(nt, square2)
				b.ReportAllocs()
				for b.Loop() {
					e.Reset(nt, square2)
					for !e.Step(1 << 30) {
					}
				}
				b.ReportMetric(float64(e.Count()), "regions/op")
				b.ReportMetric(float64(e.Work()), "work/op")
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(e.Work()), "ns/work")
			})
		}
	}
}

// BenchmarkStep spreads depth 2 × 16,16 and depth 3 × 32 over Steps of a
// fixed budget, as a page would over frames, and reports the slowest
// Step seen.
func BenchmarkStep(b *testing.B) {
	for _, c := range []struct{ L, W, budget int }{{2, 16, 2000}, {3, 32, 2000}} {
		b.Run(fmt.Sprintf("L%dxW%d/budget%d", c.L, c.W, c.budget), func(b *testing.B) {
			nt := benchNet(c.L, c.W)
			e := Enumerate(nt, square2)
			var slowest time.Duration
			steps := 0
			for b.Loop() {
				e.Reset(nt, square2)
				for done := false; !done; steps++ {
					t0 := time.Now()
					done = e.Step(c.budget)
					slowest = max(slowest, time.Since(t0))
				}
			}
			b.ReportMetric(float64(slowest.Microseconds())/1000, "max-ms/step")
			b.ReportMetric(float64(steps)/float64(b.N), "steps/op")
		})
	}
}

func BenchmarkRestrict(b *testing.B) {
	for _, c := range []struct{ L, W int }{{1, 32}, {2, 16}, {3, 32}} {
		b.Run(fmt.Sprintf("L%dxW%d", c.L, c.W), func(b *testing.B) {
			nt := benchNet(c.L, c.W)
			var res Restriction
			p0, p1 := plot.Point{X: -2, Y: -1.7}, plot.Point{X: 2, Y: 1.9}
			b.ReportAllocs()
			for b.Loop() {
				nt.RestrictTo(&res, p0, p1)
			}
			b.ReportMetric(float64(res.Segments()), "segments/op")
		})
	}
}

func BenchmarkHover(b *testing.B) {
	e := Enumerate(benchNet(3, 32), square2)
	r := rand.New(rand.NewPCG(2, 2))
	b.ReportAllocs()
	for b.Loop() {
		e.Hover(4*r.Float64()-2, 4*r.Float64()-2)
	}
	b.ReportMetric(float64(e.Count()), "regions")
}
