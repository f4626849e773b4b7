//go:build unix

package cli

import "golang.org/x/sys/unix"

// stdoutClosed reports whether standard output was closed when the process
// started. The Go runtime opens /dev/null read-write on a closed standard
// descriptor (runtime.checkfds), so a write would succeed and the result be
// lost; a shell's >/dev/null opens it write-only, which is left alone.
func stdoutClosed() bool {
	var out, null unix.Stat_t
	if unix.Fstat(1, &out) != nil || unix.Stat("/dev/null", &null) != nil {
		return false
	}
	if out.Mode&unix.S_IFMT != unix.S_IFCHR || out.Rdev != null.Rdev {
		return false
	}
	fl, err := unix.FcntlInt(1, unix.F_GETFL, 0)
	return err == nil && fl&unix.O_ACCMODE == unix.O_RDWR
}
