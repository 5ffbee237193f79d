package digitsview

import (
	"fmt"
	"math"

	"digitlab/kit/plot"
	"digitlab/nn"
)

// The Inside view (issue #14): for the image in focus, every layer's
// output in order — the input, each conv or pool layer's feature maps,
// each dense layer's units, each activation beside its pre-activation,
// the logits beside the probabilities — and for one unit of a dense or
// conv layer what feeds it: its incoming weights and each input's
// contribution w·x. Inside computes it from the page's model copy;
// InsideView (inside_paint.go) draws it.
//
// Flatten layers are not shown: they reshape (H, W, C) to (H·W·C,)
// without changing a value, so the dense layer after one is shown as
// fed by the image before it, and its weights are drawn as that image.

// Unit addresses one value of a shown layer: Layer indexes
// Inside.Layers, Index that layer's Values ((H, W, C) row-major for an
// image).
type Unit struct{ Layer, Index int }

// NoUnit is no unit: nothing hovered or selected.
var NoUnit = Unit{-1, -1}

// Kinds of shown layers besides the model's own (nn.LayerInfo.Kind).
const (
	KindInput = "Input"         // the image as the model sees it
	KindProbs = "Probabilities" // the head's probabilities (Predict)
)

// InsideLayer is one shown layer.
type InsideLayer struct {
	// Name is what the view titles it: "input", "conv 3×3×8", "ReLU",
	// "max-pool 2×2", "dense 32", "sigmoid", "logits", "probabilities".
	Name  string
	Kind  string   // the model layer's kind (nn.Model.LayerKind), KindInput or KindProbs
	Shape nn.Shape // (H, W, C); a vector is (1, 1, N)
	// Values is the layer's output, (H, W, C) row-major: a copy the
	// Inside owns, rewritten by each Compute.
	Values []float32
	// Pre is the index of the layer whose output is this one's
	// pre-activation — an activation right after a dense or conv layer,
	// the probabilities after the logits —, drawn beside it; -1 for none.
	Pre int
	// Lo and Hi are the range of the finite values (+Inf, -Inf if none).
	Lo, Hi float64
	// Norm is the colour scale, symmetric around 0 (plot.Symmetric of
	// Lo, Hi). A ReLU or leaky ReLU shares its pre-activation's, so that
	// the kink shows: a leaky ReLU's z < 0 turns ten times paler. The
	// probabilities' is [-1, 1]: p = 1 is the deepest blue.
	Norm plot.Norm

	model int // the model layer (nn index), -1 for the input and the probabilities
	src   int // the shown dense or conv layer whose weights feed a unit of this one, -1 none
}

// IsMap reports whether the layer is an image (H, W, C), not a vector.
func (l *InsideLayer) IsMap() bool { return l.Shape.H > 1 || l.Shape.W > 1 }

// Patch is what feeds one unit of a dense or conv layer, as images: C
// maps of H×W, V (H, W, C) row-major like the layers' values. A dense
// unit on an image (H, W, C) gives H×W per channel, on a vector of N
// 1×N; a conv unit gives its receptive field, KH×KW per input channel.
type Patch struct {
	H, W, C int
	V       []float32 // a buffer of the Inside's, valid until the next call
	Bias    float32   // the unit's bias (0 without one)
	Norm    plot.Norm // symmetric around 0 over V's finite values
	// Unit is the dense or conv unit the patch feeds: u itself, or for an
	// activation the unit of its pre-activation, for a probability its
	// logit.
	Unit Unit
	// Row and Col are a conv unit's receptive field's top-left pixel in
	// the layer's input (0, 0 for dense).
	Row, Col int
}

// UnitError reports a unit that does not exist or has no weights.
type UnitError struct {
	Unit Unit
	Msg  string
}

func (e *UnitError) Error() string {
	return fmt.Sprintf("digitsview: unit %d of layer %d: %s", e.Unit.Index, e.Unit.Layer, e.Msg)
}

// Inside is the list of layers to show for one input of one model. The
// zero value is ready to use.
type Inside struct {
	Layers []InsideLayer
	Head   nn.Head
	// Gen counts Computes (what the values are); Arch counts the changes
	// of the layers' list (what a layout depends on: another model).
	Gen, Arch int

	m       *nn.Model
	params  *float32 // &m.Params[0] when bound: the infos' views stay valid
	nParams int
	infos   []nn.LayerInfo
	probs   []float32
	inc     []float32 // Incoming's buffer
	con     []float32 // Contribution's buffer
}

// Compute runs m on x (an input as the model sees it: In.Size() values)
// and copies every shown layer's output. For the same model again it
// allocates nothing; another model rebuilds the layers' list (and bumps
// Arch). A nil m empties the list. An x of the wrong length is an error
// (the image of another task while the model changes) and leaves the
// Inside as it was.
func (in *Inside) Compute(m *nn.Model, x []float32) error {
	if m == nil {
		if in.m != nil || in.Layers != nil {
			*in = Inside{Gen: in.Gen, Arch: in.Arch + 1}
		}
		in.Gen++
		return nil
	}
	if len(x) != m.In.Size() {
		return fmt.Errorf("digitsview: inside: an input of %d values for model %s, which takes %v", len(x), m.Name, m.In)
	}
	if !in.bound(m) {
		in.bind(m)
	}
	in.probs = m.Predict(in.probs[:0], x)
	for i := range in.Layers {
		l := &in.Layers[i]
		switch {
		case l.Kind == KindInput:
			copy(l.Values, x)
		case l.Kind == KindProbs:
			copy(l.Values, in.probs)
		default:
			copy(l.Values, m.Output(l.model))
		}
		l.Lo, l.Hi = math.Inf(1), math.Inf(-1)
		for _, v := range l.Values {
			if f := float64(v); !math.IsNaN(f) && !math.IsInf(f, 0) {
				l.Lo, l.Hi = math.Min(l.Lo, f), math.Max(l.Hi, f)
			}
		}
		switch {
		case l.Kind == KindProbs:
			l.Norm = plot.Norm{Min: -1, Max: 1}
		case l.Pre >= 0 && (l.Kind == "ReLU" || l.Kind == "LeakyReLU"):
			l.Norm = in.Layers[l.Pre].Norm
		default:
			l.Norm = plot.Symmetric(l.Lo, l.Hi)
		}
	}
	in.Gen++
	return nil
}

// bound reports whether the layers' list is m's (the same model, its
// parameter slab where it was).
func (in *Inside) bound(m *nn.Model) bool {
	if in.m != m || len(m.Params) != in.nParams || m.LayerCount() != len(in.infos) || m.Head != in.Head {
		return false
	}
	return in.nParams == 0 || &m.Params[0] == in.params
}

// bind builds the layers' list of m.
func (in *Inside) bind(m *nn.Model) {
	in.m, in.Head, in.nParams, in.params = m, m.Head, len(m.Params), nil
	if len(m.Params) > 0 {
		in.params = &m.Params[0]
	}
	in.infos = m.Layers()
	in.Layers = in.Layers[:0]
	add := func(name, kind string, shape nn.Shape, model int) *InsideLayer {
		in.Layers = append(in.Layers, InsideLayer{Name: name, Kind: kind, Shape: shape,
			Values: make([]float32, shape.Size()), Pre: -1, model: model, src: -1})
		return &in.Layers[len(in.Layers)-1]
	}
	add("input", KindInput, m.In, -1)
	last := len(in.infos) - 1
	for last > 0 && in.infos[last].Kind == "Flatten" {
		last--
	}
	for i, li := range in.infos {
		if li.Kind == "Flatten" {
			continue
		}
		l := add(layerName(li, i == last && m.Head != nn.HeadLinear), li.Kind, li.Out, i)
		k := len(in.Layers) - 1
		prev := &in.Layers[k-1]
		switch li.Kind {
		case "Dense", "Conv":
			l.src = k
		case "ReLU", "LeakyReLU", "Sigmoid", "Tanh":
			if i > 0 && (in.infos[i-1].Kind == "Dense" || in.infos[i-1].Kind == "Conv") {
				l.Pre, l.src = k-1, prev.src
			}
		}
	}
	if m.Head != nn.HeadLinear {
		lg := len(in.Layers) - 1
		p := add("probabilities", KindProbs, nn.Vec(m.Classes()), -1)
		p.Pre, p.src = lg, in.Layers[lg].src
		if in.Layers[lg].Kind != "Dense" && in.Layers[lg].Kind != "Conv" {
			p.src = -1
		}
	}
	in.Arch++
}

// layerName is what the view calls model layer l; the last one, before a
// sigmoid or softmax head, is the logits.
func layerName(l nn.LayerInfo, logits bool) string {
	if logits && l.Kind == "Dense" {
		return "logits"
	}
	switch l.Kind {
	case "Dense":
		return fmt.Sprintf("dense %d", l.Out.Size())
	case "Conv":
		if l.Stride != 1 {
			return fmt.Sprintf("conv %d×%d×%d, stride %d", l.WShape[0], l.WShape[1], l.WShape[2], l.Stride)
		}
		return fmt.Sprintf("conv %d×%d×%d", l.WShape[0], l.WShape[1], l.WShape[2])
	case "AvgPool2":
		return "avg-pool 2×2"
	case "MaxPool2":
		return "max-pool 2×2"
	case "ReLU":
		return "ReLU"
	case "LeakyReLU":
		return "leaky ReLU"
	case "Sigmoid":
		return "sigmoid"
	case "Tanh":
		return "tanh"
	}
	return l.Kind
}

// Value returns unit u's value; ok is false for a unit that does not
// exist.
func (in *Inside) Value(u Unit) (v float32, ok bool) {
	if u.Layer < 0 || u.Layer >= len(in.Layers) || u.Index < 0 || u.Index >= len(in.Layers[u.Layer].Values) {
		return 0, false
	}
	return in.Layers[u.Layer].Values[u.Index], true
}

// Source returns the dense or conv unit whose weights feed u: u itself,
// for an activation after a dense or conv layer the same unit of that
// layer, for a probability its logit (a sigmoid head's two
// probabilities both come from its one logit). It reports a *UnitError
// for a unit that does not exist or has no weights (the input, a pool,
// an activation after a pool).
func (in *Inside) Source(u Unit) (Unit, error) {
	if _, ok := in.Value(u); !ok {
		return u, &UnitError{u, "no such unit"}
	}
	l := &in.Layers[u.Layer]
	if l.src < 0 {
		return u, &UnitError{u, l.Name + " has no incoming weights"}
	}
	s := Unit{l.src, u.Index}
	if l.Kind == KindProbs && in.Head == nn.HeadSigmoid {
		s.Index = 0
	}
	return s, nil
}

// Incoming returns the weights that feed u (see Source) laid out as
// images (see Patch), in a buffer valid until the next Incoming. It
// reports a *UnitError as Source does.
func (in *Inside) Incoming(u Unit) (Patch, error) { return in.patch(u, false) }

// Contribution returns what each input adds to u's pre-activation,
// weight × input, laid out as Incoming lays out the weights, with the
// unit's bias: Σ V + Bias is the pre-activation (the value of Patch.Unit).
// The buffer is valid until the next Contribution. It reports a
// *UnitError as Source does.
func (in *Inside) Contribution(u Unit) (Patch, error) { return in.patch(u, true) }

func (in *Inside) patch(u Unit, contrib bool) (Patch, error) {
	s, err := in.Source(u)
	if err != nil {
		return Patch{}, err
	}
	l := &in.Layers[s.Layer]
	li := &in.infos[l.model]
	x := in.Layers[s.Layer-1].Values // the input: the shown layer before (through a Flatten)
	p := Patch{Unit: s}
	buf := &in.inc
	if contrib {
		buf = &in.con
	}
	switch l.Kind {
	case "Dense": // w[i*nOut+o]
		nIn, nOut, o := li.WShape[0], li.WShape[1], s.Index
		sh := in.Layers[s.Layer-1].Shape
		p.H, p.W, p.C = sh.H, sh.W, sh.C
		if !in.Layers[s.Layer-1].IsMap() {
			p.H, p.W, p.C = 1, nIn, 1
		}
		v := insideGrow(buf, nIn)
		for i := range v {
			v[i] = li.W[i*nOut+o]
			if contrib {
				v[i] *= x[i]
			}
		}
		p.V = v
		if li.B != nil {
			p.Bias = li.B[o]
		}
	case "Conv": // w[((kh*KW+kw)*OD+od)*ID+id], x (H, W, ID)
		KH, KW, OD, ID := li.WShape[0], li.WShape[1], li.WShape[2], li.WShape[3]
		od, pos := s.Index%OD, s.Index/OD
		p.Row, p.Col = pos/li.Out.W*li.Stride, pos%li.Out.W*li.Stride
		p.H, p.W, p.C = KH, KW, ID
		v := insideGrow(buf, KH*KW*ID)
		for kh := range KH {
			for kw := range KW {
				for id := range ID {
					w := li.W[((kh*KW+kw)*OD+od)*ID+id]
					if contrib {
						w *= x[((p.Row+kh)*li.In.W+p.Col+kw)*ID+id]
					}
					v[(kh*KW+kw)*ID+id] = w
				}
			}
		}
		p.V = v
		if li.B != nil {
			p.Bias = li.B[od]
		}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range p.V {
		if f := float64(v); !math.IsNaN(f) && !math.IsInf(f, 0) {
			lo, hi = math.Min(lo, f), math.Max(hi, f)
		}
	}
	p.Norm = plot.Symmetric(lo, hi)
	return p, nil
}

// insideGrow returns (*buf)[:n], reallocating only when it is too short.
func insideGrow(buf *[]float32, n int) []float32 {
	if cap(*buf) < n {
		*buf = make([]float32, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// JSON returns the layers for digitlab.inside(): one {name, shape,
// values} per shown layer, shape [H, W, C] for an image and [N] for a
// vector, values flat with NaN and ±Inf as nil (null). It allocates its
// answer.
func (in *Inside) JSON() []any {
	out := make([]any, len(in.Layers))
	for i := range in.Layers {
		l := &in.Layers[i]
		shape := []any{l.Shape.H, l.Shape.W, l.Shape.C}
		if !l.IsMap() {
			shape = []any{l.Shape.C}
		}
		vals := make([]any, len(l.Values))
		for j, v := range l.Values {
			if f := float64(v); !math.IsNaN(f) && !math.IsInf(f, 0) {
				vals[j] = f
			}
		}
		out[i] = map[string]any{"name": l.Name, "shape": shape, "values": vals}
	}
	return out
}
