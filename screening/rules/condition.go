package rules

import (
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// env is what a condition is evaluated against.
type env struct {
	set     *q.Set
	answers q.Answers
	fired   map[string]*q.Indicator
	present map[string]bool
	flags   map[string]bool
}

// eval reports whether c holds and, when it does, the answers it rested on.
// A question that was not asked satisfies no "is" or "in": absent is never
// "no", and "not" of an unasked question holds, so authors write the answer
// they mean ("is: no") rather than negating "yes".
func (e *env) eval(c *q.Condition) (bool, []Evidence) {
	switch {
	case len(c.All) > 0:
		var ev []Evidence
		for _, sub := range c.All {
			ok, sev := e.eval(sub)
			if !ok {
				return false, nil
			}
			ev = append(ev, sev...)
		}
		return true, ev
	case len(c.Any) > 0:
		held := false
		var ev []Evidence
		for _, sub := range c.Any {
			if ok, sev := e.eval(sub); ok {
				held = true
				ev = append(ev, sev...)
			}
		}
		return held, ev
	case c.Not != nil:
		ok, _ := e.eval(c.Not)
		return !ok, nil
	case c.Question != "":
		for _, v := range c.Values() {
			if e.answers.Has(c.Question, v) {
				var qu *q.Question
				if e.set != nil {
					qu = e.set.Question(c.Question)
				}
				return true, []Evidence{{Question: qu, Answer: e.answers[c.Question]}}
			}
		}
		return false, nil
	case c.Indicator != "":
		return e.fired[c.Indicator] != nil, nil
	case c.RedFlag != "":
		return e.flags[c.RedFlag], nil
	case c.Strength != "":
		for _, ind := range e.fired {
			if ind.Strength == c.Strength && (c.Dimension == "" || c.Dimension == "any" || ind.Dimension == c.Dimension) {
				return true, nil
			}
		}
		return false, nil
	case c.Dimension == "any":
		for _, p := range e.present {
			if p {
				return true, nil
			}
		}
		return false, nil
	case c.Dimension != "":
		return e.present[c.Dimension], nil
	}
	return false, nil
}

// Possible reports whether c could still hold once the questions that are not
// yet decided are answered. It is used to count the questions still ahead.
func Possible(c *q.Condition, answers q.Answers, decided func(id string) bool) bool {
	switch {
	case len(c.All) > 0:
		for _, sub := range c.All {
			if !Possible(sub, answers, decided) {
				return false
			}
		}
		return true
	case len(c.Any) > 0:
		for _, sub := range c.Any {
			if Possible(sub, answers, decided) {
				return true
			}
		}
		return false
	case c.Not != nil:
		if dependsOnUndecided(c.Not, decided) {
			return true
		}
		return !Holds(c.Not, answers)
	case c.Question != "":
		if !decided(c.Question) {
			return true
		}
		return Holds(c, answers)
	}
	return true
}

func dependsOnUndecided(c *q.Condition, decided func(string) bool) bool {
	if c.Question != "" && !decided(c.Question) {
		return true
	}
	for _, sub := range append(append([]*q.Condition{}, c.All...), c.Any...) {
		if dependsOnUndecided(sub, decided) {
			return true
		}
	}
	return c.Not != nil && dependsOnUndecided(c.Not, decided)
}
