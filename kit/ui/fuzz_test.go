package ui

import (
	"math"
	"slices"
	"strings"
	"testing"

	"digitlab/excerpt/excerpttest"
)

// FuzzParseQuery: any query string splits into a known scene and
// lower-case, trimmed options; every option parser takes any value; and
// every error message is short and on one line, whatever the URL held.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"", "?", "?scene=ring&a=0.5", "scene=DESCENT&eta=-1&start=1,2", "?scene=nope",
		"?lr=%zz", "?a=1&a=2&&=x", "?%0a=%1b[31m", "?scene=%e2%80%ae", "?start=1,2,3&steps=1e9",
		"?x=" + strings.Repeat("%41", 300),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		scene, opts, errs := ParseQuery(raw)
		if !slices.Contains(Scenes, scene) {
			t.Fatalf("scene %q is not one of %v", scene, Scenes)
		}
		for _, err := range errs {
			excerpttest.CheckMessage(t, err.Error())
		}
		for k, v := range opts {
			if k == "" || k == "scene" || k != strings.ToLower(k) || strings.TrimSpace(k) != k || strings.TrimSpace(v) != v {
				t.Fatalf("option %q=%q: want a non-empty lower-case trimmed key other than scene, and a trimmed value", k, v)
			}
			check := func(err error) {
				if err != nil {
					excerpttest.CheckMessage(t, err.Error())
				}
			}
			x, err := ParseFloat(k, v, -3, 3)
			if check(err); err == nil && (math.IsNaN(x) || x < -3 || x > 3) {
				t.Fatalf("ParseFloat(%q) = %v, outside [-3, 3]", v, x)
			}
			n, err := ParseInt(k, v, 0, 10)
			if check(err); err == nil && (n < 0 || n > 10) {
				t.Fatalf("ParseInt(%q) = %d, outside [0, 10]", v, n)
			}
			_, err = ParseBool(k, v)
			check(err)
			xs, err := ParseFloats(k, v, 2)
			if check(err); err == nil && len(xs) != 2 {
				t.Fatalf("ParseFloats(%q, 2) = %v", v, xs)
			}
			_, err = ParseChoice(k, v, []string{"a", "b"})
			check(err)
			check(UnknownKey("x", k, v, []string{"a"}))
		}
	})
}
