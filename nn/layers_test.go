package nn

import (
	"math"
	"testing"
)

// TestLayerGradients checks every layer and activation, each as a one- or
// two-layer model, against central differences (parameters and input).
func TestLayerGradients(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc  string
		in    Shape
		build func(b *Builder) *Builder
		input string // "normal", "away" (|x| ≥ 0.1), "distinct" (spaced values)
	}{
		{"dense bias", Vec(5), func(b *Builder) *Builder { return b.Dense(3, true) }, "normal"},
		{"dense no bias", Vec(9), func(b *Builder) *Builder { return b.Dense(6, false) }, "normal"},
		{"dense on image input", Shape{3, 2, 2}, func(b *Builder) *Builder { return b.Dense(5, true) }, "normal"},
		{"conv 3x2 s1 C2 bias", Shape{6, 7, 2}, func(b *Builder) *Builder { return b.Conv(3, 2, 3, 1, true) }, "normal"},
		{"conv 3x3 s2 C3", Shape{7, 8, 3}, func(b *Builder) *Builder { return b.Conv(3, 3, 2, 2, false) }, "normal"},
		{"conv 5x5 s2 C1 (seed cnn)", Shape{14, 14, 1}, func(b *Builder) *Builder { return b.Conv(5, 5, 8, 2, false) }, "normal"},
		{"conv 1x1 C8", Shape{5, 5, 8}, func(b *Builder) *Builder { return b.Conv(1, 1, 4, 1, false) }, "normal"},
		{"conv C1 bias", Shape{6, 5, 1}, func(b *Builder) *Builder { return b.Conv(2, 3, 3, 1, true) }, "normal"},
		{"avgpool odd", Shape{5, 4, 3}, func(b *Builder) *Builder { return b.AvgPool2() }, "normal"},
		{"maxpool odd", Shape{5, 7, 2}, func(b *Builder) *Builder { return b.MaxPool2() }, "distinct"},
		{"relu", Vec(11), func(b *Builder) *Builder { return b.ReLU() }, "away"},
		{"leaky relu", Vec(11), func(b *Builder) *Builder { return b.LeakyReLU() }, "away"},
		{"sigmoid", Vec(11), func(b *Builder) *Builder { return b.Sigmoid() }, "normal"},
		{"tanh", Vec(11), func(b *Builder) *Builder { return b.Tanh() }, "normal"},
		{"conv flatten dense", Shape{4, 4, 2}, func(b *Builder) *Builder { return b.Conv(2, 2, 2, 1, true).Flatten().Dense(3, true) }, "normal"},
		{"dense then flatten last", Vec(4), func(b *Builder) *Builder { return b.Dense(3, true).Flatten() }, "normal"},
	}
	for i, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			r := newRand(uint64(100 + i))
			m, err := tc.build(NewBuilder(tc.desc, tc.in)).Build(HeadLinear)
			if err != nil {
				t.Fatal(err)
			}
			copy(m.Params, randVec(r, len(m.Params), 0.5))
			var x []float32
			switch tc.input {
			case "away":
				x = awayFromZero(r, tc.in.Size())
			case "distinct":
				x = make([]float32, tc.in.Size())
				for j, p := range r.Perm(len(x)) {
					x[j] = float32(p)*0.1 - 1
				}
			default:
				x = randVec(r, tc.in.Size(), 1)
			}
			c := randVec(r, m.Out().Size(), 1)
			loss, ana := linearLoss(c)
			gradCheck(t, m, x, nil, true, loss, ana)
		})
	}
}

// TestLossGradients checks both heads' losses against central differences.
func TestLossGradients(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc  string
		n     int
		head  Head
		label int
	}{
		{"sigmoid BCE label A", 1, HeadSigmoid, 0},
		{"sigmoid BCE label B", 1, HeadSigmoid, 1},
		{"softmax CE", 5, HeadSoftmax, 3},
		{"softmax CE label 0", 2, HeadSoftmax, 0},
	}
	for i, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			r := newRand(uint64(200 + i))
			m, err := NewBuilder(tc.desc, Vec(4)).Dense(tc.n, true).Build(tc.head)
			if err != nil {
				t.Fatal(err)
			}
			copy(m.Params, randVec(r, len(m.Params), 0.7))
			x := randVec(r, 4, 1)
			loss, ana := headLoss(tc.label)
			gradCheck(t, m, x, nil, true, loss, ana)
		})
	}
}

// TestLeakyReLUAtZero: seed 000's derivative 0.1 + 0.9·heaviside(z, 0.5).
func TestLeakyReLUAtZero(t *testing.T) {
	t.Parallel()
	x := []float32{-2, 0, 3}
	dy := []float32{1, 1, 1}
	dx := make([]float32, 3)
	lreluBackward(dx, dy, x)
	want := []float32{0.1, 0.55, 1}
	for i := range want {
		if dx[i] != want[i] {
			t.Errorf("dlrelu(%v) = %v, want %v", x[i], dx[i], want[i])
		}
	}
	y := make([]float32, 3)
	lreluForward(y, x)
	if y[0] != -0.2 || y[1] != 0 || y[2] != 3 {
		t.Errorf("lrelu(%v) = %v, want [-0.2 0 3]", x, y)
	}
}

// TestDenseFastMatchesNaive compares the tiled, zero-skipping kernels with
// the plain loops.
func TestDenseFastMatchesNaive(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc      string
		nIn, nOut int
		zeros     float64
		bias, dx  bool
	}{
		{"mnist first layer", 784, 32, 0.8, true, false},
		{"odd sizes", 13, 7, 0.3, true, true},
		{"no bias dense input", 9, 5, 0, false, true},
		{"all zero input", 6, 3, 1, true, true},
		{"one output", 100, 1, 0.5, false, true},
	}
	for i, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			r := newRand(uint64(300 + i))
			x := sparseImage(r, tc.nIn, tc.zeros)
			w := randVec(r, tc.nIn*tc.nOut, 1)
			var b []float32
			if tc.bias {
				b = randVec(r, tc.nOut, 1)
			}
			y1, y2 := make([]float32, tc.nOut), make([]float32, tc.nOut)
			denseForwardNaive(y1, x, w, b, tc.nIn, tc.nOut)
			nz := denseForward(y2, x, w, b, make([]int32, 0, tc.nIn), tc.nIn, tc.nOut)
			compareSlices(t, "y", y2, y1, 1e-5, 1e-5)
			dy := randVec(r, tc.nOut, 1)
			dw1, dw2 := randVec(r, len(w), 1), make([]float32, len(w))
			copy(dw2, dw1) // accumulation onto existing values
			var db1, db2, dx1, dx2 []float32
			if tc.bias {
				db1, db2 = make([]float32, tc.nOut), make([]float32, tc.nOut)
			}
			if tc.dx {
				dx1, dx2 = make([]float32, tc.nIn), make([]float32, tc.nIn)
			}
			denseBackwardNaive(dx1, dw1, db1, dy, x, w, tc.nIn, tc.nOut)
			denseBackward(dx2, dw2, db2, dy, x, w, nz, tc.nIn, tc.nOut)
			compareSlices(t, "dw", dw2, dw1, 1e-5, 1e-5)
			compareSlices(t, "db", db2, db1, 1e-5, 1e-5)
			compareSlices(t, "dx", dx2, dx1, 1e-5, 1e-5)
		})
	}
}

// TestConvFastMatchesNaive compares convForward/convBackward with the
// plain loops.
func TestConvFastMatchesNaive(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc                   string
		H, W, C, KH, KW, OD, s int
		zeros                  float64
		bias                   bool
	}{
		{"seed cnn conv C", 14, 14, 1, 5, 5, 8, 2, 0.6, false},
		{"seed cnn conv B", 5, 5, 8, 1, 1, 4, 1, 0, false},
		{"cnn10", 28, 28, 1, 3, 3, 9, 1, 0.8, true},
		{"convnetjs second", 12, 12, 8, 5, 5, 16, 1, 0.5, true},
		{"rect stride 3", 10, 11, 3, 2, 4, 5, 3, 0.2, true},
		{"best first", 28, 28, 1, 3, 3, 8, 1, 0.8, true},
		{"best second", 13, 13, 8, 3, 3, 16, 1, 0.1, true},
		{"blocks of 8 and a tail", 9, 8, 5, 3, 2, 12, 2, 0.3, false},
	}
	for i, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			r := newRand(uint64(400 + i))
			x := sparseImage(r, tc.H*tc.W*tc.C, tc.zeros)
			w := randVec(r, tc.KH*tc.KW*tc.OD*tc.C, 1)
			var b []float32
			if tc.bias {
				b = randVec(r, tc.OD, 1)
			}
			n := convOut(tc.H, tc.KH, tc.s) * convOut(tc.W, tc.KW, tc.s) * tc.OD
			y1, y2 := make([]float32, n), make([]float32, n)
			convForwardNaive(y1, x, w, b, tc.H, tc.W, tc.C, tc.KH, tc.KW, tc.OD, tc.s)
			convForward(y2, x, w, make([]float32, len(w)), b, tc.H, tc.W, tc.C, tc.KH, tc.KW, tc.OD, tc.s)
			compareSlices(t, "y", y2, y1, 1e-5, 1e-5)
			dy := sparseImage(r, n, 0.5) // zero gradients as after a max pool
			for j := range dy {
				dy[j] -= 0.5 * float32(math.Abs(float64(dy[j])))
			}
			dw1 := randVec(r, len(w), 1)
			dw2 := append([]float32(nil), dw1...)
			dx1, dx2 := make([]float32, len(x)), randVec(r, len(x), 1) // dx is overwritten
			var db1, db2 []float32
			if tc.bias {
				db1, db2 = make([]float32, tc.OD), make([]float32, tc.OD)
			}
			convBackwardNaive(dx1, dw1, db1, dy, x, w, tc.H, tc.W, tc.C, tc.KH, tc.KW, tc.OD, tc.s)
			convBackward(dx2, dw2, db2, dy, x, w, tc.H, tc.W, tc.C, tc.KH, tc.KW, tc.OD, tc.s)
			compareSlices(t, "dw", dw2, dw1, 1e-5, 1e-5)
			compareSlices(t, "db", db2, db1, 1e-5, 1e-5)
			compareSlices(t, "dx", dx2, dx1, 1e-5, 1e-5)
		})
	}
}

// TestSeed000PoolConvChecks are seed 000's avgpool and conv shape and
// orientation checks (aa/pp, ww giving 63, bb/pp, ww/cc), for the fast
// and the naive kernels.
func TestSeed000PoolConvChecks(t *testing.T) {
	t.Parallel()
	ones := func(n int) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = 1
		}
		return v
	}
	// aa = ones((8,12,7)); avgpool2x2(aa) == ones((4,6,7)).
	aa := ones(8 * 12 * 7)
	pp := make([]float32, 4*6*7)
	avgPoolForward(pp, aa, 8, 12, 7)
	compareSlices(t, "avgpool(aa)", pp, ones(4*6*7), 0, 0)
	// ww = ones((3,3,5,7)); conv(aa, ww, 1) == 63·ones((6,10,5)).
	ww := ones(3 * 3 * 5 * 7)
	cc := make([]float32, 6*10*5)
	for i := range cc {
		cc[i] = 63
	}
	for _, f := range []struct {
		name string
		conv func(y, x, w, b []float32, H, W, C, KH, KW, OD, stride int)
	}{{"convForward", convFast}, {"convForwardNaive", convForwardNaive}} {
		got := make([]float32, 6*10*5)
		if OH, OW := convOut(8, 3, 1), convOut(12, 3, 1); OH != 6 || OW != 10 {
			t.Fatalf("conv output %dx%d, want 6x10", OH, OW)
		}
		f.conv(got, aa, ww, nil, 8, 12, 7, 3, 3, 5, 1)
		compareSlices(t, f.name+"(aa, ones)", got, cc, 0, 0)
	}
	// bb = [1·eye(4), 3·eye(4)] is (2,4,4); avgpool2x2(bb) == [[[1,1,0,0],[0,0,1,1]]].
	bb := make([]float32, 2*4*4)
	for h := 0; h < 2; h++ {
		for w := 0; w < 4; w++ {
			bb[(h*4+w)*4+w] = float32(1 + 2*h)
		}
	}
	pbb := make([]float32, 1*2*4)
	avgPoolForward(pbb, bb, 2, 4, 4)
	compareSlices(t, "avgpool(bb)", pbb, []float32{1, 1, 0, 0, 0, 0, 1, 1}, 0, 0)
	// ww = zeros((2,2,1,4)); ww[0,0,:,:] = 1+arange(4); conv(bb, ww) == [[[1],[2],[3]]].
	w2 := make([]float32, 2*2*1*4)
	copy(w2, []float32{1, 2, 3, 4})
	for _, f := range []func(y, x, w, b []float32, H, W, C, KH, KW, OD, stride int){convFast, convForwardNaive} {
		got := make([]float32, 1*3*1)
		f(got, bb, w2, nil, 2, 4, 4, 2, 2, 1, 1)
		compareSlices(t, "conv(bb, ww)", got, []float32{1, 2, 3}, 0, 0)
	}
}

// TestMaxPool checks values and the routing of the gradient to the winner.
func TestMaxPool(t *testing.T) {
	t.Parallel()
	// (3,4,1): the odd last row is dropped.
	x := []float32{
		1, 5, 2, 0,
		3, 4, 8, 7,
		9, 9, 9, 9,
	}
	y := make([]float32, 2)
	arg := make([]int32, 2)
	maxPoolForward(y, arg, x, 3, 4, 1)
	if y[0] != 5 || y[1] != 8 || arg[0] != 1 || arg[1] != 6 {
		t.Errorf("maxpool = %v arg %v, want [5 8] arg [1 6]", y, arg)
	}
	dx := make([]float32, 12)
	maxPoolBackward(dx, []float32{2, 3}, arg, 12)
	want := make([]float32, 12)
	want[1], want[6] = 2, 3
	compareSlices(t, "dx", dx, want, 0, 0)
}

// convFast is convForward with its own transpose buffer.
func convFast(y, x, w, b []float32, H, W, C, KH, KW, OD, stride int) {
	convForward(y, x, w, make([]float32, len(w)), b, H, W, C, KH, KW, OD, stride)
}
