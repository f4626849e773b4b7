package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// explainable is one thing `explain` can describe: its id, and how.
type explainable struct {
	id    string
	write func(*explainer)
}

// explainables lists everything that can be explained, in the order of the
// set's files and then the guidance: each module, its dimensions
// (MODULE.DIMENSION), level rules (MODULE.LEVEL), questions, indicators and
// red flags, then the guidance steps and contacts. An id may name more than
// one thing (a red flag raised by two files).
func explainables(set *q.Set, dir *guidance.Directory) []explainable {
	var out []explainable
	add := func(id string, write func(*explainer)) { out = append(out, explainable{id, write}) }
	for _, f := range set.Files {
		add(f.ID, func(e *explainer) { e.module(f) })
		for _, d := range f.Dimensions {
			add(f.ID+"."+d.ID, func(e *explainer) { e.dimension(f, d) })
		}
		for _, l := range f.Levels {
			add(f.ID+"."+l.Level, func(e *explainer) { e.level(f, l) })
		}
		for _, qu := range f.Questions {
			add(qu.ID, func(e *explainer) { e.question(qu) })
		}
		for _, ind := range f.Indicators {
			add(ind.ID, func(e *explainer) { e.indicator(ind) })
		}
		for _, rf := range f.RedFlags {
			add(rf.ID, func(e *explainer) { e.redFlag(f, rf) })
		}
	}
	for _, s := range dir.Steps {
		add(s.ID, func(e *explainer) { e.step(s) })
	}
	for _, c := range dir.Contacts {
		add(c.ID, func(e *explainer) {
			fmt.Fprintf(e.w, "%s\n  %s\n\n", ContactLine(c.View(e.lang), e.lang, true), c.Purpose.In(e.lang))
		})
	}
	return out
}

// ExplainIDs returns every id Explain knows, each once, in the order of the
// set's files and then the guidance.
func ExplainIDs(set *q.Set, dir *guidance.Directory) []string {
	var ids []string
	for _, x := range explainables(set, dir) {
		if !slices.Contains(ids, x.id) {
			ids = append(ids, x.id)
		}
	}
	return ids
}

// Explain writes to w, in lang, what everything called id means, why it
// matters, what it rests on and its source. It reports whether anything is
// called id; when nothing is, it writes nothing.
func Explain(w io.Writer, set *q.Set, dir *guidance.Directory, id, lang string) bool {
	e := &explainer{w: w, set: set, lang: lang}
	found := false
	for _, x := range explainables(set, dir) {
		if x.id == id {
			x.write(e)
			found = true
		}
	}
	return found
}

type explainer struct {
	w    io.Writer
	set  *q.Set
	lang string
}

func (e *explainer) t(key string, args ...any) string { return locale.T(e.lang, key, args...) }

func (e *explainer) heading(kind, id, title string) {
	s := fmt.Sprintf("%s %s: %s", kind, id, title)
	fmt.Fprintf(e.w, "%s\n%s\n", s, strings.Repeat("-", len([]rune(s))))
}

func (e *explainer) source(f *q.File, id string) {
	for _, s := range f.Sources {
		if s.ID == id {
			fmt.Fprintf(e.w, "%s: %s %s\n", e.t("source"), s.Cite, s.URL)
		}
	}
}

func (e *explainer) indicator(ind *q.Indicator) {
	e.heading(e.t("kind_indicator"), ind.ID, ind.Label.In(e.lang))
	var d *q.Dimension
	for _, x := range ind.File.Dimensions {
		if x.ID == ind.Dimension {
			d = x
		}
	}
	fmt.Fprintf(e.w, "%s: %s (%s), %s %s\n", e.t("ex_in"), ind.File.Title.In(e.lang), ind.File.ID, e.t("ex_grade"), ind.Strength)
	if d != nil {
		fmt.Fprintf(e.w, "%s: %s (%s): %s\n", e.t("ex_dimension"), d.Label.In(e.lang), d.ID, e.t("ex_counts", d.Weights.Of(ind.Strength), d.Threshold))
	}
	fmt.Fprintf(e.w, "%s: %s\n", e.t("ex_fires_when"), ind.When.String())
	for _, qid := range ind.When.Questions() {
		if qu := e.set.Question(qid); qu != nil {
			fmt.Fprintf(e.w, "  %s: %s\n", qid, qu.Text.In(e.lang))
		}
	}
	if x := ind.Explain.In(e.lang); x != "" {
		fmt.Fprintf(e.w, "%s\n", x)
	}
	e.source(ind.File, ind.Source)
	fmt.Fprintln(e.w)
}

func (e *explainer) question(qu *q.Question) {
	e.heading(e.t("kind_question"), qu.ID, qu.Text.In(e.lang))
	fmt.Fprintf(e.w, "%s: %s (%s); %s: %s\n", e.t("ex_in"), qu.File.Title.In(e.lang), qu.File.ID, e.t("ex_asked_of"), qu.AskedOf)
	if h := qu.Hint.In(e.lang); h != "" {
		fmt.Fprintf(e.w, "%s\n", e.t("hint", h))
	}
	var answers []string
	for _, id := range qu.AnswerIDs() {
		answers = append(answers, fmt.Sprintf("%s (%s)", id, qu.AnswerText(id, e.lang)))
	}
	fmt.Fprintf(e.w, "%s: %s\n", e.t("ex_answers"), strings.Join(answers, ", "))
	if qu.ShowIf != nil {
		fmt.Fprintf(e.w, "%s: %s\n", e.t("show_ask_only_if"), qu.ShowIf.String())
	}
	if qu.Gate {
		fmt.Fprintf(e.w, "%s\n", e.t("ex_key"))
	}
	for _, f := range e.set.Files {
		for _, ind := range f.Indicators {
			if slices.Contains(ind.When.Questions(), qu.ID) {
				fmt.Fprintf(e.w, "%s: %s (%s, %s, %s) %s %s\n", e.t("ex_feeds"), ind.ID, f.ID, ind.Dimension, ind.Strength, e.t("show_when"), ind.When.String())
			}
		}
		for _, rf := range f.RedFlags {
			if slices.Contains(rf.When.Questions(), qu.ID) {
				fmt.Fprintf(e.w, "%s: %s (%s)\n", e.t("ex_feeds_flag"), rf.ID, f.ID)
			}
		}
	}
	fmt.Fprintln(e.w)
}

func (e *explainer) redFlag(f *q.File, rf *q.RedFlag) {
	e.heading(e.t("kind_red_flag"), rf.ID, rf.Label.In(e.lang))
	fmt.Fprintf(e.w, "%s: %s (%s)\n%s: %s\n", e.t("ex_in"), f.Title.In(e.lang), f.ID, e.t("ex_fires_when"), rf.When.String())
	if x := rf.Explain.In(e.lang); x != "" {
		fmt.Fprintln(e.w, x)
	}
	fmt.Fprintln(e.w, e.t("ex_flag_first"))
	e.source(f, rf.Source)
	fmt.Fprintln(e.w)
}

func (e *explainer) level(f *q.File, l *q.LevelRule) {
	e.heading(e.t("kind_level_rule"), f.ID+"."+l.Level, e.t("level_"+l.Level))
	fmt.Fprintf(e.w, "%s: %s\n%s\n%s\n\n", e.t("show_when"), l.When.String(), l.Explain.In(e.lang), e.t("ex_top_down"))
}

func (e *explainer) dimension(f *q.File, d *q.Dimension) {
	e.heading(e.t("kind_dimension"), f.ID+"."+d.ID, d.Label.In(e.lang))
	cap := e.t("show_no_cap")
	if d.WeakCap != nil {
		cap = fmt.Sprint(*d.WeakCap)
	}
	fmt.Fprintln(e.w, e.t("show_weights", d.Weights.Strong, d.Weights.Medium, d.Weights.Weak, cap, d.Threshold))
	for _, ind := range f.Indicators {
		if ind.Dimension == d.ID {
			fmt.Fprintf(e.w, "- %s (%s): %s\n", ind.ID, ind.Strength, ind.Label.In(e.lang))
		}
	}
	fmt.Fprintln(e.w)
}

func (e *explainer) module(f *q.File) {
	e.heading(e.t("kind_questionnaire"), f.ID, f.Title.In(e.lang))
	fmt.Fprintf(e.w, "%s\n%s\n", f.Intro.In(e.lang), e.t("ex_module", len(f.Questions), len(f.Indicators), f.ID))
	for _, l := range f.Levels {
		fmt.Fprintf(e.w, "- %s: %s\n", l.Level, l.Explain.In(e.lang))
	}
	fmt.Fprintln(e.w)
}

func (e *explainer) step(s *guidance.Step) {
	e.heading(e.t("kind_step"), s.ID, "")
	fmt.Fprintf(e.w, "%s\n%s: %s\n", s.Text.In(e.lang), e.t("applies_when"), s.When.String())
	if len(s.Roles) > 0 {
		fmt.Fprintln(e.w, e.t("for_roles", strings.Join(s.Roles, ", ")))
	}
	for _, c := range s.Sources {
		fmt.Fprintf(e.w, "%s: %s %s\n", e.t("source"), c.Cite, c.URL)
	}
	fmt.Fprintln(e.w)
}
