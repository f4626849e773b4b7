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
	case c.Question != "" && c.Is != "":
		return fmt.Sprintf("%s is %s", c.Question, c.Is)
	case c.Question != "":
		return fmt.Sprintf("%s in [%s]", c.Question, strings.Join(c.In, ", "))
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
