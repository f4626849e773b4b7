package report

import (
	"fmt"
	"strings"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	"github.com/htscreen/htscreen/screening/rules"
	"github.com/htscreen/htscreen/screening/scenario"
)

// Present is the expert's screening of a scenario for a projector, in four
// stages revealed one at a time: the persona; the signs, in plain words and
// why each matters; the result; the next steps and the teaching points. It
// shows no internals: no question ids, weights, scores or rule logic.
func Present(sc *scenario.Scenario, r *rules.Result, plan *guidance.Plan, lang string) []string {
	t := func(key string, args ...any) string { return locale.T(lang, key, args...) }
	stage := func(title string, body func(b *strings.Builder)) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%s\n%s\n\n", strings.ToUpper(title), strings.Repeat("=", len([]rune(title))))
		var body0 strings.Builder
		body(&body0)
		for _, line := range strings.Split(body0.String(), "\n") {
			b.WriteString(wrapWords(line, presentWidth) + "\n")
		}
		return strings.TrimRight(b.String(), "\n") + "\n"
	}
	persona := stage(sc.Title.In(lang), func(b *strings.Builder) {
		fmt.Fprintf(b, "%s\n\n%s\n", sc.Setting.In(lang), sc.Persona.In(lang))
	})
	signs := stage(t("present_signs"), func(b *strings.Builder) {
		any := false
		for _, fl := range r.RedFlags {
			any = true
			fmt.Fprintf(b, "* %s: %s\n\n", t("flag_"+fl.ID), fl.Flag.Label.In(lang))
		}
		for _, f := range r.Forms {
			for _, fi := range f.Indicators {
				any = true
				fmt.Fprintf(b, "* %s\n", fi.Indicator.Label.In(lang))
				if why := fi.Indicator.Explain.In(lang); why != "" {
					fmt.Fprintf(b, "  %s\n", why)
				}
				fmt.Fprintln(b)
			}
		}
		if !any {
			fmt.Fprintf(b, "%s\n", t("present_no_signs"))
		}
	})
	result := stage(t("present_result"), func(b *strings.Builder) {
		for _, f := range r.Forms {
			level := t("level_" + string(f.Level))
			if !f.Screened {
				level = t("not_screened")
			}
			fmt.Fprintf(b, "* %s: %s\n", t("form_"+f.Form), level)
		}
		fmt.Fprintf(b, "\n%s\n", t("not_determination"))
	})
	next := stage(t("present_next"), func(b *strings.Builder) {
		for i, s := range plan.Steps {
			fmt.Fprintf(b, "%d. %s\n\n", i+1, s.Text)
		}
		fmt.Fprintf(b, "%s\n\n%s\n", strings.ToUpper(t("train_teaching")), sc.Teaching.In(lang))
	})
	return []string{persona, signs, result, next}
}

// presentWidth keeps lines short enough for a projector's large font, so
// that the terminal never breaks a word.
const presentWidth = 72

// wrapWords breaks a line between words so that no line is longer than
// width; a continuation keeps the line's indent.
func wrapWords(line string, width int) string {
	indent := line[:len(line)-len(strings.TrimLeft(line, " *0123456789."))]
	pad := strings.Repeat(" ", len([]rune(indent)))
	var out strings.Builder
	n := 0
	for i, word := range strings.Fields(line) {
		l := len([]rune(word))
		switch {
		case i == 0:
			out.WriteString(indent[:len(indent)-len(strings.TrimLeft(indent, " "))])
			out.WriteString(word)
			n = len([]rune(indent[:len(indent)-len(strings.TrimLeft(indent, " "))])) + l
		case n+1+l > width:
			out.WriteString("\n" + pad + word)
			n = len(pad) + l
		default:
			out.WriteString(" " + word)
			n += 1 + l
		}
	}
	return out.String()
}
