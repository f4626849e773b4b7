package questionnaire_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/questionnaires"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// shippedWith is the shipped questionnaires with extra files.
func shippedWith(t *testing.T, extra map[string]string) fstest.MapFS {
	t.Helper()
	fsys := shippedFS(t)
	for name, data := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// A person file is checked as a questionnaire is: every mistake named at its
// file:line:column with the fix, every missing text named with where it goes,
// and nothing loaded when anything is wrong.
func TestPersonFileErrors(t *testing.T) {
	fsys := shippedWith(t, map[string]string{"person/xx.yaml": `triage:
  questions:
    danger_nw: "x"
    obs_urgent_injury: "x"
    age_band:
      text: "x"
      choices:
        under_81: "x"
      colour: red
    sex_exchange: ""
  situations:
    work: "x"
labr:
  questions: {}
`})
	_, err := q.Load(fsys, q.Options{PersonLangs: []string{"xx"}})
	var list q.ErrorList
	require.ErrorAs(t, err, &list)
	var all []string
	for _, e := range list {
		all = append(all, e.Error())
	}
	msg := strings.Join(all, "\n")
	for _, want := range []string{
		`person/xx.yaml:3:5: no question "danger_nw" in triage; did you mean "danger_now"?`,
		`person/xx.yaml:4:5: "obs_urgent_injury" is the screener's observation: the person never reads it, so it is not translated here; remove it`,
		`person/xx.yaml:8:9: no choice "under_81" in question "age_band"; did you mean "under_18"?`,
		`person/xx.yaml:9:7: unknown key "colour" under question "age_band"; use text and choices`,
		`person/xx.yaml:10:19: the xx text of "sex_exchange" must be a single, non-empty string`,
		`person/xx.yaml:11:3: only the means questionnaire has situations`,
		`person/xx.yaml:13:1: no questionnaire "labr" in the set; did you mean "labor"?`,
		`"text" has no xx text; add it to person/xx.yaml under triage: questions: danger_now`,
		`"text" has no xx text; add it to person/xx.yaml under labor: questions: labor_rest_day`,
	} {
		assert.Contains(t, msg, want)
	}
}

// A complete person file loads, and is read only when its language is asked
// for: an English screening does not pay to parse ten translations.
func TestPersonFileReadOnlyWhenAsked(t *testing.T) {
	set, err := q.Load(questionnaires.FS(), q.Options{})
	require.NoError(t, err)
	assert.Empty(t, set.Question("danger_now").Text.Lang["ko"])
	assert.Contains(t, set.PersonLangs(), "ko")

	set, err = q.Load(questionnaires.FS(), q.Options{PersonLangs: []string{"ko"}})
	require.NoError(t, err)
	assert.NotEmpty(t, set.Question("danger_now").Text.Lang["ko"])
	assert.Empty(t, set.Question("danger_now").Text.Lang["ru"])
	assert.Contains(t, set.Langs(), "ko")

	// A language with no file is no error here: the command says which
	// languages there are.
	_, err = q.Load(questionnaires.FS(), q.Options{PersonLangs: []string{"de"}})
	require.NoError(t, err)
}
