package descent

import (
	"sync"

	"digitlab/kit/ui"
)

// values are the scene's options as URL values.
func (s *Scene) values() map[string]string {
	return map[string]string{
		"fn":    fnKeys[s.Fn.Index],
		"sign":  signKeys[s.Sign.Index],
		"eta":   ui.Num(s.Eta.Value),
		"speed": ui.Num(s.Speed.Value),
		"start": ui.Coords(s.start.X, s.start.Y),
	}
}

var defaults = sync.OnceValue(func() map[string]string { return NewScene().values() })

// Link adds the options that differ from a fresh scene's (ui.Linker). The
// sign and the start follow the function, so they are compared with the
// function's own.
func (s *Scene) Link(q map[string]string) {
	def := defaults()
	if s.Fn.Index != 0 {
		f := NewScene()
		f.chooseFn(s.Fn.Index)
		def = f.values()
	}
	ui.AddChanged(q, s.values(), def)
	if s.Fn.Index != 0 {
		q["fn"] = fnKeys[s.Fn.Index]
	}
}
