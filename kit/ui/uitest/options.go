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

// LinkScene is what CheckLink needs of a scene.
type LinkScene interface {
	Set(opts map[string]string) []error
	Link(q map[string]string)
}

// CheckLink checks a scene's Link for each set-up in sets: a fresh scene
// (from fresh) given the set-up, then a second fresh one given what the
// first's Link wrote, must have equal values (the scene's options as
// strings, all of them); and a fresh scene links nothing.
func CheckLink[S LinkScene](t *testing.T, fresh func() S, values func(S) map[string]string, sets []map[string]string) {
	t.Helper()
	q := map[string]string{}
	fresh().Link(q)
	if len(q) != 0 {
		t.Errorf("a fresh scene links %v, want nothing", q)
	}
	for _, set := range sets {
		a := fresh()
		if errs := a.Set(set); len(errs) > 0 {
			t.Fatalf("Set(%v): %v", set, errs)
		}
		q := map[string]string{}
		a.Link(q)
		b := fresh()
		if errs := b.Set(q); len(errs) > 0 {
			t.Fatalf("Set(Link = %v): %v", q, errs)
		}
		va, vb := values(a), values(b)
		for k, v := range va {
			if vb[k] != v {
				t.Errorf("Set(%v) links %v, which gives %s=%s, want %s", set, q, k, vb[k], v)
			}
		}
	}
}
