package cli_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/cmd/htscreen/cli"
	"github.com/htscreen/htscreen/screening/locale"
)

// The help card is for the person to keep: it carries the hotline's phone
// and text numbers and 911, fits a wallet in plain text, never names
// trafficking (it may be found by whoever controls the person), and in
// Spanish shows the Spanish card first with the English one beneath.
func TestHelpCard(t *testing.T) {
	today := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	numbers := []string{"1-888-373-7888", "233733", "911"}
	english := []string{"Help, any time", "Help line", "Call ", "Text ", "Emergency", "Not the police", "24 hours, 7 days", "More than 200 languages"}
	var tests []cardCase
	for _, tt := range []cardCase{
		{"en", "text", "Help, any time\n====="},
		{"en", "markdown", "# Help, any time\n"},
		{"es", "text", "Ayuda, a cualquier hora\n====="},
		{"es", "markdown", "# Ayuda, a cualquier hora\n"},
	} {
		tests = append(tests, tt)
	}
	// Every other language the card is offered in, in both formats; the
	// heading is the language's own.
	for _, lang := range locale.PersonLangs() {
		if lang == "en" || lang == "es" {
			continue
		}
		title := locale.T(lang, "person.helpcard_title")
		require.NotEqual(t, "Help, any time", title, lang)
		head := "# " + title + "\n"
		if locale.RightToLeft(lang) {
			head = `<div dir="rtl" lang="` + lang + `">` + "\n\n" + head
		}
		tests = append(tests, cardCase{lang, "text", title + "\n====="}, cardCase{lang, "markdown", head})
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.output, func(t *testing.T) {
			r := htscreenAt(t, today, "", "card", "--lang", tt.lang, "--output", tt.output)
			require.Equal(t, cli.ExitOK, r.code, r.errOut)
			// The one who prints the card is told, on stderr, when its
			// translation has not been reviewed; the card never says so.
			status := locale.StatusLine("en", tt.lang)
			if status == "" {
				assert.Empty(t, r.errOut)
			} else {
				assert.Equal(t, status+"\n", r.errOut)
				assert.NotContains(t, r.out, status)
			}
			assert.True(t, strings.HasPrefix(r.out, tt.heading), r.out)
			for _, n := range numbers {
				assert.Contains(t, r.out, n)
			}
			low := strings.ToLower(r.out)
			for _, w := range []string{"trafficking", "trata", "traffick"} {
				assert.NotContains(t, low, w, "the card must not name trafficking")
			}
			for _, w := range []string{"HELP", "INFO", "BeFree"} {
				assert.NotContains(t, r.out, w, "no text keyword: the research marks it uncertain")
			}
			if tt.output == "text" {
				for _, l := range strings.Split(r.out, "\n") {
					// Columns, not characters: a Chinese character takes two.
					assert.LessOrEqual(t, runewidth.StringWidth(l), 40, "wider than a wallet card: %q", l)
				}
			}
			if tt.lang == "en" {
				assert.Equal(t, 1, strings.Count(r.out, "Help, any time"), "one card in English")
				return
			}
			// The person's card first, with no English on it; then the
			// English card beneath, with the same numbers.
			at := strings.Index(r.out, "Help, any time")
			require.Positive(t, at, "the English card follows beneath")
			own, en := r.out[:at], r.out[at:]
			for _, w := range english {
				assert.NotContains(t, own, w, "English on the %s card", tt.lang)
				assert.Contains(t, en, w)
			}
			// Lines may be wrapped: compare the words.
			words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
			assert.Contains(t, words(own), locale.T(tt.lang, "person.helpcard_not"))
			for _, n := range numbers {
				assert.Contains(t, own, n)
				assert.Contains(t, en, n)
			}
		})
	}
}

func TestHelpCardUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"card", "--lang", "de"}, `invalid value "de" for --lang; valid values: en, ar, bn, es, fr, ht, ko, pl, ru, ur, zh-Hans, zh-Hant`},
		{[]string{"card", "-o", "json"}, `invalid value "json" for --output; valid values: text, markdown`},
		{[]string{"card", "someone"}, `unknown command "someone" for "htscreen card"`},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := htscreen(t, "", tt.args...)
			assert.Equal(t, cli.ExitUsage, r.code, r.errOut)
			assert.Contains(t, r.errOut, tt.want)
			assert.Empty(t, r.out)
		})
	}
}

// cardCase is one language and format of the help card.
type cardCase struct {
	lang, output string
	heading      string // the card's own heading, first on the card
}

// A card printed from a directory more than a year old still prints, but
// stderr says to check the numbers first: the card itself carries no date.
func TestHelpCardStale(t *testing.T) {
	r := htscreenAt(t, time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC), "", "card")
	require.Equal(t, cli.ExitOK, r.code, r.errOut)
	assert.Contains(t, r.errOut, "WARNING: the contacts were last verified on 2026-11-26")
	assert.NotContains(t, r.out, "WARNING")
}
