package landscape

// About is the Landscape tab's "About this tab" card.
const About = "Landscape: a ReLU network 2→n→1 is piecewise linear (seed 003) — between its kink lines every unit keeps its on/off state. " +
	"Try: drag a line across the plane and count its segments; raise n and watch the pieces grow like n²/2; add a second layer."
