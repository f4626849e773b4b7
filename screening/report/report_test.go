package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/screening/guidance"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
	"github.com/htscreen/htscreen/screening/rules"
)

func result(t *testing.T, a q.Answers) *rules.Result {
	t.Helper()
	set, err := q.Load(os.DirFS("../testdata/set"), q.Options{})
	require.NoError(t, err)
	in := rules.Input{Answers: q.Answers{"works": {"now"}}, Modules: []string{"labor"}, NotRun: map[string]rules.Reason{"sex": rules.NotRouted}, Asked: 7}
	for k, v := range a {
		in.Answers[k] = v
		in.Reached = append(in.Reached, k)
	}
	return rules.Evaluate(set, in)
}

// plan is a fixed guidance plan: the report only renders what guidance chose.
func plan() *guidance.Plan {
	return &guidance.Plan{Verified: "2026-11-26", Steps: []guidance.StepView{
		{ID: "emergency", Text: "Immediate danger: call 911 now.", Sources: []*guidance.Cite{{Cite: "OTDA", URL: "https://otda.ny.gov"}},
			Contacts: []guidance.ContactView{{ID: "emergency", Name: "Emergency services", Lines: []guidance.LineView{{Kind: "phone", Number: "911"}}, Source: "https://otda.ny.gov", Verified: "2026-11-26"}}},
		{ID: "nypd", Text: "Notify the police.", Roles: []string{"shelter"},
			Contacts: []guidance.ContactView{{ID: "nypd", Name: "NYPD", Lines: []guidance.LineView{{Kind: "phone", Number: "646-610-7272"}}, VerifyBeforeUse: "misrouted in 2018", Source: "https://nyc.gov", Verified: "2026-11-26"}}},
	}}
}

func TestJSONShape(t *testing.T) {
	rep := report.Build(result(t, q.Answers{"danger": {"yes"}, "can_leave": {"no"}, "m_threat": {"now"}, "m_threat_for": {"work"}}), plan(), "en")
	var buf bytes.Buffer
	require.NoError(t, report.Write(&buf, rep, "json"))

	var doc map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))
	for _, k := range []string{"notice", "lang", "red_flags", "red_flag_details", "forms", "questions_asked", "stop", "questions_not_asked", "questionnaire_versions", "guidance", "guidance_verified"} {
		assert.Contains(t, doc, k)
	}
	assert.Equal(t, []any{"emergency"}, doc["red_flags"])
	assert.EqualValues(t, 7, doc["questions_asked"])
	assert.Equal(t, map[string]any{"triage": 4.0, "means": 1.0, "labor": 3.0}, doc["questionnaire_versions"])

	forms := doc["forms"].(map[string]any)
	require.Len(t, forms, 4, "all four forms, always")
	for _, id := range q.Forms() {
		f := forms[id].(map[string]any)
		for _, k := range []string{"level", "screened", "incomplete", "purpose_found", "capped", "unknown", "dimensions", "indicators", "level_rule"} {
			assert.Contains(t, f, k, "form %s", id)
		}
	}
	labor := forms["labor"].(map[string]any)
	assert.Equal(t, "refer", labor["level"])
	assert.Equal(t, true, labor["screened"])
	assert.Equal(t, true, labor["purpose_found"])
	assert.Equal(t, "now", labor["timing"])
	sex := forms["sex"].(map[string]any)
	assert.Equal(t, false, sex["screened"])
	assert.Equal(t, "not_routed", sex["not_screened_reason"])
	organ := forms["organ"].(map[string]any)
	assert.Equal(t, "no_module", organ["not_screened_reason"])

	ind := labor["indicators"].([]any)[0].(map[string]any)
	assert.Equal(t, "cannot_leave", ind["id"])
	assert.Equal(t, "strong", ind["strength"])
	assert.Equal(t, map[string]any{"id": "ilo", "cite": "ILO 2009"}, ind["source"])
	assert.Equal(t, []any{map[string]any{"question": "can_leave", "text": "Leave?", "answer": []any{"no"}, "answer_text": "No"}}, ind["because"])

	g := doc["guidance"].([]any)
	assert.Equal(t, "emergency", g[0].(map[string]any)["id"], "red flag steps come first")
	c := g[0].(map[string]any)["contacts"].([]any)[0].(map[string]any)
	assert.Equal(t, "https://otda.ny.gov", c["source"], "every contact carries its source in json")
	assert.Equal(t, "2026-11-26", c["verified"])
	assert.Equal(t, false, doc["guidance_stale"])
}

func TestTextPutsRedFlagsFirstAndSaysItIsNotADetermination(t *testing.T) {
	rep := report.Build(result(t, q.Answers{"danger": {"yes"}, "can_leave": {"no"}, "seen": {"watched"}}), plan(), "en")
	for _, format := range []string{"text", "markdown"} {
		var buf bytes.Buffer
		require.NoError(t, report.Write(&buf, rep, format))
		out := buf.String()
		assert.Contains(t, out, "This is a screening, not a determination, and not a validated instrument.")
		flag := strings.Index(out, "EMERGENCY")
		labor := strings.Index(out, "- Labor: ")
		require.Positive(t, flag, format)
		require.Positive(t, labor, format)
		assert.Less(t, flag, labor, "red flags come before the forms")
		assert.Contains(t, out, "Trafficking for organ removal: Not screened (the questionnaire set has no module for this form)")
		assert.Contains(t, out, "1. Immediate danger: call 911 now.")
		assert.Contains(t, out, "Emergency services; phone 911")
		assert.Contains(t, out, "NYPD; phone 646-610-7272 [VERIFY BEFORE USE: misrouted in 2018]")
		assert.Contains(t, out, "(for Shelter or social services staff)")
		assert.Contains(t, out, "Contacts checked against archived copies of their sources on 2026-11-26.")
		assert.NotRegexp(t, `\{[a-z_]+\}|%!`, out, "every message is in the catalog and formatted")
		if format == "markdown" {
			assert.Contains(t, out, "source: [OTDA](https://otda.ny.gov)", "markdown carries the source of every step")
			assert.Contains(t, out, "(source: https://otda.ny.gov, 2026-11-26)", "and of every contact")
		}
	}
}

func TestIncompleteNoneSaysSo(t *testing.T) {
	rep := report.Build(result(t, q.Answers{"can_leave": {"not_sure"}, "m_threat": {"no"}, "m_papers": {"no"}, "conditions": {"no_rest"}, "debt": {"no"}}), plan(), "en")
	var buf bytes.Buffer
	require.NoError(t, report.Write(&buf, rep, "text"))
	assert.Contains(t, buf.String(), "Labor: No indicators found by this screen")
	assert.Contains(t, buf.String(), "Incomplete: some answers were not known (not sure, or not answered) and could raise this level.")
	assert.Contains(t, buf.String(), "Not known: Leave?")
}

// "No indicators found" never stands above a list of indicators.
func TestNoneWithSignsDoesNotSayNoIndicators(t *testing.T) {
	rep := report.Build(result(t, q.Answers{"works": {"no"}, "can_leave": {"no"}}), plan(), "en")
	var buf bytes.Buffer
	require.NoError(t, report.Write(&buf, rep, "text"))
	assert.NotContains(t, buf.String(), "No indicators found")
	assert.Contains(t, buf.String(), "Labor: None: control signs were found, but not this form's own situation")
}

func TestPastAndCappedAreSaid(t *testing.T) {
	rep := report.Build(result(t, q.Answers{"works": {"before"}, "can_leave": {"no"}, "m_threat": {"now"}, "m_threat_for": {"not_sure"}}), plan(), "en")
	var buf bytes.Buffer
	require.NoError(t, report.Write(&buf, rep, "text"))
	assert.Contains(t, buf.String(), "Capped at concern")
	assert.Contains(t, buf.String(), "in the past: the person is still owed a referral")
}

func TestUnknownFormat(t *testing.T) {
	err := report.Write(&bytes.Buffer{}, report.Build(result(t, q.Answers{}), plan(), "en"), "xml")
	assert.EqualError(t, err, `unknown output format "xml"; use one of: text, markdown, json`)
}

func TestResultSchemaIsCurrent(t *testing.T) {
	b, err := os.ReadFile("../../" + report.SchemaPath)
	require.NoError(t, err)
	assert.Equal(t, string(report.ResultSchema()), string(b), "the result schema is stale: run make docs")
}

// Every result the report tests write fits the published schema, and the
// schema rejects what it must (a field it does not know, a level it does not
// have).
func TestResultsFitTheSchema(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(report.ResultSchema()))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	require.NoError(t, c.AddResource("result.schema.json", doc))
	schema, err := c.Compile("result.schema.json")
	require.NoError(t, err)
	for _, a := range []q.Answers{
		{"danger": {"yes"}, "can_leave": {"no"}, "m_threat": {"now"}, "m_threat_for": {"work"}},
		{"can_leave": {"not_sure"}},
		{"works": {"before"}, "can_leave": {"no"}, "m_threat": {"now"}, "m_threat_for": {"not_sure"}},
	} {
		var buf bytes.Buffer
		require.NoError(t, report.Write(&buf, report.Build(result(t, a), plan(), "en"), "json"))
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err)
		assert.NoError(t, schema.Validate(v))
		assert.NotContains(t, buf.String(), `"Pos"`, "no parser internals in the result")

		var m map[string]any
		require.NoError(t, json.Unmarshal(buf.Bytes(), &m))
		m["extra"] = true
		assert.Error(t, schema.Validate(m), "an unknown field is rejected")
		delete(m, "extra")
		m["forms"].(map[string]any)["labor"].(map[string]any)["level"] = "high"
		assert.Error(t, schema.Validate(m), "an unknown level is rejected")
	}
}
