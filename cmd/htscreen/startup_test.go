package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// BenchmarkStartup measures what a user feels: the time to run
// `htscreen --version` and `htscreen list`, and the time until the first
// plain-mode prompt, against a bare cobra program built in the same run.
// It reports milliseconds per run and the ratio to bare cobra, the time to
// the full screen's first page on a terminal that answers no query, and the
// binary's size. Run it with make bench-startup.
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	hello := filepath.Join(dir, "hello")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", hello, "./testdata/hello")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building the cobra yardstick: %v\n%s", err, out)
	}
	stripped := filepath.Join(dir, "htscreen")
	build = exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", stripped, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building htscreen: %v\n%s", err, out)
	}
	if fi, err := os.Stat(stripped); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "MiB-binary")
	}

	run := func(bin string, stdin string, args ...string) time.Duration {
		cmd := exec.Command(bin, args...)
		cmd.Stdin = strings.NewReader(stdin)
		cmd.Env = []string{"TERM=dumb"}
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil && !strings.Contains(string(out), "input ended") {
			b.Fatalf("%s %v: %v\n%s", bin, args, err, out)
		}
		return time.Since(start)
	}
	// firstPrompt is the time until the first question's prompt is on
	// stderr; the process is then stopped.
	firstPrompt := func() time.Duration {
		cmd := exec.Command(stripped, "screen", "--role", "police")
		cmd.Env = []string{"TERM=dumb"}
		stdin, _ := cmd.StdinPipe()
		var errOut syncBuffer
		cmd.Stderr = &errOut
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		for !errOut.contains("Your observation:") {
			if time.Since(start) > 10*time.Second {
				b.Fatal("no first prompt")
			}
			time.Sleep(100 * time.Microsecond)
		}
		d := time.Since(start)
		stdin.Close()
		_ = cmd.Wait()
		return d
	}

	// firstScreen is the time until the full screen's first page is drawn
	// on a pseudo-terminal that answers no query; Esc then leaves.
	firstScreen := func() time.Duration {
		master, slave := openPTY(b)
		defer master.Close()
		defer slave.Close()
		cmd := exec.Command(stripped, "screen", "--role", "police", "--region", "nyc")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
		cmd.Env = []string{"TERM=xterm-256color"}
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
		var seen syncBuffer
		go func() { _, _ = io.Copy(&seen, master) }()
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		for !seen.contains("Before you begin") {
			if time.Since(start) > 10*time.Second {
				b.Fatal("no first screen")
			}
			time.Sleep(100 * time.Microsecond)
		}
		d := time.Since(start)
		_, _ = master.Write([]byte("\x1b"))
		_ = cmd.Wait()
		return d
	}

	var tv, tl, th, tp, ts time.Duration
	for b.Loop() {
		tv += run(stripped, "", "--version")
		tl += run(stripped, "", "list")
		th += run(hello, "", "--version")
		tp += firstPrompt()
		ts += firstScreen()
	}
	n := float64(b.N)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / n }
	b.ReportMetric(ms(tv), "ms-version")
	b.ReportMetric(ms(th), "ms-cobra-version")
	b.ReportMetric(float64(tv)/float64(th), "ratio-version")
	b.ReportMetric(ms(tl), "ms-list")
	b.ReportMetric(ms(tp), "ms-first-prompt")
	b.ReportMetric(ms(ts), "ms-first-screen")
	b.ReportMetric(0, "ns/op")
}

// syncBuffer is a bytes.Buffer safe to read while a process writes to it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) string() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func (s *syncBuffer) contains(sub string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Contains(s.buf.String(), sub)
}
