package descent

import (
	"testing"

	"digitlab/kit/ui/uitest"
)

// FuzzSceneSet: any URL query is applied to the Descent scene without a
// panic and with readable errors, and η stays in the range the URL may
// set (wider than the slider: a link can show η = 2 diverging).
func FuzzSceneSet(f *testing.F) {
	s := NewScene()
	uitest.FuzzOptions(f, []string{
		"?fn=B&eta=0.3", "?eta=-1", "?sign=ascent&start=1,2", "?start=1e9,0", "?steps=100", "?speed=0",
		"?fn=nope", "?eta=NaN",
	}, s.Set, func(t *testing.T) {
		if e := s.Eta.Value; !(e >= 1e-4 && e <= 5) {
			t.Fatalf("η = %v, outside [1e-4, 5]", e)
		}
	})
}
