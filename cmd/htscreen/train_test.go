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
	assert.Contains(t, r.out, "ONE CHANCE")
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

// --reveal -o json is one JSON document, with the persona and the teaching
// notes as fields.
func TestRevealJSONIsValid(t *testing.T) {
	r := runBinary(t, "", "train", "caregiver", "--reveal", "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	require.True(t, json.Valid([]byte(r.out)), r.out)
	var doc struct {
		Persona, Teaching string
		Result            struct{ Notice string } `json:"expert_result"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &doc))
	assert.NotEmpty(t, doc.Persona)
	assert.Contains(t, doc.Result.Notice, "not a validated instrument")
}

// A Spanish result or reveal has no English heading or flag name left in it.
func TestSpanishOutputHasNoEnglishHeading(t *testing.T) {
	for _, args := range [][]string{
		{"train", "roadside_escape", "--reveal", "--lang", "es"},
		{"train", "summer_trip", "--reveal", "--lang", "es"},
		{"train", "youth_dates", "--reveal", "--lang", "es", "--output", "markdown"},
	} {
		r := runBinary(t, "", args...)
		require.Equal(t, 0, r.code, r.errOut)
		for _, english := range []string{"EMERGENCY", "MINOR:", "ONE CHANCE", "Act first", "By form", "What to do next", "Sources", "Screening result", "Teaching notes", "Indicators found"} {
			assert.NotContains(t, r.out, english, "%v", args)
		}
		assert.Contains(t, r.out, "ni un instrumento validado")
	}
}

// missTheExchange practises youth_dates line by line with the expert's
// answers, except "no" to the exchange of sex for something of value.
func missTheExchange(t *testing.T, args ...string) result {
	t.Helper()
	s := loadScenario(t, "youth_dates")
	trainee := q.Answers{}
	for k, v := range s.Given {
		trainee[k] = v
	}
	trainee["sex_exchange"] = []string{"no"}
	input, _ := typed(t, trainee)
	return runBinary(t, input, append([]string{"train", "youth_dates", "--accessible"}, args...)...)
}

// A trainee who hears "no" to the exchange misses the child's flag: the
// feedback says so first, names the answer that closed the path, and the
// child-protection step it cost.
func TestFeedbackTracesAMissedMinorFlagToItsAnswer(t *testing.T) {
	r := missTheExchange(t)
	require.Equal(t, 0, r.code, r.errOut)
	out := r.out
	first := strings.Index(out, "Red flags you missed")
	require.Positive(t, first, out)
	assert.Less(t, first, strings.Index(out, "Your result beside the expert's"), "a missed flag comes first")
	block := out[first:strings.Index(out, "Your result beside the expert's")]
	assert.Contains(t, block, "The answer that closed the path:")
	assert.Contains(t, block, "Have you ever done anything sexual")
	assert.Contains(t, block, "you: No; expert: Yes, now")
	assert.Contains(t, block, "Next steps your result did not give")
	assert.Contains(t, block, "Child protection", "the step the miss cost")
	assert.NotContains(t, out, "expert: not asked", "a question the expert never needed is not a disagreement")
}

// A room practises on paper: three answer sheets scored together say what
// the room missed, most common first; nothing is asked.
func TestTrainScoresARoomOfAnswerSheets(t *testing.T) {
	dir := t.TempDir()
	sheet := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte("obs_urgent_injury: \"no\"\ndanger_now: \"no\"\nage_band: adult\n"+body), 0o600))
		return p
	}
	a := sheet("ana.yaml", "obs_signs: [none]\nworks_for_someone: now\nm_documents: now\nm_documents_for: [work]\nm_harm: now\nm_harm_for: [work]\n")
	b := sheet("ben.yaml", "obs_signs: [none]\nworks_for_someone: \"no\"\n")
	c := sheet("cy.yaml", "obs_signs: [none]\nworks_for_someone: now\nm_documents: \"no\"\n")
	r := runBinary(t, "", "train", "caregiver", "--answers", a, "--answers", b, "--answers", c)
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "What the room missed: The night caregiver")
	assert.Contains(t, r.out, "Answer sheets scored against the expert's: 3.")
	assert.Contains(t, r.out, "level under-called (2 of 3 sheets): Labor trafficking: Refer for specialised assessment")
	assert.Contains(t, r.out, "- ben.yaml: Labor trafficking: Not screened")
	most := strings.Index(r.out, "(3 of 3 sheets)")
	fewer := strings.Index(r.out, "(1 of 3 sheets)")
	require.Positive(t, most)
	require.Positive(t, fewer)
	assert.Less(t, most, fewer, "most common first")
	assert.Empty(t, r.errOut, "nothing is asked")

	r = runBinary(t, "", "train", "caregiver", "--answers", a, "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	assert.True(t, json.Valid([]byte(r.out)))
}

// The projector view shows the persona, the signs, the result and the next
// steps, in that order, one part per Enter, and no internals.
func TestPresentIsStagedAndHasNoInternals(t *testing.T) {
	r := runBinary(t, "\n\n\n", "train", "caregiver", "--present")
	require.Equal(t, 0, r.code, r.errOut)
	stages := []string{"THE NIGHT CAREGIVER", "WHAT THERE IS TO NOTICE", "THE SCREENING'S RESULT", "WHAT TO DO NEXT", "TEACHING NOTES"}
	last := -1
	for _, s := range stages {
		i := strings.Index(r.out, s)
		require.Greater(t, i, last, "%s comes after the part before it", s)
		last = i
	}
	assert.Equal(t, 3, strings.Count(r.errOut, "Enter: next part"))
	for _, internal := range []string{"m_documents", "works_for_someone", "/5", "answer:", "[source", "strong]", "dimension", "applies when"} {
		assert.NotContains(t, r.out, internal)
	}
}

// Trainees get a handout and a one-page signs sheet, apart from the
// authoring view: no ids, weights or rule logic.
func TestHandoutsHaveNoInternals(t *testing.T) {
	for _, style := range []string{"handout", "signs"} {
		for _, m := range []string{"labor", "sex", "forced_marriage", "organ"} {
			r := runBinary(t, "", "show", m, "--style", style, "--output", "markdown")
			require.Equal(t, 0, r.code, r.errOut)
			for _, internal := range []string{"m_documents", "_gate", "for: ", "in [", "4/2/1", "threshold", "`"} {
				assert.NotContains(t, r.out, internal, "%s %s", m, style)
			}
		}
	}
	r := runBinary(t, "", "show", "labor", "--style", "handout")
	assert.Contains(t, r.out, "Passport or ID kept from the person")
	assert.Contains(t, r.out, "not a validated instrument")
	r = runBinary(t, "", "show", "labor", "--style", "poster")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.errOut, "authoring, handout, signs")
}

// A persona card shows the persona alone; an answer sheet, filled in and
// scored, works with --answers.
func TestPersonaCardAndAnswerSheet(t *testing.T) {
	r := runBinary(t, "", "train", "caregiver", "--card")
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "The night caregiver")
	assert.Contains(t, r.out, "fictional")
	assert.NotContains(t, r.out, "Refer")
	assert.NotContains(t, r.out, "Teaching")

	r = runBinary(t, "", "train", "caregiver", "--sheet")
	require.Equal(t, 0, r.code, r.errOut)
	var filled []string
	for _, line := range strings.Split(r.out, "\n") {
		switch line {
		case "obs_urgent_injury:", "danger_now:":
			filled = append(filled, line+` "no"`)
		case "age_band:":
			filled = append(filled, line+" adult")
		case "works_for_someone:", "m_documents:":
			filled = append(filled, line+" now")
		case "m_documents_for:":
			filled = append(filled, line+" [work]")
		default:
			if strings.HasPrefix(line, "#") || line == "" {
				filled = append(filled, line)
			}
		}
	}
	sheet := filepath.Join(t.TempDir(), "sheet.yaml")
	require.NoError(t, os.WriteFile(sheet, []byte(strings.Join(filled, "\n")), 0o600))
	r = runBinary(t, "", "train", "caregiver", "--answers", sheet)
	require.Equal(t, 0, r.code, r.errOut)
	assert.Contains(t, r.out, "Answer sheets scored against the expert's: 1.")
}

// Spanish feedback has no English heading either.
func TestSpanishFeedbackHasNoEnglishHeading(t *testing.T) {
	r := missTheExchange(t, "--lang", "es")
	require.Equal(t, 0, r.code, r.errOut)
	for _, english := range []string{"Training feedback", "Red flags you missed", "Your result beside", "Indicators you missed", "Answers that differ", "Teaching notes", "The answer that closed", "Next steps your result", "MINOR", "not asked"} {
		assert.NotContains(t, r.out, english)
	}
}

// Every scenario is ready for a facilitator: who it suits, how hard it is,
// questions for the room, its public pattern; docs/facilitator.md names it.
func TestEveryScenarioHasFacilitatorMaterial(t *testing.T) {
	r := runBinary(t, "", "scenarios", "--output", "json")
	require.Equal(t, 0, r.code, r.errOut)
	var list []struct {
		ID, Difficulty, Source, Discussion string
		Audience                           []string
		LookAlike                          bool `json:"look_alike"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.out), &list))
	require.GreaterOrEqual(t, len(list), 20)
	guide, err := os.ReadFile("../../docs/facilitator.md")
	require.NoError(t, err)
	look := 0
	for _, s := range list {
		assert.NotEmpty(t, s.Difficulty, s.ID)
		assert.NotEmpty(t, s.Source, s.ID)
		assert.NotEmpty(t, s.Discussion, s.ID)
		assert.NotEmpty(t, s.Audience, s.ID)
		assert.Contains(t, string(guide), s.ID, "docs/facilitator.md covers %s", s.ID)
		if s.LookAlike {
			look++
		}
	}
	assert.InDelta(t, float64(len(list))/3, float64(look), 3, "look-alikes about a third")
}
