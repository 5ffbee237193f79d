package train

import (
	"fmt"
	"math"
)

// DivergedError says that training blew up: the loss of a sample, or a
// parameter, stopped being a finite number. The session stops; Reset
// recovers.
type DivergedError struct {
	Step    int     // optimiser step at which it was noticed
	Samples int64   // training samples seen
	Loss    float64 // the offending loss (NaN or ±Inf), or the running loss
	LR      float64 // learning rate of that step
	// Param is the index of the first non-finite parameter, or -1 when
	// the loss itself was not finite.
	Param int
	Value float32 // that parameter's value
}

func (e *DivergedError) Error() string {
	what := fmt.Sprintf("loss became %s", fmtNonFinite(e.Loss))
	if e.Param >= 0 {
		what = fmt.Sprintf("parameter %d became %s", e.Param, fmtNonFinite(float64(e.Value)))
	}
	return fmt.Sprintf("train: %s at step %d with η=%.4g: training diverged; start again with a smaller learning rate", what, e.Step, e.LR)
}

func fmtNonFinite(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	return fmt.Sprintf("%g", v)
}

// firstNonFinite returns the index of the first NaN or ±Inf in p, or -1.
func firstNonFinite(p []float32) int {
	for i, v := range p {
		if v-v != 0 { // NaN or Inf; finite v gives exactly 0
			return i
		}
	}
	return -1
}
