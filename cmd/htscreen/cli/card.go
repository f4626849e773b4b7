package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	"github.com/htscreen/htscreen/screening/printout"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// cardOptions are the card command's settings.
type cardOptions struct {
	IO             *IOStreams
	Output         string
	Lang           string
	Questionnaires string
}

func newCardCmd(ios *IOStreams) *cobra.Command {
	opts := &cardOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "card",
		Short: "Print a small help-line card for the person to keep",
		Long: `Print a wallet-sized card for the person to keep: the National Human
Trafficking Hotline's phone and text numbers, its hours and languages, that it
is not the police or immigration, and 911 for an emergency.

The card never names trafficking: it is headed "Help, any time" and calls the
hotline a help line, so that it is safe to carry. In a language other than
English (--lang) the English card follows beneath, for whoever the person
shows it to. Plain-text lines are at most 40 characters; --output markdown is
for printing. Every number comes from the referral directory (htscreen
resources), with its source. The card holds no personal data and nothing is
written to disk: print or copy it yourself.`,
		Example: `  htscreen card
  htscreen card --lang es
  htscreen card --lang es --output markdown > card.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCard(opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Output, "output", "o", "text", "text or markdown")
	f.StringVar(&opts.Lang, "lang", locale.Default, "the person's language: "+strings.Join(locale.PersonLangs(), ", "))
	f.StringVar(&opts.Questionnaires, "questionnaires", "", "use the guidance in `DIR`/guidance instead of the embedded one")
	return cmd
}

func runCard(opts *cardOptions) error {
	if err := checkValue("output", opts.Output, printout.Formats()); err != nil {
		return err
	}
	if err := checkValue("lang", opts.Lang, locale.PersonLangs()); err != nil {
		return err
	}
	_, dir, err := loadSet(opts.IO, opts.Questionnaires, q.Options{})
	if err != nil {
		return err
	}
	// The card carries no date, so a stale directory is said here, on
	// stderr, before anyone hands it out.
	if _, head := guidance.Resources(dir, "", "", guidance.Options{Lang: opts.Lang, Now: now(opts.IO)}); head.Stale {
		fmt.Fprintln(opts.IO.ErrOut, head.Warning)
	}
	// Not on the card, which is the person's: the one who prints it is told.
	if st := locale.StatusLine(locale.Default, opts.Lang); st != "" {
		fmt.Fprintln(opts.IO.ErrOut, st)
	}
	return printout.HelpCard(opts.IO.Out, dir, opts.Lang, opts.Output == "markdown")
}
