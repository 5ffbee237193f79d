package ring

import (
	"fmt"
	"testing"
)

// BenchmarkRun: one update of the default batch (8 samples) per op, per
// architecture. Report samples/s for the page's budget.
func BenchmarkRun(b *testing.B) {
	for _, a := range Archs {
		b.Run(a.String(), func(b *testing.B) {
			c := DefaultLearn()
			c.Arch = a
			tr, err := NewTrainer(c)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				tr.Run(1)
			}
			b.ReportMetric(float64(b.N*c.Batch)/b.Elapsed().Seconds(), "samples/s")
		})
	}
}

// BenchmarkEval: the page's periodic evaluation of 1000 training and 1000
// held-out points.
func BenchmarkEval(b *testing.B) {
	tr, _ := NewTrainer(DefaultLearn())
	for b.Loop() {
		tr.Eval(false)
		tr.Eval(true)
	}
}

// BenchmarkGrid: n×n logits, as the page samples the learned heatmap and
// its region measures.
func BenchmarkGrid(b *testing.B) {
	tr, _ := NewTrainer(DefaultLearn())
	for _, n := range []int{81, 97} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				for i := range n * n {
					tr.Logit(float64(i%n)/float64(n), float64(i/n)/float64(n))
				}
			}
		})
	}
}

// BenchmarkBestIoU: the search the page runs whenever a or b moves.
func BenchmarkBestIoU(b *testing.B) {
	for b.Loop() {
		BestIoU(1, 2)
	}
}
