package regions

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseWidths(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc string
		in   string
		want []int
		msg  string // the error's text after "regions: layers <quoted>: "
	}{
		{"one layer", "8", []int{8}, ""},
		{"two layers", "16,16", []int{16, 16}, ""},
		{"three with spaces", " 6, 6 ,6 ", []int{6, 6, 6}, ""},
		{"the extremes", "1,32", []int{1, 32}, ""},
		{"empty", "", nil, "no widths, want 1 to 3 numbers such as 8,8"},
		{"blank", "  ", nil, "no widths, want 1 to 3 numbers such as 8,8"},
		{"width 0", "8,0", nil, "width 0 is out of 1..32"},
		{"width 33", "33", nil, "width 33 is out of 1..32"},
		{"negative", "-4", nil, "width -4 is out of 1..32"},
		{"huge", "99999999999999999999", nil, `width "99999999999999999999" is out of 1..32`},
		{"4 layers", "8,8,8,8", nil, "4 hidden layers, at most 3"},
		{"garbage", "8,abc", nil, `"abc" is not a whole number`},
		{"a fraction", "2.5", nil, `"2.5" is not a whole number`},
		{"empty item", "8,,8", nil, "an empty width between commas"},
		{"trailing comma", "8,", nil, "an empty width between commas"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			t.Parallel()
			got, err := ParseWidths(tc.in)
			if tc.msg == "" {
				if err != nil || !reflect.DeepEqual(got, tc.want) {
					t.Fatalf("ParseWidths(%q) = %v, %v, want %v", tc.in, got, err, tc.want)
				}
				if CheckWidths(got) != nil {
					t.Fatalf("CheckWidths(%v) = %v", got, CheckWidths(got))
				}
				return
			}
			var we *WidthsError
			if !errors.As(err, &we) {
				t.Fatalf("ParseWidths(%q) error = %v, want a *WidthsError", tc.in, err)
			}
			if we.Input != tc.in || we.Msg != tc.msg {
				t.Errorf("ParseWidths(%q) = {%q, %q}, want message %q", tc.in, we.Input, we.Msg, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), "regions: layers ") || got != nil {
				t.Errorf("ParseWidths(%q) = %v, %q", tc.in, got, err)
			}
		})
	}
}

func TestParseWidthsQuotesSafely(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("7", 70000) + "\x1b[2J"
	_, err := ParseWidths(long)
	if err == nil || len(err.Error()) > 400 || strings.Contains(err.Error(), "\x1b") {
		t.Errorf("error for a 70 KB input with an escape is %d bytes: %.80q", len(err.Error()), err)
	}
	_, err = ParseWidths("8,\nx")
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("error for an input with a newline: %q", err)
	}
}

func TestCheckWidths(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		widths []int
		msg    string
	}{
		{[]int{8, 8}, ""},
		{nil, `regions: layers "": no hidden layer, want 1 to 3`},
		{[]int{1, 2, 3, 4}, `regions: layers "1,2,3,4": 4 hidden layers, at most 3`},
		{[]int{8, 40}, `regions: layers "8,40": width 40 is out of 1..32`},
	} {
		err := CheckWidths(tc.widths)
		if got := ""; err != nil {
			got = err.Error()
			if got != tc.msg {
				t.Errorf("CheckWidths(%v) = %q, want %q", tc.widths, got, tc.msg)
			}
		} else if tc.msg != "" {
			t.Errorf("CheckWidths(%v) = nil, want %q", tc.widths, tc.msg)
		}
	}
}
