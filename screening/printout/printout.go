// Package printout renders a questionnaire for paper: the questions with
// their notes and answer boxes, the indicators with grades and sources, and
// how a level is decided. It is what `htscreen show` prints and what
// docs/questionnaires/ holds. The output has no dates, so it is reproducible.
package printout

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
)

// Formats returns the formats a printout can be written in.
func Formats() []string { return []string{"text", "markdown"} }

// Write renders one questionnaire as Markdown (md) or plain text.
func Write(out io.Writer, f *q.File, lang string, md bool) error {
	w := bufio.NewWriter(out)
	t := func(key string, args ...any) string { return locale.T(lang, key, args...) }
	head := func(level int, s string) { report.Heading(w, level, s, md) }
	code := func(s string) string {
		if md {
			return "`" + s + "`"
		}
		return s
	}
	em := func(s string) string {
		if md {
			return "*" + s + "*"
		}
		return s
	}

	head(1, fmt.Sprintf("%s (%s, %s)", f.Title.In(lang), f.ID, t("show_version", f.Version)))
	if md {
		fmt.Fprintf(w, "<!-- %s -->\n\n", t("show_generated"))
	}
	fmt.Fprintf(w, "%s\n\n", f.Intro.In(lang))
	if tr := f.Translation.In(lang); tr != "" {
		fmt.Fprintf(w, "%s\n\n", em(tr))
	}

	head(2, t("show_questions"))
	for i, qu := range f.Questions {
		key := "ask_person"
		if qu.AskedOf == q.Screener {
			key = "ask_screener"
		}
		text := t(key, qu.Text.In(lang))
		if md {
			text = "**" + text + "**"
		}
		fmt.Fprintf(w, "%d. %s %s\n", i+1, text, code(qu.ID))
		if qu.Gate {
			fmt.Fprintf(w, "   (%s)\n", t("show_key"))
		}
		if qu.ShowIf != nil {
			fmt.Fprintf(w, "   %s: %s\n", t("show_ask_only_if"), code(qu.ShowIf.String()))
		}
		if h := qu.Hint.In(lang); h != "" {
			fmt.Fprintf(w, "   %s\n", em(t("hint", h)))
		}
		var boxes []string
		for _, id := range qu.AnswerIDs() {
			boxes = append(boxes, "[ ] "+qu.AnswerText(id, lang))
		}
		fmt.Fprintf(w, "\n   %s\n\n", strings.Join(boxes, "   "))
	}

	if len(f.Indicators) > 0 {
		head(2, t("show_indicators"))
		if md {
			fmt.Fprintf(w, "| id | %s | %s | %s | %s | %s |\n", t("col_indicator"), t("ex_dimension"), t("col_strength"), t("show_when"), t("source"))
			fmt.Fprintln(w, "|---|---|---|---|---|---|")
		}
		for _, ind := range f.Indicators {
			if md {
				fmt.Fprintf(w, "| `%s` | %s | %s | %s | `%s` | %s |\n", ind.ID, ind.Label.In(lang), ind.Dimension, t("strength_"+string(ind.Strength)), ind.When.String(), ind.Source)
			} else {
				fmt.Fprintf(w, "- %s: %s [%s, %s] %s %s; %s\n", ind.ID, ind.Label.In(lang), ind.Dimension, t("strength_"+string(ind.Strength)), t("show_when"), ind.When.String(), ind.Source)
			}
		}
		fmt.Fprintln(w)
	}

	if len(f.Dimensions)+len(f.Levels)+len(f.RedFlags) > 0 {
		head(2, t("show_levels"))
	}
	if len(f.Dimensions) > 0 {
		head(3, t("show_dimensions"))
		for _, d := range f.Dimensions {
			cap := t("show_no_cap")
			if d.WeakCap != nil {
				cap = fmt.Sprint(*d.WeakCap)
			}
			fmt.Fprintf(w, "- %s (%s): %s\n", d.Label.In(lang), code(d.ID), t("show_weights", d.Weights.Strong, d.Weights.Medium, d.Weights.Weak, cap, d.Threshold))
		}
		fmt.Fprintln(w)
	}
	for _, l := range f.Levels {
		fmt.Fprintf(w, "- %s %s %s: %s\n", em(t("level_"+l.Level)), t("show_when"), code(l.When.String()), l.Explain.In(lang))
	}
	if len(f.Levels) > 0 {
		fmt.Fprintf(w, "- %s\n\n", em(t("level_none")))
	}
	if len(f.RedFlags) > 0 {
		head(3, t("show_red_flags"))
		for _, rf := range f.RedFlags {
			fmt.Fprintf(w, "- %s %s %s: %s\n", code(rf.ID), t("show_when"), code(rf.When.String()), rf.Label.In(lang))
		}
		fmt.Fprintln(w)
	}
	if len(f.Routes) > 0 {
		head(2, t("show_routes"))
		for _, r := range f.Routes {
			fmt.Fprintf(w, "- %s %s %s\n", code(r.Module), t("show_when"), code(r.When.String()))
		}
		fmt.Fprintln(w)
	}
	if len(f.Sources) > 0 {
		head(2, t("sources"))
		for _, s := range f.Sources {
			line := s.Cite
			if s.URL != "" {
				line += " " + s.URL
			}
			fmt.Fprintf(w, "- %s: %s\n", code(s.ID), line)
		}
	}
	return w.Flush()
}
