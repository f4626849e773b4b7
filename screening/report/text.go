package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	"github.com/htscreen/htscreen/screening/rules"
)

// writeDoc renders text or Markdown. The two differ only in markup: the same
// sections in the same order, red flags first, the notice that this is not a
// determination at the top and in every case.
func writeDoc(out io.Writer, rep *Report, md bool) error {
	d := &doc{w: bufio.NewWriter(out), rep: rep, md: md, lang: rep.Lang}
	d.heading(1, d.t("report_title"))
	fmt.Fprintf(d.w, "%s\n\n", rep.Notice)
	d.redFlags()
	d.heading(2, d.t("forms"))
	for _, id := range rep.order {
		d.form(rep.Forms[id], rep.titles[id])
	}
	d.stop()
	d.guidance()
	d.sources()
	d.footer()
	return d.w.Flush()
}

// doc is a report being written as text or Markdown.
type doc struct {
	w    *bufio.Writer
	rep  *Report
	md   bool
	lang string
}

const bullet = "- "

func (d *doc) t(key string, args ...any) string { return locale.T(d.lang, key, args...) }

func (d *doc) heading(level int, s string) { Heading(d.w, level, s, d.md) }

// bold marks s strong in Markdown.
func (d *doc) bold(s string) string {
	if d.md {
		return "**" + s + "**"
	}
	return s
}

// cite names a source inline by its id; the full citations are listed once
// at the end.
func (d *doc) cite(s *Source) string {
	if s == nil {
		return ""
	}
	return fmt.Sprintf(" [%s: %s]", d.t("source"), s.ID)
}

// because says which answers a finding rests on.
func (d *doc) because(ev []Evidence) string {
	var parts []string
	for _, e := range ev {
		parts = append(parts, fmt.Sprintf("%s = %s", e.Question, e.Says))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + d.t("because", strings.Join(parts, "; ")) + ")"
}

func (d *doc) redFlags() {
	d.heading(2, d.t("red_flags"))
	if len(d.rep.RedFlagDetails) == 0 {
		fmt.Fprintf(d.w, "%s\n\n", d.t("no_red_flags"))
		return
	}
	for _, f := range d.rep.RedFlagDetails {
		fmt.Fprintf(d.w, "%s%s: %s%s%s\n", bullet, d.bold(d.t("flag_"+f.ID)), f.Label, d.because(f.Because), d.cite(f.Source))
	}
	fmt.Fprintln(d.w)
}

// form writes one form's result: its level and why, then what it rests on.
func (d *doc) form(f *Form, title string) {
	if !f.Screened {
		label := d.t("not_screened")
		if f.NotScreened == rules.Routed {
			label = d.t("routed_label")
		}
		fmt.Fprintf(d.w, "%s%s: %s (%s)\n\n", bullet, title, label, d.t(string(f.NotScreened)))
		return
	}
	fmt.Fprintf(d.w, "%s%s: %s\n", bullet, title, d.bold(d.levelText(f)))
	if f.LevelRule != nil {
		fmt.Fprintf(d.w, "  %s: %s%s\n", d.t("why_level"), f.LevelRule.Explain, d.because(f.LevelRule.Because))
	}
	if f.Capped {
		fmt.Fprintf(d.w, "  %s\n", d.t("capped"))
	}
	if f.Timing == rules.TimingPast {
		fmt.Fprintf(d.w, "  %s\n", d.t("timing_past"))
	}
	if f.Incomplete {
		d.incomplete(f)
	}
	d.indicators(f)
	d.dimensions(f)
	fmt.Fprintln(d.w)
}

// levelText is a screened form's level in words; "none" says whether
// anything was found at all.
func (d *doc) levelText(f *Form) string {
	switch {
	case f.Level == rules.None && len(f.Indicators) > 0 && !f.PurposeFound:
		return d.t("level_none_no_purpose")
	case f.Level == rules.None && len(f.Indicators) > 0:
		return d.t("level_none_some")
	}
	return d.t("level_" + string(f.Level))
}

func (d *doc) incomplete(f *Form) {
	if f.Level == rules.Refer {
		fmt.Fprintf(d.w, "  %s\n", d.t("incomplete_refer"))
	} else {
		fmt.Fprintf(d.w, "  %s\n", d.t("incomplete"))
	}
	for _, u := range f.unknownText {
		fmt.Fprintf(d.w, "  %s%s: %s\n", bullet, d.t("unknown"), u)
	}
}

func (d *doc) indicators(f *Form) {
	if len(f.Indicators) == 0 {
		return
	}
	fmt.Fprintf(d.w, "  %s:\n", d.t("indicators"))
	for _, ind := range f.Indicators {
		dim := ind.Dimension
		if ds, ok := f.Dimensions[ind.Dimension]; ok && ds.Label != "" {
			dim = ds.Label
		}
		fmt.Fprintf(d.w, "  %s%s [%s, %s]%s%s\n", bullet, ind.Label, dim, d.t("strength_"+string(ind.Strength)), d.because(ind.Because), d.cite(ind.Source))
	}
}

func (d *doc) dimensions(f *Form) {
	var dims []string
	for _, id := range f.dimOrder {
		ds := f.Dimensions[id]
		state := d.t("absent")
		if ds.Present {
			state = d.t("present")
		}
		dims = append(dims, fmt.Sprintf("%s %d/%d %s", ds.Label, ds.Score, ds.Threshold, state))
	}
	if len(dims) > 0 {
		fmt.Fprintf(d.w, "  %s: %s\n", d.t("dimensions"), strings.Join(dims, "; "))
	}
}

// stop says why the screening ended before every question was asked.
func (d *doc) stop() {
	switch d.rep.Stop {
	case rules.StopSettled:
		fmt.Fprintf(d.w, "%s\n\n", locale.N(d.lang, "stop_settled", d.rep.QuestionsNotAsked))
	case rules.StopUrgent:
		fmt.Fprintf(d.w, "%s\n\n", locale.N(d.lang, "stop_urgent", d.rep.QuestionsNotAsked))
	}
}

// guidance writes the next steps, most urgent first.
func (d *doc) guidance() {
	d.heading(2, d.t("guidance"))
	if d.rep.GuidanceWarning != "" {
		fmt.Fprintf(d.w, "%s\n\n", d.rep.GuidanceWarning)
	}
	for i, g := range d.rep.Guidance {
		fmt.Fprintf(d.w, "%d. %s\n", i+1, g.Text)
		if len(g.Roles) > 0 {
			var names []string
			for _, r := range g.Roles {
				names = append(names, d.t("role_"+r))
			}
			fmt.Fprintf(d.w, "   (%s)\n", d.t("for_roles", strings.Join(names, ", ")))
		}
		if g.AppliesWhen != "" {
			fmt.Fprintf(d.w, "   %s: %s\n", d.t("applies_when"), g.AppliesWhen)
		}
		for _, c := range g.Contacts {
			fmt.Fprintf(d.w, "   %s%s\n", bullet, ContactLine(c, d.lang, d.md))
		}
		if d.md {
			for _, s := range g.Sources {
				fmt.Fprintf(d.w, "   %s%s: %s\n", bullet, d.t("source"), citeMD(s.Cite, s.URL))
			}
		}
	}
	fmt.Fprintln(d.w)
}

// sources lists once, in full, every source the report cites by id.
func (d *doc) sources() {
	if len(d.rep.sources) == 0 {
		return
	}
	d.heading(2, d.t("sources"))
	for _, s := range d.rep.sources {
		fmt.Fprintf(d.w, "%s%s: %s\n", bullet, s.ID, CiteLine(s.Cite, s.URL, d.md))
	}
	fmt.Fprintln(d.w)
}

// footer counts the questions and names the questionnaires' versions and
// the date the contacts were verified.
func (d *doc) footer() {
	var versions []string
	for _, id := range append([]string{"triage"}, d.rep.order...) {
		if v, ok := d.rep.QuestionnaireVersions[id]; ok {
			versions = append(versions, fmt.Sprintf("%s v%d", id, v))
		}
	}
	fmt.Fprintf(d.w, "%s. %s: %s. %s.\n", d.t("questions_asked", d.rep.QuestionsAsked), d.t("versions"), strings.Join(versions, ", "), d.t("contacts_verified", d.rep.GuidanceVerified))
	if d.rep.GuidanceWarning != "" {
		fmt.Fprintf(d.w, "%s\n", d.rep.GuidanceWarning)
	}
}

// CiteLine is a full citation: the citation and its address, a link in
// Markdown.
func CiteLine(cite, url string, md bool) string {
	switch {
	case url == "":
		return cite
	case md:
		return fmt.Sprintf("[%s](%s)", cite, url)
	}
	return cite + " " + url
}

func citeMD(cite, url string) string { return CiteLine(cite, url, true) }

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
	// As wide as the heading on screen: a Chinese character takes two columns.
	fmt.Fprintf(w, "%s\n%s\n\n", s, strings.Repeat(ch, runewidth.StringWidth(s)))
}
