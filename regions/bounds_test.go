package regions

import (
	"math/rand/v2"
	"testing"

	"digitlab/kit/plot"
)

// serraSlow is Theorem 1's sum written out: every (j₁..j_L) in
// [0, n₁]×…×[0, n_L], kept if it satisfies J's condition literally.
func serraSlow(widths []int) int {
	L := len(widths)
	j := make([]int, L)
	total := 0
	for {
		in := true
		for l := 0; l < L; l++ {
			m := min(inputDim, widths[l])
			for k := 0; k < l; k++ {
				m = min(m, widths[k]-j[k])
			}
			in = in && j[l] <= m
		}
		if in {
			p := 1
			for l := range j {
				p *= binom(widths[l], j[l])
			}
			total += p
		}
		l := 0
		for ; l < L; l++ {
			if j[l]++; j[l] <= widths[l] {
				break
			}
			j[l] = 0
		}
		if l == L {
			return total
		}
	}
}

func TestBoundsByHand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc           string
		widths         []int
		serra, product int
	}{
		// One layer: 1 + n + n(n−1)/2, tight (n lines in general position).
		{"n=1", []int{1}, 2, 2},
		{"n=2", []int{2}, 4, 4},
		{"n=3: the seed example's 7", []int{3}, 7, 7},
		// (2,2): j₁=0: C(2,0)·Σ_{j₂≤2}C(2,j₂) = 4; j₁=1: C(2,1)·Σ_{j₂≤1} = 2·3
		// = 6; j₁=2: C(2,2)·C(2,0) = 1 (j₂ ≤ n₁−j₁ = 0); 4+6+1 = 11.
		// Product: 4·4 = 16.
		{"2,2", []int{2, 2}, 11, 16},
		// (1,1): j₁=0: 1·(1+1) = 2; j₁=1: 1·1 = 1; 3 (one line, then one
		// more line in the half where the first unit is active). Product
		// 2·2 = 4 (leaky: the second unit can cut both halves).
		{"1,1", []int{1, 1}, 3, 4},
		// (2,3): j₁=0: 1·(1+3+3) = 7; j₁=1: 2·(1+3) = 8; j₁=2: 1·1 = 1; 16.
		// Product 4·7 = 28.
		{"2,3", []int{2, 3}, 16, 28},
		// (3,1): j₂ ≤ min(2, 3−j₁, 1) = 1 for every j₁ ≤ 2: (1+3+3)·2 = 14.
		{"3,1", []int{3, 1}, 14, 14},
		// (1,1,1): j₂ ≤ 1−j₁ and j₃ ≤ min(1−j₁, 1−j₂), so J is (0,0,0),
		// (0,0,1), (0,1,0), (1,0,0), each term 1: 4. Product 2·2·2 = 8.
		{"1,1,1", []int{1, 1, 1}, 4, 8},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			if got := SerraBound(tc.widths); got != tc.serra {
				t.Errorf("SerraBound(%v) = %d, want %d", tc.widths, got, tc.serra)
			}
			if got := ProductBound(tc.widths); got != tc.product {
				t.Errorf("ProductBound(%v) = %d, want %d", tc.widths, got, tc.product)
			}
		})
	}
	for n, want := range []int{1, 2, 4, 7, 11, 16} {
		if got := ShallowBound(n); got != want {
			t.Errorf("ShallowBound(%d) = %d, want %d", n, got, want)
		}
	}
	if got := HaninRolnickOrder([]int{16, 16}); got != 512 {
		t.Errorf("HaninRolnickOrder(16,16) = %v, want 512", got)
	}
}

func TestSerraBoundAgainstSlow(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(6, 6))
	for trial := 0; trial < 200; trial++ {
		widths := make([]int, 1+r.IntN(3))
		for l := range widths {
			widths[l] = 1 + r.IntN(12)
		}
		got, want := SerraBound(widths), serraSlow(widths)
		if got != want {
			t.Fatalf("SerraBound(%v) = %d, literal sum %d", widths, got, want)
		}
		if p := ProductBound(widths); got > p {
			t.Fatalf("SerraBound(%v) = %d above ProductBound %d", widths, got, p)
		}
		if len(widths) == 1 && got != ShallowBound(widths[0]) {
			t.Fatalf("SerraBound(%v) = %d, ShallowBound %d", widths, got, ShallowBound(widths[0]))
		}
	}
	if got := SerraBound([]int{32, 32, 32}); got <= 0 || got > ProductBound([]int{32, 32, 32}) {
		t.Errorf("SerraBound(32,32,32) = %d", got)
	}
}

// TestCountsWithinBounds: enumerated counts (in a view, so at most those
// of the whole plane) stay within the bounds: Serra's for ReLU, the
// product bound for leaky ReLU.
func TestCountsWithinBounds(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(10, 10))
	big := plot.Rect{X0: -20, Y0: -20, X1: 20, Y1: 20}
	trials := 40
	if testing.Short() {
		trials = 15
	}
	for trial := 0; trial < trials; trial++ {
		widths := make([]int, 1+trial%3)
		for l := range widths {
			widths[l] = 1 + r.IntN(5)
		}
		leaky := []float64{0, 0.1}[trial/3%2]
		nt := Random(widths, leaky, SeedInit, r)
		got := Enumerate(nt, big).Count()
		bound, name := SerraBound(widths), "SerraBound"
		if leaky != 0 {
			bound, name = ProductBound(widths), "ProductBound"
		}
		if got > bound {
			t.Errorf("widths %v leaky %v: %d regions in [-20,20]², %s = %d", widths, leaky, got, name, bound)
		}
	}
}

func TestBoundsPanic(t *testing.T) {
	t.Parallel()
	for _, f := range []func(){
		func() { SerraBound(nil) },
		func() { ProductBound([]int{2, 0}) },
		func() { HaninRolnickOrder([]int{-1}) },
		func() { ShallowBound(-1) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			f()
		}()
	}
}
