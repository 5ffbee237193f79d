package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/ui"
)

// Landscape shows Φ: R² → R of a 2→n→1 ReLU network with its kink lines
// (stub: controls only; the landscape helper replaces this file).
type Landscape struct {
	NoRun
	n       ui.Slider
	example ui.Toggle

	controls, content ui.Rect
}

// NewLandscape returns the Landscape scene.
func NewLandscape() *Landscape {
	return &Landscape{
		n: ui.Slider{Label: "hidden units n", Min: 1, Max: 32, Step: 1, Value: 3, Format: "%.0f",
			Tip: "Number of ReLU units in the hidden layer: each adds one kink line"},
		example: ui.Toggle{Label: "the seed's example", On: true,
			Tip: "W1=[[1,-1],[2,0],[-1,2]], b1=[0,1,-1], W2=[1,-2,1]: Φ(1,-1) = -4"},
	}
}

func (l *Landscape) Name() string  { return "landscape" }
func (l *Landscape) Title() string { return "Landscape" }

func (l *Landscape) Update(ctx *Context) error {
	l.controls, l.content = sidebar(ctx.Area)
	col := ui.NewColumn(panelContent(l.controls, "Network 2 → n → 1"), ui.Gap)
	l.n.Rect = col.Next(l.n.Height())
	l.example.Rect = col.Next(ui.RowH)
	l.n.Update(ctx.In)
	l.example.Update(ctx.In)
	return nil
}

func (l *Landscape) Draw(screen *ebiten.Image) {
	drawPanel(screen, l.controls, "Network 2 → n → 1")
	drawSlider(screen, &l.n)
	drawToggle(screen, &l.example)
	in := drawPanel(screen, l.content, "Landscape — a ReLU network is piecewise linear")
	drawText(screen, "Φ(x₁, x₂) as a heatmap with its kink lines appears here.", in.X, in.Y+4, sizeBody, FontRegular, colMuted, AlignStart)
}

func (l *Landscape) Status() map[string]any {
	return map[string]any{"n": int(l.n.Value), "example": l.example.On}
}

func (l *Landscape) Set(opts map[string]string) []error {
	var errs []error
	for _, k := range ui.SortedKeys(opts) {
		v := opts[k]
		switch k {
		case "n":
			x, err := ui.ParseInt(k, v, 1, 32)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			l.n.Value = float64(x)
		case "example":
			b, err := ui.ParseBool(k, v)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			l.example.On = b
		default:
			errs = append(errs, ui.UnknownKey("landscape", k, v, []string{"n", "example"}))
		}
	}
	return errs
}
