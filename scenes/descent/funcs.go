package descent

import (
	"math"

	"digitlab/kit/plot"
	"digitlab/kit/ui"
)

// Func is a smooth 2-D function with its gradient, its optimum and a view
// that shows it well. Both functions here are quadratics
// c - (Kx/2)(x-Ox)² - (Ky/2)(y-Oy)² (or with + for a bowl), so the
// gradient method has a closed form, and Kx, Ky are the curvatures.
type Func struct {
	Name     string // "f" or "B"
	Formula  string // for captions
	F        func(x, y float64) float64
	Grad     func(x, y float64) (gx, gy float64)
	Opt      plot.Point // the minimum (bowl) or maximum (mountain)
	OptValue float64
	Maximum  bool      // true if Opt is a maximum: ascent is the right sign
	Kx, Ky   float64   // |∂²F/∂x²|, |∂²F/∂y²| (the Hessian is diagonal)
	View     plot.Rect // a world rectangle that shows the optimum and its surroundings
}

// Bowl is f(x,y) = 3(x-1)² + y² + 4, ∇f = (6(x-1), 2y), minimum 4 at (1,0).
var Bowl = &Func{
	Name:    "f",
	Formula: "f(x, y) = 3(x − 1)² + y² + 4",
	F: func(x, y float64) float64 {
		return 3*(x-1)*(x-1) + y*y + 4
	},
	Grad: func(x, y float64) (float64, float64) {
		return 6 * (x - 1), 2 * y
	},
	Opt:      plot.Point{X: 1, Y: 0},
	OptValue: 4,
	Kx:       6, Ky: 2,
	View: plot.Rect{X0: -1, Y0: -2, X1: 4, Y1: 2.5},
}

// Mountain is B(x,y) = 4000 - 3(x-10)² - (y-3)², ∇B = (-6(x-10), -2(y-3)),
// summit 4000 at (10,3); B(0,0) = 3691 (the seed's foggy start).
var Mountain = &Func{
	Name:    "B",
	Formula: "B(x, y) = 4000 − 3(x − 10)² − (y − 3)²",
	F: func(x, y float64) float64 {
		return 4000 - 3*(x-10)*(x-10) - (y-3)*(y-3)
	},
	Grad: func(x, y float64) (float64, float64) {
		return -6 * (x - 10), -2 * (y - 3)
	},
	Opt:      plot.Point{X: 10, Y: 3},
	OptValue: 4000,
	Maximum:  true,
	Kx:       6, Ky: 2,
	View: plot.Rect{X0: -2, Y0: -5, X1: 16, Y1: 9},
}

// Funcs lists the scene's functions.
func Funcs() []*Func { return []*Func{Bowl, Mountain} }

// ByName returns the function called name ("f" or "B", also "bowl",
// "mountain"), or an *UnknownFuncError.
func ByName(name string) (*Func, error) {
	switch name {
	case "f", "bowl":
		return Bowl, nil
	case "B", "b", "mountain":
		return Mountain, nil
	}
	return nil, &UnknownFuncError{Name: name}
}

// UnknownFuncError reports a function name that is not f or B.
type UnknownFuncError struct{ Name string }

func (e *UnknownFuncError) Error() string {
	return "descent: unknown function " + quote(e.Name) + " (want f or B)"
}

func quote(s string) string { return "\"" + s + "\"" }

// Levels returns k level values for drawing fn's level curves over view:
// opt ± D·(j/k)², j = 1..k, rounded to two significant digits, where D is
// the largest |F - OptValue| at the view's corners and the optimum's
// projection onto the view. Quadratic spacing makes the ellipses about
// evenly spaced on screen. Values are strictly monotone (duplicates after
// rounding are dropped), increasing away from a minimum and decreasing
// away from a maximum. It panics if k < 1.
func (fn *Func) Levels(view plot.Rect, k int) []float64 {
	if k < 1 {
		panic("descent: Levels needs k >= 1")
	}
	d := 0.0
	for _, p := range [...]plot.Point{{X: view.X0, Y: view.Y0}, {X: view.X1, Y: view.Y0}, {X: view.X0, Y: view.Y1}, {X: view.X1, Y: view.Y1}} {
		d = math.Max(d, math.Abs(fn.F(p.X, p.Y)-fn.OptValue))
	}
	s := 1.0
	if fn.Maximum {
		s = -1
	}
	var out []float64
	for j := 1; j <= k; j++ {
		v := d * float64(j*j) / float64(k*k)
		v = ui.RoundSig(v, 2)
		if v <= 0 || len(out) > 0 && fn.OptValue+s*v == out[len(out)-1] {
			continue
		}
		out = append(out, fn.OptValue+s*v)
	}
	return out
}
