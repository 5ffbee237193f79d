package digitsview

import (
	"os"
	"strings"
	"testing"
	"time"

	"digitlab/datasets"
)

// BenchmarkRunToDone trains a preset from Start to the end of its schedule
// the way the trainer worker does — Tick in 20 ms slices, a snapshot every
// 200 ms — and reports the training samples per second of wall time and
// the seconds to done. Under js/wasm on Node it is the baseline the page's
// rate is compared with (./build.sh bench: same code, same schedule,
// without the browser). It runs only with DIGITLAB_RATE=1 (a best run
// takes most of a minute); DIGITLAB_RATE_MODELS picks the presets, comma
// separated (default cnn,mlp10,best). MNIST comes from datasets.MNISTDir
// (DIGITLAB_MNIST_DIR under wasm).
func BenchmarkRunToDone(b *testing.B) {
	if os.Getenv("DIGITLAB_RATE") != "1" {
		b.Skip("set DIGITLAB_RATE=1 (./build.sh bench does)")
	}
	dir, err := datasets.MNISTDir()
	if err != nil {
		b.Skip(err)
	}
	tr, te, err := datasets.LoadMNIST(dir)
	if err != nil {
		b.Fatal(err)
	}
	src := Sources{Train: tr, Test: te}
	models := []string{"cnn", "mlp10", "best"}
	if v := os.Getenv("DIGITLAB_RATE_MODELS"); v != "" {
		models = strings.Split(v, ",")
	}
	for _, model := range models {
		task := TaskOf(model)
		if task == "" {
			b.Fatalf("%s is not a digits preset", model)
		}
		b.Run(model, func(b *testing.B) {
			cfg, err := ForModel(task, model)
			if err != nil {
				b.Fatal(err)
			}
			var samples int64
			var secs float64
			for b.Loop() {
				r := NewRun(cfg)
				r.SetSources(src)
				r.Tick(time.Now()) // builds the model, as the worker's first tick after the data
				var s Snapshot
				r.Start()
				last, weightsAt := time.Now(), time.Now()
				for !r.Finished() {
					r.Tick(time.Now().Add(20 * time.Millisecond))
					if now := time.Now(); now.Sub(last) >= 200*time.Millisecond {
						r.Snapshot(&s, now.Sub(weightsAt) >= 500*time.Millisecond)
						if s.HasWeights {
							weightsAt = now
						}
						s.AppendBinary(nil)
						last = now
					}
					if r.Diverged() != nil || r.BuildErr() != nil {
						b.Fatalf("%s stopped: %v %v", model, r.Diverged(), r.BuildErr())
					}
				}
				secs += r.RunTime().Seconds() // Start to done, as the page's runSecs
				samples += r.Session().Seen()
			}
			b.ReportMetric(float64(samples)/secs, "samples/s")
			b.ReportMetric(secs/float64(b.N), "s/run")
		})
	}
}
