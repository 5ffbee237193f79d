package ui

import (
	"math"
	"testing"
)

func TestFitScreen(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc       string
		w, h       int
		ds         float64
		devW, devH int
		dpr        float64
		lw, lh     float64
	}{
		{"large window, 1x", 1280, 800, 1, 1280, 800, 1, 1280, 800},
		{"large window, 2x", 1280, 800, 2, 2560, 1600, 2, 1280, 800},
		{"fractional scale", 1280, 800, 1.25, 1600, 1000, 1.25, 1280, 800},
		{"narrow window scaled down", 800, 640, 1, 800, 640, 800.0 / 1024, 1024, 819.2},
		{"short window scaled down, 2x", 1280, 320, 2, 2560, 640, 1, 2560, 640},
		{"zero scale counts as 1", 1024, 640, 0, 1024, 640, 1, 1024, 640},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			t.Parallel()
			s := FitScreen(tt.w, tt.h, tt.ds, 1024, 640)
			near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
			if s.DevW != tt.devW || s.DevH != tt.devH || !near(s.DPR, tt.dpr) || !near(s.W, tt.lw) || !near(s.H, tt.lh) {
				t.Errorf("FitScreen(%d, %d, %v) = %+v, want dev %d×%d, dpr %v, logical %v×%v",
					tt.w, tt.h, tt.ds, s, tt.devW, tt.devH, tt.dpr, tt.lw, tt.lh)
			}
			if s.W < 1024-1e-9 && s.H < 640-1e-9 {
				t.Errorf("logical size %v×%v is below the minimum on both axes", s.W, s.H)
			}
			ds := tt.ds
			if ds <= 0 {
				ds = 1
			}
			if !near(s.CSSPerLogical*ds, s.DPR) {
				t.Errorf("CSSPerLogical %v × ds %v != DPR %v", s.CSSPerLogical, ds, s.DPR)
			}
		})
	}
}
