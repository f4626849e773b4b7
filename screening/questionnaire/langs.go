package questionnaire

import "sort"

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
