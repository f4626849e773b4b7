package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
)

// resourcesOptions are the resources command's settings.
type resourcesOptions struct {
	IO             *IOStreams
	Form           string
	Region         string
	Output         string
	Lang           string
	Questionnaires string
}

func newResourcesCmd(ios *IOStreams) *cobra.Command {
	opts := &resourcesOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "resources",
		Short: "Show the referral directory, to look up a contact without screening",
		Long: `Show the New York referral directory embedded in htscreen: who to call, for
which form of trafficking, where, with the source of every number and the date
it was last checked. Entries marked VERIFY BEFORE USE rest on a source the
research flags as old or uncertain. Works offline.`,
		Example: `  htscreen resources
  htscreen resources --form forced_marriage --region nys
  htscreen resources --output markdown --lang es`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runResources(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Form, "form", "", "only contacts for this form: "+strings.Join(q.Forms(), ", "))
	f.StringVar(&opts.Region, "region", "", "only contacts for this region: nyc, or nys for the rest of the state")
	f.StringVarP(&opts.Output, "output", "o", "text", "text, markdown or json")
	f.StringVar(&opts.Lang, "lang", locale.Default, "language: "+strings.Join(locale.Langs(), ", "))
	f.StringVar(&opts.Questionnaires, "questionnaires", "", "use the guidance in `DIR`/guidance instead of the embedded one")
	return cmd
}

func runResources(opts *resourcesOptions) error {
	if opts.Form != "" {
		if err := checkValue("form", opts.Form, q.Forms()); err != nil {
			return err
		}
	}
	if opts.Region != "" {
		if err := checkValue("region", opts.Region, guidance.Regions()); err != nil {
			return err
		}
	}
	if err := checkOutputAndLang(opts.Output, report.Formats(), opts.Lang); err != nil {
		return err
	}
	_, dir, err := loadSet(opts.IO, opts.Questionnaires, q.Options{})
	if err != nil {
		return err
	}
	contacts, head := guidance.Resources(dir, opts.Form, opts.Region, guidance.Options{Lang: opts.Lang, Now: now(opts.IO)})
	return report.WriteResources(opts.IO.Out, contacts, head, opts.Output, opts.Lang)
}
