package regions

import "digitlab/kit/plot"

// BreakTol is the tolerance in t of Restrict: a unit's switch closer than
// BreakTol to a piece's end (or to another switch) does not make a new
// piece, so pieces are longer than BreakTol in t.
const BreakTol = 1e-12

// UnitID names hidden unit Index of layer Layer.
type UnitID struct{ Layer, Index int }

// Restriction is Φ restricted to the segment p(t) = P0 + t·(P1−P0), t in
// [0,1]: an exact piecewise-linear function of t.
type Restriction struct {
	P0, P1 plot.Point
	// Breaks are the t in (0,1) where some unit of some layer switches,
	// ascending.
	Breaks []float64
	// T are the knots 0, Breaks..., 1 and V the values of Φ there, from the
	// pieces' affine maps (V[k] from the piece starting at T[k], the last
	// from the last piece), so joining (T, V) by straight lines is Φ on the
	// segment exactly, up to rounding.
	T, V []float64
	// Slopes[k] is dΦ/dt and Patterns[k] the activation pattern on
	// (T[k], T[k+1]).
	Slopes   []float64
	Patterns []Pattern

	// Scratch for RestrictTo, reused from call to call: the pieces' starts,
	// patterns and (pieces, n, 2) affine maps in t of the current layer's
	// pre-activations (slope, intercept), and the next layer's.
	t0, t0n     []float64
	pat, patn   []Pattern
	z, zn, h, r []float64
}

// Segments returns the number of pieces, len(Breaks)+1.
func (r *Restriction) Segments() int { return len(r.Breaks) + 1 }

// At returns the point p(t).
func (r *Restriction) At(t float64) plot.Point {
	return plot.Point{X: r.P0.X + t*(r.P1.X-r.P0.X), Y: r.P0.Y + t*(r.P1.Y-r.P0.Y)}
}

// Switches appends to dst[:0] the units that switch at Breaks[k]: those
// whose activation differs between the pieces on either side.
func (r *Restriction) Switches(dst []UnitID, k int) []UnitID {
	dst = dst[:0]
	a, b := r.Patterns[k], r.Patterns[k+1]
	for l := range a {
		for d, i := a[l]^b[l], 0; d != 0; d, i = d>>1, i+1 {
			if d&1 == 1 {
				dst = append(dst, UnitID{l, i})
			}
		}
	}
	return dst
}

// Restrict returns Φ restricted to the segment p0→p1; see RestrictTo.
func (nt *Net) Restrict(p0, p1 plot.Point) Restriction {
	var r Restriction
	nt.RestrictTo(&r, p0, p1)
	return r
}

// RestrictTo overwrites r with Φ restricted to the segment p0→p1, reusing
// r's slices (so dragging a line allocates nothing once they are large
// enough).
//
// Method: the 2-D enumeration in one dimension. Start from one piece
// [0,1], on which every first-layer pre-activation is affine in t. Layer
// by layer, each piece is cut at the roots in it of the layer's
// pre-activations (each affine on the piece, so at most one root each);
// each new piece takes its pattern from the signs at its midpoint and
// carries it into the next layer's affine maps. A unit zero at an end of
// the segment or along a whole piece does not break it; see BreakTol.
// A zero-length segment gives one piece. It panics if nt fails Check.
func (nt *Net) RestrictTo(r *Restriction, p0, p1 plot.Point) {
	nt.Check()
	r.P0, r.P1 = p0, p1
	dx, dy := p1.X-p0.X, p1.Y-p0.Y
	n0 := nt.Widths[0]
	r.t0 = append(r.t0[:0], 0)
	r.pat = append(r.pat[:0], Pattern{})
	r.z = r.z[:0]
	for i := 0; i < n0; i++ {
		w0, w1 := nt.W[0][2*i], nt.W[0][2*i+1]
		r.z = append(r.z, w0*dx+w1*dy, w0*p0.X+w1*p0.Y+nt.B[0][i])
	}
	for l, n := range nt.Widths {
		r.t0n, r.patn, r.zn = r.t0n[:0], r.patn[:0], r.zn[:0]
		for m, a := range r.t0 {
			b := 1.0
			if m+1 < len(r.t0) {
				b = r.t0[m+1]
			}
			zm := r.z[m*2*n : (m+1)*2*n]
			// The roots inside (a, b), ascending (insertion sort: n ≤ 32).
			roots := r.r[:0]
			for i := 0; i < n; i++ {
				if s := zm[2*i]; s != 0 {
					if t := -zm[2*i+1] / s; t > a+BreakTol && t < b-BreakTol {
						roots = append(roots, t)
						for q := len(roots) - 1; q > 0 && roots[q] < roots[q-1]; q-- {
							roots[q], roots[q-1] = roots[q-1], roots[q]
						}
					}
				}
			}
			r.r = roots
			lo := a
			for q := 0; q <= len(roots); q++ {
				hi := b
				if q < len(roots) {
					if hi = roots[q]; hi-lo <= BreakTol {
						continue // merged with the previous switch
					}
				}
				mid := (lo + hi) / 2
				p := r.pat[m]
				for i := 0; i < n; i++ {
					if zm[2*i]*mid+zm[2*i+1] > 0 {
						p[l] |= 1 << uint(i)
					}
				}
				r.t0n = append(r.t0n, lo)
				r.patn = append(r.patn, p)
				r.zn = nt.appendNext1D(r.zn, r, zm, p, l)
				lo = hi
			}
		}
		r.t0, r.t0n = r.t0n, r.t0
		r.pat, r.patn = r.patn, r.pat
		r.z, r.zn = r.zn, r.z
	}
	// r.z now holds Φ's (slope, intercept) in t on each piece.
	np := len(r.t0)
	r.Breaks = append(r.Breaks[:0], r.t0[1:]...)
	r.T = append(append(r.T[:0], r.t0...), 1)
	r.V, r.Slopes = r.V[:0], r.Slopes[:0]
	for m, t := range r.t0 {
		r.V = append(r.V, r.z[2*m]*t+r.z[2*m+1])
		r.Slopes = append(r.Slopes, r.z[2*m])
	}
	r.V = append(r.V, r.z[2*(np-1)]+r.z[2*(np-1)+1])
	r.Patterns = append(r.Patterns[:0], r.pat...)
}

// appendNext1D appends to dst the affine maps in t, on a piece with layer
// l's pre-activation maps zm and pattern p, of layer l+1's
// pre-activations, or of Φ after the last layer.
func (nt *Net) appendNext1D(dst []float64, r *Restriction, zm []float64, p Pattern, l int) []float64 {
	n := nt.Widths[l]
	h := r.h[:0]
	for i := 0; i < n; i++ {
		f := nt.Leaky
		if p.Active(l, i) {
			f = 1
		}
		h = append(h, f*zm[2*i], f*zm[2*i+1])
	}
	r.h = h
	if l == nt.Depth()-1 {
		s, c := 0.0, nt.BOut
		for j, wj := range nt.WOut {
			s += wj * h[2*j]
			c += wj * h[2*j+1]
		}
		return append(dst, s, c)
	}
	w, bias := nt.W[l+1], nt.B[l+1]
	for o := 0; o < nt.Widths[l+1]; o++ {
		s, c := 0.0, bias[o]
		for j, wj := range w[o*n : (o+1)*n] {
			s += wj * h[2*j]
			c += wj * h[2*j+1]
		}
		dst = append(dst, s, c)
	}
	return dst
}
