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

// work is the start of a screening of a person who works now.
func work(extra q.Answers) q.Answers {
	a := q.Answers{"danger": {"no"}, "age": {"adult"}, "works": {"now"}, "exchange": {"no"}, "seen": {"none"}}
	for k, v := range extra {
		a[k] = v
	}
	return a
}

func eval(t *testing.T, a q.Answers, modules ...string) *rules.Result {
	if modules == nil {
		modules = []string{"labor", "sex"}
	}
	return rules.Evaluate(testSet(t), rules.Input{Answers: a, Modules: modules})
}

func form(r *rules.Result, id string) *rules.Form {
	for _, f := range r.Forms {
		if f.Form == id {
			return f
		}
	}
	return nil
}

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
		level      rules.Level
		fired      []string
		incomplete bool
	}{
		{"all clear", work(q.Answers{"can_leave": {"yes"}, "m_threat": {"no"}, "m_papers": {"no"}, "debt": {"no"}, "conditions": {"no_rest"}}), rules.None, nil, false},
		{"one strong is concern", work(q.Answers{"can_leave": {"no"}}), rules.Concern, []string{"cannot_leave"}, false},
		{"strong plus weak is refer", work(q.Answers{"can_leave": {"no"}, "seen": {"watched"}}), rules.Refer, []string{"cannot_leave", "watched"}, false},
		{"a means tied to work counts", work(q.Answers{"can_leave": {"no"}, "m_threat": {"now"}, "m_threat_for": {"work"}}), rules.Refer, []string{"cannot_leave", "threats"}, false},
		{"a past means counts", work(q.Answers{"can_leave": {"no"}, "m_papers": {"before"}, "m_papers_for": {"work"}}), rules.Refer, []string{"cannot_leave", "papers"}, false},
		{"a means tied elsewhere does not count", work(q.Answers{"can_leave": {"no"}, "m_threat": {"now"}, "m_threat_for": {"other"}}), rules.Concern, []string{"cannot_leave"}, false},
		{"not sure never counts as no", work(q.Answers{"can_leave": {"not_sure"}, "seen": {"watched"}}), rules.None, []string{"watched"}, true},
		{"prefer not to say never counts as no", work(q.Answers{"can_leave": {"prefer_not_to_say"}}), rules.None, nil, true},
		{"weak alone is none", work(q.Answers{"can_leave": {"yes"}, "seen": {"watched"}, "m_threat": {"no"}, "m_papers": {"no"}, "debt": {"no"}, "conditions": {"no_rest"}}), rules.None, []string{"watched"}, false},
		{"red flag in a level rule", work(q.Answers{"danger": {"yes"}, "can_leave": {"yes"}}), rules.Refer, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := form(eval(t, tt.answers), "labor")
			assert.True(t, f.Screened)
			assert.Equal(t, tt.level, f.Level)
			assert.Equal(t, tt.fired, firedIDs(f))
			assert.Equal(t, tt.incomplete, f.Incomplete)
		})
	}
}

// Control facts alone never make a form: a person who does not work, whose
// papers are kept and who is threatened, shows no labor trafficking.
func TestPurposeGate(t *testing.T) {
	a := work(q.Answers{"works": {"no"}, "chores": {"no"}, "can_leave": {"no"}, "m_papers": {"now"}, "m_papers_for": {"work"}})
	f := form(eval(t, a), "labor")
	assert.Equal(t, rules.None, f.Level)
	assert.False(t, f.Purpose)
	assert.NotEmpty(t, f.Indicators, "the signs are still shown")

	a["chores"] = []string{"yes"}
	f = form(eval(t, a), "labor")
	assert.True(t, f.Purpose, "a gate question can establish the purpose")
	assert.Equal(t, rules.Refer, f.Level)
}

// A means the person could not tie to a situation counts, but only up to
// concern: it may belong to another part of their life.
func TestUntiedMeansIsCappedAtConcern(t *testing.T) {
	a := work(q.Answers{"can_leave": {"no"}, "m_threat": {"now"}, "m_threat_for": {"not_sure"}})
	f := form(eval(t, a), "labor")
	assert.Equal(t, rules.Concern, f.Level)
	assert.True(t, f.Capped)
	require.Len(t, f.Indicators, 2)
	assert.True(t, f.Indicators[1].Untied)
	assert.True(t, f.Incomplete, "tying the means could raise it")
}

// The same fact serves two forms only where the person ties it to both.
func TestMeansDoNotBleedAcrossForms(t *testing.T) {
	a := work(q.Answers{"exchange": {"now"}, "m_threat": {"now"}, "m_threat_for": {"work"}, "refuse": {"yes"}})
	r := eval(t, a)
	assert.Contains(t, firedIDs(form(r, "labor")), "threats")
	assert.NotContains(t, firedIDs(form(r, "sex")), "sex_threats")

	a["m_threat_for"] = []string{"work", "sex"}
	assert.Contains(t, firedIDs(form(eval(t, a), "sex")), "sex_threats")
}

func TestTiming(t *testing.T) {
	past := work(q.Answers{"works": {"before"}, "can_leave": {"no"}, "seen": {"watched"}})
	assert.Equal(t, rules.TimingPast, form(eval(t, past), "labor").Timing)
	now := work(q.Answers{"can_leave": {"no"}, "seen": {"watched"}})
	assert.Equal(t, rules.TimingNow, form(eval(t, now), "labor").Timing)
	none := work(q.Answers{"can_leave": {"yes"}})
	assert.Empty(t, form(eval(t, none), "labor").Timing, "no level, no timing")
}

func TestMinorNeedsNoMeans(t *testing.T) {
	a := q.Answers{"danger": {"no"}, "age": {"under_18"}, "works": {"no"}, "exchange": {"not_sure"}, "seen": {"none"}, "quota": {"yes"}}
	r := eval(t, a, "sex")
	require.Len(t, r.RedFlags, 1)
	assert.Equal(t, "minor", r.RedFlags[0].ID)
	assert.Equal(t, rules.Refer, form(r, "sex").Level)
}

func TestEvidenceNamesTheAnswer(t *testing.T) {
	f := form(eval(t, work(q.Answers{"can_leave": {"no"}, "m_threat": {"now"}, "m_threat_for": {"work"}})), "labor")
	require.Len(t, f.Indicators, 2)
	ev := f.Indicators[1].Because
	require.Len(t, ev, 2, "the means and its tie")
	assert.Equal(t, "m_threat", ev[0].Question.ID)
	assert.Equal(t, "m_threat_for", ev[1].Question.ID)
	assert.Equal(t, "refer", f.Rule.Level)
	assert.Equal(t, "Coercion.", f.Rule.Explain.In("en"))
	// The rule rests on a dimension; its basis names the answers behind the
	// indicators that made the dimension present.
	var basis []string
	for _, e := range f.RuleBasis {
		basis = append(basis, e.Question.ID)
	}
	assert.Equal(t, []string{"can_leave", "m_threat", "m_threat_for"}, basis)
}

func TestDimensionScores(t *testing.T) {
	f := form(eval(t, work(q.Answers{"can_leave": {"no"}, "seen": {"watched"}, "conditions": {"no_pay"}})), "labor")
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
	r := rules.Evaluate(set, rules.Input{Answers: q.Answers{}, NotRun: map[string]rules.Reason{"labor": rules.NotRouted}})
	require.Len(t, r.Forms, len(q.Forms()))
	for i, f := range r.Forms {
		assert.Equal(t, q.Forms()[i], f.Form)
		assert.False(t, f.Screened)
		assert.Equal(t, rules.None, f.Level)
	}
	assert.Equal(t, rules.NotRouted, r.Forms[0].NotScreened)
	assert.Equal(t, rules.NoModule, r.Forms[2].NotScreened)
	assert.Equal(t, []*q.File{set.Triage}, r.Files)
}

// The outlook of a screening under way: a level is known only when no open
// question can change it.
func TestBounds(t *testing.T) {
	set := testSet(t)
	open := func(ids ...string) func(string) bool {
		return func(id string) bool {
			for _, o := range ids {
				if o == id {
					return true
				}
			}
			return false
		}
	}
	runs := map[string]rules.Truth{"labor": rules.True, "sex": rules.False}
	a := work(q.Answers{"can_leave": {"no"}})
	o := rules.Bounds(set, rules.View{Answers: a, Unknown: open("m_threat", "m_threat_for", "m_papers", "m_papers_for", "conditions", "debt", "debt_work"), Runs: runs})
	assert.Equal(t, []string{string(rules.Concern), string(rules.Refer)}, o.Level("labor"), "one strong: concern, and a second could make it refer")
	assert.False(t, o.Settled(nil))

	a["m_threat"], a["m_threat_for"] = []string{"now"}, []string{"work"}
	o = rules.Bounds(set, rules.View{Answers: a, Unknown: open("m_papers", "m_papers_for", "conditions", "debt", "debt_work"), Runs: runs})
	assert.Equal(t, []string{string(rules.Refer)}, o.Level("labor"))
	assert.Equal(t, []string{"not_screened"}, o.Level("sex"))
	assert.True(t, o.Settled(nil), "refer cannot go higher, no flag can change")

	// A guidance condition that is still open keeps it unsettled.
	watch := []*q.Condition{{Question: "debt", Is: "yes"}}
	assert.False(t, o.Settled(watch))
	assert.Equal(t, rules.Unknown, o.Holds(watch[0]))
	assert.Equal(t, rules.True, o.Holds(&q.Condition{Form: "labor", Level: []string{string(rules.Refer)}}))
	assert.Equal(t, rules.False, o.Holds(&q.Condition{Form: "sex", Level: []string{string(rules.None)}}), "a form not screened is at no level")
}
