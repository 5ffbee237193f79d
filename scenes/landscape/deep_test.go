package landscape

import (
	"strings"
	"testing"

	"digitlab/regions"
)

// TestDeepScene: layers=16,16 shows a deep net drawn from the seed; the
// frames count its pieces in slices to the enumerator's own count, the
// kinks per layer are the enumerator's, status() gives the weights, the
// hover reads each layer's active units, and a steady frame allocates
// nothing.
func TestDeepScene(t *testing.T) {
	f := newFrame(t, 1)
	if errs := f.s.Set(map[string]string{"layers": "16,16", "seed": "5"}); len(errs) > 0 {
		t.Fatal(errs)
	}
	f.step()
	if !f.s.Deep() || f.s.Pieces >= 0 {
		t.Fatalf("deep %v, pieces %d after one frame; want a deep net still being counted", f.s.Deep(), f.s.Pieces)
	}
	frames := 1
	for ; f.s.Pieces < 0 && frames < 1000; frames++ {
		f.step()
	}
	want := regions.Enumerate(f.s.DeepNet, f.world())
	if f.s.Pieces != want.Count() || frames < 2 {
		t.Errorf("pieces %d after %d frames, the enumerator counts %d", f.s.Pieces, frames, want.Count())
	}
	per := [2]int{}
	for _, k := range f.s.Kinks {
		per[k.Unit]++
	}
	if per[0] != want.KinkCount(0) || per[1] != want.KinkCount(1) || per[1] == 0 {
		t.Errorf("kinks per layer %v, the enumerator's %d, %d", per, want.KinkCount(0), want.KinkCount(1))
	}
	st := f.s.Status()
	if l, ok := st["layers"].([]int); !ok || len(l) != 2 || l[0] != 16 || st["pieces"] != want.Count() || st["counting"] != false {
		t.Errorf("status layers %v pieces %v counting %v", st["layers"], st["pieces"], st["counting"])
	}
	if nt, ok := st["net"].(map[string]any); !ok || len(nt["W"].([]any)) != 2 {
		t.Errorf("status net %v", st["net"])
	}
	if !strings.HasPrefix(f.s.Figures[0], "linear pieces in view: ") || !strings.Contains(f.s.Figures[1], "L2") {
		t.Errorf("figures %q", f.s.Figures)
	}
	f.at(0.3, -0.2)
	f.step()
	if !strings.HasPrefix(f.s.HoverText[2], "active: L1 ") || !strings.Contains(f.s.HoverText[2], "/16 · L2 ") {
		t.Errorf("hover %q", f.s.HoverText)
	}
	if phi := f.s.DeepNet.Eval(f.s.HX, f.s.HY); phi != f.s.HPhi {
		t.Errorf("hover Φ %v, the net's %v", f.s.HPhi, phi)
	}
	f.step()
	if a := testing.AllocsPerRun(20, f.step); a != 0 {
		t.Errorf("a steady frame of the deep scene allocates %v times", a)
	}
	// The line's restriction is the deep net's.
	r := f.s.DeepNet.Restrict(f.s.Line[0], f.s.Line[1])
	if f.s.Restr.Segments() != r.Segments() {
		t.Errorf("line segments %d, the net's %d", f.s.Restr.Segments(), r.Segments())
	}

	// Back to one layer: layers=5 is the 2→5→1 net; a bad width is refused.
	if errs := f.s.Set(map[string]string{"layers": "5"}); len(errs) > 0 || f.s.Deep() || f.s.Net.N != 5 {
		t.Errorf("layers=5: %v, deep %v, n %d", errs, f.s.Deep(), f.s.Net.N)
	}
	if errs := f.s.Set(map[string]string{"layers": "8,0"}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "kept the current network") {
		t.Errorf("layers=8,0: %v", errs)
	}
}

// TestDepthChoice: the hidden-layers choice makes a deep net of n units per
// layer and back, and the controls' title says the shape.
func TestDepthChoice(t *testing.T) {
	f := newFrame(t, 1)
	click := func(i int) {
		x, y := f.s.Depth.Segment(i).Center()
		f.in.Pointer, f.in.X, f.in.Y, f.in.Down, f.in.Pressed = true, x, y, true, true
		f.step()
		f.in.Pointer, f.in.X, f.in.Y, f.in.Released = true, x, y, true
		f.step()
	}
	click(2)
	if !f.s.Deep() || len(f.s.Layers) != 3 || f.s.Layers[2] != 3 || f.s.NetTitle != "Network 2 → 3 → 3 → 3 → 1" {
		t.Errorf("3 layers: deep %v, layers %v, title %q", f.s.Deep(), f.s.Layers, f.s.NetTitle)
	}
	click(0)
	if f.s.Deep() || f.s.NetTitle != ControlsTitle || f.s.Net.N != 3 {
		t.Errorf("1 layer: deep %v, title %q", f.s.Deep(), f.s.NetTitle)
	}
}

// TestLeakyAndHe: leaky=1 draws a leaky net (through regions even with one
// layer) whose count is checked against the product bound; init=he draws
// He's weights, with biases 0, so every first-layer kink passes through the
// origin; both go back to the plain net when turned off.
func TestLeakyAndHe(t *testing.T) {
	f := newFrame(t, 1)
	if errs := f.s.Set(map[string]string{"leaky": "1", "n": "6"}); len(errs) > 0 {
		t.Fatal(errs)
	}
	f.step()
	for i := 0; f.s.Pieces < 0 && i < 100; i++ {
		f.step()
	}
	if !f.s.Deep() || f.s.DeepNet.Leaky != LeakySlope || len(f.s.Layers) != 1 {
		t.Fatalf("leaky, n=6: deep %v, layers %v", f.s.Deep(), f.s.Layers)
	}
	b, name := f.s.Bound()
	if name != "product bound" || f.s.Pieces > b || f.s.Pieces != regions.Enumerate(f.s.DeepNet, f.world()).Count() {
		t.Errorf("leaky: %d pieces, %s %d", f.s.Pieces, name, b)
	}
	if phi, x := f.s.DeepNet.Eval(0.3, 0.7), f.s.eval(0.3, 0.7); phi != x {
		t.Errorf("Φ %v, the net's %v", x, phi)
	}
	f.s.Set(map[string]string{"leaky": "0", "init": "he", "layers": "4,4"})
	f.step()
	for _, b := range f.s.DeepNet.B[0] {
		if b != 0 {
			t.Fatalf("He init: a first-layer bias %v", b)
		}
	}
	if st := f.s.Status(); st["init"] != "he" || st["leaky"] != false {
		t.Errorf("status init %v leaky %v", st["init"], st["leaky"])
	}
	f.s.Set(map[string]string{"init": "seed", "layers": "5"})
	f.step()
	if f.s.Deep() || f.s.Net.N != 5 {
		t.Errorf("back to the seed's init and one layer: deep %v", f.s.Deep())
	}
}
