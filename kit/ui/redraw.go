package ui

// Redraw decides whether a frame must be drawn again. The app keeps the
// last picture on screen (Ebiten's screen is not cleared every frame) and
// skips Draw while nothing can have changed: no pointer movement, press,
// wheel or key, no resize, nothing running or loading. A full redraw still
// happens every Every frames, so state changed some other way (a result
// arriving on a channel) shows up within a fraction of a second.
type Redraw struct {
	Every int // frames between forced redraws; 0 means 15

	x, y       float64
	down, ptr  bool
	w, h       float64
	sinceDraw  int
	tipVisible bool
	pending    bool
	partial    bool
}

// Invalidate forces the next frame to be drawn (a JS API call changed
// something, a scene switched).
func (r *Redraw) Invalidate() { r.pending = true }

// Need reports whether this frame must be drawn, given this tick's input,
// whether anything animates (busy: training running, data loading), the
// window size and whether a tooltip is showing. It records the state for
// the next call.
func (r *Redraw) Need(in *Input, busy bool, w, h float64, tip bool) bool {
	every := r.Every
	if every <= 0 {
		every = 15
	}
	moved := in.X != r.x || in.Y != r.y
	other := r.pending ||
		in.Down != r.down || in.Pointer != r.ptr ||
		in.Pressed || in.Released || in.Wheel != 0 || len(in.Keys) > 0 ||
		w != r.w || h != r.h || tip != r.tipVisible ||
		r.sinceDraw+1 >= every
	changed := busy || moved || other
	r.partial = busy && !other
	r.x, r.y, r.down, r.ptr, r.w, r.h, r.tipVisible = in.X, in.Y, in.Down, in.Pointer, w, h, tip
	r.pending = false
	if changed {
		r.sinceDraw = 0
	} else {
		r.sinceDraw++
	}
	return changed
}

// Partial reports whether the frame the last Need asked for may be drawn
// in part: it is wanted because something runs, and besides that at most
// the pointer moved (no press, key, wheel, resize, tooltip change or
// invalidation). A scene drawing in part must show hover effects itself
// or decline.
func (r *Redraw) Partial() bool { return r.partial }
