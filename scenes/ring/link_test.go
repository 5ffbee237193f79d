package ring

import (
	"testing"

	"digitlab/kit/ui/uitest"
)

func TestLinkRoundTrip(t *testing.T) {
	uitest.CheckLink(t, NewScene, (*Scene).values, []map[string]string{
		{"a": "0.5", "b": "1.5"},
		{"optimal": "1", "errors": "0"},
		{"arch": "2-16-16-1", "labels": "l1", "opt": "adam", "lr": "0.01", "batch": "32", "points": "2000", "seed": "3"},
		{"kinks1": "0", "kinks2": "1"},
	})
}
