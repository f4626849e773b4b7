package questionnaire

import (
	"fmt"
	"slices"
)

// possible reports whether a level or red flag condition can ever hold, and
// if not, why. It is an upper bound: it looks at what the file defines (can a
// dimension's indicators reach its threshold at all? does any indicator of a
// strength exist? do two answers to one question exclude each other?), not
// at every combination of answers.
func (c *checker) possible(f *File, cd *Condition) (bool, string) {
	switch {
	case len(cd.All) > 0:
		for _, sub := range cd.All {
			if ok, why := c.possible(f, sub); !ok {
				return false, why
			}
		}
		return exclusive(c.set, cd.All)
	case len(cd.Any) > 0:
		var why string
		for _, sub := range cd.Any {
			ok, w := c.possible(f, sub)
			if ok {
				return true, ""
			}
			why = w
		}
		return false, "no alternative under any: can hold; the last: " + why
	case cd.Not != nil, cd.Question != "", cd.Indicator != "":
		return true, ""
	case cd.RedFlag != "":
		if !c.flags[cd.RedFlag] {
			return false, fmt.Sprintf("no file in the set defines red flag %q", cd.RedFlag)
		}
		return true, ""
	case cd.Strength != "":
		for _, ind := range f.Indicators {
			if ind.Strength == cd.Strength && (cd.Dimension == "" || cd.Dimension == "any" || ind.Dimension == cd.Dimension) {
				return true, ""
			}
		}
		return false, fmt.Sprintf("the file has no %s indicator%s", cd.Strength, inDim(cd.Dimension))
	case cd.Dimension == "any":
		for _, d := range f.Dimensions {
			if reach(f, d) >= d.Threshold {
				return true, ""
			}
		}
		return false, "no dimension's indicators can reach its threshold"
	case cd.Dimension != "":
		for _, d := range f.Dimensions {
			if d.ID == cd.Dimension {
				if r := reach(f, d); r < d.Threshold {
					return false, fmt.Sprintf("dimension %q can score at most %d with its indicators, below its threshold %d; add indicators or lower the threshold", d.ID, r, d.Threshold)
				}
			}
		}
	}
	return true, ""
}

func inDim(d string) string {
	if d == "" || d == "any" {
		return ""
	}
	return " in dimension " + quote(d)
}

// reach is the most a dimension can score if all its indicators fire.
func reach(f *File, d *Dimension) int {
	n := map[Strength]int{}
	for _, ind := range f.Indicators {
		if ind.Dimension == d.ID {
			n[ind.Strength]++
		}
	}
	return Score(d, n[Strong], n[Medium], n[Weak])
}

// Score is a dimension's weighted count of fired indicators. It is the one
// place the combination rule is computed.
func Score(d *Dimension, strong, medium, weak int) int {
	if d.WeakCap != nil {
		weak = min(weak, *d.WeakCap)
	}
	return d.Weights.Strong*strong + d.Weights.Medium*medium + d.Weights.Weak*weak
}

// exclusive finds two conditions under one all: that ask for different
// answers to a question that takes only one answer.
func exclusive(s *Set, list []*Condition) (bool, string) {
	want := map[string][]string{}
	for _, cd := range list {
		if cd.Question == "" {
			continue
		}
		q := s.questions[cd.Question]
		if q == nil || q.Type == Multiple {
			continue
		}
		vals := cd.Values()
		if prev, ok := want[q.ID]; ok {
			var both []string
			for _, v := range vals {
				if slices.Contains(prev, v) {
					both = append(both, v)
				}
			}
			if len(both) == 0 {
				return false, fmt.Sprintf("all: asks question %q for %v and for %v, but it takes one answer", q.ID, prev, vals)
			}
			vals = both
		}
		want[q.ID] = vals
	}
	return true, ""
}
