package rules_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

func testSet(t testing.TB) *q.Set {
	t.Helper()
	set, err := q.Load(os.DirFS("../testdata/set"), q.Options{})
	require.NoError(t, err)
	return set
}

func eval(t *testing.T, a q.Answers) *rules.Result {
	return rules.Evaluate(testSet(t), rules.Input{Answers: a, Modules: []string{"labor"}})
}

func labor(r *rules.Result) *rules.Form { return r.Forms[0] }

func firedIDs(f *rules.Form) []string {
	var ids []string
	for _, fi := range f.Indicators {
		ids = append(ids, fi.Indicator.ID)
	}
	return ids
}

func TestLevels(t *testing.T) {
	tests := []struct {
		name       string
		answers    q.Answers
		level      string
		fired      []string
		incomplete bool
	}{
		{"nothing answered", q.Answers{}, rules.None, nil, true},
		{"all clear", q.Answers{"can_leave": {"yes"}, "threatened": {"no"}, "debt": {"no"}}, rules.None, nil, false},
		{"one strong is concern", q.Answers{"can_leave": {"no"}}, rules.Concern, []string{"cannot_leave"}, false},
		{"strong plus weak is refer", q.Answers{"can_leave": {"no"}, "watched": {"yes"}}, rules.Refer, []string{"cannot_leave", "watched"}, false},
		{"two strong is refer", q.Answers{"can_leave": {"no"}, "threatened": {"yes"}}, rules.Refer, []string{"cannot_leave", "threats"}, false},
		{"exploitation alone is concern", q.Answers{"can_leave": {"yes"}, "conditions": {"long_hours", "no_pay"}}, rules.Concern, []string{"long_hours", "no_pay"}, false},
		{"not sure never counts as no", q.Answers{"can_leave": {"not_sure"}, "watched": {"yes"}}, rules.None, []string{"watched"}, true},
		{"prefer not to say never counts as no", q.Answers{"can_leave": {"prefer_not_to_say"}}, rules.None, nil, true},
		{"weak alone is none", q.Answers{"can_leave": {"yes"}, "watched": {"yes"}}, rules.None, []string{"watched"}, false},
		{"hidden key question does not make it incomplete", q.Answers{"can_leave": {"yes"}, "debt": {"no"}}, rules.None, nil, false},
		{"shown key question left unanswered", q.Answers{"can_leave": {"yes"}, "debt": {"yes"}}, rules.None, nil, true},
		{"red flag in a level rule", q.Answers{"can_leave": {"yes"}, "danger": {"yes"}}, rules.Refer, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := labor(eval(t, tt.answers))
			assert.True(t, f.Screened)
			assert.Equal(t, tt.level, f.Level)
			assert.Equal(t, tt.fired, firedIDs(f))
			assert.Equal(t, tt.incomplete, f.Incomplete)
		})
	}
}

func TestEvidenceNamesTheAnswer(t *testing.T) {
	f := labor(eval(t, q.Answers{"can_leave": {"no"}, "threatened": {"yes"}}))
	require.Len(t, f.Indicators, 2)
	ev := f.Indicators[0].Because
	require.Len(t, ev, 1)
	assert.Equal(t, "can_leave", ev[0].Question.ID)
	assert.Equal(t, []string{"no"}, ev[0].Answer)
	assert.Equal(t, "refer", f.Rule.Level)
	assert.Equal(t, "Coercion.", f.Rule.Explain.In("en"))
}

func TestDimensionScores(t *testing.T) {
	f := labor(eval(t, q.Answers{"can_leave": {"no"}, "watched": {"yes"}, "conditions": {"no_pay"}}))
	require.Len(t, f.Dimensions, 2)
	c, e := f.Dimensions[0], f.Dimensions[1]
	assert.Equal(t, "coercion", c.Dimension.ID)
	assert.Equal(t, 5, c.Score)
	assert.True(t, c.Present)
	assert.Equal(t, 1, c.Strong)
	assert.Equal(t, 1, c.Weak)
	assert.Equal(t, 2, e.Score)
	assert.False(t, e.Present)
}

func TestRedFlagsComeFromTriage(t *testing.T) {
	r := eval(t, q.Answers{"danger": {"yes"}})
	require.Len(t, r.RedFlags, 1)
	assert.Equal(t, "emergency", r.RedFlags[0].ID)
	assert.Equal(t, "danger", r.RedFlags[0].Because[0].Question.ID)

	r = eval(t, q.Answers{"danger": {"not_sure"}})
	assert.Empty(t, r.RedFlags, "not sure is not yes")
}

func TestEveryFormIsReported(t *testing.T) {
	set := testSet(t)
	r := rules.Evaluate(set, rules.Input{Answers: q.Answers{}, NotRun: map[string]string{"labor": rules.NotRouted}})
	require.Len(t, r.Forms, len(q.Forms))
	for i, f := range r.Forms {
		assert.Equal(t, q.Forms[i], f.Form)
		assert.False(t, f.Screened)
		assert.Equal(t, rules.None, f.Level)
	}
	assert.Equal(t, rules.NotRouted, r.Forms[0].NotScreened)
	assert.Equal(t, rules.NoModule, r.Forms[1].NotScreened)
	assert.Equal(t, []*q.File{set.Triage}, r.Files)
}

func TestPossible(t *testing.T) {
	set := testSet(t)
	showIf := set.Question("debt_work").ShowIf
	undecided := func(string) bool { return false }
	decided := func(string) bool { return true }
	assert.True(t, rules.Possible(showIf, q.Answers{}, undecided), "debt not yet asked: debt_work may come")
	assert.False(t, rules.Possible(showIf, q.Answers{"debt": {"no"}}, decided))
	assert.True(t, rules.Possible(showIf, q.Answers{"debt": {"yes"}}, decided))
	assert.False(t, rules.Possible(showIf, q.Answers{}, decided), "debt skipped: debt_work will not come")
}
