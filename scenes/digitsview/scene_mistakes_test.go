package digitsview

import "testing"

// The Mistakes gallery turns pages: with more mistakes than fit, ‹ and ›
// ask the worker for the window after (or before) the thumbnails shown,
// and the header says which are shown.
func TestSceneMistakesPages(t *testing.T) {
	r := newSceneRig(t)
	r.s.Set(map[string]string{"view": "mistakes"})
	sn := builtSnap(t, r.s.Cfg, MaxWrong)
	sn.MistakesOf = 174
	r.post(sn)
	r.frame(nil)
	u := &r.s.UI
	fit := len(r.s.L.MistCells)
	if fit == 0 || fit >= MaxWrong || u.MistNext.Rect.W == 0 {
		t.Fatalf("setup: %d thumbnails fit, next button %v", fit, u.MistNext.Rect)
	}
	if got, want := r.s.MistPagesText(), "1–"+itoa(fit)+" of 174"; got != want {
		t.Errorf("pages text %q, want %q", got, want)
	}
	if !u.MistPrev.Disabled || u.MistNext.Disabled {
		t.Errorf("first page: prev disabled %v, next disabled %v", u.MistPrev.Disabled, u.MistNext.Disabled)
	}
	n0 := len(r.sent())
	r.click(u.MistNext.Rect)
	if c := r.sent()[n0:]; len(c) != 1 || c[0].Kind != CmdPage || c[0].N != fit {
		t.Fatalf("› sent %v", c)
	}
	// The worker's answer: the window from fit.
	sn = builtSnap(t, r.s.Cfg, MaxWrong)
	sn.Seq, sn.MistakesFrom, sn.MistakesOf = 3, fit, 174
	for i := range sn.Mistakes[0].Pixels {
		sn.Mistakes[0].Pixels[i] = 1 // white: the thumbnails are of the new ones
	}
	key := r.s.MistakesKey()
	r.post(sn)
	r.frame(nil)
	c := r.s.L.MistCells[0]
	g := r.s.L.MistGrid
	if px := r.s.MistPix.Img.RGBAAt(int(c.X-g.X+MistImg/2), int(c.Y-g.Y+MistImg/2)); px.R != 255 || px.G != 255 {
		t.Errorf("the first thumbnail after the page turned: centre %v, want white", px)
	}
	if r.s.MistakesKey() == key {
		t.Error("the mistakes' key did not change with the page")
	}
	if u.MistPrev.Disabled || r.s.MistPagesText() != itoa(fit+1)+"–"+itoa(2*fit)+" of 174" {
		t.Errorf("second page: prev disabled %v, text %q", u.MistPrev.Disabled, r.s.MistPagesText())
	}
	n0 = len(r.sent())
	r.click(u.MistPrev.Rect)
	if c := r.sent()[n0:]; len(c) != 1 || c[0].Kind != CmdPage || c[0].N != 0 {
		t.Errorf("‹ sent %v", c)
	}
	// All of them fit: no buttons.
	sn = builtSnap(t, r.s.Cfg, 5)
	sn.Seq, sn.MistakesOf = 4, 5
	r.post(sn)
	r.frame(nil)
	if u.MistNext.Rect.W != 0 || r.s.MistPagesText() != "" {
		t.Errorf("5 mistakes: buttons %v, text %q", u.MistNext.Rect, r.s.MistPagesText())
	}
}
