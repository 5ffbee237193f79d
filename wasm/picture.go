//go:build js && wasm

package main

import (
	"bytes"
	"image"
	"image/png"

	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/kit/ui"
)

// savePicture downloads the panel p of the screen as a PNG at the
// screen's resolution (device pixels), as the whole frame just drawn has
// it, title included and the PNG button not yet on it. The pixels are read
// here; encoding and the download run in a goroutine, off the frame.
func savePicture(screen *ebiten.Image, p ui.PanelRef) {
	r := deviceRect(p.R).Intersect(screen.Bounds())
	if r.Empty() {
		return
	}
	img := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	screen.SubImage(r).(*ebiten.Image).ReadPixels(img.Pix)
	name := ui.FileName(p.Title)
	pictures <- picture{name, img}
}

type picture struct {
	name string
	img  *image.RGBA
}

// pictures are encoded and downloaded one at a time by encodePictures.
var pictures = make(chan picture, 4)

func init() { go encodePictures() }

func encodePictures() {
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	for p := range pictures {
		var buf bytes.Buffer
		if err := enc.Encode(&buf, p.img); err != nil {
			continue // an RGBA image always encodes
		}
		download(p.name, "image/png", buf.Bytes())
		lastPicture = pictureInfo{Name: p.name, W: p.img.Rect.Dx(), H: p.img.Rect.Dy(), Bytes: buf.Len()}
	}
}

// pictureInfo describes the last picture downloaded (status().lastPicture).
type pictureInfo struct {
	Name        string
	W, H, Bytes int
}

var lastPicture pictureInfo
