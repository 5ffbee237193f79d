package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"digitlab/excerpt"
)

// Preset is one of the course's models by name: its architecture and its
// initial weights, drawn as its seed draws them. How it is trained (data,
// pixel scaling, optimiser, schedule, batch, length) is not the model's
// business: that is its training recipe, train.Recipe.
type Preset struct {
	Name  string
	Seed  string // "000".."003", "" for our own
	About string
	In    Shape
	// Classes is 2 for the binary models (HeadSigmoid) and K for the
	// softmax ones.
	Classes int

	build func(r *rand.Rand) (*Model, error)
}

// Build builds the preset's model and initialises it as its seed does,
// drawing from r. A Preset that does not come from Presets or
// PresetByName returns an *UnknownPresetError.
func (p Preset) Build(r *rand.Rand) (*Model, error) {
	if p.build == nil {
		return nil, &UnknownPresetError{p.Name}
	}
	return p.build(r)
}

var mnistIn = Shape{28, 28, 1}

// presets are the models in the order of the DESIGN table, seed models
// first, then ours. Each builds and initialises its own model.
var presets = []Preset{
	{Name: "linear", Seed: "000", About: "p = σ(w·x): 784 weights, no bias, z clipped to ±15", In: mnistIn, Classes: 2, build: newLinear},
	{Name: "vanilla", Seed: "000", About: "784→32→32→1, leaky ReLU, no biases, sigmoid output", In: mnistIn, Classes: 2, build: newVanilla},
	{Name: "cnn", Seed: "000", About: "avgpool 2×2 → conv 5×5×8 stride 2 → lrelu → conv 1×1×4 → lrelu → dense 100→1 → sigmoid", In: mnistIn, Classes: 2, build: newCNN},
	{Name: "mlp10", Seed: "001", About: "784→32→32→10, sigmoid hidden, softmax; raw 0..255 pixels", In: mnistIn, Classes: 10, build: newMLP10},
	{Name: "cnn10", Seed: "002", About: "conv 3×3×9 → maxpool 2 → dense 1521→10 softmax (victorzhou)", In: mnistIn, Classes: 10, build: newCNN10},
	{Name: "cnn10-tanh", Seed: "002", About: "conv 3×3×9 + bias → tanh → maxpool 2 → dense 1521→10 softmax, glorot-uniform", In: mnistIn, Classes: 10, build: newCNN10Tanh},
	{Name: "digits64", Seed: "003", About: "64→32 ReLU→10 softmax on 8×8 digits, init randn·0.1", In: Shape{8, 8, 1}, Classes: 10, build: newDigits64},
	// best is ours: its recipe (train.Recipes) tells how it was chosen.
	{Name: "best", About: "conv 3×3×8 maxpool relu → conv 3×3×16 maxpool relu → dense 128 relu → dense 10 softmax; Adam, η falls linearly to 0; images shifted by up to 1 pixel; only images with a loss ≥ 0.05 are back-propagated", In: mnistIn, Classes: 10, build: newBest},
	{Name: "convnetjs", About: "ConvNetJS-sized CNN: conv 5×5×8 relu maxpool → conv 5×5×16 relu maxpool → dense 10 softmax (valid padding)", In: mnistIn, Classes: 10, build: newConvNetJS},
}

// Presets returns every preset, in the order of the DESIGN table.
func Presets() []Preset { return append([]Preset(nil), presets...) }

// UnknownPresetError is returned for a name that is not a preset.
type UnknownPresetError struct{ Name string }

func (e *UnknownPresetError) Error() string {
	names := make([]string, len(presets))
	for i, p := range presets {
		names[i] = p.Name
	}
	return fmt.Sprintf("nn: unknown preset %s (have %s)", excerpt.Word(e.Name), strings.Join(names, ", "))
}

// PresetByName returns the preset called name or an *UnknownPresetError.
func PresetByName(name string) (Preset, error) {
	for _, p := range presets {
		if p.Name == name {
			return p, nil
		}
	}
	return Preset{}, &UnknownPresetError{name}
}

// NewPreset builds the preset called name and initialises it as its seed
// does, drawing from r: PresetByName(name) then Build(r).
func NewPreset(name string, r *rand.Rand) (*Model, error) {
	p, err := PresetByName(name)
	if err != nil {
		return nil, err
	}
	return p.Build(r)
}

// built builds b with head and, if that works, initialises the model
// with init.
func built(b *Builder, head Head, init func(m *Model, l []LayerInfo)) (*Model, error) {
	m, err := b.Build(head)
	if err != nil {
		return nil, err
	}
	init(m, m.Layers())
	return m, nil
}

func newLinear(r *rand.Rand) (*Model, error) {
	return built(NewBuilder("linear", mnistIn).Dense(1, false), HeadSigmoid, func(m *Model, _ []LayerInfo) {
		randnScaled(m.Params, r, 1/math.Sqrt(784)) // w = randn(784)/sqrt(784)
	})
}

func newVanilla(r *rand.Rand) (*Model, error) {
	b := NewBuilder("vanilla", mnistIn).Dense(32, false).LeakyReLU().Dense(32, false).LeakyReLU().Dense(1, false)
	return built(b, HeadSigmoid, func(_ *Model, l []LayerInfo) {
		// vanilla_init draws A (32)/sqrt(1+32), B (32,32)/sqrt(64), C (32,784)/sqrt(816).
		randnScaled(l[4].W, r, 1/math.Sqrt(1+32))
		randnScaled(l[2].W, r, 1/math.Sqrt(32+32))
		randnScaled(l[0].W, r, 1/math.Sqrt(32+784))
	})
}

func newCNN(r *rand.Rand) (*Model, error) {
	b := NewBuilder("cnn", mnistIn).AvgPool2().Conv(5, 5, 8, 2, false).LeakyReLU().Conv(1, 1, 4, 1, false).LeakyReLU().Dense(1, false)
	return built(b, HeadSigmoid, func(_ *Model, l []LayerInfo) {
		// conv_init draws A (100)/sqrt(1+100), B (1,1,4,8)/sqrt(4+8), C (5,5,8,1)/sqrt(8+25).
		randnScaled(l[5].W, r, 1/math.Sqrt(1+100))
		randnScaled(l[3].W, r, 1/math.Sqrt(4+8))
		randnScaled(l[1].W, r, 1/math.Sqrt(8+25))
	})
}

func newMLP10(r *rand.Rand) (*Model, error) {
	b := NewBuilder("mlp10", mnistIn).Dense(32, true).Sigmoid().Dense(32, true).Sigmoid().Dense(10, true)
	return built(b, HeadSoftmax, func(_ *Model, l []LayerInfo) {
		// randn(784,32)/sqrt(32), randn(32,32)/sqrt(32), randn(32,10)/sqrt(10); biases 0.
		randnScaled(l[0].W, r, 1/math.Sqrt(32))
		randnScaled(l[2].W, r, 1/math.Sqrt(32))
		randnScaled(l[4].W, r, 1/math.Sqrt(10))
	})
}

func newCNN10(r *rand.Rand) (*Model, error) {
	b := NewBuilder("cnn10", mnistIn).Conv(3, 3, 9, 1, false).MaxPool2().Dense(10, true)
	return built(b, HeadSoftmax, func(_ *Model, l []LayerInfo) {
		// victorzhou: filters randn(9,3,3)/9; softmax weights randn(1521,10)/1521; biases 0.
		randnScaled(l[0].W, r, 1.0/9)
		randnScaled(l[2].W, r, 1.0/1521)
	})
}

func newCNN10Tanh(r *rand.Rand) (*Model, error) {
	b := NewBuilder("cnn10-tanh", mnistIn).Conv(3, 3, 9, 1, true).Tanh().MaxPool2().Flatten().Dense(10, true)
	return built(b, HeadSoftmax, func(m *Model, _ []LayerInfo) { InitGlorotUniform(m, r) })
}

func newDigits64(r *rand.Rand) (*Model, error) {
	b := NewBuilder("digits64", Shape{8, 8, 1}).Dense(32, true).ReLU().Dense(10, true)
	return built(b, HeadSoftmax, func(_ *Model, l []LayerInfo) {
		randnScaled(l[0].W, r, 0.1)
		randnScaled(l[2].W, r, 0.1)
	})
}

func newBest(r *rand.Rand) (*Model, error) {
	// Max-pooling before the ReLU is the same function and gradient as
	// after it (max and ReLU commute) on a quarter of the values.
	b := NewBuilder("best", mnistIn).Conv(3, 3, 8, 1, true).MaxPool2().ReLU().Conv(3, 3, 16, 1, true).MaxPool2().ReLU().
		Dense(128, true).ReLU().Dense(10, true)
	return built(b, HeadSoftmax, func(m *Model, _ []LayerInfo) { InitNormal(m, r, He) })
}

func newConvNetJS(r *rand.Rand) (*Model, error) {
	b := NewBuilder("convnetjs", mnistIn).Conv(5, 5, 8, 1, true).ReLU().MaxPool2().Conv(5, 5, 16, 1, true).ReLU().MaxPool2().
		Dense(10, true)
	return built(b, HeadSoftmax, func(m *Model, _ []LayerInfo) { InitNormal(m, r, He) })
}
