package ui

import (
	"errors"
	"maps"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc    string
		raw     string
		scene   string
		opts    map[string]string
		errKeys []string
	}{
		{"empty", "", "digits", map[string]string{}, nil},
		{"ring with radii", "?scene=ring&a=0.5&b=1.5", "ring", map[string]string{"a": "0.5", "b": "1.5"}, nil},
		{"digits demo", "scene=digits&task=4v9&model=cnn&opt=momentum&lr=0.01", "digits",
			map[string]string{"task": "4v9", "model": "cnn", "opt": "momentum", "lr": "0.01"}, nil},
		{"scene is case-insensitive", "?scene=Descent", "descent", map[string]string{}, nil},
		{"unknown scene falls back", "?scene=mandelbrot&x=1", "digits", map[string]string{"x": "1"}, []string{"scene"}},
		{"escapes decoded", "?scene=landscape&name=a%20b", "landscape", map[string]string{"name": "a b"}, nil},
		{"plus is a space", "?label=a+b", "digits", map[string]string{"label": "a b"}, nil},
		{"bad escape reported, rest kept", "?a=%zz&b=2", "digits", map[string]string{"b": "2"}, []string{"a"}},
		{"last value wins", "?a=1&a=2", "digits", map[string]string{"a": "2"}, nil},
		{"empty parts and keys skipped", "?&&=3&b", "digits", map[string]string{"b": ""}, nil},
		{"keys lower-cased", "?LR=0.1", "digits", map[string]string{"lr": "0.1"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			t.Parallel()
			scene, opts, errs := ParseQuery(tt.raw)
			if scene != tt.scene {
				t.Errorf("ParseQuery(%q) scene = %q, want %q", tt.raw, scene, tt.scene)
			}
			if !maps.Equal(opts, tt.opts) {
				t.Errorf("ParseQuery(%q) opts = %v, want %v", tt.raw, opts, tt.opts)
			}
			if len(errs) != len(tt.errKeys) {
				t.Fatalf("ParseQuery(%q) errors = %v, want errors for %v", tt.raw, errs, tt.errKeys)
			}
			for i, err := range errs {
				var oe *OptionError
				if !errors.As(err, &oe) || oe.Key != tt.errKeys[i] {
					t.Errorf("error %d = %v, want an *OptionError for key %q", i, err, tt.errKeys[i])
				}
			}
		})
	}
}

func TestParseValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc    string
		parse   func() (any, error)
		want    any
		wantErr bool
	}{
		{"float ok", func() (any, error) { return ParseFloat("a", "0.5", 0, 3) }, 0.5, false},
		{"float trimmed", func() (any, error) { return ParseFloat("a", " 2 ", 0, 3) }, 2.0, false},
		{"float out of range", func() (any, error) { return ParseFloat("a", "5", 0, 3) }, nil, true},
		{"float garbage", func() (any, error) { return ParseFloat("a", "abc", 0, 3) }, nil, true},
		{"float NaN", func() (any, error) { return ParseFloat("a", "NaN", 0, 3) }, nil, true},
		{"float Inf", func() (any, error) { return ParseFloat("a", "+Inf", 0, 1e300) }, nil, true},
		{"int ok", func() (any, error) { return ParseInt("n", "12", 1, 32) }, 12, false},
		{"int fraction", func() (any, error) { return ParseInt("n", "1.5", 1, 32) }, nil, true},
		{"int range", func() (any, error) { return ParseInt("n", "33", 1, 32) }, nil, true},
		{"bool yes", func() (any, error) { return ParseBool("x", "Yes") }, true, false},
		{"bool 0", func() (any, error) { return ParseBool("x", "0") }, false, false},
		{"bool garbage", func() (any, error) { return ParseBool("x", "maybe") }, nil, true},
		{"choice any case", func() (any, error) { return ParseChoice("opt", "Adam", []string{"sgd", "momentum", "adam"}) }, 2, false},
		{"choice unknown", func() (any, error) { return ParseChoice("opt", "rmsprop", []string{"sgd", "adam"}) }, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			t.Parallel()
			got, err := tt.parse()
			if tt.wantErr {
				var oe *OptionError
				if !errors.As(err, &oe) {
					t.Errorf("got %v, %v; want an *OptionError", got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("got %v, %v; want %v, nil", got, err, tt.want)
			}
		})
	}
}

func TestOptionErrorMessage(t *testing.T) {
	t.Parallel()
	_, err := ParseFloat("lr", "fast", 0, 1)
	want := `option lr="fast": not a number, kept the current value`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func TestSortedKeys(t *testing.T) {
	t.Parallel()
	got := SortedKeys(map[string]string{"b": "", "a": "", "c": ""})
	if len(got) != 3 || got[0] != "a" || got[1] != "b" || got[2] != "c" {
		t.Errorf("SortedKeys = %v, want [a b c]", got)
	}
}

func TestParseFloats(t *testing.T) {
	got, err := ParseFloats("line", " 1, -2.5,3e2 ,0", 4)
	if err != nil || len(got) != 4 || got[0] != 1 || got[1] != -2.5 || got[2] != 300 || got[3] != 0 {
		t.Fatalf("ParseFloats = %v, %v", got, err)
	}
	for _, bad := range []string{"1,2,3", "1,2,3,4,5", "1,x,3,4", "1,NaN,3,4", "1,Inf,3,4", "1,2e7,3,4", ""} {
		var oe *OptionError
		if _, err := ParseFloats("line", bad, 4); !errors.As(err, &oe) || oe.Key != "line" || oe.Value != bad {
			t.Errorf("ParseFloats(%q): error %v, want an OptionError naming line and the value", bad, err)
		}
	}
}

// TestOptionErrorQuotesLongValues: a 1 MiB URL value with newlines and
// terminal escapes makes a one-line message of a few hundred bytes.
func TestOptionErrorQuotesLongValues(t *testing.T) {
	v := "\x1b[2J" + strings.Repeat("9\n", 1<<19)
	_, err := ParseFloat("lr", v, 0, 1)
	msg := err.Error()
	if len(msg) > 400 || strings.ContainsAny(msg, "\n\x1b") || !strings.Contains(msg, `lr="\x1b[2J9\n9\n`) || !strings.Contains(msg, "(1048580 bytes)") {
		t.Errorf("message of %d bytes: %.300q", len(msg), msg)
	}
	_, _, errs := ParseQuery("?" + strings.Repeat("k", 5000) + "=1&scene=" + strings.Repeat("x", 5000))
	for _, e := range errs {
		if len(e.Error()) > 600 {
			t.Errorf("query error of %d bytes", len(e.Error()))
		}
	}
}
