package ring

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// For a ≤ b/√2 the diamonds with the circle's own radii nest as
// diamond(a) ⊂ disk(a) ⊂ diamond(b) ⊂ disk(b), so by hand
// |C ∩ D| = 2b² - πa², Missed = (π-2)b²/(π(b²-a²)), Extra = (π-2)a²/(π(b²-a²)).
func TestCompareHandDerived(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		a, b float64
	}{
		{"seed", 1, 2},
		{"seed modified", 0.5, 1.5},
		{"disk", 0, 1},
		{"thick", 0.3, 2.5},
		{"a = b/√2", 1, math.Sqrt2},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			a, b := tc.a, tc.b
			m, err := Compare(a, b, a, b)
			if err != nil {
				t.Fatal(err)
			}
			c := math.Pi * (b*b - a*a)
			want := Measures{
				Overlap: 2*b*b - math.Pi*a*a,
				Missed:  (math.Pi - 2) * b * b / c,
				Extra:   (math.Pi - 2) * a * a / c,
			}
			want.IoU = want.Overlap / (c + 2*(b*b-a*a) - want.Overlap)
			for _, f := range []struct {
				name      string
				got, want float64
			}{
				{"Overlap", m.Overlap, want.Overlap},
				{"Missed", m.Missed, want.Missed},
				{"Extra", m.Extra, want.Extra},
				{"IoU", m.IoU, want.IoU},
				{"CircleArea", m.CircleArea, c},
			} {
				if math.Abs(f.got-f.want) > 1e-12*(1+math.Abs(f.want)) {
					t.Errorf("Compare(%v,%v).%s = %.15g, want %.15g", a, b, f.name, f.got, f.want)
				}
			}
			if n := MustNew(a, b).Compare(); n != m {
				t.Errorf("Net.Compare() = %+v, want %+v", n, m)
			}
		})
	}
}

// The closed form against the Simpson oracle on random radii, including
// diamonds that cross both circles.
func TestOverlapExactVsNumeric(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 7))
	worst := 0.0
	for range 100 {
		a := 2 * rng.Float64()
		b := a + 0.05 + 2*rng.Float64()
		da := a * (0.5 + rng.Float64())
		db := da + 0.05 + 3*rng.Float64()
		if rng.IntN(4) == 0 {
			a, da = 0, 0
		}
		got := overlapExact(a, b, da, db)
		want := overlapNumeric(a, b, da, db, 20000)
		rel := math.Abs(got-want) / (math.Pi * (b*b - a*a))
		worst = math.Max(worst, rel)
		if rel > 1e-7 {
			t.Errorf("overlap(%v,%v,%v,%v) = %.12g, Simpson %.12g (rel %g)", a, b, da, db, got, want, rel)
		}
	}
	t.Logf("worst |exact - Simpson| / |C| = %.2g", worst)
}

// A seeded Monte Carlo estimate of Missed, Extra and IoU. Each fraction is a
// ratio of hit counts; the tolerance is 4 standard errors of the counts.
func TestCompareMonteCarlo(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc         string
		a, b, da, db float64
	}{
		{"seed", 1, 2, 1, 2},
		{"seed modified", 0.5, 1.5, 0.5, 1.5},
		{"crossing diamond", 1, 2, 1.25, 2.6},
		{"thin ring", 1, 1.2, 1.15, 1.6},
	}
	for i, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			m, err := Compare(tc.a, tc.b, tc.da, tc.db)
			if err != nil {
				t.Fatal(err)
			}
			const n = 400000
			h := math.Max(tc.b, tc.db)
			rng := rand.New(rand.NewPCG(uint64(i), 42))
			var inC, inD, both int
			for range n {
				x1, x2 := h*(2*rng.Float64()-1), h*(2*rng.Float64()-1)
				c, d := InCircle(tc.a, tc.b, x1, x2), InDiamond(tc.da, tc.db, x1, x2)
				if c {
					inC++
				}
				if d {
					inD++
				}
				if c && d {
					both++
				}
			}
			cell := 4 * h * h / n
			// Standard error of an area estimated from k hits out of n.
			se := func(k int) float64 {
				p := float64(k) / n
				return 4 * h * h * math.Sqrt(p*(1-p)/n)
			}
			area := func(k int) float64 { return float64(k) * cell }
			checks := []struct {
				name      string
				got, want float64
				tol       float64
			}{
				{"|C|", m.CircleArea, area(inC), 4 * se(inC)},
				{"|D|", m.DiamondArea, area(inD), 4 * se(inD)},
				{"|C∩D|", m.Overlap, area(both), 4 * se(both)},
				{"Missed", m.Missed, float64(inC-both) / float64(inC), 4 * math.Sqrt(m.Missed*(1-m.Missed)/float64(inC))},
				{"Extra", m.Extra, float64(inD-both) / float64(inC), 4 * (se(inD-both)/m.CircleArea + m.Extra*se(inC)/m.CircleArea)},
				{"IoU", m.IoU, float64(both) / float64(inC+inD-both), 4 * math.Sqrt(m.IoU*(1-m.IoU)/float64(inC+inD-both))},
			}
			for _, c := range checks {
				if math.Abs(c.got-c.want) > c.tol {
					t.Errorf("%s = %.6f, Monte Carlo %.6f (tolerance %.2g)", c.name, c.got, c.want, c.tol)
				}
			}
		})
	}
}

func TestCompareErrors(t *testing.T) {
	t.Parallel()
	for _, q := range [][4]float64{{1, 1, 1, 2}, {1, 2, 2, 1}, {-1, 2, 1, 2}, {1, 2, math.NaN(), 2}} {
		_, err := Compare(q[0], q[1], q[2], q[3])
		var pe *ParamError
		if !errors.As(err, &pe) {
			t.Errorf("Compare(%v) error = %v, want *ParamError", q, err)
		}
	}
}

// The grid estimate of the designed network's region converges to the exact
// measures: the error is at most (boundary length · cell diagonal) / |C|.
func TestRegionMeasures(t *testing.T) {
	t.Parallel()
	for _, ab := range [][2]float64{{1, 2}, {0.5, 1.5}} {
		n := MustNew(ab[0], ab[1])
		want := n.Compare()
		const cells = 400
		got := RegionMeasures(n.InRing, ab[0], ab[1], Plane, cells)
		perim := 2*math.Pi*(ab[0]+ab[1]) + 4*math.Sqrt2*(ab[0]+ab[1])
		tol := perim * math.Sqrt2 * 5 / cells / want.CircleArea
		for _, f := range []struct {
			name      string
			got, want float64
		}{{"Missed", got.Missed, want.Missed}, {"Extra", got.Extra, want.Extra}, {"IoU", got.IoU, want.IoU}} {
			t.Logf("(%v,%v) %s: grid %.5f exact %.5f", ab[0], ab[1], f.name, f.got, f.want)
			if math.Abs(f.got-f.want) > tol {
				t.Errorf("(%v,%v) %s: grid %.5f, exact %.5f (tolerance %.2g)", ab[0], ab[1], f.name, f.got, f.want, tol)
			}
		}
	}
}
