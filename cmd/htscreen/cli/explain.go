package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
)

// explainOptions are the explain command's settings.
type explainOptions struct {
	IO             *IOStreams
	ID             string
	Lang           string
	Questionnaires string
}

func newExplainCmd(ios *IOStreams) *cobra.Command {
	opts := &explainOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "explain ID",
		Short: "Explain an indicator, question, red flag, level rule, dimension, module or contact",
		Long: `Explain anything a result or a questionnaire names: what it means, why it
matters, its grade and dimension, what it rests on and its source.

ID is an indicator or question id (documents_held, can_leave_job), a red flag
(emergency, minor, one_chance), a module (labor), a level rule or dimension
as MODULE.NAME (labor.refer, labor.coercion), a guidance step or a contact
(nhth). 'htscreen list MODULE' shows the ids.`,
		Example: `  htscreen explain documents_held
  htscreen explain labor.refer --lang es
  htscreen explain one_chance`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("explain takes one id")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runExplain(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Lang, "lang", locale.Default, "language: "+strings.Join(locale.Langs(), ", "))
	cmd.Flags().StringVar(&opts.Questionnaires, "questionnaires", "", "load questionnaires from `DIR` instead of the embedded set")
	return cmd
}

func runExplain(opts *explainOptions) error {
	if err := checkLang(opts.Lang); err != nil {
		return err
	}
	set, dir, err := loadSet(opts.IO, opts.Questionnaires, q.Options{})
	if err != nil {
		return err
	}
	if !report.Explain(opts.IO.Out, set, dir, opts.ID, opts.Lang) {
		hint := ""
		if best := q.Closest(opts.ID, report.ExplainIDs(set, dir)); best != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", best)
		}
		return usagef("no indicator, question, red flag, rule, module, step or contact is called %q%s; 'htscreen list MODULE' shows the ids", opts.ID, hint)
	}
	return nil
}
