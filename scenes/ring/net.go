package ring

import (
	"fmt"
	"math"
	"strings"
)

// ParamError reports radii that do not describe a ring: they must be finite
// with 0 ≤ A < B. It is what a URL query or a slider can cause.
type ParamError struct {
	A, B float64
	Msg  string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("ring: bad radii a=%g b=%g: %s", e.A, e.B, e.Msg)
}

// Validate returns a *ParamError unless a and b are finite and 0 ≤ a < b.
func Validate(a, b float64) error {
	switch {
	case math.IsNaN(a) || math.IsNaN(b) || math.IsInf(a, 0) || math.IsInf(b, 0):
		return &ParamError{a, b, "radii must be finite numbers"}
	case a < 0:
		return &ParamError{a, b, "inner radius a must be ≥ 0"}
	case a >= b:
		return &ParamError{a, b, "inner radius a must be smaller than outer radius b"}
	}
	return nil
}

// Net is the seed's designed 2→4→3→1 ReLU ring detector for the L1 annulus
// A ≤ |x1|+|x2| ≤ B. Its 31 parameters follow from A and B (see New).
// Matrices are stored as rows: W1[j] is the weight row of hidden unit j.
type Net struct {
	A, B float64
	W1   [4][2]float64 // (4, 2): layer 1, rows (1,0), (-1,0), (0,1), (0,-1)
	B1   [4]float64    // zeros
	W2   [3][4]float64 // (3, 4): rows of -2, -1, +1
	B2   [3]float64    // [A+B, B, -B]
	W3   [3]float64    // (1, 3): [-1, 1, -1]
	B3   float64       // 0
}

// New returns the designed network for 0 ≤ a < b, or a *ParamError.
func New(a, b float64) (*Net, error) {
	if err := Validate(a, b); err != nil {
		return nil, err
	}
	return &Net{
		A: a, B: b,
		W1: [4][2]float64{{1, 0}, {-1, 0}, {0, 1}, {0, -1}},
		W2: [3][4]float64{{-2, -2, -2, -2}, {-1, -1, -1, -1}, {1, 1, 1, 1}},
		B2: [3]float64{a + b, b, -b},
		W3: [3]float64{-1, 1, -1},
	}, nil
}

// MustNew is New for constant radii; it panics on bad radii.
func MustNew(a, b float64) *Net {
	n, err := New(a, b)
	if err != nil {
		panic("ring: " + err.Error())
	}
	return n
}

// NumParams is the number of weights and biases: 4·2+4 + 3·4+3 + 3+1 = 31.
const NumParams = 31

func relu(z float64) float64 { return math.Max(0, z) }

// Layers evaluates the network layer by layer at (x1, x2) and returns the
// post-ReLU activations of both hidden layers and the output z.
func (n *Net) Layers(x1, x2 float64) (h1 [4]float64, h2 [3]float64, z float64) {
	for j, w := range n.W1 {
		h1[j] = relu(w[0]*x1 + w[1]*x2 + n.B1[j])
	}
	for j, w := range n.W2 {
		s := n.B2[j]
		for i, v := range w {
			s += v * h1[i]
		}
		h2[j] = relu(s)
	}
	z = n.B3
	for j, v := range n.W3 {
		z += v * h2[j]
	}
	return h1, h2, z
}

// Score is the output z(x1, x2) of the network; it equals min(r-A, B-r) with
// r = |x1|+|x2| (up to rounding).
func (n *Net) Score(x1, x2 float64) float64 {
	_, _, z := n.Layers(x1, x2)
	return z
}

// InRing is the seed's decision rule: Score ≥ 0.
func (n *Net) InRing(x1, x2 float64) bool { return n.Score(x1, x2) >= 0 }

// Params returns the 31 parameters in the order W1, b1, W2, b2, W3, b3
// (row-major), as a model loader expects them.
func (n *Net) Params() []float64 {
	p := make([]float64, 0, NumParams)
	for _, r := range n.W1 {
		p = append(p, r[:]...)
	}
	p = append(p, n.B1[:]...)
	for _, r := range n.W2 {
		p = append(p, r[:]...)
	}
	p = append(p, n.B2[:]...)
	p = append(p, n.W3[:]...)
	return append(p, n.B3)
}

// Matrix is one named weight matrix or bias vector as rows of numbers, for
// showing on screen.
type Matrix struct {
	Name string
	Rows [][]float64
}

// String formats the matrix on one line per row, numbers with %.4g.
func (m Matrix) String() string {
	var sb strings.Builder
	for i, r := range m.Rows {
		if i == 0 {
			fmt.Fprintf(&sb, "%s = [", m.Name)
		} else {
			sb.WriteString(strings.Repeat(" ", len(m.Name)+4))
		}
		sb.WriteString("[")
		for j, v := range r {
			if j > 0 {
				sb.WriteString(" ")
			}
			fmt.Fprintf(&sb, "%5s", fmt.Sprintf("%.4g", v))
		}
		sb.WriteString("]")
		if i == len(m.Rows)-1 {
			sb.WriteString("]")
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

// Matrices returns copies of W1, b1, W2, b2, W3, b3 in the seed's shapes:
// biases are column vectors (one number per row).
func (n *Net) Matrices() []Matrix {
	rows := func(rs ...[]float64) [][]float64 {
		out := make([][]float64, len(rs))
		for i, r := range rs {
			out[i] = append([]float64(nil), r...)
		}
		return out
	}
	col := func(v []float64) [][]float64 {
		out := make([][]float64, len(v))
		for i := range v {
			out[i] = []float64{v[i]}
		}
		return out
	}
	return []Matrix{
		{"W1", rows(n.W1[0][:], n.W1[1][:], n.W1[2][:], n.W1[3][:])},
		{"b1", col(n.B1[:])},
		{"W2", rows(n.W2[0][:], n.W2[1][:], n.W2[2][:])},
		{"b2", col(n.B2[:])},
		{"W3", rows(n.W3[:])},
		{"b3", col([]float64{n.B3})},
	}
}

// String prints all matrices, one block each.
func (n *Net) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "ring detector 2→4→3→1 for %g ≤ |x1|+|x2| ≤ %g\n", n.A, n.B)
	for _, m := range n.Matrices() {
		sb.WriteString(m.String())
	}
	return sb.String()
}
