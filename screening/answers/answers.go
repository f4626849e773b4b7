// Package answers reads an answers file: a YAML or JSON mapping of question
// id to answer id (or a list of them for multiple choice), used by training
// scenarios, scripts and tests instead of prompts.
package answers

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// MaxSize bounds an answers file; a real one is a few kilobytes.
const MaxSize = 1 << 20

// Parse reads answers for the set. Every id must be a question of the set and
// every value an answer that question offers; all problems are reported
// together, as a questionnaire.ErrorList. name is how errors name the file.
func Parse(name string, data []byte, set *q.Set) (q.Answers, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: the answers file is larger than %d KiB; check that this is the right file", name, MaxSize>>10)
	}
	root, err := q.ReadDocument(data)
	var de *q.DocumentError
	switch {
	case errors.As(err, &de) && de.Syntax:
		return nil, q.ErrorList{{Pos: q.Pos{File: name, Line: de.Line, Col: 1}, Msg: "not valid YAML or JSON: " + de.Msg}}
	case errors.As(err, &de):
		return nil, q.ErrorList{{Pos: q.Pos{File: name, Line: de.Line, Col: 1}, Msg: de.Msg}}
	case root == nil:
		return nil, fmt.Errorf("%s: the answers file is empty; write one line per question, e.g. can_leave_job: no", name)
	}
	return ParseNode(name, root, set)
}

// ParseNode reads answers from a YAML mapping node: an answers file's
// document, or the answers block of a training scenario.
func ParseNode(name string, root *yaml.Node, set *q.Set) (q.Answers, error) {
	// Problems are listed in file order, as they are found; they share
	// questionnaire's error type, so that everything read from a file reports
	// file:line:column the same way.
	var list q.ErrorList
	add := func(n *yaml.Node, format string, args ...any) {
		list = append(list, &q.Error{Pos: q.Pos{File: name, Line: n.Line, Col: n.Column}, Msg: fmt.Sprintf(format, args...)})
	}
	if root.Kind != yaml.MappingNode {
		add(root, "an answers file maps question ids to answers, e.g. can_leave_job: no")
		return nil, list
	}
	var ids []string
	for _, f := range set.Files {
		for _, qu := range f.Questions {
			ids = append(ids, qu.ID)
		}
	}
	out := q.Answers{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		qu := set.Question(k.Value)
		switch {
		case k.Kind != yaml.ScalarNode:
			add(k, "a question id must be a plain word")
			continue
		case qu == nil:
			if best := q.Closest(k.Value, ids); best != "" {
				add(k, "unknown question %q; did you mean %q?", k.Value, best)
			} else {
				add(k, "unknown question %q", k.Value)
				list[len(list)-1].Unknown = "question"
			}
			continue
		case out[k.Value] != nil:
			add(k, "question %q is answered twice; keep one", k.Value)
			continue
		}
		vals, ok := values(v)
		if !ok {
			add(v, "the answer to %q must be an answer id or, for multiple choice, a list of them", qu.ID)
			continue
		}
		if err := check(qu, vals); err != "" {
			add(v, "%s", err)
			continue
		}
		out[qu.ID] = vals
	}
	if len(list) > 0 {
		return nil, list
	}
	return out, nil
}

func values(n *yaml.Node) ([]string, bool) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil, false
		}
		return []string{n.Value}, true
	case yaml.SequenceNode:
		var vs []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
				return nil, false
			}
			vs = append(vs, c.Value)
		}
		return vs, len(vs) > 0
	}
	return nil, false
}

// check validates one answer and returns a message, or "".
func check(qu *q.Question, vals []string) string {
	valid := qu.AnswerIDs()
	if len(vals) > 1 && qu.Type != q.Multiple {
		return fmt.Sprintf("%q takes one answer, not a list; use one of: %s", qu.ID, strings.Join(valid, ", "))
	}
	for _, v := range vals {
		if !slices.Contains(valid, v) {
			return fmt.Sprintf("%q has no answer %q%s", qu.ID, v, suggest(v, valid, "use one of: "+strings.Join(valid, ", ")))
		}
		if (v == q.NotSure || v == q.PreferNotToSay) && len(vals) > 1 {
			return fmt.Sprintf("%q: %s stands alone; it cannot be combined with other answers", qu.ID, v)
		}
	}
	if ex := qu.ExclusiveChoice(vals); ex != "" && len(vals) > 1 {
		return fmt.Sprintf("%q: %s stands alone; it cannot be combined with other answers", qu.ID, ex)
	}
	for i, v := range vals {
		if slices.Contains(vals[:i], v) {
			return fmt.Sprintf("%q lists %q twice", qu.ID, v)
		}
	}
	return ""
}

func suggest(name string, valid []string, otherwise string) string {
	if best := q.Closest(name, valid); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return "; " + otherwise
}
