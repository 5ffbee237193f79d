//go:build js && wasm

package main

import (
	"image/color"

	"digitlab/ui"
)

// Theme colours: a light theme that survives a classroom projector.
var (
	colBg       = color.RGBA{0xf3, 0xf4, 0xf7, 0xff} // window background
	colPanel    = color.RGBA{0xff, 0xff, 0xff, 0xff} // panels, plots
	colBorder   = color.RGBA{0xd3, 0xd8, 0xe0, 0xff} // panel and widget outlines
	colText     = color.RGBA{0x1c, 0x22, 0x2e, 0xff} // body text
	colMuted    = color.RGBA{0x5d, 0x66, 0x78, 0xff} // captions, labels, axis ticks
	colAccent   = color.RGBA{0x2b, 0x6c, 0xdc, 0xff} // selection, knob, primary actions, "train" curves
	colAccent2  = color.RGBA{0xe0, 0x71, 0x24, 0xff} // second series ("test" curves), highlights
	colGood     = color.RGBA{0x24, 0x95, 0x57, 0xff} // correct, converged, z ≥ 0
	colBad      = color.RGBA{0xcc, 0x3d, 0x33, 0xff} // wrong, diverged, errors
	colHover    = color.RGBA{0xe6, 0xee, 0xfc, 0xff} // hovered widget background
	colPressed  = color.RGBA{0xcf, 0xdc, 0xf7, 0xff} // pressed widget background
	colTrack    = color.RGBA{0xc9, 0xcf, 0xd9, 0xff} // slider track, toggle off
	colDisabled = color.RGBA{0xa8, 0xae, 0xb8, 0xff} // disabled text
	colTipBg    = color.RGBA{0x26, 0x2b, 0x36, 0xf0} // tooltip background
	colTipText  = color.RGBA{0xf5, 0xf6, 0xf8, 0xff} // tooltip text
	colBannerBg = color.RGBA{0xfd, 0xec, 0xea, 0xff} // error banner background
)

// Font sizes in logical pixels (re-exported from ui so layout and drawing agree).
const (
	sizeBody  = ui.FontSize
	sizeSmall = ui.SmallSize
	sizeTitle = ui.TitleSize
)

// Font is one of the Go fonts.
type Font uint8

const (
	FontRegular Font = iota
	FontBold
	FontMono
)

func init() {
	ui.Measure = func(s string, size float64) float64 { return textWidth(s, size, FontRegular) }
}

// textWidth is the advance of s in logical pixels.
func textWidth(s string, size float64, f Font) float64 {
	return measureDev(s, size*dpr, f) / dpr
}
