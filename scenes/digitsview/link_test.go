package digitsview

import (
	"maps"
	"testing"
)

// TestLinkRoundTrip: the options Link writes set a fresh scene up the same
// (configuration and view), and a default scene writes none.
func TestLinkRoundTrip(t *testing.T) {
	fresh := newSceneRig(t)
	q := map[string]string{}
	fresh.s.Link(q)
	if len(q) != 0 {
		t.Errorf("a fresh scene links %v, want nothing", q)
	}
	for _, set := range []map[string]string{
		{"lr": "0.05"},
		{"task": "10", "model": "best"},
		{"task": "10", "model": "mlp10", "raw": "1", "lr": "0.003", "view": "mistakes"},
		{"task": "digits8", "seed": "7", "batch": "16"},
		{"model": "cnn", "opt": "adam", "anneal": "0", "noise": "0.5", "trainsize": "1000", "view": "weights"},
		{"task": "10", "evalevery": "500"},
	} {
		a := newSceneRig(t)
		if errs := a.s.Set(set); len(errs) > 0 {
			t.Fatalf("Set(%v): %v", set, errs)
		}
		q := map[string]string{}
		a.s.Link(q)
		b := newSceneRig(t)
		if errs := b.s.Set(maps.Clone(q)); len(errs) > 0 {
			t.Fatalf("Set(Link = %v): %v", q, errs)
		}
		if a.s.Cfg != b.s.Cfg || a.s.View() != b.s.View() {
			t.Errorf("Set(%v) links %v, which sets up\n%+v view %d, want\n%+v view %d", set, q, b.s.Cfg, b.s.View(), a.s.Cfg, a.s.View())
		}
		if len(q) > len(set)+2 {
			t.Errorf("Set(%v) links %v: more than it needs", set, q)
		}
	}
}
