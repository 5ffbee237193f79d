package digitsview

import (
	"testing"

	"digitlab/kit/ui/uitest"
)

// FuzzConfigApply: any URL query applied to the Digits options leaves a
// valid configuration (bad values keep the current one) and only errors a
// person can read: short, one line, whatever the URL held.
func FuzzConfigApply(f *testing.F) {
	var c Config
	uitest.FuzzOptions(f, []string{
		"?task=4v9&model=cnn", "?task=digits&model=best&lr=0.05", "?model=nope", "?lr=-1&batch=0",
		"?task=digits8&trainsize=100&noise=2", "?raw=1&model=vanilla", "?lr=%0a%1b[31m", "?opt=adam&anneal=1e9",
		"?task=4v9&model=mlp10", "?evalevery=5&seed=18446744073709551616",
	}, func(opts map[string]string) []error {
		c = Default("4v9")
		_, errs := c.Apply(opts)
		return errs
	}, func(t *testing.T) {
		if err := c.Validate(); err != nil {
			t.Fatalf("the options are invalid after Apply: %v", err)
		}
	})
}
