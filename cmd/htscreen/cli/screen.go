package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/cmd/htscreen/internal/terminal"
	"github.com/htscreen/htscreen/screening/answers"
	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/interview"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
	"github.com/htscreen/htscreen/screening/rules"
)

// screenOptions are the screen command's settings.
type screenOptions struct {
	IO          *IOStreams
	Modules     []string
	Accessible  bool
	AnswersFile string
	Lang        string
	// PersonLang is the language the person reads (--person-lang): their
	// questions are shown in it and in Lang beneath. Empty, or Lang, shows
	// everything once.
	PersonLang     string
	Role           string
	Region         string
	Output         string
	Questionnaires string
	Print          bool
	// Full asks every question that applies, never stopping early when the
	// result is settled.
	Full bool
	// RegionSet is true when --region was given; the full-screen form asks
	// otherwise.
	RegionSet bool
	signalled
}

// signalled is embedded in the options of the commands that ask questions:
// ctx is cancelled by a signal (SignalContext).
type signalled struct{ ctx context.Context }

func (s *signalled) context() context.Context {
	if s.ctx == nil {
		return context.Background()
	}
	return s.ctx
}

func newScreenCmd(ios *IOStreams) *cobra.Command {
	opts := &screenOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "screen [triage | MODULE...]",
		Short: "Run a screening: the triage, then the modules it points to",
		Long: `Run a screening. With no MODULE, a short triage comes first and decides which
modules to ask (labor, sex, forced_marriage, organ). Naming modules runs them
directly, after the triage's safety and age questions. Naming "triage" alone
runs only the triage, a few minutes at a roadside: the result says which
forms it points to, for a private follow-up.

Every question offers "not sure" and "prefer not to say"; neither counts as
"no". Type q at any prompt to stop: nothing is shown and nothing is kept.

On a terminal the screening runs full screen: one question per page, the
note for the screener beneath it, Shift+Tab to go back. Esc or Ctrl+C leaves
at once from any screen, clears it and shows nothing. The result is read on
the same screen and is gone when closed; --print also writes it to standard
output after the screen closes.

Questions are asked line by line instead when --accessible is given, when
TERM=dumb, when standard input or standard error is not a terminal (a pipe,
a file, /dev/null, closed: the full screen reads one and draws on the
other), and when the terminal reports no size. Prompts then go to standard
error and the result to standard output, so --output json stays
machine-readable. A line of more than 4096 bytes is an error (exit 1): only
a wrong file or pipe sends one.

--person-lang LANG puts every question asked of the person in their own
language with the screener's (--lang) beneath it, and each answer in both
("Sí / Yes", the same numbers). Observations, notes for the screener and the
result stay in the screener's language. A short card for the person comes
first: they may skip any question or say they don't know, and nothing they
say is kept. The valid languages are those the questionnaires carry.

` + exitCodesHelp,
		Example: `  htscreen screen
  htscreen screen triage --role police
  htscreen screen labor --lang es
  htscreen screen --person-lang es     # the person reads Spanish, you English
  htscreen screen --answers case.yaml --output json
  printf '2\n1\n...' | htscreen screen labor --output json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Modules = args
			opts.RegionSet = cmd.Flags().Changed("region")
			opts.ctx = cmd.Context()
			return runScreen(opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.Accessible, "accessible", false, "ask line by line with numbered answers (screen readers, simple terminals)")
	f.StringVar(&opts.AnswersFile, "answers", "", "take answers from a YAML or JSON `FILE` of question id: answer (- for standard input)")
	f.StringVar(&opts.Lang, "lang", locale.Default, "language of questions and result: "+strings.Join(locale.Langs(), ", "))
	f.StringVar(&opts.PersonLang, "person-lang", "", "`LANG` of the person: their questions and answers are shown in it and in --lang beneath: "+strings.Join(locale.PersonLangs(), ", "))
	f.StringVar(&opts.Role, "role", "", "your role, for the guidance: "+strings.Join(guidance.Roles(), ", ")+" (asked once if not given; with --answers, every role's steps are shown)")
	f.StringVar(&opts.Region, "region", "nyc", "where you are, for the guidance: nyc, or nys for the rest of New York State")
	f.StringVarP(&opts.Output, "output", "o", "text", "result format: "+strings.Join(report.Formats(), ", "))
	f.StringVar(&opts.Questionnaires, "questionnaires", "", "load questionnaires from `DIR` instead of the embedded set")
	f.BoolVar(&opts.Full, "full", false, "ask every question that applies, also after the result is settled (for detail; scripts and answers files stop at a settled result otherwise)")
	f.BoolVar(&opts.Print, "print", false, "full screen: also write the result to standard output after the screen closes (a deliberate choice: it may then be kept)")
	return cmd
}

func runScreen(opts *screenOptions) error {
	ios := opts.IO
	if err := checkOutputAndLang(opts.Output, report.Formats(), opts.Lang); err != nil {
		return err
	}
	if opts.Role != "" {
		if err := checkValue("role", opts.Role, guidance.Roles()); err != nil {
			return err
		}
	}
	if err := checkValue("region", opts.Region, guidance.Regions()); err != nil {
		return err
	}
	for _, m := range opts.Modules {
		if err := checkValue("module", m, append([]string{q.TriageID}, q.Forms()...)); err != nil {
			return usagef("unknown module %q; valid modules: triage (alone: the triage only), %s", m, strings.Join(q.Forms(), ", "))
		}
		if m == q.TriageID && len(opts.Modules) > 1 {
			return usagef("name the triage alone (the triage only) or the modules, not both")
		}
	}

	set, dir, err := loadSet(ios, opts.Questionnaires, q.Options{PersonLangs: nonEmpty(opts.PersonLang)})
	if err != nil {
		return err
	}
	if opts.PersonLang, err = personLang(set, opts.PersonLang, opts.Lang); err != nil {
		return err
	}
	for _, m := range opts.Modules {
		if m == q.TriageID && set.Triage == nil {
			return interview.ErrNoTriage
		}
		if m != q.TriageID && set.Module(m) == nil {
			return fmt.Errorf("the questionnaire set has no %s module; it has: %s", m, strings.Join(set.Modules(), ", "))
		}
	}

	evaluate := func(in rules.Input, role, region string) *report.Report {
		res := rules.Evaluate(set, in)
		plan := guidance.For(dir, res, guidance.Options{Role: role, Region: region, Lang: opts.Lang, Now: now(ios)})
		return report.Build(res, plan, opts.Lang)
	}

	plan := &interview.Plan{Set: set, Modules: opts.Modules, Full: opts.Full}
	full := opts.AnswersFile == "" && fullScreen(opts.Accessible, ios)
	if ios.outClosed() && (opts.Print || !full) {
		// Asking is pointless when the result cannot be written.
		return ErrStdoutClosed
	}
	if full {
		return runFullScreen(opts, plan, dir, evaluate)
	}

	var in rules.Input
	if opts.AnswersFile != "" {
		plan.Watch = dir.Watch(opts.Role, opts.Region)
		in, err = screenFromFile(opts, plan)
	} else {
		fmt.Fprintln(ios.ErrOut, locale.T(opts.Lang, "start"))
		writeCard(ios.ErrOut, opts.Lang, opts.PersonLang)
		plain := terminal.NewPlain(ios.In, ios.ErrOut, opts.Lang).WithPersonLang(opts.PersonLang).WithContext(opts.context())
		if opts.Role == "" {
			// Asked once, so that the guidance fits the user.
			if opts.Role, err = plain.Choose(locale.T(opts.Lang, "role_prompt"), guidance.Roles(), "role_"); err != nil {
				return err
			}
		}
		plan.Watch = dir.Watch(opts.Role, opts.Region)
		plain.Urgent = func(st interview.Step) string { return urgentText(dir, st, opts.Lang, opts.Role, opts.Region) }
		in, err = interview.Run(plan, plain)
	}
	if err != nil {
		return err
	}
	return report.Write(ios.Out, evaluate(in, opts.Role, opts.Region), opts.Output)
}

// fullScreen decides the runner: the full-screen form when standard input
// and standard error are both terminals (it reads one and draws on the
// other), the plain one with --accessible, TERM=dumb, when either is not a
// terminal (a pipe, a file, /dev/null, closed, CI), and on a terminal that
// reports no size (0 x 0), where nothing could be drawn.
func fullScreen(accessible bool, ios *IOStreams) bool {
	term := ""
	if ios.Getenv != nil {
		term = ios.Getenv("TERM")
	}
	if accessible || term == "dumb" || !ios.StdinTTY || !ios.StderrTTY {
		return false
	}
	if ios.TermSize != nil {
		if w, h, err := ios.TermSize(); err != nil || w <= 0 || h <= 0 {
			return false
		}
	}
	return true
}

// runFullScreen shows the screening and its result on the alternate screen.
// The result reaches stdout only with --print, after the screen has closed.
func runFullScreen(opts *screenOptions, plan *interview.Plan, dir *guidance.Directory, evaluate func(rules.Input, string, string) *report.Report) error {
	ios := opts.IO
	region := opts.Region
	if !opts.RegionSet {
		region = "" // asked on the first screen
	}
	fs := newFullScreen(ios, plan, dir, opts.Lang, opts.Role, region, evaluate)
	fs.PersonLang, fs.TranslationNote = opts.PersonLang, translationNote(opts.Lang, opts.PersonLang)
	out, err := fs.Run(opts.context())
	if err != nil {
		return err
	}
	if !opts.Print {
		return nil
	}
	return report.Write(ios.Out, evaluate(out.Input, out.Role, out.Region), opts.Output)
}

// newFullScreen wires the full-screen runner to the guidance (what to watch
// for, what to do first on an urgent red flag) and to the text renderer for
// the closing view. screen and train share it; they differ in the plan, the
// preface and how a result is built.
func newFullScreen(ios *IOStreams, plan *interview.Plan, dir *guidance.Directory, lang, role, region string, build func(in rules.Input, role, region string) *report.Report) *terminal.FullScreen {
	return &terminal.FullScreen{
		Plan: plan, Lang: lang, Role: role, Region: region,
		Watch: dir.Watch,
		Urgent: func(st interview.Step, role, region string) string {
			return urgentText(dir, st, lang, role, region)
		},
		Roles: guidance.Roles(), Regions: guidance.Regions(), In: ios.In, Out: ios.ErrOut,
		Result: func(in rules.Input, role, region string) (string, error) {
			var b strings.Builder
			err := report.Write(&b, build(in, role, region), "text")
			return b.String(), err
		},
	}
}

// personLangs are the languages a person can be screened in: those every
// question put to the person is written in, in the questionnaire files or a
// person file (read only when asked for), and that have the person's
// messages too (locale).
func personLangs(set *q.Set) []string {
	var langs []string
	for _, l := range locale.PersonLangs() {
		if slices.Contains(set.Langs(), l) || slices.Contains(set.PersonLangs(), l) {
			langs = append(langs, l)
		}
	}
	return langs
}

// nonEmpty is the language as a list, or none.
func nonEmpty(lang string) []string {
	if lang == "" {
		return nil
	}
	return []string{lang}
}

// personLang checks --person-lang against the languages the set carries
// (a usage error lists them) and returns "" when the person reads the
// screener's language, so that nothing is shown twice.
func personLang(set *q.Set, person, lang string) (string, error) {
	if person == "" {
		return "", nil
	}
	if err := checkValue("person-lang", person, personLangs(set)); err != nil {
		return "", err
	}
	if person == lang {
		return "", nil
	}
	return person, nil
}

// translationNote tells the screener, in lang, about every language in use
// whose translation has not been reviewed by a native-speaking professional
// (the screener's own and the person's), one line each; "" when there is
// none.
func translationNote(lang, person string) string {
	var lines []string
	for _, l := range []string{lang, person} {
		if l == "" {
			continue
		}
		if s := locale.StatusLine(lang, l); s != "" && !slices.Contains(lines, s) {
			lines = append(lines, s)
		}
	}
	return strings.Join(lines, "\n")
}

// writeCard writes, line by line, the card for the person before the first
// question, and the note on a translation not yet reviewed for the screener.
func writeCard(w io.Writer, lang, person string) {
	if card := (terminal.Languages{Screener: lang, Person: person}).Card(); card != "" {
		fmt.Fprintf(w, "\n%s\n%s\n", locale.T(lang, "person_card_show"), card)
	}
	if note := translationNote(lang, person); note != "" {
		fmt.Fprintf(w, "\n%s\n", note)
	}
}

// screenFromFile answers the screening from an answers file, walking the same
// path an interactive screening would: skip logic and triage routing apply,
// and questions the file does not answer count as not asked.
func screenFromFile(opts *screenOptions, plan *interview.Plan) (rules.Input, error) {
	set := plan.Set
	name := opts.AnswersFile
	var data []byte
	var err error
	if name == "-" {
		name = "standard input"
		data, err = io.ReadAll(io.LimitReader(opts.IO.In, answers.MaxSize+1))
	} else {
		data, err = readFileLimited(name, answers.MaxSize+1)
	}
	if err != nil {
		return rules.Input{}, fmt.Errorf("reading answers: %w", err)
	}
	given, err := answers.Parse(name, data, set)
	if err != nil {
		return rules.Input{}, advise(err)
	}
	in, unused, err := interview.FromAnswers(plan, given)
	if err != nil {
		return in, err
	}
	if len(unused) > 0 {
		fmt.Fprintln(opts.IO.ErrOut, locale.T(opts.Lang, "unused_answers", strings.Join(unused, ", ")))
	}
	var notNeeded []string
	for id := range given {
		if in.Open[id] {
			notNeeded = append(notNeeded, id)
		}
	}
	if len(notNeeded) > 0 {
		slices.Sort(notNeeded)
		fmt.Fprintln(opts.IO.ErrOut, locale.T(opts.Lang, "unused_not_needed", strings.Join(notNeeded, ", ")))
	}
	return in, nil
}

// urgentText is what the screener must do first when an urgent red flag is
// raised in the middle of a screening: the steps for it, with their numbers.
func urgentText(dir *guidance.Directory, st interview.Step, lang, role, region string) string {
	return report.UrgentText(guidance.Urgent(dir, st.Outlook, guidance.Options{Role: role, Region: region, Lang: lang}), lang)
}

func readFileLimited(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit))
}

func now(ios *IOStreams) time.Time {
	if ios.Now == nil {
		return time.Now()
	}
	return ios.Now()
}
