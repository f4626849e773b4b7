//go:build linux

// Package sandbox makes the process give up, at start, what htscreen never
// needs: writing or creating files, running programs, and TCP connections.
// It uses Landlock (Linux 5.13 and later, best effort: on an older kernel,
// or another system, it does nothing and the strace tests remain the
// evidence). See docs/PRIVACY.md for what it covers and what it does not.
package sandbox

import (
	"github.com/landlock-lsm/go-landlock/landlock"
	ll "github.com/landlock-lsm/go-landlock/landlock/syscall"
)

// Restrict applies the sandbox to the whole process. After it: files and
// folders anywhere can be read (questionnaires, answers files, the Go
// runtime's /proc and /sys), the terminal can be read and written, and
// nothing else: no file written or created, no program run, no TCP bind or
// connect, no abstract UNIX socket outside the process.
func Restrict() error {
	read := landlock.PathAccess(ll.AccessFSReadFile|ll.AccessFSReadDir, "/")
	terminal := landlock.PathAccess(ll.AccessFSReadFile|ll.AccessFSWriteFile, "/dev/tty", "/dev/pts").WithIoctlDev().IgnoreIfMissing()
	return landlock.V8.BestEffort().Restrict(read, terminal)
}

// Available reports the Landlock ABI version the kernel offers, 0 if none.
func Available() int {
	v, err := ll.LandlockGetABIVersion()
	if err != nil {
		return 0
	}
	return v
}
