package nn

import "runtime"

// fusesMultiplyAdd reports platforms where the compiler may fuse x*y+z
// into one rounding (arm64, ppc64, s390x, riscv64, amd64 at GOAMD64=v3+
// — the last cannot be told at run time, so set GOAMD64=v1 for the golden
// checksums).
var fusesMultiplyAdd = runtime.GOARCH != "amd64" && runtime.GOARCH != "wasm" && runtime.GOARCH != "386"
