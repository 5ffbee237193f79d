package train

import (
	"testing"

	"digitlab/nn"
)

// seqData is n samples of one value each: sample i is {off+i}, label i%k.
type seqData struct{ n, off, k int }

func (d seqData) Len() int { return d.n }
func (d seqData) Sample(dst []float32, i int) []float32 {
	return append(dst[:0], float32(d.off+i))
}
func (d seqData) Label(i int) int { return i % d.k }

func TestMixShareAndOrder(t *testing.T) {
	base, extra := seqData{n: 1000, off: 0, k: 10}, seqData{n: 7, off: 10000, k: 3}
	for _, p := range []int{0, 1, 10, 33, 50, 100} {
		m := &Mix{Base: base, Extra: extra, Percent: p}
		if m.Len() != base.n {
			t.Fatalf("p=%d: Len %d, want %d", p, m.Len(), base.n)
		}
		got, next := 0, 0
		var x []float32
		for i := range m.Len() {
			x = m.Sample(x, i)
			if m.IsExtra(i) {
				// Extra's samples come in turn, wrapping around.
				if want := float32(10000 + next%extra.n); x[0] != want {
					t.Fatalf("p=%d: index %d gives %v, want extra sample %v", p, i, x[0], want)
				}
				if m.Label(i) != (next%extra.n)%3 {
					t.Fatalf("p=%d: index %d label %d", p, i, m.Label(i))
				}
				next++
				got++
			} else if x[0] != float32(i) || m.Label(i) != i%10 {
				t.Fatalf("p=%d: index %d gives %v label %d, want base's", p, i, x[0], m.Label(i))
			}
		}
		if want := base.n * p / 100; got != want {
			t.Errorf("p=%d: %d extra samples in %d, want %d", p, got, base.n, want)
		}
		// Spread evenly: in every window of 100 indices, exactly p.
		for s := 0; s+100 <= base.n; s += 37 {
			c := 0
			for i := s; i < s+100; i++ {
				if m.IsExtra(i) {
					c++
				}
			}
			if c != p {
				t.Errorf("p=%d: %d extra in [%d, %d)", p, c, s, s+100)
			}
		}
	}
}

func TestMixEmptyExtraIsBase(t *testing.T) {
	m := &Mix{Base: seqData{n: 50, k: 5}, Extra: seqData{n: 0, k: 1}, Percent: 50}
	for i := range m.Len() {
		if m.IsExtra(i) || m.Label(i) != i%5 {
			t.Fatalf("index %d: extra %v label %d", i, m.IsExtra(i), m.Label(i))
		}
	}
}

// A session switched to a Mix mid-epoch keeps its position and learns
// the extra samples: one sample with a label the base data would not give
// it is classified as labelled after training on the mix, not before.
func TestMixSwitchMidEpochLearnsExtra(t *testing.T) {
	tr, te := newData(1, 300, 3, 3), newData(2, 60, 3, 3)
	s := newSession(t, softmaxModel(t, 4), tr, te, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.05}, Batch: 1, Order: Shuffle, Seed: 3})
	if err := s.Step(Budget{Samples: 3000}); err != nil {
		t.Fatal(err)
	}
	// An odd one out: the point the base data labels most surely as
	// class 0, labelled 1.
	odd := &memData{size: 3, x: []float32{-0.9, -0.9, -0.9}, labels: []int{1}}
	pOdd := func() float32 { return s.Model.Predict(nil, odd.x)[1] }
	before := pOdd()
	epoch, index := s.Epoch(), s.Seen()%int64(tr.Len())
	s.Train = &Mix{Base: tr, Extra: odd, Percent: 10}
	if err := s.Step(Budget{Samples: 3000}); err != nil {
		t.Fatal(err)
	}
	after := pOdd()
	if s.Seen() != 6000 || s.Epoch() != epoch+10 || s.Seen()%int64(tr.Len()) != index {
		t.Errorf("seen %d epoch %d after the switch: the position moved", s.Seen(), s.Epoch())
	}
	if !(before < 0.2 && after > 0.5) {
		t.Errorf("p(label 1) of the extra sample: %.3f before, %.3f after training on the mix", before, after)
	}
}
