//go:build !(js && wasm)

// Command trainer hosts the Digits run in a Web Worker: a small wasm
// program without Ebiten that loads the data, trains and posts snapshots
// to the page (see main.go). It only runs in a browser; build it with
// GOOS=js GOARCH=wasm (./build.sh does).
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "trainer: runs in a browser's Web Worker; build it with GOOS=js GOARCH=wasm (./build.sh)")
	os.Exit(2)
}
