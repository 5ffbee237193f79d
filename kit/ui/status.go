package ui

import (
	"fmt"
	"math"
)

// Clean turns a status value into plain data that JSON and JavaScript
// accept: NaN and ±Inf become nil (null), float32 and integer kinds become
// float64 or int, slices become []any, errors their message, anything else
// its fmt.Sprint text. map[string]any is cleaned recursively.
func Clean(v any) any {
	switch x := v.(type) {
	case nil, bool, string, int:
		return x
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return x
	case float32:
		return Clean(float64(x))
	case int64:
		return int(x)
	case int32:
		return int(x)
	case uint8:
		return int(x)
	case error:
		return x.Error()
	case []float64:
		return cleanSlice(len(x), func(i int) any { return x[i] })
	case []float32:
		return cleanSlice(len(x), func(i int) any { return x[i] })
	case []int:
		return cleanSlice(len(x), func(i int) any { return x[i] })
	case []string:
		return cleanSlice(len(x), func(i int) any { return x[i] })
	case []any:
		return cleanSlice(len(x), func(i int) any { return x[i] })
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = Clean(e)
		}
		return out
	default:
		return fmt.Sprint(x)
	}
}

func cleanSlice(n int, at func(int) any) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = Clean(at(i))
	}
	return out
}
