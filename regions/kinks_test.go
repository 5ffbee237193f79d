package regions

import (
	"math"
	"math/rand/v2"
	"testing"

	"digitlab/kit/plot"
)

// TestKinksAreZeroSets checks every kink piece of random nets: its ends
// are zeros of its unit's pre-activation, and just off its middle on
// either side the unit has opposite signs (it really is where the unit
// switches).
func TestKinksAreZeroSets(t *testing.T) {
	t.Parallel()
	for _, tc := range randCases {
		nt := tc.net()
		e := Enumerate(nt, tc.view)
		eps := 1e-7 * diag(tc.view)
		flips := 0
		for _, k := range e.Kinks() {
			s := k.Seg
			for _, p := range [][2]float64{{s.X0, s.Y0}, {s.X1, s.Y1}} {
				z, gx, gy, _ := nt.forward(p[0], p[1], k.Layer, k.Unit)
				if scale := 1e-8 * (1 + math.Hypot(gx, gy)*diag(tc.view)); math.Abs(z) > scale {
					t.Fatalf("%s: kink %+v ends at (%v,%v) where the pre-activation is %v", tc.desc, k, p[0], p[1], z)
				}
			}
			L := s.Len()
			if L < 100*eps {
				continue
			}
			mx, my := (s.X0+s.X1)/2, (s.Y0+s.Y1)/2
			nx, ny := -(s.Y1-s.Y0)/L*eps, (s.X1-s.X0)/L*eps
			a, b := nt.Pre(k.Layer, k.Unit, mx+nx, my+ny), nt.Pre(k.Layer, k.Unit, mx-nx, my-ny)
			if a*b >= 0 {
				t.Fatalf("%s: kink %+v: pre-activation %v and %v on either side of its middle", tc.desc, k, a, b)
			}
			flips++
		}
		if flips < len(e.Kinks())/2 {
			t.Errorf("%s: only %d of %d kinks long enough to check", tc.desc, flips, len(e.Kinks()))
		}
		// The counts add up, and every split made one kink piece.
		total := 0
		for l := range nt.Widths {
			total += e.KinkCount(l)
			for _, k := range e.LayerKinks(l) {
				if k.Layer != l {
					t.Fatalf("%s: LayerKinks(%d) holds %+v", tc.desc, l, k)
				}
			}
		}
		if total != len(e.Kinks()) || total != e.Count()-1 {
			t.Errorf("%s: kink counts sum to %d, %d kinks, %d regions", tc.desc, total, len(e.Kinks()), e.Count())
		}
	}
}

// TestKinksBent checks the hand-made net whose layer-1 kink bends at the
// y axis: y = 1/2 from x = -2 to 0, then y = x + 1/2 up to (3/2, 2).
func TestKinksBent(t *testing.T) {
	t.Parallel()
	e := Enumerate(bent(), square2)
	ks := e.LayerKinks(1)
	total := 0.0
	for _, k := range ks {
		for _, p := range [][2]float64{{k.Seg.X0, k.Seg.Y0}, {k.Seg.X1, k.Seg.Y1}} {
			onFlat := math.Abs(p[1]-0.5) < 1e-12 && p[0] <= 1e-12
			onSlope := math.Abs(p[1]-p[0]-0.5) < 1e-12 && p[0] >= -1e-12
			if !onFlat && !onSlope {
				t.Errorf("layer-1 kink end %v is on neither y=1/2 (x≤0) nor y=x+1/2 (x≥0)", p)
			}
		}
		total += k.Seg.Len()
	}
	if want := 2 + 1.5*math.Sqrt2; math.Abs(total-want) > 1e-12 {
		t.Errorf("layer-1 kinks have length %v, want 2 + 1.5√2 = %v", total, want)
	}
	if e.KinkCount(0) != 3 { // the x axis is cut in two by the y axis
		t.Errorf("KinkCount(0) = %d, want 3 (x=0 whole, y=0 in two pieces)", e.KinkCount(0))
	}
}

// TestKinksMeetRestriction cross-checks the 2-D and 1-D constructions:
// wherever Restrict says a unit switches along a random segment, that
// point lies on one of the unit's kink pieces.
func TestKinksMeetRestriction(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 3))
	for _, tc := range randCases {
		nt := tc.net()
		e := Enumerate(nt, tc.view)
		var sw []UnitID
		checked := 0
		for q := 0; q < 10; q++ {
			pt := func() plot.Point {
				return plot.Point{X: tc.view.X0 + r.Float64()*tc.view.W(), Y: tc.view.Y0 + r.Float64()*tc.view.H()}
			}
			res := nt.Restrict(pt(), pt())
			for k, tb := range res.Breaks {
				p := res.At(tb)
				for _, u := range res.Switches(sw, k) {
					best := math.Inf(1)
					for _, kk := range e.UnitKinks(u.Layer, u.Index) {
						best = math.Min(best, distToSegment(kk.Seg, p.X, p.Y))
					}
					if best > 1e-7*diag(tc.view) {
						t.Fatalf("%s: unit %+v switches at %v on a segment but its nearest kink piece is %v away", tc.desc, u, p, best)
					}
					checked++
				}
			}
		}
		if checked == 0 {
			t.Errorf("%s: no switches checked", tc.desc)
		}
	}
}

// TestKinksWhileRunning: a layer's kinks appear when its passes are done
// and do not change afterwards.
func TestKinksWhileRunning(t *testing.T) {
	t.Parallel()
	nt := randCases[4].net()
	want := Enumerate(nt, square2)
	e := NewEnumerator(nt, square2)
	for !e.Step(40) {
		for l := range nt.Widths {
			got := e.LayerKinks(l)
			if len(got) == 0 {
				continue
			}
			if w := want.LayerKinks(l); len(got) != len(w) || got[0] != w[0] || got[len(got)-1] != w[len(w)-1] {
				t.Fatalf("layer %d: %d kinks while running, %d when done", l, len(got), len(w))
			}
		}
	}
}
