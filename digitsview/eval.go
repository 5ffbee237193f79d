package digitsview

import (
	"math"
	"slices"

	"digitlab/nn"
)

// Data is a labelled data set as *datasets.Set (and train.Data) provides it.
type Data interface {
	Len() int
	Sample(dst []float32, i int) []float32
	Label(i int) int
}

// Wrong is one misclassified test image with the model's probabilities.
type Wrong struct {
	Index, Label, Pred int
	Probs              []float32
}

// MaxWrong is the most misclassified images a Judge keeps.
const MaxWrong = 60

// Judge evaluates a snapshot of a model on a whole test set a few samples
// at a time (so a frame never freezes) and collects the misclassified
// images. Start a pass with Begin; call Run each frame until it returns
// true; read Acc, Loss and Wrong. A Judge keeps the results of its last
// finished pass while the next one runs.
type Judge struct {
	m    *nn.Model // snapshot being judged
	d    Data
	next int
	x    []float32
	p    []float32

	loss    float64
	correct int
	wrong   []Wrong

	// Results of the last finished pass.
	Done       bool
	N          int
	Loss, Acc  float64
	Wrong      []Wrong
	WrongTotal int   // all misclassified images of the pass (Wrong keeps MaxWrong)
	Step       int   // the training step the snapshot was taken at
	Pred       []int // predicted class of every sample of the last pass
	pred       []int
	step       int
	passes     int
}

// Begin starts judging a copy of m (taken now) on d, tagged with the
// training step; a pass under way is abandoned.
func (j *Judge) Begin(m *nn.Model, d Data, step int) {
	j.m, j.d, j.next, j.step = m.Clone(), d, 0, step
	j.loss, j.correct, j.wrong = 0, 0, nil
	j.pred = make([]int, d.Len())
}

// Busy reports whether a pass is under way.
func (j *Judge) Busy() bool { return j.m != nil }

// Passes counts finished passes.
func (j *Judge) Passes() int { return j.passes }

// Clear forgets the pass under way and the results.
func (j *Judge) Clear() { *j = Judge{} }

// Run judges up to n samples and reports whether the pass finished (then
// the results are updated).
func (j *Judge) Run(n int) bool {
	if j.m == nil {
		return false
	}
	for ; n > 0 && j.next < j.d.Len(); n-- {
		i := j.next
		j.x = j.d.Sample(j.x, i)
		j.p = j.m.Predict(j.p, j.x)
		y := j.d.Label(i)
		j.loss -= math.Log(math.Max(float64(j.p[y]), math.SmallestNonzeroFloat32))
		k := nn.Argmax(j.p)
		j.pred[i] = k
		if k == y {
			j.correct++
		} else if len(j.wrong) < MaxWrong {
			j.wrong = append(j.wrong, Wrong{Index: i, Label: y, Pred: k, Probs: slices.Clone(j.p)})
		}
		j.next++
	}
	if j.next < j.d.Len() {
		return false
	}
	n = j.d.Len()
	j.Done, j.N, j.Step = true, n, j.step
	j.Loss, j.Acc = j.loss/float64(n), float64(j.correct)/float64(n)
	j.Wrong, j.WrongTotal, j.Pred = j.wrong, n-j.correct, j.pred
	j.m = nil
	j.passes++
	return true
}

// Progress is the fraction of the pass under way done (0 when idle).
func (j *Judge) Progress() float64 {
	if j.m == nil || j.d.Len() == 0 {
		return 0
	}
	return float64(j.next) / float64(j.d.Len())
}
