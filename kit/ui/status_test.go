package ui

import (
	"encoding/json"
	"errors"
	"math"
	"testing"
)

func TestCleanMakesJSON(t *testing.T) {
	t.Parallel()
	in := map[string]any{
		"nan":   math.NaN(),
		"inf":   math.Inf(-1),
		"f32":   float32(0.5),
		"n64":   int64(7),
		"curve": []float64{1, math.NaN(), 2},
		"w":     []float32{float32(math.Inf(1)), 3},
		"err":   errors.New("boom"),
		"inner": map[string]any{"x": math.NaN()},
		"ok":    true,
		"none":  nil,
	}
	b, err := json.Marshal(Clean(in))
	if err != nil {
		t.Fatalf("json.Marshal(Clean(...)) failed: %v", err)
	}
	want := `{"curve":[1,null,2],"err":"boom","f32":0.5,"inf":null,"inner":{"x":null},"n64":7,"nan":null,"none":null,"ok":true,"w":[null,3]}`
	if string(b) != want {
		t.Errorf("Clean gave %s, want %s", b, want)
	}
}
