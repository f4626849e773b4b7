package questionnaire

// builtInAnswers is how the answers every question offers read in each
// language the program ships: yes_no and now_before questions have no
// choices of their own, and not sure and prefer not to say are offered by
// all. They are the format's vocabulary, not the program's frame, so they
// live here rather than in locale.
var builtInAnswers = map[string]map[string]string{
	"en": {
		"yes":          "Yes",
		"no":           "No",
		Now:            "Yes, now",
		Before:         "Yes, in the past (not now)",
		NotSure:        "Not sure",
		PreferNotToSay: "Prefer not to say",
	},
	"es": {
		"yes":          "Sí",
		"no":           "No",
		Now:            "Sí, ahora",
		Before:         "Sí, en el pasado (ahora no)",
		NotSure:        "No está seguro/a",
		PreferNotToSay: "Prefiere no decirlo",
	},
}

// builtInAnswerText is a built-in answer in lang, falling back to English;
// an id that is none of them reads "{id}", visibly, as locale.T does for a
// missing message.
func builtInAnswerText(lang, id string) string {
	if s, ok := builtInAnswers[lang][id]; ok {
		return s
	}
	if s, ok := builtInAnswers["en"][id]; ok {
		return s
	}
	return "{" + id + "}"
}

// personAnswers are the built-in answers as the person reads them, where
// that differs from the screener's wording: Spanish tells the screener what
// the person said ("No está seguro/a"), but a person reading the answers
// speaks for themselves ("No estoy seguro/a").
var personAnswers = map[string]map[string]string{
	"es": {
		NotSure:        "No estoy seguro/a",
		PreferNotToSay: "Prefiero no decirlo",
	},
}

// PersonAnswerText is AnswerText as the person reads it, for a question put
// to them in their own language.
func (q *Question) PersonAnswerText(id, lang string) string {
	for _, c := range q.Choices {
		if c.ID == id {
			return c.Text.In(lang)
		}
	}
	if s, ok := personAnswers[lang][id]; ok {
		return s
	}
	return builtInAnswerText(lang, id)
}
