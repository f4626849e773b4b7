package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/questionnaires"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/scenario"
)

func loadScenario(t *testing.T, id string) *scenario.Scenario {
	t.Helper()
	set, err := q.Load(questionnaires.FS(), q.Options{})
	require.NoError(t, err)
	all, err := scenario.Load(questionnaires.Scenarios(), set, nil)
	require.NoError(t, err)
	s := scenario.Find(all, id)
	require.NotNil(t, s)
	return s
}

// A trainee who did not ask about the passport and heard "no" to violence:
// the feedback names the indicators missed and the answers that differ.
func TestTrainShowsWhatTheTraineeMissed(t *testing.T) {
	s := loadScenario(t, "caregiver")
	trainee := q.Answers{}
	for k, v := range s.Given {
		trainee[k] = v
	}
	trainee["m_documents"] = []string{"no"}
	delete(trainee, "m_documents_for")
	trainee["m_harm"] = []string{"no"}
	delete(trainee, "m_harm_for")
	trainee["m_cannot_stop"] = []string{"not_sure"}
	delete(trainee, "m_cannot_stop_for")
	input, _ := typed(t, trainee)

	r := runBinary(t, input, "train", "caregiver", "--accessible")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.errOut, "The night caregiver", "the persona is shown before the questions")
	assert.Contains(t, r.out, "Training feedback: The night caregiver")
	assert.Contains(t, r.out, "Indicators you missed")
	assert.Contains(t, r.out, "Passport or ID kept from the person [coercion, strong]")
	assert.Contains(t, r.out, "Has someone kept your passport or ID from you?\n  you: No; expert: Yes, now")
	assert.Contains(t, r.out, "Teaching notes")
	assert.Contains(t, r.out, "Domestic servitude is labor trafficking")

	r = runBinary(t, input, "train", "caregiver", "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	var fb struct {
		Levels []struct{ Form, Expert, Trainee, Call string }
		Missed []struct{ ID string } `json:"missed_indicators"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &fb))
	var missed []string
	for _, m := range fb.Missed {
		missed = append(missed, m.ID)
	}
	assert.Subset(t, missed, []string{"labor_documents", "labor_harm", "labor_cannot_stop"})
}

// A form that was not screened is "Not screened" in the feedback, never "No
// indicators found": a trainee who heard no at every gate did not find that
// there were none.
func TestTrainFeedbackNamesFormsNotScreened(t *testing.T) {
	// No to every purpose, so that no module follows.
	input, _ := typed(t, q.Answers{"obs_urgent_injury": {"no"}, "danger_now": {"no"}, "age_band": {"adult"}, "obs_signs": {"none"},
		"works_for_someone": {"no"}, "marriage_situation": {"no"}, "organ_or_medical": {"no"}, "sex_exchange": {"no"}})
	r := runBinary(t, input, "train", "caregiver", "--accessible")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "- Labor trafficking: you: Not screened, expert: Refer for specialised assessment <- UNDER-CALLED")
	assert.Contains(t, r.out, "- Sex trafficking: you: Not screened, expert: Not screened\n")
	assert.NotContains(t, r.out, "No indicators found")

	r = runBinary(t, input, "train", "caregiver", "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	var fb struct {
		Levels []struct {
			Form            string
			Trainee, Expert string
			TraineeScreened bool `json:"trainee_screened"`
			ExpertScreened  bool `json:"expert_screened"`
		}
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &fb))
	require.NotEmpty(t, fb.Levels)
	assert.Equal(t, "labor", fb.Levels[0].Form)
	assert.False(t, fb.Levels[0].TraineeScreened)
	assert.True(t, fb.Levels[0].ExpertScreened)
}

func TestTrainExpertAnswersMatch(t *testing.T) {
	s := loadScenario(t, "nail_salon")
	input, _ := typed(t, s.Given)
	r := runBinary(t, input, "train", "nail_salon", "--lang", "es")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "usted: Preocupación: hacer seguimiento en privado, experto: Preocupación")
	assert.Contains(t, r.out, "Notas didácticas")
}

func TestTrainReveal(t *testing.T) {
	r := runBinary(t, "", "train", "summer_trip", "--reveal")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "The summer trip")
	assert.Contains(t, r.out, "ONE_CHANCE")
	assert.Contains(t, r.out, "Forced marriage: Refer for specialised assessment")
	assert.Contains(t, r.out, "Teaching notes")

	r = runBinary(t, "", "train", "caregivr")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.errOut, `did you mean "caregiver"?`)
}

func TestExplain(t *testing.T) {
	for id, want := range map[string]string{
		"labor_documents": "counts 4 towards a threshold of 5",
		"m_documents":     "feeds indicator: labor_documents",
		"one_chance":      "red flag one_chance",
		"labor.coercion":  "labor_documents (strong)",
		"organ.refer":     "one strong indicator is enough to refer",
		"forced_marriage": "Forced marriage",
		"means":           "Control and pressure",
		"nhth":            "1-888-373-7888",
		"emergency":       "the person's life and health come first",
	} {
		r := runBinary(t, "", "explain", id)
		assert.Equal(t, 0, r.code, id+": "+r.errOut)
		assert.Contains(t, r.out, want, id)
	}
	r := runBinary(t, "", "explain", "labor_document")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.errOut, `did you mean "labor_documents"?`)
}

// docs/questionnaires holds the printable questionnaires; a change to a
// questionnaire must regenerate them (make docs).
func TestPrintableDocsAreCurrent(t *testing.T) {
	for _, lang := range []string{"en", "es"} {
		dir := filepath.Join("..", "..", "docs", "questionnaires")
		if lang != "en" {
			dir = filepath.Join(dir, lang)
		}
		for _, m := range append([]string{"triage", "means"}, q.Forms()...) {
			r := runBinary(t, "", "show", m, "--output", "markdown", "--lang", lang)
			require.Equal(t, 0, r.code, r.errOut)
			doc, err := os.ReadFile(filepath.Join(dir, m+".md"))
			require.NoError(t, err, "run make docs")
			assert.Equal(t, string(doc), r.out, "%s/%s.md is stale: run make docs", dir, m)
			assert.NotRegexp(t, `20[0-9]{2}-[0-9]{2}-[0-9]{2}T`, r.out, "no timestamps: reproducible")
		}
	}
	r := runBinary(t, "", "show", "labor")
	assert.Contains(t, r.out, "[ ] Yes   [ ] No   [ ] Not sure   [ ] Prefer not to say")
	assert.True(t, strings.Contains(r.out, "Indicators") && strings.Contains(r.out, "How a level is decided"))
}

func TestScenariosList(t *testing.T) {
	r := runBinary(t, "", "scenarios", "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	var list []struct {
		ID       string
		Expected map[string]string
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &list))
	assert.GreaterOrEqual(t, len(list), 10)
}
