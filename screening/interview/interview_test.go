package interview_test

import (
	"errors"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/questionnaires"
	"github.com/htscreen/htscreen/screening/interview"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

func testSet(t testing.TB) *q.Set {
	t.Helper()
	set, err := q.Load(os.DirFS("../testdata/set"), q.Options{})
	require.NoError(t, err)
	return set
}

// scripted answers from a map, goes on past urgent steps, stops (or not) at
// a settled result, and records the steps it was given.
type scripted struct {
	answers q.Answers
	goOn    bool
	steps   []interview.Step
}

func (s *scripted) Ask(st interview.Step) ([]string, error) {
	s.steps = append(s.steps, st)
	return s.answers[st.Question.ID], nil
}

func (s *scripted) Decide(st interview.Step) (bool, error) {
	s.steps = append(s.steps, st)
	return st.Kind == interview.Urgent || s.goOn, nil
}

func (s *scripted) asked() []string {
	var ids []string
	for _, st := range s.steps {
		if st.Kind == interview.Ask {
			ids = append(ids, st.Question.ID)
		}
	}
	return ids
}

func (s *scripted) kinds() []interview.Kind {
	var k []interview.Kind
	for _, st := range s.steps {
		if st.Kind != interview.Ask {
			k = append(k, st.Kind)
		}
	}
	return k
}

func run(t *testing.T, a q.Answers, goOn bool, modules ...string) (*scripted, rules.Input) {
	t.Helper()
	s := &scripted{answers: a, goOn: goOn}
	in, err := interview.Run(&interview.Plan{Set: testSet(t), Modules: modules}, s)
	require.NoError(t, err)
	return s, in
}

var start = []string{"danger", "age", "works", "exchange", "seen"}

func TestOrder(t *testing.T) {
	tests := []struct {
		name    string
		answers q.Answers
		asked   []string
		modules []string
		stop    string
	}{
		{
			name:    "a person who works: the shared means, then the labor questions; the sex gate is closed by no",
			answers: q.Answers{"danger": {"no"}, "age": {"adult"}, "works": {"now"}, "exchange": {"no"}, "seen": {"none"}, "m_threat": {"no"}, "m_papers": {"no"}, "can_leave": {"yes"}, "conditions": {"no_rest"}, "debt": {"no"}},
			asked:   append(slices.Clone(start), "m_threat", "m_papers", "can_leave", "conditions", "debt"),
			modules: []string{"labor"},
		},
		{
			name:    "not sure at the triage leads to the gate, and a no at the gate ends the module",
			answers: q.Answers{"danger": {"no"}, "age": {"adult"}, "works": {"not_sure"}, "exchange": {"no"}, "seen": {"none"}, "chores": {"no"}},
			asked:   append(slices.Clone(start), "chores"),
			modules: []string{"labor"},
		},
		{
			name:    "no purpose anywhere: the triage alone",
			answers: q.Answers{"danger": {"no"}, "age": {"adult"}, "works": {"no"}, "exchange": {"no"}, "seen": {"none"}},
			asked:   start,
		},
		{
			name:    "a yes to a means asks which situation, once, for both modules",
			answers: q.Answers{"danger": {"no"}, "age": {"adult"}, "works": {"now"}, "exchange": {"now"}, "seen": {"none"}, "m_threat": {"now"}, "m_threat_for": {"work", "sex"}, "m_papers": {"no"}, "can_leave": {"no"}, "refuse": {"no"}},
			asked:   append(slices.Clone(start), "m_threat", "m_threat_for", "m_papers", "can_leave", "refuse"),
			modules: []string{"labor", "sex"},
			stop:    rules.StopSettled,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, in := run(t, tt.answers, false)
			assert.Equal(t, tt.asked, s.asked())
			assert.Equal(t, tt.modules, in.Modules)
			assert.Equal(t, tt.stop, in.Stop)
		})
	}
}

// Once labor is at refer and nothing else can change, the interview stops
// and says how many questions it leaves.
func TestSettledStopsAndCanGoOn(t *testing.T) {
	a := q.Answers{"danger": {"no"}, "age": {"adult"}, "works": {"now"}, "exchange": {"no"}, "seen": {"none"},
		"m_threat": {"now"}, "m_threat_for": {"work"}, "m_papers": {"now"}, "m_papers_for": {"work"},
		"can_leave": {"no"}, "conditions": {"no_rest"}, "debt": {"no"}}
	s, in := run(t, a, false)
	assert.Equal(t, append(slices.Clone(start), "m_threat", "m_threat_for", "m_papers", "m_papers_for"), s.asked())
	assert.Equal(t, []interview.Kind{interview.Settled}, s.kinds())
	assert.Equal(t, rules.StopSettled, in.Stop)
	assert.Equal(t, 4, in.Skipped, "can_leave, conditions, debt and debt_work, which debt may show")

	s, in = run(t, a, true)
	assert.Equal(t, append(slices.Clone(start), "m_threat", "m_threat_for", "m_papers", "m_papers_for", "can_leave", "conditions", "debt"), s.asked())
	assert.Empty(t, in.Stop)

	full, err := interview.Run(&interview.Plan{Set: testSet(t), Full: true}, &scripted{answers: a})
	require.NoError(t, err)
	assert.Empty(t, full.Stop, "--full never stops early")
	assert.Equal(t, 12, full.Asked)
}

// An emergency interrupts at once, before any further question.
func TestUrgentInterruptsAtOnce(t *testing.T) {
	a := q.Answers{"danger": {"yes"}, "age": {"adult"}, "works": {"no"}, "exchange": {"no"}, "seen": {"none"}}
	s, _ := run(t, a, false)
	require.NotEmpty(t, s.steps)
	assert.Equal(t, interview.Urgent, s.steps[1].Kind, "right after the answer that raised it")
	assert.Positive(t, s.steps[1].Open)
}

func TestStopAtUrgent(t *testing.T) {
	set := testSet(t)
	a := q.Answers{"danger": {"yes"}}
	st, in, done, err := interview.Next(&interview.Plan{Set: set}, a, interview.Flow{}, "")
	require.NoError(t, err)
	require.False(t, done)
	require.Equal(t, interview.Urgent, st.Kind)
	_, in, done, err = interview.Next(&interview.Plan{Set: set}, a, interview.Flow{UrgentSeen: true}, rules.StopUrgent)
	require.NoError(t, err)
	require.True(t, done)
	assert.Equal(t, rules.StopUrgent, in.Stop)
	assert.Equal(t, rules.Stopped, in.NotRun["labor"], "the module was not reached")
	r := rules.Evaluate(set, in)
	assert.Equal(t, "emergency", r.RedFlags[0].ID)
}

func TestNamedModuleAsksOnlyTheTriageItNeeds(t *testing.T) {
	s, in := run(t, q.Answers{"works": {"no"}, "chores": {"no"}}, false, "labor")
	assert.Equal(t, []string{"danger", "age", "works", "seen", "chores"}, s.asked())
	assert.Equal(t, []string{"labor"}, in.Modules)
	assert.Equal(t, rules.NotSelected, in.NotRun["sex"])
}

// Progress never shows a total that grows: "at most N more" only shrinks.
func TestProgressNeverGrows(t *testing.T) {
	a := q.Answers{"danger": {"no"}, "age": {"adult"}, "works": {"now"}, "exchange": {"no"}, "seen": {"none"},
		"m_threat": {"no"}, "m_papers": {"no"}, "can_leave": {"yes"}, "conditions": {"no_rest"}, "debt": {"yes"}, "debt_work": {"no"}}
	s, _ := run(t, a, false)
	last := map[string]int{}
	for _, st := range s.steps {
		if st.Kind != interview.Ask {
			continue
		}
		id := st.Section.ID
		if prev, ok := last[id]; ok {
			assert.Less(t, st.AtMost, prev, "%s: at most %d after %d", st.Question.ID, st.AtMost, prev)
		}
		last[id] = st.AtMost
	}
	assert.Equal(t, 1, s.steps[0].Number)
	assert.True(t, s.steps[0].First)
}

func TestAskerErrorStops(t *testing.T) {
	boom := errors.New("boom")
	_, err := interview.Run(&interview.Plan{Set: testSet(t)}, failing{boom})
	assert.ErrorIs(t, err, boom)
}

type failing struct{ err error }

func (f failing) Ask(interview.Step) ([]string, error) { return nil, f.err }
func (f failing) Decide(interview.Step) (bool, error)  { return false, f.err }

func TestUnknownModule(t *testing.T) {
	_, err := interview.Run(&interview.Plan{Set: testSet(t), Modules: []string{"nope"}}, &scripted{})
	assert.ErrorContains(t, err, `unknown module "nope"`)
}

func TestTriageOnly(t *testing.T) {
	a := q.Answers{"danger": {"no"}, "age": {"under_18"}, "works": {"now"}, "exchange": {"prefer_not_to_say"}, "seen": {"venue"}}
	s, in := run(t, a, false, q.TriageID)
	assert.Equal(t, start, s.asked())
	assert.Empty(t, in.Modules)
	assert.Equal(t, rules.Routed, in.NotRun["labor"])
	assert.Equal(t, rules.Routed, in.NotRun["sex"])
	r := rules.Evaluate(testSet(t), in)
	require.Len(t, r.RedFlags, 1, "a child seen where commercial sex takes place raises minor even in the triage alone")
	assert.Equal(t, "minor", r.RedFlags[0].ID)
}

// signature is what a settled result promises not to change.
type signature struct {
	levels map[string]string
	flags  []string
	watch  []bool
}

func sign(set *q.Set, in rules.Input, watch []*q.Condition) signature {
	r := rules.Evaluate(set, in)
	s := signature{levels: map[string]string{}}
	for _, f := range r.Forms {
		l := string(f.Level)
		if !f.Screened {
			l = "not screened: " + string(f.NotScreened)
		}
		s.levels[f.Form] = l
	}
	for _, fl := range r.RedFlags {
		s.flags = append(s.flags, fl.ID)
	}
	for _, c := range watch {
		s.watch = append(s.watch, r.Holds(c))
	}
	return s
}

// random answers every question at random; at a settled result it stops
// or goes on as told.
type random struct {
	rng  *rand.Rand
	goOn bool
	seen *interview.Step
	got  q.Answers
}

func (r *random) Ask(st interview.Step) ([]string, error) {
	ids := st.Question.AnswerIDs()
	if st.Question.Type == q.Multiple && r.rng.IntN(3) == 0 {
		var many []string
		for _, id := range ids {
			if id != q.NotSure && id != q.PreferNotToSay && st.Question.ExclusiveChoice([]string{id}) == "" && r.rng.IntN(2) == 0 {
				many = append(many, id)
			}
		}
		if len(many) > 0 {
			r.got[st.Question.ID] = many
			return many, nil
		}
	}
	a := []string{ids[r.rng.IntN(len(ids))]}
	r.got[st.Question.ID] = a
	return a, nil
}

func (r *random) Decide(st interview.Step) (bool, error) {
	if st.Kind == interview.Settled && r.seen == nil {
		r.seen = &st
	}
	return st.Kind == interview.Urgent || r.goOn, nil
}

// The property behind stopping early (deterministic curtailment, research
// instruments.md §11): for random answers judged settled, every random
// completion of the rest gives the same levels, red flags and guidance
// conditions.
func TestSettledMeansNoCompletionChangesTheResult(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  *q.Set
	}{{"test set", testSet(t)}, {"shipped set", shipped(t)}} {
		t.Run(tc.name, func(t *testing.T) {
			set := tc.set
			watch := []*q.Condition{
				{RedFlag: "any"},
				{Form: "any", Level: []string{string(string(rules.Refer))}},
				{Form: "any", Level: []string{string(string(rules.Concern)), string(string(rules.Refer))}, Timing: rules.TimingPast},
			}
			settled := 0
			for seed := range uint64(150) {
				rng := rand.New(rand.NewPCG(seed, 7))
				stopper := &random{rng: rng, got: q.Answers{}}
				plan := &interview.Plan{Set: set, Watch: watch}
				in, err := interview.Run(plan, stopper)
				require.NoError(t, err)
				if in.Stop != rules.StopSettled {
					continue
				}
				settled++
				want := sign(set, in, watch)
				for k := range uint64(3) {
					// The same answers up to the stop, then random ones.
					done := stopper.got.Clone()
					goer := &random{rng: rand.New(rand.NewPCG(seed, 100+k)), goOn: true, got: q.Answers{}}
					rest, err := interview.Run(plan, replay{done, goer})
					require.NoError(t, err)
					require.Empty(t, rest.Stop)
					assert.Equal(t, want, sign(set, rest, watch), "seed %d completion %d", seed, k)
				}
			}
			assert.Greater(t, settled, 15, "enough runs stopped early to test the property")
		})
	}
}

// replay answers from fixed answers first, then from the random asker.
type replay struct {
	fixed q.Answers
	next  *random
}

func (r replay) Ask(st interview.Step) ([]string, error) {
	if a, ok := r.fixed[st.Question.ID]; ok {
		return a, nil
	}
	return r.next.Ask(st)
}

func (r replay) Decide(st interview.Step) (bool, error) { return true, nil }

func shipped(t testing.TB) *q.Set {
	set, err := q.Load(questionnaires.FS(), q.Options{})
	require.NoError(t, err)
	return set
}

// Replay gives what a full walk gives, in one pass.
func TestReplayMatchesAFullWalk(t *testing.T) {
	for _, set := range []*q.Set{testSet(t), shipped(t)} {
		for seed := range uint64(200) {
			rng := rand.New(rand.NewPCG(seed, 3))
			r := &random{rng: rng, goOn: true, got: q.Answers{}}
			modules := []string(nil)
			if seed%5 == 0 {
				modules = []string{q.TriageID}
			}
			full, err := interview.Run(&interview.Plan{Set: set, Modules: modules, Full: true}, r)
			require.NoError(t, err)
			replayed, unused, err := interview.Replay(&interview.Plan{Set: set, Modules: modules}, r.got)
			require.NoError(t, err)
			assert.Empty(t, unused)
			assert.Equal(t, full.Answers, replayed.Answers, "seed %d", seed)
			assert.Equal(t, full.Modules, replayed.Modules, "seed %d", seed)
			assert.Equal(t, full.NotRun, replayed.NotRun, "seed %d", seed)
			assert.Equal(t, full.Reached, replayed.Reached, "seed %d", seed)
		}
	}
}
