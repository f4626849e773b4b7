package questionnaire

import (
	"slices"

	"github.com/htscreen/htscreen/screening/locale"
)

// builtInAnswers are the answers every question may offer without choices
// of its own: yes_no and now_before questions have none, and not sure and
// prefer not to say are offered by all. Their wording is in the message
// files (screening/locale/messages), answer_ID as the screener records it
// and person.answer_ID as the person reads it, so that a translator finds
// every fixed word of the program in one file per language.
var builtInAnswers = []string{"yes", "no", Now, Before, NotSure, PreferNotToSay}

// builtInAnswerText is a built-in answer in lang, falling back to English;
// an id that is none of them reads "{id}", visibly, as locale.T does for a
// missing message.
func builtInAnswerText(lang, id string) string {
	if !slices.Contains(builtInAnswers, id) {
		return "{" + id + "}"
	}
	return locale.T(lang, "answer_"+id)
}

// PersonAnswerText is AnswerText as the person reads it, for a question put
// to them in their own language: the person speaks for themselves ("I'm not
// sure"), where the screener records what they said ("Not sure").
func (q *Question) PersonAnswerText(id, lang string) string {
	for _, c := range q.Choices {
		if c.ID == id {
			return c.Text.In(lang)
		}
	}
	if !slices.Contains(builtInAnswers, id) {
		return "{" + id + "}"
	}
	return locale.T(lang, locale.PersonPrefix+"answer_"+id)
}
