package ui

import (
	"fmt"
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"digitlab/excerpt"
)

// OptionError reports an option (URL query key or window.digitlab.set key)
// that could not be applied; the default or current value is kept.
type OptionError struct {
	Key, Value string
	Msg        string // what is wrong and what was kept
}

func (e *OptionError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("option %s: %s", excerpt.Quote(e.Key), e.Msg)
	}
	k, _ := excerpt.Cut(e.Key, 40)
	return fmt.Sprintf("option %s=%s: %s", strings.Trim(excerpt.Quote(k), `"`), excerpt.Quote(e.Value), e.Msg)
}

// Scenes are the scene names in tab order; the first is the default.
var Scenes = []string{"digits", "landscape", "descent", "ring"}

// ParseQuery splits a URL query ("?scene=ring&a=0.5", with or without the
// '?') into the scene name and the remaining options. A missing scene gives
// Scenes[0]; an unknown one gives Scenes[0] and an error. A key given twice
// keeps its last value. Keys are lower-cased; values are trimmed.
func ParseQuery(raw string) (scene string, opts map[string]string, errs []error) {
	raw = strings.TrimPrefix(raw, "?")
	opts = map[string]string{}
	scene = Scenes[0]
	if raw == "" {
		return scene, opts, nil
	}
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		key, err1 := url.QueryUnescape(k)
		val, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			errs = append(errs, &OptionError{Key: k, Value: v, Msg: "malformed escape in the URL, ignored"})
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		if key == "" {
			continue
		}
		opts[key] = strings.TrimSpace(val)
	}
	if s, ok := opts["scene"]; ok {
		delete(opts, "scene")
		name, err := SceneName(s)
		if err != nil {
			errs = append(errs, err)
		}
		scene = name
	}
	return scene, opts, errs
}

// SceneName checks a scene name (case-insensitive); an unknown one returns
// Scenes[0] and an *OptionError.
func SceneName(s string) (string, error) {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, n := range Scenes {
		if l == n {
			return n, nil
		}
	}
	return Scenes[0], &OptionError{Key: "scene", Value: s,
		Msg: fmt.Sprintf("unknown scene; choose one of %s (showing %s)", strings.Join(Scenes, ", "), Scenes[0])}
}

// ParseFloat parses opts value v for key as a finite number in [lo, hi].
func ParseFloat(key, v string, lo, hi float64) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, &OptionError{Key: key, Value: v, Msg: "not a number, kept the current value"}
	}
	if x < lo || x > hi {
		return 0, &OptionError{Key: key, Value: v, Msg: fmt.Sprintf("out of range [%g, %g], kept the current value", lo, hi)}
	}
	return x, nil
}

// ParseInt parses v for key as an integer in [lo, hi].
func ParseInt(key, v string, lo, hi int) (int, error) {
	x, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, &OptionError{Key: key, Value: v, Msg: "not a whole number, kept the current value"}
	}
	if x < lo || x > hi {
		return 0, &OptionError{Key: key, Value: v, Msg: fmt.Sprintf("out of range [%d, %d], kept the current value", lo, hi)}
	}
	return x, nil
}

// ParseBool parses v for key: 1/0, true/false, yes/no, on/off.
func ParseBool(key, v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off":
		return false, nil
	}
	return false, &OptionError{Key: key, Value: v, Msg: "not a yes/no value (use 1 or 0), kept the current value"}
}

// ParseChoice returns the index of v (case-insensitive) in choices.
func ParseChoice(key, v string, choices []string) (int, error) {
	l := strings.ToLower(strings.TrimSpace(v))
	for i, c := range choices {
		if strings.ToLower(c) == l {
			return i, nil
		}
	}
	return 0, &OptionError{Key: key, Value: v, Msg: "unknown value; choose one of " + strings.Join(choices, ", ")}
}

// UnknownKey is the error for an option the scene does not have.
func UnknownKey(scene, key, v string, known []string) error {
	return &OptionError{Key: key, Value: v,
		Msg: fmt.Sprintf("the %s scene has no such option (it has: %s), ignored", scene, strings.Join(known, ", "))}
}

// SortedKeys returns opts' keys in sorted order, so a scene's Set applies
// options and reports errors in a stable order.
func SortedKeys(opts map[string]string) []string {
	keys := make([]string, 0, len(opts))
	for k := range opts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ParseFloats parses "a,b,c,d" into n finite numbers of magnitude at most
// 1e6.
func ParseFloats(key, v string, n int) ([]float64, error) {
	if strings.Count(v, ",")+1 != n {
		return nil, &OptionError{Key: key, Value: v, Msg: fmt.Sprintf("want %d comma-separated numbers", n)}
	}
	parts := strings.Split(v, ",")
	out := make([]float64, n)
	for k, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e6 {
			return nil, &OptionError{Key: key, Value: v, Msg: "not a finite number: " + excerpt.QuoteN(p, 40)}
		}
		out[k] = x
	}
	return out, nil
}
