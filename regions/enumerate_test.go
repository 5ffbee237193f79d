package regions

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"digitlab/kit/plot"
)

// TestEnumerateAgainstGrid checks the enumeration of random depth-2 and
// depth-3 nets against an r×r grid of cell centres labelled by
// Net.Pattern (the flood-fill oracle). The logic:
//
//   - Tiling and labels: every centre lies in exactly one region's closed
//     polygon, and its pattern is that region's, except for centres within
//     1e-7 of the view diagonal of a region's edge (there rounding may put
//     it on either side or in both).
//   - Seen ⊆ enumerated: every pattern on the grid is an enumerated
//     region's (patterns are unique to one region, since each is convex).
//   - Enumerated ⊆ seen, up to slivers: a convex region of width w holds
//     a disc of radius ≥ w/3, and a disc of radius > spacing/√2 holds a
//     centre, so every region wider than 2.2 grid spacings must be seen;
//     the regions not seen are all thinner, so the counts agree within the
//     number of slivers smaller than the grid cell.
//   - Connected: a pattern's centres form at most one 8-connected
//     component of ≥ 10 cells (thin tips can shed smaller specks; a
//     non-convex or duplicated region would show two big components).
func TestEnumerateAgainstGrid(t *testing.T) {
	t.Parallel()
	res := 600
	if testing.Short() {
		res = 200
	}
	for _, tc := range randCases {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			nt := tc.net()
			e := Enumerate(nt, tc.view)
			regs := e.Regions()
			g := newGrid(nt, tc.view, res)
			near := 1e-7 * diag(tc.view)

			// Tiling and labels, by rasterising each polygon.
			cover := make([]int8, res*res)
			for k := range regs {
				r := &regs[k]
				bx0, by0, bx1, by1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
				for _, p := range r.Poly {
					bx0, by0, bx1, by1 = math.Min(bx0, p.X), math.Min(by0, p.Y), math.Max(bx1, p.X), math.Max(by1, p.Y)
				}
				cw, ch := tc.view.W()/float64(res), tc.view.H()/float64(res)
				i0, i1 := max(0, int((bx0-tc.view.X0)/cw)-1), min(res-1, int((bx1-tc.view.X0)/cw)+1)
				j0, j1 := max(0, int((by0-tc.view.Y0)/ch)-1), min(res-1, int((by1-tc.view.Y0)/ch)+1)
				for j := j0; j <= j1; j++ {
					for i := i0; i <= i1; i++ {
						x, y := g.centre(i, j)
						if !r.Contains(x, y) {
							continue
						}
						cover[j*res+i]++
						if g.pat[j*res+i] != r.Pattern && distToBoundary(r.Poly, x, y) > near {
							t.Fatalf("centre (%v,%v) is inside region %d with pattern %x, Net.Pattern = %x", x, y, k, r.Pattern, g.pat[j*res+i])
						}
					}
				}
			}
			for c, n := range cover {
				if n == 1 {
					continue
				}
				x, y := g.centre(c%res, c/res)
				if _, ok := e.Find(x, y); !ok {
					t.Fatalf("centre (%v,%v) is in %d regions and Find misses it", x, y, n)
				}
				if k, _ := e.Find(x, y); distToBoundary(regs[k].Poly, x, y) > near {
					t.Fatalf("centre (%v,%v) is in %d regions but %v from region %d's boundary", x, y, n, distToBoundary(regs[k].Poly, x, y), k)
				}
			}

			// Seen ⊆ enumerated, patterns unique.
			byPat := map[Pattern]int{}
			for k, r := range regs {
				if o, dup := byPat[r.Pattern]; dup {
					t.Fatalf("regions %d and %d share pattern %x", o, k, r.Pattern)
				}
				byPat[r.Pattern] = k
			}
			comps := g.components()
			for p, sizes := range comps {
				if _, ok := byPat[p]; !ok {
					t.Errorf("pattern %x seen on %v cells of the grid is not an enumerated region", p, sizes)
				}
				big := 0
				for _, s := range sizes {
					if s >= 10 {
						big++
					}
				}
				if big > 1 {
					t.Errorf("pattern %x has %d grid components of >= 10 cells (%v): not one convex region", p, big, sizes)
				}
			}
			// Enumerated ⊆ seen, up to slivers.
			slivers := 0
			for _, r := range regs {
				if _, ok := comps[r.Pattern]; ok {
					continue
				}
				slivers++
				if w := minWidth(r.Poly); w > 2.2*g.spacing() {
					t.Errorf("region %x of width %v (grid spacing %v, area %v) is not seen on the grid", r.Pattern, w, g.spacing(), r.Area())
				}
			}
			if len(regs) != len(comps)+slivers {
				t.Errorf("regions = %d, grid patterns = %d, slivers = %d", len(regs), len(comps), slivers)
			}
			if len(regs) < 10 {
				t.Errorf("only %d regions: the case does not exercise much", len(regs))
			}
			t.Logf("%d regions, %d seen on the %d² grid, %d slivers", len(regs), len(comps), res, slivers)
		})
	}
}

// TestEnumerateHandCounted: nets counted by hand. The depth-1 ties (lines
// along the border, through a corner, coincident, concurrent) are the
// landscape scene's TestPiecesSmallCases, which checks this package too.
func TestEnumerateHandCounted(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		nt   *Net
		view plot.Rect
		want int
	}{
		// Seed example in [-2,2]²: x=y, x=-1/2, y=(1+x)/2 cross pairwise
		// inside: 1+3+3 = 7.
		{"seed example in [-2,2]²", Example(), square2, 7},
		// Depth 2 by hand (see bent): 4 quadrants; y=x+1/2 cuts the first,
		// y=1/2 the second, nothing cuts the third and fourth.
		{"bent kink, depth 2", bent(), square2, 6},
	}
	for _, tc := range tests {
		if got := Enumerate(tc.nt, tc.view).Count(); got != tc.want {
			t.Errorf("%s: Count = %d, want %d", tc.desc, got, tc.want)
		}
	}
}

// TestEnumerateDepth1AgainstArrangement compares one-layer nets with two
// independent counts of their line arrangement: the shallow bound, and the
// grid's distinct patterns.
func TestEnumerateDepth1AgainstArrangement(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(2026, 5))
	trials, res := 30, 400
	if testing.Short() {
		trials, res = 10, 150
	}
	for trial := 0; trial < trials; trial++ {
		n := 1 + trial%12
		nt := Random([]int{n}, 0, SeedInit, r)
		view := []plot.Rect{square2, offView}[trial%2]
		got := Enumerate(nt, view).Count()
		// (scenes/landscape's tests also compare it with the scene's
		// Euler-formula count.)
		if got > ShallowBound(n) {
			t.Errorf("trial %d: Count = %d above ShallowBound(%d) = %d", trial, got, n, ShallowBound(n))
		}
		if pats := len(newGrid(nt, view, res).components()); pats > got {
			t.Errorf("trial %d (n=%d): grid sees %d patterns, Count = %d", trial, n, pats, got)
		}
	}
}

// TestRegionMaps checks each region's affine map against Eval and Grad at
// its centroid and at random interior points, and its pattern against
// Net.Pattern at the centroid (at least a third of the width from every
// edge).
func TestRegionMaps(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(9, 9))
	for _, tc := range randCases {
		nt := tc.net()
		e := Enumerate(nt, tc.view)
		for k, reg := range e.Regions() {
			c := reg.Centroid()
			check := func(x, y float64, what string) {
				want := nt.Eval(x, y)
				if got := reg.Value(x, y); math.Abs(got-want) > 1e-9*(1+math.Abs(want)) {
					t.Fatalf("%s region %d %s (%v,%v): affine map = %v, Eval = %v", tc.desc, k, what, x, y, got, want)
				}
			}
			check(c.X, c.Y, "centroid")
			if minWidth(reg.Poly) > 1e-6*diag(tc.view) {
				if p := nt.Pattern(c.X, c.Y); p != reg.Pattern {
					t.Fatalf("%s region %d: pattern %x, Net.Pattern at centroid %x", tc.desc, k, reg.Pattern, p)
				}
				gx, gy := nt.Grad(c.X, c.Y)
				if math.Abs(gx-reg.Gx)+math.Abs(gy-reg.Gy) > 1e-9*(1+math.Abs(gx)+math.Abs(gy)) {
					t.Fatalf("%s region %d: gradient (%v,%v), Grad at centroid (%v,%v)", tc.desc, k, reg.Gx, reg.Gy, gx, gy)
				}
			}
			for q := 0; q < 3; q++ {
				// A random convex combination of the vertices.
				var x, y, sum float64
				for _, p := range reg.Poly {
					w := r.Float64()
					x, y, sum = x+w*p.X, y+w*p.Y, sum+w
				}
				check(x/sum, y/sum, "interior point")
			}
		}
	}
}

// TestRegionContinuity checks that Φ is continuous across every interior
// edge: the affine maps of a region and of the region just across the
// middle of each of its edges agree there.
func TestRegionContinuity(t *testing.T) {
	t.Parallel()
	for _, tc := range randCases {
		nt := tc.net()
		e := Enumerate(nt, tc.view)
		regs := e.Regions()
		eps := 10 * e.delta
		checked := 0
		for k := range regs {
			poly := regs[k].Poly
			for v, p := range poly {
				q := poly[(v+1)%len(poly)]
				L := math.Hypot(q.X-p.X, q.Y-p.Y)
				if L < 100*eps {
					continue
				}
				mx, my := (p.X+q.X)/2, (p.Y+q.Y)/2
				ox, oy := mx+eps*(q.Y-p.Y)/L, my-eps*(q.X-p.X)/L // outward for counter-clockwise
				if !tc.view.Contains(ox, oy) {
					continue // on the view's border
				}
				nb, ok := e.Find(ox, oy)
				if !ok {
					t.Fatalf("%s: nothing across region %d's edge at (%v,%v)", tc.desc, k, ox, oy)
				}
				if nb == k {
					continue
				}
				a, b := regs[k].Value(mx, my), regs[nb].Value(mx, my)
				slack := 20 * eps * (math.Abs(regs[k].Gx) + math.Abs(regs[k].Gy) + math.Abs(regs[nb].Gx) + math.Abs(regs[nb].Gy))
				if math.Abs(a-b) > 1e-9*(1+math.Abs(a))+slack {
					t.Fatalf("%s: regions %d and %d disagree at their edge's midpoint (%v,%v): %v vs %v", tc.desc, k, nb, mx, my, a, b)
				}
				checked++
			}
		}
		if checked < len(regs) {
			t.Errorf("%s: only %d edges checked for %d regions", tc.desc, checked, len(regs))
		}
	}
}

func sameResults(t *testing.T, what string, got, want *Enumerator) {
	t.Helper()
	if !reflect.DeepEqual(got.Regions(), want.Regions()) {
		t.Fatalf("%s: regions differ (%d vs %d)", what, got.Count(), want.Count())
	}
	if !reflect.DeepEqual(got.Kinks(), want.Kinks()) {
		t.Fatalf("%s: kinks differ (%d vs %d)", what, len(got.Kinks()), len(want.Kinks()))
	}
}

func TestEnumeratorBudgets(t *testing.T) {
	t.Parallel()
	for _, tc := range []randCase{randCases[2], randCases[5], {"16,16", []int{16, 16}, 0, SeedInit, 11, square2}} {
		nt := tc.net()
		want := Enumerate(nt, tc.view)
		for _, budget := range []int{1, 3, 50, 1000, 1 << 30} {
			e := NewEnumerator(nt, tc.view)
			steps, last := 0, -1.0
			for {
				before := e.Work()
				done := e.Step(budget)
				steps++
				if did := e.Work() - before; did > budget+MaxWidth || did < 1 {
					t.Fatalf("%s budget %d: a Step did %d work", tc.desc, budget, did)
				}
				if p := e.Progress(); p < last || p < 0 || p > 1 {
					t.Fatalf("%s budget %d: Progress went from %v to %v", tc.desc, budget, last, p)
				} else {
					last = p
				}
				if !done && (e.Regions() != nil || e.Done()) {
					t.Fatalf("%s budget %d: regions before done", tc.desc, budget)
				}
				if done {
					break
				}
			}
			if !e.Step(1) || e.Progress() != 1 {
				t.Fatalf("%s: Step after done did not report done", tc.desc)
			}
			if e.Work() != want.Work() {
				t.Errorf("%s budget %d: work %d, one-shot %d", tc.desc, budget, e.Work(), want.Work())
			}
			sameResults(t, tc.desc, e, want)
			t.Logf("%s budget %d: %d steps", tc.desc, budget, steps)
		}
	}
}

func TestEnumeratorReset(t *testing.T) {
	t.Parallel()
	a, b := randCases[4].net(), randCases[2].net()
	e := Enumerate(a, square2)
	e.Reset(b, offView)
	for !e.Step(100) {
	}
	sameResults(t, "reset to another net", e, Enumerate(b, offView))
	e.Reset(a, square2)
	for !e.Step(7) {
	}
	sameResults(t, "reset back", e, Enumerate(a, square2))
}

// TestEnumeratorReuseAllocs: once its buffers have grown, enumerating the
// same net again allocates nothing.
func TestEnumeratorReuseAllocs(t *testing.T) {
	nt := randCases[4].net()
	e := Enumerate(nt, square2)
	allocs := testing.AllocsPerRun(5, func() {
		e.Reset(nt, square2)
		for !e.Step(500) {
		}
	})
	if allocs != 0 {
		t.Errorf("re-running an Enumerator allocates %v times, want 0", allocs)
	}
}

func TestFindAndHover(t *testing.T) {
	t.Parallel()
	nt := randCases[4].net()
	e := NewEnumerator(nt, square2)
	if _, ok := e.Find(0, 0); ok {
		t.Error("Find before done succeeded")
	}
	for !e.Step(1 << 20) {
	}
	r := rand.New(rand.NewPCG(4, 4))
	for q := 0; q < 2000; q++ {
		x, y := 4*r.Float64()-2, 4*r.Float64()-2
		h, ok := e.Hover(x, y)
		if !ok {
			t.Fatalf("Hover(%v,%v) found no region", x, y)
		}
		reg := e.Regions()[h.Region]
		if p := nt.Pattern(x, y); p != h.Pattern && distToBoundary(reg.Poly, x, y) > 1e-7 {
			t.Fatalf("Hover(%v,%v) pattern %x, Net.Pattern %x", x, y, h.Pattern, p)
		}
		if want := nt.Eval(x, y); math.Abs(h.Value-want) > 1e-9*(1+math.Abs(want)) {
			t.Fatalf("Hover(%v,%v) value %v, Eval %v", x, y, h.Value, want)
		}
	}
	for _, p := range [][2]float64{{2.5, 0}, {0, -2.0001}, {math.NaN(), 0}} {
		if _, ok := e.Find(p[0], p[1]); ok {
			t.Errorf("Find(%v,%v) outside the view succeeded", p[0], p[1])
		}
	}
	// The seed point.
	h, ok := Enumerate(Example(), square2).Hover(1, -1)
	if !ok || h.Value != -4 || h.Gx != -3 || h.Gy != -1 || h.Pattern != (Pattern{0b011}) {
		t.Errorf("Hover(1,-1) on the seed example = %+v, want value -4, gradient (-3,-1), units 0 and 1 active", h)
	}
}

func TestFindAllocs(t *testing.T) {
	e := Enumerate(randCases[4].net(), square2)
	allocs := testing.AllocsPerRun(100, func() {
		if _, ok := e.Hover(0.3, -1.1); !ok {
			t.Fatal("no region at (0.3,-1.1)")
		}
	})
	if allocs != 0 {
		t.Errorf("Hover allocates %v times, want 0", allocs)
	}
}

func TestEnumeratorPanics(t *testing.T) {
	t.Parallel()
	bad := Example()
	bad.B[0] = bad.B[0][:2]
	tests := []struct {
		desc string
		f    func()
	}{
		{"empty view", func() { NewEnumerator(Example(), plot.Rect{X0: 1, Y0: 0, X1: 1, Y1: 1}) }},
		{"NaN view", func() { NewEnumerator(Example(), plot.Rect{X0: math.NaN(), Y0: 0, X1: 1, Y1: 1}) }},
		{"bad shapes", func() { NewEnumerator(bad, square2) }},
		{"zero budget", func() { NewEnumerator(Example(), square2).Step(0) }},
		{"layer out of range", func() { Enumerate(Example(), square2).LayerKinks(1) }},
		{"unit out of range", func() { Enumerate(Example(), square2).UnitKinks(0, 3) }},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic", tc.desc)
				}
			}()
			tc.f()
		})
	}
}
