package nn

import (
	"fmt"
	"math"
)

// Argmax returns the index of the largest value (the first on a tie);
// -1 for an empty slice.
func Argmax(p []float32) int {
	best := -1
	for i, v := range p {
		if best < 0 || v > p[best] {
			best = i
		}
	}
	return best
}

func checkLen(what string, a, b int) {
	if a != b {
		panic(fmt.Sprintf("nn: %s: %d predictions, %d labels", what, a, b))
	}
}

// Accuracy returns the fraction of pred[i] == labels[i] (0 for no samples).
// Panics if the lengths differ.
func Accuracy(pred, labels []int) float64 {
	checkLen("Accuracy", len(pred), len(labels))
	if len(pred) == 0 {
		return 0
	}
	n := 0
	for i, p := range pred {
		if p == labels[i] {
			n++
		}
	}
	return float64(n) / float64(len(pred))
}

// MeanCrossEntropy is seed 000's judge loss generalised to k classes:
// the mean over samples of -log probs[i*k+labels[i]], where probs holds
// each sample's k class probabilities in a row (as Predict gives them; for
// a binary model [1-p, p], so this is mean -log(p if B else 1-p)).
// Probabilities are floored at the smallest float32 so the result stays
// finite. Panics if len(probs) != k*len(labels).
func MeanCrossEntropy(probs []float32, k int, labels []int) float64 {
	checkLen("MeanCrossEntropy", len(probs), k*len(labels))
	if len(labels) == 0 {
		return 0
	}
	var s float64
	for i, y := range labels {
		s -= math.Log(math.Max(float64(probs[i*k+y]), math.SmallestNonzeroFloat32))
	}
	return s / float64(len(labels))
}

// Confusion returns the k×k confusion matrix, row = true label, column =
// predicted: c[t*k+p]. Panics on a label outside [0,k).
func Confusion(pred, labels []int, k int) []int {
	checkLen("Confusion", len(pred), len(labels))
	c := make([]int, k*k)
	for i, p := range pred {
		t := labels[i]
		if p < 0 || p >= k || t < 0 || t >= k {
			panic(fmt.Sprintf("nn: Confusion: label %d or prediction %d outside [0,%d)", t, p, k))
		}
		c[t*k+p]++
	}
	return c
}

// Precision is the macro-averaged precision of seed 002 (scikit-learn's
// precision_score(average="macro")): the mean over the classes that occur
// in labels or pred of TP/(TP+FP), a class never predicted counting 0.
func Precision(pred, labels []int, k int) float64 {
	c := Confusion(pred, labels, k)
	var s float64
	n := 0
	for j := 0; j < k; j++ {
		tp, col, row := c[j*k+j], 0, 0
		for i := 0; i < k; i++ {
			col += c[i*k+j]
			row += c[j*k+i]
		}
		if col == 0 && row == 0 {
			continue
		}
		n++
		if col > 0 {
			s += float64(tp) / float64(col)
		}
	}
	if n == 0 {
		return 0
	}
	return s / float64(n)
}
