package ui

import (
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		w, h  int
		touch bool
		want  Device
	}{
		{1280, 800, false, Desktop}, {1024, 640, false, Desktop},
		{1024, 640, true, Tablet}, {768, 1024, true, Tablet}, {1366, 1024, true, Tablet},
		{390, 844, true, Phone}, {844, 390, true, Phone}, // a phone upright and sideways
		{600, 900, false, Phone},   // a narrow window: laid out as a phone's
		{844, 390, false, Desktop}, // a short desktop window is still one
		{699, 800, false, Phone}, {700, 800, false, Desktop},
	} {
		if got := Classify(c.w, c.h, c.touch); got != c.want {
			t.Errorf("Classify(%d, %d, touch %v) = %s, want %s", c.w, c.h, c.touch, got, c.want)
		}
	}
}

func TestBarHint(t *testing.T) {
	t.Parallel()
	if h := BarHint(false); !strings.Contains(h, "space start/pause") {
		t.Errorf("desktop hint %q names no keys", h)
	}
	if h := BarHint(true); strings.Contains(h, "space") || strings.Contains(h, "1-4") || !strings.Contains(h, "tap") {
		t.Errorf("touch hint %q: keys, or no tap", h)
	}
}
