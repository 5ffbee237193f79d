package nn

import (
	"fmt"
	"math"
	"strings"
)

// kind is the type of a layer.
type kind uint8

const (
	kDense kind = iota
	kConv
	kAvgPool
	kMaxPool
	kFlatten
	kReLU
	kLeakyReLU
	kSigmoid
	kTanh
)

var kindNames = [...]string{"Dense", "Conv", "AvgPool2", "MaxPool2", "Flatten", "ReLU", "LeakyReLU", "Sigmoid", "Tanh"}

// spec describes one layer; a model is rebuilt from its specs (Clone).
type spec struct {
	k              kind
	n              int // dense outputs, conv filters (OD)
	kh, kw, stride int // conv
	bias           bool
}

// layer is one built layer: its shapes, its views into the parameter and
// gradient slabs and the buffers it owns.
type layer struct {
	spec
	in, out Shape
	w, b    []float32 // views into Model.Params (nil when absent)
	dw, db  []float32 // views into Model.Grads, same layout
	wOff    int       // offset of w in the slabs
	bOff    int       // offset of b in the slabs
	nz      []int32   // dense: indices of the non-zero inputs of the last forward
	wt      []float32 // conv with C > 1: weights transposed to (KH, KW, ID, OD)
	arg     []int32   // maxpool: argmax index per output
	needDx  bool      // a layer before this one has parameters
	naive   bool      // use the plain-loop twins (benchmarks and tests)
}

func (l *layer) nParams() int { return len(l.w) + len(l.b) }

func (l *layer) forward(y, x []float32) {
	switch l.k {
	case kDense:
		if l.naive {
			denseForwardNaive(y, x, l.w, l.b, l.in.Size(), l.n)
			return
		}
		l.nz = denseForward(y, x, l.w, l.b, l.nz, l.in.Size(), l.n)
	case kConv:
		if l.naive {
			convForwardNaive(y, x, l.w, l.b, l.in.H, l.in.W, l.in.C, l.kh, l.kw, l.n, l.stride)
			return
		}
		convForward(y, x, l.w, l.wt, l.b, l.in.H, l.in.W, l.in.C, l.kh, l.kw, l.n, l.stride)
	case kAvgPool:
		avgPoolForward(y, x, l.in.H, l.in.W, l.in.C)
	case kMaxPool:
		maxPoolForward(y, l.arg, x, l.in.H, l.in.W, l.in.C)
	case kFlatten: // y aliases x
	case kReLU:
		reluForward(y, x)
	case kLeakyReLU:
		lreluForward(y, x)
	case kSigmoid:
		sigmoidForward(y, x)
	case kTanh:
		tanhForward(y, x)
	}
}

// backward accumulates the layer's parameter gradients and overwrites dx
// (skipped when dx is nil).
func (l *layer) backward(dx, dy, x, y []float32) {
	switch {
	case l.k == kDense && l.naive:
		denseBackwardNaive(dx, l.dw, l.db, dy, x, l.w, l.in.Size(), l.n)
	case l.k == kConv && l.naive:
		convBackwardNaive(dx, l.dw, l.db, dy, x, l.w, l.in.H, l.in.W, l.in.C, l.kh, l.kw, l.n, l.stride)
	case l.k == kDense:
		denseBackward(dx, l.dw, l.db, dy, x, l.w, l.nz, l.in.Size(), l.n)
	case l.k == kConv:
		convBackward(dx, l.dw, l.db, dy, x, l.w, l.in.H, l.in.W, l.in.C, l.kh, l.kw, l.n, l.stride)
	}
	if dx == nil {
		return
	}
	switch l.k {
	case kAvgPool:
		avgPoolBackward(dx, dy, l.in.H, l.in.W, l.in.C)
	case kMaxPool:
		maxPoolBackward(dx, dy, l.arg, l.in.Size())
	case kReLU:
		reluBackward(dx, dy, x)
	case kLeakyReLU:
		lreluBackward(dx, dy, x)
	case kSigmoid:
		sigmoidBackward(dx, dy, y)
	case kTanh:
		tanhBackward(dx, dy, y)
	}
}

// sig is the layer's part of the architecture signature.
func (l *layer) sig() string {
	switch l.k {
	case kDense:
		return fmt.Sprintf("dense%d%s", l.n, biasTag(l.bias))
	case kConv:
		return fmt.Sprintf("conv%dx%dx%ds%d%s", l.kh, l.kw, l.n, l.stride, biasTag(l.bias))
	}
	return strings.ToLower(kindNames[l.k])
}

func biasTag(b bool) string {
	if b {
		return "b"
	}
	return ""
}

// span is a half-open range [lo, hi) of the gradient slab that may be
// non-zero.
type span struct{ lo, hi int }

// Model is a feed-forward network: a chain of layers over one parameter
// slab, with a head (HeadSigmoid, HeadSoftmax or HeadLinear) on the output.
// Build one with a Builder or NewPreset. A Model is not safe for
// concurrent use; Clone it instead.
type Model struct {
	Name   string
	In     Shape
	Head   Head
	Params []float32 // one slab; layers hold sub-slices (see Layers)
	Grads  []float32 // same length, same layout

	specs  []spec
	layers []layer
	acts   [][]float32 // acts[i] is the input of layer i, acts[len(layers)] the output
	dacts  [][]float32 // dL/d acts[i]; dacts[0] is nil
	probs  []float32   // head probabilities of the last TrainSample/Loss
	dout   []float32   // dL/d output

	// Gradient bookkeeping: the disjoint slab ranges written by the one
	// backward pass since the last ZeroGrad, so that ZeroGrad and
	// ScaleGrads visit only those (a sparse MNIST input touches ~20% of
	// the first dense layer's rows). spansFull means "assume everything":
	// set when a second sample is accumulated or the list overflows. Any
	// spans make TrainSampleSGD refuse (its gradients must start at 0).
	spans     []span
	spansFull bool
}

// Classes returns 2 for HeadSigmoid and the number of outputs otherwise.
func (m *Model) Classes() int {
	if m.Head == HeadSigmoid {
		return 2
	}
	return len(m.acts[len(m.layers)])
}

// Out returns the shape of the raw output.
func (m *Model) Out() Shape { return m.layers[len(m.layers)-1].out }

// NumParams returns len(m.Params).
func (m *Model) NumParams() int { return len(m.Params) }

// Signature returns the architecture signature, e.g.
// "28x28x1>dense32b>sigmoid>dense10b|softmax". Two models can exchange
// weights exactly when their signatures are equal.
func (m *Model) Signature() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%dx%dx%d", m.In.H, m.In.W, m.In.C)
	for i := range m.layers {
		sb.WriteByte('>')
		sb.WriteString(m.layers[i].sig())
	}
	sb.WriteByte('|')
	sb.WriteString(m.Head.String())
	return sb.String()
}

func (m *Model) checkIn(x []float32) {
	if len(x) != m.In.Size() {
		panic(fmt.Sprintf("nn: input has %d values, model %s wants %v = %d", len(x), m.Name, m.In, m.In.Size()))
	}
}

// Forward runs the network on one sample x (length In.Size()) and returns
// the raw outputs (logits / z) in a buffer the model owns, valid until the
// next call. It allocates nothing. Panics if len(x) is wrong.
func (m *Model) Forward(x []float32) []float32 {
	m.checkIn(x)
	m.acts[0] = x
	for i := range m.layers {
		m.layers[i].forward(m.acts[i+1], m.acts[i])
	}
	return m.acts[len(m.layers)]
}

// Predict runs Forward and appends the class probabilities to dst[:0]:
// [1-p, p] for HeadSigmoid (p clipped as in seed 000), the softmax for
// HeadSoftmax, the raw outputs for HeadLinear. It allocates only when
// cap(dst) is too small.
func (m *Model) Predict(dst, x []float32) []float32 {
	z := m.Forward(x)
	dst = dst[:0]
	switch m.Head {
	case HeadSigmoid:
		p := SigmoidClipped(z[0])
		return append(dst, 1-p, p)
	case HeadSoftmax:
		for range z {
			dst = append(dst, 0)
		}
		softmax(dst, z)
		return dst
	}
	return append(dst, z...)
}

// loss computes the head's loss on the current output and overwrites
// m.dout with dL/dz.
func (m *Model) loss(label int) float64 {
	z := m.acts[len(m.layers)]
	switch m.Head {
	case HeadSigmoid:
		if label != 0 && label != 1 {
			panic(fmt.Sprintf("nn: label %d for a binary model (want 0 = A or 1 = B)", label))
		}
		l := sigmoidBCE(m.dout, z[0], label)
		m.probs[1] = m.dout[0] + float32(label)
		m.probs[0] = 1 - m.probs[1]
		return l
	case HeadSoftmax:
		if label < 0 || label >= len(z) {
			panic(fmt.Sprintf("nn: label %d out of range [0,%d)", label, len(z)))
		}
		return softmaxCE(m.dout, m.probs, z, label)
	}
	panic("nn: model " + m.Name + " has HeadLinear: no loss (use Backward)")
}

// Loss runs Forward and returns the head's loss for label without touching
// the gradients. Panics for HeadLinear.
func (m *Model) Loss(x []float32, label int) float64 {
	m.Forward(x)
	return m.loss(label)
}

// TrainSample runs forward, the loss and backward for one sample and
// ACCUMULATES the parameter gradients into Grads (call ZeroGrad between
// steps); a loss that is not finite leaves Grads alone. It returns the loss (float64). It allocates nothing. Panics for
// HeadLinear, a bad label or a bad input length.
func (m *Model) TrainSample(x []float32, label int) float64 {
	l, _, _ := m.TrainSampleSelective(x, label, 0) // a loss is never below 0
	return l
}

// TrainSampleSelective is TrainSample with selective backprop: it runs
// forward and the loss, and back-propagates only when the loss is at
// least minLoss (an image the network already classifies with p ≥
// e^−minLoss adds almost nothing to the gradient, and the backward pass
// costs about twice the forward one). A loss that is not a finite number
// is never back-propagated. It returns the loss, the class the network
// predicts for x (1 for z > 0 with a sigmoid head, else the largest
// output: Predict's argmax up to rounding ties, without computing the
// probabilities) and whether it back-propagated; minLoss 0 is TrainSample. It allocates nothing and panics as TrainSample does.
func (m *Model) TrainSampleSelective(x []float32, label int, minLoss float64) (loss float64, class int, back bool) {
	m.Forward(x)
	loss, class = m.loss(label), m.class()
	if !backprops(loss, minLoss) {
		return loss, class, false
	}
	m.backprop(m.dout, nil)
	return loss, class, true
}

func backprops(loss, minLoss float64) bool { return loss >= minLoss && !math.IsInf(loss, 1) }

// TrainSampleSGD is TrainSampleSelective, then Step(NewSGD(), lr), then
// ZeroGrad, fused: dense layers update their weights while
// back-propagating instead of writing Grads (and only the rows of the
// non-zero inputs), which makes per-sample SGD (the seeds' batch size 1)
// 1.7-2.2x faster than the three calls on mlp10 in wasm
// (BenchmarkTrainSample); train.Session takes this path for plain SGD at
// batch 1. The weights come out bit-for-bit the same as the three
// calls give. A sample that is not back-propagated (loss under minLoss,
// or not finite) changes nothing. Grads must be zero on entry (a fresh
// model or after ZeroGrad) and are zero on return. It returns what
// TrainSampleSelective returns and allocates nothing. Panics if
// gradients have been accumulated, and as TrainSample does.
func (m *Model) TrainSampleSGD(x []float32, label int, lr float32, minLoss float64) (loss float64, class int, back bool) {
	if len(m.spans) > 0 || m.spansFull {
		panic("nn: TrainSampleSGD with accumulated gradients: call ZeroGrad first")
	}
	m.Forward(x)
	loss, class = m.loss(label), m.class()
	if !backprops(loss, minLoss) {
		return loss, class, false
	}
	n := len(m.layers)
	for i := n - 1; i >= 0; i-- {
		l := &m.layers[i]
		d := m.dout
		if i < n-1 {
			d = m.dacts[i+1]
		}
		var dx []float32
		if i > 0 && l.needDx {
			dx = m.dacts[i]
		}
		switch {
		case l.k == kFlatten:
			if i == n-1 {
				copy(m.dacts[i], d)
			}
		case l.k == kDense && !l.naive:
			denseBackwardSGD(dx, l.w, l.b, d, m.acts[i], l.nz, l.in.Size(), l.n, lr)
		default:
			l.backward(dx, d, m.acts[i], m.acts[i+1])
			if l.nParams() > 0 { // conv: whole-layer gradient, then the step
				lo, hi := l.wOff, l.wOff+len(l.w)
				if l.b != nil {
					hi = l.bOff + len(l.b)
				}
				axpy(m.Params[lo:hi], m.Grads[lo:hi], -lr)
				clear(m.Grads[lo:hi])
			}
		}
	}
	return loss, class, true
}

// class is the class the network predicts from the raw outputs of the
// last Forward: for HeadSigmoid 1 when z > 0 (p > 0.5; a tie goes to
// class 0, as Argmax([0.5, 0.5])), otherwise the index of the largest
// output (the argmax of the softmax, without computing it).
func (m *Model) class() int {
	z := m.acts[len(m.layers)]
	if m.Head == HeadSigmoid {
		if z[0] > 0 {
			return 1
		}
		return 0
	}
	return Argmax(z)
}

// Backward back-propagates dy = dL/d(raw output) through the activations of
// the last Forward and accumulates the parameter gradients into Grads. Use
// it for losses of your own (HeadLinear). The model keeps x from Forward
// (no copy): leave it unchanged until Backward returns. Panics if len(dy)
// is wrong.
func (m *Model) Backward(dy []float32) {
	if len(dy) != len(m.dout) {
		panic(fmt.Sprintf("nn: Backward got %d gradients, model has %d outputs", len(dy), len(m.dout)))
	}
	m.backprop(dy, nil)
}

// backprop runs the layers backwards. dx0, when not nil, receives dL/dx of
// the input (tests); otherwise the first layers skip their dx.
func (m *Model) backprop(dy, dx0 []float32) {
	n := len(m.layers)
	if len(m.spans) > 0 {
		// A second sample before ZeroGrad: its ranges could overlap the
		// first's, so fall back to whole-slab bookkeeping until ZeroGrad.
		m.spansFull = true
	}
	for i := n - 1; i >= 0; i-- {
		l := &m.layers[i]
		d := dy
		if i < n-1 {
			d = m.dacts[i+1]
		}
		var dx []float32
		if i > 0 && (l.needDx || dx0 != nil) {
			dx = m.dacts[i]
		} else if i == 0 {
			dx = dx0
		}
		if l.k == kFlatten { // shares its buffers; only a last flatten copies
			if i == n-1 {
				copy(m.dacts[i], d)
			}
			continue
		}
		l.backward(dx, d, m.acts[i], m.acts[i+1])
		m.markDirty(l)
	}
}

// markDirty records the slab ranges layer l just wrote.
func (m *Model) markDirty(l *layer) {
	if m.spansFull || l.nParams() == 0 {
		return
	}
	if l.naive {
		m.spansFull = true
		return
	}
	if l.k == kDense && l.n >= 8 { // narrower rows are not worth a range each
		nOut := l.n
		start, end := -1, -1
		for _, i := range l.nz {
			r := l.wOff + int(i)*nOut
			if start >= 0 && r <= end+2*nOut { // bridge gaps of up to 2 zero rows
				end = r + nOut
				continue
			}
			if start >= 0 {
				m.addSpan(start, end)
			}
			start, end = r, r+nOut
		}
		if start >= 0 {
			m.addSpan(start, end)
		}
	} else {
		m.addSpan(l.wOff, l.wOff+len(l.w))
	}
	if l.b != nil {
		m.addSpan(l.bOff, l.bOff+len(l.b))
	}
}

func (m *Model) addSpan(lo, hi int) {
	if k := len(m.spans); k > 0 && m.spans[k-1].hi == lo {
		m.spans[k-1].hi = hi
		return
	}
	if len(m.spans) == cap(m.spans) {
		m.spansFull = true
		return
	}
	m.spans = append(m.spans, span{lo, hi})
}

// ZeroGrad clears Grads. It visits only the ranges written since the last
// ZeroGrad (all of Grads after many accumulated samples). It assumes only
// the model's methods wrote to Grads; clear(m.Grads) yourself otherwise.
func (m *Model) ZeroGrad() {
	if m.spansFull {
		clear(m.Grads)
	} else {
		for _, s := range m.spans {
			clear(m.Grads[s.lo:s.hi])
		}
	}
	m.spans = m.spans[:0]
	m.spansFull = false
}

// ScaleGrads multiplies the accumulated gradients by s (e.g. 1/batch to
// average a mini-batch before an Adam step).
func (m *Model) ScaleGrads(s float32) {
	if m.spansFull {
		scale(m.Grads, s)
		return
	}
	for _, sp := range m.spans {
		scale(m.Grads[sp.lo:sp.hi], s)
	}
}

func scale(g []float32, s float32) {
	i := 0
	for ; i+4 <= len(g); i += 4 {
		gg := (*[4]float32)(g[i:])
		gg[0] *= s
		gg[1] *= s
		gg[2] *= s
		gg[3] *= s
	}
	for ; i < len(g); i++ {
		g[i] *= s
	}
}

// Step applies opt to Params with Grads and learning rate lr:
// opt.Step(m.Params, m.Grads, lr). It does not zero the gradients: call
// ZeroGrad. (Per-sample plain SGD is TrainSampleSGD.)
func (m *Model) Step(opt Optimizer, lr float32) {
	opt.Step(m.Params, m.Grads, lr)
}

// Clone returns an independent copy of m (own slabs and buffers) with the
// same weights and gradients.
func (m *Model) Clone() *Model {
	c, err := build(m.Name, m.In, m.Head, m.specs)
	if err != nil {
		panic("nn: Clone: " + err.Error())
	}
	copy(c.Params, m.Params)
	copy(c.Grads, m.Grads)
	c.spansFull = m.spansFull || len(m.spans) > 0
	return c
}

// LayerInfo describes one layer for display and initialisation. W, B, GW
// and GB are views into Params and Grads (nil when absent): writing W
// changes the model.
type LayerInfo struct {
	Kind    string // "Dense", "Conv", "AvgPool2", "MaxPool2", "Flatten", "ReLU", "LeakyReLU", "Sigmoid", "Tanh"
	In, Out Shape
	// WShape is the weight layout: Dense {nIn, nOut} (w[i*nOut+o]),
	// Conv {KH, KW, OD, ID}; nil without weights.
	WShape []int
	Stride int // Conv only
	W, B   []float32
	GW, GB []float32
	Offset int // offset of W (then B) in Params
}

// Layers returns a description of each layer, in order. It allocates; do
// not call it per training step.
func (m *Model) Layers() []LayerInfo {
	out := make([]LayerInfo, len(m.layers))
	for i := range m.layers {
		l := &m.layers[i]
		li := LayerInfo{Kind: kindNames[l.k], In: l.in, Out: l.out, W: l.w, B: l.b, GW: l.dw, GB: l.db, Offset: l.wOff}
		switch l.k {
		case kDense:
			li.WShape = []int{l.in.Size(), l.n}
		case kConv:
			li.WShape = []int{l.kh, l.kw, l.n, l.in.C}
			li.Stride = l.stride
		}
		out[i] = li
	}
	return out
}
