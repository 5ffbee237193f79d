//go:build js && wasm

package main

import (
	"bytes"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
)

// Text is set in the Go fonts with Ebiten's text/v2, rasterised at device
// resolution (sizes here are in device pixels; draw.go converts).

var fontSources [3]*text.GoTextFaceSource

func init() {
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF, gomono.TTF} {
		src, err := text.NewGoTextFaceSource(bytes.NewReader(ttf))
		if err != nil {
			panic("wasm: parsing a Go font: " + err.Error())
		}
		fontSources[i] = src
	}
}

type faceKey struct {
	font Font
	size float64 // device pixels, rounded to 1/4
}

var faces = map[faceKey]*text.GoTextFace{}

// face returns the cached face of f at size device pixels.
func face(f Font, size float64) *text.GoTextFace {
	k := faceKey{f, math.Round(size*4) / 4}
	if fc, ok := faces[k]; ok {
		return fc
	}
	fc := &text.GoTextFace{Source: fontSources[f], Size: k.size}
	faces[k] = fc
	return fc
}

// measureDev is the advance of s at size device pixels, in device pixels.
func measureDev(s string, size float64, f Font) float64 {
	return text.Advance(s, face(f, size))
}

// metricsDev returns the ascent and cap height at size device pixels.
func metricsDev(size float64, f Font) (ascent, capHeight float64) {
	m := face(f, size).Metrics()
	ascent, capHeight = m.HAscent, m.CapHeight
	if capHeight <= 0 {
		capHeight = ascent * 0.7
	}
	return ascent, capHeight
}

// drawLineDev draws s with its baseline origin at device (x, y).
func drawLineDev(dst *ebiten.Image, s string, x, y, size float64, f Font, c color.Color) {
	fc := face(f, size)
	op := &text.DrawOptions{}
	op.GeoM.Translate(x, y-fc.Metrics().HAscent)
	op.ColorScale.ScaleWithColor(c)
	text.Draw(dst, s, fc, op)
}
