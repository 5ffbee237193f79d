//go:build gofont

package main

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text" //nolint:staticcheck // text/v2 needs go-text/typesetting, not in go.mod
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

// The Go fonts, rasterised at device resolution. Needs golang.org/x/text in
// go.mod (x/image/font/sfnt imports it): build with -tags gofont.

var fontSources [3]*opentype.Font

func init() {
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF, gomono.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			panic("wasm: parsing a Go font: " + err.Error())
		}
		fontSources[i] = f
	}
}

type faceKey struct {
	font Font
	size float64 // device pixels, rounded to 1/4
}

var faces = map[faceKey]font.Face{}

// face returns the cached face of f at size device pixels.
func face(f Font, size float64) font.Face {
	k := faceKey{f, math.Round(size*4) / 4}
	if fc, ok := faces[k]; ok {
		return fc
	}
	fc, err := opentype.NewFace(fontSources[f], &opentype.FaceOptions{Size: k.size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic("wasm: making a font face: " + err.Error())
	}
	faces[k] = fc
	return fc
}

// measureDev is the advance of s at size device pixels, in device pixels.
func measureDev(s string, size float64, f Font) float64 {
	return float64(font.MeasureString(face(f, size), s)) / 64
}

// metricsDev returns the ascent and cap height at size device pixels.
func metricsDev(size float64, f Font) (ascent, capHeight float64) {
	m := face(f, size).Metrics()
	ascent, capHeight = float64(m.Ascent)/64, float64(m.CapHeight)/64
	if capHeight <= 0 {
		capHeight = ascent * 0.7
	}
	return ascent, capHeight
}

// drawLineDev draws s with its baseline origin at device (x, y).
func drawLineDev(dst *ebiten.Image, s string, x, y, size float64, f Font, c color.Color) {
	text.Draw(dst, s, face(f, size), int(x), int(y), c)
}
