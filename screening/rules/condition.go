package rules

import (
	"slices"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// Truth is a condition's value over answers that may not all be in yet:
// true, false, or unknown while a question that could change it is still
// open (three-valued, Kleene's logic).
type Truth int8

// Truth values.
const (
	False Truth = iota
	True
	Unknown
)

func truth(b bool) Truth {
	if b {
		return True
	}
	return False
}

func and(a, b Truth) Truth {
	switch {
	case a == False || b == False:
		return False
	case a == True && b == True:
		return True
	}
	return Unknown
}

func or(a, b Truth) Truth {
	switch {
	case a == True || b == True:
		return True
	case a == False && b == False:
		return False
	}
	return Unknown
}

func not(a Truth) Truth {
	switch a {
	case True:
		return False
	case False:
		return True
	}
	return Unknown
}

// env is what a condition is evaluated against: the answers so far, which
// questions are still unknown, and what one module's indicators, dimensions
// and the set's red flags came to.
type env struct {
	set     *q.Set
	answers q.Answers
	// unknown reports a question whose answer is not in yet but may come
	// (or, when judging completeness, a "not sure" that may hide a yes).
	unknown func(id string) bool
	// untied says how a means counts that the person did not tie to a
	// situation ("not sure which"): counted for the upper pass, not for the
	// lower one. The level is capped at concern between the two.
	untied bool
	file   *q.File
	fired  map[*q.Indicator]Truth
	// because holds, for every indicator that fired, the answers it rests
	// on, so that a level rule on dimensions can name them too.
	because map[*q.Indicator][]Evidence
	dims    map[string]Truth
	flags   map[string]Truth
	// outlook, for guidance conditions on a result.
	outlook *Outlook
}

func (e *env) isUnknown(id string) bool { return e.unknown != nil && e.unknown(id) }

// eval evaluates c. The evidence lists the answers a true condition rested
// on. A question that was not asked satisfies no "is" or "in": absent is
// never "no", and "not" of an unasked question holds, so authors write the
// answer they mean ("is: no") rather than negating "yes".
func (e *env) eval(c *q.Condition) (Truth, []Evidence) {
	switch {
	case len(c.All) > 0:
		t := True
		var ev []Evidence
		for _, sub := range c.All {
			st, sev := e.eval(sub)
			t = and(t, st)
			if t == False {
				return False, nil
			}
			ev = append(ev, sev...)
		}
		if t != True {
			ev = nil
		}
		return t, ev
	case len(c.Any) > 0:
		t := False
		var ev []Evidence
		for _, sub := range c.Any {
			st, sev := e.eval(sub)
			t = or(t, st)
			if st == True {
				ev = append(ev, sev...)
			}
		}
		return t, ev
	case c.Not != nil:
		t, _ := e.eval(c.Not)
		return not(t), nil
	case c.Question != "":
		return e.question(c)
	case c.Indicator != "":
		t := e.indicator(c.Indicator)
		return t, e.evidence(t, func(ind *q.Indicator) bool { return c.Indicator == "any" || ind.ID == c.Indicator })
	case c.RedFlag != "":
		return e.flag(c.RedFlag), nil
	case c.Strength != "":
		t := e.strength(c.Strength, c.Dimension)
		return t, e.evidence(t, func(ind *q.Indicator) bool {
			return ind.Strength == c.Strength && (c.Dimension == "" || c.Dimension == "any" || ind.Dimension == c.Dimension)
		})
	case c.Dimension == "any":
		t := False
		for _, d := range e.dims {
			t = or(t, d)
		}
		return t, e.evidence(t, func(ind *q.Indicator) bool { return e.dims[ind.Dimension] == True })
	case c.Dimension != "":
		t := e.dims[c.Dimension]
		return t, e.evidence(t, func(ind *q.Indicator) bool { return ind.Dimension == c.Dimension })
	case c.Form != "":
		return e.outlook.form(c), nil
	case c.Routed != "":
		return e.outlook.routed(c.Routed), nil
	}
	return False, nil
}

// evidence gathers, for a condition on indicators that holds, the answers
// behind the fired indicators it speaks of, in the module's order.
func (e *env) evidence(t Truth, of func(*q.Indicator) bool) []Evidence {
	if t != True || e.file == nil || e.because == nil {
		return nil
	}
	var ev []Evidence
	for _, ind := range e.file.Indicators {
		if e.fired[ind] == True && of(ind) {
			ev = append(ev, e.because[ind]...)
		}
	}
	return ev
}

func (e *env) question(c *q.Condition) (Truth, []Evidence) {
	if e.isUnknown(c.Question) {
		return Unknown, nil
	}
	holds := false
	for _, v := range c.Values() {
		if e.answers.Has(c.Question, v) {
			holds = true
			break
		}
	}
	if !holds {
		return False, nil
	}
	var qu *q.Question
	if e.set != nil {
		qu = e.set.Question(c.Question)
	}
	ev := []Evidence{{Question: qu, Answer: e.answers[c.Question]}}
	if c.For == "" || qu == nil || qu.FollowUp == nil {
		return True, ev
	}
	fu := qu.FollowUp
	switch a := e.answers[fu.ID]; {
	case e.isUnknown(fu.ID):
		return Unknown, nil
	case slices.Contains(a, c.For):
		return True, append(ev, Evidence{Question: fu, Answer: a})
	case e.answers.Known(fu.ID):
		return False, nil // tied to another situation only
	default:
		// Not sure which situation, or not answered: it may belong here.
		if !e.untied {
			return False, nil
		}
		return True, append(ev, Evidence{Question: fu, Answer: a, Untied: true})
	}
}

func (e *env) indicator(id string) Truth {
	if id == "any" {
		t := False
		for _, v := range e.fired {
			t = or(t, v)
		}
		return t
	}
	if e.outlook != nil {
		return e.outlook.indicator(id)
	}
	for ind, v := range e.fired {
		if ind.ID == id {
			return v
		}
	}
	return False
}

func (e *env) flag(id string) Truth {
	if id == "any" {
		t := False
		for _, v := range e.flags {
			t = or(t, v)
		}
		return t
	}
	return e.flags[id]
}

func (e *env) strength(s q.Strength, dim string) Truth {
	t := False
	for ind, v := range e.fired {
		if ind.Strength == s && (dim == "" || dim == "any" || ind.Dimension == dim) {
			t = or(t, v)
		}
	}
	return t
}

// And and Or combine truths as Kleene's logic does, for callers that
// combine conditions of their own (routes, sections).
func And(a, b Truth) Truth { return and(a, b) }

// Or: see And.
func Or(a, b Truth) Truth { return or(a, b) }
