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

// Write renders one questionnaire as Markdown (md) or plain text, in lang.
// With a person language (not "" and not lang), each question put to the
// person, and its answers, is written in the person's language first and in
// lang beneath, for a screener and a person who read different languages;
// the rest stays in lang.
func Write(out io.Writer, f *q.File, lang, person string, md bool) error {
	if person == lang {
		person = ""
	}
	p := &paper{w: bufio.NewWriter(out), md: md, lang: lang, person: person}
	p.head(1, fmt.Sprintf("%s (%s, %s)", f.Title.In(lang), f.ID, p.t("show_version", f.Version)))
	if md {
		fmt.Fprintf(p.w, "<!-- %s -->\n\n", p.t("show_generated"))
	}
	fmt.Fprintf(p.w, "%s\n\n", f.Intro.In(lang))
	if st := locale.StatusLine(lang, lang); st != "" {
		fmt.Fprintf(p.w, "%s\n\n", p.em(st))
	}
	if person != "" {
		fmt.Fprintf(p.w, "%s\n\n", p.t("show_person_lang", p.t("lang_"+person)))
		if st := locale.StatusLine(lang, person); st != "" {
			fmt.Fprintf(p.w, "%s\n\n", p.em(st))
		}
	}
	p.head(2, p.t("show_questions"))
	for i, qu := range f.Questions {
		p.question(i+1, qu)
	}
	p.indicators(f)
	p.levels(f)
	p.routes(f)
	p.sources(f)
	return p.w.Flush()
}

// paper is a questionnaire being written for paper.
type paper struct {
	w    *bufio.Writer
	md   bool
	lang string
	// person is the language questions are put to the person in, when it
	// is not lang; "" otherwise.
	person string
}

func (p *paper) t(key string, args ...any) string { return locale.T(p.lang, key, args...) }

func (p *paper) head(level int, s string) { report.Heading(p.w, level, s, p.md) }

func (p *paper) code(s string) string {
	if p.md {
		return "`" + s + "`"
	}
	return s
}

// dir marks text in the person's language as right to left in Markdown,
// when the language is written so: a browser or a converter to PDF then
// lays it out and aligns it as it should, whatever surrounds it. Plain text
// carries no marks; the viewer's bidirectional layout does the work.
func (p *paper) dir(s string) string {
	if p.md && locale.RightToLeft(p.person) {
		return `<span dir="rtl" lang="` + p.person + `">` + s + "</span>"
	}
	return s
}

func (p *paper) em(s string) string {
	if p.md {
		return "*" + s + "*"
	}
	return s
}

// question writes one numbered question with its note and answer boxes.
func (p *paper) question(n int, qu *q.Question) {
	key := "ask_person"
	if qu.AskedOf == q.Screener {
		key = "ask_screener"
	}
	bilingual := p.person != "" && qu.AskedOf != q.Screener
	text := p.t(key, qu.Text.In(p.lang))
	if bilingual {
		text = p.t(key, p.dir(qu.Text.In(p.person)))
	}
	if p.md {
		text = "**" + text + "**"
	}
	fmt.Fprintf(p.w, "%d. %s %s\n", n, text, p.code(qu.ID))
	if bilingual {
		fmt.Fprintf(p.w, "   %s\n", qu.Text.In(p.lang))
	}
	if qu.Gate {
		fmt.Fprintf(p.w, "   (%s)\n", p.t("show_key"))
	}
	if qu.ShowIf != nil {
		fmt.Fprintf(p.w, "   %s: %s\n", p.t("show_ask_only_if"), p.code(qu.ShowIf.String()))
	}
	if h := qu.Hint.In(p.lang); h != "" {
		fmt.Fprintf(p.w, "   %s\n", p.em(p.t("hint", h)))
	}
	var boxes []string
	for _, id := range qu.AnswerIDs() {
		a := qu.AnswerText(id, p.lang)
		if theirs := qu.PersonAnswerText(id, p.person); bilingual && theirs != a {
			a = p.dir(theirs) + " / " + a
		}
		boxes = append(boxes, "[ ] "+a)
	}
	fmt.Fprintf(p.w, "\n   %s\n\n", strings.Join(boxes, "   "))
}

// indicators writes the indicators with grades and sources: a table in
// Markdown, a list in text.
func (p *paper) indicators(f *q.File) {
	if len(f.Indicators) == 0 {
		return
	}
	p.head(2, p.t("show_indicators"))
	if p.md {
		fmt.Fprintf(p.w, "| id | %s | %s | %s | %s | %s |\n", p.t("col_indicator"), p.t("ex_dimension"), p.t("col_strength"), p.t("show_when"), p.t("source"))
		fmt.Fprintln(p.w, "|---|---|---|---|---|---|")
	}
	for _, ind := range f.Indicators {
		strength := p.t("strength_" + string(ind.Strength))
		if p.md {
			fmt.Fprintf(p.w, "| `%s` | %s | %s | %s | `%s` | %s |\n", ind.ID, ind.Label.In(p.lang), ind.Dimension, strength, ind.When.String(), ind.Source)
		} else {
			fmt.Fprintf(p.w, "- %s: %s [%s, %s] %s %s; %s\n", ind.ID, ind.Label.In(p.lang), ind.Dimension, strength, p.t("show_when"), ind.When.String(), ind.Source)
		}
	}
	fmt.Fprintln(p.w)
}

// levels writes how a level is decided: the dimensions, the level rules
// and the red flags.
func (p *paper) levels(f *q.File) {
	if len(f.Dimensions)+len(f.Levels)+len(f.RedFlags) > 0 {
		p.head(2, p.t("show_levels"))
	}
	if len(f.Dimensions) > 0 {
		p.head(3, p.t("show_dimensions"))
		for _, d := range f.Dimensions {
			cap := p.t("show_no_cap")
			if d.WeakCap != nil {
				cap = fmt.Sprint(*d.WeakCap)
			}
			fmt.Fprintf(p.w, "- %s (%s): %s\n", d.Label.In(p.lang), p.code(d.ID), p.t("show_weights", d.Weights.Strong, d.Weights.Medium, d.Weights.Weak, cap, d.Threshold))
		}
		fmt.Fprintln(p.w)
	}
	for _, l := range f.Levels {
		fmt.Fprintf(p.w, "- %s %s %s: %s\n", p.em(p.t("level_"+l.Level)), p.t("show_when"), p.code(l.When.String()), l.Explain.In(p.lang))
	}
	if len(f.Levels) > 0 {
		fmt.Fprintf(p.w, "- %s\n\n", p.em(p.t("level_none")))
	}
	if len(f.RedFlags) > 0 {
		p.head(3, p.t("show_red_flags"))
		for _, rf := range f.RedFlags {
			fmt.Fprintf(p.w, "- %s %s %s: %s\n", p.code(rf.ID), p.t("show_when"), p.code(rf.When.String()), rf.Label.In(p.lang))
		}
		fmt.Fprintln(p.w)
	}
}

// routes writes where the triage sends a screening.
func (p *paper) routes(f *q.File) {
	if len(f.Routes) == 0 {
		return
	}
	p.head(2, p.t("show_routes"))
	for _, r := range f.Routes {
		fmt.Fprintf(p.w, "- %s %s %s\n", p.code(r.Module), p.t("show_when"), p.code(r.When.String()))
	}
	fmt.Fprintln(p.w)
}

// sources lists the file's sources in full (plain text: paper has no
// links).
func (p *paper) sources(f *q.File) {
	if len(f.Sources) == 0 {
		return
	}
	p.head(2, p.t("sources"))
	for _, s := range f.Sources {
		fmt.Fprintf(p.w, "- %s: %s\n", p.code(s.ID), report.CiteLine(s.Cite, s.URL, false))
	}
}
