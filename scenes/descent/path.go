package descent

import (
	"fmt"
	"math"

	"digitlab/kit/plot"
)

// Sign is the direction of the gradient method.
type Sign int

const (
	// Descend steps against the gradient: x ← x - η∇F (finds minima).
	Descend Sign = -1
	// Ascend steps along the gradient: x ← x + η∇F (finds maxima).
	Ascend Sign = +1
)

func (s Sign) String() string {
	if s == Ascend {
		return "ascent"
	}
	return "descent"
}

// State says whether a Path can go on.
type State int

const (
	Running   State = iota // can take more steps
	Converged              // the step became negligible (|η∇F| < Tol·(1+|x|))
	Diverged               // a coordinate became non-finite or larger than Huge
	Stopped                // MaxSteps reached
)

func (s State) String() string {
	return [...]string{"running", "converged", "diverged", "stopped"}[s]
}

// Limits of a Path.
const (
	Huge     = 1e6   // |x| or |y| above this counts as diverged
	Tol      = 1e-10 // relative step size counted as converged
	MaxSteps = 10000 // a path stops after this many steps
)

// EtaError reports a learning rate that is not finite and positive.
type EtaError struct{ Eta float64 }

func (e *EtaError) Error() string {
	return fmt.Sprintf("descent: learning rate η = %v must be finite and > 0", e.Eta)
}

// StartError reports a start point that is not finite.
type StartError struct{ X, Y float64 }

func (e *StartError) Error() string {
	return fmt.Sprintf("descent: start point (%v, %v) must be finite", e.X, e.Y)
}

// Path is the gradient method on Fn from a start point, kept resumable:
// each Step takes one iteration x_{k+1} = x_k + Sign·η·∇F(x_k) and appends
// it to Points. Points[0] is the start.
type Path struct {
	Fn     *Func
	Eta    float64
	Sign   Sign
	Points []plot.Point
	state  State
}

// NewPath starts a path at (x0,y0). It returns an *EtaError or a
// *StartError for a learning rate or start the user can get wrong.
// It panics if fn is nil or sign is neither Descend nor Ascend.
func NewPath(fn *Func, x0, y0, eta float64, sign Sign) (*Path, error) {
	if fn == nil {
		panic("descent: NewPath with nil function")
	}
	if sign != Descend && sign != Ascend {
		panic("descent: sign must be Descend or Ascend")
	}
	if !(eta > 0) || math.IsInf(eta, 0) {
		return nil, &EtaError{eta}
	}
	if !finite(x0) || !finite(y0) {
		return nil, &StartError{x0, y0}
	}
	return &Path{Fn: fn, Eta: eta, Sign: sign, Points: []plot.Point{{X: x0, Y: y0}}}, nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Steps returns the number of iterations taken.
func (p *Path) Steps() int { return len(p.Points) - 1 }

// Point returns the current point.
func (p *Path) Point() plot.Point { return p.Points[len(p.Points)-1] }

// Value returns F at the current point.
func (p *Path) Value() float64 { q := p.Point(); return p.Fn.F(q.X, q.Y) }

// State returns whether the path runs, converged, diverged or stopped.
func (p *Path) State() State { return p.state }

// Step takes one iteration if the path is Running and reports whether it
// took one, so `for p.Step() {}` runs the path to its end. A step that
// leaves the finite range or |x|, |y| > Huge marks the path Diverged (the
// bad point is kept, so the run-away is visible); a step shorter than
// Tol·(1+|x|) marks it Converged; MaxSteps marks it Stopped.
func (p *Path) Step() bool {
	if p.state != Running {
		return false
	}
	q := p.Point()
	gx, gy := p.Fn.Grad(q.X, q.Y)
	s := float64(p.Sign) * p.Eta
	nx, ny := q.X+s*gx, q.Y+s*gy
	p.Points = append(p.Points, plot.Point{X: nx, Y: ny})
	switch {
	case !finite(nx) || !finite(ny) || math.Abs(nx) > Huge || math.Abs(ny) > Huge:
		p.state = Diverged
	case math.Hypot(nx-q.X, ny-q.Y) < Tol*(1+math.Hypot(q.X, q.Y)):
		p.state = Converged
	case p.Steps() >= MaxSteps:
		p.state = Stopped
	}
	return true
}

// Run takes up to n steps and returns how many it took.
func (p *Path) Run(n int) int {
	k := 0
	for k < n && p.Step() {
		k++
	}
	return k
}
