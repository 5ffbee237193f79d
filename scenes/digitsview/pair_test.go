package digitsview

import (
	"strings"
	"testing"
)

func TestRunPickPair(t *testing.T) {
	t.Parallel()
	r, clk := newTestRun(t, Default("digits8"))
	var s Snapshot
	if err := r.Do(PairCommand(4, 9)); err == nil || !strings.Contains(err.Error(), "not loaded yet") {
		t.Errorf("a pair before the data is prepared: %v, want an error saying it is not loaded yet", err)
	}
	r.Tick(clk.after(farAhead))
	if r.Snapshot(&s, false); s.HasPair {
		t.Errorf("snapshot before any pair: HasPair true")
	}
	te := r.Prepared().Test
	seen := map[[2]int]bool{}
	for k := range 6 {
		a, b := k%10, (3*k+1)%10
		if k == 5 {
			b = a // two images of one class: two different images
		}
		if err := r.Do(PairCommand(a, b)); err != nil {
			t.Fatalf("PairCommand(%d, %d): %v", a, b, err)
		}
		r.Snapshot(&s, false)
		if !s.HasPair || s.PairSeq != k+1 || len(s.Pair) != 2 {
			t.Fatalf("after pair %d: HasPair %v, PairSeq %d, %d images; want true, %d, 2", k, s.HasPair, s.PairSeq, len(s.Pair), k+1)
		}
		for i, want := range [2]int{a, b} {
			p := s.Pair[i]
			if p.Label != want || te.Label(p.Index) != want || p.Pred != -1 {
				t.Errorf("pair %d image %d: label %d (test set says %d), pred %d; want class %d, pred -1", k, i, p.Label, te.Label(p.Index), p.Pred, want)
			}
			px := te.Sample(nil, p.Index)
			if len(p.Pixels) != len(px) {
				t.Fatalf("pair %d image %d: %d pixels, want %d", k, i, len(p.Pixels), len(px))
			}
			for j := range px {
				if p.Pixels[j] != px[j] {
					t.Fatalf("pair %d image %d: pixel %d is %v, the test set's is %v", k, i, j, p.Pixels[j], px[j])
				}
			}
		}
		if s.Pair[0].Index == s.Pair[1].Index {
			t.Errorf("pair %d: both images are test image %d", k, s.Pair[0].Index)
		}
		seen[[2]int{s.Pair[0].Index, s.Pair[1].Index}] = true
		if r.Snapshot(&s, false); s.HasPair {
			t.Errorf("pair %d sent twice", k)
		}
	}
	if len(seen) != 6 {
		t.Errorf("6 pairs gave %d different pairs of images", len(seen))
	}

	// The same seed draws the same pairs.
	r2, clk2 := newTestRun(t, Default("digits8"))
	r2.Tick(clk2.after(farAhead))
	var s2 Snapshot
	if err := r2.Do(PairCommand(0, 1)); err != nil {
		t.Fatal(err)
	}
	r2.Snapshot(&s2, false)
	if err := r.Do(Command{Kind: CmdReset}); err != nil {
		t.Fatal(err)
	}
	r3, clk3 := newTestRun(t, Default("digits8"))
	r3.Tick(clk3.after(farAhead))
	var s3 Snapshot
	r3.Do(PairCommand(0, 1))
	r3.Snapshot(&s3, false)
	if s2.Pair[0].Index != s3.Pair[0].Index || s2.Pair[1].Index != s3.Pair[1].Index {
		t.Errorf("two runs of one seed drew %d,%d and %d,%d", s2.Pair[0].Index, s2.Pair[1].Index, s3.Pair[0].Index, s3.Pair[1].Index)
	}

	for _, c := range []Command{PairCommand(10, 1), PairCommand(1, 10), {Kind: CmdPair, N: -1}} {
		before := s.PairSeq
		if err := r.Do(c); err == nil {
			t.Errorf("pair command N=%d: no error", c.N)
		}
		if r.Snapshot(&s, false); s.HasPair || s.PairSeq != before {
			t.Errorf("pair command N=%d failed but a pair was sent", c.N)
		}
	}
}

func TestRunCell(t *testing.T) {
	t.Parallel()
	r, clk := newTestRun(t, Default("digits8"))
	r.Step(3)
	settle(t, r, clk)
	var s Snapshot
	r.Snapshot(&s, false)
	if s.MistakesCell != 0 || s.Full.Seq == 0 {
		t.Fatalf("first snapshot: MistakesCell %d, full pass %d; want 0 after a pass", s.MistakesCell, s.Full.Seq)
	}
	te, m := r.Prepared().Test, r.Model()
	k := len(te.Names)
	// Every cell, the diagonal too: exactly its images (up to MaxWrong),
	// the most confident first, with the model's probabilities.
	var probs []float32
	for cell := range k * k {
		tr, pr := cell/k, cell%k
		if err := r.Do(Command{Kind: CmdCell, N: tr*100 + pr}); err != nil {
			t.Fatal(err)
		}
		r.Snapshot(&s, false)
		if gt, gp, ok := s.Cell(); !s.HasMistakes || !ok || gt != tr || gp != pr {
			t.Fatalf("cell %d,%d: HasMistakes %v, MistakesCell %d", tr, pr, s.HasMistakes, s.MistakesCell)
		}
		want := 0
		for i := range te.Len() {
			probs = m.Predict(probs, te.Sample(nil, i))
			if te.Label(i) == tr && argmax32(probs) == pr {
				want++
			}
		}
		if want != s.Confusion[tr*k+pr] {
			t.Errorf("cell %d,%d: confusion says %d, Predict finds %d", tr, pr, s.Confusion[tr*k+pr], want)
		}
		if len(s.Mistakes) != min(want, MaxWrong) {
			t.Errorf("cell %d,%d: %d images, want %d", tr, pr, len(s.Mistakes), min(want, MaxWrong))
		}
		for j, w := range s.Mistakes {
			probs = m.Predict(probs, te.Sample(nil, w.Index))
			if w.Label != tr || w.Pred != pr || te.Label(w.Index) != tr || argmax32(probs) != pr {
				t.Errorf("cell %d,%d: image %d is #%d labelled %d predicted %d", tr, pr, j, w.Index, te.Label(w.Index), argmax32(probs))
			}
			for c := range probs {
				if w.Probs[c] != probs[c] {
					t.Fatalf("cell %d,%d: image #%d probabilities %v, Predict %v", tr, pr, w.Index, w.Probs, probs)
				}
			}
			if j > 0 && w.Probs[pr] > s.Mistakes[j-1].Probs[pr] {
				t.Errorf("cell %d,%d: not the most confident first at %d", tr, pr, j)
			}
		}
	}
	if err := r.Do(Command{Kind: CmdCell, N: 10*100 + 1}); err == nil {
		t.Error("cell of class 10 of 10: no error")
	}
	r.Do(Command{Kind: CmdCell, N: -1})
	r.Snapshot(&s, false)
	if s.MistakesCell != 0 || len(s.Mistakes) != min(s.Full.Wrong, MaxWrong) {
		t.Errorf("back to the mistakes: MistakesCell %d, %d shown of %d wrong", s.MistakesCell, len(s.Mistakes), s.Full.Wrong)
	}
	for _, w := range s.Mistakes {
		if w.Label == w.Pred {
			t.Errorf("a correct image #%d among the mistakes", w.Index)
		}
	}
}

func argmax32(p []float32) int {
	b := 0
	for i, v := range p {
		if v > p[b] {
			b = i
		}
	}
	return b
}

// The mistakes come MaxWrong at a time from where the page asks, the most
// confident first: from 0 they are what the evaluation kept as its most
// confident mistakes, the next go on in the same order, from past the end
// gives the last MaxWrong, and a confusion cell starts at its first.
func TestRunMistakesPages(t *testing.T) {
	t.Parallel()
	r, _ := finishedRun(t)
	f := r.Session().Full()
	if f.Wrong <= 2*MaxWrong {
		t.Fatalf("setup: %d mistakes, want more than %d", f.Wrong, 2*MaxWrong)
	}
	var s Snapshot
	r.Snapshot(&s, false)
	if s.MistakesFrom != 0 || s.MistakesOf != f.Wrong || len(s.Mistakes) != MaxWrong {
		t.Fatalf("page 0: from %d of %d, %d shown; want 0 of %d, %d", s.MistakesFrom, s.MistakesOf, len(s.Mistakes), f.Wrong, MaxWrong)
	}
	for i, m := range s.Mistakes {
		if m.Index != f.Mistakes[i].Index {
			t.Fatalf("page 0, mistake %d: image %d, the evaluation kept %d", i, m.Index, f.Mistakes[i].Index)
		}
	}
	seen := map[int]bool{}
	last := float32(2)
	for page := 0; page*MaxWrong < f.Wrong; page++ {
		if err := r.Do(Command{Kind: CmdPage, N: page * MaxWrong}); err != nil {
			t.Fatal(err)
		}
		r.Snapshot(&s, false)
		if !s.HasMistakes && page > 0 || s.MistakesFrom != page*MaxWrong || len(s.Mistakes) != min(MaxWrong, f.Wrong-page*MaxWrong) {
			t.Fatalf("page %d: has %v, from %d, %d shown", page, s.HasMistakes, s.MistakesFrom, len(s.Mistakes))
		}
		for _, m := range s.Mistakes {
			c := m.Probs[m.Pred]
			if seen[m.Index] || m.Pred == m.Label || c > last {
				t.Fatalf("page %d: image %d (label %d, pred %d, p %v) out of order or repeated", page, m.Index, m.Label, m.Pred, c)
			}
			seen[m.Index], last = true, c
		}
	}
	if len(seen) != f.Wrong {
		t.Errorf("the pages show %d mistakes, the evaluation has %d", len(seen), f.Wrong)
	}
	if err := r.Do(Command{Kind: CmdPage, N: 45}); err != nil {
		t.Fatal(err)
	}
	r.Snapshot(&s, false)
	if s.MistakesFrom != 45 || s.Mistakes[0].Index != f.Mistakes[45].Index {
		t.Errorf("from 45: from %d", s.MistakesFrom)
	}
	if err := r.Do(Command{Kind: CmdPage, N: f.Wrong + 7}); err != nil {
		t.Fatal(err)
	}
	r.Snapshot(&s, false)
	if want := f.Wrong - MaxWrong; s.MistakesFrom != want || len(s.Mistakes) != MaxWrong {
		t.Errorf("past the end: from %d, %d shown; want the last %d from %d", s.MistakesFrom, len(s.Mistakes), MaxWrong, want)
	}
	if err := r.Do(Command{Kind: CmdPage, N: -1}); err == nil {
		t.Error("page -1 was taken")
	}
	if err := r.SetCell(0*100 + 1); err != nil {
		t.Fatal(err)
	}
	r.Snapshot(&s, false)
	if s.MistakesFrom != 0 || s.MistakesCell != 2 {
		t.Errorf("a cell: from %d, cell %d; want its first page", s.MistakesFrom, s.MistakesCell)
	}
}
