//go:build !unix

package cli

func stdoutClosed() bool { return false }
