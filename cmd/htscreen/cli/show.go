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
	IO             *IOStreams
	Module         string
	Output         string
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
is decided. docs/questionnaires/ holds the Markdown of the shipped set.`,
		Example: `  htscreen show labor --output markdown > labor.md
  htscreen show triage --lang es`,
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
	cmd.Flags().StringVar(&opts.Lang, "lang", locale.Default, "language: "+strings.Join(locale.Langs(), ", "))
	cmd.Flags().StringVar(&opts.Questionnaires, "questionnaires", "", "load questionnaires from `DIR` instead of the embedded set")
	return cmd
}

func runShow(opts *showOptions) error {
	if err := checkOutputAndLang(opts.Output, printout.Formats(), opts.Lang); err != nil {
		return err
	}
	set, _, err := loadSet(opts.IO, opts.Questionnaires, q.Options{})
	if err != nil {
		return err
	}
	f, err := findFile(set, opts.Module)
	if err != nil {
		return err
	}
	return printout.Write(opts.IO.Out, f, opts.Lang, opts.Output == "markdown")
}
