package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// validateOptions are the validate command's settings.
type validateOptions struct {
	IO           *IOStreams
	Dir          string
	RequireLangs []string
}

func newValidateCmd(ios *IOStreams) *cobra.Command {
	opts := &validateOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a questionnaire set and report every problem with file:line:column",
		Long: `Check a questionnaire set: the embedded one, or the folder DIR. Every problem
is reported at once, sorted by file, line and column, with what to do about it.
Exit code 0 means the set is clean, 1 that it has problems.`,
		Example: `  htscreen validate
  htscreen validate ./my-questionnaires --require-lang es`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("validate takes at most one folder, got %d arguments", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			return runValidate(opts)
		},
	}
	cmd.Flags().StringSliceVar(&opts.RequireLangs, "require-lang", nil, "also require every text in these `LANG`uages (e.g. es)")
	return cmd
}

func runValidate(opts *validateOptions) error {
	b, err := loadBundle(opts.IO, opts.Dir, q.Options{RequireLangs: opts.RequireLangs})
	if err != nil {
		return err
	}
	set, dir := b.set, b.guidance
	defer fmt.Fprintf(opts.IO.Out, "ok: guidance, %d steps, %d contacts, verified %s\nok: %d training scenarios\n", len(dir.Steps), len(dir.Contacts), dir.Verified.Format("2006-01-02"), len(b.scenarios))
	questions, indicators := 0, 0
	for _, f := range set.Files {
		questions += len(f.Questions)
		indicators += len(f.Indicators)
	}
	fmt.Fprintf(opts.IO.Out, "ok: %d questionnaires, %d questions, %d indicators\n", len(set.Files), questions, indicators)
	return nil
}
