package scenario_test

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/questionnaires"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
	"github.com/htscreen/htscreen/screening/scenario"
)

func load(t *testing.T) (*q.Set, []*scenario.Scenario) {
	t.Helper()
	set, err := q.Load(questionnaires.FS(), q.Options{})
	require.NoError(t, err)
	all, err := scenario.Load(questionnaires.Scenarios(), set, []string{"es"})
	require.NoError(t, err)
	return set, all
}

// Every shipped scenario's expert answers must give the scenario's expected
// result: a disagreement is a bug in the scenario or in the rules.
func TestShippedScenariosMatchTheRules(t *testing.T) {
	set, all := load(t)
	require.GreaterOrEqual(t, len(all), 10)
	for _, s := range all {
		t.Run(s.ID, func(t *testing.T) {
			r := s.Expert(set)
			for _, f := range r.Forms {
				assert.Equal(t, s.Expected.Levels.Of(f.Form), f.Level, "%s level", f.Form)
			}
			var flags []string
			for _, f := range r.RedFlags {
				flags = append(flags, f.ID)
			}
			assert.ElementsMatch(t, s.Expected.RedFlags, flags)
		})
	}
}

// The shipped set covers what trainers need to teach.
func TestScenarioCoverage(t *testing.T) {
	_, all := load(t)
	referred := map[string]bool{}
	flags := map[string]bool{}
	negatives := 0
	for _, s := range all {
		none := true
		for _, f := range q.Forms() {
			if l := s.Expected.Levels.Of(f); l != rules.None {
				none = false
				if l == rules.Refer {
					referred[f] = true
				}
			}
		}
		for _, f := range s.Expected.RedFlags {
			flags[f] = true
		}
		if none && len(s.Expected.RedFlags) == 0 {
			negatives++
		}
	}
	for _, f := range q.Forms() {
		assert.True(t, referred[f], "no scenario refers for %s", f)
	}
	assert.True(t, flags["minor"])
	assert.True(t, flags["emergency"])
	assert.GreaterOrEqual(t, negatives, 5, "look-alikes: smuggling, wage dispute, arranged marriage, lawful donation, adult sex work")
}

func TestCompare(t *testing.T) {
	set, all := load(t)
	s := scenario.Find(all, "caregiver")
	require.NotNil(t, s)
	expert := s.Expert(set)
	// A trainee who did not ask about the passport and heard "no" to the
	// other control questions.
	a := q.Answers{}
	for k, v := range s.Given {
		a[k] = v
	}
	delete(a, "m_documents")
	delete(a, "m_documents_for")
	for _, id := range []string{"m_cannot_stop", "m_harm", "m_kept_in"} {
		a[id] = []string{"no"}
		delete(a, id+q.ForSuffix)
	}
	in := rules.Input{Answers: a, Modules: []string{"labor"}}
	trainee := rules.Evaluate(set, in)
	fb := scenario.Compare(set, expert, trainee)

	var missed []string
	for _, ind := range fb.Missed {
		missed = append(missed, ind.ID)
	}
	assert.ElementsMatch(t, []string{"labor_cannot_stop", "labor_harm", "labor_documents", "labor_kept_in"}, missed)
	assert.Empty(t, fb.OverCalled)
	var diffs []string
	for _, d := range fb.Answers {
		diffs = append(diffs, d.Question.ID)
	}
	assert.Equal(t, []string{"m_cannot_stop", "m_cannot_stop_for", "m_harm", "m_harm_for", "m_documents", "m_documents_for", "m_kept_in", "m_kept_in_for"}, diffs, "real disagreements, in interview order")
	i0 := slices.IndexFunc(fb.Levels, func(d scenario.LevelDiff) bool { return d.Form == "labor" })
	require.NotEmpty(t, fb.Levels[i0].Cause, "an under-call names the answers that closed it")
	assert.Equal(t, "m_cannot_stop", fb.Levels[i0].Cause[0].Question.ID)
	i := slices.IndexFunc(fb.Levels, func(d scenario.LevelDiff) bool { return d.Form == "labor" })
	assert.Equal(t, rules.Refer, fb.Levels[i].Expert)
	assert.Equal(t, rules.None, fb.Levels[i].Trainee, "without the control questions the trainee under-calls")
	assert.False(t, fb.Levels[i].Same())
}

func TestLoadErrors(t *testing.T) {
	set, _ := load(t)
	bad := `id: x
title: {en: X}
setting: {en: S}
role: judge
region: nj
persona: {en: P}
teaching: {en: T}
answers:
  danger_nowz: "no"
  works_for_someone: "no"
  labor_pay: not_paid
expected:
  levels: {labor: high, sex: none, forced_marriage: none, organ: none}
  red_flags: [urgent]
`
	_, err := scenario.Load(fstest.MapFS{"x.yaml": {Data: []byte(bad)}}, set, nil)
	require.Error(t, err)
	assert.Equal(t, `x.yaml:4:7: role "judge" must be one of: police, shelter, health, trainer
x.yaml:5:9: region "nj" must be one of: nyc, nys
x.yaml:9:3: unknown question "danger_nowz"; did you mean "danger_now"?
x.yaml:13:19: expected level for labor must be none, concern or refer, not "high"
x.yaml:14:14: unknown red flag "urgent"; use: emergency, minor, one_chance`, err.Error())
}

// An answer the scenario accepts as reasonable is not a disagreement.
func TestAcceptableAnswersAreNotMistakes(t *testing.T) {
	set, all := load(t)
	s := scenario.Find(all, "nail_salon")
	require.NotNil(t, s)
	expert := s.Expert(set)
	a := q.Answers{}
	for k, v := range s.Given {
		a[k] = v
	}
	a["danger_now"] = []string{"no"}
	in := rules.Input{Answers: a, Modules: []string{"labor"}}
	trainee := rules.Evaluate(set, in)
	differs := func(fb *scenario.Feedback) bool {
		return slices.ContainsFunc(fb.Answers, func(d scenario.AnswerDiff) bool { return d.Question.ID == "danger_now" })
	}
	require.True(t, differs(s.Compare(set, expert, trainee)), "not accepted yet: a disagreement")
	s.Acceptable = []*scenario.Acceptable{{Question: "danger_now", Answers: []string{"no", "not_sure"}}}
	assert.False(t, differs(s.Compare(set, expert, trainee)), "accepted: not a mistake")
}
