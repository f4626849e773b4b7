// Package cli builds htscreen's commands. Each command fills an options
// struct from its flags and calls a run function that takes an IOStreams, so
// tests drive commands with buffers instead of a terminal.
package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/questionnaires"
	"github.com/htscreen/htscreen/screening/form"
	"github.com/htscreen/htscreen/screening/guidance"
	q "github.com/htscreen/htscreen/screening/questionnaire"
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
  1    error: a bad questionnaire, a bad answers file, a folder that cannot be read
  2    usage error: an unknown command, flag or flag value
  130  the screening was stopped (Esc, Ctrl+C, q, a signal) or its input ended; no result is shown`

// IOStreams are the streams a command uses. Results go to Out, prompts and
// messages to ErrOut.
type IOStreams struct {
	In       io.Reader
	Out      io.Writer
	ErrOut   io.Writer
	StdinTTY bool
	Getenv   func(string) string
	// Now is today's date, for the contacts' staleness warning.
	Now func() time.Time
}

// System returns the process's own streams.
func System() *IOStreams {
	tty := false
	if fi, err := os.Stdin.Stat(); err == nil {
		tty = fi.Mode()&os.ModeCharDevice != 0
	}
	return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, StdinTTY: tty, Getenv: os.Getenv, Now: time.Now}
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
	root.CompletionOptions.HiddenDefaultCmd = true
	root.AddCommand(newScreenCmd(ios, nil), newValidateCmd(ios, nil), newListCmd(ios, nil), newResourcesCmd(ios, nil))
	return root
}

// Main runs the command line and returns the exit code.
func Main(args []string, ios *IOStreams, version string) int {
	root := NewRoot(ios, version)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var rep *reportedError
	var ue *usageError
	switch {
	case errors.As(err, &rep):
		return rep.code
	case errors.Is(err, form.ErrAborted):
		fmt.Fprintln(ios.ErrOut, err)
		return ExitAborted
	case errors.As(err, &ue), strings.HasPrefix(err.Error(), "unknown command"):
		fmt.Fprintf(ios.ErrOut, "htscreen: %v\nRun 'htscreen --help' for usage.\n", err)
		return ExitUsage
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

// loadSet loads and validates a questionnaire set and its guidance: the
// embedded ones, or the folder dir (with dir/guidance if it has one, else the
// embedded guidance). Every problem is printed before anything else happens.
func loadSet(ios *IOStreams, dir string, opts q.Options) (*q.Set, *guidance.Directory, error) {
	var fsys fs.FS = questionnaires.FS()
	gfs := questionnaires.Guidance()
	name, prefix, gprefix := "the embedded questionnaires", "questionnaires", filepath.Join("questionnaires", "guidance")
	if dir != "" {
		fi, err := os.Stat(dir)
		switch {
		case err != nil:
			return nil, nil, fmt.Errorf("cannot read questionnaire folder %s: %w", dir, errors.Unwrap(err))
		case !fi.IsDir():
			return nil, nil, fmt.Errorf("%s is not a folder; --questionnaires takes the folder that holds triage.yaml and the modules", dir)
		}
		fsys, name, prefix = os.DirFS(dir), dir, dir
		if gi, err := os.Stat(filepath.Join(dir, "guidance")); err == nil && gi.IsDir() {
			gfs, gprefix = os.DirFS(filepath.Join(dir, "guidance")), filepath.Join(dir, "guidance")
		}
	}
	set, err := q.Load(fsys, opts)
	var dirx *guidance.Directory
	if err == nil {
		dirx, err = guidance.Load(gfs, set, opts.RequireLangs)
		prefix = gprefix
	}
	var list q.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			e.Pos.File = filepath.Join(prefix, e.Pos.File)
		}
		fmt.Fprintln(ios.ErrOut, list.Error())
		fmt.Fprintf(ios.ErrOut, "htscreen: %s: %d problem(s); nothing was asked. Fix them and run 'htscreen validate' again.\n", name, len(list))
		return nil, nil, &reportedError{code: ExitError}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return set, dirx, nil
}
