package main

import (
	"fmt"
	"strings"
	"time"

	"digitlab/experiments"
)

// bar draws progress on stderr: one redrawn line on a terminal, a plain
// line every 10% (or 10 s) otherwise.
type bar struct {
	e         env
	start     time.Time
	lastPlain time.Time
	lastFrac  float64
	lastDraw  time.Time
	drawn     bool
}

func newBar(e env) *bar { return &bar{e: e, start: e.now(), lastFrac: -1} }

const barWidth = 30

func (b *bar) update(s experiments.Status) {
	now := b.e.now()
	el := now.Sub(b.start)
	eta := "?"
	if s.Frac > 0.01 {
		eta = fmtDur(time.Duration(float64(el) * (1 - s.Frac) / s.Frac))
	}
	if b.e.isTerm {
		if now.Sub(b.lastDraw) < 100*time.Millisecond && s.Frac < 1 {
			return
		}
		b.lastDraw = now
		n := int(s.Frac * barWidth)
		fmt.Fprintf(b.e.stderr, "\r%s [%s%s] %3.0f%%  %7.0f samples/s  ETA %s  %-12s", s.Experiment,
			strings.Repeat("█", n), strings.Repeat("·", barWidth-n), 100*s.Frac, s.Rate, eta, s.Model)
		b.drawn = true
		return
	}
	if s.Frac-b.lastFrac < 0.1 && now.Sub(b.lastPlain) < 10*time.Second && s.Frac < 1 {
		return
	}
	b.lastFrac, b.lastPlain = s.Frac, now
	fmt.Fprintf(b.e.stderr, "%s: %3.0f%%  %.0f samples/s  ETA %s  (%s)\n", s.Experiment, 100*s.Frac, s.Rate, eta, s.Model)
}

// finishBar ends the progress line on a terminal.
func finishBar(e env) {
	if e.isTerm {
		fmt.Fprintln(e.stderr)
	}
}

func fmtDur(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
