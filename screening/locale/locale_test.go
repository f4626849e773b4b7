package locale

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
)

// Every shipped message file is complete for its scope: no missing or extra
// key, no lost placeholder, every plural form its language's CLDR rules use.
// This is what validate --require-lang checks for one language.
func TestMessageFilesComplete(t *testing.T) {
	for _, lang := range PersonLangs() {
		assert.Empty(t, Check(lang), lang)
	}
	assert.Equal(t, []string{"en", "es"}, Langs(), "the screener's languages: every message translated")
	assert.Subset(t, PersonLangs(), Langs())
}

func TestFallback(t *testing.T) {
	assert.Equal(t, "Not known", T("xx", "unknown"))
	assert.Equal(t, "Se desconoce", T("es", "unknown"))
	assert.Equal(t, "{no_such_key}", T("es", "no_such_key"))
	assert.Equal(t, "Ask the person: x", T("en", "ask_person", "x"))
	assert.Equal(t, Source, statusOf("en"))
}

// The plural form follows the count, in English and Spanish alike.
func TestPlural(t *testing.T) {
	assert.Contains(t, N("en", "stop_settled", 1), "1 question that could not change it was not asked")
	assert.Contains(t, N("en", "stop_settled", 2), "2 questions that could not change it were not asked")
	assert.Contains(t, N("en", "stop_settled", 0), "0 questions")
	assert.Contains(t, N("es", "stop_urgent", 1), "no se hizo 1 pregunta")
	assert.Contains(t, N("es", "stop_urgent", 5), "no se hicieron 5 preguntas")
	assert.Contains(t, N("xx", "stop_urgent", 1), "1 question was not asked", "English for a language with no file")
}

// The checks a translator relies on, on small files made for the purpose:
// Russian needs one, few, many and other, Polish the same, Arabic six forms,
// Chinese one; the rules come from CLDR through golang.org/x/text.
func TestCheckReportsDefects(t *testing.T) {
	en := `meta: {name: English, status: source}
person:
  card: "Skip any question."
count:
  one: "%d question"
  other: "%d questions"
greet: "Hello %s"
`
	fsys := fstest.MapFS{
		"m/en.yaml": {Data: []byte(en)},
		"m/ru.yaml": {Data: []byte(`meta: {name: Русский, status: draft}
person:
  card: "Можно пропустить."
count:
  one: "%d вопрос"
  other: "%d вопроса"
greet: "Привет"
extra: "лишнее"
`)},
		"m/person/pl.yaml": {Data: []byte(`meta: {name: Polski, status: draft}
person:
  card: "Można pominąć."
`)},
		"m/person/ar.yaml": {Data: []byte(`meta: {name: العربية, status: finished}
count:
  other: "%d"
`)},
		"m/zh-Hans.yaml": {Data: []byte(`meta: {name: 中文, status: draft}
person:
  card: "可以跳过。"
count:
  other: "%d 个问题"
greet: "你好 %s"
`)},
	}
	// CLDR gives Haitian Creole no plural rules: the one form, other,
	// serves every count.
	fsys["m/person/ht.yaml"] = &fstest.MapFile{Data: []byte("meta: {name: Kreyòl, status: draft}\nperson: {card: x}\ncount: {other: \"%d kesyon\"}\n")}
	c := newCatalog(fsys, "m")
	assert.Equal(t, []string{"en", "ar", "ht", "pl", "ru", "zh-Hans"}, c.langs)
	assert.Empty(t, c.check("ht"))
	assert.Equal(t, "other", pluralForm("ht", 1), "CLDR has no rules for Haitian Creole")
	assert.Equal(t, "%d kesyon", c.plural("ht", "count", 1))

	ru := c.check("ru")
	assertHas(t, ru, `m/ru.yaml:8:1: "extra" is not a message in m/en.yaml`)
	assertHas(t, ru, `m/ru.yaml:7:1: "greet" (other) has placeholders [], English has [%s]`)
	assertHas(t, ru, `"count" needs the plural form few`)
	assertHas(t, ru, `"count" needs the plural form many`)
	assert.Len(t, ru, 4)

	assert.Empty(t, c.check("pl"), "a person language needs only the person section")
	ar := c.check("ar")
	assertHas(t, ar, `meta.status "finished" is not one of`)
	assertHas(t, ar, `missing "person.card" (a file in m/person needs every message of the person section)`)
	for _, form := range []string{"zero", "one", "two", "few", "many"} {
		assertHas(t, ar, `"count" needs the plural form `+form)
	}
	assert.Empty(t, c.check("zh-Hans"), "Chinese has one plural form, other")
	assertHas(t, c.check("fr"), `no message file for "fr"`)
	assert.Equal(t, []string{"en", "ru", "zh-Hans"}, c.scoped(All))

	// The forms chosen for Russian follow CLDR: 1, 21 one; 2-4 few; 5-20 many.
	complete := fstest.MapFS{
		"m/en.yaml":        fsys["m/en.yaml"],
		"m/person/ru.yaml": {Data: []byte("meta: {name: Русский, status: draft}\nperson: {card: x}\ncount: {one: \"%d вопрос\", few: \"%d вопроса\", many: \"%d вопросов\", other: \"%d вопроса\"}\n")},
	}
	c = newCatalog(complete, "m")
	assert.Empty(t, c.check("ru"))
	for n, want := range map[int]string{1: "1 вопрос", 21: "21 вопрос", 3: "3 вопроса", 5: "5 вопросов", 11: "11 вопросов"} {
		assert.Equal(t, want, format(c.plural("ru", "count", n), []any{n}))
	}

	// A file that does not parse is reported, and the program falls back to
	// English rather than stop.
	broken := fstest.MapFS{"m/en.yaml": fsys["m/en.yaml"], "m/person/ko.yaml": {Data: []byte("meta: [\n")}}
	c = newCatalog(broken, "m")
	assert.Equal(t, "Skip any question.", c.message("ko", "person.card").Other())
	assertHas(t, c.check("ko"), "m/person/ko.yaml")
}

func assertHas(t *testing.T, errs []string, part string) {
	t.Helper()
	for _, e := range errs {
		if strings.Contains(e, part) {
			return
		}
	}
	t.Errorf("no error contains %q in:\n%v", part, errs)
}
