package interview_test

import (
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/screening/interview"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

func testSet(t *testing.T) *q.Set {
	t.Helper()
	set, err := q.Load(os.DirFS("../testdata/set"), q.Options{})
	require.NoError(t, err)
	return set
}

// scripted answers from a map and records the steps it was given.
type scripted struct {
	answers q.Answers
	steps   []interview.Step
}

func (s *scripted) ask(st interview.Step) ([]string, error) {
	s.steps = append(s.steps, st)
	return s.answers[st.Question.ID], nil
}

func (s *scripted) asked() []string {
	var ids []string
	for _, st := range s.steps {
		ids = append(ids, st.Question.ID)
	}
	return ids
}

func TestTriageRoutes(t *testing.T) {
	tests := []struct {
		name    string
		answers q.Answers
		asked   []string
		modules []string
		notRun  string
	}{
		{
			name:    "works routes to labor; skip logic hides debt_work",
			answers: q.Answers{"danger": {"no"}, "age": {"adult"}, "works": {"yes"}, "debt": {"no"}},
			asked:   []string{"danger", "age", "works", "can_leave", "threatened", "watched", "conditions", "debt"},
			modules: []string{"labor"},
		},
		{
			name:    "debt yes shows debt_work",
			answers: q.Answers{"works": {"yes"}, "debt": {"yes"}},
			asked:   []string{"danger", "age", "works", "can_leave", "threatened", "watched", "conditions", "debt", "debt_work"},
			modules: []string{"labor"},
		},
		{
			name:    "no work, no module",
			answers: q.Answers{"works": {"no"}},
			asked:   []string{"danger", "age", "works"},
			notRun:  rules.NotRouted,
		},
		{
			name:    "not sure does not route where the rule says yes",
			answers: q.Answers{"works": {"not_sure"}},
			asked:   []string{"danger", "age", "works"},
			notRun:  rules.NotRouted,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &scripted{answers: tt.answers}
			in, err := interview.Run(testSet(t), nil, s.ask)
			require.NoError(t, err)
			assert.Equal(t, tt.asked, s.asked())
			assert.Equal(t, tt.modules, in.Modules)
			assert.Equal(t, len(tt.asked), in.Asked)
			if tt.notRun != "" {
				assert.Equal(t, tt.notRun, in.NotRun["labor"])
			}
		})
	}
}

func TestNamedModuleAsksOnlyTheTriageItNeeds(t *testing.T) {
	s := &scripted{answers: q.Answers{}}
	in, err := interview.Run(testSet(t), []string{"labor"}, s.ask)
	require.NoError(t, err)
	// danger and age are "always"; works is not referred to by labor.
	assert.Equal(t, []string{"danger", "age", "can_leave", "threatened", "watched", "conditions", "debt"}, s.asked())
	assert.Equal(t, []string{"labor"}, in.Modules)
	assert.Empty(t, in.Answers, "unanswered questions stay absent, never no")
}

func TestProgress(t *testing.T) {
	s := &scripted{answers: q.Answers{"works": {"yes"}, "debt": {"yes"}}}
	_, err := interview.Run(testSet(t), nil, s.ask)
	require.NoError(t, err)
	type prog struct{ n, total int }
	var got []prog
	for _, st := range s.steps {
		got = append(got, prog{st.Number, st.Total})
	}
	// Triage: 3 of 3. Labor: debt_work may still come until debt is
	// answered, so the total stays 6 and the last question is 6 of 6.
	assert.Equal(t, []prog{{1, 3}, {2, 3}, {3, 3}, {1, 6}, {2, 6}, {3, 6}, {4, 6}, {5, 6}, {6, 6}}, got)
	assert.True(t, s.steps[0].First)
	assert.True(t, s.steps[3].First)
	assert.False(t, s.steps[4].First)

	s = &scripted{answers: q.Answers{"works": {"yes"}, "debt": {"no"}}}
	_, err = interview.Run(testSet(t), nil, s.ask)
	require.NoError(t, err)
	last := s.steps[len(s.steps)-1]
	assert.Equal(t, "debt", last.Question.ID)
	assert.Equal(t, 5, last.Number)
	// When debt is asked its answer is not known yet, so debt_work still
	// counts; the progress line can only promise what the answers so far allow.
	assert.Equal(t, 6, last.Total)
}

func TestAskerErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	_, err := interview.Run(testSet(t), nil, func(interview.Step) ([]string, error) {
		n++
		if n == 2 {
			return nil, stop
		}
		return nil, nil
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 2, n)
}

func TestUnknownModule(t *testing.T) {
	_, err := interview.Run(testSet(t), []string{"organ"}, func(interview.Step) ([]string, error) { return nil, nil })
	assert.EqualError(t, err, `unknown module "organ"; this set has: [labor]`)
}

func TestNextReplays(t *testing.T) {
	set := testSet(t)
	a := q.Answers{}
	var asked []string
	for {
		st, in, done, err := interview.Next(set, nil, a)
		require.NoError(t, err)
		if done {
			assert.Equal(t, []string{"labor"}, in.Modules)
			assert.Equal(t, len(asked), in.Asked)
			break
		}
		asked = append(asked, st.Question.ID)
		switch st.Question.ID {
		case "works", "debt":
			a[st.Question.ID] = []string{"yes"}
		default:
			a[st.Question.ID] = []string{"not_sure"}
		}
	}
	assert.Equal(t, []string{"danger", "age", "works", "can_leave", "threatened", "watched", "conditions", "debt", "debt_work"}, asked)

	// Stepping back: forget the last answer and the same question returns.
	delete(a, "debt_work")
	st, _, done, err := interview.Next(set, nil, a)
	require.NoError(t, err)
	assert.False(t, done)
	assert.Equal(t, "debt_work", st.Question.ID)
	// Changing an earlier answer changes the path: debt_work is skipped.
	a["debt"] = []string{"no"}
	_, _, done, err = interview.Next(set, nil, a)
	require.NoError(t, err)
	assert.True(t, done)
}

func TestTriageOnly(t *testing.T) {
	s := &scripted{answers: q.Answers{"danger": {"no"}, "works": {"yes"}}}
	in, err := interview.Run(testSet(t), []string{"triage"}, s.ask)
	require.NoError(t, err)
	assert.Equal(t, []string{"danger", "age", "works"}, s.asked(), "the whole triage, no module")
	assert.Empty(t, in.Modules)
	assert.Equal(t, rules.Routed, in.NotRun["labor"], "the triage points to labor")

	s = &scripted{answers: q.Answers{"works": {"no"}}}
	in, err = interview.Run(testSet(t), []string{"triage"}, s.ask)
	require.NoError(t, err)
	assert.Equal(t, rules.NotRouted, in.NotRun["labor"])

	_, err = interview.Run(testSet(t), []string{"triage", "labor"}, s.ask)
	assert.Error(t, err)
}
