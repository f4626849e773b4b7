package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
)

// listOptions are the list command's settings.
type listOptions struct {
	IO             *IOStreams
	Module         string
	Output         string
	Lang           string
	Questionnaires string
}

func newListCmd(ios *IOStreams) *cobra.Command {
	opts := &listOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "list [MODULE]",
		Short: "List the questionnaires, or one questionnaire's questions and indicators",
		Long: `Without MODULE, list the questionnaires with their version and counts. With
MODULE (triage, labor, sex, forced_marriage or organ), list its questions (id,
who answers, allowed answers, skip logic) and its indicators (dimension,
strength, source). --output json gives the shape documented in
docs/list-json.md, for scripts that build answers files.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("list takes at most one module, got %d", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Module = args[0]
			}
			return runList(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "text", "text or json")
	cmd.Flags().StringVar(&opts.Lang, "lang", locale.Default, "language of titles and questions: "+strings.Join(locale.Langs(), ", "))
	cmd.Flags().StringVar(&opts.Questionnaires, "questionnaires", "", "load questionnaires from `DIR` instead of the embedded set")
	return cmd
}

func runList(opts *listOptions) error {
	if err := checkOutputAndLang(opts.Output, report.ListFormats(), opts.Lang); err != nil {
		return err
	}
	set, _, err := loadSet(opts.IO, opts.Questionnaires, q.Options{})
	if err != nil {
		return err
	}
	if opts.Module == "" {
		return report.WriteSetList(opts.IO.Out, set, opts.Output, opts.Lang)
	}
	f, err := findFile(set, opts.Module)
	if err != nil {
		return err
	}
	return report.WriteModuleList(opts.IO.Out, f, opts.Output, opts.Lang)
}
