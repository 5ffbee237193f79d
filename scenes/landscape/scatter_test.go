package landscape

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"digitlab/kit/paint"
	"digitlab/kit/plot"
	"digitlab/regions"
)

// rngFor is the generator the scene draws seed's weights from.
func rngFor(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 2026)) }

// countAll steps until the deep count, if any, is done.
func (f *frame) countAll(t *testing.T) {
	t.Helper()
	f.step()
	for i := 0; f.s.Deep() && f.s.Pieces < 0; i++ {
		if i > 1000 {
			t.Fatal("the count does not end")
		}
		f.step()
	}
}

// TestPiecesByNeurons: each architecture counted to completion is
// recorded once, with its latest count, the most recent last; a deep net
// is recorded when its count ends, not before; status() gives the record
// as [neurons, pieces] pairs; the plot shows a dot per architecture at
// (neurons, pieces), the one shown highlighted, under the shallow bound
// and n²/2 drawn through every n, with its title, legend and axes.
func TestPiecesByNeurons(t *testing.T) {
	t.Parallel()
	f := newFrame(t, 1) // the seed's example: 3 units, 7 pieces
	for _, o := range []map[string]string{{"n": "8"}, {"layers": "4,4"}, {"n": "5"}} {
		f.s.Set(o)
		f.countAll(t)
	}
	n8 := f.s.ArchCounts[1].Pieces
	f.s.Set(map[string]string{"layers": "16,16", "seed": "5"})
	f.step()
	if f.s.Pieces >= 0 || len(f.s.ArchCounts) != 4 {
		t.Fatalf("while 16,16 is counted: pieces %d, %d architectures recorded, want 4", f.s.Pieces, len(f.s.ArchCounts))
	}
	f.countAll(t)
	p16 := f.s.Pieces
	f.s.Set(map[string]string{"n": "8", "seed": "9"}) // again, other weights: the latest count wins
	f.countAll(t)
	f.s.Set(map[string]string{"layers": "16,16", "seed": "5"})
	f.countAll(t)

	want := []ArchCount{
		{Widths: [3]int{3}, Neurons: 3, Pieces: 7},
		{Widths: [3]int{4, 4}, Neurons: 8, Pieces: regions.Enumerate(regions.Random([]int{4, 4}, 0, regions.SeedInit, rngFor(1)), f.world()).Count()},
		{Widths: [3]int{5}, Neurons: 5, Pieces: Random(5, rngFor(1)).Pieces(f.world())},
		{Widths: [3]int{8}, Neurons: 8, Pieces: Random(8, rngFor(9)).Pieces(f.world())},
		{Widths: [3]int{16, 16}, Neurons: 32, Pieces: p16},
	}
	if !reflect.DeepEqual(f.s.ArchCounts, want) {
		t.Errorf("record %v, want %v", f.s.ArchCounts, want)
	}
	if want[3].Pieces == n8 {
		t.Logf("(8 units with seeds 1 and 9 happen to have as many pieces, %d)", n8)
	}
	st := f.s.Status()["piecesByNeurons"].([]any)
	if len(st) != len(want) {
		t.Fatalf("status piecesByNeurons %v", st)
	}
	for i, a := range want {
		if got := st[i].([]float64); !slices.Equal(got, []float64{float64(a.Neurons), float64(a.Pieces)}) {
			t.Errorf("piecesByNeurons[%d] = %v, want [%d %d]", i, got, a.Neurons, a.Pieces)
		}
	}

	// The plot: a dot per architecture, the one shown ringed, the curves
	// through n = 1 … 32 (the most neurons).
	sc, l := &f.s.Scatter, &f.s.List
	var dots, now []plot.Point
	var shallow, half [][]plot.Point
	for i := range l.Ops {
		o := &l.Ops[i]
		switch {
		case o.Kind == paint.KDots && o.C == colCounted:
			dots = append(dots, o.Dots...)
		case o.Kind == paint.KDots && o.C == colNow:
			now = append(now, o.Dots...)
		case o.Kind == paint.KLines && o.C == colShallow && o.VP == sc.VP:
			shallow = o.Lines
		case o.Kind == paint.KLines && o.C == colHalf && o.VP == sc.VP:
			half = o.Lines
		}
	}
	if len(dots) != len(want) || len(now) != 1 || now[0] != (plot.Point{X: 32, Y: float64(p16)}) {
		t.Fatalf("%d dots (want %d), highlighted %v (want (32, %d))", len(dots), len(want), now, p16)
	}
	for i, a := range want {
		if dots[i] != (plot.Point{X: float64(a.Neurons), Y: float64(a.Pieces)}) {
			t.Errorf("dot %d at %v, want (%d, %d)", i, dots[i], a.Neurons, a.Pieces)
		}
	}
	if len(shallow) != 1 || len(half) != 1 || len(shallow[0]) != 32 || len(half[0]) != 32 {
		t.Fatalf("curves %d and %d polylines", len(shallow), len(half))
	}
	for k, p := range shallow[0] {
		n := k + 1
		if p != (plot.Point{X: float64(n), Y: float64(regions.ShallowBound(n))}) || half[0][k] != (plot.Point{X: float64(n), Y: float64(n*n) / 2}) {
			t.Errorf("at n = %d the curves pass %v and %v", n, p, half[0][k])
		}
	}
	if w := sc.Lay.World; w.X0 != 0 || w.X1 < 32 || w.Y0 != 0 || w.Y1 < float64(max(p16, regions.ShallowBound(32))) {
		t.Errorf("the plot's world %v does not hold the points and the curves", w)
	}
	tb := texts(f.s)
	for _, s := range []string{ScatterTitle, ScatterShallow, ScatterHalf, ScatterNow, ScatterXTitle, ScatterYTitle} {
		if !hasText(tb, s) {
			t.Errorf("no text %q on the plot", s)
		}
	}
	for _, tk := range append(slices.Clone(sc.Lay.XTicks), sc.Lay.YTicks...) {
		if !slices.ContainsFunc(tb, func(b paint.TextBox) bool { return b.S == tk.Label && meets(b.R, f.s.Layout.Scatter) }) {
			t.Errorf("no tick label %q on the plot", tk.Label)
		}
	}
	if len(sc.Lay.XTicks) < 3 || len(sc.Lay.YTicks) < 3 {
		t.Errorf("ticks %v and %v, want at least 3 on each axis", sc.Lay.XTicks, sc.Lay.YTicks)
	}
}

// The record keeps at most MaxArchCounts architectures, dropping the one
// counted longest ago; counting one again moves it to the end.
func TestArchCountsBounded(t *testing.T) {
	t.Parallel()
	s := NewScene()
	for i := range MaxArchCounts + 6 {
		s.Layers, s.Pieces = []int{1 + i%32, 1 + i/32}, i
		s.recordCount()
	}
	r := s.ArchCounts
	if len(r) != MaxArchCounts || r[0].Pieces != 6 || r[len(r)-1].Pieces != MaxArchCounts+5 {
		t.Fatalf("%d recorded, from %v to %v", len(r), r[0], r[len(r)-1])
	}
	s.Layers, s.Pieces = []int{1 + 10%32, 1}, -5 // the architecture of count 10 again
	s.recordCount()
	if len(s.ArchCounts) != MaxArchCounts || s.ArchCounts[len(r)-1].Pieces != -5 ||
		slices.ContainsFunc(s.ArchCounts, func(a ArchCount) bool { return a.Pieces == 10 }) {
		t.Errorf("counting an architecture again: %v", s.ArchCounts)
	}
}

// A steady frame with a record of several architectures, deep and not,
// allocates nothing.
func TestScatterAllocs(t *testing.T) {
	// Not parallel: AllocsPerRun counts every goroutine's allocations.
	f := newFrame(t, 2)
	for _, o := range []map[string]string{{"n": "12"}, {"layers": "6,6,6"}, {"layers": "8,8"}} {
		f.s.Set(o)
		f.countAll(t)
	}
	f.at(0.2, 0.1)
	f.step()
	f.step()
	if n := testing.AllocsPerRun(50, f.step); n != 0 || len(f.s.Scatter.Dots) != 4 {
		t.Errorf("%v allocations per steady Update with %d dots, want 0 with 4", n, len(f.s.Scatter.Dots))
	}
}
