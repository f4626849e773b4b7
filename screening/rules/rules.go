// Package rules decides a screening's result from its answers. It is the one
// place to read to learn how a level is decided:
//
//  1. An indicator fires when its condition on the answers holds. A means
//     (a control fact of the shared means file) counts in a module only when
//     the person tied it to the module's situation ("for: work"); one tied to
//     "not sure which" counts too, but see step 5.
//  2. A dimension is present when the weighted count of its fired indicators
//     reaches its threshold (questionnaire.Score: with the ILO/EC weights
//     4/2/1, a weak cap of 1 and threshold 5 this is exactly the ILO/EC 2009
//     rule).
//  3. Red flags are checked in every questionnaire that ran, triage included.
//  4. A form's level is the first of its module's level rules that holds,
//     top-down; if none holds, it is "none". Level rules may use answers,
//     indicators, dimensions, strengths and red flags.
//  5. Two gates follow. The purpose gate: a form stays "none" unless its
//     module's purpose holds (work, commercial sex, a marriage, an organ):
//     control facts alone never make a form. The tie cap: a level that
//     rests on a means the person did not tie to this form's situation is
//     capped at "concern".
//  6. A form is incomplete when a "not sure" (or a question left open) could
//     have raised its level: "none" then means "nothing found so far".
//
// Every value is three-valued while a screening is under way (true, false,
// or unknown for a question still open), so that the interview can stop as
// soon as no open question can change any level, red flag or guidance step
// (Outlook.Settled). Everything is a pure function of the questionnaire set
// and the answers.
package rules

import (
	"slices"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// Level is what a screening found for one form: none, concern or refer.
// It is decided here, in rules, and nowhere else.
type Level string

// Levels, lowest first.
const (
	None    Level = "none"
	Concern Level = "concern"
	Refer   Level = "refer"
)

// Levels returns every level a form can get, lowest first.
func Levels() []Level { return []Level{None, Concern, Refer} }

// Reason is why a form was not screened.
type Reason string

// Why a form was not screened.
const (
	NotSelected Reason = "not_selected" // modules were named and this one was not
	NotRouted   Reason = "not_routed"   // the triage did not point to it
	NoModule    Reason = "no_module"    // the set has no questionnaire for it
	// Routed: only the triage ran, and it points to this form; its own
	// questions are for a private follow-up.
	Routed Reason = "routed"
	// Stopped: the screener stopped (an urgent step) before the module ran.
	Stopped Reason = "stopped"
)

// Reasons returns every reason a form may not be screened.
func Reasons() []Reason { return []Reason{Routed, NotRouted, NotSelected, NoModule, Stopped} }

// Why a screening ended before every question was asked.
const (
	StopSettled = "settled" // no open question could change the result
	StopUrgent  = "urgent"  // the screener stopped to act on an urgent step
)

// Timing of a form's purpose: whether the situation is current or past.
const (
	TimingNow  = "now"
	TimingPast = "past"
)

// Input is what a screening produced: answers, and which modules ran.
type Input struct {
	Answers q.Answers
	// Modules that ran, by form id.
	Modules []string
	// NotRun says, for each form whose module did not run, why.
	NotRun map[string]Reason
	// Asked counts the questions put to the person or screener.
	Asked int
	// Reached lists the questions put to the runner, in order; an answers
	// file may leave some of them unanswered.
	Reached []string
	// Open holds the questions that could still have been asked when the
	// screening stopped early.
	Open map[string]bool
	// Stop says why the screening ended early ("" when every question that
	// applied was asked), and Skipped how many questions it left.
	Stop    string
	Skipped int
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
	Files   []*q.File
	Stop    string
	Skipped int

	outlook *Outlook
}

// Holds evaluates a condition on the result: guidance steps use it.
func (r *Result) Holds(c *q.Condition) bool {
	if r.outlook == nil {
		r.outlook = r.fixed()
	}
	return r.outlook.Holds(c) == True
}

// fixed is the outlook of a result built by hand (tests, examples): every
// value is what the result says.
func (r *Result) fixed() *Outlook {
	o := &Outlook{view: View{Answers: r.Answers, Routed: map[string]Truth{}}, forms: map[string]*formOutlook{},
		flags: map[string]Truth{}, firedFlags: map[string]*Flag{}, fired: map[string]Truth{}}
	for _, f := range r.Forms {
		fo := &formOutlook{run: truth(f.Screened), levels: setNotScreened, timing: f.Timing}
		if f.Screened {
			fo.levels = levelBit(f.Level)
		}
		o.forms[f.Form] = fo
		o.view.Routed[f.Form] = truth(f.NotScreened == Routed)
		for _, fi := range f.Indicators {
			o.fired[fi.Indicator.ID] = True
		}
	}
	for _, fl := range r.RedFlags {
		o.flags[fl.ID] = True
	}
	return o
}

// Form is one form's result.
type Form struct {
	Form   string
	Module *q.File
	// Screened is true when the form's module ran.
	Screened bool
	// NotScreened says why not, when Screened is false.
	NotScreened Reason
	Level       Level
	// Rule is the level rule that decided the level, nil for "none".
	Rule      *q.LevelRule
	RuleBasis []Evidence
	// Purpose is true when the form's own purpose was found; without it
	// the form is "none" whatever else fired.
	Purpose bool
	// Capped is true when the level was lowered to concern because it
	// rested on a means the person did not tie to this form's situation.
	Capped bool
	// Timing says whether the form's situation is current or past, when it
	// has a level.
	Timing     string
	Incomplete bool
	// Unknown lists the questions answered "not sure" (or left unanswered)
	// that could have raised the level.
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
	// Untied is true when it rests on a means the person did not tie to a
	// situation: it counts, but cannot raise the form above concern.
	Untied bool
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
	// Untied marks a situation follow-up answered "not sure".
	Untied bool
}

// Evaluate scores the answers against the set.
func Evaluate(set *q.Set, in Input) *Result {
	r := &Result{Answers: in.Answers, Asked: in.Asked, Stop: in.Stop, Skipped: in.Skipped}
	if set.Triage != nil {
		r.Files = append(r.Files, set.Triage)
	}
	if set.Means != nil && len(in.Modules) > 0 {
		r.Files = append(r.Files, set.Means)
	}
	runs := map[string]Truth{}
	for _, id := range q.Forms() {
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
		runs[id] = True
		r.Files = append(r.Files, f.Module)
	}
	routed := map[string]Truth{}
	for id, why := range in.NotRun {
		routed[id] = truth(why == Routed)
	}

	o := compute(set, View{Answers: in.Answers, Runs: runs, Routed: routed}, true)
	r.outlook = o
	for _, id := range q.RedFlags() {
		if fl := o.firedFlags[id]; fl != nil {
			r.RedFlags = append(r.RedFlags, fl)
		}
	}

	// Completeness: would a "not sure", an answer left out, or a question
	// not reached have let the level rise?
	reached := map[string]bool{}
	for _, id := range in.Reached {
		reached[id] = true
	}
	vague := func(id string) bool {
		if in.Open[id] {
			return true
		}
		if _, ok := in.Answers[id]; ok {
			return !in.Answers.Known(id)
		}
		return reached[id]
	}
	wide := compute(set, View{Answers: in.Answers, Runs: runs, Routed: routed, Unknown: vague}, false)
	for _, f := range r.Forms {
		fo := o.forms[f.Form]
		if !f.Screened || fo == nil {
			continue
		}
		if fo.result != nil {
			*f = *fo.result
		}
		if wo := wide.forms[f.Form]; wo != nil && wo.levels.max() > rank(f.Level) {
			f.Incomplete = true
			for _, id := range fo.refs {
				if vague(id) && !in.Open[id] && (reached[id] || in.Answers[id] != nil) {
					if qu := set.Question(id); qu != nil {
						f.Unknown = append(f.Unknown, qu)
					}
				}
			}
		}
	}
	return r
}

// Shown reports whether a question's skip logic lets it be asked, given the
// answers so far.
func Shown(qu *q.Question, answers q.Answers) bool {
	if qu.ShowIf == nil {
		return true
	}
	return Holds(qu.ShowIf, answers)
}

// Holds evaluates a condition that refers to answers only (show_if, routes,
// purpose) once every answer it needs is in.
func Holds(c *q.Condition, answers q.Answers) bool {
	t, _ := (&env{answers: answers}).eval(c)
	return t == True
}

// Check evaluates a condition on answers only, with the questions that
// unknown reports still open.
func Check(set *q.Set, c *q.Condition, answers q.Answers, unknown func(string) bool) Truth {
	t, _ := (&env{set: set, answers: answers, unknown: unknown, untied: true}).eval(c)
	return t
}
