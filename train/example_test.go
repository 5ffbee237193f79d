package train_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"digitlab/nn"
	"digitlab/train"
)

// halfPlane is a toy data set: points in [-1,1)², class 1 when x+y > 0.
type halfPlane struct{ xy []float32 }

func newHalfPlane(n int, r *rand.Rand) *halfPlane {
	d := &halfPlane{xy: make([]float32, 2*n)}
	for i := range d.xy {
		d.xy[i] = float32(2*r.Float64() - 1)
	}
	return d
}

func (d *halfPlane) Len() int { return len(d.xy) / 2 }
func (d *halfPlane) Sample(dst []float32, i int) []float32 {
	return append(dst[:0], d.xy[2*i], d.xy[2*i+1])
}
func (d *halfPlane) Label(i int) int {
	if d.xy[2*i]+d.xy[2*i+1] > 0 {
		return 1
	}
	return 0
}

// A session trains in slices: here a budget of 50 samples per call, as a
// frame of the page would give it a few milliseconds.
func Example() {
	r := rand.New(rand.NewPCG(1, 2))
	trainSet, testSet := newHalfPlane(400, r), newHalfPlane(100, r)
	m, _ := nn.NewBuilder("toy", nn.Vec(2)).Dense(1, true).Build(nn.HeadSigmoid)
	nn.InitNormal(m, r, nn.He)
	s, err := train.NewSession(m, trainSet, testSet, train.Config{
		Opt: "momentum", Schedule: nn.Schedule{LR: 0.05, AnnealT: 1000}, Batch: 1, Epochs: 3,
		Order: train.Shuffle, Seed: 42, EvalEvery: 400,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	calls := 0
	for !s.Idle() {
		if err := s.Step(train.Budget{Samples: 50}); err != nil {
			fmt.Println(err)
			return
		}
		calls++
	}
	for _, p := range s.History() {
		fmt.Printf("after %4d samples: test accuracy %.2f\n", p.Samples, p.TestAcc)
	}
	fmt.Printf("%d calls, %d steps, epoch %d\n", calls, s.Steps(), s.Epoch())
	// Output:
	// after    0 samples: test accuracy 0.72
	// after  400 samples: test accuracy 0.97
	// after  800 samples: test accuracy 0.99
	// after 1200 samples: test accuracy 0.99
	// 32 calls, 1200 steps, epoch 3
}

// A learning rate far too large: Step stops with a *DivergedError that says
// what to do; Reset starts over.
func ExampleDivergedError() {
	r := rand.New(rand.NewPCG(1, 2))
	d := newHalfPlane(100, r)
	for i := range d.xy {
		d.xy[i] *= 1e4
	}
	m, _ := nn.NewBuilder("toy", nn.Vec(2)).Dense(8, true).ReLU().Dense(1, true).Build(nn.HeadSigmoid)
	nn.InitNormal(m, r, nn.He)
	s, _ := train.NewSession(m, d, nil, train.Config{Opt: "sgd", Schedule: nn.Schedule{LR: 1e35}, Batch: 1, Epochs: 10})
	err := s.Step(train.Budget{Until: time.Now().Add(time.Second)})
	var de *train.DivergedError
	fmt.Println(errors.As(err, &de))
	fmt.Println(err)
	s.Reset()
	fmt.Println(s.Err(), s.Seen())
	// Output:
	// true
	// train: loss became NaN at step 5 with η=1e+35: training diverged; start again with a smaller learning rate
	// <nil> 0
}
