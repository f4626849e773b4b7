// Package rules decides a screening's result from its answers. It is the one
// place to read to learn how a level is decided:
//
//  1. An indicator fires when its condition on the answers holds.
//  2. A dimension is present when the weighted count of its fired indicators
//     reaches its threshold (questionnaire.Score: with the ILO/EC weights
//     4/2/1, a weak cap of 1 and threshold 5 this is exactly the ILO/EC 2009
//     rule).
//  3. Red flags are checked in every questionnaire that ran, triage included.
//  4. A form's level is the first of its module's level rules that holds,
//     top-down; if none holds, it is "none". Level rules may use answers,
//     indicators, dimensions, strengths and red flags.
//  5. A form is incomplete when a key question that was shown got no
//     substantive answer: "none" then means "nothing found so far", not
//     "nothing there".
//
// Everything is a pure function of the questionnaire set and the answers.
package rules

import (
	"slices"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// Levels.
const (
	None    = "none"
	Concern = "concern"
	Refer   = "refer"
)

// Why a form was not screened.
const (
	NotSelected = "not_selected" // modules were named and this one was not
	NotRouted   = "not_routed"   // the triage did not point to it
	NoModule    = "no_module"    // the set has no questionnaire for it
	// Routed: only the triage ran, and it points to this form; its own
	// questions are for a private follow-up.
	Routed = "routed"
)

// Input is what a screening produced: answers, and which modules ran.
type Input struct {
	Answers q.Answers
	// Modules that ran, by form id.
	Modules []string
	// NotRun says, for each form whose module did not run, why.
	NotRun map[string]string
	// Asked counts the questions put to the person or screener.
	Asked int
}

// Result is a screening's outcome. Red flags come first in every report.
type Result struct {
	RedFlags []*Flag
	// Forms holds every form in the order of questionnaire.Forms, screened
	// or not, so that a form never screened is never mistaken for one
	// without indicators.
	Forms   []*Form
	Answers q.Answers
	Asked   int
	// Files are the questionnaires that took part, for their versions.
	Files []*q.File
}

// Form is one form's result.
type Form struct {
	Form   string
	Module *q.File
	// Screened is true when the form's module ran.
	Screened bool
	// NotScreened says why not, when Screened is false.
	NotScreened string
	Level       string
	// Rule is the level rule that decided the level, nil for "none".
	Rule       *q.LevelRule
	RuleBasis  []Evidence
	Incomplete bool
	// Unknown lists key questions that were shown but not answered.
	Unknown    []*q.Question
	Dimensions []*Dimension
	Indicators []*Fired
}

// Dimension is one dimension's score.
type Dimension struct {
	Dimension *q.Dimension
	Strong    int
	Medium    int
	Weak      int
	Score     int
	Present   bool
}

// Fired is an indicator that fired, with the answers that made it fire.
type Fired struct {
	Indicator *q.Indicator
	Because   []Evidence
}

// Flag is a red flag that fired.
type Flag struct {
	ID      string
	Flag    *q.RedFlag
	Because []Evidence
}

// Evidence is one answer a condition rested on.
type Evidence struct {
	Question *q.Question
	Answer   []string
}

// Evaluate scores the answers against the set.
func Evaluate(set *q.Set, in Input) *Result {
	r := &Result{Answers: in.Answers, Asked: in.Asked}
	if set.Triage != nil {
		r.Files = append(r.Files, set.Triage)
	}
	envs := map[string]*env{}
	for _, id := range q.Forms {
		f := &Form{Form: id, Module: set.Module(id), Level: None}
		r.Forms = append(r.Forms, f)
		if !slices.Contains(in.Modules, id) || f.Module == nil {
			f.NotScreened = in.NotRun[id]
			if f.Module == nil {
				f.NotScreened = NoModule
			} else if f.NotScreened == "" {
				f.NotScreened = NotSelected
			}
			continue
		}
		f.Screened = true
		r.Files = append(r.Files, f.Module)
		envs[id] = score(set, f, in.Answers)
	}

	// Red flags, from every file that took part; the first definition of a
	// flag that fires is the one reported.
	fired := map[string]bool{}
	for _, file := range r.Files {
		e := envs[file.ID]
		if e == nil {
			e = &env{set: set, answers: in.Answers}
		}
		for _, rf := range file.RedFlags {
			if fired[rf.ID] {
				continue
			}
			if ok, ev := e.eval(rf.When); ok {
				fired[rf.ID] = true
				r.RedFlags = append(r.RedFlags, &Flag{ID: rf.ID, Flag: rf, Because: ev})
			}
		}
	}
	// Report flags in their fixed order of urgency.
	slices.SortStableFunc(r.RedFlags, func(a, b *Flag) int {
		return slices.Index(q.RedFlags, a.ID) - slices.Index(q.RedFlags, b.ID)
	})

	for _, f := range r.Forms {
		e := envs[f.Form]
		if e == nil {
			continue
		}
		e.flags = fired
		for _, l := range f.Module.Levels {
			if ok, ev := e.eval(l.When); ok {
				f.Level, f.Rule, f.RuleBasis = l.Level, l, ev
				break
			}
		}
	}
	return r
}

// score fires a module's indicators and sums its dimensions.
func score(set *q.Set, f *Form, answers q.Answers) *env {
	e := &env{set: set, answers: answers, fired: map[string]*q.Indicator{}, present: map[string]bool{}}
	counts := map[string]map[string]int{}
	for _, ind := range f.Module.Indicators {
		if ok, ev := e.eval(ind.When); ok {
			e.fired[ind.ID] = ind
			f.Indicators = append(f.Indicators, &Fired{Indicator: ind, Because: ev})
			if counts[ind.Dimension] == nil {
				counts[ind.Dimension] = map[string]int{}
			}
			counts[ind.Dimension][ind.Strength]++
		}
	}
	for _, d := range f.Module.Dimensions {
		c := counts[d.ID]
		ds := &Dimension{Dimension: d, Strong: c["strong"], Medium: c["medium"], Weak: c["weak"]}
		ds.Score = q.Score(d, ds.Strong, ds.Medium, ds.Weak)
		ds.Present = ds.Score >= d.Threshold
		e.present[d.ID] = ds.Present
		f.Dimensions = append(f.Dimensions, ds)
	}
	for _, qu := range f.Module.Questions {
		if !qu.Key || !Shown(qu, answers) || answers.Known(qu.ID) {
			continue
		}
		f.Unknown = append(f.Unknown, qu)
	}
	f.Incomplete = len(f.Unknown) > 0
	return e
}

// Shown reports whether a question's skip logic lets it be asked, given the
// answers so far.
func Shown(qu *q.Question, answers q.Answers) bool {
	if qu.ShowIf == nil {
		return true
	}
	ok, _ := (&env{answers: answers}).eval(qu.ShowIf)
	return ok
}

// Holds evaluates a condition that refers to answers only (show_if, routes).
func Holds(c *q.Condition, answers q.Answers) bool {
	ok, _ := (&env{answers: answers}).eval(c)
	return ok
}
