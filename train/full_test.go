package train

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"testing"

	"digitlab/nn"
)

// wantFull is the slow, obvious full evaluation of m on d: EvaluateN for
// the loss and accuracy, and a hand loop over Model.Predict for the
// predictions and the keep most confident mistakes, most confident first
// (ties by index): all mistakes, sorted the slow, plain way, then cut.
func wantFull(t *testing.T, m *nn.Model, d Data, keep int) FullEval {
	t.Helper()
	r := EvaluateN(m, d, d.Len())
	k := m.Classes()
	f := FullEval{Point: Point{TestLoss: r.Loss, TestAcc: r.Acc, N: r.N}, Pred: make([]int32, d.Len()), Probs: make([]float32, d.Len()*k), Confusion: make([]int, k*k)}
	var probs []float32
	for i := range d.Len() {
		probs = m.Predict(probs, d.Sample(nil, i))
		p, y := nn.Argmax(probs), d.Label(i)
		if p != r.Pred[i] {
			t.Fatalf("sample %d: Predict's argmax %d, EvaluateN %d", i, p, r.Pred[i])
		}
		f.Pred[i] = int32(p)
		copy(f.Probs[i*k:], probs)
		f.Confusion[y*k+p]++
		if p != y {
			f.Wrong++
			f.Mistakes = append(f.Mistakes, Mistake{Index: i, Label: y, Pred: p, Probs: slices.Clone(probs)})
		}
	}
	sort.SliceStable(f.Mistakes, func(a, b int) bool {
		return f.Mistakes[a].Probs[f.Mistakes[a].Pred] > f.Mistakes[b].Probs[f.Mistakes[b].Pred]
	})
	f.Mistakes = f.Mistakes[:min(keep, len(f.Mistakes))]
	return f
}

// checkFull compares got with the independent evaluation of m's current
// parameters.
func checkFull(t *testing.T, where string, got *FullEval, m *nn.Model, d Data, keep int) {
	t.Helper()
	want := wantFull(t, m, d, keep)
	if got.TestLoss != want.TestLoss || got.TestAcc != want.TestAcc || got.N != want.N {
		t.Errorf("%s: loss/acc/N %v/%v/%d, EvaluateN gives %v/%v/%d", where, got.TestLoss, got.TestAcc, got.N, want.TestLoss, want.TestAcc, want.N)
	}
	if !slices.Equal(got.Pred, want.Pred) {
		t.Errorf("%s: Pred %v, want %v", where, got.Pred, want.Pred)
	}
	if !slices.Equal(got.Probs, want.Probs) {
		t.Errorf("%s: Probs differ from Predict's", where)
	}
	total := 0
	for _, c := range got.Confusion {
		total += c
	}
	if !slices.Equal(got.Confusion, want.Confusion) || total != got.N {
		t.Errorf("%s: confusion %v (summing to %d of %d), want %v", where, got.Confusion, total, got.N, want.Confusion)
	}
	same := len(got.Mistakes) == 0 && len(want.Mistakes) == 0 || reflect.DeepEqual(got.Mistakes, want.Mistakes)
	if got.Wrong != want.Wrong || !same {
		t.Errorf("%s: %d wrong, mistakes %v; want %d, %v", where, got.Wrong, got.Mistakes, want.Wrong, want.Mistakes)
	}
}

// copyFull returns a deep copy of f.
func copyFull(f *FullEval) FullEval {
	c := *f
	c.Pred = slices.Clone(f.Pred)
	c.Probs = slices.Clone(f.Probs)
	c.Mistakes = make([]Mistake, len(f.Mistakes))
	for i, m := range f.Mistakes {
		m.Probs = slices.Clone(m.Probs)
		c.Mistakes[i] = m
	}
	return c
}

// sameFull compares two FullEvals by value (a point's NaN train loss
// included).
func sameFull(a, b FullEval) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

// TestFullPoints: with FullEvery the scheduled points 1, 1+FullEvery, …
// and the last judge the whole test set and the others EvalN of it; each
// full point leaves a FullEval that equals an independent evaluation of
// the parameters it judged, and the other points leave Full alone.
func TestFullPoints(t *testing.T) {
	t.Parallel()
	tr, te := newData(21, 40, 3, 3), newData(22, 13, 3, 3)
	tr2, te2 := newData(23, 40, 3, 2), newData(24, 13, 3, 2)
	for _, tc := range []struct {
		desc             string
		sigmoid          bool
		evalN, fullEvery int
		mistakes         int
		full             []int // indices of the full points among the 9
	}{
		{"every third after the first", false, 4, 3, 3, []int{1, 4, 7, 8}},
		{"every second, the last is 7 and the end", false, 4, 2, 3, []int{1, 3, 5, 7, 8}},
		{"every fourth", false, 4, 4, 3, []int{1, 5, 8}},
		{"every one after the first", false, 4, 1, 3, []int{1, 2, 3, 4, 5, 6, 7, 8}},
		{"FullEvery 0 keeps EvalN", false, 4, 0, 3, nil},
		{"EvalN 0: every point is full", false, 0, 0, 3, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{"EvalN beyond the test set", false, 20, 0, 3, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{"no mistakes kept", false, 4, 3, 0, []int{1, 4, 7, 8}},
		{"room for every mistake", false, 4, 3, 100, []int{1, 4, 7, 8}},
		{"sigmoid head", true, 4, 3, 2, []int{1, 4, 7, 8}},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			m, tr, te := softmaxModel(t, 6), tr, te
			if tc.sigmoid {
				m, tr, te = sigmoidModel(t, 6), tr2, te2
			}
			s := newSession(t, m, tr, te, Config{Opt: "momentum", Schedule: nn.Schedule{LR: 0.3}, Batch: 1, Epochs: 1,
				EvalEvery: 5, EvalN: tc.evalN, FullEvery: tc.fullEvery, Mistakes: tc.mistakes})
			seq, truncated := 0, false
			for !s.Idle() {
				n := len(s.History())
				before := s.Full()
				// A budget of one sample: the call that finishes an
				// evaluation does nothing else, so the model is the one
				// that was judged.
				if err := s.Step(Budget{Samples: 1}); err != nil {
					t.Fatal(err)
				}
				if len(s.History()) == n {
					continue
				}
				p := s.History()[n]
				if !slices.Contains(tc.full, n) {
					if p.N != min(tc.evalN, te.Len()) || s.Full() != before {
						t.Errorf("point %d: N = %d, Full changed %v; want %d and unchanged", n, p.N, s.Full() != before, tc.evalN)
					}
					continue
				}
				seq++
				f := s.Full()
				if p.N != te.Len() || f == nil || f.Seq != seq || !sameFull(FullEval{Point: f.Point}, FullEval{Point: p}) {
					t.Fatalf("full point %d = %+v: Full() = %+v, want N %d and the point with Seq %d", n, p, f, te.Len(), seq)
				}
				checkFull(t, fmt.Sprintf("point %d", n), f, m, te, tc.mistakes)
				truncated = truncated || f.Wrong > len(f.Mistakes)
				if len(f.Mistakes) != min(f.Wrong, tc.mistakes) {
					t.Errorf("point %d: keeps %d of %d mistakes, want %d", n, len(f.Mistakes), f.Wrong, tc.mistakes)
				}
			}
			if h := s.History(); len(h) != 9 || h[8].Samples != 40 {
				t.Fatalf("history %v, want 9 points at 0, 5, …, 40", h)
			}
			if seq != len(tc.full) {
				t.Errorf("%d full points, want %d", seq, len(tc.full))
			}
			if seq > 0 && tc.mistakes > 0 && tc.mistakes < te.Len() && !truncated {
				t.Errorf("no full evaluation had more than %d mistakes: the test needs one", tc.mistakes)
			}
		})
	}
}

// TestFullDoubleBuffer: Full keeps returning the latest finished pass,
// unchanged, while the next pass fills the other buffer; the third pass
// reuses the first one's buffer.
func TestFullDoubleBuffer(t *testing.T) {
	t.Parallel()
	tr, te := newData(25, 40, 3, 3), newData(26, 13, 3, 3)
	s := newSession(t, softmaxModel(t, 2), tr, te, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.5}, Batch: 1,
		EvalEvery: 10, Mistakes: 4})
	if s.Full() != nil {
		t.Fatal("Full() before any evaluation is not nil")
	}
	step := func(n int) {
		t.Helper()
		if err := s.Step(Budget{Samples: n}); err != nil {
			t.Fatal(err)
		}
	}
	step(5) // pass 1 under way
	if frac, full := s.EvalProgress(); s.Full() != nil || frac != 5.0/13 || !full {
		t.Fatalf("during pass 1: Full() = %v, EvalProgress() = %v, %v; want nil, 5/13, true", s.Full(), frac, full)
	}
	step(8)
	f1 := s.Full()
	if f1 == nil || f1.Seq != 1 || f1.Samples != 0 || s.Evaluating() {
		t.Fatalf("after pass 1: Full() = %+v, evaluating %v", f1, s.Evaluating())
	}
	snap1 := copyFull(f1)
	checkFull(t, "pass 1", f1, s.Model, te, 4)

	step(10 + 5) // 10 training samples, then pass 2 under way
	if frac, full := s.EvalProgress(); frac != 5.0/13 || !full {
		t.Fatalf("during pass 2: EvalProgress() = %v, %v; want 5/13, true", frac, full)
	}
	if s.Full() != f1 || !sameFull(*f1, snap1) {
		t.Fatalf("during pass 2: Full() = %+v, want pass 1 unchanged %+v", s.Full(), snap1)
	}
	step(8)
	f2 := s.Full()
	if f2 == f1 || f2.Seq != 2 || f2.Samples != 10 || !sameFull(*f1, snap1) {
		t.Fatalf("after pass 2: Full() = %+v (pass 1 at %p, now %p), want Seq 2 at 10 samples in the other buffer", f2, f1, f2)
	}
	if slices.Equal(f2.Pred, snap1.Pred) && f2.Wrong == snap1.Wrong {
		t.Log("pass 2 predicts as pass 1 did: the buffers are only told apart by their points")
	}
	snap2 := copyFull(f2)
	checkFull(t, "pass 2", f2, s.Model, te, 4)

	step(10 + 5)
	if s.Full() != f2 || !sameFull(*f2, snap2) {
		t.Fatalf("during pass 3: Full() = %+v, want pass 2 unchanged %+v", s.Full(), snap2)
	}
	step(8)
	if f3 := s.Full(); f3 != f1 || f3.Seq != 3 || f3.Samples != 20 {
		t.Fatalf("after pass 3: Full() = %+v at %p, want Seq 3 at 20 samples in pass 1's buffer %p", f3, f3, f1)
	}
	checkFull(t, "pass 3", s.Full(), s.Model, te, 4)
}

// TestEvalNowMidBatch: an evaluation asked for in the middle of a
// mini-batch judges the parameters of that moment, leaves the
// accumulated gradients alone, adds one history point and leaves the
// periodic ones as they were: the run ends with parameters bit-identical
// to a run without it.
func TestEvalNowMidBatch(t *testing.T) {
	t.Parallel()
	tr, te := newData(27, 23, 3, 3), newData(28, 11, 3, 3)
	cfg := Config{Opt: "adam", Schedule: nn.Schedule{LR: 0.05}, Batch: 4, Epochs: 2, Order: Shuffle, Seed: 3,
		EvalEvery: 6, EvalN: 5, Mistakes: 2}
	a := newSession(t, softmaxModel(t, 4), tr, te, cfg)
	if err := a.Step(Budget{Samples: 5 + 6}); err != nil { // point 0, then 6 samples
		t.Fatal(err)
	}
	if a.InBatch() != 2 || a.Steps() != 1 || a.Seen() != 6 {
		t.Fatalf("in batch %d, steps %d, seen %d; want 2 1 6", a.InBatch(), a.Steps(), a.Seen())
	}
	judged := a.Model.Clone()
	grads := slices.Clone(a.Model.Grads)
	a.EvalNow()
	if err := a.Step(Budget{Samples: 1}); err != nil {
		t.Fatal(err)
	}
	if frac, full := a.EvalProgress(); frac != 1.0/11 || !full || a.InBatch() != 2 || a.Seen() != 6 {
		t.Fatalf("after one Step: EvalProgress() = %v, %v, in batch %d, seen %d; want 1/11, true, 2, 6", frac, full, a.InBatch(), a.Seen())
	}
	if err := a.Step(Budget{Samples: 100, EvalOnly: true}); err != nil {
		t.Fatal(err)
	}
	if i := sameBits(grads, a.Model.Grads); i >= 0 {
		t.Fatalf("the evaluation changed gradient %d: %v → %v", i, grads[i], a.Model.Grads[i])
	}
	f := a.Full()
	if f == nil || f.Seq != 1 || f.Samples != 6 || f.Step != 1 || f.N != 11 {
		t.Fatalf("Full() = %+v, want Seq 1 at 6 samples, step 1, N 11", f)
	}
	checkFull(t, "mid-batch", f, judged, te, 2)
	runAll(t, a, 3)

	b := newSession(t, softmaxModel(t, 4), tr, te, cfg)
	runAll(t, b, 3)
	if i := sameBits(b.Model.Params, a.Model.Params); i >= 0 {
		t.Fatalf("param %d = %v, without EvalNow %v", i, a.Model.Params[i], b.Model.Params[i])
	}
	ha, hb := a.History(), b.History()
	k := slices.IndexFunc(ha, func(p Point) bool { return p.N == 11 })
	if k < 0 || ha[k].Samples != 6 || ha[k].Step != 1 {
		t.Fatalf("history %v has no full point at 6 samples", ha)
	}
	if rest := slices.Delete(slices.Clone(ha), k, k+1); fmt.Sprint(rest) != fmt.Sprint(hb) {
		t.Errorf("history without the EvalNow point %v, without EvalNow %v", rest, hb)
	}
}

// TestEvalNowKeepsSchedule: EvalNow asked for all along a run, once
// with EvalOnly at the end just before the final point, adds full points
// and changes neither the parameters nor the periodic points, the final
// one included.
func TestEvalNowKeepsSchedule(t *testing.T) {
	t.Parallel()
	tr, te := newData(37, 20, 3, 3), newData(38, 13, 3, 3)
	cfg := Config{Opt: "momentum", Schedule: nn.Schedule{LR: 0.1}, Batch: 3, Epochs: 2, Order: Shuffle, Seed: 1,
		EvalEvery: 7, EvalN: 4, FullEvery: 2, Mistakes: 2}
	a := newSession(t, softmaxModel(t, 5), tr, te, cfg)
	atEnd := -1
	for i := 0; !a.Idle(); i++ {
		b := Budget{Samples: 1} // the call that trains the last sample starts no point
		switch {
		case a.Done() && atEnd < 0:
			atEnd = len(a.History())
			a.EvalNow()
			b = Budget{Samples: 100, EvalOnly: true}
		case i%5 == 0:
			a.EvalNow()
		}
		if err := a.Step(b); err != nil {
			t.Fatal(err)
		}
	}
	b := newSession(t, softmaxModel(t, 5), tr, te, cfg)
	runAll(t, b, 1)
	if i := sameBits(b.Model.Params, a.Model.Params); i >= 0 {
		t.Fatalf("param %d = %v, without EvalNow %v", i, a.Model.Params[i], b.Model.Params[i])
	}
	ha, hb := a.History(), b.History()
	// At the end the final point is due: EvalNow's full evaluation is
	// that point (one point at this step, not two).
	if atEnd < 0 || len(ha) != atEnd+1 || ha[atEnd].Samples != 40 || ha[atEnd].N != 13 {
		t.Fatalf("history %v: want one full final point at the end (index %d)", ha, atEnd)
	}
	// Every point of hb is in ha at the same position, the same or made
	// full by an EvalNow asked for when it was due; ha's other points are
	// EvalNow's own, full.
	j, fullA, fullB := 0, 0, 0
	for _, p := range ha {
		if j < len(hb) && p.Samples == hb[j].Samples && p.Step == hb[j].Step &&
			(fmt.Sprint(p) == fmt.Sprint(hb[j]) || p.N == 13) {
			j++
		} else if p.N != 13 {
			t.Errorf("point %v of the run with EvalNow is neither the one without nor full", p)
		}
		if p.N == 13 {
			fullA++
		}
	}
	for _, p := range hb {
		if p.N == 13 {
			fullB++
		}
	}
	if j != len(hb) || fullA <= fullB {
		t.Errorf("history with EvalNow %v\nwithout %v\nwant the second's points, some made full, and full points added", ha, hb)
	}
	if a.Full().Seq != fullA {
		t.Errorf("Seq %d, want the %d full points", a.Full().Seq, fullA)
	}
}

// TestEvalNowNoop: EvalNow does nothing at a position that a finished or
// running full evaluation already judged, or without a test set; after a
// point that judged only EvalN samples it does add a full one.
func TestEvalNowNoop(t *testing.T) {
	t.Parallel()
	tr, te := newData(29, 30, 3, 3), newData(30, 13, 3, 3)
	evalOnly := Budget{Samples: 100, EvalOnly: true}
	mk := func(evalN int, te Data) *Session {
		return newSession(t, softmaxModel(t, 1), tr, te, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}, Batch: 2,
			EvalEvery: 10, EvalN: evalN})
	}
	step := func(s *Session, b Budget) {
		t.Helper()
		if err := s.Step(b); err != nil {
			t.Fatal(err)
		}
	}

	s := mk(0, te)
	step(s, Budget{Samples: 13}) // point 0, full
	s.EvalNow()
	step(s, evalOnly)
	if frac, full := s.EvalProgress(); len(s.History()) != 1 || s.Full().Seq != 1 || frac != 0 || full || s.Evaluating() {
		t.Errorf("EvalNow after a full point: %d points, Seq %d, EvalProgress %v, %v; want 1, 1, 0, false", len(s.History()), s.Full().Seq, frac, full)
	}
	step(s, Budget{Samples: 10 + 3}) // the point at 10 under way
	s.EvalNow()
	step(s, evalOnly)
	step(s, evalOnly)
	if h := s.History(); len(h) != 2 || h[1].Samples != 10 || s.Full().Seq != 2 || s.Seen() != 10 {
		t.Errorf("EvalNow during a full point: history %v, Seq %d, seen %d; want 2 points, Seq 2, seen 10", h, s.Full().Seq, s.Seen())
	}
	step(s, Budget{Samples: 1}) // one training sample: a new position
	s.EvalNow()
	step(s, evalOnly)
	if h := s.History(); len(h) != 3 || h[2].Samples != 11 || s.Full().Seq != 3 {
		t.Errorf("EvalNow one sample later: history %v, Seq %d; want a third point at 11", h, s.Full().Seq)
	}

	s = mk(4, te)
	step(s, Budget{Samples: 4}) // point 0 judges 4 samples
	s.EvalNow()
	step(s, evalOnly)
	if h := s.History(); len(h) != 2 || h[1].Samples != 0 || h[1].N != 13 || s.Full() == nil || s.Full().Seq != 1 {
		t.Fatalf("EvalNow after a partial point: history %v, Full %v; want a second point at 0 judging 13", h, s.Full())
	}
	s.EvalNow()
	step(s, evalOnly)
	if len(s.History()) != 2 || s.Full().Seq != 1 {
		t.Errorf("second EvalNow: %d points, Seq %d; want 2, 1", len(s.History()), s.Full().Seq)
	}

	for _, none := range []Data{nil, newData(1, 0, 3, 3)} {
		s = mk(0, none)
		s.EvalNow()
		step(s, evalOnly)
		if len(s.History()) != 0 || s.Full() != nil || s.Seen() != 0 {
			t.Errorf("EvalNow without a test set: history %v, Full %v, seen %d", s.History(), s.Full(), s.Seen())
		}
	}
}

// TestEvalOnly: a Budget with EvalOnly never trains and never starts a
// periodic point; it carries an asked-for evaluation across several
// small calls, and finishes one under way.
func TestEvalOnly(t *testing.T) {
	t.Parallel()
	tr, te := newData(31, 30, 3, 3), newData(32, 13, 3, 3)
	s := newSession(t, softmaxModel(t, 1), tr, te, Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}, Batch: 2, Epochs: 1,
		EvalEvery: 5, EvalN: 3, Mistakes: 3})
	if err := s.Step(Budget{Samples: 10, EvalOnly: true}); err != nil || s.Seen() != 0 || s.Evaluating() || len(s.History()) != 0 {
		t.Fatalf("EvalOnly at the start: seen %d, evaluating %v, history %v, err %v; want nothing done", s.Seen(), s.Evaluating(), s.History(), err)
	}
	if err := s.Step(Budget{Samples: 3 + 3}); err != nil { // point 0, 3 training samples
		t.Fatal(err)
	}
	s.EvalNow()
	seen, steps, calls := s.Seen(), s.Steps(), 0
	for {
		if err := s.Step(Budget{Samples: 2, EvalOnly: true}); err != nil {
			t.Fatal(err)
		}
		calls++
		if s.Seen() != seen || s.Steps() != steps {
			t.Fatalf("call %d trained: seen %d → %d, steps %d → %d", calls, seen, s.Seen(), steps, s.Steps())
		}
		if !s.Evaluating() {
			break
		}
		if frac, full := s.EvalProgress(); frac != float64(2*calls)/13 || !full {
			t.Fatalf("after call %d: EvalProgress() = %v, %v; want %d/13, true", calls, frac, full, 2*calls)
		}
	}
	if h := s.History(); calls != 7 || len(h) != 2 || h[1].Samples != 3 || h[1].N != 13 || s.Full().Seq != 1 {
		t.Fatalf("%d calls of 2 samples, history %v; want 7 calls and a point at 3 judging 13", calls, h)
	}
	checkFull(t, "EvalNow", s.Full(), s.Model, te, 3)
	if err := s.Step(Budget{Samples: 10, EvalOnly: true}); err != nil || s.Seen() != seen || len(s.History()) != 2 {
		t.Fatalf("EvalOnly with nothing asked: seen %d, history %v, err %v; want nothing done", s.Seen(), s.History(), err)
	}
	// Finish the batch, reach the point at 6 and judge one of its 3.
	if err := s.Step(Budget{Samples: 3 + 1}); err != nil {
		t.Fatal(err)
	}
	if frac, full := s.EvalProgress(); frac != 1.0/3 || full || s.Seen() != 6 {
		t.Fatalf("point at 6 under way: EvalProgress() = %v, %v, seen %d; want 1/3, false, 6", frac, full, s.Seen())
	}
	if err := s.Step(Budget{Samples: 100, EvalOnly: true}); err != nil || s.Seen() != 6 || s.Evaluating() || len(s.History()) != 3 {
		t.Fatalf("EvalOnly finishing the point: seen %d, evaluating %v, history %v, err %v", s.Seen(), s.Evaluating(), s.History(), err)
	}
	defer func() {
		if recover() == nil {
			t.Error("Step(Budget{EvalOnly: true}) without Samples or Until did not panic")
		}
	}()
	s.Step(Budget{EvalOnly: true})
}

// TestFullReset: Reset forgets the full evaluations, the one under way
// and an EvalNow request; the run then replays the same evaluations.
func TestFullReset(t *testing.T) {
	t.Parallel()
	tr, te := newData(33, 20, 3, 3), newData(34, 13, 3, 3)
	s := newSession(t, softmaxModel(t, 3), tr, te, Config{Opt: "adam", Schedule: nn.Schedule{LR: 0.05}, Batch: 3, Epochs: 2,
		EvalEvery: 7, Mistakes: 5})
	runAll(t, s, 4)
	want := copyFull(s.Full())
	s.Reset()
	if frac, full := s.EvalProgress(); s.Full() != nil || frac != 0 || full {
		t.Fatalf("after Reset: Full() = %v, EvalProgress() = %v, %v", s.Full(), frac, full)
	}
	if err := s.Step(Budget{Samples: 5}); err != nil || !s.Evaluating() {
		t.Fatalf("point 0 not under way: %v", err)
	}
	s.EvalNow() // a no-op (point 0 is full and under way); ask again after a sample
	s.Reset()
	if frac, full := s.EvalProgress(); s.Evaluating() || frac != 0 || full {
		t.Fatalf("Reset during a pass: evaluating %v, EvalProgress() = %v, %v", s.Evaluating(), frac, full)
	}
	s.Step(Budget{Samples: 13 + 1})
	s.EvalNow()
	s.Reset()
	if err := s.Step(Budget{Samples: 100, EvalOnly: true}); err != nil || len(s.History()) != 0 || s.Full() != nil {
		t.Fatalf("EvalNow before Reset still ran: history %v, Full %v, err %v", s.History(), s.Full(), err)
	}
	runAll(t, s, 4)
	if got := copyFull(s.Full()); !sameFull(got, want) {
		t.Errorf("after Reset the last full evaluation is %+v, first run %+v", got, want)
	}
}

// TestFullAllocatesNothing: a training Step with full evaluations
// configured allocates nothing, and neither does a full pass in steady
// state, asked for with EvalNow or periodic, once the history has room
// for its point (a history append may allocate; that is the documented
// exception, so the test grows the history's capacity beforehand).
func TestFullAllocatesNothing(t *testing.T) {
	d, te := newData(35, 30, 3, 3), newData(36, 13, 3, 3)
	cfg := Config{Opt: "adam", Schedule: nn.Schedule{LR: 0.01}, Batch: 4, Order: Shuffle,
		EvalEvery: 1 << 20, EvalN: 4, FullEvery: 1, Mistakes: 3}
	s := newSession(t, softmaxModel(t, 1), d, te, cfg)
	s.Step(Budget{Samples: 100}) // point 0 and warm-up
	if a := testing.AllocsPerRun(20, func() { s.Step(Budget{Samples: 50}) }); a != 0 {
		t.Errorf("training Step(50 samples) allocates %v times", a)
	}
	if len(s.History()) != 1 {
		t.Fatalf("the budgets contained %d points, want only point 0", len(s.History()))
	}

	cfg.EvalEvery = 0
	s = newSession(t, softmaxModel(t, 1), d, te, cfg)
	s.history = slices.Grow(s.history, 100)
	pass := func() {
		s.Step(Budget{Samples: 3}) // in the middle of a batch, mostly
		s.EvalNow()
		s.Step(Budget{Samples: 1000, EvalOnly: true})
	}
	pass()
	pass()
	seq := s.Full().Seq
	if a := testing.AllocsPerRun(20, pass); a != 0 {
		t.Errorf("EvalNow pass allocates %v times", a)
	}
	if f := s.Full(); f.Seq != seq+21 || f.Wrong == 0 || len(f.Mistakes) == 0 {
		t.Errorf("Seq %d → %d, %d wrong, %d kept; want 21 passes that keep mistakes", seq, f.Seq, f.Wrong, len(f.Mistakes))
	}

	cfg.EvalEvery, cfg.EvalN = 10, 0
	s = newSession(t, softmaxModel(t, 1), d, te, cfg)
	s.history = slices.Grow(s.history, 400)
	s.Step(Budget{Samples: 100})
	seq = s.Full().Seq
	if a := testing.AllocsPerRun(20, func() { s.Step(Budget{Samples: 50}) }); a != 0 {
		t.Errorf("Step(50 samples) with periodic full points allocates %v times", a)
	}
	if s.Full().Seq < seq+20 {
		t.Errorf("Seq %d → %d: the budgets held too few full points", seq, s.Full().Seq)
	}
}

func TestFullConfigErrors(t *testing.T) {
	t.Parallel()
	d := newData(15, 10, 3, 3)
	for _, tc := range []struct {
		desc  string
		cfg   Config
		field string
	}{
		{"negative full-every", Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}, EvalEvery: 5, FullEvery: -1}, "FullEvery"},
		{"negative mistakes", Config{Opt: "sgd", Schedule: nn.Schedule{LR: 0.1}, EvalEvery: 5, Mistakes: -3}, "Mistakes"},
	} {
		t.Run(tc.desc, func(t *testing.T) {
			_, err := NewSession(softmaxModel(t, 1), d, d, tc.cfg)
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.Field != tc.field {
				t.Fatalf("NewSession = %v, want a *ConfigError on %s", err, tc.field)
			}
		})
	}
}

// TestJudgeEqualsEvaluate: a judgement spread over many small steps gives
// Evaluate's figures bit for bit, also when started again.
func TestJudgeEqualsEvaluate(t *testing.T) {
	m, tr := softmaxModel(t, 3), newData(5, 203, 3, 3)
	want := Evaluate(m, tr)
	var j Judge
	for round := range 2 {
		j.Start(tr.Len())
		steps := 0
		for !j.Step(m, tr, 7) {
			steps++
		}
		got := j.Result()
		if got.N != want.N || got.Loss != want.Loss || got.Acc != want.Acc {
			t.Fatalf("round %d: Judge = %d %v %v, Evaluate = %d %v %v", round, got.N, got.Loss, got.Acc, want.N, want.Loss, want.Acc)
		}
		if steps < tr.Len()/7-1 {
			t.Fatalf("round %d: done after %d steps of 7 on %d samples", round, steps, tr.Len())
		}
	}
	j.Start(5)
	for !j.Step(m, tr, 100) {
	}
	if r := j.Result(); r.N != 5 || r.Loss != EvaluateN(m, tr, 5).Loss {
		t.Fatalf("first 5: %+v", r)
	}
}
