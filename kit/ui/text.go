package ui

import "strings"

// Wrap breaks s into lines no wider than w at font size size (measured with
// Measure), breaking at spaces and at '\n'. A single word wider than w gets
// a line of its own.
func Wrap(s string, w, size float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if line != "" && Measure(try, size) > w {
				lines = append(lines, line)
				line = word
			} else {
				line = try
			}
		}
		lines = append(lines, line)
	}
	return lines
}
