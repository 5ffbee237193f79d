package ui

import (
	"testing"
	"time"
)

func TestLinkQuery(t *testing.T) {
	for _, c := range []struct {
		scene string
		opts  map[string]string
		want  string
	}{
		{"digits", nil, ""},
		{"digits", map[string]string{"lr": "0.05"}, "scene=digits&lr=0.05"},
		{"ring", map[string]string{"b": "1.5", "a": "0.5"}, "scene=ring&a=0.5&b=1.5"},
		{"landscape", map[string]string{"line": "-1,0,1,0.5"}, "scene=landscape&line=-1%2C0%2C1%2C0.5"},
	} {
		got := LinkQuery(c.scene, c.opts)
		if got != c.want {
			t.Errorf("LinkQuery(%s, %v) = %q, want %q", c.scene, c.opts, got, c.want)
		}
		// What the page writes, the page reads back.
		scene, opts, errs := ParseQuery(got)
		if scene != c.scene || len(errs) != 0 || len(opts) != len(c.opts) {
			t.Errorf("ParseQuery(%q) = %s %v %v", got, scene, opts, errs)
		}
		for k, v := range c.opts {
			if opts[k] != v {
				t.Errorf("ParseQuery(%q)[%s] = %q, want %q", got, k, opts[k], v)
			}
		}
	}
}

func TestLinkFormats(t *testing.T) {
	if Num(0.1) != "0.1" || Num(4000) != "4000" || Num(1e-5) != "1e-05" {
		t.Errorf("Num: %s %s %s", Num(0.1), Num(4000), Num(1e-5))
	}
	if got := Coords(-1.23456, 0.000123456, 2, 1234.5); got != "-1.235,0.0001235,2,1234" {
		t.Errorf("Coords = %s", got)
	}
	q := map[string]string{}
	AddChanged(q, map[string]string{"a": "1", "b": "2", "c": "3"}, map[string]string{"a": "1", "b": "0"})
	if len(q) != 2 || q["b"] != "2" || q["c"] != "3" {
		t.Errorf("AddChanged = %v", q)
	}
}

// linkScene links its own options.
type linkScene struct {
	*fakeScene
	q map[string]string
}

func (l *linkScene) Link(q map[string]string) {
	for k, v := range l.q {
		q[k] = v
	}
}

// TestShellLink: the link follows the visible scene and its options, and
// LinkChanged hands a change over once, at most twice a second.
func TestShellLink(t *testing.T) {
	var ring *linkScene
	r := newRig(t, "", func(i int, f *fakeScene) Scene {
		if f.name == "ring" {
			ring = &linkScene{fakeScene: f, q: map[string]string{}}
			return ring
		}
		return f
	})
	r.frame(frameDt, 0, 0, false, 0)
	if q, ok := r.s.LinkChanged(); !ok || q != "" {
		t.Errorf("first LinkChanged = %q, %v; want the plain address", q, ok)
	}
	r.s.GoTo("ring", nil)
	ring.q["a"] = "0.5"
	r.frame(frameDt, 0, 0, false, 0)
	if _, ok := r.s.LinkChanged(); ok {
		t.Error("LinkChanged looked again within half a second")
	}
	r.frame(600*time.Millisecond, 0, 0, false, 0)
	if q, ok := r.s.LinkChanged(); !ok || q != "scene=ring&a=0.5" {
		t.Errorf("LinkChanged = %q, %v; want scene=ring&a=0.5", q, ok)
	}
	r.frame(600*time.Millisecond, 0, 0, false, 0)
	if _, ok := r.s.LinkChanged(); ok {
		t.Error("LinkChanged without a change")
	}
	if st := r.s.Status(map[string]any{}, ""); st["link"] != "scene=ring&a=0.5" {
		t.Errorf("status link %v", st["link"])
	}
}

// TestShellCopyLink: a click on "copy link" asks the page for a copy, and
// the outcome shows for 3 s, then a whole frame takes it away.
func TestShellCopyLink(t *testing.T) {
	r := newRig(t, "", nil)
	r.frame(frameDt, 0, 0, false, 0)
	x, y := r.s.Copy.Rect.Center()
	r.frame(frameDt, x, y, true, 0)
	r.frame(frameDt, x, y, false, 0)
	if !r.s.CopyWanted {
		t.Fatal("a click on copy link asked for no copy")
	}
	r.s.CopyWanted = false
	r.s.CopyDone("link copied")
	r.frame(time.Second, 0, 0, false, 0)
	if r.s.CopiedNote() != "link copied" {
		t.Errorf("note %q one second after the copy", r.s.CopiedNote())
	}
	r.frame(3*time.Second, 0, 0, false, 0)
	if r.s.CopiedNote() != "" || r.s.Copied != "" || !r.s.DrawNow {
		t.Errorf("after 4 s: note %q, copied %q, DrawNow %v; want it gone in a drawn frame", r.s.CopiedNote(), r.s.Copied, r.s.DrawNow)
	}
}

// TestShellBarFitsTheHints: at 1024 px the tabs narrow so that the key
// hints keep their room beside "copy link"; at 1280 they are 130 wide.
func TestShellBarFitsTheHints(t *testing.T) {
	for _, c := range []struct {
		w    int
		tabs float64
	}{{1024, 4 * 101.5}, {1280, 4 * 130}} {
		r := newRig(t, "", nil)
		r.s.Screen = FitScreen(c.w, 800, 1, MinW, MinH)
		r.frame(frameDt, 0, 500, false, 0)
		if r.s.Tabs.Rect.W != c.tabs || r.s.Info.W < hintsW-10 {
			t.Errorf("%d px: tabs %v wide, info %v; want %v and ≥ %v", c.w, r.s.Tabs.Rect.W, r.s.Info.W, c.tabs, hintsW-10)
		}
	}
}
