// Package uitest helps the scenes' tests check what every scene shares: the
// URL options.
package uitest

import (
	"testing"

	"digitlab/excerpt/excerpttest"
	"digitlab/kit/ui"
)

// FuzzOptions fuzzes a scene's option setter with URL queries: seeds are
// queries ("?a=1&b=x"), set applies the parsed options (to one scene that
// lives across the inputs, as in the page) and returns its errors. Every
// input must be applied without a panic and every error message must be
// short and on one line (excerpttest.CheckMessage); after, if non-nil,
// checks the scene.
func FuzzOptions(f *testing.F, seeds []string, set func(opts map[string]string) []error, after func(t *testing.T)) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		_, opts, errs := ui.ParseQuery(raw)
		errs = append(errs, set(opts)...)
		for _, err := range errs {
			excerpttest.CheckMessage(t, err.Error())
		}
		if after != nil {
			after(t)
		}
	})
}
