package digitsview

// About is the Digits tab's "About this tab" card.
const About = "Digits trains the course's networks on handwritten digits: 4 vs 9 (seed 000), ten digits (001, 002), the 8×8 digits (003). " +
	"Try: Start; then the views — the weights, the mistakes, the confusion matrix, inside the network; draw your own digits in Draw; race models side by side."
