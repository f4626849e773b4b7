package terminal

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/stretchr/testify/assert"
)

func TestWrapTextBreaksOnlyAtSpaces(t *testing.T) {
	for _, tt := range []struct {
		in    string
		width int
		want  string
	}{
		{"Call 1-888-373-7888 now please", 14, "Call\n1-888-373-7888\nnow please"},
		{"short", 10, "short"},
		{"a b c d e f", 3, "a b\nc d\ne f"},
		{"The terminal is too small (20 x 10).", 20, "The terminal is too\nsmall (20 x 10)."},
		{"  - Web: https://humantraffickinghotline.org/en/report (24/7)", 50, "  - Web:\n    https://humantraffickinghotline.org/en/report\n    (24/7)"},
		// Fits only without the indent: no indent rather than a cut.
		{"     - NYS: https://dol.ny.gov/unpaid", 26, "     - NYS:\nhttps://dol.ny.gov/unpaid"},
		// Wider than any line: cut, since it cannot fit otherwise.
		{"see https://example.org/a-very-long-path", 20, "see\nhttps://example.org/\na-very-long-path"},
	} {
		got := wrapText(tt.in, tt.width)
		assert.Equal(t, tt.want, got, "%q at %d", tt.in, tt.width)
		for _, line := range strings.Split(got, "\n") {
			assert.LessOrEqual(t, ansi.StringWidth(line), tt.width, "%q", line)
		}
	}
}
