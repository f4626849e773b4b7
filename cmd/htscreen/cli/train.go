package cli

import (
	"bufio"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/cmd/htscreen/internal/terminal"
	"github.com/htscreen/htscreen/screening/answers"
	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/interview"
	"github.com/htscreen/htscreen/screening/locale"
	"github.com/htscreen/htscreen/screening/printout"
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
	IO       *IOStreams
	Scenario string
	Reveal   bool
	// Present reveals the expert\'s screening in stages, for a projector.
	Present bool
	// Card prints the persona alone; Sheet a paper answer sheet.
	Card, Sheet bool
	// Sheets are answers files filled in by trainees (paper sheets typed
	// up): scored together, they say what the room missed.
	Sheets     []string
	Accessible bool
	Lang       string
	// PersonLang is the language the persona's questions are shown in
	// beside Lang, to practise a screening in two languages.
	PersonLang     string
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

--reveal shows the expert's screening and the teaching notes at once.
--present is for a projector: large parts with no internals, revealed one at
a time (the persona; what there is to notice and why; the result; the next
steps and the teaching points), Enter showing the next.

--answers FILE (repeatable) scores answer sheets instead of asking: each a
YAML or JSON answers file, as 'screen --answers' takes, filled in from the
persona (for example typed up from paper). The summary says what the room
missed, most common first. Nothing of the sheets is kept. --card prints the
persona alone for a paper card, --sheet a paper answer sheet to fill in.

--person-lang LANG practises a screening in two languages, as 'screen
--person-lang' runs one: the questions asked of the person in LANG with
--lang beneath.`,
		Example: `  htscreen scenarios
  htscreen train caregiver
  htscreen train summer_trip --reveal --lang es
  htscreen train caregiver --answers ana.yaml --answers ben.yaml --answers cy.yaml`,
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
	f.BoolVar(&opts.Card, "card", false, "print the persona alone, for a paper card (no answers, levels or notes)")
	f.BoolVar(&opts.Sheet, "sheet", false, "print a paper answer sheet (an answers file to fill in and score with --answers)")
	f.BoolVar(&opts.Present, "present", false, "for a projector: the persona, the signs, the result, then the next steps and teaching points, one part at a time (Enter shows the next)")
	f.StringArrayVar(&opts.Sheets, "answers", nil, "score an answer sheet (a YAML or JSON answers `FILE`) instead of asking; repeat for a room")
	f.StringVar(&opts.Lang, "lang", locale.Default, "language: "+strings.Join(locale.Langs(), ", "))
	f.StringVar(&opts.PersonLang, "person-lang", "", "`LANG` of the person: their questions and answers are shown in it and in --lang beneath: "+strings.Join(locale.PersonLangs(), ", "))
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
	b, err := loadBundle(ios, opts.Questionnaires, q.Options{PersonLangs: nonEmpty(opts.PersonLang)})
	if err != nil {
		return err
	}
	if opts.PersonLang, err = personLang(b.set, opts.PersonLang, opts.Lang); err != nil {
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

	if opts.Card {
		return printout.Card(ios.Out, sc, lang, opts.Output == "markdown")
	}
	if opts.Sheet {
		return printout.Sheet(ios.Out, b.set, sc, lang)
	}
	if len(opts.Sheets) > 0 {
		return scoreRoom(opts, b.set, sc, expert)
	}
	if opts.Present {
		plan := guidance.For(b.guidance, expert, guidance.Options{Role: sc.Role, Region: sc.Region, Lang: lang, Now: now(ios)})
		stages := report.Present(sc, expert, plan, lang)
		in := bufio.NewScanner(ios.In)
		for i, s := range stages {
			fmt.Fprintln(ios.Out, s)
			if i < len(stages)-1 {
				fmt.Fprintln(ios.ErrOut, locale.T(lang, "present_more"))
				if !in.Scan() {
					// No one at the keyboard (piped): show the rest.
					in = bufio.NewScanner(strings.NewReader(strings.Repeat("\n", len(stages))))
				}
			}
		}
		return nil
	}
	if opts.Reveal {
		return report.WriteReveal(ios.Out, sc, build(expert), opts.Output, lang)
	}

	var in rules.Input
	if fullScreen(opts.Accessible, ios) {
		fs := newFullScreen(ios, &interview.Plan{Set: b.set}, b.guidance, lang, sc.Role, sc.Region,
			func(in rules.Input, _, _ string) *report.Report { return build(rules.Evaluate(b.set, in)) })
		fs.PrefaceTitle, fs.Preface = title, sc.Persona.In(lang)
		fs.PersonLang, fs.TranslationNote = opts.PersonLang, translationNote(lang, opts.PersonLang)
		out, err := fs.Run(ctx)
		if err != nil {
			return err
		}
		in = out.Input
	} else {
		fmt.Fprintf(ios.ErrOut, "%s\n\n%s\n", title, sc.Persona.In(lang))
		writeCard(ios.ErrOut, lang, opts.PersonLang)
		plain := terminal.NewPlain(ios.In, ios.ErrOut, lang).WithPersonLang(opts.PersonLang).WithContext(ctx)
		plain.Urgent = func(st interview.Step) string { return urgentText(b.guidance, st, lang, sc.Role, sc.Region) }
		if in, err = interview.Run(&interview.Plan{Set: b.set, Watch: b.guidance.Watch(sc.Role, sc.Region)}, plain); err != nil {
			return err
		}
	}
	trainee := rules.Evaluate(b.set, in)
	plans := func(r *rules.Result) *guidance.Plan {
		return guidance.For(b.guidance, r, guidance.Options{Role: sc.Role, Region: sc.Region, Lang: lang, Now: now(ios)})
	}
	fb := report.BuildFeedback(sc, sc.Compare(b.set, expert, trainee), plans(expert), plans(trainee), lang)
	return report.WriteFeedback(ios.Out, b.set, fb, lang, opts.Output)
}

// scoreRoom scores answer sheets against the expert's screening. A sheet
// walks the whole interview (as a paper sheet would), so that every answer
// on it counts.
func scoreRoom(opts *trainOptions, set *q.Set, sc *scenario.Scenario, expert *rules.Result) error {
	var fbs []*scenario.Feedback
	var names []string
	for _, name := range opts.Sheets {
		data, err := readFileLimited(name, answers.MaxSize+1)
		if err != nil {
			return fmt.Errorf("reading answers: %w", err)
		}
		given, err := answers.Parse(name, data, set)
		if err != nil {
			return err
		}
		in, _, err := interview.Replay(&interview.Plan{Set: set}, given)
		if err != nil {
			return err
		}
		fbs = append(fbs, sc.Compare(set, expert, rules.Evaluate(set, in)))
		names = append(names, filepath.Base(name))
	}
	return report.WriteRoom(opts.IO.Out, report.BuildRoom(set, sc, names, fbs, opts.Lang), opts.Lang, opts.Output)
}
