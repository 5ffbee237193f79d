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
