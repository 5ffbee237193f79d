package landscape

import (
	"math"
	"math/rand/v2"
	"testing"

	"digitlab/kit/plot"
	"digitlab/regions"
)

var square2 = plot.Rect{X0: -2, Y0: -2, X1: 2, Y1: 2}

// net builds a network from rows {a, b, c}: unit i's line a·x + b·y + c = 0
// (W2 = 1 for all units).
func net(rows ...[3]float64) *Net {
	nt := New(len(rows))
	for i, r := range rows {
		nt.W1[2*i], nt.W1[2*i+1], nt.B1[i], nt.W2[i] = r[0], r[1], r[2], 1
	}
	return nt
}

func TestKinksExample(t *testing.T) {
	t.Parallel()
	ks := Example().Kinks(square2)
	if len(ks) != 3 {
		t.Fatalf("Kinks = %d lines, want 3", len(ks))
	}
	// Chord lengths by hand: x=y corner to corner 4√2; x=-1/2 vertical 4;
	// y=(1+x)/2 from (-2,-1/2) to (2,3/2): √(16+4).
	want := []float64{4 * math.Sqrt2, 4, math.Sqrt(20)}
	nt := Example()
	for k, kk := range ks {
		if kk.Unit != k {
			t.Errorf("kink %d belongs to unit %d", k, kk.Unit)
		}
		if got := kk.Seg.Len(); math.Abs(got-want[k]) > 1e-12 {
			t.Errorf("unit %d chord length = %v, want %v", k, got, want[k])
		}
		for _, p := range [][2]float64{{kk.Seg.X0, kk.Seg.Y0}, {kk.Seg.X1, kk.Seg.Y1}} {
			if z := nt.Pre(k, p[0], p[1]); math.Abs(z) > 1e-12 {
				t.Errorf("unit %d chord end %v has pre-activation %v, want 0", k, p, z)
			}
			onEdge := math.Abs(math.Abs(p[0])-2) < 1e-12 || math.Abs(math.Abs(p[1])-2) < 1e-12
			if !onEdge {
				t.Errorf("unit %d chord end %v is not on the view's border", k, p)
			}
		}
	}
}

func TestKinksSkipped(t *testing.T) {
	t.Parallel()
	nt := net(
		[3]float64{0, 0, 1},    // W1 = 0: no line
		[3]float64{1, 0, -5},   // x = 5: misses the view
		[3]float64{1, 1, -4},   // x + y = 4: touches the corner (2,2) only
		[3]float64{1, 0, -2},   // x = 2: runs along the border
		[3]float64{0, -3, 1.5}, // y = 1/2: crosses
	)
	ks := nt.Kinks(square2)
	if len(ks) != 1 || ks[0].Unit != 4 {
		t.Fatalf("Kinks = %+v, want only unit 4", ks)
	}
	if s := ks[0].Seg; math.Abs(s.Y0-0.5) > 1e-12 || math.Abs(s.Y1-0.5) > 1e-12 || math.Abs(s.Len()-4) > 1e-12 {
		t.Errorf("unit 4 chord = %+v, want y=0.5 across the view", s)
	}
}

func TestPiecesSmallCases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		nt   *Net
		view plot.Rect
		want int
	}{
		{"one line crossing", net([3]float64{1, 2, 0.3}), square2, 2},
		{"one line missing", net([3]float64{1, 0, 3}), square2, 1},
		{"W1 = 0 has no line", net([3]float64{0, 0, 1}), square2, 1},
		{"line along the border", net([3]float64{1, 0, -2}), square2, 1},
		{"line touching a corner", net([3]float64{1, 1, -4}), square2, 1},
		{"3 parallel lines", net([3]float64{1, 1, 0}, [3]float64{1, 1, 1}, [3]float64{-2, -2, 1}), square2, 4},
		{"5 parallel lines", net([3]float64{0, 1, 0}, [3]float64{0, 1, 1}, [3]float64{0, 1, -1}, [3]float64{0, 2, 3}, [3]float64{0, -1, 0.5}), square2, 6},
		{"coincident lines count once", net([3]float64{1, -1, 0.5}, [3]float64{-2, 2, -1}, [3]float64{3, -3, 1.5}), square2, 2},
		{"cross", net([3]float64{1, 0, 0}, [3]float64{0, 1, 0}), square2, 4},
		{"3 lines through one point: 6 not 7", net([3]float64{1, 0, 0}, [3]float64{0, 1, 0}, [3]float64{1, 1, 0}), square2, 6},
		{"4 lines through (0.3,0.3): 8", net([3]float64{1, 0, -0.3}, [3]float64{0, 1, -0.3}, [3]float64{1, -1, 0}, [3]float64{1, 1, -0.6}), square2, 8},
		{"crossing on the border", net([3]float64{1, 1, 0}, [3]float64{1, -1, 0}), plot.Rect{X0: 0, Y0: -1, X1: 1, Y1: 1}, 3},
		{"crossing outside the view", net([3]float64{1, 0.1, 0}, [3]float64{1, -0.1, 0}), plot.Rect{X0: -1, Y0: 1, X1: 1, Y1: 2}, 3},
		// Seed example in [-2,2]²: three lines x=y, x=-1/2, y=(1+x)/2, pairwise
		// crossing at (-1/2,-1/2), (1,1), (-1/2,1/4), all inside: 1+3+3 = 7.
		{"seed example in [-2,2]²", Example(), square2, 7},
		// In [0,2]²: x=-1/2 misses, x=y runs corner to corner, y=(1+x)/2
		// crosses it at (1,1): 1 + (1) + (1+1) = 4.
		{"seed example in [0,2]²", Example(), plot.Rect{X0: 0, Y0: 0, X1: 2, Y1: 2}, 4},
		// In [-2,0]×[-2,2]: x=y (crosses), x=-1/2 (crosses), y=(1+x)/2
		// (x in [-2,0] → y in [-1/2,1/2], crosses); vertices (-1/2,-1/2) and
		// (-1/2,1/4) inside, (1,1) outside: 1+3+2 = 6.
		{"seed example in [-2,0]×[-2,2]", Example(), plot.Rect{X0: -2, Y0: -2, X1: 0, Y1: 2}, 6},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			if got := tc.nt.Pieces(tc.view); got != tc.want {
				t.Errorf("Pieces(%+v) = %d, want %d", tc.view, got, tc.want)
			}
			// The deep nets' layer-by-layer splitting on the same table.
			if got := regions.Enumerate(toRegions(tc.nt), tc.view).Count(); got != tc.want {
				t.Errorf("regions counts %d in %+v, want %d", got, tc.view, tc.want)
			}
		})
	}
}

// floodPieces is the test oracle: it labels the centres of an r×r pixel
// grid over view by activation pattern and counts the 8-connected
// components of equal pattern with at least minSize pixels, and the
// distinct patterns seen. Near an acute vertex a region's tip is thinner
// than a pixel and its sampled centres fall apart into specks; minSize
// ignores those specks (so regions smaller than minSize pixels are missed:
// the test's seeds have none).
func floodPieces(nt *Net, view plot.Rect, r, minSize int) (components, patterns int) {
	pat := make([]Pattern, r*r)
	for j := 0; j < r; j++ {
		y := view.Y0 + (float64(j)+0.5)*view.H()/float64(r)
		for i := 0; i < r; i++ {
			x := view.X0 + (float64(i)+0.5)*view.W()/float64(r)
			pat[j*r+i] = nt.Pattern(x, y)
		}
	}
	seen := make([]bool, r*r)
	distinct := map[Pattern]bool{}
	stack := make([]int, 0, 1024)
	for s := range pat {
		distinct[pat[s]] = true
		if seen[s] {
			continue
		}
		size := 0
		seen[s] = true
		stack = append(stack[:0], s)
		for len(stack) > 0 {
			k := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			size++
			i, j := k%r, k/r
			for _, nb := range [...][2]int{{i - 1, j}, {i + 1, j}, {i, j - 1}, {i, j + 1}, {i - 1, j - 1}, {i + 1, j + 1}, {i + 1, j - 1}, {i - 1, j + 1}} {
				if nb[0] < 0 || nb[0] >= r || nb[1] < 0 || nb[1] >= r {
					continue
				}
				q := nb[1]*r + nb[0]
				if !seen[q] && pat[q] == pat[k] {
					seen[q] = true
					stack = append(stack, q)
				}
			}
		}
		if size >= minSize {
			components++
		}
	}
	return components, len(distinct)
}

func TestPiecesAgainstFloodFill(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("flood-fill oracle takes a second")
	}
	r := rand.New(rand.NewPCG(2026, 3))
	views := []plot.Rect{square2, {X0: -1, Y0: -0.5, X1: 1.5, Y1: 1}}
	// Seeded cases whose smallest region is well above 10 pixels at 1200²:
	// the flood fill is then exact and must agree.
	for trial := 0; trial < 8; trial++ {
		n := 2 + trial%5
		nt := Random(n, r)
		view := views[trial%2]
		got := nt.Pieces(view)
		comps, pats := floodPieces(nt, view, 1200, 10)
		if got != comps || got != pats {
			t.Errorf("trial %d (n=%d, view %+v): Pieces = %d, flood fill = %d components, %d patterns", trial, n, view, got, comps, pats)
		}
		if got > 1+n+n*(n-1)/2 {
			t.Errorf("trial %d: Pieces = %d above the arrangement bound 1+n+n(n-1)/2", trial, got)
		}
	}
	// Larger n: tiny regions and specks make the flood fill a bracket:
	// components of >= 10 pixels <= Pieces <= components of >= 1 pixel,
	// and Pieces is at least the number of distinct patterns seen.
	for trial := 0; trial < 12; trial++ {
		n := 5 + trial
		nt := Random(n, r)
		got := nt.Pieces(square2)
		lo, pats := floodPieces(nt, square2, 600, 10)
		hi, _ := floodPieces(nt, square2, 600, 1)
		if got < lo || got > hi || got < pats {
			t.Errorf("n=%d: Pieces = %d, want in flood-fill bracket [%d, %d] and >= %d patterns", n, got, lo, hi, pats)
		}
	}
}
