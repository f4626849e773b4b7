// Package cli builds htscreen's commands. Each command fills an options
// struct from its flags and calls a run function that takes an IOStreams, so
// tests drive commands with buffers instead of a terminal.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/cmd/htscreen/internal/terminal"
	"github.com/htscreen/htscreen/questionnaires"
	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/scenario"
)

// Exit codes, documented in README.md and in --help.
const (
	ExitOK      = 0   // a result was produced, or the command did its job
	ExitError   = 1   // a bad questionnaire, a bad answers file, an I/O error
	ExitUsage   = 2   // an unknown command, flag or flag value
	ExitAborted = 130 // the user stopped the screening, or its input ended
)

const exitCodesHelp = `Exit codes:
  0    a result was produced (or the command did its job)
  1    error: a bad questionnaire, a bad answers file, a folder that cannot be read,
       an input line over 4096 bytes, a result that cannot be written (stdout closed)
  2    usage error: an unknown command, flag, argument or flag value
  130  the screening was stopped (Esc, Ctrl+C, q, or SIGTERM, SIGHUP, SIGINT, SIGQUIT)
       or its input ended; no result is shown`

// IOStreams are the streams a command uses. Results go to Out, prompts and
// messages to ErrOut.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// StdinTTY and StderrTTY say whether In and ErrOut are terminals: the
	// full screen reads one and draws on the other.
	StdinTTY, StderrTTY bool
	// TermSize is the terminal's size in columns and rows, when known.
	TermSize func() (width, height int, err error)
	Getenv   func(string) string
	// Now is today's date, for the contacts' staleness warning.
	Now func() time.Time
	// Restrict, when set, sandboxes the process before a command runs (the
	// binary sets it; tests that run commands in-process do not).
	Restrict func() error
}

// usageError marks a mistake in how the command was called (exit 2).
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// reportedError is an error whose details were already written to ErrOut.
type reportedError struct{ code int }

func (e *reportedError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// NewRoot builds the command tree.
func NewRoot(ios *IOStreams, version string) *cobra.Command {
	root := &cobra.Command{
		Use:   "htscreen",
		Short: "Screen for indicators of human trafficking and see what to do next",
		Long: `htscreen asks a short series of questions, scores the answers against
weighted indicator rules for four forms of trafficking (labor, sex, forced
marriage, organ removal) and prints what to do next.

It is a screening, not a determination. It stores nothing: no file, no log,
no network.

` + exitCodesHelp,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	// --version and --help return before this hook: they handle no data and
	// start faster without the sandbox.
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if ios.Restrict == nil {
			return nil
		}
		if err := ios.Restrict(); err != nil {
			fmt.Fprintf(ios.ErrOut, "htscreen: note: the Landlock sandbox could not be applied: %v\n", err)
		}
		return nil
	}
	root.AddGroup(
		&cobra.Group{ID: "screening", Title: "Screening:"},
		&cobra.Group{ID: "training", Title: "Training and reference:"},
		&cobra.Group{ID: "questionnaires", Title: "Questionnaires:"},
	)
	for group, cmds := range map[string][]*cobra.Command{
		"screening":      {newScreenCmd(ios), newResourcesCmd(ios), newCardCmd(ios)},
		"training":       {newScenariosCmd(ios), newTrainCmd(ios), newExplainCmd(ios), newShowCmd(ios)},
		"questionnaires": {newValidateCmd(ios), newListCmd(ios)},
	} {
		for _, c := range cmds {
			c.GroupID = group
			root.AddCommand(c)
		}
	}
	registerCompletions(root)
	return root
}

// Main runs the command line and returns the exit code.
func Main(args []string, ios *IOStreams, version string) int {
	return MainContext(context.Background(), args, ios, version)
}

// MainContext is Main with the context that signals cancel (SignalContext):
// a cancelled screening, or any command stopped by a signal, exits 130.
func MainContext(ctx context.Context, args []string, ios *IOStreams, version string) int {
	out := &writeTracker{w: ios.Out}
	streams := *ios
	streams.Out = out
	ios = &streams
	root := NewRoot(ios, version)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		err = out.firstErr()
	}
	if ctx.Err() != nil && !errors.Is(err, terminal.ErrAborted) {
		// A signal arrived while a command without a runner was working.
		err = &terminal.AbortError{Reason: "htscreen: stopped by a signal; nothing was kept."}
	}
	if err == nil {
		return ExitOK
	}
	var rep *reportedError
	var ue *usageError
	switch {
	case errors.As(err, &rep):
		return rep.code
	case errors.Is(err, terminal.ErrAborted):
		fmt.Fprintln(ios.ErrOut, err)
		return ExitAborted
	case errors.As(err, &ue), strings.HasPrefix(err.Error(), "unknown command"):
		fmt.Fprintf(ios.ErrOut, "htscreen: %v\nRun 'htscreen --help' for usage.\n", err)
		return ExitUsage
	}
	if errors.Is(err, ErrStdoutClosed) {
		err = ErrStdoutClosed
	}
	fmt.Fprintf(ios.ErrOut, "htscreen: %v\n", err)
	return ExitError
}

// checkValue rejects a flag value that is not one of valid, naming them.
func checkValue(flag, value string, valid []string) error {
	for _, v := range valid {
		if v == value {
			return nil
		}
	}
	hint := ""
	if best := q.Closest(value, valid); best != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", best)
	}
	return usagef("invalid value %q for --%s%s; valid values: %s", value, flag, hint, strings.Join(valid, ", "))
}

// checkArg rejects an argument (a scenario, a module) that is not one of
// valid, naming it as what it is: it is not a flag.
func checkArg(what, value string, valid []string) error {
	if slices.Contains(valid, value) {
		return nil
	}
	hint := ""
	if best := q.Closest(value, valid); best != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", best)
	}
	return usagef("unknown %s %q%s; valid %ss: %s", what, value, hint, what, strings.Join(valid, ", "))
}

// checkOutputAndLang checks the two flags every rendering command has: the
// output format among formats, and the language.
func checkOutputAndLang(output string, formats []string, lang string) error {
	if err := checkValue("output", output, formats); err != nil {
		return err
	}
	return checkLang(lang)
}

// checkLang checks a screener's language (--lang), and says so when the
// value is a language offered only for the person.
func checkLang(lang string) error {
	if locale.ScopeOf(lang) == locale.Person {
		return usagef("--lang is your language, one of: %s; %s is offered for the person's side: --person-lang %s shows them each question in it, beside yours", strings.Join(locale.Langs(), ", "), locale.T(locale.Default, "lang_"+lang), lang)
	}
	return checkValue("lang", lang, locale.Langs())
}

// findFile returns the questionnaire called id, or a usage error naming the
// set's questionnaires.
func findFile(set *q.Set, id string) (*q.File, error) {
	var ids []string
	for _, f := range set.Files {
		if f.ID == id {
			return f, nil
		}
		ids = append(ids, f.ID)
	}
	return nil, checkArg("module", id, ids)
}

// bundle is everything a command may need from a questionnaire folder.
type bundle struct {
	set       *q.Set
	guidance  *guidance.Directory
	scenarios []*scenario.Scenario
}

// loadSet loads and validates a questionnaire set, its guidance and its
// training scenarios: the embedded ones, or the folder dir (with
// dir/guidance if it has one, else the embedded guidance; and
// dir/scenarios if it has one). Every problem is printed before anything
// else happens.
func loadSet(ios *IOStreams, dir string, opts q.Options) (*q.Set, *guidance.Directory, error) {
	b, err := load(ios, dir, opts, false)
	if err != nil {
		return nil, nil, err
	}
	return b.set, b.guidance, nil
}

// loadBundle is loadSet with the training scenarios, which only the trainer
// commands and validate need: checking them replays every expert's
// screening, which a screening need not wait for.
func loadBundle(ios *IOStreams, dir string, opts q.Options) (*bundle, error) {
	return load(ios, dir, opts, true)
}

func load(ios *IOStreams, dir string, opts q.Options, withScenarios bool) (*bundle, error) {
	var fsys fs.FS = questionnaires.FS()
	gfs, sfs := questionnaires.Guidance(), questionnaires.Scenarios()
	name, root := "the embedded questionnaires", "questionnaires"
	if dir != "" {
		fi, err := os.Stat(dir)
		switch {
		case err != nil:
			return nil, fmt.Errorf("cannot read questionnaire folder %s: %w", dir, errors.Unwrap(err))
		case !fi.IsDir():
			return nil, fmt.Errorf("%s is not a folder; --questionnaires takes the folder that holds triage.yaml and the modules", dir)
		}
		fsys, name, root, sfs = os.DirFS(dir), dir, dir, nil
		if isDir(filepath.Join(dir, "guidance")) {
			gfs = os.DirFS(filepath.Join(dir, "guidance"))
		}
		if isDir(filepath.Join(dir, "scenarios")) {
			sfs = os.DirFS(filepath.Join(dir, "scenarios"))
		}
	}
	b := &bundle{}
	prefix := root
	set, err := q.Load(fsys, opts)
	if err == nil {
		b.set = set
		prefix = filepath.Join(root, "guidance")
		if dir != "" && !isDir(filepath.Join(dir, "guidance")) {
			prefix = filepath.Join("questionnaires", "guidance")
		}
		b.guidance, err = guidance.Load(gfs, set, opts.RequireLangs)
	}
	if err == nil && sfs != nil && withScenarios {
		prefix = filepath.Join(root, "scenarios")
		b.scenarios, err = scenario.Load(sfs, set, opts.RequireLangs)
	}
	err = advise(err)
	var list q.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			e.Pos.File = filepath.Join(prefix, e.Pos.File)
		}
		fmt.Fprintln(ios.ErrOut, list.Error())
		fmt.Fprintf(ios.ErrOut, "htscreen: %s: %d problem(s); nothing was asked. Fix them and run 'htscreen validate' again.\n", name, len(list))
		return nil, &reportedError{code: ExitError}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return b, nil
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
