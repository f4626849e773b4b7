package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/cmd/htscreen/internal/sandbox"
)

// The privacy promise, tested: htscreen writes no file, creates no file or
// folder, renames or removes nothing and opens no socket, whatever it is
// asked to do. Every command and mode runs under strace -f, and the trace is
// searched for any such system call. Read-only opens (the Go runtime reads
// /proc and /sys) are fine.

// traced are the system calls that could store or send something, and
// those that look for a program to run.
const traced = "execve,open,openat,openat2,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,rmdir," +
	"link,linkat,symlink,symlinkat,truncate,ftruncate,chmod,fchmodat,socket,connect,bind,sendto,sendmsg,landlock_restrict_self," +
	"stat,lstat,newfstatat,statx,access,faccessat,faccessat2"

var (
	openCall   = regexp.MustCompile(`\bopen(at2?)?\((?:[A-Z_]+, )?"([^"]*)", ([A-Z_|]+)`)
	writeFlags = regexp.MustCompile(`O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND`)
	// Calls that change the file system or the network, by name.
	forbidden = regexp.MustCompile(`\b(creat|rename|renameat2?|unlink|unlinkat|mkdir|mkdirat|rmdir|link|linkat|symlink|symlinkat|truncate|ftruncate|chmod|fchmodat|socket|connect|bind|sendto|sendmsg)\(`)
	execCall  = regexp.MustCompile(`\bexecve\("([^"]*)"`)
	// A file looked for in a folder of $PATH: a program about to be run.
	statCall = regexp.MustCompile(`\b(?:stat|lstat|newfstatat|statx|access|faccessat2?)\((?:AT_FDCWD, )?"([^"]+)"`)
	// A terminal is not a file: the full-screen form reads and draws on it.
	ttyDevice = regexp.MustCompile(`^/dev/(tty|pts/[0-9]+|ptmx)$`)
)

// pathDirs are the folders of $PATH, which the tests hand to the binary:
// htscreen runs no program, so it has nothing to look for there.
func pathDirs() map[string]bool {
	dirs := map[string]bool{}
	for _, d := range filepath.SplitList(os.Getenv("PATH")) {
		if d != "" {
			dirs[filepath.Clean(d)] = true
		}
	}
	return dirs
}

// violations lists the lines of an strace log that break the promise. The
// one program allowed to start is htscreen itself (self): it runs no other,
// and looks none up on $PATH.
func violations(log string) []string {
	onPath := pathDirs()
	var bad []string
	sc := bufio.NewScanner(strings.NewReader(log))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, "resumed>") && !forbidden.MatchString(line) {
			continue
		}
		if m := execCall.FindStringSubmatch(line); m != nil {
			if filepath.Base(m[1]) != "htscreen" {
				bad = append(bad, line)
			}
			continue
		}
		if m := openCall.FindStringSubmatch(line); m != nil {
			if writeFlags.MatchString(m[3]) && !ttyDevice.MatchString(m[2]) {
				bad = append(bad, line)
			}
			continue
		}
		if m := statCall.FindStringSubmatch(line); m != nil {
			if filepath.IsAbs(m[1]) && onPath[filepath.Dir(m[1])] {
				bad = append(bad, line)
			}
			continue
		}
		if forbidden.MatchString(line) {
			bad = append(bad, line)
		}
	}
	return bad
}

func TestViolationsCatchesWrites(t *testing.T) {
	log := `1234  openat(AT_FDCWD, "/proc/self/maps", O_RDONLY|O_CLOEXEC) = 3
1234  openat(AT_FDCWD, "/tmp/result.json", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 4
1234  openat(AT_FDCWD, "/dev/tty", O_RDWR|O_CLOEXEC) = 5
1235  socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 6
1235  connect(6, {sa_family=AF_INET, sin_port=htons(443)}, 16) = -1 EINPROGRESS
1236  mkdirat(AT_FDCWD, "/root/.cache/htscreen", 0755) = 0
1236  unlinkat(AT_FDCWD, "/tmp/x", 0) = 0
1236  renameat2(AT_FDCWD, "a", AT_FDCWD, "b", 0) = 0
1237  openat(AT_FDCWD, "/home/u/notes.log", O_RDWR|O_APPEND) = 7
1238  execve("/usr/bin/tmux", ["tmux", "info"], 0xc000 /* 40 vars */) = 0
`
	var onPath string
	for d := range pathDirs() {
		onPath = filepath.Join(d, "xclip")
	}
	require.NotEmpty(t, onPath, "the test needs a $PATH")
	log += `1239  newfstatat(AT_FDCWD, "` + onPath + `", 0xc000, 0) = -1 ENOENT (No such file or directory)
1239  newfstatat(AT_FDCWD, "/proc/self/maps", {st_mode=S_IFREG|0444, st_size=0, ...}, 0) = 0
1239  newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=33519, ...}, AT_EMPTY_PATH) = 0
`
	bad := violations(log)
	require.Len(t, bad, 9)
	assert.Contains(t, bad[0], "/tmp/result.json")
	assert.Contains(t, bad[1], "socket(")
	assert.Contains(t, bad[6], "notes.log")
	assert.Contains(t, bad[7], "tmux")
	assert.Contains(t, bad[8], "xclip", "a program looked up on $PATH")
	assert.Empty(t, violations(`1 execve("/tmp/x/htscreen", ["htscreen", "list"], 0x1 /* 3 vars */) = 0`))
	assert.Empty(t, violations(`1 openat(AT_FDCWD, "/sys/kernel/mm/transparent_hugepage/hpage_pmd_size", O_RDONLY) = 3`))
}

// noViolations fails with the first few offending lines and their number.
func noViolations(t *testing.T, bad []string, msg string) {
	t.Helper()
	if len(bad) > 0 {
		t.Errorf("%s: %d offending system calls, the first:\n%s", msg, len(bad), strings.Join(bad[:min(len(bad), 8)], "\n"))
	}
}

// straced runs the binary under strace and returns its result and the
// trace's violations.
func straced(t *testing.T, stdin string, args ...string) (result, []string) {
	r, bad, _ := stracedLog(t, stdin, args...)
	return r, bad
}

func stracedLog(t *testing.T, stdin string, args ...string) (result, []string, string) {
	t.Helper()
	strace := requireStrace(t)
	log := filepath.Join(t.TempDir(), "trace")
	cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=" + traced, "-o", log, binary}, args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "TERM=dumb", "HOME=" + t.TempDir()}
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	trace, err := os.ReadFile(log)
	require.NoError(t, err)
	require.Contains(t, string(trace), "openat(", "the trace must see the binary's opens, or the test proves nothing")
	return result{code, out.String(), errOut.String()}, violations(string(trace)), string(trace)
}

// Commands that handle data run sandboxed where Landlock exists; --version
// and --help, which touch none, start without it.
func TestCommandsRunSandboxed(t *testing.T) {
	if sandbox.Available() < 1 {
		t.Skip("no Landlock on this kernel")
	}
	for _, args := range [][]string{{"list"}, {"validate"}, {"screen", "--answers", "-"}, {"resources"}, {"card"}} {
		_, _, trace := stracedLog(t, "m_documents: now\n", args...)
		assert.Contains(t, trace, "landlock_restrict_self(", "%v runs sandboxed", args)
	}
	_, _, trace := stracedLog(t, "", "--version")
	assert.NotContains(t, trace, "landlock_restrict_self(")
}

func requireStrace(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("strace")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("strace is required in CI (.ci/run installs it)")
		}
		t.Skip("strace is not installed")
	}
	if out, err := exec.Command(p, "-qq", "-e", "trace=none", "true").CombinedOutput(); err != nil {
		t.Skipf("strace cannot trace here: %v %s", err, out)
	}
	return p
}

func TestNoWritesNoSockets(t *testing.T) {
	answers := writeYAML(t, map[string][]string{"danger_now": {"no"}, "works_for_someone": {"now"}, "m_documents": {"now"}, "m_documents_for": {"work"}})
	piped, _ := typed(t, map[string][]string{"works_for_someone": {"now"}, "m_documents": {"now"}, "m_documents_for": {"work"}}, "labor")
	broken := filepath.Join("..", "..", "screening", "questionnaire", "testdata", "broken", "unknown_key")
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
	}{
		{"plain screening, piped", piped, []string{"screen", "labor", "--role", "shelter", "--output", "json"}, 0},
		{"plain screening, accessible", piped, []string{"screen", "labor", "--accessible", "--role", "police"}, 0},
		{"answers file", "", []string{"screen", "--answers", answers, "--output", "markdown"}, 0},
		{"answers on stdin", "m_documents: now\n", []string{"screen", "--answers", "-", "--lang", "es"}, 0},
		{"end of input", "2\n2\n", []string{"screen", "labor"}, 130},
		{"the person's language", piped, []string{"screen", "triage", "--role", "police", "--person-lang", "ar"}, 0},
		{"quit", "q\n", []string{"screen"}, 130},
		{"validate", "", []string{"validate", "--require-lang", "es,ar,zh-Hant"}, 0},
		{"show for paper, person language", "", []string{"show", "triage", "--lang", "ur", "--output", "markdown"}, 0},
		{"validate broken", "", []string{"validate", broken}, 1},
		{"list", "", []string{"list"}, 0},
		{"list module json", "", []string{"list", "sex", "--output", "json"}, 0},
		{"resources", "", []string{"resources", "--output", "json"}, 0},
		{"help card", "", []string{"card", "--lang", "es", "--output", "markdown"}, 0},
		{"help card, Chinese", "", []string{"card", "--lang", "zh-Hans"}, 0},
		{"version", "", []string{"--version"}, 0},
		{"help", "", []string{"screen", "--help"}, 0},
		{"bad flag value", "", []string{"screen", "--output", "xml"}, 2},
		{"bad answers file", "", []string{"screen", "--answers", "/nonexistent/answers.yaml"}, 1},
		{"missing folder", "", []string{"list", "--questionnaires", "/nonexistent/set"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, bad := straced(t, tt.stdin, tt.args...)
			assert.Equal(t, tt.code, r.code, r.errOut)
			noViolations(t, bad, "htscreen must not write, create, remove or rename files, nor open sockets")
		})
	}
}

// Every command as a user inside tmux runs it: $TMUX set and stdout the
// terminal. The libraries' package initialisers ran "tmux info" for their
// colour detection then (it talks to the tmux server and hands it the
// environment) and looked up xclip, xsel and others on $PATH for a
// clipboard, before main and before the sandbox.
func TestNoProgramsInTmux(t *testing.T) {
	strace := requireStrace(t)
	answers := writeYAML(t, map[string][]string{"danger_now": {"no"}, "works_for_someone": {"now"}, "m_documents": {"now"}, "m_documents_for": {"work"}})
	for _, args := range [][]string{
		{"--version"}, {"--help"}, {"list"}, {"validate"}, {"resources"}, {"scenarios"},
		{"explain", "labor_documents"}, {"show", "labor"}, {"train", "caregiver", "--reveal"},
		{"screen", "--answers", answers, "--role", "police"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			log := filepath.Join(t.TempDir(), "trace")
			p := startPaneWith(t, paneOpts{stdoutTTY: true}, strace, append([]string{"-f", "-qq", "-e", "trace=" + traced, "-o", log, binary}, args...)...)
			require.Equal(t, 0, p.exited(), p.screen())
			require.NotEmpty(t, p.file("tmux_env"), "$TMUX is set, as in any tmux pane")
			require.Equal(t, "yes", p.file("stdout_tty"), "stdout is the terminal")
			trace, err := os.ReadFile(log)
			require.NoError(t, err)
			require.Contains(t, string(trace), "openat(")
			noViolations(t, violations(string(trace)), "no program run or looked up, no socket")
		})
	}
}

// The full-screen form under strace, in tmux with stdout the terminal too:
// it reads and draws on the terminal, and still writes no file, opens no
// socket and runs no program.
func TestNoWritesNoSocketsFullScreen(t *testing.T) {
	strace := requireStrace(t)
	asked, _ := path(t, "labor")
	log := filepath.Join(t.TempDir(), "trace")
	p := startPaneWith(t, paneOpts{stdoutTTY: true}, strace, "-f", "-qq", "-e", "trace="+traced, "-o", log, binary, "screen", "labor", "--full", "--role", "police", "--region", "nyc")
	p.begin()
	for _, qu := range asked {
		p.waitFor(snippet(qu))
		p.second(qu)
	}
	p.waitFor("q: close")
	p.keys("q")
	require.Equal(t, 0, p.exited())
	trace, err := os.ReadFile(log)
	require.NoError(t, err)
	assert.Contains(t, string(trace), "openat(")
	noViolations(t, violations(string(trace)), "the full screen writes nothing, runs nothing")
}
