package descent

import (
	"testing"

	"digitlab/kit/ui/uitest"
)

func TestLinkRoundTrip(t *testing.T) {
	uitest.CheckLink(t, NewScene, (*Scene).values, []map[string]string{
		{"eta": "0.3"},
		{"fn": "B"},
		{"fn": "B", "eta": "0.05", "start": "1,2"},
		{"sign": "ascent", "speed": "10", "start": "-1.5,0.25"},
	})
}
