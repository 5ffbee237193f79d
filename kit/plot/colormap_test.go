package plot

import (
	"image/color"
	"math"
	"testing"
)

func TestColorMapEnds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		cm   ColorMap
		t    float64
		want color.RGBA
	}{
		{"diverging negative end is red", Diverging, 0, color.RGBA{178, 24, 43, 255}},
		{"diverging zero is white", Diverging, 0.5, color.RGBA{255, 255, 255, 255}},
		{"diverging positive end is blue", Diverging, 1, color.RGBA{33, 102, 172, 255}},
		{"clamped below", Diverging, -3, color.RGBA{178, 24, 43, 255}},
		{"clamped above", Diverging, 7, color.RGBA{33, 102, 172, 255}},
		{"NaN", Diverging, math.NaN(), color.RGBA{128, 128, 128, 255}},
		{"viridis start", Sequential, 0, color.RGBA{68, 1, 84, 255}},
		{"viridis end", Sequential, 1, color.RGBA{253, 231, 37, 255}},
		{"gray mid", Gray, 0.5, color.RGBA{128, 128, 128, 255}},
		{"inverted gray 0 is white", GrayInverted, 0, color.RGBA{255, 255, 255, 255}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			if got := tc.cm.At(tc.t); got != tc.want {
				t.Errorf("At(%v) = %v, want %v", tc.t, got, tc.want)
			}
		})
	}
}

// luma is the Rec. 601 luma of c in 0..255.
func luma(c color.RGBA) float64 { return 0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B) }

func TestSequentialLightnessIncreases(t *testing.T) {
	t.Parallel()
	prev := -1.0
	for k := 0; k <= 200; k++ {
		tt := float64(k) / 200
		l := luma(Sequential.At(tt))
		if l < prev-0.5 { // allow rounding of interpolated channels
			t.Fatalf("luma(At(%v)) = %v < previous %v, want non-decreasing", tt, l, prev)
		}
		prev = l
	}
}

func TestDivergingSides(t *testing.T) {
	t.Parallel()
	n := Symmetric(-3, 1.5)
	if n.Min != -3 || n.Max != 3 {
		t.Fatalf("Symmetric(-3,1.5) = %+v, want [-3,3]", n)
	}
	for _, v := range []float64{-3, -2, -0.5, -0.01} {
		c := Color(Diverging, n, v)
		if !(c.R > c.B) {
			t.Errorf("Color(%v) = %v, want red-ish (R > B)", v, c)
		}
	}
	for _, v := range []float64{0.01, 0.5, 2, 3} {
		c := Color(Diverging, n, v)
		if !(c.B > c.R) {
			t.Errorf("Color(%v) = %v, want blue-ish (B > R)", v, c)
		}
	}
	// Moving away from zero the colour gets darker on both sides.
	for _, sgn := range []float64{-1, 1} {
		prev := 1e9
		for k := 0; k <= 30; k++ {
			l := luma(Color(Diverging, n, sgn*float64(k)*0.1))
			if l > prev+0.5 {
				t.Errorf("luma at %v = %v > %v nearer zero, want darker away from 0", sgn*float64(k)*0.1, l, prev)
			}
			prev = l
		}
	}
}

func TestSymmetricDegenerate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc   string
		lo, hi float64
		want   Norm
	}{
		{"all zero", 0, 0, Norm{-1, 1}},
		{"NaN ignored", math.NaN(), 2, Norm{-2, 2}},
		{"Inf ignored", math.Inf(-1), -0.5, Norm{-0.5, 0.5}},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			if got := Symmetric(tc.lo, tc.hi); got != tc.want {
				t.Errorf("Symmetric(%v,%v) = %v, want %v", tc.lo, tc.hi, got, tc.want)
			}
		})
	}
	if got := (Norm{2, 2}).T(5); got != 0.5 {
		t.Errorf("Norm{2,2}.T(5) = %v, want 0.5", got)
	}
}
