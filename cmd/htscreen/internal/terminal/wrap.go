package terminal

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// wrapText wraps plain text to width columns at spaces only, so that a web
// address, a phone number such as 1-888-373-7888 or a hyphenated word is
// never split where it need not be (lipgloss.Wrap also breaks at hyphens).
// A word wider than the whole line is cut, since it cannot fit otherwise.
// Continuation lines keep the line's indent, and a list item's text lines
// up after its "- ".
func wrapText(s string, width int) string {
	if width < 1 {
		return s
	}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, wrapLine(line, width)...)
	}
	return strings.Join(out, "\n")
}

func wrapLine(line string, width int) []string {
	if ansi.StringWidth(line) <= width {
		return []string{line}
	}
	body := strings.TrimLeft(line, " ")
	indent := line[:len(line)-len(body)]
	hang := indent
	if strings.HasPrefix(body, "- ") || strings.HasPrefix(body, "* ") {
		hang += "  "
	}
	if len(hang) > width/2 {
		indent, hang = "", ""
	}
	var lines []string
	cur, lead := indent, indent
	for _, word := range strings.Fields(body) {
		switch {
		case cur == lead:
			cur += word
		case ansi.StringWidth(cur)+1+ansi.StringWidth(word) <= width:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur, lead = hang+word, hang
			if ansi.StringWidth(cur) > width && ansi.StringWidth(word) <= width {
				// Rather no indent than a cut word.
				cur, lead = word, ""
			}
		}
		// A word too long for any line is cut at the width.
		for ansi.StringWidth(cur) > width {
			lines = append(lines, ansi.Truncate(cur, width, ""))
			cur = hang + ansi.TruncateLeft(cur, width, "")
			lead = hang
		}
	}
	return append(lines, cur)
}
