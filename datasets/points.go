package datasets

import (
	"math"
	"math/rand/v2"
)

// RingKind chooses the ring that labels 2-D points (seed 003, exercise 9).
type RingKind int

const (
	// RingCircle is the circular annulus a² ≤ x² + y² ≤ b².
	RingCircle RingKind = iota
	// RingL1 is the diamond-shaped L1 annulus a ≤ |x| + |y| ≤ b.
	RingL1
)

func (k RingKind) String() string {
	switch k {
	case RingCircle:
		return "circle"
	case RingL1:
		return "l1"
	}
	return "RingKind(?)"
}

// InRing reports whether (x, y) lies in the closed ring of the given kind
// with inner radius a and outer radius b.
func InRing(kind RingKind, a, b, x, y float64) bool {
	switch kind {
	case RingCircle:
		r2 := x*x + y*y
		return a*a <= r2 && r2 <= b*b
	case RingL1:
		r := math.Abs(x) + math.Abs(y)
		return a <= r && r <= b
	}
	panic("datasets: unknown RingKind")
}

// RingArea returns the area of the ring: π(b²−a²) for RingCircle and
// 2(b²−a²) for RingL1 (the diamond |x|+|y| ≤ r has area 2r²).
func RingArea(kind RingKind, a, b float64) float64 {
	switch kind {
	case RingCircle:
		return math.Pi * (b*b - a*a)
	case RingL1:
		return 2 * (b*b - a*a)
	}
	panic("datasets: unknown RingKind")
}

// newPointSet makes a float32 set of 2-D points, shape (1, 1, 2) — the
// nn package's vector shape — with classes "outside" (0) and "inside" (1).
func newPointSet(name string, xy []float32, labels []uint8) *Set {
	return &Set{Name: name, H: 1, W: 1, C: 2, Names: []string{"outside", "inside"},
		Max: 1, n: len(labels), labels: labels, fpix: xy, norm: true}
}

// RingPoints returns n points drawn uniformly from the square
// [-half, half]², each labelled 1 if it lies in the ring (kind, a, b) and 0
// otherwise. Point i is (x, y) = (2u−1)·half for two successive
// r.Float64() draws u. Sample(dst, i) returns [x, y]. It panics if n < 0
// or half <= 0.
func RingPoints(r *rand.Rand, n int, half float64, kind RingKind, a, b float64) *Set {
	if n < 0 || !(half > 0) {
		panic("datasets: RingPoints needs n >= 0 and half > 0")
	}
	xy := make([]float32, 2*n)
	labels := make([]uint8, n)
	for i := range labels {
		x := (2*r.Float64() - 1) * half
		y := (2*r.Float64() - 1) * half
		xy[2*i], xy[2*i+1] = float32(x), float32(y)
		if InRing(kind, a, b, x, y) {
			labels[i] = 1
		}
	}
	return newPointSet("ring-"+kind.String(), xy, labels)
}

// Grid returns the nx·ny points of a regular grid over [-half, half]²,
// row by row from the bottom: point j·nx+i is (gx(i), gy(j)) with
// gx(i) = half·(2i−(nx−1))/(nx−1) (symmetric about 0 and exact at the
// ends), as flat (x, y) pairs.
// It panics if nx < 2, ny < 2 or half <= 0.
func Grid(nx, ny int, half float64) []float32 {
	if nx < 2 || ny < 2 || !(half > 0) {
		panic("datasets: Grid needs nx, ny >= 2 and half > 0")
	}
	xy := make([]float32, 0, 2*nx*ny)
	for j := range ny {
		y := gridCoord(j, ny, half)
		for i := range nx {
			x := gridCoord(i, nx, half)
			xy = append(xy, float32(x), float32(y))
		}
	}
	return xy
}

// RingGrid returns the points of Grid(nx, ny, half) as a set labelled by
// the ring (kind, a, b), computed in float64 before rounding to float32.
func RingGrid(kind RingKind, a, b, half float64, nx, ny int) *Set {
	xy := Grid(nx, ny, half)
	labels := make([]uint8, nx*ny)
	for j := range ny {
		y := gridCoord(j, ny, half)
		for i := range nx {
			x := gridCoord(i, nx, half)
			if InRing(kind, a, b, x, y) {
				labels[j*nx+i] = 1
			}
		}
	}
	return newPointSet("grid-"+kind.String(), xy, labels)
}

// gridCoord is coordinate i of n grid points over [-half, half].
func gridCoord(i, n int, half float64) float64 {
	return half * float64(2*i-(n-1)) / float64(n-1)
}
