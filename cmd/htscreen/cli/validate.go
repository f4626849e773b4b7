package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/screening/locale"
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
	cmd.Flags().StringSliceVar(&opts.RequireLangs, "require-lang", nil, "also require these `LANG`uages: every text, or for a language offered only to the person (--person-lang), every question put to the person and its answers; and the program's messages in each")
	return cmd
}

func runValidate(opts *validateOptions) error {
	// A language the program offers only for the person's side needs only
	// what the person reads; any other language, every text.
	var full, person []string
	for _, lang := range opts.RequireLangs {
		if locale.ScopeOf(lang) == locale.Person {
			person = append(person, lang)
		} else {
			full = append(full, lang)
		}
	}
	// The program's own words in each language first (missing or extra
	// keys, lost placeholders, missing plural forms): a language the
	// program has no words in cannot be used, whatever the questionnaires
	// say, and that is the first thing to know.
	var problems []string
	for _, lang := range opts.RequireLangs {
		problems = append(problems, locale.Check(lang)...)
	}
	if len(problems) > 0 {
		fmt.Fprintln(opts.IO.ErrOut, strings.Join(problems, "\n"))
		fmt.Fprintf(opts.IO.ErrOut, "htscreen: the program's messages: %d problem(s). Fix them in screening/locale/messages and rebuild.\n", len(problems))
	}
	b, err := loadBundle(opts.IO, opts.Dir, q.Options{RequireLangs: full, RequirePersonLangs: person})
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return &reportedError{code: ExitError}
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
