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

	// Given are the expert's answers, checked against the set.
	Given q.Answers `yaml:"-"`
	File  string    `yaml:"-"`
}

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
	Levels      []LevelDiff
	FlagsMissed []string
	FlagsExtra  []string
	// Missed are indicators the expert's answers fire and the trainee's do
	// not; OverCalled the reverse.
	Missed     []*q.Indicator
	OverCalled []*q.Indicator
	Answers    []AnswerDiff
}

// LevelDiff is one form's level in both runs, and whether each run screened
// the form at all: a form not screened has level none, which must not be
// read as "no indicators found".
type LevelDiff struct {
	Form                            string
	Expert, Trainee                 rules.Level
	ExpertScreened, TraineeScreened bool
}

// Same reports whether both runs reached the same level.
func (d LevelDiff) Same() bool { return d.Expert == d.Trainee }

// AnswerDiff is a question answered differently (or only in one run).
type AnswerDiff struct {
	Question        *q.Question
	Expert, Trainee []string
}

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
	for i, f := range expert.Forms {
		fb.Levels = append(fb.Levels, LevelDiff{Form: f.Form, Expert: f.Level, Trainee: trainee.Forms[i].Level,
			ExpertScreened: f.Screened, TraineeScreened: trainee.Forms[i].Screened})
	}
	ef, tf := flagIDs(expert), flagIDs(trainee)
	fb.FlagsMissed, fb.FlagsExtra = missing(ef, tf), missing(tf, ef)
	ei, ti := fired(expert), fired(trainee)
	fb.Missed, fb.OverCalled = missing(ei, ti), missing(ti, ei)
	ids := map[string]bool{}
	for id := range expert.Answers {
		ids[id] = true
	}
	for id := range trainee.Answers {
		ids[id] = true
	}
	var sorted []string
	for id := range ids {
		if !slices.Equal(expert.Answers[id], trainee.Answers[id]) {
			sorted = append(sorted, id)
		}
	}
	sort.Strings(sorted)
	for _, id := range sorted {
		fb.Answers = append(fb.Answers, AnswerDiff{Question: set.Question(id), Expert: expert.Answers[id], Trainee: trainee.Answers[id]})
	}
	return fb
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
