package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
	"github.com/htscreen/htscreen/screening/scenario"
)

// Feedback is a trainee's run set beside the expert's, as rendered.
type Feedback struct {
	Scenario       string          `json:"scenario"`
	Title          string          `json:"title"`
	Levels         []LevelFeedback `json:"levels"`
	RedFlagsMissed []string        `json:"red_flags_missed"`
	// MissedBecause traces each missed red flag to the answers that closed
	// the path to it.
	MissedBecause map[string][]AnswerNote `json:"red_flags_missed_because"`
	RedFlagsExtra []string                `json:"red_flags_extra"`
	// StepsMissed are the next steps the expert's result gives and the
	// trainee's does not: what the mistakes cost.
	StepsMissed []StepNote      `json:"steps_missed"`
	Missed      []IndicatorNote `json:"missed_indicators"`
	OverCalled  []IndicatorNote `json:"over_called_indicators"`
	Answers     []AnswerNote    `json:"answers_that_differ"`
	Teaching    string          `json:"teaching"`
}

// LevelFeedback is one form's level in both runs. A form a run did not
// screen has level "none" and screened false.
type LevelFeedback struct {
	Form            string      `json:"form"`
	Expert          rules.Level `json:"expert"`
	Trainee         rules.Level `json:"trainee"`
	ExpertScreened  bool        `json:"expert_screened"`
	TraineeScreened bool        `json:"trainee_screened"`
	// Call is "match", "under" (the trainee's level is lower: the costlier
	// error) or "over".
	Call string `json:"call"`
	// Because, for an under-call, are the answers on the form's path that
	// differ, in interview order.
	Because []AnswerNote `json:"because"`
}

// StepNote is a next step, as the feedback names it.
type StepNote struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// IndicatorNote explains an indicator the trainee missed or over-called.
type IndicatorNote struct {
	ID        string     `json:"id"`
	Label     string     `json:"label"`
	Dimension string     `json:"dimension"`
	Strength  q.Strength `json:"strength"`
	Explain   string     `json:"explain,omitempty"`
	Questions []string   `json:"questions"`
	Source    *Source    `json:"source"`
}

// AnswerNote is a question answered differently.
type AnswerNote struct {
	Question string   `json:"question"`
	Text     string   `json:"text"`
	Expert   []string `json:"expert"`
	Trainee  []string `json:"trainee"`
}

var levelRank = map[rules.Level]int{rules.None: 0, rules.Concern: 1, rules.Refer: 2}

// BuildFeedback renders a comparison in a language; the two plans are the
// guidance each result gives, so that the feedback can say what a mistake
// cost.
func BuildFeedback(sc *scenario.Scenario, fb *scenario.Feedback, expert, trainee *guidance.Plan, lang string) *Feedback {
	out := &Feedback{
		Scenario: sc.ID, Title: sc.Title.In(lang), Teaching: sc.Teaching.In(lang),
		RedFlagsMissed: []string{}, MissedBecause: map[string][]AnswerNote{}, RedFlagsExtra: emptyIfNil(fb.FlagsExtra),
		StepsMissed: []StepNote{}, Missed: []IndicatorNote{}, OverCalled: []IndicatorNote{}, Answers: []AnswerNote{},
	}
	notes := func(list []scenario.AnswerDiff) []AnswerNote {
		out := []AnswerNote{}
		for _, a := range list {
			out = append(out, AnswerNote{Question: a.Question.ID, Text: QuestionText(a.Question, lang), Expert: emptyIfNil(a.Expert), Trainee: emptyIfNil(a.Trainee)})
		}
		return out
	}
	for _, f := range fb.FlagsMissed {
		out.RedFlagsMissed = append(out.RedFlagsMissed, f.ID)
		out.MissedBecause[f.ID] = notes(f.Cause)
	}
	if expert != nil && trainee != nil {
		have := map[string]bool{}
		for _, st := range trainee.Steps {
			have[st.ID] = true
		}
		for _, st := range expert.Steps {
			if !have[st.ID] {
				out.StepsMissed = append(out.StepsMissed, StepNote{ID: st.ID, Text: st.Text})
			}
		}
	}
	for _, l := range fb.Levels {
		call := "match"
		switch {
		case l.Trainee.Rank() < l.Expert.Rank():
			call = "under"
		case l.Trainee.Rank() > l.Expert.Rank():
			call = "over"
		}
		out.Levels = append(out.Levels, LevelFeedback{Form: l.Form, Expert: l.Expert, Trainee: l.Trainee,
			ExpertScreened: l.ExpertScreened, TraineeScreened: l.TraineeScreened, Call: call, Because: notes(l.Cause)})
	}
	note := func(ind *q.Indicator) IndicatorNote {
		return IndicatorNote{ID: ind.ID, Label: ind.Label.In(lang), Dimension: ind.Dimension, Strength: ind.Strength,
			Explain: ind.Explain.In(lang), Questions: ind.When.Questions(), Source: source(ind.File, ind.Source)}
	}
	for _, ind := range fb.Missed {
		out.Missed = append(out.Missed, note(ind))
	}
	for _, ind := range fb.OverCalled {
		out.OverCalled = append(out.OverCalled, note(ind))
	}
	out.Answers = notes(fb.Answers)
	return out
}

// WriteFeedback renders feedback as text, Markdown or JSON.
func WriteFeedback(w io.Writer, set *q.Set, fb *Feedback, lang, format string) error {
	if format == "json" {
		return WriteJSON(w, fb)
	}
	t := func(key string, args ...any) string { return locale.T(lang, key, args...) }
	md := format == "markdown"
	head := func(level int, s string) { Heading(w, level, s, md) }
	answer := func(qid string, a []string) string {
		if len(a) == 0 {
			return t("not_asked")
		}
		qu := set.Question(qid)
		var parts []string
		for _, id := range a {
			parts = append(parts, qu.AnswerText(id, lang))
		}
		return strings.Join(parts, ", ")
	}

	differ := func(indent string, a AnswerNote) {
		fmt.Fprintf(w, "%s- %s\n%s  %s %s; %s %s\n", indent, a.Text, indent, t("train_you"), answer(a.Question, a.Trainee), t("train_expert"), answer(a.Question, a.Expert))
	}

	head(1, t("train_feedback", fb.Title))
	// Most serious first: a missed red flag, traced to the answer that
	// closed it, and the steps it cost; then the levels.
	if len(fb.RedFlagsMissed) > 0 {
		head(2, t("train_flags_missed"))
		for _, id := range fb.RedFlagsMissed {
			fmt.Fprintf(w, "- %s\n", t("flag_"+id))
			if because := fb.MissedBecause[id]; len(because) > 0 {
				fmt.Fprintf(w, "  %s\n", t("train_closed_by"))
				for _, a := range because {
					differ("  ", a)
				}
			}
		}
		fmt.Fprintln(w)
	}
	if len(fb.StepsMissed) > 0 {
		head(2, t("train_steps_missed"))
		for _, st := range fb.StepsMissed {
			fmt.Fprintf(w, "- %s\n", st.Text)
		}
		fmt.Fprintln(w)
	}
	head(2, t("train_levels"))
	for _, l := range fb.Levels {
		mark := ""
		switch l.Call {
		case "under":
			mark = " <- " + t("train_under")
		case "over":
			mark = " <- " + t("train_over")
		}
		level := func(level rules.Level, screened bool) string {
			if !screened {
				return t("not_screened")
			}
			return t("level_" + string(level))
		}
		fmt.Fprintf(w, "- %s: %s %s, %s %s%s\n", t("form_"+l.Form), t("train_you"), level(l.Trainee, l.TraineeScreened), t("train_expert"), level(l.Expert, l.ExpertScreened), mark)
		if len(l.Because) > 0 {
			fmt.Fprintf(w, "  %s\n", t("train_closed_by"))
			for _, a := range l.Because {
				differ("  ", a)
			}
		}
	}
	if len(fb.RedFlagsExtra) > 0 {
		fmt.Fprintf(w, "- %s: %s\n", t("train_flags_extra"), strings.Join(fb.RedFlagsExtra, ", "))
	}
	fmt.Fprintln(w)
	notes := func(title string, list []IndicatorNote) {
		if len(list) == 0 {
			return
		}
		head(2, title)
		for _, n := range list {
			fmt.Fprintf(w, "- %s [%s, %s]", n.Label, n.Dimension, t("strength_"+string(n.Strength)))
			if n.Source != nil {
				fmt.Fprintf(w, " (%s: %s)", t("source"), n.Source.Cite)
			}
			fmt.Fprintln(w)
			if n.Explain != "" {
				fmt.Fprintf(w, "  %s\n", n.Explain)
			}
			for _, qid := range n.Questions {
				if qu := set.Question(qid); qu != nil {
					fmt.Fprintf(w, "  %s: %s\n", t("train_asks"), qu.Text.In(lang))
				}
			}
		}
		fmt.Fprintln(w)
	}
	notes(t("train_missed"), fb.Missed)
	notes(t("train_overcalled"), fb.OverCalled)
	if len(fb.Answers) > 0 {
		head(2, t("train_answers"))
		for _, a := range fb.Answers {
			differ("", a)
		}
		fmt.Fprintln(w)
	}
	if len(fb.Missed)+len(fb.OverCalled)+len(fb.Answers)+len(fb.RedFlagsMissed)+len(fb.RedFlagsExtra) == 0 {
		fmt.Fprintf(w, "%s\n\n", t("train_all_match"))
	}
	head(2, t("train_teaching"))
	fmt.Fprintf(w, "%s\n", fb.Teaching)
	return nil
}

// PersonaTitle is how a training scenario is introduced: its title and
// setting.
func PersonaTitle(sc *scenario.Scenario, lang string) string {
	return locale.T(lang, "train_persona", sc.Title.In(lang), sc.Setting.In(lang))
}

// WriteReveal renders a scenario's answer key: the persona, the expert's
// screening in format, and the teaching notes (in json, one document with
// the three as fields).
func WriteReveal(w io.Writer, sc *scenario.Scenario, expert *Report, format, lang string) error {
	if format == "json" {
		// One JSON document: the persona and notes as fields, not text
		// around the result.
		return WriteJSON(w, struct {
			ID       string  `json:"scenario"`
			Title    string  `json:"title"`
			Persona  string  `json:"persona"`
			Result   *Report `json:"expert_result"`
			Teaching string  `json:"teaching"`
		}{sc.ID, sc.Title.In(lang), sc.Persona.In(lang), expert, sc.Teaching.In(lang)})
	}
	fmt.Fprintf(w, "%s\n\n%s\n\n", PersonaTitle(sc, lang), sc.Persona.In(lang))
	if err := Write(w, expert, format); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s\n\n%s\n", locale.T(lang, "train_teaching"), sc.Teaching.In(lang))
	return nil
}
