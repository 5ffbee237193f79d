//go:build js && wasm

package main

import (
	"digitlab/kit/paint"
	"digitlab/kit/ui"
)

// Theme colours (paint's).
var (
	colBg       = paint.Background
	colPanel    = paint.Card
	colBorder   = paint.Border
	colText     = paint.Ink
	colMuted    = paint.Muted
	colAccent   = paint.Accent
	colAccent2  = paint.Accent2
	colGood     = paint.Good
	colBad      = paint.Bad
	colHover    = paint.HoverBg
	colPressed  = paint.PressedBg
	colTrack    = paint.Track
	colDisabled = paint.Disabled
	colTipBg    = paint.TipBg
	colTipText  = paint.TipInk
)

// Font sizes in logical pixels (re-exported from ui so layout and drawing agree).
const (
	sizeBody  = ui.FontSize
	sizeSmall = ui.SmallSize
)

// Font is one of the Go fonts.
type Font = paint.Font

const (
	FontRegular = paint.Regular
	FontBold    = paint.Bold
	FontMono    = paint.Mono
)

func init() {
	ui.Measure = func(s string, size float64) float64 { return textWidth(s, size, FontRegular) }
	paint.Measure = textWidth
}

// textWidth is the advance of s in logical pixels.
func textWidth(s string, size float64, f Font) float64 {
	return measureDev(s, size*dpr, f) / dpr
}
