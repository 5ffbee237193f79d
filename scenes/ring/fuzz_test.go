package ring

import (
	"testing"

	"digitlab/kit/ui/uitest"
)

// FuzzSceneSet: any URL query is applied to the Ring scene without a
// panic and with readable errors.
func FuzzSceneSet(f *testing.F) {
	s := NewScene()
	uitest.FuzzOptions(f, []string{
		"?a=0.5&b=1.5", "?a=2&b=1", "?optimal=1&errors=0", "?arch=2-8-8-1&opt=adam&lr=0.01", "?batch=0&points=1e9",
		"?seed=-1", "?kinks1=yes&labels=x", "?lr=%1b[2J",
	}, s.Set, nil)
}
