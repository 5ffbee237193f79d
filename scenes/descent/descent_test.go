package descent

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"digitlab/kit/plot"
)

func TestGoldenValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc   string
		fn     *Func
		x, y   float64
		f      float64
		gx, gy float64
	}{
		{"f at its minimum", Bowl, 1, 0, 4, 0, 0},
		{"f at the seed's start", Bowl, 2.5, 1.5, 3*1.5*1.5 + 1.5*1.5 + 4, 9, 3},
		{"f at the origin", Bowl, 0, 0, 7, -6, 0},
		{"f at (-1,2)", Bowl, -1, 2, 12 + 4 + 4, -12, 4},
		{"B at the summit", Mountain, 10, 3, 4000, 0, 0},
		{"B at the foggy start (seed: 3691)", Mountain, 0, 0, 3691, 60, 6},
		{"B at (12,-1)", Mountain, 12, -1, 4000 - 12 - 16, -12, 8},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			if got := tc.fn.F(tc.x, tc.y); got != tc.f {
				t.Errorf("%s(%v,%v) = %v, want %v", tc.fn.Name, tc.x, tc.y, got, tc.f)
			}
			gx, gy := tc.fn.Grad(tc.x, tc.y)
			if gx != tc.gx || gy != tc.gy {
				t.Errorf("∇%s(%v,%v) = (%v,%v), want (%v,%v)", tc.fn.Name, tc.x, tc.y, gx, gy, tc.gx, tc.gy)
			}
		})
	}
	for _, fn := range Funcs() {
		if got := fn.F(fn.Opt.X, fn.Opt.Y); got != fn.OptValue {
			t.Errorf("%s(Opt) = %v, want OptValue %v", fn.Name, got, fn.OptValue)
		}
		if !fn.View.Contains(fn.Opt.X, fn.Opt.Y) {
			t.Errorf("%s: View %+v does not show the optimum", fn.Name, fn.View)
		}
	}
}

func TestGradFiniteDifferences(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	for _, fn := range Funcs() {
		for k := 0; k < 50; k++ {
			x, y := 30*r.Float64()-10, 30*r.Float64()-10
			const h = 1e-4
			fx := (fn.F(x+h, y) - fn.F(x-h, y)) / (2 * h)
			fy := (fn.F(x, y+h) - fn.F(x, y-h)) / (2 * h)
			gx, gy := fn.Grad(x, y)
			e := math.Max(math.Abs(gx-fx)/(1+math.Abs(gx)), math.Abs(gy-fy)/(1+math.Abs(gy)))
			if e > 1e-6 {
				t.Errorf("∇%s(%v,%v) = (%v,%v), finite differences (%v,%v): rel err ∞-norm %v", fn.Name, x, y, gx, gy, fx, fy, e)
			}
			// curvatures: second differences of a quadratic are exact up to rounding
			hh := 1e-2
			kx := math.Abs(fn.F(x+hh, y)-2*fn.F(x, y)+fn.F(x-hh, y)) / (hh * hh)
			ky := math.Abs(fn.F(x, y+hh)-2*fn.F(x, y)+fn.F(x, y-hh)) / (hh * hh)
			if math.Abs(kx-fn.Kx) > 1e-4*fn.Kx*(1+math.Abs(fn.F(x, y))) || math.Abs(ky-fn.Ky) > 1e-4*fn.Ky*(1+math.Abs(fn.F(x, y))) {
				t.Errorf("%s curvatures at (%v,%v) = (%v,%v), want (%v,%v)", fn.Name, x, y, kx, ky, fn.Kx, fn.Ky)
			}
		}
	}
}

func TestPathClosedForm(t *testing.T) {
	t.Parallel()
	// Descent on f: x_k - 1 = (1-6η)^k (x_0 - 1), y_k = (1-2η)^k y_0.
	// Ascent on B:  x_k - 10 = (1-6η)^k (x_0 - 10), y_k - 3 = (1-2η)^k (y_0 - 3).
	tests := []struct {
		desc   string
		fn     *Func
		sign   Sign
		eta    float64
		x0, y0 float64
		ox, oy float64
		rx, ry float64
	}{
		{"f descent η=0.1 (seed)", Bowl, Descend, 0.1, 2.5, 1.5, 1, 0, 1 - 6*0.1, 1 - 2*0.1},
		{"f descent η=0.25 zig-zag in x", Bowl, Descend, 0.25, -1, 2, 1, 0, 1 - 6*0.25, 1 - 2*0.25},
		{"f descent η=0.3", Bowl, Descend, 0.3, 3, -2, 1, 0, 1 - 6*0.3, 1 - 2*0.3},
		{"f ascent η=0.1 (the seed's + sign)", Bowl, Ascend, 0.1, 2.5, 1.5, 1, 0, 1 + 6*0.1, 1 + 2*0.1},
		{"B ascent η=0.05 from (0,0)", Mountain, Ascend, 0.05, 0, 0, 10, 3, 1 - 6*0.05, 1 - 2*0.05},
		{"B descent runs down", Mountain, Descend, 0.05, 0, 0, 10, 3, 1 + 6*0.05, 1 + 2*0.05},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			p, err := NewPath(tc.fn, tc.x0, tc.y0, tc.eta, tc.sign)
			if err != nil {
				t.Fatal(err)
			}
			if rx, ry := Factors(tc.fn, tc.eta, tc.sign); math.Abs(rx-tc.rx) > 1e-15 || math.Abs(ry-tc.ry) > 1e-15 {
				t.Errorf("Factors = (%v,%v), want (%v,%v)", rx, ry, tc.rx, tc.ry)
			}
			for k := 1; k <= 20; k++ {
				if !p.Step() {
					t.Fatalf("step %d not taken (state %v)", k, p.State())
				}
				wx := tc.ox + math.Pow(tc.rx, float64(k))*(tc.x0-tc.ox)
				wy := tc.oy + math.Pow(tc.ry, float64(k))*(tc.y0-tc.oy)
				q := p.Point()
				if math.Abs(q.X-wx) > 1e-9*(1+math.Abs(wx)) || math.Abs(q.Y-wy) > 1e-9*(1+math.Abs(wy)) {
					t.Fatalf("step %d: (%v,%v), want closed form (%v,%v)", k, q.X, q.Y, wx, wy)
				}
			}
			if p.Steps() != 20 {
				t.Errorf("Steps() = %d, want 20", p.Steps())
			}
		})
	}
}

func TestSeedLoop(t *testing.T) {
	t.Parallel()
	// The seed's loop: start (2.5,1.5), η=0.1, 20 iterations. Descent (the
	// intent) ends near the minimum; the seed's literal '+' runs away.
	down, _ := NewPath(Bowl, 2.5, 1.5, 0.1, Descend)
	up, _ := NewPath(Bowl, 2.5, 1.5, 0.1, Ascend)
	down.Run(20)
	up.Run(20)
	d, u := down.Point(), up.Point()
	if dist := math.Hypot(d.X-1, d.Y); dist > 0.02 { // 1.5·0.8^20 ≈ 0.017
		t.Errorf("descent after 20 steps at (%v,%v), %v from the minimum, want < 0.02", d.X, d.Y, dist)
	}
	if down.Value() >= Bowl.F(2.5, 1.5) || up.Value() <= Bowl.F(2.5, 1.5) {
		t.Errorf("f: descent %v, ascent %v, start %v: want down below and up above", down.Value(), up.Value(), Bowl.F(2.5, 1.5))
	}
	if u.X < 1+1.5*math.Pow(1.6, 20)*0.999 {
		t.Errorf("the seed's + sign: x = %v, want ≈ 1+1.5·1.6^20 = %v (runs away)", u.X, 1+1.5*math.Pow(1.6, 20))
	}
	for p := up; p.Step(); {
	}
	if up.State() != Diverged {
		t.Errorf("wrong sign state = %v, want diverged", up.State())
	}
	for down.Step() {
	}
	if down.State() != Converged || math.Hypot(down.Point().X-1, down.Point().Y) > 1e-8 {
		t.Errorf("descent state = %v at %v, want converged at (1,0)", down.State(), down.Point())
	}
}

func TestPathStates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc  string
		fn    *Func
		sign  Sign
		eta   float64
		want  State
		final plot.Point
	}{
		{"f η=0.2 converges", Bowl, Descend, 0.2, Converged, plot.Point{X: 1, Y: 0}},
		{"f η=0.34 diverges in x", Bowl, Descend, 0.34, Diverged, plot.Point{}},
		{"f η=1/3 oscillates until MaxSteps", Bowl, Descend, 1.0 / 3, Stopped, plot.Point{}},
		{"B η=0.1 ascent reaches the summit", Mountain, Ascend, 0.1, Converged, plot.Point{X: 10, Y: 3}},
		{"B η=1.5 diverges", Mountain, Ascend, 1.5, Diverged, plot.Point{}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			p, err := NewPath(tc.fn, 0, 1, tc.eta, tc.sign)
			if err != nil {
				t.Fatal(err)
			}
			for p.Step() {
			}
			if p.State() != tc.want {
				t.Fatalf("state = %v after %d steps at %v, want %v", p.State(), p.Steps(), p.Point(), tc.want)
			}
			if p.Step() {
				t.Error("Step after the end took a step")
			}
			if tc.want == Converged {
				if q := p.Point(); math.Hypot(q.X-tc.final.X, q.Y-tc.final.Y) > 1e-7 {
					t.Errorf("converged at %v, want %v", q, tc.final)
				}
			}
			if tc.want == Stopped && p.Steps() != MaxSteps {
				t.Errorf("stopped after %d steps, want %d", p.Steps(), MaxSteps)
			}
		})
	}
}

func TestNewPathErrors(t *testing.T) {
	t.Parallel()
	var ee *EtaError
	for _, eta := range []float64{0, -0.1, math.NaN(), math.Inf(1)} {
		if _, err := NewPath(Bowl, 0, 0, eta, Descend); !errors.As(err, &ee) {
			t.Errorf("NewPath(η=%v) error = %v, want *EtaError", eta, err)
		}
	}
	var se *StartError
	if _, err := NewPath(Bowl, math.NaN(), 0, 0.1, Descend); !errors.As(err, &se) {
		t.Errorf("NewPath(NaN start) error = %v, want *StartError", err)
	}
	var ue *UnknownFuncError
	if _, err := ByName("g"); !errors.As(err, &ue) {
		t.Errorf("ByName(g) error = %v, want *UnknownFuncError", err)
	}
	if fn, err := ByName("B"); err != nil || fn != Mountain {
		t.Errorf("ByName(B) = %v, %v", fn, err)
	}
}

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		fn   *Func
		eta  float64
		sign Sign
		x, y Behaviour
		all  Behaviour
	}{
		{"small η", Bowl, 0.1, Descend, Converges, Converges, Converges},
		{"η=1/6 lands in one step in x", Bowl, 1.0 / 6, Descend, Converges, Converges, Converges},
		{"η=0.25 zig-zags in x", Bowl, 0.25, Descend, ConvergesOscillating, Converges, ConvergesOscillating},
		{"η=1/3 oscillates in x", Bowl, 1.0 / 3, Descend, Oscillates, Converges, Oscillates},
		{"η=0.4 diverges in x", Bowl, 0.4, Descend, DivergesOscillating, Converges, DivergesOscillating},
		{"η=0.75 zig-zags in y, diverges in x", Bowl, 0.75, Descend, DivergesOscillating, ConvergesOscillating, DivergesOscillating},
		{"η=1.2 diverges in both", Bowl, 1.2, Descend, DivergesOscillating, DivergesOscillating, DivergesOscillating},
		{"wrong sign on f runs away", Bowl, 0.1, Ascend, Diverges, Diverges, Diverges},
		{"ascent on B like descent on f", Mountain, 0.25, Ascend, ConvergesOscillating, Converges, ConvergesOscillating},
		{"descent on B runs away", Mountain, 0.01, Descend, Diverges, Diverges, Diverges},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			c := Classify(tc.fn, tc.eta, tc.sign)
			if c.X != tc.x || c.Y != tc.y || c.All != tc.all {
				t.Errorf("Classify(%s, %v, %v) = x %v, y %v, all %v; want %v, %v, %v", tc.fn.Name, tc.eta, tc.sign, c.X, c.Y, c.All, tc.x, tc.y, tc.all)
			}
			if Caption(tc.fn, tc.eta, tc.sign) == "" {
				t.Error("empty caption")
			}
		})
	}
	if z, d := Thresholds(Bowl.Kx); z != 1.0/6 || d != 1.0/3 {
		t.Errorf("Thresholds(6) = %v, %v, want 1/6, 1/3", z, d)
	}
}

func TestLevels(t *testing.T) {
	t.Parallel()
	for _, fn := range Funcs() {
		lv := fn.Levels(fn.View, 10)
		if len(lv) < 5 {
			t.Fatalf("%s: %d levels, want about 10", fn.Name, len(lv))
		}
		// the farthest corner's value bounds the levels
		far := 0.0
		for _, p := range []plot.Point{{X: fn.View.X0, Y: fn.View.Y0}, {X: fn.View.X1, Y: fn.View.Y1}, {X: fn.View.X0, Y: fn.View.Y1}, {X: fn.View.X1, Y: fn.View.Y0}} {
			far = math.Max(far, math.Abs(fn.F(p.X, p.Y)-fn.OptValue))
		}
		for k, v := range lv {
			dev := v - fn.OptValue
			if fn.Maximum {
				dev = -dev
			}
			if dev <= 0 || dev > far*1.05 {
				t.Errorf("%s level %d = %v: deviation %v outside (0, %v]", fn.Name, k, v, dev, far)
			}
			if k > 0 {
				prev := lv[k-1] - fn.OptValue
				if fn.Maximum {
					prev = -prev
				}
				if dev <= prev {
					t.Errorf("%s levels not moving away from the optimum: %v", fn.Name, lv)
				}
			}
		}
	}
	// f over [-1,4]x[-2,2.5]: the farthest corner is (4,2.5) or (-1,2.5):
	// 3·9+6.25 = 33.25 → the last level is 4+33 = 37.
	if lv := Bowl.Levels(Bowl.View, 10); lv[len(lv)-1] != 37 {
		t.Errorf("Bowl last level = %v, want 37", lv[len(lv)-1])
	}
}
