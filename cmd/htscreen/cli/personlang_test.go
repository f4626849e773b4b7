package cli_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/cmd/htscreen/cli"
	"github.com/htscreen/htscreen/questionnaires"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// With --person-lang, a question put to the person reads in their language
// with the screener's beneath it; what the screener observes, the notes and
// the result stay in the screener's language.
func TestScreenPersonLangLineByLine(t *testing.T) {
	set, err := q.Load(questionnaires.FS(), q.Options{})
	require.NoError(t, err)
	person := set.Question("danger_now")
	observation := set.Question("obs_urgent_injury")
	require.Equal(t, q.Person, person.AskedOf)
	require.Equal(t, q.Screener, observation.AskedOf)
	// The second answer of every question: "no", an adult, the second box.
	stdin := strings.Repeat("2\n", 40)

	tests := []struct {
		name        string
		args        []string
		bilingual   bool
		draftNotice bool
	}{
		{"spanish for the person, english for the screener", []string{"--person-lang", "es", "--lang", "en"}, true, true},
		{"english for the person, spanish for the screener", []string{"--person-lang", "en", "--lang", "es"}, true, true},
		{"the same language shows everything once", []string{"--person-lang", "en", "--lang", "en"}, false, false},
		{"no person language shows everything once", []string{"--lang", "en"}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"screen", "triage", "--role", "police"}, tt.args...)
			r := htscreen(t, stdin, args...)
			require.Equal(t, 0, r.code, r.errOut)
			lang, personLang := "en", "en"
			for i, a := range args {
				switch a {
				case "--lang":
					lang = args[i+1]
				case "--person-lang":
					personLang = args[i+1]
				}
			}
			ask := locale.T(lang, "ask_person", person.Text.In(personLang))
			if !tt.bilingual {
				// Exactly today's output: the question once, no card.
				assert.Contains(t, r.errOut, ask+"\n"+locale.T(lang, "hint", person.Hint.In(lang)))
				assert.NotContains(t, r.errOut, locale.T(lang, "person_card_show"))
				assert.NotContains(t, r.errOut, " / ")
				return
			}
			assert.Contains(t, r.errOut, ask+"\n  "+person.Text.In(lang)+"\n", "the person's language first, the screener's beneath")
			assert.Contains(t, r.errOut, "  1. "+person.AnswerText("yes", personLang)+" / "+person.AnswerText("yes", lang)+"\n")
			assert.Contains(t, r.errOut, "  2. No\n", "an answer that reads the same in both is shown once")
			assert.Contains(t, r.errOut, locale.T(lang, "hint", person.Hint.In(lang)), "the note stays in the screener's language")
			assert.NotContains(t, r.errOut, person.Hint.In(personLang))

			obs := locale.T(lang, "ask_screener", observation.Text.In(lang)) + "\n" + locale.T(lang, "hint", observation.Hint.In(lang))
			assert.Contains(t, r.errOut, obs, "an observation is the screener's alone")
			assert.NotContains(t, r.errOut, observation.Text.In(personLang))

			card := locale.T(personLang, "person.card") + "\n" + locale.T(lang, "person.card")
			assert.Contains(t, r.errOut, locale.T(lang, "person_card_show")+"\n"+card, "the card for the person comes first")
			assert.Less(t, strings.Index(r.errOut, card), strings.Index(r.errOut, ask))
			// Spanish, the screener's or the person's, is not reviewed yet.
			notice := locale.StatusLine(lang, "es")
			require.NotEmpty(t, notice)
			if tt.draftNotice {
				assert.Contains(t, r.errOut, notice, "the screener is told a translation in use is not reviewed")
			} else {
				assert.NotContains(t, r.errOut, notice, "English is the source")
			}

			assert.Contains(t, r.out, locale.T(lang, "report_title"))
			for _, key := range []string{"report_title", "red_flags", "forms", "guidance"} {
				assert.NotContains(t, r.out, locale.T(personLang, key), "the result is the screener's alone")
			}
		})
	}
}

// train --person-lang practises the same two-language screening.
func TestTrainPersonLangLineByLine(t *testing.T) {
	set, err := q.Load(questionnaires.FS(), q.Options{})
	require.NoError(t, err)
	person, observation := set.Question("danger_now"), set.Question("obs_urgent_injury")
	// Two answers, then the input ends: enough to see both kinds of question.
	r := htscreen(t, "2\n2\n", "train", "caregiver", "--person-lang", "es")
	require.Equal(t, cli.ExitAborted, r.code, r.errOut)
	assert.Contains(t, r.errOut, locale.T("en", "ask_person", person.Text.In("es"))+"\n  "+person.Text.In("en")+"\n")
	assert.Contains(t, r.errOut, locale.T("en", "ask_screener", observation.Text.In("en")))
	assert.NotContains(t, r.errOut, observation.Text.In("es"))
	assert.Contains(t, r.errOut, locale.T("es", "person.card"))
}
