package landscape

import (
	"testing"

	"digitlab/kit/ui/uitest"
)

// FuzzSceneSet: any URL query is applied to the Landscape scene without a
// panic and with readable errors, and the scene keeps a network.
func FuzzSceneSet(f *testing.F) {
	s := NewScene()
	uitest.FuzzOptions(f, []string{
		"?n=3&seed=7", "?preset=example", "?example=1&tint=0", "?line=-1,0,1,1", "?view=-2,2,-2,2",
		"?surface=1", "?n=33", "?line=1,1,1,1", "?view=0,0,0,0", "?n=%0a",
	}, s.Set, func(t *testing.T) {
		if s.Net == nil || s.Net.N < 1 {
			t.Fatal("the scene has no network")
		}
	})
}
