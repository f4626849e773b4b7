package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	"github.com/htscreen/htscreen/screening/rules"
)

// writeDoc renders text or Markdown. The two differ only in markup: the same
// sections in the same order, red flags first, the notice that this is not a
// determination at the top and in every case.
func writeDoc(out io.Writer, rep *Report, md bool) error {
	w := bufio.NewWriter(out)
	lang := rep.Lang
	t := func(key string, args ...any) string { return locale.T(lang, key, args...) }
	heading := func(level int, s string) { Heading(w, level, s, md) }
	bullet := "- "
	// Inline citations name the source id; the full citations are listed
	// once at the end.
	cite := func(s *Source) string {
		if s == nil {
			return ""
		}
		return fmt.Sprintf(" [%s: %s]", t("source"), s.ID)
	}
	because := func(ev []Evidence) string {
		var parts []string
		for _, e := range ev {
			parts = append(parts, fmt.Sprintf("%s = %s", e.Question, e.Says))
		}
		if len(parts) == 0 {
			return ""
		}
		return " (" + t("because", strings.Join(parts, "; ")) + ")"
	}

	heading(1, t("report_title"))
	fmt.Fprintf(w, "%s\n\n", rep.Notice)

	heading(2, t("red_flags"))
	if len(rep.RedFlagDetails) == 0 {
		fmt.Fprintf(w, "%s\n\n", t("no_red_flags"))
	}
	for _, f := range rep.RedFlagDetails {
		id := strings.ToUpper(f.ID)
		if md {
			id = "**" + id + "**"
		}
		fmt.Fprintf(w, "%s%s: %s%s%s\n", bullet, id, f.Label, because(f.Because), cite(f.Source))
	}
	if len(rep.RedFlagDetails) > 0 {
		fmt.Fprintln(w)
	}

	heading(2, t("forms"))
	for _, id := range rep.order {
		f := rep.Forms[id]
		title := rep.titles[id]
		if !f.Screened {
			label := t("not_screened")
			if f.NotScreened == rules.Routed {
				label = t("routed_label")
			}
			fmt.Fprintf(w, "%s%s: %s (%s)\n\n", bullet, title, label, t(string(f.NotScreened)))
			continue
		}
		level := t("level_" + string(f.Level))
		switch {
		case f.Level == rules.None && len(f.Indicators) > 0 && !f.PurposeFound:
			level = t("level_none_no_purpose")
		case f.Level == rules.None && len(f.Indicators) > 0:
			level = t("level_none_some")
		}
		if md {
			level = "**" + level + "**"
		}
		fmt.Fprintf(w, "%s%s: %s\n", bullet, title, level)
		if f.LevelRule != nil {
			fmt.Fprintf(w, "  %s: %s%s\n", t("why_level"), f.LevelRule.Explain, because(f.LevelRule.Because))
		}
		if f.Capped {
			fmt.Fprintf(w, "  %s\n", t("capped"))
		}
		if f.Timing == rules.TimingPast {
			fmt.Fprintf(w, "  %s\n", t("timing_past"))
		}
		if f.Incomplete {
			if f.Level == rules.Refer {
				fmt.Fprintf(w, "  %s\n", t("incomplete_refer"))
			} else {
				fmt.Fprintf(w, "  %s\n", t("incomplete"))
			}
			for _, u := range f.unknownText {
				fmt.Fprintf(w, "  %s%s: %s\n", bullet, t("unknown"), u)
			}
		}
		if len(f.Indicators) > 0 {
			fmt.Fprintf(w, "  %s:\n", t("indicators"))
			for _, ind := range f.Indicators {
				dim := ind.Dimension
				if d, ok := f.Dimensions[ind.Dimension]; ok && d.Label != "" {
					dim = d.Label
				}
				fmt.Fprintf(w, "  %s%s [%s, %s]%s%s\n", bullet, ind.Label, dim, t("strength_"+string(ind.Strength)), because(ind.Because), cite(ind.Source))
			}
		}
		var dims []string
		for _, d := range f.dimOrder {
			ds := f.Dimensions[d]
			state := t("absent")
			if ds.Present {
				state = t("present")
			}
			dims = append(dims, fmt.Sprintf("%s %d/%d %s", ds.Label, ds.Score, ds.Threshold, state))
		}
		if len(dims) > 0 {
			fmt.Fprintf(w, "  %s: %s\n", t("dimensions"), strings.Join(dims, "; "))
		}
		fmt.Fprintln(w)
	}

	switch rep.Stop {
	case "settled":
		fmt.Fprintf(w, "%s\n\n", t("stop_settled", rep.QuestionsNotAsked))
	case "urgent":
		fmt.Fprintf(w, "%s\n\n", t("stop_urgent", rep.QuestionsNotAsked))
	}

	heading(2, t("guidance"))
	if rep.GuidanceWarning != "" {
		fmt.Fprintf(w, "%s\n\n", rep.GuidanceWarning)
	}
	for i, g := range rep.Guidance {
		fmt.Fprintf(w, "%d. %s\n", i+1, g.Text)
		if len(g.Roles) > 0 {
			var names []string
			for _, r := range g.Roles {
				names = append(names, t("role_"+r))
			}
			fmt.Fprintf(w, "   (%s)\n", t("for_roles", strings.Join(names, ", ")))
		}
		if g.AppliesWhen != "" {
			fmt.Fprintf(w, "   %s: %s\n", t("applies_when"), g.AppliesWhen)
		}
		for _, c := range g.Contacts {
			fmt.Fprintf(w, "   %s%s\n", bullet, ContactLine(c, lang, md))
		}
		if md {
			for _, s := range g.Sources {
				fmt.Fprintf(w, "   %s%s: %s\n", bullet, t("source"), citeMD(s.Cite, s.URL))
			}
		}
	}
	fmt.Fprintln(w)

	if len(rep.sources) > 0 {
		heading(2, t("sources"))
		for _, s := range rep.sources {
			line := s.Cite
			if s.URL != "" {
				line += " " + s.URL
				if md {
					line = fmt.Sprintf("[%s](%s)", s.Cite, s.URL)
				}
			}
			fmt.Fprintf(w, "%s%s: %s\n", bullet, s.ID, line)
		}
		fmt.Fprintln(w)
	}

	var versions []string
	for _, id := range append([]string{"triage"}, rep.order...) {
		if v, ok := rep.QuestionnaireVersions[id]; ok {
			versions = append(versions, fmt.Sprintf("%s v%d", id, v))
		}
	}
	fmt.Fprintf(w, "%s. %s: %s. %s.\n", t("questions_asked", rep.QuestionsAsked), t("versions"), strings.Join(versions, ", "), t("contacts_verified", rep.GuidanceVerified))
	if rep.GuidanceWarning != "" {
		fmt.Fprintf(w, "%s\n", rep.GuidanceWarning)
	}
	return w.Flush()
}

func citeMD(cite, url string) string {
	if url == "" {
		return cite
	}
	return fmt.Sprintf("[%s](%s)", cite, url)
}

// ContactLine renders a contact on one line: name, numbers, web, email, and
// "verify before use" where the research flags a fact. Markdown adds the
// source.
func ContactLine(c guidance.ContactView, lang string, md bool) string {
	t := func(key string, args ...any) string { return locale.T(lang, key, args...) }
	parts := []string{c.Name}
	for _, l := range c.Lines {
		s := fmt.Sprintf("%s %s", t("line_"+l.Kind), l.Number)
		if l.Label != "" {
			s += " (" + l.Label + ")"
		}
		parts = append(parts, s)
	}
	if c.Web != "" {
		parts = append(parts, c.Web)
	}
	if c.Email != "" {
		parts = append(parts, c.Email)
	}
	if c.Hours != "" {
		parts = append(parts, c.Hours)
	}
	line := strings.Join(parts, "; ")
	if c.VerifyBeforeUse != "" {
		line += fmt.Sprintf(" [%s: %s]", strings.ToUpper(t("verify_before_use")), c.VerifyBeforeUse)
	}
	if md {
		line += fmt.Sprintf(" (%s: %s, %s)", t("source"), c.Source, c.Verified)
	}
	return line
}

// Heading writes a title: a Markdown heading, or the text underlined (= for
// the top level, - below it) for a terminal or paper.
func Heading(w io.Writer, level int, s string, md bool) {
	if md {
		fmt.Fprintf(w, "%s %s\n\n", strings.Repeat("#", level), s)
		return
	}
	ch := "="
	if level > 1 {
		ch = "-"
	}
	fmt.Fprintf(w, "%s\n%s\n\n", s, strings.Repeat(ch, len([]rune(s))))
}
