package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
)

// ErrStdoutClosed is the error of a write to a standard output that was
// closed when htscreen started (>&-).
var ErrStdoutClosed = errors.New("standard output is closed (>&-), so the result cannot be written; run again with standard output open, or >/dev/null to discard it")

// System returns the process's own streams. Each one is checked on its own,
// as gh's iostreams do: the full screen reads stdin and draws on stderr, so
// it needs both to be terminals, and a terminal is what isatty says (a
// TCGETS ioctl), not any character device: /dev/null is one too.
func System() *IOStreams {
	ios := &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		StdinTTY:  term.IsTerminal(os.Stdin.Fd()),
		StderrTTY: term.IsTerminal(os.Stderr.Fd()),
		Getenv:    os.Getenv, Now: time.Now,
		TermSize: func() (int, int, error) { return term.GetSize(os.Stderr.Fd()) },
	}
	if stdoutClosed() {
		ios.Out = closedWriter{}
	}
	return ios
}

// closedWriter stands for a standard output that was closed.
type closedWriter struct{}

func (closedWriter) Write([]byte) (int, error) { return 0, ErrStdoutClosed }

// outClosed reports whether the command's output cannot be written at all.
func (ios *IOStreams) outClosed() bool {
	w := ios.Out
	if t, ok := w.(*writeTracker); ok {
		w = t.w
	}
	_, ok := w.(closedWriter)
	return ok
}

// writeTracker remembers the first error of a write, for the writes a
// command does not check (fmt.Fprintf, cobra's --version and --help).
type writeTracker struct {
	w   io.Writer
	mu  sync.Mutex
	err error
}

func (t *writeTracker) Write(p []byte) (int, error) {
	n, err := t.w.Write(p)
	if err != nil {
		t.mu.Lock()
		if t.err == nil {
			t.err = err
		}
		t.mu.Unlock()
	}
	return n, err
}

func (t *writeTracker) firstErr() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.err
}

// Signals are those that stop htscreen: each ends a command as Esc or q
// does, with exit 130, the terminal restored and nothing shown. SIGQUIT
// too, which by default dumps goroutines and leaves the terminal raw.
var Signals = []os.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT}

// SignalContext is the one context of every command and both runners: it
// is cancelled by the first of Signals.
func SignalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), Signals...)
}
