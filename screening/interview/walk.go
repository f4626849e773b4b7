package interview

import (
	"slices"

	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// walk is one pass over the interview with the answers so far. It lays the
// questions out in the order they are asked and marks each one answered,
// hidden (its skip logic or its section rules it out), or open (it may
// still be asked).
type walk struct {
	plan    *Plan
	answers q.Answers
	// passed holds questions reached but left unanswered (answers files).
	passed map[string]bool
	flow   Flow
	stop   string

	// Filled by layout.
	entries []entry
	open    map[string]bool
	runs    map[string]rules.Truth
	routed  map[string]rules.Truth
	reasons map[string]rules.Reason
}

type entry struct {
	qu      *q.Question
	section *q.File
	open    bool
	done    bool // answered or passed
}

func (w *walk) record(qu *q.Question, a []string) {
	if len(a) > 0 {
		w.answers[qu.ID] = a
	} else {
		w.passed[qu.ID] = true
	}
}

func (w *walk) answered(id string) bool { _, ok := w.answers[id]; return ok || w.passed[id] }

func (w *walk) unknown(id string) bool { return w.open[id] }

// layout lays out every question that may be asked, in order.
func (w *walk) layout() {
	p, set := w.plan, w.plan.Set
	w.entries, w.open = nil, map[string]bool{}
	w.runs, w.routed, w.reasons = map[string]rules.Truth{}, map[string]rules.Truth{}, map[string]rules.Reason{}
	add := func(qu *q.Question, f *q.File, section rules.Truth) {
		e := entry{qu: qu, section: f, done: w.answered(qu.ID)}
		if !e.done && section != rules.False {
			show := rules.True
			if qu.ShowIf != nil {
				show = rules.Check(set, qu.ShowIf, w.answers, w.unknown)
			}
			e.open = show != rules.False
			if e.open {
				w.open[qu.ID] = true
			}
		}
		w.entries = append(w.entries, e)
	}

	triageOnly := slices.Contains(p.Modules, q.TriageID)
	explicit := len(p.Modules) > 0 && !triageOnly
	for _, qu := range triageQuestions(p) {
		add(qu, set.Triage, rules.True)
	}
	for _, id := range q.Forms() {
		m := set.Module(id)
		switch {
		case m == nil:
			continue
		case explicit && slices.Contains(p.Modules, id):
			w.runs[id] = rules.True
		case explicit:
			w.runs[id], w.reasons[id] = rules.False, rules.NotSelected
		default:
			t := rules.False
			for _, r := range set.Triage.Routes {
				if r.Module == id {
					t = rules.Or(t, rules.Check(set, r.When, w.answers, w.unknown))
				}
			}
			if triageOnly {
				w.routed[id] = t
				w.runs[id], w.reasons[id] = rules.False, rules.NotRouted
				if t == rules.True {
					w.reasons[id] = rules.Routed
				}
				continue
			}
			w.runs[id] = t
			if t == rules.False {
				w.reasons[id] = rules.NotRouted
			}
		}
	}
	// Gates, then the shared means once, then the rest of each module.
	purpose := map[string]rules.Truth{}
	for _, id := range q.Forms() {
		if m := set.Module(id); m != nil && w.runs[id] != rules.False {
			for _, qu := range m.Questions {
				if qu.Gate {
					add(qu, m, w.runs[id])
				}
			}
		}
	}
	means := rules.False
	for _, id := range q.Forms() {
		m := set.Module(id)
		if m == nil || w.runs[id] == rules.False {
			continue
		}
		t := rules.True
		if m.Purpose != nil {
			t = rules.Check(set, m.Purpose, w.answers, w.unknown)
		}
		purpose[id] = rules.And(w.runs[id], t)
		means = rules.Or(means, purpose[id])
	}
	if set.Means != nil {
		for _, qu := range set.Means.Questions {
			add(qu, set.Means, means)
		}
	}
	for _, id := range q.Forms() {
		if m := set.Module(id); m != nil && w.runs[id] != rules.False {
			for _, qu := range m.Questions {
				if !qu.Gate {
					add(qu, m, purpose[id])
				}
			}
		}
	}
}

// next returns the next step, or done.
func (w *walk) next() (Step, bool) {
	w.layout()
	if w.stop != "" {
		return Step{}, true
	}
	i := slices.IndexFunc(w.entries, func(e entry) bool { return e.open })
	if i < 0 {
		return Step{}, true
	}
	view := rules.View{Answers: w.answers, Unknown: w.unknown, Runs: w.runs, Routed: w.routed}
	if !w.flow.UrgentSeen || (!w.plan.Full && !w.flow.GoOn) {
		o := rules.Bounds(w.plan.Set, view)
		for _, f := range urgentFlags {
			if !w.flow.UrgentSeen && o.Flag(f) == rules.True {
				return Step{Kind: Urgent, Open: len(w.open), Outlook: o}, false
			}
		}
		if !w.plan.Full && !w.flow.GoOn {
			if o.Settled(w.plan.Watch) {
				return Step{Kind: Settled, Open: len(w.open), Outlook: o}, false
			}
			// Ask first what can still change the result; what can only
			// add detail waits until the screener chooses to go on.
			rel := o.Relevant(w.plan.Watch)
			if j := slices.IndexFunc(w.entries, func(e entry) bool { return e.open && rel[e.qu.ID] }); j >= 0 {
				i = j
			}
		}
	}
	e := w.entries[i]
	st := Step{Kind: Ask, Question: e.qu, Section: e.section, Number: 1, First: true}
	for j, o := range w.entries {
		if o.section != e.section {
			continue
		}
		switch {
		case j < i && o.done:
			st.Number++
			st.First = false
		case j > i && o.open:
			st.AtMost++
		}
	}
	return st, false
}

// input is what the rules need once the walk is over.
func (w *walk) input() rules.Input {
	in := rules.Input{Answers: w.answers, NotRun: map[string]rules.Reason{}, Stop: w.stop}
	for _, e := range w.entries {
		if e.done {
			in.Reached = append(in.Reached, e.qu.ID)
		}
	}
	in.Asked = len(in.Reached)
	if w.stop != "" {
		in.Open = w.open
		in.Skipped = len(w.open)
	}
	for _, id := range q.Forms() {
		if w.plan.Set.Module(id) == nil {
			continue
		}
		switch w.runs[id] {
		case rules.True:
			in.Modules = append(in.Modules, id)
		case rules.False:
			in.NotRun[id] = w.reasons[id]
		default:
			in.NotRun[id] = rules.Stopped
		}
	}
	return in
}

// triageQuestions are the triage questions a plan asks: all of them, or,
// when modules are named, those the modules need (triageFor); none when the
// set has no triage.
func triageQuestions(p *Plan) []*q.Question {
	if p.Set.Triage == nil {
		return nil
	}
	if len(p.Modules) > 0 && !slices.Contains(p.Modules, q.TriageID) {
		return triageFor(p.Set, p.Modules)
	}
	return p.Set.Triage.Questions
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
	refs := func(c *q.Condition) {
		for _, id := range c.Questions() {
			need[id] = true
		}
	}
	for _, m := range modules {
		f := set.Module(m)
		for _, qu := range f.Questions {
			refs(qu.ShowIf)
		}
		for _, c := range f.ResultConditions() {
			refs(c)
		}
	}
	if set.Means != nil {
		for _, qu := range set.Means.Questions {
			refs(qu.ShowIf)
		}
	}
	// Skip logic refers only to earlier questions, so one backward pass
	// pulls in everything a needed question's show_if depends on.
	tq := set.Triage.Questions
	for i := len(tq) - 1; i >= 0; i-- {
		if need[tq[i].ID] {
			refs(tq[i].ShowIf)
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

// Replay walks the interview once with answers fixed in advance, asking
// every question that applies (as with Plan.Full) and never stopping:
// linear in the number of questions, where Run lays the interview out again
// after every answer. Training scenarios are checked and scored with it, at
// every start of train, scenarios and validate. Skip logic refers only to
// questions asked before it (triage, gates, means, then modules), so one
// pass in that order decides every question.
func Replay(p *Plan, given q.Answers) (in rules.Input, unused []string, err error) {
	if err := p.Check(); err != nil {
		return rules.Input{}, nil, err
	}
	set := p.Set
	in = rules.Input{Answers: q.Answers{}, NotRun: map[string]rules.Reason{}}
	ask := func(qu *q.Question) {
		if qu.ShowIf != nil && !rules.Holds(qu.ShowIf, in.Answers) {
			return
		}
		in.Reached = append(in.Reached, qu.ID)
		if a := given[qu.ID]; a != nil {
			in.Answers[qu.ID] = a
			in.Asked++
		}
	}
	triageOnly := slices.Contains(p.Modules, q.TriageID)
	explicit := len(p.Modules) > 0 && !triageOnly
	for _, qu := range triageQuestions(p) {
		ask(qu)
	}
	var runs []string
	for _, id := range q.Forms() {
		m := set.Module(id)
		if m == nil {
			continue
		}
		routed := false
		if !explicit && set.Triage != nil {
			for _, r := range set.Triage.Routes {
				routed = routed || (r.Module == id && rules.Holds(r.When, in.Answers))
			}
		}
		switch {
		case explicit && slices.Contains(p.Modules, id), !explicit && !triageOnly && routed:
			runs = append(runs, id)
		case explicit:
			in.NotRun[id] = rules.NotSelected
		case triageOnly && routed:
			in.NotRun[id] = rules.Routed
		default:
			in.NotRun[id] = rules.NotRouted
		}
	}
	for _, id := range runs {
		for _, qu := range set.Module(id).Questions {
			if qu.Gate {
				ask(qu)
			}
		}
	}
	var open []string
	for _, id := range runs {
		if m := set.Module(id); m.Purpose == nil || rules.Holds(m.Purpose, in.Answers) {
			open = append(open, id)
		}
	}
	if set.Means != nil && len(open) > 0 {
		for _, qu := range set.Means.Questions {
			ask(qu)
		}
	}
	for _, id := range open {
		for _, qu := range set.Module(id).Questions {
			if !qu.Gate {
				ask(qu)
			}
		}
	}
	in.Modules = runs
	reached := map[string]bool{}
	for _, id := range in.Reached {
		reached[id] = true
	}
	for id := range given {
		if !reached[id] {
			unused = append(unused, id)
		}
	}
	slices.Sort(unused)
	return in, unused, nil
}
