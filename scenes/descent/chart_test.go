package descent

import (
	"math"
	"testing"
	"time"
)

// The value chart holds f(x_k) for k = 0..steps, each against the closed
// form x_k = x* + (1-ηK)^k (x_0 - x*) and f written out independently; its
// world includes the optimum's value; it says what it shows.
func TestValueChart(t *testing.T) {
	s, tk := newTestScene(t)
	set(t, s, "steps", "6")
	tick(s, tk, time.Millisecond, nil)
	c := &s.Chart
	if c.In.Empty() || c.In.W < 150 || c.In.Bottom() > s.Caption.Y || c.In.X < s.Plot.Right() {
		t.Fatalf("chart box %+v beside the plot %+v above the caption %+v", c.In, s.Plot, s.Caption)
	}
	if len(c.Lay.Series) != 1 || len(c.Lay.Series[0].Lines) != 1 {
		t.Fatalf("chart series %+v", c.Lay.Series)
	}
	line := c.Lay.Series[0].Lines[0]
	if len(line) != 7 {
		t.Fatalf("%d points for 6 steps, want 7", len(line))
	}
	for k, p := range line {
		q := closedForm(Bowl, 2.5, 1.5, 0.1, Descend, k)
		want := 3*(q.X-1)*(q.X-1) + q.Y*q.Y + 4
		if p.X != float64(k) || math.Abs(p.Y-want) > 1e-9*want {
			t.Errorf("point %d = %v, want (%d, %v)", k, p, k, want)
		}
	}
	if w := c.Lay.World; !(w.Y0 < 4 && w.Y1 > line[0].Y) {
		t.Errorf("chart world %+v leaves out the minimum 4 or f(x_0) = %v", w, line[0].Y)
	}
	for _, want := range []string{"f(x_k) against the step k", ChartXTitle, "dashed: the minimum, f = 4"} {
		if _, ok := textOf(&s.List, want); !ok {
			t.Errorf("the list does not write %q", want)
		}
	}
	// Ascent on the mountain: B's chart; a diverging path stops at its last
	// finite value.
	set(t, s, "fn", "B")
	tick(s, tk, time.Millisecond, nil)
	for _, want := range []string{"B(x_k) against the step k", "dashed: the maximum, B = 4000"} {
		if _, ok := textOf(&s.List, want); !ok {
			t.Errorf("B's chart does not write %q", want)
		}
	}
	set(t, s, "fn", "f", "eta", "0.5", "steps", "400")
	tick(s, tk, time.Millisecond, nil)
	if s.path.State() != Diverged {
		t.Fatalf("η = 0.5 on the bowl: state %v, want diverged", s.path.State())
	}
	n := 0
	for _, ln := range c.Lay.Series[0].Lines {
		n += len(ln)
		for _, p := range ln {
			if math.IsNaN(p.Y) || math.IsInf(p.Y, 0) {
				t.Fatalf("a non-finite value in the chart: %v", p)
			}
		}
	}
	if n < 2 || n > len(s.path.Points) {
		t.Errorf("%d charted values of a %d-point diverging path", n, len(s.path.Points))
	}
}
