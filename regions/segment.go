package regions

import (
	"errors"
	"fmt"
	"math"

	"digitlab/nn"
)

// MaxSegmentPieces is the most pieces a Segment counts; it stops there and
// reports Truncated.
const MaxSegmentPieces = 100000

// maxPieces is MaxSegmentPieces, lowered by the tests.
var maxPieces = MaxSegmentPieces

// SegmentDelta is the δ of Segment: the activation pattern of a piece
// starting at t is the one at t+δ, and the next piece starts at the first
// switch after t+δ, so pieces shorter than δ are merged into the piece
// before them (a last piece shorter than δ into the one before it).
const SegmentDelta = 1e-9

// SmoothError is returned by Segment.Reset for a network with a smooth
// activation: a sigmoid or tanh layer bends everywhere, so there are no
// linear pieces to count.
type SmoothError struct {
	Layer int    // index into the model's Layers(), from 0
	Kind  string // "Sigmoid" or "Tanh"
}

func (e *SmoothError) Error() string {
	return fmt.Sprintf("regions: layer %d (%s) is smooth: the network has no linear pieces", e.Layer+1, e.Kind)
}

// segKind is the kind of a layer of a Segment.
type segKind uint8

const (
	segDense segKind = iota
	segConv
	segAvgPool
	segMaxPool
	segFlatten
	segReLU
	segLeakyReLU
)

var segKinds = map[string]segKind{"Dense": segDense, "Conv": segConv, "AvgPool2": segAvgPool, "MaxPool2": segMaxPool,
	"Flatten": segFlatten, "ReLU": segReLU, "LeakyReLU": segLeakyReLU}

// segLayer is one layer of the model, its weights in float64.
type segLayer struct {
	kind    segKind
	in, out nn.Shape
	// Dense: w is (nIn, nOut), w[i*nOut+o], as nn's. Conv: w is the
	// model's (KH, KW, OD, ID) transposed to (KH, KW, ID, OD),
	// w[((kh*KW+kw)*ID+id)*OD+od], so that the weights of one input for
	// all filters are contiguous. b is (nOut) or (OD), nil without bias.
	w, b          []float64
	srcW, srcB    []float32 // the model's weights (views into its Params)
	kh, kw, od, s int       // conv: kernel, filters, stride
}

// Segment computes the exact linear pieces of a network along the
// straight segment between two inputs:
//
//	f(t) = readout(net(a + t·(b−a))),  t ∈ [0, 1]
//
// where net is a digitlab/nn model's raw output (before its head) and the
// readout is one output z[plus] or a difference z[plus] − z[minus]. A
// piece is a maximal interval of t on which every ReLU and leaky-ReLU
// unit keeps its sign and every max-pool window its argmax (the first of
// equal inputs, as nn does), so the whole network is affine there. This
// counts activation patterns: a switch whose effect on the readout happens
// to vanish still ends a piece.
//
// Method: every layer's input is kept as affine functions of t,
// v(t) = c + t·s (float64 vectors c, s). At the start t of a piece one
// forward pass carries (c, s) through the network with the pattern just
// ahead of t, at t+δ (δ = SegmentDelta): a unit is active when its root
// −c/s is at or before t+δ on its rising side (or, for s = 0, when c > 0);
// a window's argmax is its largest input at t+δ, moved on to any input
// with a larger slope that has overtaken it by then. Dense, conv and
// average-pool layers are linear on (c, s), the bias going to c only. The
// same pass finds each layer's next event after t+δ: a unit's root or the
// first time an input with a larger slope overtakes a window's argmax,
// (c_k−c_j)/(s_j−s_k). The piece ends at the earliest event (or 1), where
// f is read from the readout's affine form. The next pass starts at the
// first layer with an event by the new t+δ: the layers before it keep
// their (c, s) and their next events. Pieces shorter than δ are merged
// (see SegmentDelta); breakpoints are exact up to float64 rounding.
//
// The cache of the layers before the first event makes a count 3.4×
// faster for the best preset (919 pieces from a 4 to a 9 at its initial
// weights) and 5.8× for vanilla (BenchmarkSegmentBestFullPass, natively).
//
// The work is resumable: Reset, then Step with a budget of pieces until it
// reports true. A Reset for another model than the previous Reset's reads
// its layers (nn.Model.Layers allocates a little) and reuses the buffers
// that are large enough; after that, Reset and Step for the same model
// allocate nothing except when the breakpoint slices grow. A Segment is
// not safe for concurrent use.
type Segment struct {
	model  *nn.Model // the model the layers describe (its weights are copied at each Reset)
	layers []segLayer
	smooth *SmoothError // the model's first smooth layer, or nil

	// c[i], s[i] are layer i's input on the current piece as c + t·s
	// (shape layers[i].in, flattened); c[n], s[n] the raw output. A
	// flatten layer's output aliases its input.
	c, s [][]float64
	// cbuf[i], sbuf[i] are the storage of row i (never aliased; a
	// flatten's row keeps its storage for a later model).
	cbuf, sbuf [][]float64
	// evt[i] is layer i's next event after t+δ on the current piece
	// (+Inf for none and for the linear layers).
	evt []float64

	plus, minus int
	from        int     // the first layer the next pass recomputes
	t           float64 // start of the current piece
	fc, fs      float64 // f = fc + t·fs on the current piece
	ts, fv      []float64
	done, trunc bool
	fullPass    bool // recompute every layer at every piece (tests: the cache's oracle)
}

// NewSegment returns an empty Segment: Done, with no pieces, until Reset.
func NewSegment() *Segment { return &Segment{done: true} }

// Reset starts over for model m, endpoints a and b (each of length
// m.In.Size()) and the readout f = z[plus] − z[minus] when minus >= 0,
// else z[plus], where z is the model's raw output. The weights are copied
// now, so m may change afterwards. Reset runs the first forward pass (one
// piece's work).
//
// It returns a *SmoothError if a layer is a Sigmoid or Tanh, and an error
// for a nil model, bad lengths of a or b, or plus or minus out of range;
// the Segment is then Done with no pieces.
func (s *Segment) Reset(m *nn.Model, a, b []float32, plus, minus int) error {
	s.done, s.trunc = true, false
	s.ts, s.fv = s.ts[:0], s.fv[:0]
	if m == nil {
		return errors.New("regions: segment of a nil model")
	}
	if m != s.model {
		s.setModel(m)
	}
	if s.smooth != nil {
		return s.smooth
	}
	n := m.In.Size()
	if len(a) != n || len(b) != n {
		return fmt.Errorf("regions: segment endpoints have %d and %d values, model %s wants %v = %d", len(a), len(b), m.Name, m.In, n)
	}
	nOut := len(s.c[len(s.layers)])
	if plus < 0 || plus >= nOut || minus >= nOut {
		return fmt.Errorf("regions: segment readout z[%d] − z[%d] out of range: model %s has %d outputs", plus, minus, m.Name, nOut)
	}
	for i := range s.layers {
		l := &s.layers[i]
		switch l.kind {
		case segDense:
			for k, v := range l.srcW {
				l.w[k] = float64(v)
			}
		case segConv:
			C := l.in.C
			for t := 0; t < l.kh*l.kw; t++ {
				src, dst := l.srcW[t*l.od*C:(t+1)*l.od*C], l.w[t*l.od*C:(t+1)*l.od*C]
				for od := 0; od < l.od; od++ {
					for id := 0; id < C; id++ {
						dst[id*l.od+od] = float64(src[od*C+id])
					}
				}
			}
		}
		for k, v := range l.srcB {
			l.b[k] = float64(v)
		}
	}
	c0, s0 := s.c[0], s.s[0]
	for i := range a {
		c0[i] = float64(a[i])
		s0[i] = float64(b[i]) - float64(a[i])
	}
	s.plus, s.minus = plus, minus
	s.t, s.from, s.done = 0, 0, false
	s.pass()
	s.ts = append(s.ts, 0)
	s.fv = append(s.fv, s.fc)
	return nil
}

// setModel describes m's layers, reusing the buffers that are large enough.
func (s *Segment) setModel(m *nn.Model) {
	s.model, s.smooth = m, nil
	infos := m.Layers()
	if cap(s.layers) < len(infos) {
		s.layers = make([]segLayer, len(infos))
	}
	s.layers = s.layers[:len(infos)]
	s.c, s.s = growRows(s.c, len(infos)+1), growRows(s.s, len(infos)+1)
	s.cbuf, s.sbuf = growRows(s.cbuf, len(infos)+1), growRows(s.sbuf, len(infos)+1)
	s.evt = grow(s.evt, len(infos))
	row := func(i, n int) {
		s.cbuf[i], s.sbuf[i] = grow(s.cbuf[i], n), grow(s.sbuf[i], n)
		s.c[i], s.s[i] = s.cbuf[i], s.sbuf[i]
	}
	row(0, m.In.Size())
	for i, li := range infos {
		k, ok := segKinds[li.Kind]
		if !ok {
			if s.smooth == nil {
				s.smooth = &SmoothError{Layer: i, Kind: li.Kind}
			}
			k = segFlatten // never run
		}
		l := &s.layers[i]
		w, b := l.w, l.b // storage kept from an earlier model
		*l = segLayer{kind: k, in: li.In, out: li.Out, srcW: li.W, srcB: li.B}
		if li.W != nil {
			l.w = grow(w, len(li.W))
		}
		if li.B != nil {
			l.b = grow(b, len(li.B))
		}
		if k == segConv {
			l.kh, l.kw, l.od, l.s = li.WShape[0], li.WShape[1], li.WShape[2], li.Stride
		}
		if k == segFlatten {
			s.c[i+1], s.s[i+1] = s.c[i], s.s[i]
		} else {
			row(i+1, li.Out.Size())
		}
	}
}

// growRows is grow (enumerate.go) for the rows of c and s.
func growRows(v [][]float64, n int) [][]float64 {
	if cap(v) < n {
		return append(v[:cap(v)], make([][]float64, n-cap(v))...)
	}
	return v[:n]
}

// Step advances by at most budget pieces and reports whether the segment
// is finished (Done). A budget <= 0 does nothing. It allocates nothing
// except when T and F grow.
func (s *Segment) Step(budget int) bool {
	for ; budget > 0 && !s.done; budget-- {
		if len(s.ts)-1 >= maxPieces {
			s.done, s.trunc = true, true
			break
		}
		next := math.Inf(1)
		for _, e := range s.evt {
			next = min(next, e)
		}
		if next >= 1-SegmentDelta { // a last piece shorter than δ is merged
			s.ts = append(s.ts, 1)
			s.fv = append(s.fv, s.fc+s.fs)
			s.done = true
			break
		}
		s.ts = append(s.ts, next)
		s.fv = append(s.fv, s.fc+next*s.fs)
		s.t = next
		tau := s.t + SegmentDelta
		s.from = 0
		if !s.fullPass {
			for s.evt[s.from] > tau {
				s.from++
			}
		}
		s.pass()
	}
	return s.done
}

// pass carries (c, s) from layer s.from to the output with the pattern at
// s.t+δ, updating the events of those layers and the readout's affine form.
func (s *Segment) pass() {
	tau := s.t + SegmentDelta
	for i := s.from; i < len(s.layers); i++ {
		l := &s.layers[i]
		cx, sx, cy, sy := s.c[i], s.s[i], s.c[i+1], s.s[i+1]
		e := math.Inf(1)
		switch l.kind {
		case segDense:
			denseAffine(cy, sy, cx, sx, l.w, l.b, l.in.Size(), l.out.Size())
		case segConv:
			convAffine(cy, sy, cx, sx, l.w, l.b, l.in.H, l.in.W, l.in.C, l.kh, l.kw, l.od, l.s)
		case segAvgPool:
			avgPoolAffine(cy, sy, cx, sx, l.in.H, l.in.W, l.in.C)
		case segMaxPool:
			e = maxPoolAffine(cy, sy, cx, sx, l.in.H, l.in.W, l.in.C, tau)
		case segReLU:
			e = reluAffine(cy, sy, cx, sx, 0, tau)
		case segLeakyReLU:
			e = reluAffine(cy, sy, cx, sx, leakySlope, tau)
		}
		s.evt[i] = e
	}
	z, zs := s.c[len(s.layers)], s.s[len(s.layers)]
	s.fc, s.fs = z[s.plus], zs[s.plus]
	if s.minus >= 0 {
		s.fc -= z[s.minus]
		s.fs -= zs[s.minus]
	}
}

// Done reports whether the segment is finished (or was never started).
func (s *Segment) Done() bool { return s.done }

// Pieces returns the number of pieces found so far: all of them once Done.
func (s *Segment) Pieces() int { return max(len(s.ts)-1, 0) }

// T returns the breakpoints found so far, ascending, starting with 0:
// Pieces()+1 of them. Once Done it ends with 1 (unless Truncated: then
// with the end of the last piece found). The slice is the Segment's own
// and changes with the next Reset or Step.
func (s *Segment) T() []float64 { return s.ts }

// F returns f at each T; f is continuous and affine between consecutive
// T. Same ownership as T.
func (s *Segment) F() []float64 { return s.fv }

// Truncated reports whether the count stopped at MaxSegmentPieces pieces
// before reaching t = 1.
func (s *Segment) Truncated() bool { return s.trunc }

// leakySlope is the slope of nn's LeakyReLU below 0: max(z/10, z).
const leakySlope = 0.1

// The layers on affine functions c + t·s. Each overwrites cy and sy from
// cx and sx; the shapes are those of nn (images (H, W, C) row-major).

// denseAffine: cy = b + cx·w, sy = sx·w, w (nIn, nOut) row-major, b nil
// or (nOut). Inputs that are 0 in both c and s (dead units, blank pixels)
// are skipped.
func denseAffine(cy, sy, cx, sx, w, b []float64, nIn, nOut int) {
	cy, sy = cy[:nOut], sy[:nOut]
	if b != nil {
		copy(cy, b)
	} else {
		clear(cy)
	}
	clear(sy)
	for i, xc := range cx[:nIn] {
		xs := sx[i]
		if xc == 0 && xs == 0 {
			continue
		}
		row := w[i*nOut : (i+1)*nOut]
		for o, wv := range row {
			cy[o] += wv * xc
			sy[o] += wv * xs
		}
	}
}

// convAffine: the valid convolution of nn/conv.go on c (with bias) and s
// (without), with the weights transposed: wt (KH, KW, ID, OD),
// wt[((kh*KW+kw)*C+id)*OD+od].
func convAffine(cy, sy, cx, sx, wt, b []float64, H, W, C, KH, KW, OD, stride int) {
	OH, OW := (H-KH)/stride+1, (W-KW)/stride+1
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			yc, ys := cy[(oh*OW+ow)*OD:][:OD], sy[(oh*OW+ow)*OD:][:OD]
			if b != nil {
				copy(yc, b)
			} else {
				clear(yc)
			}
			clear(ys)
			for kh := 0; kh < KH; kh++ {
				// Row kh of the patch: KW·C contiguous inputs.
				x0 := ((oh*stride+kh)*W + ow*stride) * C
				for j := 0; j < KW*C; j++ {
					xc, xs := cx[x0+j], sx[x0+j]
					if xc == 0 && xs == 0 {
						continue
					}
					for od, wv := range wt[(kh*KW*C+j)*OD:][:OD] {
						yc[od] += wv * xc
						ys[od] += wv * xs
					}
				}
			}
		}
	}
}

// avgPoolAffine: the mean of each 2×2 window, stride 2, odd last row or
// column dropped.
func avgPoolAffine(cy, sy, cx, sx []float64, H, W, C int) {
	OH, OW := H/2, W/2
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			a := ((2*oh)*W + 2*ow) * C
			bb := a + W*C
			o := (oh*OW + ow) * C
			for c := 0; c < C; c++ {
				cy[o+c] = 0.25 * (cx[a+c] + cx[a+C+c] + cx[bb+c] + cx[bb+C+c])
				sy[o+c] = 0.25 * (sx[a+c] + sx[a+C+c] + sx[bb+c] + sx[bb+C+c])
			}
		}
	}
}

// maxPoolAffine: each 2×2 window (stride 2, odd last row or column
// dropped) passes on its argmax just after tau: the first largest input
// at tau, then any input with a larger slope that has overtaken it by tau
// (so that a crossing at or before tau is never also an event after it).
// It returns the first time after tau that an input overtakes an argmax
// (+Inf if none).
func maxPoolAffine(cy, sy, cx, sx []float64, H, W, C int, tau float64) float64 {
	next := math.Inf(1)
	OH, OW := H/2, W/2
	var idx [4]int
	for oh := 0; oh < OH; oh++ {
		for ow := 0; ow < OW; ow++ {
			a := ((2*oh)*W + 2*ow) * C
			o := (oh*OW + ow) * C
			for c := 0; c < C; c++ {
				idx = [4]int{a + c, a + C + c, a + W*C + c, a + W*C + C + c}
				k, best := idx[0], cx[idx[0]]+tau*sx[idx[0]]
				for _, j := range idx[1:] {
					if v := cx[j] + tau*sx[j]; v > best {
						k, best = j, v
					}
				}
				for moved := true; moved; { // at most 3 moves: the slope grows
					moved = false
					for _, j := range idx {
						if sx[j] > sx[k] && (cx[k]-cx[j])/(sx[j]-sx[k]) <= tau {
							k, moved = j, true
							break
						}
					}
				}
				ck, sk := cx[k], sx[k]
				for _, j := range idx {
					if sx[j] > sk {
						next = min(next, (ck-cx[j])/(sx[j]-sk))
					}
				}
				cy[o+c], sy[o+c] = ck, sk
			}
		}
	}
	return next
}

// reluAffine: y = x where the unit is active just after tau, else
// slope·x (0 for ReLU). A unit with s ≠ 0 switches at its root −c/s: it
// is active when that root is after tau on its falling side (s < 0) or at
// or before tau on its rising side (s > 0); a unit with s = 0 is active
// when c > 0. It returns the first root after tau (+Inf if none).
func reluAffine(cy, sy, cx, sx []float64, slope, tau float64) float64 {
	next := math.Inf(1)
	cy, sy = cy[:len(cx)], sy[:len(cx)]
	for i, c := range cx {
		v := sx[i]
		active := c > 0
		if v != 0 {
			if r := -c / v; r > tau {
				next = min(next, r)
				active = v < 0
			} else {
				active = v > 0
			}
		}
		if active {
			cy[i], sy[i] = c, v
		} else {
			cy[i], sy[i] = slope*c, slope*v
		}
	}
	return next
}
