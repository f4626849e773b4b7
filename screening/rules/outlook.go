package rules

import (
	"math/bits"
	"slices"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// View is what an outlook is computed from: the answers so far and what is
// still open.
type View struct {
	Answers q.Answers
	// Unknown reports a question that is still open: it may yet be asked,
	// and its answer may be anything.
	Unknown func(id string) bool
	// Runs says, per form, whether its module runs (True), does not
	// (False: the form is not screened) or may still (Unknown).
	Runs map[string]Truth
	// Routed says, per form, whether a triage alone points to it.
	Routed map[string]Truth
}

// Outlook is what a screening's result can still be: for every form the
// levels it may reach, for every red flag whether it fires. Once every one
// of them, and every guidance condition watched, is known, the result is
// settled and no further answer can change it.
type Outlook struct {
	set        *q.Set
	view       View
	forms      map[string]*formOutlook
	flags      map[string]Truth
	firedFlags map[string]*Flag
	fired      map[string]Truth
}

type formOutlook struct {
	run    Truth
	levels levelSet
	// timing is the purpose's timing when known, "" when it may change.
	timing string
	// refs are the questions the module's result depends on.
	refs []string
	// result is the form's result, filled when nothing is unknown.
	result *Form
}

// levelSet is a set of outcomes: none, concern, refer, or not screened.
type levelSet uint8

const (
	setNone levelSet = 1 << iota
	setConcern
	setRefer
	setNotScreened
)

// Rank orders the levels: none 0, concern 1, refer 2.
func (l Level) Rank() int { return rank(l) }

func rank(level Level) int {
	switch level {
	case Concern:
		return 1
	case Refer:
		return 2
	}
	return 0
}

func levelBit(level Level) levelSet { return setNone << rank(level) }

// max is the highest level's rank in the set (-1 when only "not screened").
func (s levelSet) max() int {
	for r := 2; r >= 0; r-- {
		if s&(setNone<<r) != 0 {
			return r
		}
	}
	return -1
}

func (s levelSet) single() bool { return bits.OnesCount8(uint8(s)) == 1 }

// Bounds computes the outlook of a screening under way.
func Bounds(set *q.Set, v View) *Outlook { return compute(set, v, false) }

// compute evaluates every module twice (a means with an unsure tie counted,
// then not) and combines the passes; results are filled when full is set
// and nothing is unknown.
func compute(set *q.Set, v View, full bool) *Outlook {
	o := &Outlook{set: set, view: v, forms: map[string]*formOutlook{}, flags: map[string]Truth{},
		firedFlags: map[string]*Flag{}, fired: map[string]Truth{}}
	passes := map[string]*pass{}
	for _, id := range q.Forms() {
		m := set.Module(id)
		run := v.Runs[id]
		fo := &formOutlook{run: run, levels: setNotScreened}
		o.forms[id] = fo
		if m == nil || run == False {
			continue
		}
		p := &pass{upper: o.newEnv(m, true), lower: o.newEnv(m, false)}
		passes[id] = p
		for _, e := range []*env{p.upper, p.lower} {
			e.fireIndicators()
		}
		for ind, t := range p.upper.fired {
			o.fired[ind.ID] = t
		}
		if full {
			fo.refs = moduleRefs(set, m)
		}
	}

	// Red flags, from every file that takes part; the first definition of
	// a flag that fires is the one reported.
	for _, f := range set.Files {
		e := &env{set: set, answers: v.Answers, unknown: v.Unknown, untied: true}
		run := True
		if f.IsModule() {
			p := passes[f.ID]
			if p == nil {
				continue
			}
			e, run = p.upper, v.Runs[f.ID]
		}
		for _, rf := range f.RedFlags {
			t, ev := e.eval(rf.When)
			if t == True && run != True {
				t = Unknown
			}
			o.flags[rf.ID] = or(o.flags[rf.ID], t)
			if t == True && o.firedFlags[rf.ID] == nil {
				o.firedFlags[rf.ID] = &Flag{ID: rf.ID, Flag: rf, Because: ev}
			}
		}
	}

	for id, p := range passes {
		fo, m := o.forms[id], set.Module(id)
		p.upper.flags, p.lower.flags = o.flags, o.flags
		purpose, pev := True, []Evidence(nil)
		if m.Purpose != nil {
			purpose, pev = p.lower.eval(m.Purpose)
		}
		up, low := p.upper.levels(m), p.lower.levels(m)
		// The tie cap: what only an untied means supports counts up to
		// concern.
		var lv levelSet
		for a := 0; a <= 2; a++ {
			for b := 0; b <= 2; b++ {
				if up&(setNone<<a) != 0 && low&(setNone<<b) != 0 {
					lv |= setNone << max(b, min(a, 1))
				}
			}
		}
		switch purpose {
		case False:
			lv = setNone
		case Unknown:
			lv |= setNone
		}
		if fo.run == Unknown {
			lv |= setNotScreened
		}
		fo.levels = lv
		if purpose == True && !anyUnknown(m.Purpose.Questions(), v.Unknown) {
			fo.timing = timingOf(pev)
		}
		if full && lv.single() && fo.run == True {
			fo.result = p.result(id, m, purpose == True, pev)
		}
	}
	return o
}

func anyUnknown(ids []string, unknown func(string) bool) bool {
	if unknown == nil {
		return false
	}
	for _, id := range ids {
		if unknown(id) {
			return true
		}
	}
	return false
}

// timingOf is "past" when every fact behind the purpose is in the past.
func timingOf(ev []Evidence) string {
	past := len(ev) > 0
	for _, e := range ev {
		if !slices.Equal(e.Answer, []string{q.Before}) {
			past = false
		}
	}
	if past {
		return TimingPast
	}
	return TimingNow
}

func (o *Outlook) newEnv(m *q.File, untied bool) *env {
	return &env{set: o.set, answers: o.view.Answers, unknown: o.view.Unknown, untied: untied, file: m,
		fired: map[*q.Indicator]Truth{}, dims: map[string]Truth{}}
}

// fireIndicators evaluates a module's indicators and bounds its dimensions.
func (e *env) fireIndicators() {
	type count struct{ lo, hi [3]int }
	counts := map[string]*count{}
	e.because = map[*q.Indicator][]Evidence{}
	for _, ind := range e.file.Indicators {
		t, ev := e.eval(ind.When)
		e.fired[ind] = t
		if t == True {
			e.because[ind] = ev
		}
		c := counts[ind.Dimension]
		if c == nil {
			c = &count{}
			counts[ind.Dimension] = c
		}
		i := slices.Index(q.Strengths(), ind.Strength)
		if i < 0 {
			continue
		}
		if t == True {
			c.lo[i]++
		}
		if t != False {
			c.hi[i]++
		}
	}
	for _, d := range e.file.Dimensions {
		c := counts[d.ID]
		if c == nil {
			c = &count{}
		}
		lo := q.Score(d, c.lo[0], c.lo[1], c.lo[2])
		hi := q.Score(d, c.hi[0], c.hi[1], c.hi[2])
		switch {
		case lo >= d.Threshold:
			e.dims[d.ID] = True
		case hi < d.Threshold:
			e.dims[d.ID] = False
		default:
			e.dims[d.ID] = Unknown
		}
	}
}

// levels is the set of levels the module's rules may give: rules top-down,
// the first that holds wins, and one that may hold keeps the ones after it
// possible.
func (e *env) levels(m *q.File) levelSet {
	var s levelSet
	for _, l := range m.Levels {
		t, _ := e.eval(l.When)
		switch t {
		case True:
			return s | levelBit(Level(l.Level))
		case Unknown:
			s |= levelBit(Level(l.Level))
		}
	}
	return s | setNone
}

// result fills a form's result once everything is known.
func (p *pass) result(id string, m *q.File, purpose bool, pev []Evidence) *Form {
	f := &Form{Form: id, Module: m, Screened: true, Level: None, Purpose: purpose}
	up, low := p.upper, p.lower
	for _, ind := range m.Indicators {
		if up.fired[ind] != True {
			continue
		}
		_, ev := up.eval(ind.When)
		f.Indicators = append(f.Indicators, &Fired{Indicator: ind, Because: ev, Untied: low.fired[ind] != True})
	}
	for _, d := range m.Dimensions {
		ds := &Dimension{Dimension: d}
		for _, ind := range m.Indicators {
			if ind.Dimension != d.ID || up.fired[ind] != True {
				continue
			}
			switch ind.Strength {
			case q.Strong:
				ds.Strong++
			case q.Medium:
				ds.Medium++
			case q.Weak:
				ds.Weak++
			}
		}
		ds.Score = q.Score(d, ds.Strong, ds.Medium, ds.Weak)
		ds.Present = ds.Score >= d.Threshold
		f.Dimensions = append(f.Dimensions, ds)
	}
	if !purpose {
		return f
	}
	first := func(e *env) (*q.LevelRule, []Evidence) {
		for _, l := range m.Levels {
			if t, ev := e.eval(l.When); t == True {
				return l, ev
			}
		}
		return nil, nil
	}
	lr, lev := first(low)
	ur, uev := first(up)
	switch {
	case ur == nil || (lr != nil && rank(Level(lr.Level)) >= min(rank(Level(ur.Level)), 1)):
		if lr != nil {
			f.Level, f.Rule, f.RuleBasis = Level(lr.Level), lr, lev
		}
	case rank(Level(ur.Level)) <= 1:
		f.Level, f.Rule, f.RuleBasis = Level(ur.Level), ur, uev
	default:
		// Capped: show the concern rule the untied facts support, if any.
		f.Level, f.Capped, f.Rule, f.RuleBasis = Concern, true, ur, uev
		for _, l := range m.Levels {
			if t, ev := up.eval(l.When); t == True && Level(l.Level) == Concern {
				f.Rule, f.RuleBasis = l, ev
				break
			}
		}
	}
	f.Capped = ur != nil && rank(Level(ur.Level)) > rank(f.Level)
	if f.Level != None {
		f.Timing = timingOf(pev)
	}
	return f
}

type pass struct{ upper, lower *env }

// moduleRefs lists the questions a module's result depends on, follow-ups
// of its means included, without repeats.
func moduleRefs(set *q.Set, m *q.File) []string {
	var ids []string
	add := func(c *q.Condition) {
		for _, id := range c.Questions() {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
			if qu := set.Question(id); qu != nil && qu.FollowUp != nil && !slices.Contains(ids, qu.FollowUp.ID) {
				ids = append(ids, qu.FollowUp.ID)
			}
		}
	}
	for _, c := range m.ResultConditions() {
		add(c)
	}
	return ids
}

// Level returns the levels a form may still reach ("not screened" included
// when its module may not run), lowest first.
func (o *Outlook) Level(form string) []string {
	fo := o.forms[form]
	if fo == nil {
		return nil
	}
	var out []string
	for r, name := range Levels() {
		if fo.levels&(setNone<<r) != 0 {
			out = append(out, string(name))
		}
	}
	if fo.levels&setNotScreened != 0 {
		out = append(out, "not_screened")
	}
	return out
}

// Flag says whether a red flag fires, does not, or may still.
func (o *Outlook) Flag(id string) Truth { return o.flags[id] }

// Holds evaluates a guidance condition on the outlook.
func (o *Outlook) Holds(c *q.Condition) Truth {
	e := &env{set: o.set, answers: o.view.Answers, unknown: o.view.Unknown, untied: true, flags: o.flags, outlook: o}
	t, _ := e.eval(c)
	return t
}

// Settled reports whether no open question can change any form's level,
// any red flag, or any of the watched (guidance) conditions.
func (o *Outlook) Settled(watch []*q.Condition) bool {
	for _, fo := range o.forms {
		if !fo.levels.single() {
			return false
		}
	}
	for _, t := range o.flags {
		if t == Unknown {
			return false
		}
	}
	for _, t := range o.view.Routed {
		if t == Unknown {
			return false
		}
	}
	for _, c := range watch {
		if o.Holds(c) == Unknown {
			return false
		}
	}
	return true
}

// form evaluates {form: F|any, level: [...], timing: ...}: it speaks of
// screened forms only.
func (o *Outlook) form(c *q.Condition) Truth {
	one := func(id string) Truth {
		fo := o.forms[id]
		if fo == nil {
			return False
		}
		var want levelSet
		for _, l := range c.Level {
			want |= levelBit(Level(l))
		}
		var t Truth
		switch {
		case fo.levels&^want == 0:
			t = True
		case fo.levels&want == 0:
			return False
		default:
			t = Unknown
		}
		if c.Timing != "" {
			switch {
			case fo.timing == "":
				t = and(t, Unknown)
			case fo.timing != c.Timing:
				return False
			}
		}
		return t
	}
	if c.Form != "any" {
		return one(c.Form)
	}
	t := False
	for _, id := range q.Forms() {
		t = or(t, one(id))
	}
	return t
}

func (o *Outlook) routed(form string) Truth {
	if form != "any" {
		return o.view.Routed[form]
	}
	t := False
	for _, v := range o.view.Routed {
		t = or(t, v)
	}
	return t
}

func (o *Outlook) indicator(id string) Truth { return o.fired[id] }

// Relevant returns the questions whose answers may still change something
// not yet known: the level of a form still open, a red flag not yet decided,
// a watched condition not yet known, and whatever their skip logic and
// situation follow-ups hang on. A question outside it can only add detail,
// so the interview leaves it for last, and asks it only to go on past a
// settled result.
func (o *Outlook) Relevant(watch []*q.Condition) map[string]bool {
	set := o.set
	rel := map[string]bool{}
	mods := map[*q.File]bool{}
	var cond func(c *q.Condition)
	module := func(m *q.File) {
		if m == nil || mods[m] {
			return
		}
		mods[m] = true
		for _, c := range m.ResultConditions() {
			cond(c)
		}
	}
	routes := func(form string) {
		if set.Triage == nil {
			return
		}
		for _, r := range set.Triage.Routes {
			if form == "any" || r.Module == form {
				cond(r.When)
			}
		}
	}
	cond = func(c *q.Condition) {
		if c == nil {
			return
		}
		if c.Question != "" {
			rel[c.Question] = true
		}
		for _, sub := range c.All {
			cond(sub)
		}
		for _, sub := range c.Any {
			cond(sub)
		}
		cond(c.Not)
		switch {
		case c.Indicator != "" && c.Indicator != "any":
			if ind := set.Indicator(c.Indicator); ind != nil {
				module(ind.File)
			}
		case c.Form != "":
			for _, id := range q.Forms() {
				if c.Form == "any" || c.Form == id {
					module(set.Module(id))
					routes(id)
				}
			}
		case c.Routed != "":
			routes(c.Routed)
		case c.RedFlag != "":
			for _, f := range set.Files {
				for _, rf := range f.RedFlags {
					if c.RedFlag == "any" || rf.ID == c.RedFlag {
						cond(rf.When)
						if f.IsModule() {
							module(f)
						}
					}
				}
			}
		}
	}
	for id, fo := range o.forms {
		if fo.levels.single() {
			continue
		}
		module(set.Module(id))
		if fo.run == Unknown {
			routes(id)
		}
	}
	for _, f := range set.Files {
		for _, rf := range f.RedFlags {
			if o.flags[rf.ID] == Unknown {
				cond(rf.When)
				if f.IsModule() {
					module(f)
				}
			}
		}
	}
	for form, t := range o.view.Routed {
		if t == Unknown {
			routes(form)
		}
	}
	for _, c := range watch {
		if o.Holds(c) == Unknown {
			cond(c)
		}
	}
	// What the relevant questions hang on: their skip logic, and for a
	// situation follow-up the question it follows.
	for changed := true; changed; {
		changed = false
		for id := range rel {
			qu := set.Question(id)
			if qu == nil {
				continue
			}
			deps := qu.ShowIf.Questions()
			if qu.For != nil {
				deps = append(deps, qu.For.ID)
			}
			if qu.FollowUp != nil {
				deps = append(deps, qu.FollowUp.ID)
			}
			for _, d := range deps {
				if !rel[d] {
					rel[d], changed = true, true
				}
			}
		}
	}
	return rel
}
