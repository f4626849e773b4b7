package questionnaire

import (
	"slices"
	"sort"
)

// SourceLang is the language every text is written in first: Text.In falls
// back to it, so any other language is a translation of it.
const SourceLang = "en"

// Langs returns the languages the set can put its questions to a person in:
// English, and every other language that every question asked of the person
// and each of its answer choices is written in. A question may be put to a
// person in any of them without falling back to English half-way.
// Observations are the screener's and do not count.
func (s *Set) Langs() []string {
	count := map[string]int{}
	n := 0
	add := func(t Text) {
		n++
		for lang, text := range t.Lang {
			if text != "" {
				count[lang]++
			}
		}
	}
	for _, f := range s.Files {
		for _, qu := range f.Questions {
			if qu.AskedOf == Screener {
				continue
			}
			add(qu.Text)
			for _, c := range qu.Choices {
				add(c.Text)
			}
		}
	}
	langs := []string{SourceLang}
	for lang, c := range count {
		if c == n && lang != SourceLang {
			langs = append(langs, lang)
		}
	}
	sort.Strings(langs[1:])
	return langs
}

// TranslationNotes returns the set's notes on the state of its
// translations (each file's translation field), in lang, once each, in the
// order of the files. A note means a translation is still a draft.
func (s *Set) TranslationNotes(lang string) []string {
	var notes []string
	for _, f := range s.Files {
		if n := f.Translation.In(lang); n != "" && !slices.Contains(notes, n) {
			notes = append(notes, n)
		}
	}
	return notes
}
