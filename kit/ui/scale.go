package ui

import "math"

// Screen is the result of fitting the app to a window: the device-pixel
// size of the screen, device pixels per logical pixel (DPR), CSS pixels per
// logical pixel, and the logical size the app lays out in.
type Screen struct {
	DevW, DevH    int
	DPR           float64
	CSSPerLogical float64
	W, H          float64
}

// FitScreen fits a window of outsideW×outsideH CSS pixels on a device with
// scale factor ds: one screen pixel per device pixel (sharp text), and a
// window smaller than minW×minH scaled down as a whole so the layout never
// gets cramped below that size. A non-positive ds counts as 1.
func FitScreen(outsideW, outsideH int, ds, minW, minH float64) Screen {
	if !(ds > 0) {
		ds = 1
	}
	f := math.Min(1, math.Min(float64(outsideW)/minW, float64(outsideH)/minH))
	if !(f > 0) {
		f = 1
	}
	s := Screen{
		DevW: max(int(float64(outsideW)*ds+0.5), 1),
		DevH: max(int(float64(outsideH)*ds+0.5), 1),
		DPR:  ds * f, CSSPerLogical: f,
	}
	s.W, s.H = float64(s.DevW)/s.DPR, float64(s.DevH)/s.DPR
	return s
}
