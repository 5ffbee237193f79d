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

// FuzzCompare: any compare= value (with any task) is a race whose lanes
// all validate, or an error a person can read.
func FuzzCompare(f *testing.F) {
	var lanes []Config
	uitest.FuzzOptions(f, []string{
		"?compare=linear,vanilla,cnn", "?compare=sgd,momentum,adam&lr=0.5", "?task=10&compare=mlp10,best,cnn10,cnn10-tanh",
		"?compare=linear,,cnn", "?compare=sgd,cnn", "?task=digits8&compare=digits64,digits64", "?compare=%00%ff,linear",
	}, func(opts map[string]string) []error {
		lanes = nil
		task := opts["task"]
		if _, ok := taskData[task]; !ok {
			task = "4v9"
		}
		spec, err := ParseCompare(task, opts["compare"])
		if err != nil {
			return []error{err}
		}
		if !spec.On() {
			return nil
		}
		rest := map[string]string{}
		for k, v := range opts {
			if k != "compare" && k != "task" {
				rest[k] = v
			}
		}
		var errs []error
		lanes, errs = spec.Configs(Default(task), rest)
		return errs
	}, func(t *testing.T) {
		for i, c := range lanes {
			if err := c.Validate(); err != nil {
				t.Fatalf("lane %d is invalid: %v", i, err)
			}
		}
	})
}
