package plot

import (
	"image"
	"math"
	"testing"
)

func TestHeatmapFuncPixelCentres(t *testing.T) {
	t.Parallel()
	// f(x,y) = y: the top row must be the most positive (blue), the bottom
	// row the most negative (red), and a row at y=0 would be white.
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	var xs, ys []float64
	HeatmapFunc(img, Rect{-2, -2, 2, 2}, func(x, y float64) float64 {
		xs, ys = append(xs, x), append(ys, y)
		return y
	}, Diverging, Norm{-2, 2})
	if len(xs) != 16 {
		t.Fatalf("f called %d times, want 16 (one per pixel)", len(xs))
	}
	// first call: pixel (0,0) centre → world (-1.5, 1.5)
	if xs[0] != -1.5 || ys[0] != 1.5 {
		t.Errorf("pixel (0,0) sampled at (%v,%v), want (-1.5,1.5)", xs[0], ys[0])
	}
	top, bottom := img.RGBAAt(0, 0), img.RGBAAt(0, 3)
	if want := Diverging.At((1.5 + 2) / 4); top != want {
		t.Errorf("top pixel = %v, want %v", top, want)
	}
	if want := Diverging.At((-1.5 + 2) / 4); bottom != want {
		t.Errorf("bottom pixel = %v, want %v", bottom, want)
	}
}

func TestHeatmapSubImage(t *testing.T) {
	t.Parallel()
	big := image.NewRGBA(image.Rect(0, 0, 10, 10))
	sub := big.SubImage(image.Rect(2, 3, 6, 7)).(*image.RGBA)
	HeatmapFunc(sub, Rect{0, 0, 1, 1}, func(x, y float64) float64 { return 1 }, Gray, Norm{0, 1})
	for y := 0; y < 10; y++ {
		for x := 0; x < 10; x++ {
			inside := x >= 2 && x < 6 && y >= 3 && y < 7
			c := big.RGBAAt(x, y)
			if inside && c.R != 255 || !inside && c.A != 0 {
				t.Fatalf("pixel (%d,%d) = %v, inside=%v", x, y, c, inside)
			}
		}
	}
}

func TestGridSampleBilinearExact(t *testing.T) {
	t.Parallel()
	// A bilinear function is reproduced exactly by bilinear interpolation.
	f := func(x, y float64) float64 { return 2*x - 3*y + 0.5*x*y + 1 }
	g := SampleGrid(Rect{-1, -2, 3, 2}, 9, 5, f)
	for _, p := range []Point{{0.1, 0.2}, {-1, -2}, {3, 2}, {2.77, -1.3}} {
		if got, want := g.Sample(p.X, p.Y), f(p.X, p.Y); !near(got, want, 1e-12) {
			t.Errorf("Sample(%v) = %v, want %v", p, got, want)
		}
	}
	lo, hi := g.Range()
	if lo != f(3, 2) && lo > hi {
		t.Errorf("Range = (%v,%v)", lo, hi)
	}
}

func TestGridRangeIgnoresNonFinite(t *testing.T) {
	t.Parallel()
	g := NewGrid(Rect{0, 0, 1, 1}, 2, 2)
	copy(g.V, []float64{math.NaN(), -3, math.Inf(1), 7})
	if lo, hi := g.Range(); lo != -3 || hi != 7 {
		t.Errorf("Range() = (%v,%v), want (-3,7)", lo, hi)
	}
	copy(g.V, []float64{math.NaN(), math.NaN(), math.Inf(1), math.Inf(-1)})
	if lo, hi := g.Range(); lo != 0 || hi != 0 {
		t.Errorf("Range() of no finite value = (%v,%v), want (0,0)", lo, hi)
	}
}

func TestScaleGrayNearest(t *testing.T) {
	t.Parallel()
	src := []float32{0, 1, 1, 0} // 2×2 checker
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	ScaleGray(img, image.Rect(0, 0, 8, 8), src, 2, 2, Gray, Norm{0, 1})
	for y := 0; y < 8; y++ {
		for x := 0; x < 8; x++ {
			want := uint8(0)
			if (x/4+y/4)%2 == 1 {
				want = 255
			}
			if c := img.RGBAAt(x, y); c.R != want || c.A != 255 {
				t.Fatalf("pixel (%d,%d) = %v, want gray %d", x, y, c, want)
			}
		}
	}
	b := []uint8{0, 255, 255, 0}
	img2 := image.NewRGBA(image.Rect(0, 0, 8, 8))
	ScaleGray8(img2, image.Rect(-4, -4, 4, 4), b, 2, 2, GrayInverted, Norm{0, 1}) // partly off-image
	if c := img2.RGBAAt(0, 0); c.R != 255 {                                       // src (1,1)=0 → white when inverted
		t.Errorf("ScaleGray8 pixel (0,0) = %v, want white", c)
	}
	if c := img2.RGBAAt(5, 5); c.A != 0 {
		t.Errorf("ScaleGray8 wrote outside its rectangle: %v", c)
	}
}
