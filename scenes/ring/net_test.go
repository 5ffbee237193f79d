package ring

import (
	"errors"
	"math"
	"strings"
	"testing"

	"digitlab/nn"
)

// The seed's seven test points (003 §9d). For (1,2) the verdicts are the
// seed's printed output; the scores and all of (0.5,1.5) are worked out by
// hand from z = min(r-a, b-r), r = |x1|+|x2|.
func TestSeedPoints(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc   string
		a, b   float64
		x1, x2 float64
		want   bool
		score  float64
	}{
		{"(1,2) origin", 1, 2, 0, 0, false, -1},
		{"(1,2) inner corner", 1, 2, 0.5, 0.5, true, 0},
		{"(1,2) 1.1 on axis", 1, 2, 1.1, 0, true, 0.1},
		{"(1,2) outer corner", 1, 2, 1, 1, true, 0},
		{"(1,2) (1.5,0.2)", 1, 2, 1.5, 0.2, true, 0.3},
		{"(1,2) outer on axis", 1, 2, 2, 0, true, 0},
		{"(1,2) just outside", 1, 2, 2.1, 0, false, -0.1},

		{"(0.5,1.5) origin", 0.5, 1.5, 0, 0, false, -0.5},
		{"(0.5,1.5) (0.5,0.5)", 0.5, 1.5, 0.5, 0.5, true, 0.5},
		{"(0.5,1.5) 1.1 on axis", 0.5, 1.5, 1.1, 0, true, 0.4},
		{"(0.5,1.5) (1,1)", 0.5, 1.5, 1, 1, false, -0.5},
		{"(0.5,1.5) (1.5,0.2)", 0.5, 1.5, 1.5, 0.2, false, -0.2},
		{"(0.5,1.5) (2,0)", 0.5, 1.5, 2, 0, false, -0.5},
		{"(0.5,1.5) (2.1,0)", 0.5, 1.5, 2.1, 0, false, -0.6},
		// Boundary points of (0.5,1.5): z is exactly 0, so "in".
		{"(0.5,1.5) inner boundary", 0.5, 1.5, 0.25, 0.25, true, 0},
		{"(0.5,1.5) outer boundary axis", 0.5, 1.5, 1.5, 0, true, 0},
		{"(0.5,1.5) outer boundary corner", 0.5, 1.5, 0.75, 0.75, true, 0},
		{"(0.5,1.5) negative quadrant", 0.5, 1.5, -0.6, -0.4, true, 0.5},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			n := MustNew(tc.a, tc.b)
			if got := n.InRing(tc.x1, tc.x2); got != tc.want {
				t.Errorf("InRing(%v, %v) = %v, want %v", tc.x1, tc.x2, got, tc.want)
			}
			if got := n.Score(tc.x1, tc.x2); math.Abs(got-tc.score) > 1e-12 {
				t.Errorf("Score(%v, %v) = %v, want %v", tc.x1, tc.x2, got, tc.score)
			}
		})
	}
}

// The layered network equals the closed form min(r-a, b-r) on a grid that
// includes the axes and the diamonds' corners.
func TestScoreClosedForm(t *testing.T) {
	t.Parallel()
	for _, ab := range [][2]float64{{1, 2}, {0.5, 1.5}, {0, 1}, {0.3, 0.35}, {2, 5}} {
		n := MustNew(ab[0], ab[1])
		worst := 0.0
		for i := 0; i <= 100; i++ {
			for j := 0; j <= 100; j++ {
				x1, x2 := -2.5+0.05*float64(i), -2.5+0.05*float64(j)
				r := math.Abs(x1) + math.Abs(x2)
				want := math.Min(r-ab[0], ab[1]-r)
				worst = math.Max(worst, math.Abs(n.Score(x1, x2)-want))
			}
		}
		if worst > 1e-12 {
			t.Errorf("a=%v b=%v: max |Score - min(r-a,b-r)| = %g", ab[0], ab[1], worst)
		}
	}
}

func TestHiddenLayers(t *testing.T) {
	t.Parallel()
	n := MustNew(1, 2)
	h1, h2, z := n.Layers(-0.5, 1.25) // r = 1.75
	want1 := [4]float64{0, 0.5, 1.25, 0}
	want2 := [3]float64{0, 0.25, 0} // ReLU(3-3.5), ReLU(2-1.75), ReLU(1.75-2)
	if h1 != want1 || h2 != want2 || z != 0.25 {
		t.Errorf("Layers(-0.5, 1.25) = %v %v %v, want %v %v 0.25", h1, h2, z, want1, want2)
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		a, b float64
		ok   bool
	}{
		{"seed", 1, 2, true},
		{"seed modified", 0.5, 1.5, true},
		{"disk", 0, 1, true},
		{"equal", 1, 1, false},
		{"reversed", 2, 1, false},
		{"negative a", -0.1, 1, false},
		{"NaN a", math.NaN(), 1, false},
		{"NaN b", 0, math.NaN(), false},
		{"Inf b", 0, math.Inf(1), false},
		{"both negative", -2, -1, false},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := New(tc.a, tc.b)
			if tc.ok {
				if err != nil {
					t.Errorf("New(%v, %v) = %v, want nil", tc.a, tc.b, err)
				}
				return
			}
			var pe *ParamError
			if !errors.As(err, &pe) {
				t.Fatalf("New(%v, %v) error = %v, want *ParamError", tc.a, tc.b, err)
			}
			if !strings.HasPrefix(err.Error(), "ring: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

// The seed's matrices for a=1, b=2, copied from 003 §9c/d.
func TestSeedMatrices(t *testing.T) {
	t.Parallel()
	n := MustNew(1, 2)
	want := []float64{
		1, 0, -1, 0, 0, 1, 0, -1, // W1
		0, 0, 0, 0, // b1
		-2, -2, -2, -2, -1, -1, -1, -1, 1, 1, 1, 1, // W2
		3, 2, -2, // b2
		-1, 1, -1, // W3
		0, // b3
	}
	got := n.Params()
	if len(got) != NumParams || NumParams != 31 {
		t.Fatalf("len(Params()) = %d (NumParams %d), want 31", len(got), NumParams)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Params()[%d] = %v, want %v", i, got[i], want[i])
		}
	}
	ms := n.Matrices()
	if len(ms) != 6 || ms[3].Name != "b2" || ms[3].Rows[0][0] != 3 || ms[3].Rows[2][0] != -2 {
		t.Errorf("Matrices()[3] = %+v, want b2 = [[3] [2] [-2]]", ms[3])
	}
	ms[2].Rows[0][0] = 99 // copies, not views
	if n.W2[0][0] != -2 {
		t.Errorf("Matrices() aliases the net's weights")
	}
	s := MustNew(0.5, 1.5).String()
	for _, sub := range []string{"W2 = [[   -2", "b2 = [[    2]", "[ -1.5]]", "W3 = [[   -1     1    -1]]"} {
		if !strings.Contains(s, sub) {
			t.Errorf("String() lacks %q:\n%s", sub, s)
		}
	}
}

// The float64 network here and nn's float32 engine with the same weights
// agree.
func TestScoreMatchesNN(t *testing.T) {
	t.Parallel()
	for _, ab := range [][2]float64{{1, 2}, {0.5, 1.5}} {
		n := MustNew(ab[0], ab[1])
		m := nnNet(t, n)
		x := make([]float32, 2)
		for i := 0; i <= 50; i++ {
			for j := 0; j <= 50; j++ {
				x[0], x[1] = float32(-2.5+0.1*float64(i)), float32(-2.5+0.1*float64(j))
				got := float64(m.Forward(x)[0])
				want := n.Score(float64(x[0]), float64(x[1]))
				if math.Abs(got-want) > 1e-5 {
					t.Fatalf("(%v,%v): nn gives %v at %v, ring.Score %v", ab[0], ab[1], got, x, want)
				}
			}
		}
	}
}

// nnNet loads n's weights into an nn model of the same shape with a linear
// head (nn stores a dense layer's weights input-major: w[i*nOut+o]).
func nnNet(t *testing.T, n *Net) *nn.Model {
	t.Helper()
	m, err := nn.NewBuilder("ring", nn.Vec(2)).Dense(4, true).ReLU().Dense(3, true).ReLU().Dense(1, true).Build(nn.HeadLinear)
	if err != nil {
		t.Fatal(err)
	}
	l := m.Layers()
	for o, row := range n.W1 {
		for i, w := range row {
			l[0].W[i*4+o] = float32(w)
		}
		l[0].B[o] = float32(n.B1[o])
	}
	for o, row := range n.W2 {
		for i, w := range row {
			l[2].W[i*3+o] = float32(w)
		}
		l[2].B[o] = float32(n.B2[o])
	}
	for i, w := range n.W3 {
		l[4].W[i] = float32(w)
	}
	l[4].B[0] = float32(n.B3)
	return m
}
