package regions

import "digitlab/kit/plot"

// Kink is one straight piece of the zero set of unit Unit of layer Layer
// (its pre-activation = 0) inside the view: where that unit switches, and
// where Φ may bend. A layer-0 unit's pieces lie on one straight line; a
// deeper unit's form a polyline that bends where it crosses kinks of
// earlier layers. Pieces are also cut where they cross kinks of the same
// layer's earlier units, so a straight stretch may come as several pieces.
type Kink struct {
	Layer, Unit int
	Seg         plot.Segment
}

// Kinks returns every kink piece found so far, ordered by layer, then
// unit. While the Enumerator runs this grows pass by pass: the pieces of
// units already done are final, so a page can draw them as they come.
// The slice aliases e's buffers until the next Step or Reset.
func (e *Enumerator) Kinks() []Kink { return e.kinks }

// LayerKinks returns the kink pieces of layer l (empty until that layer's
// passes are done). It panics if l is out of range.
func (e *Enumerator) LayerKinks(l int) []Kink {
	lo, hi := e.layerSpan(l)
	return e.kinks[lo:hi]
}

// UnitKinks returns the kink pieces of unit i of layer l (empty until its
// pass is done). It panics if l or i is out of range.
func (e *Enumerator) UnitKinks(l, i int) []Kink {
	if l < 0 || l >= e.nt.Depth() || i < 0 || i >= e.nt.Widths[l] {
		panic(errLayer)
	}
	if !e.passDone(l, i) {
		return nil
	}
	return e.kinks[e.kinkOff[l][i]:e.kinkOff[l][i+1]:e.kinkOff[l][i+1]]
}

// KinkCount returns the number of kink pieces of layer l (0 until that
// layer is done). It panics if l is out of range.
func (e *Enumerator) KinkCount(l int) int {
	lo, hi := e.layerSpan(l)
	return hi - lo
}

// passDone reports whether the split pass of unit i of layer l is over.
func (e *Enumerator) passDone(l, i int) bool {
	return e.layer > l || e.layer == l && (e.ph != phaseSplit || e.unit > i)
}

func (e *Enumerator) layerSpan(l int) (lo, hi int) {
	if l < 0 || l >= e.nt.Depth() {
		panic(errLayer)
	}
	n := e.nt.Widths[l]
	if !e.passDone(l, n-1) {
		return 0, 0
	}
	return e.kinkOff[l][0], e.kinkOff[l][n]
}
