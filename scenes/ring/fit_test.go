package ring

import (
	"errors"
	"math"
	"testing"
)

// The search result is checked by brute force: a 241×241 grid over the same
// box never beats it, and neither do small steps around it.
func TestBestIoU(t *testing.T) {
	t.Parallel()
	for _, ab := range [][2]float64{{1, 2}, {0.5, 1.5}, {1, 1.2}} {
		a, b := ab[0], ab[1]
		f, err := BestIoU(a, b)
		if err != nil {
			t.Fatal(err)
		}
		iou := func(da, db float64) float64 {
			m, err := Compare(a, b, da, db)
			if err != nil {
				return -1
			}
			return m.IoU
		}
		if f.Best.IoU < f.Base.IoU || f.Best.IoU < f.Scaled.IoU-1e-12 {
			t.Errorf("(%v,%v): best IoU %v below base %v or scaled %v", a, b, f.Best.IoU, f.Base.IoU, f.Scaled.IoU)
		}
		if got := iou(f.Best.DA, f.Best.DB); got != f.Best.IoU {
			t.Errorf("(%v,%v): Best.IoU %v, recomputed %v", a, b, f.Best.IoU, got)
		}
		const n = 240
		for i := 0; i <= n; i++ {
			for j := 0; j <= n; j++ {
				da := a/2 + 1.5*a*float64(i)/n
				db := b/2 + 1.5*b*float64(j)/n
				if v := iou(da, db); v > f.Best.IoU+1e-12 {
					t.Fatalf("(%v,%v): grid point (%v,%v) has IoU %v > best %v at (%v,%v)", a, b, da, db, v, f.Best.IoU, f.Best.DA, f.Best.DB)
				}
			}
		}
		for _, d := range [][2]float64{{1e-6, 0}, {-1e-6, 0}, {0, 1e-6}, {0, -1e-6}, {1e-6, 1e-6}, {-1e-6, -1e-6}, {1e-6, -1e-6}, {-1e-6, 1e-6}} {
			if v := iou(f.Best.DA+d[0], f.Best.DB+d[1]); v > f.Best.IoU+1e-14 {
				t.Errorf("(%v,%v): step %v improves IoU to %v > %v", a, b, d, v, f.Best.IoU)
			}
		}
		for _, s := range []float64{f.Scale - 1e-6, f.Scale + 1e-6, 1, 1.2, 1.4} {
			if v := iou(s*a, s*b); v > f.Scaled.IoU+1e-14 {
				t.Errorf("(%v,%v): scale %v has IoU %v > best scale %v with %v", a, b, s, v, f.Scale, f.Scaled.IoU)
			}
		}
		t.Logf("(%v,%v): seed IoU %.4f; best (a',b') = (%.4f, %.4f) IoU %.4f (+%.4f); best scale %.4f IoU %.4f",
			a, b, f.Base.IoU, f.Best.DA, f.Best.DB, f.Best.IoU, f.Gain(), f.Scale, f.Scaled.IoU)
	}
}

// Scaling the circle scales the best diamond: the problem has no length unit.
func TestBestIoUScaleEquivariant(t *testing.T) {
	t.Parallel()
	f1, _ := BestIoU(1, 2)
	f3, _ := BestIoU(3, 6)
	if math.Abs(f3.Best.DA-3*f1.Best.DA) > 1e-7 || math.Abs(f3.Best.DB-3*f1.Best.DB) > 1e-7 || math.Abs(f3.Best.IoU-f1.Best.IoU) > 1e-12 {
		t.Errorf("BestIoU(3,6) = (%v,%v) IoU %v, want 3×(%v,%v) IoU %v", f3.Best.DA, f3.Best.DB, f3.Best.IoU, f1.Best.DA, f1.Best.DB, f1.Best.IoU)
	}
}

// For a disk (a = 0) any hole in the diamond only removes area that lies in
// the disk, so the best inner radius is 0 and Best equals the best scale.
func TestBestIoUDisk(t *testing.T) {
	t.Parallel()
	f, err := BestIoU(0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if f.Best.DA != 0 || math.Abs(f.Best.DB-f.Scale) > 1e-8 {
		t.Errorf("BestIoU(0,1) = (%v,%v), scale %v; want a' = 0 and b' = scale", f.Best.DA, f.Best.DB, f.Scale)
	}
	// The diamond crosses the circle between its inner radius b'/√2 and b'.
	if f.Best.DB <= 1 || f.Best.DB >= math.Sqrt2 {
		t.Errorf("BestIoU(0,1) b' = %v, want in (1, √2)", f.Best.DB)
	}
}

func TestBestIoUError(t *testing.T) {
	t.Parallel()
	var pe *ParamError
	if _, err := BestIoU(2, 1); !errors.As(err, &pe) {
		t.Errorf("BestIoU(2,1) error = %v, want *ParamError", err)
	}
}
