package landscape

import (
	"testing"

	"digitlab/kit/ui/uitest"
)

func TestLinkRoundTrip(t *testing.T) {
	uitest.CheckLink(t, NewScene, (*Scene).values, []map[string]string{
		{"n": "8", "seed": "5"},
		{"preset": "random"},
		{"line": "-1.5,0,1,1.25", "tint": "1"},
		{"view": "-3,-1,3,2", "surface": "1", "n": "2"},
		{"layers": "8,8", "seed": "5"},
		{"layers": "4,6,3", "tint": "1"},
		{"leaky": "1", "n": "5"},
		{"init": "he", "layers": "8,8", "seed": "2"},
	})
}
