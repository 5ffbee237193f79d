package nn_test

import (
	"fmt"
	"math/rand/v2"

	"digitlab/nn"
)

// Build a small model, train it on one sample with per-sample SGD and
// watch the loss fall.
func Example() {
	r := rand.New(rand.NewPCG(1, 2))
	m, err := nn.NewBuilder("tiny", nn.Vec(4)).Dense(8, true).ReLU().Dense(3, true).Build(nn.HeadSoftmax)
	if err != nil {
		panic(err)
	}
	nn.InitNormal(m, r, nn.He)
	x := []float32{0.5, 0, 1, 0.25}
	opt := nn.NewSGD()
	first := m.Loss(x, 2)
	for range 20 {
		m.TrainSample(x, 2)
		m.Step(opt, 0.1)
		m.ZeroGrad()
	}
	p := m.Predict(nil, x)
	fmt.Println(m.NumParams(), "params; loss fell:", m.Loss(x, 2) < first, "; predicts", nn.Argmax(p))
	// Output: 67 params; loss fell: true ; predicts 2
}

// Seed 003's example network: Φ(1,-1) = -4.
func ExampleNewLandscapeWeights() {
	m, err := nn.NewLandscapeWeights([][2]float32{{1, -1}, {2, 0}, {-1, 2}}, []float32{0, 1, -1}, []float32{1, -2, 1}, 0)
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Forward([]float32{1, -1})[0])
	// Output: -4
}

// Seed 003's ring detector for a=1, b=2 on its seven test points.
func ExampleNewRing() {
	m, _ := nn.NewRing(1, 2)
	for _, p := range [][]float32{{0, 0}, {0.5, 0.5}, {1.1, 0}, {1, 1}, {1.5, 0.2}, {2, 0}, {2.1, 0}} {
		fmt.Print(m.Forward(p)[0] >= 0, " ")
	}
	fmt.Println()
	// Output: false true true true true true false
}

// Seed 002's second model and its layer table.
func ExampleModel_Summary() {
	m, _ := nn.NewPreset("cnn10-tanh", rand.New(rand.NewPCG(1, 2)))
	fmt.Print(m.Summary())
	// Output:
	// Model cnn10-tanh (head softmax)
	// Layer (type)  Input Shape  Output Shape  Weights shape  Bias shape  Param #
	// ===========================================================================
	// Input         -            (28, 28, 1)   -              -                 0
	// Conv 3x3/1    (28, 28, 1)  (26, 26, 9)   (3, 3, 9, 1)   (9,)             90
	// Tanh          (26, 26, 9)  (26, 26, 9)   -              -                 0
	// MaxPool2      (26, 26, 9)  (13, 13, 9)   -              -                 0
	// Flatten       (13, 13, 9)  (1521,)       -              -                 0
	// Dense         (1521,)      (10,)         (1521, 10)     (10,)        15,220
	// ===========================================================================
	// Total params: 15,310
}

// A weights file for one model does not load into another.
func ExampleModel_UnmarshalBinary() {
	r := rand.New(rand.NewPCG(1, 2))
	cnn, _ := nn.NewPreset("cnn", r)
	mlp, _ := nn.NewPreset("mlp10", r)
	data, _ := cnn.MarshalBinary()
	fmt.Println(mlp.UnmarshalBinary(data))
	// Output: nn: weights file: file is for model cnn (332 params), this is mlp10 (26,506 params)
}
