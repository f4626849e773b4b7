// Command htscreen screens a person for indicators of human trafficking and
// says what to do next. See README.md.
package main

import (
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/cmd/htscreen/cli"
	"github.com/htscreen/htscreen/cmd/htscreen/internal/envguard"
	"github.com/htscreen/htscreen/cmd/htscreen/internal/sandbox"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	// Package initialisers have run, with $TMUX, $PATH and $TERM hidden
	// from them (internal/envguard); htscreen itself needs $TERM.
	envguard.Restore()
	// On Windows, a double-click from Explorer opens a console that closes at
	// once; cobra shows this instead and waits a few seconds.
	cobra.MousetrapHelpText = "htscreen is a command-line tool: it runs in a terminal, not by double-clicking.\n" +
		"Open Command Prompt or PowerShell, go to this folder and type: htscreen screen"
	ios := cli.System()
	// Defence in depth: before a command runs, the process gives up writing
	// or creating files, running programs and TCP (where Landlock exists).
	ios.Restrict = sandbox.Restrict
	// One signal context for every command and both runners. A command
	// that does not stop within a few seconds of a signal is stopped here;
	// the full screen restores the terminal well before that.
	ctx, stop := cli.SignalContext()
	defer stop()
	go func() {
		<-ctx.Done()
		time.Sleep(3 * time.Second)
		os.Exit(cli.ExitAborted)
	}()
	os.Exit(cli.MainContext(ctx, os.Args[1:], ios, version))
}
