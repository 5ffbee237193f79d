package train

// Mix is training data with a share of it replaced by extra samples: of
// every 100 consecutive indices, Percent go to Extra (spread evenly, the
// first at index ⌈100/Percent⌉−1), the others keep Base's sample at the
// same index. Extra's samples are taken in turn, wrapping around, so each
// is seen about Len()·Percent/100/Extra.Len() times an epoch.
//
// Its length is Base's, so a Session can switch its Train between Base and
// a Mix of it in the middle of an epoch: the order already drawn stays
// valid. The page uses it to mix "my digits" into the stream.
type Mix struct {
	Base, Extra Data
	Percent     int // 0..100; 0 or an empty Extra is Base unchanged
}

// Len is Base's length.
func (m *Mix) Len() int { return m.Base.Len() }

// extra returns the Extra index that index i stands for, or -1 for Base's
// own sample.
func (m *Mix) extra(i int) int {
	p := min(max(m.Percent, 0), 100)
	n := m.Extra.Len()
	if p == 0 || n == 0 {
		return -1
	}
	// Index i is Extra's when the running count ⌊(i+1)·p/100⌋ steps up.
	before, upto := i*p/100, (i+1)*p/100
	if upto == before {
		return -1
	}
	return before % n
}

// IsExtra reports whether index i is one of Extra's samples.
func (m *Mix) IsExtra(i int) bool { return m.extra(i) >= 0 }

// Sample writes sample i into dst: Extra's sample for a mixed index,
// Base's otherwise.
func (m *Mix) Sample(dst []float32, i int) []float32 {
	if j := m.extra(i); j >= 0 {
		return m.Extra.Sample(dst, j)
	}
	return m.Base.Sample(dst, i)
}

// Label returns the class of sample i.
func (m *Mix) Label(i int) int {
	if j := m.extra(i); j >= 0 {
		return m.Extra.Label(j)
	}
	return m.Base.Label(i)
}
