// Command wasm is the Digit Lab app, built with GOOS=js GOARCH=wasm.
package main

import (
	"github.com/hajimehoshi/ebiten/v2"
	_ "golang.org/x/image/font/gofont/goregular"
)

func main() { _ = ebiten.RunGame }
