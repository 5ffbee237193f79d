package landscape

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"digitlab/kit/plot"
	"digitlab/regions"
)

// The 2→n→1 net counted two ways: this package's line arrangement
// (Euler's formula, straight chords, one switch per unit along a line) and
// regions' layer-by-layer splitting, which the deep nets use.

func toRegions(nt *Net) *regions.Net {
	return &regions.Net{Widths: []int{nt.N}, W: [][]float64{nt.W1}, B: [][]float64{nt.B1}, WOut: nt.W2, BOut: nt.B2}
}

func TestDepth1AgreesWithRegions(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(2026, 5))
	views := []plot.Rect{HomeView, {X0: -1, Y0: 0.5, X1: 3, Y1: 2}}
	for trial := range 30 {
		n := 1 + trial%12
		nt := Random(n, r)
		view := views[trial%2]
		e := regions.Enumerate(toRegions(nt), view)
		if got, want := e.Count(), nt.Pieces(view); got != want {
			t.Errorf("trial %d (n=%d): regions counts %d, the arrangement %d", trial, n, got, want)
		}
		// Each unit's kink pieces tile its chord across the view.
		for _, k := range nt.Kinks(view) {
			got := 0.0
			for _, p := range e.UnitKinks(0, k.Unit) {
				got += p.Seg.Len()
			}
			if math.Abs(got-k.Seg.Len()) > 1e-9 {
				t.Errorf("trial %d unit %d: pieces of length %v, chord %v", trial, k.Unit, got, k.Seg.Len())
			}
		}
		// Along a line: the same breaks and the same units switching.
		p0 := plot.Point{X: view.X0 + r.Float64()*view.W(), Y: view.Y0 + r.Float64()*view.H()}
		p1 := plot.Point{X: view.X0 + r.Float64()*view.W(), Y: view.Y0 + r.Float64()*view.H()}
		got, want := toRegions(nt).Restrict(p0, p1), nt.Restrict(p0, p1)
		if got.Segments() != want.Segments() {
			t.Fatalf("trial %d: %d segments, the arrangement's %d", trial, got.Segments(), want.Segments())
		}
		for k := range want.Breaks {
			var units []int
			for _, u := range got.Switches(nil, k) {
				units = append(units, u.Index)
			}
			w := slices.Sorted(slices.Values(want.Units[k]))
			if math.Abs(got.Breaks[k]-want.Breaks[k]) > 1e-12 || !slices.Equal(units, w) {
				t.Fatalf("trial %d break %d: t %v units %v, the arrangement's t %v units %v", trial, k, got.Breaks[k], units, want.Breaks[k], w)
			}
		}
	}
	// One layer is drawn as this package draws it.
	a := regions.Random([]int{5}, 0, regions.SeedInit, rand.New(rand.NewPCG(1, 2)))
	b := Random(5, rand.New(rand.NewPCG(1, 2)))
	if !reflect.DeepEqual(a.W[0], b.W1) || !reflect.DeepEqual(a.B[0], b.B1) || !reflect.DeepEqual(a.WOut, b.W2) || a.BOut != b.B2 {
		t.Errorf("depth-1 regions.Random = %+v, Random = %+v", a, b)
	}
}
