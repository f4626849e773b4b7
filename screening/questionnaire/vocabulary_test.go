package questionnaire

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The built-in answers read as they did when they were the program's words
// in locale: the same text in English and Spanish, English for any other
// language, and a visible "{id}" for an id that is not one of them.
func TestBuiltInAnswerText(t *testing.T) {
	qu := &Question{Type: YesNo}
	for _, c := range []struct{ lang, id, want string }{
		{"en", "yes", "Yes"},
		{"xx", "yes", "Yes"},
		{"es", "yes", "Sí"},
		{"en", "no", "No"},
		{"es", "no", "No"},
		{"en", Now, "Yes, now"},
		{"es", Now, "Sí, ahora"},
		{"en", Before, "Yes, in the past (not now)"},
		{"es", Before, "Sí, en el pasado (ahora no)"},
		{"en", NotSure, "Not sure"},
		{"es", NotSure, "No está seguro/a"},
		{"en", PreferNotToSay, "Prefer not to say"},
		{"es", PreferNotToSay, "Prefiere no decirlo"},
		{"en", "maybe", "{maybe}"},
	} {
		assert.Equal(t, c.want, qu.AnswerText(c.id, c.lang), "%s %s", c.lang, c.id)
	}
}

// The person reads "not sure" and "prefer not to say" in the first person,
// in every language; every other answer reads as the screener's does.
func TestPersonAnswerText(t *testing.T) {
	qu := &Question{Type: YesNo, Choices: []*Choice{{ID: "other", Text: Text{Lang: map[string]string{"en": "Other", "es": "Otro"}}}}}
	for _, c := range []struct{ lang, id, want string }{
		{"es", NotSure, "No estoy seguro/a"},
		{"es", PreferNotToSay, "Prefiero no decirlo"},
		{"es", "yes", "Sí"},
		{"es", "other", "Otro"},
		{"en", NotSure, "I'm not sure"},
		{"en", PreferNotToSay, "I'd rather not say"},
		{"xx", NotSure, "I'm not sure"},
		{"en", "maybe", "{maybe}"},
	} {
		assert.Equal(t, c.want, qu.PersonAnswerText(c.id, c.lang), "%s %s", c.lang, c.id)
	}
}
