package ring

// The learned figures against the training step: the region count
// (regions.go) and the held-out accuracy, each kept as a bounded history
// of the run that the chart under the learned read-out draws
// (scene_chart.go). Each point carries the step it was taken at: the
// accuracy is evaluated one frame before the region count while training,
// so the two series have steps of their own.

// AccPoint is the learned net's held-out accuracy at a training step.
type AccPoint struct {
	Step int
	Acc  float64
}

// maxHistory bounds each history: when one is full every other point is
// dropped, so that it still spans the whole run.
const maxHistory = 512

func (p RegionPoint) step() int { return p.Step }
func (p AccPoint) step() int    { return p.Step }

// record adds p to the history h of a run and returns it: p replaces the
// last point when taken at the same step, starts h again when its step is
// earlier (a new run), and halves a full h first. It allocates only while
// h grows to maxHistory.
func record[P interface{ step() int }](h []P, p P) []P {
	if n := len(h); n > 0 && h[n-1].step() >= p.step() {
		if h[n-1].step() == p.step() {
			h[n-1] = p
			return h
		}
		h = h[:0] // the run started again
	}
	if len(h) == maxHistory {
		for i := range maxHistory / 2 {
			h[i] = h[2*i+1]
		}
		h = h[:maxHistory/2]
	}
	return append(h, p)
}
