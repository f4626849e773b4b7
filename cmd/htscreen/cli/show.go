package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/screening/locale"
	"github.com/htscreen/htscreen/screening/printout"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// showOptions are the show command's settings.
type showOptions struct {
	IO     *IOStreams
	Module string
	Output string
	// Style is authoring (every id, grade and rule), handout (for
	// trainees: questions, what each sign means) or signs (one page).
	Style          string
	Lang           string
	Questionnaires string
}

func newShowCmd(ios *IOStreams) *cobra.Command {
	opts := &showOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "show MODULE",
		Short: "Print a questionnaire for paper: questions, notes, answer boxes, indicators, rules",
		Long: `Print one questionnaire (triage, labor, sex, forced_marriage or organ) for
paper use and hand-outs: each question with the note for the screener and
answer boxes, the indicators with their grades and sources, and how a level
is decided. docs/questionnaires/ holds the Markdown of the shipped set.

--style handout prints a trainee handout instead (the questions as asked,
what each sign means and why, with its source, and what a result means; no
ids, weights or rule logic); --style signs a one-page sheet of the signs.`,
		Example: `  htscreen show labor --output markdown > labor.md
  htscreen show triage --lang es
  htscreen show sex --style handout --output markdown
  htscreen show labor --style signs`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("show takes one module: triage, %s", strings.Join(q.Forms(), ", "))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Module = args[0]
			return runShow(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "text", "text or markdown")
	// --format was show's name for --output before every command had the
	// same one; it still works, with a note.
	cmd.Flags().StringVar(&opts.Output, "format", "text", "text or markdown")
	_ = cmd.Flags().MarkDeprecated("format", "use --output instead")
	// pflag prints that note to the flag set's output, which cobra sends
	// nowhere by default.
	cmd.Flags().SetOutput(ios.ErrOut)
	cmd.Flags().StringVar(&opts.Style, "style", "authoring", "authoring, handout (for trainees) or signs (one page)")
	cmd.Flags().StringVar(&opts.Lang, "lang", locale.Default, "language: "+strings.Join(locale.Langs(), ", ")+"; or, for the person's questions with English beneath (authoring style): "+strings.Join(personOnlyLangs(), ", "))
	cmd.Flags().StringVar(&opts.Questionnaires, "questionnaires", "", "load questionnaires from `DIR` instead of the embedded set")
	return cmd
}

func runShow(opts *showOptions) error {
	if err := checkValue("output", opts.Output, printout.Formats()); err != nil {
		return err
	}
	if err := checkValue("style", opts.Style, []string{"authoring", "handout", "signs"}); err != nil {
		return err
	}
	// A language offered only for the person prints the questionnaire with
	// the person's questions in it and the screener's part in English; the
	// handout and the signs are the screener's alone.
	langs := locale.Langs()
	if opts.Style == "authoring" {
		langs = locale.PersonLangs()
	}
	if err := checkValue("lang", opts.Lang, langs); err != nil {
		return err
	}
	lang, person := opts.Lang, ""
	if locale.ScopeOf(opts.Lang) == locale.Person {
		lang, person = locale.Default, opts.Lang
	}
	set, _, err := loadSet(opts.IO, opts.Questionnaires, q.Options{PersonLangs: nonEmpty(person)})
	if err != nil {
		return err
	}
	f, err := findFile(set, opts.Module)
	if err != nil {
		return err
	}
	md := opts.Output == "markdown"
	switch opts.Style {
	case "handout":
		return printout.Handout(opts.IO.Out, f, opts.Lang, md)
	case "signs":
		return printout.Signs(opts.IO.Out, f, opts.Lang, md)
	}
	return printout.Write(opts.IO.Out, f, lang, person, md)
}

// personOnlyLangs are the languages offered for the person's side only.
func personOnlyLangs() []string {
	var l []string
	for _, lang := range locale.PersonLangs() {
		if locale.ScopeOf(lang) == locale.Person {
			l = append(l, lang)
		}
	}
	return l
}
