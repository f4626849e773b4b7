package terminal_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/cmd/htscreen/internal/terminal"
	"github.com/htscreen/htscreen/screening/interview"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

func testSet(t *testing.T) *q.Set {
	t.Helper()
	set, err := q.Load(os.DirFS("../../../../screening/testdata/set"), q.Options{})
	require.NoError(t, err)
	return set
}

func run(t *testing.T, input string, modules ...string) (q.Answers, string, error) {
	t.Helper()
	var out bytes.Buffer
	p := terminal.NewPlain(strings.NewReader(input), &out, "en")
	in, err := interview.Run(&interview.Plan{Set: testSet(t), Modules: modules}, p)
	return in.Answers, out.String(), err
}

// start answers the triage: no danger, adult, works now, no exchange, nothing
// seen.
const start = "2\n2\n1\n3\n3\n"

func TestPlainAnswersAndSkipLogic(t *testing.T) {
	// m_threat=Not sure, m_papers=No, can_leave=No, conditions=1 and 2,
	// debt=No: debt_work must not be asked.
	answers, out, err := run(t, start+"4\n3\n2\n1 2\n2\n")
	require.NoError(t, err)
	assert.Equal(t, q.Answers{
		"danger": {"no"}, "age": {"adult"}, "works": {"now"}, "exchange": {"no"}, "seen": {"none"},
		"m_threat": {"not_sure"}, "m_papers": {"no"}, "can_leave": {"no"}, "conditions": {"long_hours", "no_pay"}, "debt": {"no"},
	}, answers)
	assert.NotContains(t, out, "Work off debt?")
	assert.Contains(t, out, "Labor: question 1 (at most 3 more in this part).")
	assert.Contains(t, out, "Ask the person: Leave?")
	assert.Contains(t, out, "Your observation: What do you see?")
	assert.Contains(t, out, "1. Yes, now\n  2. Yes, in the past (not now)\n  3. No")
	assert.NotContains(t, out, "\x1b", "no colour or cursor codes")
}

func TestPlainScreenerHasNoPreferNotToSay(t *testing.T) {
	_, out, err := run(t, "2\n2\n1\n", "labor")
	require.ErrorIs(t, err, terminal.ErrAborted)
	i := strings.Index(out, "Your observation: What do you see?")
	require.Positive(t, i)
	block := out[i:]
	block = block[:strings.Index(block, "Type ")]
	assert.Contains(t, block, "4. Not sure")
	assert.NotContains(t, block, "Prefer not to say")
}

func TestPlainReasksInvalidInput(t *testing.T) {
	answers, out, err := run(t, "7\nyes\n\n1 2\n2\n2\n3\n3\n3\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"no"}, answers["danger"])
	assert.Equal(t, 4, strings.Count(out, `is not one of the answers. The answers are: 1 Yes, 2 No, 3 Not sure, 4 Prefer not to say.`))
}

func TestPlainMultipleRejectsNotSureWithOthers(t *testing.T) {
	answers, out, err := run(t, "2\n2\n1\n3\n1 4\n1 3\n4\n3\n3\n2\n4\n2\n")
	require.NoError(t, err)
	assert.Contains(t, out, `"1 4" must be the only answer when it is chosen.`)
	assert.Contains(t, out, `"1 3": "None of these" cannot be combined with other answers.`)
	assert.Equal(t, []string{"not_sure"}, answers["seen"])
	assert.Equal(t, []string{"not_sure"}, answers["conditions"])
}

// At a settled result Enter stops; at an urgent step it goes on, once the
// step has been shown.
func TestPlainDecisions(t *testing.T) {
	// Threats and papers tied to work: labor is refer, nothing can change.
	_, out, err := run(t, start+"1\n1\n1\n1\n\n")
	require.NoError(t, err)
	assert.Contains(t, out, "The result is settled")
	assert.Contains(t, out, "4 more questions would only add detail")

	var buf bytes.Buffer
	p := terminal.NewPlain(strings.NewReader("1\n\n2\n3\n3\n3\n"), &buf, "en")
	p.Urgent = func(interview.Step) string { return "CALL FOR HELP" }
	in, err := interview.Run(&interview.Plan{Set: testSet(t)}, p)
	require.NoError(t, err)
	assert.Contains(t, buf.String(), "ACT FIRST")
	assert.Contains(t, buf.String(), "CALL FOR HELP")
	assert.Less(t, strings.Index(buf.String(), "CALL FOR HELP"), strings.Index(buf.String(), "Age?"), "before the next question")
	assert.Equal(t, 5, in.Asked)

	buf.Reset()
	p = terminal.NewPlain(strings.NewReader("1\ns\n"), &buf, "en")
	in, err = interview.Run(&interview.Plan{Set: testSet(t)}, p)
	require.NoError(t, err)
	assert.Equal(t, 1, in.Asked, "s stops at the urgent step")
}

func TestPlainEndOfInputAborts(t *testing.T) {
	for _, input := range []string{"", "2\n", "2\n2\n1\n7\n", start + "1\n1\n1\n1\n"} {
		_, _, err := run(t, input)
		var ab *terminal.AbortError
		require.ErrorAs(t, err, &ab, "input %q", input)
		assert.ErrorIs(t, err, terminal.ErrAborted)
		assert.Contains(t, ab.Reason, "input ended before the screening was complete")
	}
}

func TestPlainQuit(t *testing.T) {
	for _, input := range []string{"q\n", "2\nQ\n", "2\n quit \n"} {
		_, _, err := run(t, input)
		require.ErrorIs(t, err, terminal.ErrAborted, "input %q", input)
		assert.Contains(t, err.Error(), "Screening stopped")
	}
}

// A reader that returns one byte at a time must give the same answers as
// one that returns everything at once: the runner keeps one buffered reader
// for the whole screening instead of one per prompt.
func TestPlainReadsPipedInputWhole(t *testing.T) {
	input := start + "4\n3\n2\n1 2\n2\n"
	var out bytes.Buffer
	p := terminal.NewPlain(iotest.OneByteReader(strings.NewReader(input)), &out, "en")
	in, err := interview.Run(&interview.Plan{Set: testSet(t)}, p)
	require.NoError(t, err)
	want, _, err := run(t, input)
	require.NoError(t, err)
	assert.Equal(t, want, in.Answers)
}

// A line longer than a terminal can send is the wrong input: an error that
// names the line, not an abort and not "token too long".
func TestPlainLongLine(t *testing.T) {
	_, _, err := run(t, "2\n"+strings.Repeat("1", 70000)+"\n")
	require.Error(t, err)
	assert.NotErrorIs(t, err, terminal.ErrAborted)
	assert.EqualError(t, err, "line 2 of the input is longer than 4096 bytes; an answer is a number such as 2, or several such as 1 3: check that the right file is piped in")
}

// A cancelled context (a signal) stops a prompt that waits for input.
func TestPlainStopsWhenCancelled(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	p := terminal.NewPlain(r, &out, "en").WithContext(ctx)
	done := make(chan error, 1)
	go func() {
		_, err := interview.Run(&interview.Plan{Set: testSet(t)}, p)
		done <- err
	}()
	_, err := w.Write([]byte("2\n"))
	require.NoError(t, err)
	cancel()
	err = <-done
	require.ErrorIs(t, err, terminal.ErrAborted)
	assert.EqualError(t, err, "Screening stopped. Nothing was saved and no result is shown.")
}

func TestPlainSpanish(t *testing.T) {
	var out bytes.Buffer
	p := terminal.NewPlain(strings.NewReader("q\n"), &out, "es")
	_, err := interview.Run(&interview.Plan{Set: testSet(t)}, p)
	require.True(t, errors.Is(err, terminal.ErrAborted))
	assert.Contains(t, out.String(), "Pregunte a la persona")
	assert.Contains(t, out.String(), "1. Sí")
}
