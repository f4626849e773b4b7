package questionnaire_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/questionnaires"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

var update = flag.Bool("update", false, "rewrite the expected errors of testdata/broken from the current output (review the diff!)")

// TestBroken loads every case under testdata/broken and compares the whole
// error output with the case's errors.txt: the message, the file:line:column
// and the advice are all part of the contract with authors.
func TestBroken(t *testing.T) {
	dirs, err := filepath.Glob("testdata/broken/*")
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			opts := q.Options{}
			if strings.HasSuffix(dir, "_es") {
				opts.RequireLangs = []string{"es"}
			}
			set, err := q.Load(os.DirFS(dir), opts)
			require.Error(t, err, "a broken set must not load")
			assert.Nil(t, set, "no half-checked set may be returned")
			got := err.Error() + "\n"
			want := filepath.Join(dir, "errors.txt")
			if *update {
				require.NoError(t, os.WriteFile(want, []byte(got), 0o644))
			}
			b, err := os.ReadFile(want)
			require.NoError(t, err, "every broken case needs errors.txt")
			assert.Equal(t, string(b), got)
		})
	}
}

func TestValidSet(t *testing.T) {
	set, err := q.Load(os.DirFS("testdata/valid"), q.Options{RequireLangs: []string{"es"}})
	require.NoError(t, err)
	assert.Equal(t, []string{"labor"}, set.Modules())
	require.NotNil(t, set.Triage)
	assert.Equal(t, "works", set.Triage.Questions[0].ID)
	assert.NotNil(t, set.Question("can_leave"))
	assert.NotNil(t, set.Indicator("threats"))
	assert.Equal(t, q.Pos{File: "labor.yaml", Line: 23, Col: 5}, set.Indicator("cannot_leave").Pos)
}

func TestEmbeddedSetIsValid(t *testing.T) {
	set, err := q.Load(questionnaires.FS(), q.Options{RequireLangs: []string{"es"}})
	require.NoError(t, err)
	assert.NotNil(t, set.Triage)
	assert.Contains(t, set.Modules(), "labor")
	for _, f := range set.Files {
		for _, ind := range f.Indicators {
			assert.NotEmpty(t, ind.Source, "indicator %s cites no source", ind.ID)
		}
		for _, qu := range f.Questions {
			// Every question tells the screener why it is asked and how to
			// ask it safely, in both shipped languages.
			assert.NotEmpty(t, qu.Hint.Lang["en"], "%s: question %s has no hint", f.Name, qu.ID)
			assert.NotEmpty(t, qu.Hint.Lang["es"], "%s: question %s has no Spanish hint", f.Name, qu.ID)
			assert.NotContains(t, strings.ToLower(qu.Text.In("en")), "victim", "%s: never ask whether the person is a victim", qu.ID)
		}
	}
}

func TestRequireLang(t *testing.T) {
	fsys := fstest.MapFS{"labor.yaml": {Data: []byte(`id: labor
version: 1
title: {en: Labor, es: Trabajo}
intro: {en: Ask privately.}
questions:
  - id: q1
    asked_of: person
    type: yes_no
    text: {en: "Q?", es: "¿P?"}
`)}}
	_, err := q.Load(fsys, q.Options{})
	require.NoError(t, err, "Spanish is optional unless required")
	_, err = q.Load(fsys, q.Options{RequireLangs: []string{"es"}})
	require.EqualError(t, err, `labor.yaml:4:8: "intro" has no es text; add es: "..."`)
}

func TestNoFiles(t *testing.T) {
	_, err := q.Load(fstest.MapFS{"README.md": {Data: []byte("x")}}, q.Options{})
	require.ErrorContains(t, err, "no questionnaire files")
}

func TestTooLarge(t *testing.T) {
	big := make([]byte, q.MaxFileSize+10)
	for i := range big {
		big[i] = '#'
	}
	_, err := q.Load(fstest.MapFS{"labor.yaml": {Data: big}}, q.Options{})
	require.EqualError(t, err, "labor.yaml:1:1: the file is larger than 2 MiB; a questionnaire is never this big, so check that this is the right file")
}

func TestDeepNesting(t *testing.T) {
	cond := strings.Repeat("{not: ", 200) + `{question: q1, is: "yes"}` + strings.Repeat("}", 200)
	src := "id: labor\nversion: 1\ntitle: {en: L}\nintro: {en: I}\nquestions:\n  - id: q1\n    asked_of: person\n    type: yes_no\n    text: {en: \"Q?\"}\n  - id: q2\n    asked_of: person\n    type: yes_no\n    text: {en: \"Q?\"}\n    show_if: " + cond + "\n"
	_, err := q.Load(fstest.MapFS{"labor.yaml": {Data: []byte(src)}}, q.Options{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "nested more than 64 levels deep")
}

func TestCondition(t *testing.T) {
	set, err := q.Load(os.DirFS("testdata/valid"), q.Options{})
	require.NoError(t, err)
	assert.Equal(t, "coercion present", set.Module("labor").Levels[0].When.String())
	assert.Equal(t, "a strong indicator", set.Module("labor").Levels[1].When.String())
	assert.Equal(t, "works is yes", set.Triage.Routes[0].When.String())
}

func TestErrorListIsCapped(t *testing.T) {
	var list q.ErrorList
	for i := range 50 {
		list = append(list, &q.Error{Pos: q.Pos{File: "labor.yaml", Line: i + 1, Col: 1}, Msg: "unknown key"})
	}
	lines := strings.Split(list.Error(), "\n")
	require.Len(t, lines, q.MaxShown+1)
	assert.Equal(t, "labor.yaml:20:1: unknown key", lines[q.MaxShown-1])
	assert.Equal(t, "... and 30 more", lines[q.MaxShown])
	assert.Equal(t, strings.Join(lines[:3], "\n"), list[:3].Error(), "a short list is shown whole")
}

// The languages a person can be asked in are those of every question put to
// the person and of its answers; observations are the screener's and do not
// count, so a language need not translate them.
func TestSetLangs(t *testing.T) {
	set, err := q.Load(questionnaires.FS(), q.Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"en", "es"}, set.Langs(), "a person file is read only when asked for")
	all := set.PersonLangs()
	assert.Equal(t, []string{"ar", "bn", "fr", "ht", "ko", "pl", "ru", "ur", "zh-Hans", "zh-Hant"}, all)

	set, err = q.Load(questionnaires.FS(), q.Options{PersonLangs: all})
	require.NoError(t, err)
	assert.Equal(t, []string{"en", "ar", "bn", "es", "fr", "ht", "ko", "pl", "ru", "ur", "zh-Hans", "zh-Hant"}, set.Langs())
	obs := set.Question("obs_urgent_injury")
	require.Equal(t, q.Screener, obs.AskedOf)
	assert.Empty(t, obs.Text.Lang["ar"], "observations are not put to the person")
	// The follow-up after a yes to a control question shares the means
	// file's situation texts, translations included.
	fu := set.Question("m_cannot_stop" + q.ForSuffix)
	require.NotNil(t, fu)
	assert.NotEmpty(t, fu.Text.Lang["ar"])
	assert.NotEmpty(t, fu.Choices[0].Text.Lang["zh-Hant"])

	// One question asked of the person without Arabic takes Arabic away.
	person := set.Question("danger_now")
	delete(person.Text.Lang, "ar")
	assert.NotContains(t, set.Langs(), "ar")
}
