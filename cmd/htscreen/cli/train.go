package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/cmd/htscreen/internal/terminal"
	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/interview"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
	"github.com/htscreen/htscreen/screening/rules"
	"github.com/htscreen/htscreen/screening/scenario"
)

// scenariosOptions are the scenarios command's settings.
type scenariosOptions struct {
	IO             *IOStreams
	Output         string
	Lang           string
	Questionnaires string
}

func newScenariosCmd(ios *IOStreams) *cobra.Command {
	opts := &scenariosOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "scenarios",
		Short: "List the fictional training scenarios",
		Long: `List the training scenarios: fictional personas for workshops, each with the
expert's answers, the expected result and teaching notes. Run one with
'htscreen train ID'.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScenarios(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "text", "text or json")
	cmd.Flags().StringVar(&opts.Lang, "lang", locale.Default, "language: "+strings.Join(locale.Langs(), ", "))
	cmd.Flags().StringVar(&opts.Questionnaires, "questionnaires", "", "use the scenarios in `DIR`/scenarios")
	return cmd
}

func runScenarios(opts *scenariosOptions) error {
	if err := checkOutputAndLang(opts.Output, report.ListFormats(), opts.Lang); err != nil {
		return err
	}
	b, err := loadBundle(opts.IO, opts.Questionnaires, q.Options{})
	if err != nil {
		return err
	}
	return report.WriteScenarioList(opts.IO.Out, b.scenarios, opts.Output, opts.Lang)
}

// trainOptions are the train command's settings.
type trainOptions struct {
	IO             *IOStreams
	Scenario       string
	Reveal         bool
	Accessible     bool
	Lang           string
	Output         string
	Questionnaires string
	signalled
}

func newTrainCmd(ios *IOStreams) *cobra.Command {
	opts := &trainOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "train SCENARIO",
		Short: "Practise a screening on a fictional persona and see what you missed",
		Long: `Show a fictional persona, let the trainee run the screening (full screen,
where p shows the persona again at any point, or line by line as with
'screen'), then set the trainee's answers and result
beside the expert's: the levels, the indicators missed or over-called and why
they matter, the answers that differ, and the teaching notes. The feedback is
written to standard output; the scenarios are fictional.

--reveal shows the expert's screening and the teaching notes at once, for a
trainer at a projector.`,
		Example: `  htscreen scenarios
  htscreen train caregiver
  htscreen train summer_trip --reveal --lang es`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("train takes one scenario id; 'htscreen scenarios' lists them")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Scenario = args[0]
			opts.ctx = cmd.Context()
			return runTrain(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Reveal, "reveal", false, "show the expert's screening and the teaching notes without asking")
	f.BoolVar(&opts.Accessible, "accessible", false, "ask line by line")
	f.StringVar(&opts.Lang, "lang", locale.Default, "language: "+strings.Join(locale.Langs(), ", "))
	f.StringVarP(&opts.Output, "output", "o", "text", "feedback format: "+strings.Join(report.Formats(), ", "))
	f.StringVar(&opts.Questionnaires, "questionnaires", "", "load questionnaires and scenarios from `DIR`")
	return cmd
}

func runTrain(opts *trainOptions) error {
	ios := opts.IO
	if err := checkOutputAndLang(opts.Output, report.Formats(), opts.Lang); err != nil {
		return err
	}
	if ios.outClosed() {
		// The feedback could not be written: ask nothing.
		return ErrStdoutClosed
	}
	ctx := opts.context()
	b, err := loadBundle(ios, opts.Questionnaires, q.Options{})
	if err != nil {
		return err
	}
	sc := scenario.Find(b.scenarios, opts.Scenario)
	if sc == nil {
		return checkArg("scenario", opts.Scenario, scenarioIDs(b))
	}
	lang := opts.Lang
	title := report.PersonaTitle(sc, lang)
	expert := sc.Expert(b.set)
	build := func(r *rules.Result) *report.Report {
		plan := guidance.For(b.guidance, r, guidance.Options{Role: sc.Role, Region: sc.Region, Lang: lang, Now: now(ios)})
		return report.Build(r, plan, lang)
	}

	if opts.Reveal {
		return report.WriteReveal(ios.Out, sc, build(expert), opts.Output, lang)
	}

	var in rules.Input
	if fullScreen(opts.Accessible, ios) {
		fs := newFullScreen(ios, &interview.Plan{Set: b.set}, b.guidance, lang, sc.Role, sc.Region,
			func(in rules.Input, _, _ string) *report.Report { return build(rules.Evaluate(b.set, in)) })
		fs.PrefaceTitle, fs.Preface = title, sc.Persona.In(lang)
		out, err := fs.Run(ctx)
		if err != nil {
			return err
		}
		in = out.Input
	} else {
		fmt.Fprintf(ios.ErrOut, "%s\n\n%s\n", title, sc.Persona.In(lang))
		plain := terminal.NewPlain(ios.In, ios.ErrOut, lang).WithContext(ctx)
		plain.Urgent = func(st interview.Step) string { return urgentText(b.guidance, st, lang, sc.Role, sc.Region) }
		if in, err = interview.Run(&interview.Plan{Set: b.set, Watch: b.guidance.Watch(sc.Role, sc.Region)}, plain); err != nil {
			return err
		}
	}
	fb := report.BuildFeedback(sc, scenario.Compare(b.set, expert, rules.Evaluate(b.set, in)), lang)
	return report.WriteFeedback(ios.Out, b.set, fb, lang, opts.Output)
}
