package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
)

// explainOptions are the explain command's settings.
type explainOptions struct {
	IO             *IOStreams
	ID             string
	Lang           string
	Questionnaires string
}

func newExplainCmd(ios *IOStreams) *cobra.Command {
	opts := &explainOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "explain ID",
		Short: "Explain an indicator, question, red flag, level rule, dimension, module or contact",
		Long: `Explain anything a result or a questionnaire names: what it means, why it
matters, its grade and dimension, what it rests on and its source.

ID is an indicator or question id (documents_held, can_leave_job), a red flag
(emergency, minor, one_chance), a module (labor), a level rule or dimension
as MODULE.NAME (labor.refer, labor.coercion), a guidance step or a contact
(nhth). 'htscreen list MODULE' shows the ids.`,
		Example: `  htscreen explain documents_held
  htscreen explain labor.refer --lang es
  htscreen explain one_chance`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("explain takes one id")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runExplain(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Lang, "lang", locale.Default, "language: "+strings.Join(locale.Langs(), ", "))
	cmd.Flags().StringVar(&opts.Questionnaires, "questionnaires", "", "load questionnaires from `DIR` instead of the embedded set")
	return cmd
}

func runExplain(opts *explainOptions) error {
	if err := checkValue("lang", opts.Lang, locale.Langs()); err != nil {
		return err
	}
	set, dir, err := loadSet(opts.IO, opts.Questionnaires, q.Options{})
	if err != nil {
		return err
	}
	e := &explainer{w: opts.IO.Out, set: set, lang: opts.Lang}
	var all []string
	found := false
	for _, f := range set.Files {
		all = append(all, f.ID)
		if f.ID == opts.ID {
			e.module(f)
			found = true
		}
		for _, d := range f.Dimensions {
			all = append(all, f.ID+"."+d.ID)
			if f.ID+"."+d.ID == opts.ID {
				e.dimension(f, d)
				found = true
			}
		}
		for _, l := range f.Levels {
			all = append(all, f.ID+"."+l.Level)
			if f.ID+"."+l.Level == opts.ID {
				e.level(f, l)
				found = true
			}
		}
		for _, qu := range f.Questions {
			all = append(all, qu.ID)
			if qu.ID == opts.ID {
				e.question(qu)
				found = true
			}
		}
		for _, ind := range f.Indicators {
			all = append(all, ind.ID)
			if ind.ID == opts.ID {
				e.indicator(ind)
				found = true
			}
		}
		for _, rf := range f.RedFlags {
			all = append(all, rf.ID)
			if rf.ID == opts.ID {
				e.redFlag(f, rf)
				found = true
			}
		}
	}
	for _, s := range dir.Steps {
		all = append(all, s.ID)
		if s.ID == opts.ID {
			e.step(s)
			found = true
		}
	}
	for _, c := range dir.Contacts {
		all = append(all, c.ID)
		if c.ID == opts.ID {
			fmt.Fprintf(e.w, "%s\n  %s\n\n", report.ContactLine(c.View(e.lang), e.lang, true), c.Purpose.In(e.lang))
			found = true
		}
	}
	if !found {
		hint := ""
		if best := q.Closest(opts.ID, all); best != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", best)
		}
		return usagef("no indicator, question, red flag, rule, module, step or contact is called %q%s; 'htscreen list MODULE' shows the ids", opts.ID, hint)
	}
	return nil
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
