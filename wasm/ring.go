package main

import (
	"github.com/hajimehoshi/ebiten/v2"

	"digitlab/ui"
)

// Ring is the hand-designed 2→4→3→1 ReLU ring detector (stub: controls only;
// the ring helper replaces this file).
type Ring struct {
	NoRun
	a, b ui.Slider

	controls, content ui.Rect
}

// NewRing returns the Ring scene with the seed's a = 1, b = 2.
func NewRing() *Ring {
	return &Ring{
		a: ui.Slider{Label: "inner radius a", Min: 0.1, Max: 3, Step: 0.05, Value: 1, Format: "%.2f",
			Tip: "The detector fires for a ≤ |x₁|+|x₂| ≤ b"},
		b: ui.Slider{Label: "outer radius b", Min: 0.2, Max: 4, Step: 0.05, Value: 2, Format: "%.2f",
			Tip: "The detector fires for a ≤ |x₁|+|x₂| ≤ b"},
	}
}

func (r *Ring) Name() string  { return "ring" }
func (r *Ring) Title() string { return "Ring" }

func (r *Ring) Update(ctx *Context) error {
	r.controls, r.content = sidebar(ctx.Area)
	col := ui.NewColumn(panelContent(r.controls, "Designed detector"), ui.Gap)
	r.a.Rect = col.Next(r.a.Height())
	r.b.Rect = col.Next(r.b.Height())
	r.a.Update(ctx.In)
	r.b.Update(ctx.In)
	return nil
}

func (r *Ring) Draw(screen *ebiten.Image) {
	drawPanel(screen, r.controls, "Designed detector")
	drawSlider(screen, &r.a)
	drawSlider(screen, &r.b)
	in := drawPanel(screen, r.content, "Ring — a ReLU network built by hand")
	drawText(screen, "The region z ≥ 0 against the circular ring appears here.", in.X, in.Y+4, sizeBody, FontRegular, colMuted, AlignStart)
}

func (r *Ring) Status() map[string]any {
	return map[string]any{"a": r.a.Value, "b": r.b.Value}
}

func (r *Ring) Set(opts map[string]string) []error {
	var errs []error
	for _, k := range ui.SortedKeys(opts) {
		v := opts[k]
		switch k {
		case "a", "b":
			s := &r.a
			if k == "b" {
				s = &r.b
			}
			x, err := ui.ParseFloat(k, v, s.Min, s.Max)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			s.Value = x
		default:
			errs = append(errs, ui.UnknownKey("ring", k, v, []string{"a", "b"}))
		}
	}
	return errs
}
