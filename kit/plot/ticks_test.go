package plot

import (
	"reflect"
	"testing"
)

func TestNiceStep(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc     string
		span     float64
		maxTicks int
		want     float64
	}{
		{"exact", 10, 5, 2},
		{"rounds up to 5", 7, 2, 5},
		{"small", 0.37, 4, 0.1},
		{"large", 3691, 5, 1000},
		{"zero span", 0, 5, 1},
		{"one tick", 3, 1, 5},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			if got := NiceStep(tc.span, tc.maxTicks); !near(got, tc.want, 1e-12) {
				t.Errorf("NiceStep(%v,%d) = %v, want %v", tc.span, tc.maxTicks, got, tc.want)
			}
		})
	}
}

func TestNiceTicks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		desc     string
		lo, hi   float64
		maxTicks int
		want     []float64
	}{
		{"rounds up to step 1: 2.6/0.5 > 5 intervals", 0.3, 2.9, 5, []float64{1, 2}},
		{"symmetric", -2, 2, 4, []float64{-2, -1, 0, 1, 2}},
		{"offset", 0.3, 2.9, 6, []float64{0.5, 1, 1.5, 2, 2.5}},
		{"swapped", 2, -2, 4, []float64{-2, -1, 0, 1, 2}},
		{"degenerate", 1, 1, 5, nil},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got := NiceTicks(tc.lo, tc.hi, tc.maxTicks)
			if len(got) != len(tc.want) {
				t.Fatalf("NiceTicks(%v,%v,%d) = %v, want %v", tc.lo, tc.hi, tc.maxTicks, got, tc.want)
			}
			for k := range got {
				if !near(got[k], tc.want[k], 1e-12) {
					t.Fatalf("NiceTicks(%v,%v,%d) = %v, want %v", tc.lo, tc.hi, tc.maxTicks, got, tc.want)
				}
			}
		})
	}
	if got := NiceLevels(-2, 2, 4); !reflect.DeepEqual(got, []float64{-1, 0, 1}) {
		t.Errorf("NiceLevels(-2,2,4) = %v, want [-1 0 1] (strictly inside)", got)
	}
}

func TestFormatTick(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v, step float64
		want    string
	}{
		{0.30000000000000004, 0.1, "0.3"},
		{1.5, 0.5, "1.5"},
		{2, 0.5, "2.0"},
		{4000, 1000, "4000"},
		{-0.25, 0.25, "-0.25"},
		{0, 0.1, "0"},
		{1e7, 1e6, "1e+07"},
	}
	for _, tc := range tests {
		if got := FormatTick(tc.v, tc.step); got != tc.want {
			t.Errorf("FormatTick(%v,%v) = %q, want %q", tc.v, tc.step, got, tc.want)
		}
	}
}

func TestFormatLevel(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v    float64
		want string
	}{
		{8.4, "8.4"}, {4000 - 5.9, "3994.1"}, {0.30000000000000004, "0.3"}, {-2, "-2"},
		{22, "22"}, {0, "0"}, {1.23456789, "1.23457"}, {2.5e7, "2.5e+07"},
	}
	for _, tc := range tests {
		if got := FormatLevel(tc.v); got != tc.want {
			t.Errorf("FormatLevel(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
