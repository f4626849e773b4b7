package printout

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
	"github.com/htscreen/htscreen/screening/scenario"
)

// Handout renders a module for trainees, apart from the authoring view
// that Write gives: the questions as they are asked, then each sign in
// plain words with why it matters and its source, and what a level means.
// No ids, weights or condition logic.
func Handout(out io.Writer, f *q.File, lang string, md bool) error {
	w := bufio.NewWriter(out)
	t := func(key string, args ...any) string { return locale.T(lang, key, args...) }
	head := func(level int, s string) { report.Heading(w, level, s, md) }
	head(1, fmt.Sprintf("%s: %s", f.Title.In(lang), t("handout_title")))
	fmt.Fprintf(w, "%s\n\n", f.Intro.In(lang))
	head(2, t("handout_questions"))
	n := 0
	for _, qu := range f.Questions {
		if qu.For != nil {
			continue // the "what was this about?" follow-up is explained once, below
		}
		n++
		key := "ask_person"
		if qu.AskedOf == "screener" {
			key = "ask_screener"
		}
		fmt.Fprintf(w, "%d. %s\n", n, t(key, qu.Text.In(lang)))
		if h := qu.Hint.In(lang); h != "" {
			fmt.Fprintf(w, "   %s\n", h)
		}
		if qu.FollowUp != nil {
			fmt.Fprintf(w, "   %s\n", t("handout_follow_up", f.SituationText.In(lang)))
		}
	}
	fmt.Fprintln(w)
	if len(f.Indicators) > 0 {
		head(2, t("handout_signs"))
		for _, ind := range f.Indicators {
			fmt.Fprintf(w, "- %s", ind.Label.In(lang))
			if why := ind.Explain.In(lang); why != "" {
				fmt.Fprintf(w, ": %s", why)
			}
			for _, s := range f.Sources {
				if s.ID == ind.Source {
					fmt.Fprintf(w, " (%s)", s.Cite)
				}
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w)
		head(2, t("handout_levels"))
		for _, l := range f.Levels {
			fmt.Fprintf(w, "- %s: %s\n", t("level_"+l.Level), l.Explain.In(lang))
		}
		fmt.Fprintf(w, "- %s\n\n", t("level_none"))
	}
	fmt.Fprintf(w, "%s\n", t("not_determination"))
	return w.Flush()
}

// Signs renders the one-page signs sheet of a module: the signs only, in
// plain words, strongest first.
func Signs(out io.Writer, f *q.File, lang string, md bool) error {
	w := bufio.NewWriter(out)
	t := func(key string, args ...any) string { return locale.T(lang, key, args...) }
	report.Heading(w, 1, fmt.Sprintf("%s: %s", f.Title.In(lang), t("signs_title")), md)
	for _, s := range []string{"strong", "medium", "weak"} {
		var lines []string
		for _, ind := range f.Indicators {
			if string(ind.Strength) == s {
				lines = append(lines, "- "+ind.Label.In(lang))
			}
		}
		if len(lines) == 0 {
			continue
		}
		report.Heading(w, 2, t("signs_"+s), md)
		fmt.Fprintf(w, "%s\n\n", strings.Join(lines, "\n"))
	}
	fmt.Fprintf(w, "%s\n", t("signs_footer"))
	return w.Flush()
}

// Card renders a scenario's persona alone, for a paper card a trainee holds:
// no levels, no answers, no teaching notes.
func Card(out io.Writer, sc *scenario.Scenario, lang string, md bool) error {
	w := bufio.NewWriter(out)
	report.Heading(w, 1, sc.Title.In(lang), md)
	fmt.Fprintf(w, "%s\n\n%s\n\n%s\n", sc.Setting.In(lang), sc.Persona.In(lang), locale.T(lang, "card_fictional"))
	return w.Flush()
}

// Sheet renders a paper answer sheet: every question a screening may ask, in
// interview order, as an answers file with the allowed answers beside each,
// to be filled in from the persona and scored with train --answers.
func Sheet(out io.Writer, set *q.Set, sc *scenario.Scenario, lang string) error {
	w := bufio.NewWriter(out)
	fmt.Fprintf(w, "# %s\n# %s\n", sc.Title.In(lang), locale.T(lang, "sheet_how", sc.ID))
	files := []*q.File{set.Triage, set.Means}
	for _, id := range set.Modules() {
		files = append(files, set.Module(id))
	}
	for _, f := range files {
		if f == nil {
			continue
		}
		fmt.Fprintf(w, "\n# %s\n", f.Title.In(lang))
		for _, qu := range f.Questions {
			fmt.Fprintf(w, "# %s\n#   %s\n%s:\n", qu.Text.In(lang), strings.Join(qu.AnswerIDs(), " | "), qu.ID)
		}
	}
	return w.Flush()
}
