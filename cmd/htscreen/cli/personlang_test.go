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

// Every language the person can be screened in puts every question asked of
// the person in that language with English beneath, numbers the answers the
// same way in both, tells the screener the translation is not reviewed, and
// completes the screening with the result in English alone.
func TestPersonLangEveryLanguage(t *testing.T) {
	set, err := q.Load(questionnaires.FS(), q.Options{PersonLangs: locale.PersonLangs()})
	require.NoError(t, err)
	var asked []*q.Question
	for _, qu := range set.Triage.Questions {
		if qu.AskedOf == q.Person {
			asked = append(asked, qu)
		}
	}
	require.NotEmpty(t, asked)
	stdin := strings.Repeat("2\n", 40)
	for _, lang := range locale.PersonLangs() {
		if lang == "en" {
			continue
		}
		t.Run(lang, func(t *testing.T) {
			r := htscreen(t, stdin, "screen", "triage", "--role", "police", "--person-lang", lang)
			require.Equal(t, cli.ExitOK, r.code, r.errOut)
			assert.Contains(t, r.errOut, locale.T(lang, "person.card")+"\n"+locale.T("en", "person.card"))
			assert.Contains(t, r.errOut, locale.StatusLine("en", lang))
			for _, qu := range asked[:2] {
				own := qu.Text.Lang[lang]
				require.NotEmpty(t, own, "%s has no %s text", qu.ID, lang)
				assert.Contains(t, r.errOut, locale.T("en", "ask_person", own)+"\n  "+qu.Text.In("en")+"\n", qu.ID)
			}
			yes := set.Question("danger_now")
			assert.Contains(t, r.errOut, "  1. "+yes.PersonAnswerText("yes", lang)+" / Yes\n")
			assert.Contains(t, r.out, locale.T("en", "report_title"))
			assert.NotContains(t, r.out, asked[0].Text.Lang[lang], "the result is the screener's alone")
		})
	}
}

// show --lang for a person language prints the questionnaire for paper with
// each question put to the person in their language and English beneath;
// observations and the screener's part stay in English. In Markdown a
// right-to-left language is marked so for a browser or a PDF converter.
func TestShowPersonLang(t *testing.T) {
	set, err := q.Load(questionnaires.FS(), q.Options{PersonLangs: locale.PersonLangs()})
	require.NoError(t, err)
	person, observation := set.Question("danger_now"), set.Question("obs_urgent_injury")
	for _, lang := range []string{"ar", "ru", "zh-Hant"} {
		t.Run(lang, func(t *testing.T) {
			r := htscreen(t, "", "show", "triage", "--lang", lang)
			require.Equal(t, cli.ExitOK, r.code, r.errOut)
			assert.Contains(t, r.out, locale.T("en", "ask_person", person.Text.Lang[lang])+" danger_now\n   "+person.Text.In("en")+"\n")
			assert.Contains(t, r.out, "[ ] "+person.PersonAnswerText("yes", lang)+" / Yes")
			assert.Contains(t, r.out, locale.T("en", "ask_screener", observation.Text.In("en")))
			assert.Contains(t, r.out, locale.StatusLine("en", lang))

			md := htscreen(t, "", "show", "triage", "--lang", lang, "-o", "markdown")
			require.Equal(t, cli.ExitOK, md.code, md.errOut)
			marked := `<span dir="rtl" lang="` + lang + `">` + person.Text.Lang[lang] + "</span>"
			if locale.RightToLeft(lang) {
				assert.Contains(t, md.out, marked)
			} else {
				assert.NotContains(t, md.out, `dir="rtl"`)
				assert.Contains(t, md.out, person.Text.Lang[lang])
			}

			// The handout and the signs are the screener's, in en or es.
			bad := htscreen(t, "", "show", "triage", "--lang", lang, "--style", "handout")
			assert.Equal(t, cli.ExitUsage, bad.code)
			assert.Contains(t, bad.errOut, `valid values: en, es`)
		})
	}
}
