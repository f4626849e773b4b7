// Package form holds the runners that put questions to a screener.
//
// Plain is the line-by-line runner: one question per prompt, numbered
// answers, no colour and no cursor movement, so that it works with a screen
// reader, over a dumb terminal and with piped input. It is the project's own
// rather than huh's accessible mode, which asks questions that skip logic
// hides, loses piped answers and completes a form with defaults at end of
// input (research/software-anchors.md 1.3).
package terminal

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/htscreen/htscreen/screening/interview"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// ErrAborted means the user stopped the screening, or its input ended before
// every question was answered. No result may be shown after it.
var ErrAborted = errors.New("screening aborted")

// AbortError says how a screening was stopped.
type AbortError struct{ Reason string }

func (e *AbortError) Error() string { return e.Reason }
func (e *AbortError) Unwrap() error { return ErrAborted }

// MaxLine bounds one line of input. A terminal's line editor holds 4095
// bytes, so only a file or a pipe can send more: the wrong input, which is
// an error (exit 1), not a question to ask again.
const MaxLine = 4096

// Plain asks questions on a text stream.
type Plain struct {
	in   *bufio.Scanner
	out  io.Writer
	lang string
	// personLang is the language the person reads, when it is not lang.
	personLang string
	// Urgent renders what to do first when an urgent red flag is raised.
	Urgent func(interview.Step) string
	// line counts the lines read, for the error about a long one.
	line int
	ctx  context.Context
	// want and got hand lines over from the reading goroutine, when ctx
	// can be cancelled: a read blocks, a signal must not wait for it.
	want chan struct{}
	got  chan readResult
}

type readResult struct {
	text string
	ok   bool
	err  error
}

// NewPlain reads answers from in and writes prompts to out (stderr in the
// CLI, so that stdout carries only the result).
func NewPlain(in io.Reader, out io.Writer, lang string) *Plain {
	s := bufio.NewScanner(in)
	s.Buffer(make([]byte, 0, 256), MaxLine)
	return &Plain{in: s, out: out, lang: lang}
}

// WithContext stops the questions when ctx is cancelled (by a signal), even
// while a prompt waits for its answer: the answer is then an AbortError.
func (p *Plain) WithContext(ctx context.Context) *Plain {
	p.ctx = ctx
	return p
}

// WithPersonLang puts the questions asked of the person in lang too, above
// the screener's wording, and their answers in both ("Sí / Yes").
func (p *Plain) WithPersonLang(lang string) *Plain {
	p.personLang = lang
	return p
}

// readLine returns the next line; ok is false at the end of the input.
func (p *Plain) readLine() (text string, ok bool, err error) {
	if p.ctx == nil || p.ctx.Done() == nil {
		return p.scan()
	}
	if p.want == nil {
		// One line is read per request, so that nothing past the last
		// answer is consumed.
		p.want, p.got = make(chan struct{}), make(chan readResult, 1)
		go func() {
			for range p.want {
				t, ok, err := p.scan()
				p.got <- readResult{t, ok, err}
			}
		}()
	}
	select {
	case p.want <- struct{}{}:
	case <-p.ctx.Done():
		return "", false, &AbortError{Reason: locale.T(p.lang, "aborted")}
	}
	select {
	case r := <-p.got:
		return r.text, r.ok, r.err
	case <-p.ctx.Done():
		return "", false, &AbortError{Reason: locale.T(p.lang, "aborted")}
	}
}

func (p *Plain) scan() (string, bool, error) {
	if p.in.Scan() {
		p.line++
		return p.in.Text(), true, nil
	}
	switch err := p.in.Err(); {
	case errors.Is(err, bufio.ErrTooLong):
		return "", false, fmt.Errorf("line %d of the input is longer than %d bytes; an answer is a number such as 2, or several such as 1 3: check that the right file is piped in", p.line+1, MaxLine)
	case err != nil:
		return "", false, &AbortError{Reason: fmt.Sprintf("reading the answer: %v", err)}
	}
	return "", false, nil
}

// Ask puts one step to the user until it gets a valid answer.
func (p *Plain) Ask(step interview.Step) ([]string, error) {
	qu := step.Question
	if step.First {
		title := step.Section.Title.In(p.lang)
		fmt.Fprintf(p.out, "\n%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
		if intro := step.Section.Intro.In(p.lang); intro != "" {
			fmt.Fprintf(p.out, "%s\n", intro)
		}
	}
	fmt.Fprintf(p.out, "\n%s\n", Progress(p.lang, step))
	langs := Languages{Screener: p.lang, Person: p.personLang}
	first, second := langs.question(qu)
	fmt.Fprintln(p.out, first)
	if second != "" {
		fmt.Fprintf(p.out, "  %s\n", second)
	}
	if h := qu.Hint.In(p.lang); h != "" {
		fmt.Fprintln(p.out, locale.T(p.lang, "hint", h))
	}
	ids := qu.AnswerIDs()
	labels := make([]string, len(ids))
	for i, id := range ids {
		labels[i] = langs.answer(qu, id)
		fmt.Fprintf(p.out, "  %d. %s\n", i+1, labels[i])
	}
	prompt := "prompt_one"
	if qu.Type == q.Multiple {
		prompt = "prompt_many"
	}
	for {
		fmt.Fprintln(p.out, locale.T(p.lang, prompt, len(ids)))
		text, ok, err := p.readLine()
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, &AbortError{Reason: locale.T(p.lang, "input_ended")}
		}
		line := strings.TrimSpace(text)
		if strings.EqualFold(line, "q") || strings.EqualFold(line, "quit") {
			return nil, &AbortError{Reason: locale.T(p.lang, "aborted")}
		}
		a, msg := parseChoice(line, ids, qu.Type == q.Multiple)
		if msg == "" && len(a) > 1 && qu.ExclusiveChoice(a) != "" {
			msg = "exclusive"
		}
		if msg == "" {
			return a, nil
		}
		var valid []string
		for i, l := range labels {
			valid = append(valid, fmt.Sprintf("%d %s", i+1, l))
		}
		if msg == "alone" {
			fmt.Fprintln(p.out, locale.T(p.lang, "invalid_alone", line))
		} else if msg == "exclusive" {
			fmt.Fprintln(p.out, locale.T(p.lang, "invalid_exclusive", line, qu.AnswerText(qu.ExclusiveChoice(a), p.lang)))
		} else {
			fmt.Fprintln(p.out, locale.T(p.lang, "invalid", line, strings.Join(valid, ", ")))
		}
	}
}

// Progress is the line above a question: where it stands in its part, and
// the most questions that can follow, a number that never grows.
func Progress(lang string, step interview.Step) string {
	title := step.Section.Title.In(lang)
	if step.AtMost == 0 {
		return locale.T(lang, "progress_last", title, step.Number)
	}
	return locale.T(lang, "progress", title, step.Number, step.AtMost)
}

// Decide asks, at an urgent step or a settled result, whether to go on.
// Enter takes the default: go on after an urgent step (once it is safe),
// stop at a settled result.
func (p *Plain) Decide(step interview.Step) (bool, error) {
	var other string
	var goOnByDefault bool
	switch step.Kind {
	case interview.Urgent:
		fmt.Fprintf(p.out, "\n%s\n", locale.T(p.lang, "urgent_title"))
		if p.Urgent != nil {
			fmt.Fprintln(p.out, p.Urgent(step))
		}
		fmt.Fprintln(p.out, locale.T(p.lang, "urgent_prompt"))
		other, goOnByDefault = "s", true
	default:
		fmt.Fprintf(p.out, "\n%s\n%s\n", locale.T(p.lang, "settled_title"), locale.N(p.lang, "settled_msg", step.Open))
		fmt.Fprintln(p.out, locale.T(p.lang, "settled_prompt"))
		other, goOnByDefault = "c", false
	}
	for {
		text, ok, err := p.readLine()
		if err != nil {
			return false, err
		}
		if !ok {
			return false, &AbortError{Reason: locale.T(p.lang, "input_ended")}
		}
		switch line := strings.TrimSpace(text); {
		case line == "":
			return goOnByDefault, nil
		case strings.EqualFold(line, "q") || strings.EqualFold(line, "quit"):
			return false, &AbortError{Reason: locale.T(p.lang, "aborted")}
		case strings.EqualFold(line, other):
			return !goOnByDefault, nil
		default:
			fmt.Fprintln(p.out, locale.T(p.lang, "decide_invalid", line, other))
		}
	}
}

// parseChoice turns "2" or "1 3" into answer ids; msg is non-empty when the
// line is not a valid answer.
func parseChoice(line string, ids []string, multiple bool) (answer []string, msg string) {
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	if len(fields) == 0 || (!multiple && len(fields) > 1) {
		return nil, "invalid"
	}
	seen := map[int]bool{}
	for _, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > len(ids) {
			return nil, "invalid"
		}
		if !seen[n] {
			seen[n] = true
			answer = append(answer, ids[n-1])
		}
	}
	if len(answer) > 1 {
		for _, a := range answer {
			if a == q.NotSure || a == q.PreferNotToSay {
				return nil, "alone"
			}
		}
	}
	return answer, ""
}

// Choose asks the user to pick one of ids, shown through the locale keys
// prefix+id. It is used before the questions, for the user's role.
func (p *Plain) Choose(prompt string, ids []string, prefix string) (string, error) {
	fmt.Fprintf(p.out, "\n%s\n", prompt)
	for i, id := range ids {
		fmt.Fprintf(p.out, "  %d. %s\n", i+1, locale.T(p.lang, prefix+id))
	}
	for {
		fmt.Fprintln(p.out, locale.T(p.lang, "prompt_one", len(ids)))
		text, ok, err := p.readLine()
		if err != nil {
			return "", err
		}
		if !ok {
			return "", &AbortError{Reason: locale.T(p.lang, "input_ended")}
		}
		line := strings.TrimSpace(text)
		if strings.EqualFold(line, "q") || strings.EqualFold(line, "quit") {
			return "", &AbortError{Reason: locale.T(p.lang, "aborted")}
		}
		if a, msg := parseChoice(line, ids, false); msg == "" {
			return a[0], nil
		}
		fmt.Fprintln(p.out, locale.T(p.lang, "invalid", line, fmt.Sprintf("1-%d", len(ids))))
	}
}
