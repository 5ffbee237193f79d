package nn

import (
	"math"
	"slices"
	"testing"
)

func TestMetrics(t *testing.T) {
	t.Parallel()
	pred := []int{0, 0, 1, 2, 2, 2}
	labels := []int{0, 1, 1, 2, 2, 0}
	if got := Accuracy(pred, labels); math.Abs(got-4.0/6) > 1e-12 {
		t.Errorf("Accuracy = %v, want %v", got, 4.0/6)
	}
	c := Confusion(pred, labels, 3)
	want := []int{1, 0, 1, 1, 1, 0, 0, 0, 2} // rows true, cols predicted
	if !slices.Equal(c, want) {
		t.Errorf("Confusion = %v, want %v", c, want)
	}
	// Precision per class 1/2, 1/1, 2/3; class 3 of k = 4 never occurs.
	wantP := (0.5 + 1 + 2.0/3) / 3
	if got := Precision(pred, labels, 4); math.Abs(got-wantP) > 1e-12 {
		t.Errorf("Precision = %v, want %v", got, wantP)
	}
	// A class that occurs but is never predicted counts 0.
	if got := Precision([]int{0, 0}, []int{0, 1}, 2); math.Abs(got-0.25) > 1e-12 {
		t.Errorf("Precision(never predicted) = %v, want 0.25", got)
	}
	if got := Argmax([]float32{0.1, 0.7, 0.7, 0.2}); got != 1 {
		t.Errorf("Argmax = %d, want 1", got)
	}
}

// TestDummyPredictors are seed 000's dummy-predictor assertions on a
// label set: very_sure_A and very_sure_B accuracies sum to 1, fifty_fifty
// has loss log 2, ffl < mia < vsa and ffl < mib < vsb (roughly balanced
// labels).
func TestDummyPredictors(t *testing.T) {
	t.Parallel()
	r := newRand(7)
	labels := make([]int, 1001)
	for i := range labels {
		labels[i] = r.IntN(2)
	}
	judge := func(p float32) (acc, loss float64) {
		probs := make([]float32, 0, 2*len(labels))
		pred := make([]int, len(labels))
		for i := range labels {
			probs = append(probs, 1-p, p)
			if p > 0.5 {
				pred[i] = 1
			}
		}
		return Accuracy(pred, labels), MeanCrossEntropy(probs, 2, labels)
	}
	vsaAcc, vsa := judge(0.01)
	vsbAcc, vsb := judge(0.99)
	_, mia := judge(0.4)
	_, mib := judge(0.6)
	_, ffl := judge(0.5)
	if math.Abs(vsaAcc+vsbAcc-1) > 1e-12 {
		t.Errorf("acc(very_sure_A) + acc(very_sure_B) = %v, want 1", vsaAcc+vsbAcc)
	}
	if math.Abs(ffl-math.Log(2)) > 1e-6 {
		t.Errorf("loss(fifty_fifty) = %v, want log 2", ffl)
	}
	if !(ffl < mia && mia < vsa && ffl < mib && mib < vsb) {
		t.Errorf("losses ffl %v mia %v vsa %v mib %v vsb %v: want ffl < mia < vsa, ffl < mib < vsb", ffl, mia, vsa, mib, vsb)
	}
}
