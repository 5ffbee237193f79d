package nn

import (
	"math"
	"strings"
	"testing"
)

// traceLayer64 is the float64 oracle of one layer, written from the
// layouts LayerInfo and conv.go document (not from the kernels): it
// returns the layer's output for input x and, per output, the scale of
// its rounding error (Σ|terms| for dense and conv, |y| otherwise).
func traceLayer64(t *testing.T, l LayerInfo, x []float64) (y, scale []float64) {
	t.Helper()
	in, out := l.In, l.Out
	y, scale = make([]float64, out.Size()), make([]float64, out.Size())
	switch l.Kind {
	case "Dense": // y_o = b_o + Σ_i x_i·w[i*nOut+o]
		nIn, nOut := l.WShape[0], l.WShape[1]
		for o := range nOut {
			s, a := 0.0, 0.0
			if l.B != nil {
				s, a = float64(l.B[o]), math.Abs(float64(l.B[o]))
			}
			for i := range nIn {
				p := x[i] * float64(l.W[i*nOut+o])
				s, a = s+p, a+math.Abs(p)
			}
			y[o], scale[o] = s, a
		}
	case "Conv": // y[oh,ow,od] = b[od] + Σ w[kh,kw,od,id]·x[oh*s+kh, ow*s+kw, id]
		KH, KW, OD, ID := l.WShape[0], l.WShape[1], l.WShape[2], l.WShape[3]
		st := l.Stride
		for oh := range out.H {
			for ow := range out.W {
				for od := range OD {
					s, a := 0.0, 0.0
					if l.B != nil {
						s, a = float64(l.B[od]), math.Abs(float64(l.B[od]))
					}
					for kh := range KH {
						for kw := range KW {
							for id := range ID {
								p := float64(l.W[((kh*KW+kw)*OD+od)*ID+id]) * x[((oh*st+kh)*in.W+ow*st+kw)*in.C+id]
								s, a = s+p, a+math.Abs(p)
							}
						}
					}
					o := (oh*out.W+ow)*OD + od
					y[o], scale[o] = s, a
				}
			}
		}
	case "AvgPool2", "MaxPool2":
		for oh := range out.H {
			for ow := range out.W {
				for c := range in.C {
					at := func(dh, dw int) float64 { return x[((2*oh+dh)*in.W+2*ow+dw)*in.C+c] }
					a, b, cc, d := at(0, 0), at(0, 1), at(1, 0), at(1, 1)
					v := (a + b + cc + d) / 4
					if l.Kind == "MaxPool2" {
						v = math.Max(math.Max(a, b), math.Max(cc, d))
					}
					y[(oh*out.W+ow)*in.C+c] = v
				}
			}
		}
	default:
		for i, v := range x {
			switch l.Kind {
			case "Flatten":
			case "ReLU":
				v = math.Max(v, 0)
			case "LeakyReLU": // seed 000's max(z/10, z)
				v = math.Max(v/10, v)
			case "Sigmoid":
				v = 1 / (1 + math.Exp(-v))
			case "Tanh":
				v = math.Tanh(v)
			default:
				t.Fatalf("no oracle for layer kind %s", l.Kind)
			}
			y[i] = v
		}
	}
	for i := range y {
		scale[i] = math.Max(scale[i], math.Abs(y[i]))
	}
	return y, scale
}

func to64(v []float32) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

// TestTraceOutputs checks, for every preset on a random image, each
// layer's Output against the float64 oracle applied to the layer's input
// as the model saw it (a tight check per layer), and the oracle chained
// from the image alone against the model's output (loose: a whole
// network of rounding).
func TestTraceOutputs(t *testing.T) {
	for _, p := range Presets() {
		t.Run(p.Name, func(t *testing.T) {
			t.Parallel()
			r := newRand(7)
			m, err := NewPreset(p.Name, r)
			if err != nil {
				t.Fatal(err)
			}
			// Some biases, so that the oracle's bias terms are tested too.
			for _, l := range m.Layers() {
				for i := range l.B {
					l.B[i] = float32(0.1 * r.NormFloat64())
				}
			}
			x := sparseImage(r, m.In.Size(), 0.5)
			z := m.Forward(x)
			infos := m.Layers()
			if m.LayerCount() != len(infos) {
				t.Fatalf("LayerCount() = %d, want %d", m.LayerCount(), len(infos))
			}
			prev, chain := to64(x), to64(x)
			for i, l := range infos {
				if k, in, out := m.LayerKind(i), m.LayerIn(i), m.LayerOut(i); k != l.Kind || in != l.In || out != l.Out {
					t.Fatalf("layer %d: LayerKind, In, Out = %s %v %v, want %s %v %v", i, k, in, out, l.Kind, l.In, l.Out)
				}
				got := m.Output(i)
				if len(got) != l.Out.Size() {
					t.Fatalf("len(Output(%d)) = %d, want %d", i, len(got), l.Out.Size())
				}
				want, scale := traceLayer64(t, l, prev)
				worst, wi := 0.0, -1
				for j := range got {
					if e := math.Abs(float64(got[j])-want[j]) / (1e-7 + 1e-5*scale[j]); e > worst || math.IsNaN(e) {
						worst, wi = e, j
					}
				}
				if worst > 1 {
					t.Errorf("layer %d (%s): Output[%d] = %v, want %v (error %.3g × tolerance)", i, l.Kind, wi, got[wi], want[wi], worst)
				}
				prev = to64(got)
				chain, _ = traceLayer64(t, l, chain)
			}
			if &m.Output(len(infos) - 1)[0] != &z[0] {
				t.Error("Output(last) is not the slice Forward returned")
			}
			for o := range z {
				if !closeTo(float64(z[o]), chain[o], 1e-4, 1e-3) {
					t.Errorf("output %d = %v, the float64 forward pass gives %v", o, z[o], chain[o])
				}
			}
		})
	}
}

// TestTraceViewsFollowForward checks that the views are the model's live
// buffers: a second Forward changes what an earlier Output slice shows.
func TestTraceViewsFollowForward(t *testing.T) {
	r := newRand(3)
	m, err := NewPreset("digits64", r)
	if err != nil {
		t.Fatal(err)
	}
	m.Forward(sparseImage(r, 64, 0.3))
	first := m.Output(0)
	before := append([]float32(nil), first...)
	m.Forward(sparseImage(r, 64, 0.3))
	same := true
	for i := range before {
		same = same && before[i] == first[i]
	}
	if same {
		t.Error("Output(0) did not change with a second Forward on another image")
	}
}

func TestTraceNoAllocs(t *testing.T) {
	r := newRand(1)
	m, err := NewPreset("best", r)
	if err != nil {
		t.Fatal(err)
	}
	x := sparseImage(r, m.In.Size(), 0.8)
	m.Forward(x)
	sum := float32(0)
	allocs := testing.AllocsPerRun(20, func() {
		for i := range m.LayerCount() {
			_ = m.LayerKind(i)
			sum += float32(m.LayerIn(i).Size() + m.LayerOut(i).Size())
			sum += m.Output(i)[0]
		}
	})
	if allocs != 0 {
		t.Errorf("the accessors allocate %v times per run, want 0", allocs)
	}
}

func TestTraceBadLayerPanics(t *testing.T) {
	m, err := NewPreset("linear", newRand(1))
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{-1, m.LayerCount()} {
		for name, f := range map[string]func(){
			"Output":    func() { m.Output(i) },
			"LayerKind": func() { m.LayerKind(i) },
			"LayerIn":   func() { m.LayerIn(i) },
			"LayerOut":  func() { m.LayerOut(i) },
		} {
			func() {
				defer func() {
					msg, _ := recover().(string)
					if !strings.HasPrefix(msg, "nn: ") {
						t.Errorf("%s(%d): panic %q, want one starting \"nn: \"", name, i, msg)
					}
				}()
				f()
			}()
		}
	}
}
