// Package experiments reproduces the experiments of the course documents
// ("seeds") headless: each is a function that takes a Config and returns
// a Table in the seed's format (Model | Training Acc | Training Loss |
// Testing Acc | Testing Loss) beside the figures the seed reports.
//
//	d := experiments.NewData()          // finds and loads MNIST / 8×8 digits lazily
//	tab, err := experiments.Table000(d, experiments.Config{Seed: 42})
//	fmt.Print(tab)
//
// The experiments by name (All, ByName): table000, stress000 and
// linear000 (seed 000, digits 4 vs 9), mlp10 (001), cnn10 and cnn10-tanh
// (002), digits64 (003). RunModel trains one preset with options of the
// user's choosing. Training goes through train.Session, so the numbers are
// the ones the page would get with the same settings.
package experiments
