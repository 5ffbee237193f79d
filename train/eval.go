package train

import (
	"cmp"
	"math"
	"slices"

	"digitlab/nn"
)

// Result is a model's performance on a data set: seed 000's judge (mean
// cross-entropy and accuracy) plus the predictions for a confusion matrix
// or seed 002's precision.
type Result struct {
	N    int
	Loss float64 // mean −log p(true class), p floored at the smallest float32
	Acc  float64
	// Pred and Labels are the predicted and true class of each sample
	// (only from Evaluate; nil from a session's periodic evaluation).
	Pred, Labels []int
}

// Confusion returns the confusion matrix (row = true, column = predicted)
// for k classes.
func (r Result) Confusion(k int) []int { return nn.Confusion(r.Pred, r.Labels, k) }

// Precision returns seed 002's macro precision for k classes.
func (r Result) Precision(k int) float64 { return nn.Precision(r.Pred, r.Labels, k) }

// evaluator accumulates a judge over samples one at a time, so that an
// evaluation can be spread over many Step calls. Evaluate uses the same
// code, so a sliced evaluation equals the synchronous one bit for bit.
type evaluator struct {
	next, n int // next sample index, samples to judge
	loss    float64
	correct int
	x       []float32 // input buffer
	probs   []float32 // class probabilities
}

func (e *evaluator) start(n int) { e.next, e.n, e.loss, e.correct = 0, n, 0, 0 }

func (e *evaluator) done() bool { return e.next >= e.n }

// one judges sample e.next of d and returns its prediction.
func (e *evaluator) one(m *nn.Model, d Data) int {
	i := e.next
	e.x = d.Sample(e.x, i)
	e.probs = m.Predict(e.probs, e.x)
	y := d.Label(i)
	e.loss -= math.Log(math.Max(float64(e.probs[y]), math.SmallestNonzeroFloat32))
	p := nn.Argmax(e.probs)
	if p == y {
		e.correct++
	}
	e.next++
	return p
}

func (e *evaluator) result() Result {
	if e.n == 0 {
		return Result{}
	}
	return Result{N: e.n, Loss: e.loss / float64(e.n), Acc: float64(e.correct) / float64(e.n)}
}

// Mistake is one misclassified test sample of a full evaluation.
type Mistake struct {
	Index, Label, Pred int
	Probs              []float32 // the model's class probabilities
}

// FullEval is a finished evaluation of the whole test set.
type FullEval struct {
	Point     // the history point it made
	Wrong int // misclassified samples
	// Mistakes are the Config.Mistakes most confident of them (the
	// probability given to the wrong class highest), most confident first:
	// the errors a student should see first.
	Mistakes []Mistake
	Pred     []int32   // the predicted class of every test sample
	Probs    []float32 // (n, k): the class probabilities of every test sample
	// Confusion is the (k, k) count matrix, row-major: Confusion[t*k+p]
	// test samples of true class t were predicted p.
	Confusion []int
	Seq       int // counts finished full evaluations since Reset, from 1
}

// newFullEval returns a FullEval for n test samples with every buffer
// allocated: Pred of n, and room for up to keep mistakes (at most n) of k
// class probabilities each.
func newFullEval(n, keep, k int) FullEval {
	f := FullEval{Pred: make([]int32, n), Probs: make([]float32, n*k), Mistakes: make([]Mistake, min(keep, n)), Confusion: make([]int, k*k)}
	for i := range f.Mistakes {
		f.Mistakes[i].Probs = make([]float32, 0, k)
	}
	f.Mistakes = f.Mistakes[:0]
	return f
}

// start empties f for a new pass, keeping its buffers.
func (f *FullEval) start() {
	f.Point, f.Wrong, f.Mistakes, f.Seq = Point{}, 0, f.Mistakes[:0], 0
	clear(f.Confusion)
}

// add records pred, the prediction for sample i of true class label, and
// keeps the sample as a mistake while Mistakes has room (its capacity) or
// in place of the least confident one kept, copying probs, the class
// probabilities. It allocates nothing.
func (f *FullEval) add(i, label, pred int, probs []float32) {
	f.Pred[i] = int32(pred)
	if k := len(probs); len(f.Confusion) == k*k {
		f.Confusion[label*k+pred]++
		copy(f.Probs[i*k:(i+1)*k], probs)
	}
	if pred == label {
		return
	}
	f.Wrong++
	var m *Mistake
	if k := len(f.Mistakes); k < cap(f.Mistakes) {
		f.Mistakes = f.Mistakes[:k+1]
		m = &f.Mistakes[k]
	} else if k > 0 {
		least := 0
		for j := range f.Mistakes {
			if f.Mistakes[j].confidence() < f.Mistakes[least].confidence() {
				least = j
			}
		}
		if probs[pred] <= f.Mistakes[least].confidence() {
			return
		}
		m = &f.Mistakes[least]
	} else {
		return
	}
	m.Index, m.Label, m.Pred = i, label, pred
	m.Probs = append(m.Probs[:0], probs...)
}

// confidence is the probability the model gave the class it predicted.
func (m *Mistake) confidence() float32 { return m.Probs[m.Pred] }

// sortMistakes orders the kept mistakes most confident first (ties by
// index), at the end of the pass.
func (f *FullEval) sortMistakes() {
	slices.SortFunc(f.Mistakes, func(a, b Mistake) int {
		if c := cmp.Compare(b.confidence(), a.confidence()); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
}

// Evaluate judges m on every sample of d, synchronously (for the command
// line and experiments; the page uses a session's sliced evaluation). It
// changes neither the weights nor the gradients.
func Evaluate(m *nn.Model, d Data) Result {
	return EvaluateN(m, d, d.Len())
}

// EvaluateN judges m on the first n samples of d (all if n ≥ d.Len()).
func EvaluateN(m *nn.Model, d Data, n int) Result {
	n = min(max(n, 0), d.Len())
	var e evaluator
	e.start(n)
	pred := make([]int, n)
	labels := make([]int, n)
	for !e.done() {
		i := e.next
		pred[i] = e.one(m, d)
		labels[i] = d.Label(i)
	}
	r := e.result()
	r.Pred, r.Labels = pred, labels
	return r
}

// Judge is Evaluate spread over many calls (a worker judges a whole
// training set between its looks at the inbox): Start, then Step until it
// reports done, then Result. It gives the same figures as Evaluate bit for
// bit (the same code in the same order) and, after the first use,
// allocates nothing.
type Judge struct {
	e evaluator
}

// Start begins judging the first n samples (all if n ≥ d.Len() at Step).
func (j *Judge) Start(n int) { j.e.start(max(n, 0)) }

// Step judges up to k more samples of d with m and reports whether every
// sample is judged. m and d must stay the same between Start and the end.
func (j *Judge) Step(m *nn.Model, d Data, k int) bool {
	j.e.n = min(j.e.n, d.Len())
	for ; k > 0 && !j.e.done(); k-- {
		j.e.one(m, d)
	}
	return j.e.done()
}

// Result is the judgement once Step reported done (N, Loss, Acc; no
// Pred or Labels).
func (j *Judge) Result() Result { return j.e.result() }
