package ring

// About is the Ring tab's "About this tab" card.
const About = "Ring: a 2→4→3→1 ReLU network built by hand detects a ring between two circles (seed 003); then the same problem is learned. " +
	"Try: compare the diamond it draws with the true ring; Start to learn it; then try a wider network (2-8-8-1)."
