package terminal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/htscreen/htscreen/screening/interview"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// Minimum terminal size for the full-screen form. Below it the form says so
// instead of drawing a broken screen.
const (
	MinWidth  = 40
	MinHeight = 12
)

// FullScreen runs a screening on the alternate screen with huh, one question
// per page, the screener's hint beneath it and a progress line above. It
// asks the same questions in the same order as the plain runner, because
// both follow interview.Next; only the drawing differs.
//
// Esc or Ctrl+C leaves at once from any screen: the alternate screen is
// closed, so nothing of the screening stays in the terminal or its
// scrollback, and nothing is printed.
type FullScreen struct {
	// Plan is the screening to run; its Watch is filled from Watch once the
	// role and region are known.
	Plan *interview.Plan
	Lang string
	// PersonLang is the language the person reads, when it is not Lang:
	// their questions and answers are shown in it, Lang beneath, and the
	// first screen carries a card for them (Languages). TranslationNote
	// tells the screener, there, that the person's text is a draft.
	PersonLang, TranslationNote string
	// Watch returns the guidance conditions for a role and region, and
	// Urgent what to do first when an urgent red flag is raised.
	Watch  func(role, region string) []*q.Condition
	Urgent func(step interview.Step, role, region string) string
	// Role and Region are asked on the first screen when empty.
	Role, Region string
	Roles        []string
	Regions      []string
	In           io.Reader
	Out          io.Writer
	// Preface, when set, is shown on the first screen above the checklist:
	// a training scenario's persona.
	PrefaceTitle, Preface string
	// Result renders the result for the closing view.
	Result func(in rules.Input, role, region string) (string, error)
}

// Outcome is what a completed full-screen screening returns.
type Outcome struct {
	Input        rules.Input
	Role, Region string
}

// Run shows the screening and returns its answers once the user has read the
// result and closed it. Any other ending (Esc, Ctrl+C, ctx cancelled) is an
// AbortError and nothing may be shown.
//
// Signals end the program through ctx, which the caller cancels on SIGTERM,
// SIGHUP, SIGINT and SIGQUIT (cli.SignalContext): Bubble Tea then restores
// the terminal. Its own handler is off: it turns SIGTERM into a quit that
// can race with the context and hang, and it ignores SIGHUP, which would
// otherwise kill the process with the terminal still raw.
func (fs *FullScreen) Run(ctx context.Context) (*Outcome, error) {
	m := &model{fs: fs, answers: q.Answers{}, recall: q.Answers{}, role: fs.Role, region: fs.Region, width: 80, height: 24}
	env := withoutTMUX(os.Environ())
	// The colour profile comes from TERM, COLORTERM and NO_COLOR alone:
	// Bubble Tea's own detection would read the terminfo database and, in
	// tmux, run "tmux info".
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(fs.In), tea.WithOutput(fs.Out), tea.WithoutSignalHandler(),
		tea.WithEnvironment(env), tea.WithColorProfile(colorprofile.Env(env)))
	final, err := p.Run()
	if ctx.Err() != nil || errors.Is(err, tea.ErrProgramKilled) {
		return nil, &AbortError{Reason: locale.T(fs.Lang, "aborted")}
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return nil, fmt.Errorf("full-screen form: %w", err)
	}
	fm, _ := final.(*model)
	// A program can end without the user finishing (a signal bubbletea
	// turns into a quit): only a screening read to its end counts.
	if fm == nil || fm.aborted || !fm.closed || fm.err != nil {
		if fm != nil && fm.err != nil {
			return nil, fm.err
		}
		return nil, &AbortError{Reason: locale.T(fs.Lang, "aborted")}
	}
	return &Outcome{Input: fm.input, Role: fm.role, Region: fm.region}, nil
}

// withoutTMUX hides $TMUX from Bubble Tea: with it set, the colour
// detection runs the program "tmux info", and htscreen runs no other program
// (a "tmux" earlier on PATH would be run with the user's environment). The
// colour profile then comes from TERM, which tmux sets.
func withoutTMUX(env []string) []string {
	return slices.DeleteFunc(slices.Clone(env), func(kv string) bool { return strings.HasPrefix(kv, "TMUX=") })
}

type stage int

const (
	stageStart stage = iota
	stageQuestion
	stageDecide
	stageResult
)

type model struct {
	fs           *FullScreen
	stage        stage
	form         *huh.Form
	value        string
	values       []string
	checks       []string
	role, region string
	answers      q.Answers
	history      []string
	// recall keeps the answer of a question the user stepped back over, so
	// that it is preselected when the question returns.
	recall        q.Answers
	step          interview.Step
	flow          interview.Flow
	stop          string
	decision      string
	input         rules.Input
	view          viewport.Model
	resultText    string
	width, height int
	aborted       bool
	closed        bool
	err           error
	// checklist is the first screen's list of conditions.
	checklist huh.Field
	// optionWidth is the width a multiple choice's answers were wrapped to.
	optionWidth int
	// askedStart is true when the first screen asked for the role or the
	// region: Shift+Tab on the first question goes back to it.
	askedStart bool
	// checkTried is set by the first Enter on the first screen.
	checkTried bool
	// persona shows the training persona (key p) in place of the page.
	persona     bool
	personaView viewport.Model
}

func (m *model) t(key string, args ...any) string { return locale.T(m.fs.Lang, key, args...) }

func (m *model) langs() Languages { return Languages{Screener: m.fs.Lang, Person: m.fs.PersonLang} }

func (m *model) Init() tea.Cmd {
	m.form = m.startForm()
	return m.form.Init()
}

// startForm is the first screen: the conditions for asking, and the role and
// region when they were not given as flags.
func (m *model) startForm() *huh.Form {
	checks := []string{"check_alone", "check_interpreter", "check_skip"}
	var opts []huh.Option[string]
	for _, c := range checks {
		opts = append(opts, huh.NewOption(m.optionText(m.t(c)), c))
	}
	// The title, the persona, the introduction and the checklist's own
	// title are drawn by View, which drops what does not fit (and huh's
	// multiple choice sizes itself to its options less its title).
	m.checklist = huh.NewMultiSelect[string]().Options(opts...).Value(&m.checks).
		Validate(func(v []string) error {
			// Confirming a checklist with nothing ticked says nothing:
			// the screener must tick what is true. (huh validates on
			// focus too; the message waits for the first Enter.)
			if len(v) == 0 && m.checkTried {
				return errors.New(m.t("check_none"))
			}
			return nil
		})
	groups := []*huh.Group{huh.NewGroup(m.checklist)}
	return m.newForm(append(groups, m.roleRegionGroups()...)...)
}

// roleRegionGroups ask for the role and the region when the flags did not
// give them.
func (m *model) roleRegionGroups() []*huh.Group {
	var groups []*huh.Group
	if m.fs.Role == "" {
		var ro []huh.Option[string]
		for _, r := range m.fs.Roles {
			ro = append(ro, huh.NewOption(m.t("role_"+r), r))
		}
		groups = append(groups, huh.NewGroup(huh.NewSelect[string]().Title(m.t("role_prompt")).Options(ro...).Value(&m.role)))
	}
	if m.fs.Region == "" {
		var rg []huh.Option[string]
		for _, r := range m.fs.Regions {
			rg = append(rg, huh.NewOption(m.t("region_"+r), r))
		}
		groups = append(groups, huh.NewGroup(huh.NewSelect[string]().Title(m.t("region_prompt")).Options(rg...).Value(&m.region)))
	}
	m.askedStart = len(groups) > 0
	return groups
}

func (m *model) newForm(groups ...*huh.Group) *huh.Form {
	// Filtering a handful of answers only gets in the way; Esc and Ctrl+C
	// are the model's own quick exit, handled before the form sees them.
	km := huh.NewDefaultKeyMap()
	km.Select.Filter.SetEnabled(false)
	km.MultiSelect.Filter.SetEnabled(false)
	// The key help at the foot of the form speaks the screening's language.
	for _, b := range []struct {
		k    *key.Binding
		help string
	}{
		{&km.Select.Up, "k_up"}, {&km.Select.Down, "k_down"}, {&km.Select.Next, "k_select"},
		{&km.Select.Submit, "k_submit"}, {&km.Select.Prev, "k_back"},
		{&km.MultiSelect.Up, "k_up"}, {&km.MultiSelect.Down, "k_down"}, {&km.MultiSelect.Toggle, "k_toggle"},
		{&km.MultiSelect.Next, "k_confirm"}, {&km.MultiSelect.Submit, "k_submit"}, {&km.MultiSelect.Prev, "k_back"},
		{&km.MultiSelect.SelectAll, "k_select_all"}, {&km.MultiSelect.SelectNone, "k_select_none"},
		{&km.Note.Next, "k_next"}, {&km.Note.Submit, "k_submit"}, {&km.Note.Prev, "k_back"},
	} {
		b.k.SetHelp(b.k.Help().Key, m.t(b.help))
	}
	// No fixed width: huh asks for the window size and fits the form to it.
	// The key help is drawn by View, below what the page may drop.
	return huh.NewForm(groups...).
		WithKeyMap(km).
		WithShowHelp(false).
		WithTheme(huh.ThemeFunc(huh.ThemeBase))
}

// questionForm is one question on a page of its own.
func (m *model) questionForm(st interview.Step) *huh.Form {
	qu := st.Question
	// The question and its hint are drawn by View, which fits them to the
	// window; the form holds the answers.
	var opts []huh.Option[string]
	for _, id := range qu.AnswerIDs() {
		text := m.langs().answer(qu, id)
		if qu.Type == q.Multiple {
			text = m.optionText(text)
		}
		opts = append(opts, huh.NewOption(text, id))
	}
	prev := m.answers[qu.ID]
	if prev == nil {
		prev = m.recall[qu.ID]
	}
	if qu.Type == q.Multiple {
		m.values = slices.Clone(prev)
		ms := huh.NewMultiSelect[string]().Options(opts...).Value(&m.values).
			Validate(func(v []string) error {
				if len(v) == 0 {
					return errors.New(m.t("choose_one"))
				}
				if len(v) > 1 && (slices.Contains(v, q.NotSure) || slices.Contains(v, q.PreferNotToSay)) {
					return errors.New(m.t("choose_alone"))
				}
				return nil
			})
		return m.newForm(huh.NewGroup(ms))
	}
	m.optionWidth = 0
	m.value = ""
	if len(prev) == 1 {
		m.value = prev[0]
	}
	return m.newForm(huh.NewGroup(huh.NewSelect[string]().Options(opts...).Value(&m.value)))
}

// decideForm is an urgent step (what to do first, then go on or stop) or a
// settled result (stop, the default, or go on for detail).
func (m *model) decideForm(st interview.Step) *huh.Form {
	var title, desc string
	var opts []huh.Option[string]
	if st.Kind == interview.Urgent {
		title = m.t("urgent_title")
		if m.fs.Urgent != nil {
			desc = m.fs.Urgent(st, m.role, m.region)
		}
		opts = []huh.Option[string]{huh.NewOption(m.t("decide_go_on"), "go"), huh.NewOption(m.t("decide_stop_urgent"), "stop")}
	} else {
		title = m.t("settled_title")
		desc = locale.N(m.fs.Lang, "settled_msg", st.Open)
		opts = []huh.Option[string]{huh.NewOption(m.t("decide_see_result"), "stop"), huh.NewOption(m.t("decide_detail"), "go")}
	}
	m.decision = ""
	return m.newForm(huh.NewGroup(huh.NewSelect[string]().Title(title).Description(desc).Options(opts...).Value(&m.decision)))
}

// advance asks interview.Next for the next step, or moves to the result.
func (m *model) advance() tea.Cmd {
	plan := *m.fs.Plan
	if m.fs.Watch != nil {
		plan.Watch = m.fs.Watch(m.role, m.region)
	}
	st, in, done, err := interview.Next(&plan, m.answers, m.flow, m.stop)
	if err != nil {
		m.err = err
		return tea.Quit
	}
	if !done {
		m.step = st
		if st.Kind == interview.Ask {
			m.stage = stageQuestion
			m.form = m.questionForm(st)
		} else {
			m.stage = stageDecide
			m.form = m.decideForm(st)
		}
		return m.form.Init()
	}
	m.input = in
	text, err := m.fs.Result(in, m.role, m.region)
	if err != nil {
		m.err = err
		return tea.Quit
	}
	m.stage, m.resultText = stageResult, text
	m.view = viewport.New(viewport.WithWidth(m.width), viewport.WithHeight(m.resultHeight()))
	m.view.SetContent(wrapText(text, m.width))
	return nil
}

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		if msg.Width <= 0 || msg.Height <= 0 {
			// A terminal that reports no size: keep the size assumed so
			// far (80 x 24 at first) rather than draw nothing.
			return m, nil
		}
		m.width, m.height = msg.Width, msg.Height
		if m.stage == stageResult {
			m.view.SetWidth(m.width)
			m.view.SetHeight(m.resultHeight())
			m.view.SetContent(wrapText(m.resultText, m.width))
		}
		m.sizePersona()
		if m.stage == stageResult {
			return m, nil
		}
		var cmds []tea.Cmd
		if m.optionWidth != 0 && m.optionWidth != m.width {
			// A multiple choice on screen: its answers are wrapped anew,
			// what is ticked kept.
			switch {
			case m.stage == stageStart && m.form.GetFocusedField() == m.checklist:
				m.form = m.startForm()
				cmds = append(cmds, m.form.Init())
			case m.stage == stageQuestion && m.step.Question.Type == q.Multiple:
				if len(m.values) > 0 {
					m.recall[m.step.Question.ID] = slices.Clone(m.values)
				}
				m.form = m.questionForm(m.step)
				cmds = append(cmds, m.form.Init())
			}
		}
		// The form gets what the page leaves it.
		fm, cmd := m.form.Update(m.formSize())
		m.form = fm.(*huh.Form)
		return m, tea.Batch(append(cmds, cmd)...)
	case tea.KeyPressMsg:
		switch msg.String() {
		case "esc", "ctrl+c":
			// Quick exit, from any screen.
			m.aborted = true
			return m, tea.Quit
		case "p":
			if m.fs.Preface != "" {
				// The persona, for the trainee, at any point.
				m.persona = !m.persona
				m.sizePersona()
				return m, nil
			}
		case "shift+tab":
			if m.persona {
				return m, nil
			}
			if (m.stage == stageQuestion || m.stage == stageDecide) && len(m.history) > 0 {
				last := m.history[len(m.history)-1]
				m.history = m.history[:len(m.history)-1]
				m.recall[last] = m.answers[last]
				delete(m.answers, last)
				// Going back reopens the decisions taken after it.
				m.flow, m.stop = interview.Flow{}, ""
				return m, m.advance()
			}
			if m.stage == stageQuestion && m.askedStart {
				// Back from the first question to the region or role,
				// whichever was asked last; Shift+Tab goes on from there.
				m.stage = stageStart
				groups := m.roleRegionGroups()
				m.form = m.newForm(groups...)
				cmds := []tea.Cmd{m.form.Init()}
				for range groups[1:] {
					cmds = append(cmds, m.form.NextGroup())
				}
				return m, tea.Batch(cmds...)
			}
			if m.stage == stageQuestion || m.stage == stageDecide {
				return m, nil
			}
		case "q", "enter":
			if m.stage == stageStart && msg.String() == "enter" {
				m.checkTried = true
			}
			if m.stage == stageResult {
				m.closed = true
				return m, tea.Quit
			}
		}
	}
	if m.persona {
		if k, ok := msg.(tea.KeyPressMsg); ok {
			if k.String() == "enter" {
				m.persona = false
				return m, nil
			}
			var cmd tea.Cmd
			m.personaView, cmd = m.personaView.Update(msg)
			return m, cmd
		}
	}
	if m.stage == stageResult {
		var cmd tea.Cmd
		m.view, cmd = m.view.Update(msg)
		return m, cmd
	}
	if _, ok := msg.(tea.KeyPressMsg); ok && m.tooSmall() {
		return m, nil
	}
	fm, cmd := m.form.Update(msg)
	m.form = fm.(*huh.Form)
	if m.form.State != huh.StateCompleted {
		return m, cmd
	}
	if m.stage == stageStart {
		return m, m.advance()
	}
	if m.stage == stageDecide {
		goOn := m.decision == "go"
		switch {
		case m.step.Kind == interview.Urgent && goOn:
			m.flow.UrgentSeen = true
		case m.step.Kind == interview.Urgent:
			m.flow.UrgentSeen, m.stop = true, rules.StopUrgent
		case goOn:
			m.flow.GoOn = true
		default:
			m.stop = rules.StopSettled
		}
		return m, m.advance()
	}
	id := m.step.Question.ID
	if m.step.Question.Type == q.Multiple {
		m.answers[id] = slices.Clone(m.values)
	} else {
		m.answers[id] = []string{m.value}
	}
	m.history = append(m.history, id)
	return m, m.advance()
}

func (m *model) tooSmall() bool { return m.width < MinWidth || m.height < MinHeight }

var (
	headStyle = lipgloss.NewStyle().Bold(true)
	dimStyle  = lipgloss.NewStyle().Faint(true)
)

func (m *model) View() tea.View {
	var page string
	switch {
	case m.tooSmall():
		page = wrapText(m.t("too_small", m.width, m.height, MinWidth, MinHeight), m.width)
	case m.persona:
		page = m.personaView.View() + "\n" + m.keysView("persona_keys")
	case m.stage == stageResult:
		page = m.view.View() + "\n" + m.keysView("result_keys")
	default:
		page = m.pageView()
	}
	// Never more lines than the window: the terminal would scroll the top
	// of the page away.
	if lines := strings.Split(page, "\n"); len(lines) > m.height {
		page = strings.Join(lines[:m.height], "\n")
	}
	v := tea.NewView(page)
	v.AltScreen = true
	return v
}
