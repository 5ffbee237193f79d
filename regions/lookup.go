package regions

// Find returns the index in Regions of the region containing (x,y), and
// false if the enumeration is not done or the point is outside the view.
// A point within the sliver tolerance δ of an edge (see SliverTol) counts
// as inside, so a point on an edge shared by several regions gets the one
// listed first. It scans the regions linearly and does not allocate.
func (e *Enumerator) Find(x, y float64) (k int, ok bool) {
	if e.ph != phaseDone || !e.view.Contains(x, y) {
		return -1, false
	}
	for k := range e.regions {
		if polyContains(e.regions[k].Poly, x, y, e.delta) {
			return k, true
		}
	}
	return -1, false
}

// Hover is what a page shows for the point under the cursor: the region's
// index and pattern, the gradient of Φ there and its value.
type Hover struct {
	Region  int
	Pattern Pattern
	Gx, Gy  float64
	Value   float64
}

// Hover returns Find's region at (x,y) with Φ evaluated on it by the
// region's affine map. It does not allocate.
func (e *Enumerator) Hover(x, y float64) (Hover, bool) {
	k, ok := e.Find(x, y)
	if !ok {
		return Hover{Region: -1}, false
	}
	r := &e.regions[k]
	return Hover{Region: k, Pattern: r.Pattern, Gx: r.Gx, Gy: r.Gy, Value: r.Value(x, y)}, true
}
