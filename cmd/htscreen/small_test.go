package main

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var spaces = regexp.MustCompile(`\s+`)

// flat is the screen's text with the form's border and line breaks gone,
// so that a sentence wrapped over several lines is found whole.
func flat(screen string) string {
	return strings.TrimSpace(spaces.ReplaceAllString(strings.ReplaceAll(screen, "┃", " "), " "))
}

// In a small window the page drops its introduction and the note for the
// screener before anything that is needed to answer: at 40 x 15 question 1
// shows its answers and its key help, at the 40 x 12 minimum the question
// is never cut, and below it the message fits.
func TestFullScreenSmallWindows(t *testing.T) {
	asked, _ := path(t, "labor")
	first := "Your observation: " + asked[0].Text.In("en")
	for _, size := range [][2]int{{40, 15}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p := startPaneWith(t, paneOpts{width: size[0], height: size[1]}, binary, "screen", "labor", "--role", "police", "--region", "nyc")
			p.begin()
			p.waitFor("Triage: question 1 (")
			screen := p.screen()
			assert.Contains(t, flat(screen), first, "the whole question")
			for _, answer := range []string{"> Yes", "No", "Not sure"} {
				assert.Contains(t, screen, answer, "every answer")
			}
			assert.Contains(t, screen, "enter submit", "the form's key help")
			assert.Contains(t, flat(screen), "Esc: leave now, nothing is kept", "the way out")
			for _, line := range strings.Split(screen, "\n") {
				assert.LessOrEqual(t, len([]rune(line)), size[0])
			}
			p.keys("Escape")
			assert.Equal(t, 130, p.exited())
		})
	}
	t.Run("20x10", func(t *testing.T) {
		p := startPaneWith(t, paneOpts{width: 20, height: 10}, binary, "screen", "labor", "--role", "police", "--region", "nyc")
		p.waitFor("has been kept.")
		assert.Contains(t, flat(p.screen()), "The terminal is too small (20 x 10). Make it at least 40 x 12, or press Esc to leave. Nothing has been kept.")
		p.keys("Escape")
		assert.Equal(t, 130, p.exited())
	})
}

// The checklist is a reminder the screener confirms: with nothing ticked,
// Enter says what to do instead of going on without a word.
func TestFullScreenChecklistNeedsATick(t *testing.T) {
	p := startPane(t, "screen", "labor", "--role", "police", "--region", "nyc")
	p.waitFor("Before you begin")
	assert.NotContains(t, p.screen(), "Tick what is true first", "no complaint before the first Enter")
	p.keys("Enter")
	p.waitFor("Tick what is true first")
	assert.Contains(t, flat(p.screen()), "Not alone with the person, or no professional interpreter when one is needed: do not begin")
	assert.NotContains(t, p.screen(), "question 1 (")
	p.keys("x", "Enter")
	p.waitFor("Triage: question 1 (")
	p.keys("Escape")
	assert.Equal(t, 130, p.exited())
}

// Shift+Tab on the first question goes back to the region, then the role,
// when the first screen asked for them.
func TestFullScreenBackToRoleAndRegion(t *testing.T) {
	asked, _ := path(t, "labor")
	p := startPane(t, "screen", "labor")
	p.begin()
	p.waitFor("Which best describes you?")
	p.keys("Down")
	p.waitFor("> Shelter")
	p.keys("Enter")
	p.waitFor("Where are you?")
	p.keys("Enter")
	p.waitFor(snippet(asked[0]))
	p.keys("BTab")
	p.waitFor("Where are you?")
	p.keys("BTab")
	p.waitFor("Which best describes you?")
	assert.Contains(t, p.screen(), "> Shelter", "the role chosen before is kept")
	p.keys("Enter")
	p.waitFor("Where are you?")
	p.keys("Enter")
	p.waitFor(snippet(asked[0]))
	p.keys("Escape")
	assert.Equal(t, 130, p.exited())
}

// The result view wraps at spaces: a phone number or a web address is
// never split across lines where it fits on one (lipgloss.Wrap broke them
// at hyphens).
func TestFullScreenResultWrapsAtSpaces(t *testing.T) {
	asked, answers := path(t, "labor")
	text := runBinary(t, "", "screen", "labor", "--full", "--role", "police", "--region", "nyc", "--answers", writeYAML(t, answers))
	require.Equal(t, 0, text.code, text.errOut)
	tokens := regexp.MustCompile(`https?://[^\s;,]+|\b[0-9]-[0-9]{3}-[0-9]{3}-[0-9]{4}\b|\b[0-9]{3}-[0-9]{3}-[0-9]{4}\b`).FindAllString(text.out, -1)
	require.NotEmpty(t, tokens)

	p := startPaneWith(t, paneOpts{width: 55, height: 600}, binary, "screen", "labor", "--full", "--role", "police", "--region", "nyc")
	p.begin()
	for _, qu := range asked {
		p.waitFor(snippet(qu))
		p.second(qu)
	}
	p.waitFor("q: close")
	screen := p.screen()
	require.Contains(t, screen, "National Human Trafficking Hotline")
	lines := strings.Split(screen, "\n")
	for _, want := range tokens {
		if len(want) > 55 {
			continue
		}
		found := false
		for _, line := range lines {
			found = found || strings.Contains(line, want)
		}
		assert.True(t, found, "%s is on one line", want)
	}
	for _, line := range lines {
		assert.LessOrEqual(t, len([]rune(line)), 55)
	}
	p.keys("q")
	assert.Equal(t, 0, p.exited())
}
