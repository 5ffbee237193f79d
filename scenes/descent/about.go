package descent

// About is the Descent tab's "About this tab" card.
const About = "Descent: gradient descent on the bowl f and ascent on the mountain B (seed 003). " +
	"Try η = 0.1 (straight in), 0.3 (a zig-zag) and 0.4 (it diverges); click the plane to start from there; switch to ascent on B."
