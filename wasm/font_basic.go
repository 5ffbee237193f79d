//go:build !gofont

package main

import (
	"image/color"
	"unicode/utf8"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text" //nolint:staticcheck // text/v2 needs go-text/typesetting, not in go.mod
	"golang.org/x/image/font/basicfont"
)

// Fallback text: x/image's 7×13 bitmap font scaled to the size asked for,
// used until golang.org/x/text is in go.mod (the Go TrueType fonts need it;
// then build with -tags gofont). Bold is drawn twice, one pixel apart.

const basicH = 13.0 // the bitmap font's line height in pixels

func basicScale(size float64) float64 { return size / 11 }

// measureDev is the advance of s at size device pixels, in device pixels.
func measureDev(s string, size float64, f Font) float64 {
	return float64(utf8.RuneCountInString(s)) * 7 * basicScale(size)
}

// metricsDev returns the ascent and cap height at size device pixels.
func metricsDev(size float64, f Font) (ascent, capHeight float64) {
	sc := basicScale(size)
	return 11 * sc, 9 * sc
}

// drawLineDev draws s with its baseline origin at device (x, y).
func drawLineDev(dst *ebiten.Image, s string, x, y, size float64, f Font, c color.Color) {
	sc := basicScale(size)
	op := &ebiten.DrawImageOptions{}
	op.GeoM.Scale(sc, sc)
	op.GeoM.Translate(x, y)
	op.ColorScale.ScaleWithColor(c)
	op.Filter = ebiten.FilterLinear
	text.DrawWithOptions(dst, s, basicfont.Face7x13, op)
	if f == FontBold {
		op.GeoM.Translate(sc*0.8, 0)
		text.DrawWithOptions(dst, s, basicfont.Face7x13, op)
	}
}
