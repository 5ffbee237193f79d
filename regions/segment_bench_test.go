package regions

import (
	"math/rand/v2"
	"testing"

	"digitlab/nn"
)

// The Segment benchmarks count the pieces of a preset at its initial
// weights (PCG(1,2)) from MNIST's first test 4 to its first test 9,
// reading z (vanilla) or z₉ − z₄ (best), as the Line view does. They
// report the pieces and the time per piece (to size a frame's budget).

func benchmarkSegment(b *testing.B, preset string, fullPass bool) {
	four, nine := mnist49(b)
	m, err := nn.NewPreset(preset, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		b.Fatal(err)
	}
	plus, minus := mnistReadout(m)
	s := NewSegment()
	s.fullPass = fullPass
	count := func() {
		if err := s.Reset(m, four, nine, plus, minus); err != nil {
			b.Fatal(err)
		}
		for !s.Step(1 << 30) {
		}
	}
	count() // the first count allocates the buffers and grows T and F
	b.ReportAllocs()
	for b.Loop() {
		count()
	}
	b.ReportMetric(float64(s.Pieces()), "pieces")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(s.Pieces()), "ns/piece")
}

func BenchmarkSegmentVanilla(b *testing.B) { benchmarkSegment(b, "vanilla", false) }
func BenchmarkSegmentBest(b *testing.B)    { benchmarkSegment(b, "best", false) }

// The FullPass benchmarks recompute every layer at every piece: what the
// cache of the layers before the first event saves.
func BenchmarkSegmentVanillaFullPass(b *testing.B) { benchmarkSegment(b, "vanilla", true) }
func BenchmarkSegmentBestFullPass(b *testing.B)    { benchmarkSegment(b, "best", true) }
