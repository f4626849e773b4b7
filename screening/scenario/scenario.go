// Package scenario holds fictional training personas: a description, the
// expert's answers, the expected result and teaching notes. A trainee runs
// the screening on the persona; Compare says what the trainee missed or
// over-called, and why it matters.
package scenario

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/htscreen/htscreen/screening/answers"
	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/interview"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// Scenario is one training persona.
type Scenario struct {
	q.Meta
	ID       string    `yaml:"id"`
	Title    q.Text    `yaml:"title"`
	Setting  q.Text    `yaml:"setting"`
	Role     string    `yaml:"role"`
	Region   string    `yaml:"region"`
	Persona  q.Text    `yaml:"persona"`
	Answers  yaml.Node `yaml:"answers"`
	Expected Expected  `yaml:"expected"`
	Teaching q.Text    `yaml:"teaching"`
	// For facilitators: who the scenario suits (roles), how hard it is
	// (intro, core, advanced), questions for the room, and the public case
	// pattern it is built on.
	Audience   []string `yaml:"audience"`
	Difficulty string   `yaml:"difficulty"`
	Discussion q.Text   `yaml:"discussion"`
	Source     string   `yaml:"source"`
	// Acceptable lists other answers a reasonable screener could give from
	// the persona, with why: feedback does not count them as mistakes.
	Acceptable []*Acceptable `yaml:"acceptable"`

	// Given are the expert's answers, checked against the set.
	Given q.Answers `yaml:"-"`
	File  string    `yaml:"-"`
}

// Acceptable is another answer a reasonable screener could give.
type Acceptable struct {
	q.Meta
	Question string   `yaml:"question"`
	Answers  []string `yaml:"answers"`
	Why      q.Text   `yaml:"why"`
}

// Accepts reports whether a trainee's answer to a question is the expert's
// or one the scenario accepts as reasonable.
func (s *Scenario) Accepts(question string, answer []string) bool {
	if slices.Equal(s.Given[question], answer) {
		return true
	}
	for _, a := range s.Acceptable {
		if a.Question == question && len(answer) > 0 && !slices.ContainsFunc(answer, func(x string) bool { return !slices.Contains(a.Answers, x) }) {
			return true
		}
	}
	return false
}

// Difficulties a scenario may be marked with, easiest first.
var Difficulties = []string{"intro", "core", "advanced"}

// Forms lists the forms the expert's answers find (concern or refer), in
// the order of the questionnaire forms; none for a look-alike.
func (s *Scenario) Forms() []string {
	var out []string
	for _, f := range q.Forms() {
		if l := s.Expected.Levels.Of(f); l != "" && l != "none" {
			out = append(out, f)
		}
	}
	return out
}

// LookAlike reports a scenario with nothing to find: every form none and no
// red flag, the case a trainee must not over-call.
func (s *Scenario) LookAlike() bool { return len(s.Forms()) == 0 && len(s.Expected.RedFlags) == 0 }

// Expected is the result the expert's answers must give.
type Expected struct {
	q.Meta
	Levels   Levels   `yaml:"levels"`
	RedFlags []string `yaml:"red_flags"`
}

// Levels per form.
type Levels struct {
	q.Meta
	Labor          rules.Level `yaml:"labor"`
	Sex            rules.Level `yaml:"sex"`
	ForcedMarriage rules.Level `yaml:"forced_marriage"`
	Organ          rules.Level `yaml:"organ"`
}

// Of returns the expected level of a form.
func (l Levels) Of(form string) rules.Level {
	return map[string]rules.Level{"labor": l.Labor, "sex": l.Sex, "forced_marriage": l.ForcedMarriage, "organ": l.Organ}[form]
}

// Load reads every *.yaml file of fsys as a scenario and checks it against
// the questionnaire set: known question ids and answers, answers that the
// screening would actually reach, known levels, roles and regions.
func Load(fsys fs.FS, set *q.Set, requireLangs []string) ([]*Scenario, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading the scenarios: %w", err)
	}
	var list q.ErrorList
	add := func(p q.Pos, format string, args ...any) {
		list = append(list, &q.Error{Pos: p, Msg: fmt.Sprintf(format, args...)})
	}
	var out []*Scenario
	seen := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".yaml" {
			continue
		}
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, err
		}
		s := &Scenario{File: e.Name()}
		if err := q.DecodeFile(e.Name(), data, s, "the scenario"); err != nil {
			var dl q.ErrorList
			if !errors.As(err, &dl) {
				return nil, err
			}
			list = append(list, dl...)
			continue
		}
		switch {
		case !q.ValidID(s.ID, ""):
			add(s.At("id"), "scenario id %q must be lower-case letters, digits and _", s.ID)
		case seen[s.ID] != "":
			add(s.At("id"), "scenario id %q is already used in %s", s.ID, seen[s.ID])
		}
		seen[s.ID] = e.Name()
		for _, k := range []struct {
			t   q.Text
			key string
		}{{s.Title, "title"}, {s.Setting, "setting"}, {s.Persona, "persona"}, {s.Teaching, "teaching"}} {
			list = append(list, q.TextErrors(k.t, s.Meta, k.key, true, requireLangs)...)
		}
		if !slices.Contains(guidance.Roles(), s.Role) {
			add(s.At("role"), "role %q must be one of: %s", s.Role, strings.Join(guidance.Roles(), ", "))
		}
		if !slices.Contains(guidance.Regions(), s.Region) {
			add(s.At("region"), "region %q must be one of: %s", s.Region, strings.Join(guidance.Regions(), ", "))
		}
		for _, a := range s.Audience {
			if !slices.Contains(guidance.Roles(), a) {
				add(s.At("audience"), "audience %q must be one of: %s", a, strings.Join(guidance.Roles(), ", "))
			}
		}
		if s.Difficulty != "" && !slices.Contains(Difficulties, s.Difficulty) {
			add(s.At("difficulty"), "difficulty %q must be one of: %s", s.Difficulty, strings.Join(Difficulties, ", "))
		}
		list = append(list, q.TextErrors(s.Discussion, s.Meta, "discussion", false, requireLangs)...)
		for _, a := range s.Acceptable {
			qu := set.Question(a.Question)
			if qu == nil {
				add(a.At("question"), "acceptable answer for unknown question %q", a.Question)
				continue
			}
			for _, id := range a.Answers {
				if !qu.Accepts(id) {
					add(a.At("answers"), "question %q has no answer %q; use: %s", qu.ID, id, strings.Join(qu.AnswerIDs(), ", "))
				}
			}
			list = append(list, q.TextErrors(a.Why, a.Meta, "why", true, requireLangs)...)
		}
		for _, f := range q.Forms() {
			if l := s.Expected.Levels.Of(f); !slices.Contains(rules.Levels(), l) {
				add(s.Expected.Levels.At(f), "expected level for %s must be none, concern or refer, not %q", f, l)
			}
		}
		for _, rf := range s.Expected.RedFlags {
			if !slices.Contains(q.RedFlags(), rf) {
				add(s.Expected.At("red_flags"), "unknown red flag %q; use: %s", rf, strings.Join(q.RedFlags(), ", "))
			}
		}
		if s.Answers.Kind == 0 {
			add(s.Pos, "scenario %q needs the expert's \"answers\"", s.ID)
			continue
		}
		given, err := answers.ParseNode(e.Name(), &s.Answers, set)
		var al q.ErrorList
		if errors.As(err, &al) {
			list = append(list, al...)
			continue
		}
		s.Given = given
		_, unused, err := interview.Replay(&interview.Plan{Set: set}, given)
		if err != nil {
			return nil, err
		}
		for _, id := range unused {
			add(s.At("answers"), "the screening never reaches %q with these answers (skip logic or the triage leaves it out); remove it or answer the question that leads to it", id)
		}
		out = append(out, s)
	}
	if len(list) > 0 {
		return nil, list.Sorted()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Find returns the scenario with an id, or nil.
func Find(all []*Scenario, id string) *Scenario {
	for _, s := range all {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Expert runs the expert's answers through the screening and scores them.
func (s *Scenario) Expert(set *q.Set) *rules.Result {
	in, _, err := interview.Replay(&interview.Plan{Set: set}, s.Given)
	if err != nil {
		// The answers were checked against this set when it loaded.
		panic(fmt.Sprintf("scenario %s: %v", s.ID, err))
	}
	return rules.Evaluate(set, in)
}

// Feedback compares a trainee's screening with the expert's.
type Feedback struct {
	Levels []LevelDiff
	// FlagsMissed are red flags the expert raised and the trainee did not,
	// each with the answers that closed the path to it.
	FlagsMissed []FlagDiff
	FlagsExtra  []string
	// Missed are indicators the expert's answers fire and the trainee's do
	// not; OverCalled the reverse.
	Missed     []*q.Indicator
	OverCalled []*q.Indicator
	// Answers are the real disagreements, in interview order: questions both
	// answered differently, and questions the trainee never asked whose
	// expert answer mattered (it fired something the trainee missed). A
	// question only one run reached because the other stopped at a settled
	// result, and that changed nothing, is not a disagreement.
	Answers []AnswerDiff
}

// LevelDiff is one form's level in both runs, and whether each run screened
// the form at all: a form not screened has level none, which must not be
// read as "no indicators found".
type LevelDiff struct {
	Form                            string
	Expert, Trainee                 rules.Level
	ExpertScreened, TraineeScreened bool
	// Cause, for a level the trainee under-called, are the answers on the
	// form's path (its route, purpose and indicators) that differ.
	Cause []AnswerDiff
}

// Same reports whether both runs reached the same level.
func (d LevelDiff) Same() bool { return d.Expert == d.Trainee }

// FlagDiff is a red flag the trainee missed and the answers that closed it.
type FlagDiff struct {
	ID    string
	Cause []AnswerDiff
}

// AnswerDiff is a question answered differently (or only in one run).
type AnswerDiff struct {
	Question        *q.Question
	Expert, Trainee []string
}

var rank = map[rules.Level]int{rules.None: 0, rules.Concern: 1, rules.Refer: 2}

// missing returns the elements of a that b lacks, in a's order (nil when
// there are none).
func missing[T comparable](a, b []T) []T {
	var out []T
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// Compare sets a trainee's result beside the expert's.
func Compare(set *q.Set, expert, trainee *rules.Result) *Feedback {
	fb := &Feedback{}
	order := interviewOrder(set)
	differs := func(ids []string) []AnswerDiff {
		var out []AnswerDiff
		for _, id := range order {
			if slices.Contains(ids, id) && !slices.Equal(expert.Answers[id], trainee.Answers[id]) && expert.Answers[id] != nil {
				out = append(out, AnswerDiff{Question: set.Question(id), Expert: expert.Answers[id], Trainee: trainee.Answers[id]})
			}
		}
		return out
	}
	for i, f := range expert.Forms {
		d := LevelDiff{Form: f.Form, Expert: f.Level, Trainee: trainee.Forms[i].Level,
			ExpertScreened: f.Screened, TraineeScreened: trainee.Forms[i].Screened}
		if rank[d.Trainee] < rank[d.Expert] {
			d.Cause = differs(formPath(set, f.Form))
		}
		fb.Levels = append(fb.Levels, d)
	}
	ef, tf := flagIDs(expert), flagIDs(trainee)
	fb.FlagsExtra = missing(tf, ef)
	for _, id := range missing(ef, tf) {
		fb.FlagsMissed = append(fb.FlagsMissed, FlagDiff{ID: id, Cause: differs(flagPath(set, id))})
	}
	ei, ti := fired(expert), fired(trainee)
	fb.Missed, fb.OverCalled = missing(ei, ti), missing(ti, ei)
	mattered := map[string]bool{}
	for _, ind := range fb.Missed {
		for _, id := range ind.When.Questions() {
			mattered[id] = true
			if qu := set.Question(id); qu != nil && qu.FollowUp != nil {
				mattered[qu.FollowUp.ID] = true
			}
		}
	}
	for _, id := range order {
		e, t := expert.Answers[id], trainee.Answers[id]
		switch {
		case slices.Equal(e, t):
		case e != nil && t != nil, e != nil && mattered[id]:
			fb.Answers = append(fb.Answers, AnswerDiff{Question: set.Question(id), Expert: e, Trainee: t})
		}
	}
	return fb
}

// interviewOrder lists the set's questions in the order an interview asks
// them: the triage, the modules' gates, the shared means, the modules.
func interviewOrder(set *q.Set) []string {
	var out []string
	add := func(f *q.File, gate bool) {
		for _, qu := range f.Questions {
			if !f.IsModule() || qu.Gate == gate {
				out = append(out, qu.ID)
			}
		}
	}
	if set.Triage != nil {
		add(set.Triage, false)
	}
	for _, id := range set.Modules() {
		add(set.Module(id), true)
	}
	if set.Means != nil {
		add(set.Means, false)
	}
	for _, id := range set.Modules() {
		add(set.Module(id), false)
	}
	return out
}

// formPath lists the questions a form's level depends on: the triage's route
// to it, its purpose, its indicators and their situation follow-ups.
func formPath(set *q.Set, form string) []string {
	var ids []string
	cond := func(c *q.Condition) {
		for _, id := range c.Questions() {
			ids = append(ids, id)
			if qu := set.Question(id); qu != nil && qu.FollowUp != nil {
				ids = append(ids, qu.FollowUp.ID)
			}
		}
	}
	if set.Triage != nil {
		for _, r := range set.Triage.Routes {
			if r.Module == form {
				cond(r.When)
			}
		}
	}
	if m := set.Module(form); m != nil {
		cond(m.Purpose)
		for _, ind := range m.Indicators {
			cond(ind.When)
		}
	}
	return ids
}

// flagPath lists the questions a red flag depends on, in every file that
// defines it (through a module's indicators where it uses them).
func flagPath(set *q.Set, flag string) []string {
	var ids []string
	for _, f := range set.Files {
		for _, rf := range f.RedFlags {
			if rf.ID != flag {
				continue
			}
			ids = append(ids, rf.When.Questions()...)
			if f.IsModule() {
				ids = append(ids, formPath(set, f.ID)...)
			}
		}
	}
	return ids
}

func flagIDs(r *rules.Result) []string {
	var ids []string
	for _, f := range r.RedFlags {
		ids = append(ids, f.ID)
	}
	return ids
}

func fired(r *rules.Result) []*q.Indicator {
	var out []*q.Indicator
	for _, f := range r.Forms {
		for _, fi := range f.Indicators {
			out = append(out, fi.Indicator)
		}
	}
	return out
}

// Compare sets a trainee's result beside this scenario's expert's, and does
// not count as a disagreement an answer the scenario accepts as reasonable.
func (s *Scenario) Compare(set *q.Set, expert, trainee *rules.Result) *Feedback {
	fb := Compare(set, expert, trainee)
	fb.Answers = slices.DeleteFunc(fb.Answers, func(a AnswerDiff) bool {
		return a.Trainee != nil && s.Accepts(a.Question.ID, a.Trainee)
	})
	return fb
}
