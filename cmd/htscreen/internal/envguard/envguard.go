// Package envguard keeps the libraries' package initialisers from running or
// looking up programs. Import it (blank) from package main only.
//
// Two initialisers among htscreen's dependencies act on the environment
// before main runs, and so before the Landlock sandbox:
//
//   - lipgloss's package-level Writer (charm.land/lipgloss/v2, writer.go)
//     detects a colour profile for stdout with colorprofile.Detect. When
//     stdout is a terminal it reads the terminfo entry for $TERM, and when
//     $TMUX is set it runs "tmux info", which talks to the tmux server and
//     hands it the whole environment (and a "tmux" earlier on $PATH would be
//     run instead).
//   - github.com/atotto/clipboard (imported by huh through bubbles'
//     textarea and textinput, which htscreen never shows) looks up xclip,
//     xsel, wl-copy, termux-clipboard-set and clip.exe on $PATH.
//
// htscreen uses neither lipgloss's Writer nor the clipboard, and runs no
// program. This package's initialiser removes $TMUX and $PATH from the
// process environment for good, and $TERM until Restore, so that those
// initialisers find nothing to run or look up and detect no terminal.
//
// Order: Go initialises packages in the order of their import paths, each
// as soon as the packages it imports are initialised (the Go spec, "Package
// initialization", since Go 1.21). This package imports only "os", and its
// path sorts before "os/exec", which both initialisers above depend on, so
// it always runs before them. TestNoProgramsInTmux (cmd/htscreen) checks the
// outcome under strace, inside tmux with $TMUX set and stdout a terminal.
package envguard

import "os"

// hidden are the variables removed, as they were.
var hidden = map[string]string{}

func init() {
	for _, name := range []string{"TMUX", "PATH", "TERM"} {
		if v, ok := os.LookupEnv(name); ok {
			hidden[name] = v
			os.Unsetenv(name)
		}
	}
}

// Restore puts $TERM back once every package is initialised: the full-screen
// form and the choice of runner read it. Call it first in main.
func Restore() {
	if v, ok := hidden["TERM"]; ok {
		os.Setenv("TERM", v)
	}
}

// Original is a hidden variable's value as the process was given it. The
// tests of package main, which link this package too, use it to find the
// programs they run.
func Original(name string) string { return hidden[name] }
