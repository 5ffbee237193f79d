package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/ui"
)

// Descent runs gradient descent/ascent on the seed's 2-D functions (stub:
// controls only; the descent helper replaces this file).
type Descent struct {
	NoRun
	fn  ui.Choice
	eta ui.Slider

	controls, content ui.Rect
}

var descentFns = []string{"bowl", "mountain"}

// NewDescent returns the Descent scene.
func NewDescent() *Descent {
	return &Descent{
		fn: ui.Choice{Label: "function", Options: []string{"f (descent)", "B (ascent)"},
			Tips: []string{"f(x,y) = 3(x−1)² + y² + 4: walk downhill to the minimum (1, 0)",
				"B(x,y) = 4000 − 3(x−10)² − (y−3)²: climb to the top (10, 3)"}},
		eta: ui.Slider{Label: "learning rate η", Min: 0.01, Max: 0.5, Step: 0.01, Value: 0.1,
			Tip: "Step size: small converges slowly, near 1/3 oscillates, above diverges"},
	}
}

func (d *Descent) Name() string  { return "descent" }
func (d *Descent) Title() string { return "Descent" }

func (d *Descent) Update(ctx *Context) error {
	d.controls, d.content = sidebar(ctx.Area)
	col := ui.NewColumn(panelContent(d.controls, "Gradient descent"), ui.Gap)
	d.fn.Rect = col.Next(d.fn.Height())
	d.eta.Rect = col.Next(d.eta.Height())
	d.fn.Update(ctx.In)
	d.eta.Update(ctx.In)
	return nil
}

func (d *Descent) Draw(screen *ebiten.Image) {
	drawPanel(screen, d.controls, "Gradient descent")
	drawChoice(screen, &d.fn)
	drawSlider(screen, &d.eta)
	in := drawPanel(screen, d.content, "Descent — follow the gradient")
	drawText(screen, "Level curves, the gradient arrow and the path appear here.", in.X, in.Y+4, sizeBody, FontRegular, colMuted, AlignStart)
}

func (d *Descent) Status() map[string]any {
	return map[string]any{"fn": descentFns[d.fn.Index], "eta": d.eta.Value}
}

func (d *Descent) Set(opts map[string]string) []error {
	var errs []error
	for _, k := range ui.SortedKeys(opts) {
		v := opts[k]
		switch k {
		case "fn":
			i, err := ui.ParseChoice(k, v, descentFns)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			d.fn.Index = i
		case "eta":
			x, err := ui.ParseFloat(k, v, d.eta.Min, d.eta.Max)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			d.eta.Value = x
		default:
			errs = append(errs, ui.UnknownKey("descent", k, v, []string{"fn", "eta"}))
		}
	}
	return errs
}
