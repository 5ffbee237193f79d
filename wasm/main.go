//go:build js && wasm

// Command wasm is the Digit Lab app, built with GOOS=js GOARCH=wasm and
// drawn with Ebiten on the page's canvas. The scenes are in digits.go,
// landscape.go, descent.go and ring.go; the frame around them in app.go.
package main

import (
	"log"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
)

func main() {
	query := js.Global().Get("location").Get("search").String()
	app := NewApp(query)
	installJSAPI(app)
	app.onFrame1 = notifyStarted
	ebiten.SetWindowTitle("Digit Lab")
	ebiten.SetTPS(ebiten.SyncWithFPS)        // one Update per frame: training gets one budget per frame
	ebiten.SetScreenClearedEveryFrame(false) // App.Draw skips frames where nothing changed
	if err := ebiten.RunGame(app); err != nil {
		log.Print("digitlab: ", err)
	}
}
