package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/cmd/htscreen/internal/envguard"
	"github.com/htscreen/htscreen/questionnaires"
	"github.com/htscreen/htscreen/screening/interview"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// These tests build the real binary and run it as a user would: exit codes,
// streams and piped input are properties of the process, not of functions.

var binary, socketDir string

func TestMain(m *testing.M) {
	// The test binary links package main, and with it envguard, which
	// hides $PATH and $TERM from package initialisers; the tests run go,
	// tmux and strace.
	os.Setenv("PATH", envguard.Original("PATH"))
	if term := envguard.Original("TERM"); term != "" {
		os.Setenv("TERM", term)
	}
	dir, err := os.MkdirTemp("", "htscreen-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "htscreen")
	// The panes' tmux sockets live here, not in tmux's shared folder; a
	// short path, as a socket's path is limited to about 100 bytes.
	if socketDir, err = os.MkdirTemp("", "htscreen-tmux"); err != nil {
		panic(err)
	}
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building htscreen: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	left := leftSockets()
	os.RemoveAll(socketDir)
	if len(left) > 0 {
		fmt.Fprintf(os.Stderr, "the tests left tmux sockets behind: %s\n", strings.Join(left, ", "))
		code = 1
	}
	os.Exit(code)
}

// leftSockets lists the tmux sockets this test process made and did not
// remove: in tmux's own socket folder (named htscreen-test-PID-*) or in the
// folder the panes use.
func leftSockets() []string {
	tmp := os.Getenv("TMUX_TMPDIR")
	if tmp == "" {
		tmp = os.TempDir()
	}
	left, _ := filepath.Glob(filepath.Join(tmp, fmt.Sprintf("tmux-%d", os.Getuid()), fmt.Sprintf("htscreen-test-%d-*", os.Getpid())))
	ours, _ := filepath.Glob(filepath.Join(socketDir, "*"))
	return append(left, ours...)
}

type result struct {
	code        int
	out, errOut string
}

func runBinary(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return run(t, exec.Command(binary, args...), stdin)
}

// run runs cmd with stdin and a bare environment (no terminal, no
// colour) and returns its exit code and both streams.
func run(t *testing.T, cmd *exec.Cmd, stdin string) result {
	t.Helper()
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "TERM=dumb"}
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	return result{code, out.String(), errOut.String()}
}

// typed turns answers into the lines a person would type at the plain
// prompts, by walking the same interview the binary will walk. A question
// the answers leave out is answered "not sure", as a careful screener would.
func typed(t *testing.T, a q.Answers, modules ...string) (string, q.Answers) {
	t.Helper()
	set, err := q.Load(questionnaires.FS(), q.Options{})
	require.NoError(t, err)
	var lines []string
	full := q.Answers{}
	_, err = interview.Run(&interview.Plan{Set: set, Modules: modules}, typer{func(s interview.Step) []string {
		ans := a[s.Question.ID]
		if ans == nil {
			ans = []string{q.NotSure}
		}
		var nums []string
		for _, v := range ans {
			nums = append(nums, fmt.Sprint(slices.Index(s.Question.AnswerIDs(), v)+1))
		}
		lines = append(lines, strings.Join(nums, " "))
		full[s.Question.ID] = ans
		return ans
	}, &lines})
	require.NoError(t, err)
	return strings.Join(lines, "\n") + "\n", full
}

// typer answers with a function and takes the default (Enter) at every
// urgent step and settled result, recording the empty line typed.
type typer struct {
	answer func(interview.Step) []string
	lines  *[]string
}

func (t typer) Ask(s interview.Step) ([]string, error) { return t.answer(s), nil }

func (t typer) Decide(s interview.Step) (bool, error) {
	*t.lines = append(*t.lines, "")
	return s.Kind == interview.Urgent, nil
}

func writeYAML(t *testing.T, a q.Answers) string {
	t.Helper()
	var b strings.Builder
	for id, v := range a {
		fmt.Fprintf(&b, "%s: [%s]\n", id, strings.Join(v, ", "))
	}
	p := filepath.Join(t.TempDir(), "answers.yaml")
	require.NoError(t, os.WriteFile(p, []byte(b.String()), 0o600))
	return p
}

type jsonResult struct {
	RedFlags []string `json:"red_flags"`
	Forms    map[string]struct {
		Level      string `json:"level"`
		Screened   bool   `json:"screened"`
		Incomplete bool   `json:"incomplete"`
		Indicators []struct {
			ID string `json:"id"`
		} `json:"indicators"`
	} `json:"forms"`
	QuestionsAsked int `json:"questions_asked"`
}

func TestPipedAnswersMatchAnswersFile(t *testing.T) {
	tests := []struct {
		name    string
		modules []string
		answers q.Answers
		labor   string
		flags   []string
	}{
		{
			name:    "confined domestic worker",
			modules: []string{"labor"},
			answers: q.Answers{
				"obs_urgent_injury": {"no"}, "danger_now": {"no"}, "age_band": {"adult"}, "obs_signs": {"none"},
				"works_for_someone": {"now"}, "m_kept_in": {"now"}, "m_kept_in_for": {"work"},
				"m_documents": {"now"}, "m_documents_for": {"work"}, "m_harm": {"now"}, "m_harm_for": {"work"},
				"labor_hours": {"over_80"}, "labor_rest_day": {"no"}, "labor_sleeping": {"yes"},
			},
			labor: "refer",
		},
		{
			name:    "wage dispute without coercion",
			modules: []string{"labor"},
			answers: q.Answers{
				"obs_urgent_injury": {"no"}, "danger_now": {"no"}, "age_band": {"adult"}, "obs_signs": {"none"},
				"works_for_someone": {"now"}, "m_cannot_stop": {"no"}, "m_harm": {"no"}, "m_documents": {"no"},
				"m_kept_in": {"no"}, "m_debt": {"no"}, "m_deceived": {"no"},
				"labor_rest_day": {"yes"}, "labor_hours": {"up_to_60"}, "labor_pay": {"paid_part"}, "labor_sleeping": {"no"},
			},
			labor: "none",
		},
		{
			name: "triage routes, emergency first",
			answers: q.Answers{
				"danger_now": {"yes"}, "age_band": {"adult"}, "works_for_someone": {"now"},
				"m_debt": {"now"}, "m_debt_for": {"work"}, "m_harm": {"now"}, "m_harm_for": {"work"},
			},
			labor: "refer",
			flags: []string{"emergency"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input, full := typed(t, tt.answers, tt.modules...)
			args := append([]string{"screen", "--role", "shelter"}, tt.modules...)
			piped := runBinary(t, input, append(args, "--accessible", "--output", "json")...)
			require.Equal(t, 0, piped.code, piped.errOut)
			fromFile := runBinary(t, "", append(args, "--answers", writeYAML(t, full), "--output", "json")...)
			require.Equal(t, 0, fromFile.code, fromFile.errOut)
			assert.JSONEq(t, piped.out, fromFile.out, "the same answers must give the same result")

			var res jsonResult
			require.NoError(t, json.Unmarshal([]byte(piped.out), &res))
			assert.Equal(t, tt.labor, res.Forms["labor"].Level)
			assert.True(t, res.Forms["labor"].Screened)
			assert.Equal(t, append([]string{}, tt.flags...), res.RedFlags)
			assert.Len(t, res.Forms, 4)
			answered := 0
			for _, line := range strings.Split(strings.TrimSuffix(input, "\n"), "\n") {
				if line != "" { // an empty line takes the default at a settled result
					answered++
				}
			}
			assert.Equal(t, answered, res.QuestionsAsked)

			// Stdin from a file (not a terminal) picks the plain runner
			// without --accessible, too.
			auto := runBinary(t, input, append(args, "--output", "json")...)
			require.Equal(t, 0, auto.code, auto.errOut)
			assert.JSONEq(t, piped.out, auto.out)
		})
	}
}

func TestBinaryAbortsWithoutResult(t *testing.T) {
	input, _ := typed(t, q.Answers{}, "labor")
	lines := strings.Split(strings.TrimSpace(input), "\n")
	for _, stdin := range []string{"", strings.Join(lines[:len(lines)/2], "\n") + "\n", "1\nq\n"} {
		r := runBinary(t, stdin, "screen", "labor", "--role", "police", "--output", "json")
		assert.Equal(t, 130, r.code)
		assert.Empty(t, r.out, "no result may be printed after an abort")
		assert.Contains(t, r.errOut, "no result is shown")
	}
}

func TestBinaryExitCodes(t *testing.T) {
	assert.Equal(t, 0, runBinary(t, "", "--version").code)
	assert.Equal(t, 0, runBinary(t, "", "validate", "--require-lang", "es").code)
	r := runBinary(t, "", "validate", filepath.Join("..", "..", "screening", "questionnaire", "testdata", "broken", "unknown_key"))
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.errOut, "labor.yaml:16:5:")
	assert.Equal(t, 2, runBinary(t, "", "screen", "--output", "yaml").code)
	assert.Equal(t, 2, runBinary(t, "", "frobnicate").code)
}
