package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// How a user may start htscreen: each of stdin, stdout and stderr a
// terminal, a file, /dev/null or closed. The full screen draws on stderr and
// reads stdin, so it runs only when both are terminals (as gh's iostreams
// decide per stream); otherwise the questions are asked line by line, and
// end of input stops with 130 and no result. A result that cannot be
// written (stdout closed) is an error.
func TestEveryStreamCombination(t *testing.T) {
	input, _ := typed(t, q.Answers{"works_for_someone": {"now"}, "m_documents": {"now"}, "m_documents_for": {"work"}}, "labor")
	kinds := []string{"terminal", "file", "null", "closed"}
	redirects := [3]map[string]string{
		{"file": "< {dir}/answers", "null": "< /dev/null", "closed": "<&-"},
		{"file": "> {dir}/stdout", "null": "> /dev/null", "closed": ">&-"},
		{"file": "2> {dir}/stderr", "null": "2> /dev/null", "closed": "2>&-"},
	}
	for _, in := range kinds {
		for _, out := range kinds {
			for _, errOut := range kinds {
				t.Run(fmt.Sprintf("stdin_%s/stdout_%s/stderr_%s", in, out, errOut), func(t *testing.T) {
					t.Parallel()
					var r []string
					for fd, k := range []string{in, out, errOut} {
						if s := redirects[fd][k]; s != "" {
							r = append(r, s)
						}
					}
					p := startPaneWith(t, paneOpts{stdoutTTY: true, redirect: strings.Join(r, " "), files: map[string]string{"answers": input}},
						binary, "screen", "labor", "--role", "police", "--region", "nyc", "--output", "json")
					checkStreams(t, p, in, out, errOut)
				})
			}
		}
	}
}

func checkStreams(t *testing.T, p *pane, in, out, errOut string) {
	t.Helper()
	fullScreen := in == "terminal" && errOut == "terminal"
	switch {
	case fullScreen:
		p.waitFor("Before you begin")
		p.keys("Escape")
		assert.Equal(t, 130, p.exited())
	case out == "closed":
		// Nothing is asked when the result could not be written.
		assert.Equal(t, 1, p.exited(), p.screen())
		if errOut == "file" || errOut == "terminal" {
			assert.Contains(t, p.file("stderr")+p.all(), "standard output is closed")
		}
		return
	case in == "terminal":
		// Line by line on the terminal, prompts elsewhere: q stops.
		if errOut == "file" {
			waitFile(t, p, "stderr", "Type a number")
		}
		p.keys("q", "Enter")
		assert.Equal(t, 130, p.exited(), p.screen())
	case in == "file":
		assert.Equal(t, 0, p.exited(), p.screen())
		result := map[string]string{"terminal": p.all(), "file": p.file("stdout")}[out]
		if out == "terminal" || out == "file" {
			assert.Contains(t, result, `"questions_asked"`, "the result reaches stdout")
		}
		if errOut == "file" {
			assert.Contains(t, p.file("stderr"), "Type a number", "prompts go to stderr")
		}
		return
	default: // /dev/null or closed: end of input at once
		assert.Equal(t, 130, p.exited(), p.screen())
		if errOut == "file" {
			assert.Contains(t, p.file("stderr"), "input ended")
		}
	}
	assert.NotContains(t, p.file("stdout"), "questions_asked", "no result")
	assert.NotContains(t, p.all(), "questions_asked", "no result")
	assert.Equal(t, p.file("before"), p.file("after"), "terminal settings restored")
}

func waitFile(t *testing.T, p *pane, name, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(p.file(name), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s never contained %q: %q", name, want, p.file(name))
}

// runShell runs the binary from sh with extra redirections, such as >&-.
func runShell(t *testing.T, redirect, stdin string, args ...string) result {
	t.Helper()
	return run(t, exec.Command("sh", append([]string{"-c", `exec "$0" "$@" ` + redirect, binary}, args...)...), stdin)
}

// Standard output closed (>&-): a result, or any output, that cannot be
// written is an error, said on stderr; before, it was lost with exit 0.
func TestClosedStdoutIsAnError(t *testing.T) {
	answers := writeYAML(t, q.Answers{"works_for_someone": {"now"}, "m_documents": {"now"}, "m_documents_for": {"work"}})
	input, _ := typed(t, q.Answers{}, "labor")
	for _, args := range [][]string{
		{"screen", "--answers", answers},
		{"screen", "labor", "--role", "police"},
		{"list"},
		{"--version"},
		{"train", "caregiver", "--reveal"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := runShell(t, ">&-", input, args...)
			assert.Equal(t, 1, r.code, r.errOut)
			assert.Contains(t, r.errOut, "htscreen: ")
			assert.Contains(t, r.errOut, "standard output is closed")
			assert.NotContains(t, r.errOut, "Type a number", "nothing is asked when the result cannot be written")
		})
	}
	// >/dev/null is a choice, not an error.
	r := runShell(t, ">/dev/null", "", "screen", "--answers", answers)
	assert.Equal(t, 0, r.code, r.errOut)
}

// Every signal that ends a process (SIGTERM, SIGHUP, SIGINT, SIGQUIT) stops a
// line-by-line screening with 130 and no result, as Esc does on the full
// screen; before, SIGTERM exited 143 and SIGHUP 129.
func TestLineByLineSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(binary, "screen", "labor", "--role", "police", "--output", "json")
			cmd.Env = []string{"TERM=dumb"}
			stdin, err := cmd.StdinPipe()
			require.NoError(t, err)
			defer stdin.Close()
			var out, errOut syncBuffer
			cmd.Stdout, cmd.Stderr = &out, &errOut
			require.NoError(t, cmd.Start())
			_, err = stdin.Write([]byte("2\n"))
			require.NoError(t, err)
			deadline := time.Now().Add(10 * time.Second)
			for !errOut.contains(": question 2 (") {
				require.True(t, time.Now().Before(deadline), "no second question")
				time.Sleep(10 * time.Millisecond)
			}
			require.NoError(t, cmd.Process.Signal(sig))
			err = cmd.Wait()
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee, "a signal never completes a screening")
			assert.Equal(t, 130, ee.ExitCode())
			assert.Empty(t, out.string(), "no result after a signal")
			assert.Contains(t, errOut.string(), "Screening stopped")
			assert.NotContains(t, errOut.string(), "goroutine", "SIGQUIT dumps nothing")
		})
	}
}

// A line of 64 KiB or more (a wrong file piped in) is a clear error, not
// "bufio.Scanner: token too long" and 130.
func TestLongInputLine(t *testing.T) {
	r := runBinary(t, strings.Repeat("1", 70000)+"\n", "screen", "labor", "--role", "police")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.errOut, "htscreen: line 1 of the input is longer than")
	assert.NotContains(t, r.errOut, "bufio")
	assert.Empty(t, r.out)
}

// A terminal that reports no size (0 x 0: some serial consoles and bare
// ptys) gets the questions line by line instead of a blank full screen.
func TestZeroSizeTerminalAsksLineByLine(t *testing.T) {
	master, slave := openPTY(t)
	require.NoError(t, setSize(slave, 0, 0))
	cmd := exec.Command(binary, "screen", "labor", "--role", "police", "--region", "nyc")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.Env = []string{"TERM=xterm-256color"}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	var seen syncBuffer
	go func() { _, _ = copyAll(&seen, master) }()
	require.NoError(t, cmd.Start())
	deadline := time.Now().Add(10 * time.Second)
	for !seen.contains("Type a number") {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("no line-by-line prompt on a 0x0 terminal; it shows:\n%q", seen.string())
		}
		time.Sleep(10 * time.Millisecond)
	}
	_, err := master.Write([]byte("q\n"))
	require.NoError(t, err)
	err = cmd.Wait()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, 130, ee.ExitCode())
	assert.NotContains(t, seen.string(), "\x1b[?1049h", "no alternate screen")
}

func setSize(f *os.File, rows, cols uint16) error {
	return unix.IoctlSetWinsize(int(f.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: rows, Col: cols})
}

func copyAll(w io.Writer, r io.Reader) (int64, error) { return io.Copy(w, r) }
