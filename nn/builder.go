package nn

import "fmt"

// BuildError reports an architecture that does not fit together, e.g. a
// kernel larger than its input.
type BuildError struct {
	Model string
	Layer int // 1-based index of the offending layer, 0 for the model
	Msg   string
}

func (e *BuildError) Error() string {
	if e.Layer == 0 {
		return fmt.Sprintf("nn: model %s: %s", e.Model, e.Msg)
	}
	return fmt.Sprintf("nn: model %s: layer %d: %s", e.Model, e.Layer, e.Msg)
}

// Builder composes a model layer by layer:
//
//	m, err := nn.NewBuilder("mine", nn.Shape{28, 28, 1}).
//		Conv(3, 3, 16, 1, true).ReLU().MaxPool2().
//		Dense(10, true).Build(nn.HeadSoftmax)
//
// Parameters start at zero; initialise them through Model.Layers (or use
// InitNormal / InitGlorotUniform). Shape errors are reported by Build.
type Builder struct {
	name  string
	in    Shape
	specs []spec
}

// NewBuilder starts a model called name whose samples have shape in.
func NewBuilder(name string, in Shape) *Builder { return &Builder{name: name, in: in} }

func (b *Builder) add(s spec) *Builder { b.specs = append(b.specs, s); return b }

// Dense adds a fully connected layer with n outputs (any input shape is
// used flattened). w is (nIn, n); bias adds b (n).
func (b *Builder) Dense(n int, bias bool) *Builder { return b.add(spec{k: kDense, n: n, bias: bias}) }

// Conv adds a valid convolution with a kh×kw kernel, filters output
// channels and the given stride; w is (kh, kw, filters, C); bias adds b
// (filters).
func (b *Builder) Conv(kh, kw, filters, stride int, bias bool) *Builder {
	return b.add(spec{k: kConv, n: filters, kh: kh, kw: kw, stride: stride, bias: bias})
}

// AvgPool2 adds 2×2 average pooling, stride 2.
func (b *Builder) AvgPool2() *Builder { return b.add(spec{k: kAvgPool}) }

// MaxPool2 adds 2×2 max pooling, stride 2.
func (b *Builder) MaxPool2() *Builder { return b.add(spec{k: kMaxPool}) }

// Flatten reshapes (H, W, C) to (H*W*C,) without copying.
func (b *Builder) Flatten() *Builder { return b.add(spec{k: kFlatten}) }

// ReLU adds max(0, z).
func (b *Builder) ReLU() *Builder { return b.add(spec{k: kReLU}) }

// LeakyReLU adds seed 000's max(z/10, z) (derivative 0.55 at 0).
func (b *Builder) LeakyReLU() *Builder { return b.add(spec{k: kLeakyReLU}) }

// Sigmoid adds a hidden σ(z) (unclipped).
func (b *Builder) Sigmoid() *Builder { return b.add(spec{k: kSigmoid}) }

// Tanh adds tanh(z).
func (b *Builder) Tanh() *Builder { return b.add(spec{k: kTanh}) }

// Build allocates the model with zero parameters. The head must fit the
// output: HeadSigmoid needs exactly one output, HeadSoftmax at least two.
// It returns a *BuildError when the layers do not fit together.
func (b *Builder) Build(head Head) (*Model, error) {
	specs := append([]spec(nil), b.specs...)
	return build(b.name, b.in, head, specs)
}

func build(name string, in Shape, head Head, specs []spec) (*Model, error) {
	fail := func(i int, format string, a ...any) (*Model, error) {
		return nil, &BuildError{Model: name, Layer: i, Msg: fmt.Sprintf(format, a...)}
	}
	if in.H <= 0 || in.W <= 0 || in.C <= 0 {
		return fail(0, "input shape %v must be positive", in)
	}
	if len(specs) == 0 {
		return fail(0, "no layers")
	}
	layers := make([]layer, len(specs))
	cur := in
	nParams := 0
	maxSpans := 0
	for i, s := range specs {
		l := &layers[i]
		l.spec = s
		l.in = cur
		switch s.k {
		case kDense:
			if s.n <= 0 {
				return fail(i+1, "dense needs n > 0, got %d", s.n)
			}
			l.out = Vec(s.n)
			l.wOff = nParams
			nParams += cur.Size() * s.n
			maxSpans += cur.Size()/2 + 2
		case kConv:
			if s.kh <= 0 || s.kw <= 0 || s.n <= 0 || s.stride <= 0 {
				return fail(i+1, "conv %dx%d, %d filters, stride %d: all must be positive", s.kh, s.kw, s.n, s.stride)
			}
			if s.kh > cur.H || s.kw > cur.W {
				return fail(i+1, "conv kernel %dx%d larger than its input %v", s.kh, s.kw, cur)
			}
			l.out = Shape{convOut(cur.H, s.kh, s.stride), convOut(cur.W, s.kw, s.stride), s.n}
			l.wOff = nParams
			nParams += s.kh * s.kw * s.n * cur.C
			maxSpans += 2
		case kAvgPool, kMaxPool:
			if cur.H < 2 || cur.W < 2 {
				return fail(i+1, "2x2 pooling of %v", cur)
			}
			l.out = Shape{cur.H / 2, cur.W / 2, cur.C}
		case kFlatten:
			l.out = Vec(cur.Size())
		default:
			l.out = cur
		}
		if s.bias && (s.k == kDense || s.k == kConv) {
			l.bOff = nParams
			nParams += s.n
		}
		cur = l.out
	}
	switch head {
	case HeadSigmoid:
		if cur.Size() != 1 {
			return fail(0, "sigmoid head needs 1 output, got %d", cur.Size())
		}
	case HeadSoftmax:
		if cur.Size() < 2 {
			return fail(0, "softmax head needs at least 2 outputs, got %d", cur.Size())
		}
	case HeadLinear:
	default:
		return fail(0, "unknown head %d", int(head))
	}
	m := &Model{Name: name, In: in, Head: head, specs: specs, layers: layers}
	m.Params = make([]float32, nParams)
	m.Grads = make([]float32, nParams)
	m.acts = make([][]float32, len(layers)+1)
	m.dacts = make([][]float32, len(layers)+1)
	seenParams := false
	for i := range layers {
		l := &layers[i]
		switch l.k {
		case kDense:
			l.w = m.Params[l.wOff : l.wOff+l.in.Size()*l.n]
			l.dw = m.Grads[l.wOff : l.wOff+l.in.Size()*l.n]
			l.nz = make([]int32, 0, l.in.Size())
		case kConv:
			n := l.kh * l.kw * l.n * l.in.C
			l.w = m.Params[l.wOff : l.wOff+n]
			l.dw = m.Grads[l.wOff : l.wOff+n]
			if l.in.C > 1 {
				l.wt = make([]float32, n)
			}
		case kMaxPool:
			l.arg = make([]int32, l.out.Size())
		}
		if l.bias && (l.k == kDense || l.k == kConv) {
			l.b = m.Params[l.bOff : l.bOff+l.n]
			l.db = m.Grads[l.bOff : l.bOff+l.n]
		}
		l.needDx = seenParams
		if l.nParams() > 0 {
			seenParams = true
		}
		if l.k == kFlatten {
			if i == 0 {
				return fail(1, "flatten as first layer is not needed: dense layers take any input shape")
			}
			m.acts[i+1] = m.acts[i] // a reshape: share the buffers
			m.dacts[i+1] = m.dacts[i]
			continue
		}
		m.acts[i+1] = make([]float32, l.out.Size())
		if i+1 < len(layers) {
			m.dacts[i+1] = make([]float32, l.out.Size())
		}
	}
	m.dout = make([]float32, cur.Size())
	m.probs = make([]float32, max(cur.Size(), 2))
	m.spans = make([]span, 0, 2*maxSpans+8)
	return m, nil
}
