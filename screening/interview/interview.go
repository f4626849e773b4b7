// Package interview decides which questions a screening asks, and in what
// order: the triage first, then the modules it routes to (or the modules named
// by the user), each question only when its skip logic lets it through.
// Runners (plain prompts, full screen, an answers file) only answer the
// questions it puts to them, so they cannot disagree about the path.
package interview

import (
	"errors"
	"fmt"
	"slices"

	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// Step is one question put to a runner, with where it stands.
type Step struct {
	Question *q.Question
	// Section is the questionnaire being asked.
	Section *q.File
	// Number is the question's place in its section (from 1) and Total the
	// questions the section will ask as far as the answers so far tell;
	// skip logic can change Total as the screening goes on.
	Number, Total int
	// First is true for the first question of a section, so that a runner
	// can show the section's opening conditions.
	First bool
}

// Asker answers one step. It returns nil for a question left unanswered (an
// answers file that does not mention it); an error ends the screening.
type Asker func(Step) ([]string, error)

// ErrNoTriage is returned when a screening without named modules is asked of
// a set that has no triage to route it.
var ErrNoTriage = errors.New("this questionnaire set has no triage.yaml; name the modules to run, e.g. htscreen screen labor")

// Run asks the questions and returns what the rules need to score them.
// With no modules named, the triage routes; otherwise the triage asks only
// its "always" questions and the ones the named modules refer to.
//
// Naming the triage alone (modules = ["triage"]) runs only the triage: a few
// minutes at a roadside. The forms it points to are then reported as
// rules.Routed (to be asked in a private follow-up), not as screened.
func Run(set *q.Set, modules []string, ask Asker) (rules.Input, error) {
	in := rules.Input{Answers: q.Answers{}, NotRun: map[string]string{}}
	triageOnly := slices.Contains(modules, q.TriageID)
	if triageOnly {
		if len(modules) > 1 {
			return in, fmt.Errorf("the triage runs alone or first by itself; name either triage, or the modules")
		}
		modules = nil
	}
	explicit := len(modules) > 0
	if !explicit && set.Triage == nil {
		return in, ErrNoTriage
	}
	for _, m := range modules {
		if set.Module(m) == nil {
			return in, fmt.Errorf("unknown module %q; this set has: %v", m, set.Modules())
		}
	}
	if set.Triage != nil {
		questions := set.Triage.Questions
		if explicit {
			questions = triageFor(set, modules)
		}
		if err := section(set.Triage, questions, &in, ask); err != nil {
			return in, err
		}
	}
	if !explicit {
		for _, r := range set.Triage.Routes {
			if set.Module(r.Module) != nil && !slices.Contains(modules, r.Module) && rules.Holds(r.When, in.Answers) {
				modules = append(modules, r.Module)
			}
		}
	}
	if triageOnly {
		for _, id := range q.Forms {
			if set.Module(id) == nil {
				continue
			}
			in.NotRun[id] = rules.NotRouted
			if slices.Contains(modules, id) {
				in.NotRun[id] = rules.Routed
			}
		}
		return in, nil
	}
	for _, id := range q.Forms {
		f := set.Module(id)
		switch {
		case f == nil:
			continue
		case !slices.Contains(modules, id):
			if explicit {
				in.NotRun[id] = rules.NotSelected
			} else {
				in.NotRun[id] = rules.NotRouted
			}
			continue
		}
		if err := section(f, f.Questions, &in, ask); err != nil {
			return in, err
		}
		in.Modules = append(in.Modules, id)
	}
	return in, nil
}

// section asks one questionnaire's questions in order.
func section(f *q.File, questions []*q.Question, in *rules.Input, ask Asker) error {
	decided := map[string]bool{}
	isDecided := func(id string) bool { return decided[id] || in.Answers[id] != nil }
	number := 0
	for i, qu := range questions {
		if !rules.Shown(qu, in.Answers) {
			decided[qu.ID] = true
			continue
		}
		number++
		total := number
		for _, rest := range questions[i+1:] {
			if rest.ShowIf == nil || rules.Possible(rest.ShowIf, in.Answers, isDecided) {
				total++
			}
		}
		a, err := ask(Step{Question: qu, Section: f, Number: number, Total: total, First: number == 1})
		if err != nil {
			return err
		}
		decided[qu.ID] = true
		in.Asked++
		if len(a) > 0 {
			in.Answers[qu.ID] = a
		}
	}
	return nil
}

// triageFor picks the triage questions a run of named modules needs: those
// marked always, those the modules refer to, and what their skip logic needs.
func triageFor(set *q.Set, modules []string) []*q.Question {
	need := map[string]bool{}
	for _, qu := range set.Triage.Questions {
		if qu.Always {
			need[qu.ID] = true
		}
	}
	for _, m := range modules {
		f := set.Module(m)
		for _, qu := range f.Questions {
			refs(qu.ShowIf, need)
		}
		for _, ind := range f.Indicators {
			refs(ind.When, need)
		}
		for _, l := range f.Levels {
			refs(l.When, need)
		}
		for _, rf := range f.RedFlags {
			refs(rf.When, need)
		}
	}
	// Skip logic refers only to earlier questions, so one backward pass
	// pulls in everything a needed question's show_if depends on.
	tq := set.Triage.Questions
	for i := len(tq) - 1; i >= 0; i-- {
		if need[tq[i].ID] {
			refs(tq[i].ShowIf, need)
		}
	}
	var out []*q.Question
	for _, qu := range tq {
		if need[qu.ID] {
			out = append(out, qu)
		}
	}
	return out
}

func refs(c *q.Condition, into map[string]bool) {
	for _, id := range c.Questions() {
		into[id] = true
	}
}

// errPause stops a replay at the first question without an answer.
var errPause = errors.New("pause")

// Next replays the interview over the answers given so far and returns the
// first question still to ask; done is true when there is none, and in is
// then what the rules need. A runner that shows one question at a time, and
// lets the user step back, calls it after every answer: replaying is cheap
// and keeps skip logic and routing in one place.
func Next(set *q.Set, modules []string, answers q.Answers) (step Step, in rules.Input, done bool, err error) {
	var next Step
	in, err = Run(set, modules, func(s Step) ([]string, error) {
		if a, ok := answers[s.Question.ID]; ok {
			return a, nil
		}
		next = s
		return nil, errPause
	})
	if errors.Is(err, errPause) {
		return next, in, false, nil
	}
	return Step{}, in, err == nil, err
}

// FromAnswers walks the interview with answers fixed in advance (an answers
// file, a training scenario): skip logic and routing apply as in a live
// screening, a question the answers leave out counts as not asked, and
// unused lists, sorted, the answers to questions the walk never reached.
func FromAnswers(set *q.Set, modules []string, given q.Answers) (in rules.Input, unused []string, err error) {
	used := map[string]bool{}
	in, err = Run(set, modules, func(s Step) ([]string, error) {
		a := given[s.Question.ID]
		if a != nil {
			used[s.Question.ID] = true
		}
		return a, nil
	})
	if err != nil {
		return in, nil, err
	}
	// Run counts every question it reached; here only the answered ones
	// were really asked.
	in.Asked = len(used)
	for id := range given {
		if !used[id] {
			unused = append(unused, id)
		}
	}
	slices.Sort(unused)
	return in, unused, nil
}
