package questionnaire

import (
	"fmt"
	"strings"
)

// String renders a condition in one line, as `list` and explanations show it.
func (c *Condition) String() string {
	if c == nil {
		return ""
	}
	join := func(op string, list []*Condition) string {
		parts := make([]string, len(list))
		for i, sub := range list {
			parts[i] = sub.String()
		}
		return op + "(" + strings.Join(parts, ", ") + ")"
	}
	switch {
	case len(c.All) > 0:
		return join("all", c.All)
	case len(c.Any) > 0:
		return join("any", c.Any)
	case c.Not != nil:
		return "not(" + c.Not.String() + ")"
	case c.Question != "" && c.For != "":
		return fmt.Sprintf("%s in [%s] for %s", c.Question, strings.Join(c.Values(), ", "), c.For)
	case c.Question != "" && c.Is != "":
		return fmt.Sprintf("%s is %s", c.Question, c.Is)
	case c.Question != "":
		return fmt.Sprintf("%s in [%s]", c.Question, strings.Join(c.In, ", "))
	case c.Form != "":
		form := c.Form
		if form == "any" {
			form = "any form"
		}
		s := fmt.Sprintf("%s at %s", form, strings.Join(c.Level, " or "))
		if c.Timing != "" {
			s += fmt.Sprintf(" (%s)", c.Timing)
		}
		return s
	case c.Routed == "any":
		return "the triage points to any form"
	case c.Routed != "":
		return "the triage points to " + c.Routed
	case c.RedFlag == "any":
		return "any red flag"
	case c.Indicator == "any":
		return "any indicator of the module"
	case c.Strength != "" && c.Dimension != "":
		return fmt.Sprintf("a %s indicator in %s", c.Strength, c.Dimension)
	case c.Strength != "":
		return fmt.Sprintf("a %s indicator", c.Strength)
	case c.Dimension == "any":
		return "any dimension present"
	case c.Dimension != "":
		return fmt.Sprintf("%s present", c.Dimension)
	case c.Indicator != "":
		return fmt.Sprintf("indicator %s", c.Indicator)
	case c.RedFlag != "":
		return fmt.Sprintf("red flag %s", c.RedFlag)
	}
	return ""
}

// Questions lists the question ids a condition refers to, in order, with
// repeats.
func (c *Condition) Questions() []string {
	if c == nil {
		return nil
	}
	var ids []string
	if c.Question != "" {
		ids = append(ids, c.Question)
	}
	for _, sub := range c.All {
		ids = append(ids, sub.Questions()...)
	}
	for _, sub := range c.Any {
		ids = append(ids, sub.Questions()...)
	}
	return append(ids, c.Not.Questions()...)
}
