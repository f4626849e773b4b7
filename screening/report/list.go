package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
	"github.com/htscreen/htscreen/screening/scenario"
)

// ListFormats returns the formats of the listings (list, scenarios): text
// or json.
func ListFormats() []string { return []string{"text", "json"} }

// listEntry is one questionnaire in `list --output json`.
type listEntry struct {
	ID         string `json:"id"`
	Version    int    `json:"version"`
	Title      string `json:"title"`
	Questions  int    `json:"questions"`
	Indicators int    `json:"indicators"`
}

// listQuestion and listIndicator make up `list MODULE --output json`
// (docs/list-json.md).
type listQuestion struct {
	ID      string       `json:"id"`
	AskedOf q.Respondent `json:"asked_of"`
	Type    string       `json:"type"`
	Text    string       `json:"text"`
	Answers []string     `json:"answers"`
	ShowIf  string       `json:"show_if,omitempty"`
	Gate    bool         `json:"gate"`
}

type listIndicator struct {
	ID        string     `json:"id"`
	Dimension string     `json:"dimension"`
	Strength  q.Strength `json:"strength"`
	Source    string     `json:"source"`
	Label     string     `json:"label"`
	When      string     `json:"when"`
}

type listModule struct {
	ID         string          `json:"id"`
	Version    int             `json:"version"`
	Title      string          `json:"title"`
	Questions  []listQuestion  `json:"questions"`
	Indicators []listIndicator `json:"indicators"`
}

// WriteSetList lists a set's questionnaires with their versions and counts,
// as a text table or json.
func WriteSetList(w io.Writer, set *q.Set, format, lang string) error {
	var entries []listEntry
	for _, f := range set.Files {
		entries = append(entries, listEntry{f.ID, f.Version, f.Title.In(lang), len(f.Questions), len(f.Indicators)})
	}
	if format == "json" {
		return WriteJSON(w, entries)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSION\tQUESTIONS\tINDICATORS\tTITLE")
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\n", e.ID, e.Version, e.Questions, e.Indicators, e.Title)
	}
	return tw.Flush()
}

// WriteModuleList lists one questionnaire's questions (id, who answers,
// allowed answers, skip logic) and indicators, as text tables or json.
func WriteModuleList(w io.Writer, f *q.File, format, lang string) error {
	m := listModule{ID: f.ID, Version: f.Version, Title: f.Title.In(lang), Questions: []listQuestion{}, Indicators: []listIndicator{}}
	for _, qu := range f.Questions {
		m.Questions = append(m.Questions, listQuestion{qu.ID, qu.AskedOf, qu.Type, qu.Text.In(lang), qu.AnswerIDs(), qu.ShowIf.String(), qu.Gate})
	}
	for _, ind := range f.Indicators {
		m.Indicators = append(m.Indicators, listIndicator{ind.ID, ind.Dimension, ind.Strength, ind.Source, ind.Label.In(lang), ind.When.String()})
	}
	if format == "json" {
		return WriteJSON(w, m)
	}
	fmt.Fprintf(w, "%s (%s, version %d)\n\nQuestions\n", m.Title, m.ID, m.Version)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tASKED OF\tANSWERS\tSHOW IF")
	for _, qu := range m.Questions {
		id := qu.ID
		if qu.Gate {
			id += " (gate)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", id, qu.AskedOf, strings.Join(qu.Answers, " | "), qu.ShowIf)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nIndicators\n")
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDIMENSION\tSTRENGTH\tSOURCE\tWHEN")
	for _, ind := range m.Indicators {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", ind.ID, ind.Dimension, ind.Strength, ind.Source, ind.When)
	}
	return tw.Flush()
}

// scenarioEntry is one scenario in `scenarios --output json`.
type scenarioEntry struct {
	ID         string                 `json:"id"`
	Title      string                 `json:"title"`
	Setting    string                 `json:"setting"`
	Expected   map[string]rules.Level `json:"expected"`
	RedFlags   []string               `json:"red_flags"`
	Forms      []string               `json:"forms"`
	LookAlike  bool                   `json:"look_alike"`
	Audience   []string               `json:"audience"`
	Difficulty string                 `json:"difficulty,omitempty"`
	Source     string                 `json:"source,omitempty"`
	Discussion string                 `json:"discussion,omitempty"`
}

// WriteScenarioList lists the training scenarios with their setting, the
// forms they teach (or a look-alike tag), audience and difficulty, and, in
// json, the expert's levels, red flags, source and discussion questions.
func WriteScenarioList(w io.Writer, scenarios []*scenario.Scenario, format, lang string) error {
	var list []scenarioEntry
	for _, s := range scenarios {
		audience := s.Audience
		if len(audience) == 0 {
			audience = []string{s.Role}
		}
		e := scenarioEntry{ID: s.ID, Title: s.Title.In(lang), Setting: s.Setting.In(lang), Expected: map[string]rules.Level{}, RedFlags: append([]string{}, s.Expected.RedFlags...),
			Forms: append([]string{}, s.Forms()...), LookAlike: s.LookAlike(), Audience: audience, Difficulty: s.Difficulty, Source: s.Source, Discussion: s.Discussion.In(lang)}
		for _, f := range q.Forms() {
			e.Expected[f] = s.Expected.Levels.Of(f)
		}
		list = append(list, e)
	}
	if format == "json" {
		return WriteJSON(w, list)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSETTING\tFORMS\tAUDIENCE\tDIFFICULTY\tTITLE")
	for _, e := range list {
		forms := strings.Join(e.Forms, ", ")
		if e.LookAlike {
			forms = "look-alike"
		}
		for _, f := range e.RedFlags {
			forms += " +" + f
		}
		diff := e.Difficulty
		if diff == "" {
			diff = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.Setting, forms, strings.Join(e.Audience, ", "), diff, e.Title)
	}
	return tw.Flush()
}
