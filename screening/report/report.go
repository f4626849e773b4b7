// Package report renders a result as text, Markdown or JSON. All three are
// drawn from one Report value, so they cannot disagree; the JSON form is the
// documented, stable shape (docs/result-json.md).
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// Formats returns the formats a report can be written in.
func Formats() []string { return []string{"text", "markdown", "json"} }

// Report is the documented result shape.
type Report struct {
	Notice         string           `json:"notice"`
	Lang           string           `json:"lang"`
	RedFlags       []string         `json:"red_flags"`
	RedFlagDetails []Flag           `json:"red_flag_details"`
	Forms          map[string]*Form `json:"forms"`
	QuestionsAsked int              `json:"questions_asked"`
	// Stop says why the screening ended early: "settled" (no open question
	// could change the result) or "urgent" (stopped to act on an urgent
	// step); "" when every question that applied was asked.
	Stop string `json:"stop"`
	// QuestionsNotAsked counts the questions left open by that stop.
	QuestionsNotAsked     int                 `json:"questions_not_asked"`
	QuestionnaireVersions map[string]int      `json:"questionnaire_versions"`
	Guidance              []guidance.StepView `json:"guidance"`
	GuidanceVerified      string              `json:"guidance_verified"`
	GuidanceStale         bool                `json:"guidance_stale"`
	GuidanceWarning       string              `json:"guidance_warning,omitempty"`
	order                 []string
	titles                map[string]string
	sources               []*Source
}

// cite records a source for the list at the end of a text report.
func (r *Report) cite(s *Source) *Source {
	if s == nil {
		return nil
	}
	for _, have := range r.sources {
		if have.ID == s.ID && have.Cite == s.Cite {
			return s
		}
	}
	r.sources = append(r.sources, s)
	return s
}

// Flag is a red flag that fired.
type Flag struct {
	ID      string     `json:"id"`
	Label   string     `json:"label"`
	Source  *Source    `json:"source,omitempty"`
	Because []Evidence `json:"because"`
}

// Form is one form's result.
type Form struct {
	Level       rules.Level  `json:"level"`
	Screened    bool         `json:"screened"`
	NotScreened rules.Reason `json:"not_screened_reason,omitempty"`
	Incomplete  bool         `json:"incomplete"`
	// PurposeFound is true when the form's own situation (work, commercial
	// sex, a marriage, an organ) was found; without it the level is none.
	PurposeFound bool `json:"purpose_found"`
	// Capped is true when the level was held at concern because it rested
	// on a means the person did not tie to this form's situation.
	Capped bool `json:"capped"`
	// Timing is "now" or "past": whether the situation behind a level is
	// current or over; "" for none.
	Timing      string                `json:"timing,omitempty"`
	Unknown     []string              `json:"unknown"`
	LevelRule   *Rule                 `json:"level_rule"`
	Dimensions  map[string]*Dimension `json:"dimensions"`
	Indicators  []Indicator           `json:"indicators"`
	unknownText []string
	dimOrder    []string
}

// Rule is the level rule that decided a level, in words.
type Rule struct {
	Level   string     `json:"level"`
	Explain string     `json:"explain"`
	Because []Evidence `json:"because"`
}

// Dimension is a dimension's score against its threshold.
type Dimension struct {
	Label     string `json:"label"`
	Score     int    `json:"score"`
	Threshold int    `json:"threshold"`
	Present   bool   `json:"present"`
	Strong    int    `json:"strong"`
	Medium    int    `json:"medium"`
	Weak      int    `json:"weak"`
}

// Indicator is a fired indicator and why.
type Indicator struct {
	ID        string     `json:"id"`
	Label     string     `json:"label"`
	Dimension string     `json:"dimension"`
	Strength  q.Strength `json:"strength"`
	Source    *Source    `json:"source"`
	Because   []Evidence `json:"because"`
	// Untied marks an indicator resting on a means the person did not tie
	// to a situation.
	Untied bool `json:"untied,omitempty"`
}

// Source is a cited document.
type Source struct {
	ID   string `json:"id"`
	Cite string `json:"cite"`
	URL  string `json:"url,omitempty"`
}

// Evidence is an answer a finding rests on.
type Evidence struct {
	Question string   `json:"question"`
	Text     string   `json:"text"`
	Answer   []string `json:"answer"`
	Says     string   `json:"answer_text"`
}

// Build assembles the report for a result and its guidance in a language.
func Build(r *rules.Result, plan *guidance.Plan, lang string) *Report {
	rep := &Report{
		Notice:                locale.T(lang, "not_determination"),
		Lang:                  lang,
		RedFlags:              []string{},
		RedFlagDetails:        []Flag{},
		Forms:                 map[string]*Form{},
		QuestionsAsked:        r.Asked,
		Stop:                  r.Stop,
		QuestionsNotAsked:     r.Skipped,
		QuestionnaireVersions: map[string]int{},
		Guidance:              plan.Steps,
		GuidanceVerified:      plan.Verified,
		GuidanceStale:         plan.Stale,
		GuidanceWarning:       plan.Warning,
		titles:                map[string]string{},
	}
	for _, f := range r.Files {
		rep.QuestionnaireVersions[f.ID] = f.Version
	}
	// The JSON shape promises lists, never null (result.schema.json).
	for i := range rep.Guidance {
		g := &rep.Guidance[i]
		g.Sources = emptyIfNil(g.Sources)
		g.Contacts = emptyIfNil(g.Contacts)
		for j := range g.Contacts {
			g.Contacts[j].Forms = emptyIfNil(g.Contacts[j].Forms)
			g.Contacts[j].Regions = emptyIfNil(g.Contacts[j].Regions)
		}
	}
	for _, fl := range r.RedFlags {
		rep.RedFlags = append(rep.RedFlags, fl.ID)
		rep.RedFlagDetails = append(rep.RedFlagDetails, Flag{
			ID: fl.ID, Label: fl.Flag.Label.In(lang),
			Source:  rep.cite(source(fileOf(r, fl.Flag), fl.Flag.Source)),
			Because: evidence(fl.Because, lang),
		})
	}
	for _, f := range r.Forms {
		rep.order = append(rep.order, f.Form)
		rep.titles[f.Form] = locale.T(lang, "form_"+f.Form)
		if f.Module != nil {
			rep.titles[f.Form] = f.Module.Title.In(lang)
		}
		out := &Form{
			Level: f.Level, Screened: f.Screened, NotScreened: f.NotScreened, Incomplete: f.Incomplete,
			PurposeFound: f.Purpose, Capped: f.Capped, Timing: f.Timing,
			Unknown: []string{}, Dimensions: map[string]*Dimension{}, Indicators: []Indicator{},
		}
		for _, u := range f.Unknown {
			out.Unknown = append(out.Unknown, u.ID)
			out.unknownText = append(out.unknownText, u.Text.In(lang))
		}
		if f.Rule != nil {
			out.LevelRule = &Rule{Level: f.Rule.Level, Explain: f.Rule.Explain.In(lang), Because: evidence(f.RuleBasis, lang)}
		}
		for _, d := range f.Dimensions {
			out.dimOrder = append(out.dimOrder, d.Dimension.ID)
			out.Dimensions[d.Dimension.ID] = &Dimension{
				Label: d.Dimension.Label.In(lang), Score: d.Score, Threshold: d.Dimension.Threshold,
				Present: d.Present, Strong: d.Strong, Medium: d.Medium, Weak: d.Weak,
			}
		}
		for _, fi := range f.Indicators {
			ind := fi.Indicator
			out.Indicators = append(out.Indicators, Indicator{
				ID: ind.ID, Label: ind.Label.In(lang), Dimension: ind.Dimension, Strength: ind.Strength,
				Source: rep.cite(source(ind.File, ind.Source)), Because: evidence(fi.Because, lang), Untied: fi.Untied,
			})
		}
		// Strong first, so the reader meets what weighs most first.
		slices.SortStableFunc(out.Indicators, func(a, b Indicator) int {
			return slices.Index(q.Strengths(), a.Strength) - slices.Index(q.Strengths(), b.Strength)
		})
		rep.Forms[f.Form] = out
	}
	return rep
}

func fileOf(r *rules.Result, rf *q.RedFlag) *q.File {
	for _, f := range r.Files {
		if slices.Contains(f.RedFlags, rf) {
			return f
		}
	}
	return nil
}

func source(f *q.File, id string) *Source {
	if f == nil || id == "" {
		return nil
	}
	for _, s := range f.Sources {
		if s.ID == id {
			return &Source{ID: s.ID, Cite: s.Cite, URL: s.URL}
		}
	}
	return nil
}

func evidence(ev []rules.Evidence, lang string) []Evidence {
	out := []Evidence{}
	seen := map[string]bool{}
	for _, e := range ev {
		if e.Question == nil || seen[e.Question.ID] {
			continue
		}
		seen[e.Question.ID] = true
		var says []string
		for _, a := range e.Answer {
			says = append(says, e.Question.AnswerText(a, lang))
		}
		out = append(out, Evidence{Question: e.Question.ID, Text: e.Question.Text.In(lang), Answer: e.Answer, Says: strings.Join(says, ", ")})
	}
	return out
}

// WriteJSON writes v as indented JSON, leaving &, < and > as they are: the
// output is read by people and scripts, never embedded in HTML.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Write renders the report in a format.
func Write(w io.Writer, rep *Report, format string) error {
	switch format {
	case "json":
		return WriteJSON(w, rep)
	case "markdown":
		return writeDoc(w, rep, true)
	case "text", "":
		return writeDoc(w, rep, false)
	}
	return fmt.Errorf("unknown output format %q; use one of: %s", format, strings.Join(Formats(), ", "))
}

func emptyIfNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
