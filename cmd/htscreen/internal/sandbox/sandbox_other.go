//go:build !linux

package sandbox

// Restrict does nothing outside Linux: Landlock is a Linux feature.
func Restrict() error { return nil }

// Available is 0 outside Linux.
func Available() int { return 0 }
