package terminal

import (
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// The full screen's layout: what each page holds, and what it gives up in
// a small window.

// optionText wraps an answer of a multiple choice to the window: huh
// wraps a single choice's answers itself, but cuts a multiple choice's. The
// form is built again when the width changes (see Update).
func (m *model) optionText(s string) string {
	m.optionWidth = m.width
	return wrapText(s, max(m.width-8, 10))
}

// resultHeight is what the result's viewport may use: all but its key help.
func (m *model) resultHeight() int {
	return max(m.height-lipgloss.Height(m.keysView("result_keys")), 1)
}

// keysView is the program's own key help, with p for the persona when
// training.
func (m *model) keysView(key string) string {
	keys := m.t(key)
	if m.fs.Preface != "" {
		keys += " - " + m.t("tui_keys_persona")
	}
	// Plain, not faint: the keys must be readable on a projector, where
	// faint grey on a dark background disappears.
	return wrapText(keys, m.width)
}

// helpView is the form's key help, drawn here rather than by huh so that it
// stays on screen when the page is short.
func (m *model) helpView() string {
	h := m.form.Help()
	h.SetWidth(m.width)
	// huh's help is faint grey; a projector needs it readable.
	plain := lipgloss.NewStyle()
	h.Styles.ShortKey, h.Styles.ShortDesc, h.Styles.ShortSeparator = plain, plain, plain
	return h.ShortHelpView(m.form.KeyBinds())
}

// questionText is the question, as the screener reads it out or observes.
func (m *model) questionText() string {
	first, second := m.langs().question(m.step.Question)
	text := headStyle.Render(wrapText(first, m.width))
	if second != "" {
		// The screener's wording beneath the person's, indented as in
		// the line-by-line mode and plain: both must be readable.
		lines := strings.Split(wrapText(second, max(m.width-2, 10)), "\n")
		text += "\n  " + strings.Join(lines, "\n  ")
	}
	return text
}

// formSize is the window as the form may use it: what the page leaves once
// the lines that always stay (progress, question, key help) are drawn. The
// focused answer list is sized to it, so that answers scroll rather than
// the question being cut.
func (m *model) formSize() tea.WindowSizeMsg {
	h := m.height
	for _, it := range m.pageItems("") {
		if it.always {
			h -= lipgloss.Height(it.text)
		}
	}
	if f := m.form.GetFocusedField(); f != nil {
		f.WithHeight(0) // back to its own height, then fit
		if lipgloss.Height(f.View()) > h {
			f.WithHeight(max(h, 1))
		}
	}
	return tea.WindowSizeMsg{Width: m.width, Height: max(h, 1)}
}

// pageItem is a part of a page: always drawn, or drawn in the order of its
// rank while there is room.
type pageItem struct {
	text   string
	always bool
	rank   int
}

// pageItems lists a page's parts top to bottom, the form as given.
func (m *model) pageItems(form string) []pageItem {
	gap := func(rank int) pageItem { return pageItem{text: " ", rank: rank} }
	dim := func(s string, rank int) pageItem {
		if s == "" {
			return pageItem{}
		}
		return pageItem{text: dimStyle.Render(wrapText(s, m.width)), rank: rank}
	}
	end := []pageItem{gap(9), {text: m.helpView(), always: true}, {text: m.keysView("tui_keys"), always: true}}
	switch {
	case m.stage == stageQuestion:
		sec := m.step.Section
		intro := ""
		if m.step.First {
			intro = sec.Intro.In(m.fs.Lang)
		}
		return append([]pageItem{
			{text: headStyle.Render(wrapText(Progress(m.fs.Lang, m.step), m.width)), always: true},
			dim(intro, 4),
			gap(3),
			{text: m.questionText(), always: true},
			dim(m.step.Question.Hint.In(m.fs.Lang), 1),
			{text: form, always: true},
		}, end...)
	case m.form.GetFocusedField() == m.checklist:
		items := []pageItem{{text: headStyle.Render(wrapText(m.t("tui_title"), m.width)), rank: 2}}
		if m.fs.Preface != "" {
			items = append(items, gap(6), pageItem{text: headStyle.Render(wrapText(m.fs.PrefaceTitle, m.width)) + "\n" + wrapText(m.fs.Preface, m.width), rank: 1})
		}
		if card := m.langs().Card(); card != "" {
			// For the person, before anything is asked: kept before the
			// screener's own introduction in a small window.
			items = append(items, gap(7), pageItem{text: headStyle.Render(wrapText(m.t("person_card_show"), m.width)) + "\n" + wrapText(card, m.width), rank: 1})
		}
		if m.fs.TranslationNote != "" {
			items = append(items, dim(m.fs.TranslationNote, 3))
		}
		return append(append(items, gap(5), dim(m.t("tui_start"), 4), gap(3),
			pageItem{text: headStyle.Render(wrapText(m.t("check_title"), m.width)), always: true},
			pageItem{text: form, always: true}), end...)
	}
	return append([]pageItem{{text: form, always: true}}, end...)
}

// pageView lays a page out within the window. The progress line, the
// question, its answers and the key help always stay; what room is left
// goes, in this order, to the note for the screener, the spacing and the
// section's introduction, so that a small window drops the introduction
// first (on the first screen: the persona, the title, the spacing, the
// introduction).
func (m *model) pageView() string {
	items := m.pageItems(m.form.View())
	free := m.height
	for _, it := range items {
		if it.always {
			free -= lipgloss.Height(it.text)
		}
	}
	show := make([]bool, len(items))
	for rank := 1; rank <= 9; rank++ {
		for i, it := range items {
			if !it.always && it.rank == rank && it.text != "" && lipgloss.Height(it.text) <= free {
				free -= lipgloss.Height(it.text)
				show[i] = true
			}
		}
	}
	var parts []string
	for i, it := range items {
		if it.always || show[i] {
			parts = append(parts, strings.TrimRight(it.text, " "))
		}
	}
	return strings.Join(parts, "\n")
}
func (m *model) sizePersona() {
	text := wrapText(m.fs.PrefaceTitle+"\n\n"+m.fs.Preface, m.width)
	m.personaView = viewport.New(viewport.WithWidth(m.width), viewport.WithHeight(max(m.height-lipgloss.Height(m.keysView("persona_keys")), 1)))
	m.personaView.SetContent(text)
}
