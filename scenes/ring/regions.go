package ring

import (
	"digitlab/kit/plot"
	"digitlab/nn"
	"digitlab/regions"
)

// The learned net's exact linear regions over Plane (issue 16): each time
// the learned region is evaluated, the trained 2→H1→H2→1 ReLU net is
// copied into a regions.Net and its pieces counted and kinks found by the
// same code as the Landscape tab's deep nets. The count's history against
// the training step shows the function still changing after the decision
// boundary has settled.

// RegionPoint is the learned net's region count at a training step.
type RegionPoint struct{ Step, Count int }

// learnedRegions is the count and its history, with the buffers reused.
type learnedRegions struct {
	net     *regions.Net
	enum    *regions.Enumerator
	Kinks   [2][]plot.Segment // per hidden layer
	Count   int
	History []RegionPoint
}

// fromModel copies m's dense layers into nt (allocated again only when the
// architecture changed): nn's dense weights are (n_in, n_out), regions'
// (n_out, n_in).
func fromModel(nt *regions.Net, m *nn.Model) *regions.Net {
	var dense []nn.LayerInfo
	for _, l := range m.Layers() {
		if l.Kind == "Dense" {
			dense = append(dense, l)
		}
	}
	hidden := dense[:len(dense)-1]
	if nt == nil || len(nt.Widths) != len(hidden) || nt.Widths[0] != hidden[0].WShape[1] || nt.Widths[len(hidden)-1] != hidden[len(hidden)-1].WShape[1] {
		widths := make([]int, len(hidden))
		for i, l := range hidden {
			widths[i] = l.WShape[1]
		}
		nt = regions.New(widths, 0)
	}
	for k, l := range hidden {
		nIn, nOut := l.WShape[0], l.WShape[1]
		for i := range nIn {
			for o := range nOut {
				nt.W[k][o*nIn+i] = float64(l.W[i*nOut+o])
			}
		}
		for o := range nOut {
			nt.B[k][o] = float64(l.B[o])
		}
	}
	out := dense[len(dense)-1]
	for i := range nt.WOut {
		nt.WOut[i] = float64(out.W[i])
	}
	nt.BOut = float64(out.B[0])
	return nt
}

// countLearned counts the trained net's regions over Plane and copies its
// kinks, and records the count against the step (record).
func (s *Scene) countLearned() {
	r := &s.Regions
	if s.tr == nil {
		r.Count, r.History = 0, r.History[:0]
		return
	}
	r.net = fromModel(r.net, s.tr.Model)
	if r.enum == nil {
		r.enum = regions.NewEnumerator(r.net, Plane)
	} else {
		r.enum.Reset(r.net, Plane)
	}
	for !r.enum.Done() {
		r.enum.Step(1 << 20)
	}
	r.Count = r.enum.Count()
	for l := range r.Kinks {
		r.Kinks[l] = r.Kinks[l][:0]
		for _, k := range r.enum.LayerKinks(l) {
			r.Kinks[l] = append(r.Kinks[l], k.Seg)
		}
	}
	r.History = record(r.History, RegionPoint{s.tr.Steps(), r.Count})
}
