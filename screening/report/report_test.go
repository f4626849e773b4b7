package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
	"github.com/htscreen/htscreen/screening/rules"
)

func result(t *testing.T, a q.Answers) *rules.Result {
	t.Helper()
	set, err := q.Load(os.DirFS("../testdata/set"), q.Options{})
	require.NoError(t, err)
	return rules.Evaluate(set, rules.Input{Answers: a, Modules: []string{"labor"}, Asked: 7})
}

func TestJSONShape(t *testing.T) {
	rep := report.Build(result(t, q.Answers{"danger": {"yes"}, "can_leave": {"no"}, "threatened": {"yes"}}), "en")
	var buf bytes.Buffer
	require.NoError(t, report.Write(&buf, rep, "json"))

	var doc map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	for _, k := range []string{"notice", "lang", "red_flags", "red_flag_details", "forms", "questions_asked", "questionnaire_versions", "guidance", "guidance_verified"} {
		assert.Contains(t, doc, k)
	}
	assert.Equal(t, []any{"emergency"}, doc["red_flags"])
	assert.EqualValues(t, 7, doc["questions_asked"])
	assert.Equal(t, map[string]any{"triage": 3.0, "labor": 2.0}, doc["questionnaire_versions"])

	forms := doc["forms"].(map[string]any)
	require.Len(t, forms, 4, "all four forms, always")
	for _, id := range q.Forms {
		f := forms[id].(map[string]any)
		for _, k := range []string{"level", "screened", "incomplete", "unknown", "dimensions", "indicators", "level_rule"} {
			assert.Contains(t, f, k, "form %s", id)
		}
	}
	labor := forms["labor"].(map[string]any)
	assert.Equal(t, "refer", labor["level"])
	assert.Equal(t, true, labor["screened"])
	sex := forms["sex"].(map[string]any)
	assert.Equal(t, false, sex["screened"])
	assert.Equal(t, "no_module", sex["not_screened_reason"])

	ind := labor["indicators"].([]any)[0].(map[string]any)
	assert.Equal(t, "cannot_leave", ind["id"])
	assert.Equal(t, "strong", ind["strength"])
	assert.Equal(t, map[string]any{"id": "ilo", "cite": "ILO 2009"}, ind["source"])
	assert.Equal(t, []any{map[string]any{"question": "can_leave", "text": "Leave?", "answer": []any{"no"}, "answer_text": "No"}}, ind["because"])

	g := doc["guidance"].([]any)
	assert.Equal(t, "emergency", g[0].(map[string]any)["id"], "red flag steps come first")
}

func TestTextPutsRedFlagsFirstAndSaysItIsNotADetermination(t *testing.T) {
	rep := report.Build(result(t, q.Answers{"danger": {"yes"}, "can_leave": {"no"}}), "en")
	for _, format := range []string{"text", "markdown"} {
		var buf bytes.Buffer
		require.NoError(t, report.Write(&buf, rep, format))
		out := buf.String()
		assert.Contains(t, out, "This is a screening, not a determination.")
		flag := strings.Index(out, "EMERGENCY")
		labor := strings.Index(out, "- Labor: ")
		require.Positive(t, flag, format)
		require.Positive(t, labor, format)
		assert.Less(t, flag, labor, "red flags come before the forms")
		assert.Contains(t, out, "Sex trafficking: Not screened (the questionnaire set has no module for this form)")
		assert.Contains(t, out, "1. Immediate danger: call 911 now.")
	}
}

func TestIncompleteNoneSaysSo(t *testing.T) {
	rep := report.Build(result(t, q.Answers{}), "en")
	var buf bytes.Buffer
	require.NoError(t, report.Write(&buf, rep, "text"))
	assert.Contains(t, buf.String(), "Labor: No indicators found by this screen")
	assert.Contains(t, buf.String(), "Incomplete: key questions were not answered, so this level may be too low.")
	assert.Contains(t, buf.String(), "Not known: Leave?")
}

func TestUnknownFormat(t *testing.T) {
	err := report.Write(&bytes.Buffer{}, report.Build(result(t, q.Answers{}), "en"), "xml")
	assert.EqualError(t, err, `unknown output format "xml"; use one of: text, markdown, json`)
}
