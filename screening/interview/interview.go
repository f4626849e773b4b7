// Package interview decides which questions a screening asks, in what order,
// and when it may stop.
//
// One interview serves the four forms of trafficking, because every form is
// the same act and means for a different purpose:
//
//  1. the triage: safety and age first, one purpose question per form, the
//     screener's observations; its routes say which modules follow;
//  2. each routed module's gate: its purpose questions, for a purpose nobody
//     named yet (a "not sure" at the triage leads here, never straight into
//     a whole module);
//  3. the shared means (force, fraud, coercion), asked once whichever modules
//     run, each "yes" tied by a follow-up to the situation it serves;
//  4. the rest of each module whose purpose holds.
//
// After every answer the result's outlook is computed in three-valued logic
// (rules.Bounds). When an emergency is raised the runner is told at once;
// when no open question can change any level, red flag or guidance step,
// the result is settled and the runner may stop (the default) or go on for
// detail. Runners (plain prompts, full screen, an answers file) only answer
// the steps put to them, so they cannot disagree about the path.
package interview

import (
	"errors"
	"fmt"
	"slices"

	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// Kind of step.
type Kind int

const (
	// Ask puts a question.
	Ask Kind = iota
	// Urgent says that a red flag needing action now was raised: the
	// runner shows what to do first, then asks whether to go on.
	Urgent
	// Settled says that no open question can change the result: the runner
	// asks whether to stop (the default) or go on for detail.
	Settled
)

// UrgentFlags are the red flags that interrupt a screening at once.
var urgentFlags = []string{"emergency"}

// Step is one thing put to a runner.
type Step struct {
	Kind     Kind
	Question *q.Question
	// Section is the questionnaire being asked.
	Section *q.File
	// Number is the question's place in its section (from 1), and AtMost
	// the most questions that can still follow it in the section. AtMost
	// never grows as the screening goes on, so progress never jumps back.
	Number, AtMost int
	// First is true for the first question of a section, so that a runner
	// can show the section's opening conditions.
	First bool
	// Open counts the questions still open at an Urgent or Settled step:
	// the ones that would only add detail once the result is settled.
	Open int
	// Outlook is the result's outlook at an Urgent or Settled step.
	Outlook *rules.Outlook
}

// Asker answers the steps of a screening.
type Asker interface {
	// Ask answers a question. It returns nil for a question left unanswered
	// (an answers file that does not mention it); an error ends the
	// screening.
	Ask(Step) ([]string, error)
	// Decide answers an Urgent or Settled step: true to go on asking.
	Decide(Step) (bool, error)
}

// ErrNoTriage is returned when a screening without named modules is asked of
// a set that has no triage to route it.
var ErrNoTriage = errors.New("this questionnaire set has no triage.yaml; name the modules to run")

// Plan is what a screening is asked to do.
type Plan struct {
	Set *q.Set
	// Modules are the modules named by the user; with none, the triage
	// routes. Naming the triage alone (["triage"]) runs only the triage: a
	// few minutes at a roadside. The forms it points to are then reported
	// as rules.Routed (to be asked in a private follow-up).
	Modules []string
	// Watch are further conditions on the result that must be known before
	// it is settled: the guidance steps for the user's role and region.
	Watch []*q.Condition
	// Full asks every question that applies, never stopping early.
	Full bool
}

// Flow holds the runner's decisions at Urgent and Settled steps.
type Flow struct {
	// UrgentSeen is set once the urgent step was shown and the screener
	// chose to go on; GoOn once they chose to go on past a settled result.
	UrgentSeen, GoOn bool
}

// Check reports a plan that cannot run: unknown modules, or no triage to
// route a screening that names none.
func (p *Plan) Check() error {
	mods := p.Modules
	if slices.Contains(mods, q.TriageID) {
		if len(mods) > 1 {
			return fmt.Errorf("the triage runs alone or first by itself; name either triage, or the modules")
		}
		if p.Set.Triage == nil {
			return ErrNoTriage
		}
		return nil
	}
	if len(mods) == 0 && p.Set.Triage == nil {
		return ErrNoTriage
	}
	for _, m := range mods {
		if p.Set.Module(m) == nil {
			return fmt.Errorf("unknown module %q; this set has: %v", m, p.Set.Modules())
		}
	}
	return nil
}

// Run asks the questions and returns what the rules need to score them.
func Run(p *Plan, ask Asker) (rules.Input, error) {
	if err := p.Check(); err != nil {
		return rules.Input{}, err
	}
	w := &walk{plan: p, answers: q.Answers{}, passed: map[string]bool{}}
	for {
		st, done := w.next()
		if done {
			return w.input(), nil
		}
		switch st.Kind {
		case Ask:
			a, err := ask.Ask(st)
			if err != nil {
				return rules.Input{}, err
			}
			w.record(st.Question, a)
		case Urgent:
			goOn, err := ask.Decide(st)
			if err != nil {
				return rules.Input{}, err
			}
			w.flow.UrgentSeen = true
			if !goOn {
				w.stop = rules.StopUrgent
			}
		case Settled:
			goOn, err := ask.Decide(st)
			if err != nil {
				return rules.Input{}, err
			}
			if goOn {
				w.flow.GoOn = true
			} else {
				w.stop = rules.StopSettled
			}
		}
	}
}

// Next replays the interview over the answers given so far and the runner's
// decisions, and returns the next step; done is true when there is none,
// and in is then what the rules need. A runner that shows one step at a
// time, and lets the user step back, calls it after every answer.
func Next(p *Plan, answers q.Answers, flow Flow, stop string) (step Step, in rules.Input, done bool, err error) {
	if err := p.Check(); err != nil {
		return Step{}, rules.Input{}, false, err
	}
	w := &walk{plan: p, answers: answers, passed: map[string]bool{}, flow: flow, stop: stop}
	st, done := w.next()
	if done {
		return Step{}, w.input(), true, nil
	}
	return st, rules.Input{}, false, nil
}

// fileAsker answers from fixed answers: it goes on past an urgent step (no
// one is there to act) and stops at a settled result, as a screener would.
type fileAsker struct {
	given q.Answers
	used  map[string]bool
}

func (f *fileAsker) Ask(s Step) ([]string, error) {
	a := f.given[s.Question.ID]
	if a != nil {
		f.used[s.Question.ID] = true
	}
	return a, nil
}

func (f *fileAsker) Decide(s Step) (bool, error) { return s.Kind == Urgent, nil }

// FromAnswers walks the interview with answers fixed in advance (an answers
// file, a training scenario): skip logic, routing and stopping apply as in a
// live screening, a question the answers leave out counts as not asked, and
// unused lists, sorted, the answers to questions the walk never reached and
// that could not have changed the result had it gone on.
func FromAnswers(p *Plan, given q.Answers) (in rules.Input, unused []string, err error) {
	fa := &fileAsker{given: given, used: map[string]bool{}}
	in, err = Run(p, fa)
	if err != nil {
		return in, nil, err
	}
	// Run counts every question it reached; here only the answered ones
	// were really asked.
	in.Asked = len(fa.used)
	for id := range given {
		if !fa.used[id] && !in.Open[id] {
			unused = append(unused, id)
		}
	}
	slices.Sort(unused)
	return in, unused, nil
}
