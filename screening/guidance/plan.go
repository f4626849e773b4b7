package guidance

import (
	"slices"
	"time"

	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// Options choose the guidance for a user.
type Options struct {
	// Role is one of Roles, or "" when unknown: then every role's steps are
	// shown, each marked with the roles it is for.
	Role   string
	Region string
	Lang   string
	// Now is today's date, for the staleness warning.
	Now time.Time
}

// Plan is the guidance for one result.
type Plan struct {
	Steps    []StepView `json:"steps"`
	Verified string     `json:"verified"`
	Stale    bool       `json:"stale"`
	Warning  string     `json:"warning,omitempty"`
}

// StepView is a step as shown.
type StepView struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Roles is set when the step is for some roles only and the user's role
	// is unknown or trainer, so that the reader sees whose step it is.
	Roles []string `json:"roles,omitempty"`
	// AppliesWhen explains, for trainers, why the step was chosen.
	AppliesWhen string        `json:"applies_when,omitempty"`
	Contacts    []ContactView `json:"contacts"`
	Sources     []*Cite       `json:"sources"`
}

// ContactView is a contact as shown.
type ContactView struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Purpose   string     `json:"purpose"`
	Lines     []LineView `json:"lines,omitempty"`
	Web       string     `json:"web,omitempty"`
	Email     string     `json:"email,omitempty"`
	Hours     string     `json:"hours,omitempty"`
	Languages string     `json:"languages,omitempty"`
	// VerifyBeforeUse says why a fact of this contact must be checked.
	VerifyBeforeUse string   `json:"verify_before_use,omitempty"`
	Forms           []string `json:"forms"`
	Regions         []string `json:"regions"`
	Source          string   `json:"source"`
	Verified        string   `json:"verified"`
}

// LineView is a number as shown.
type LineView struct {
	Kind   string `json:"kind"`
	Number string `json:"number"`
	Label  string `json:"label,omitempty"`
}

// For chooses the steps for a result, in the order they must happen.
func For(d *Directory, r *rules.Result, o Options) *Plan {
	p := d.header(o)
	e := newEnv(r)
	for _, s := range d.Steps {
		if !e.holds(s.When) || !within(s.Regions, o.Region) {
			continue
		}
		forRole := len(s.Roles) == 0 || slices.Contains(s.Roles, o.Role)
		showAll := o.Role == "" || o.Role == "trainer"
		if !forRole && !showAll {
			continue
		}
		v := StepView{ID: s.ID, Text: s.Text.In(o.Lang), Contacts: []ContactView{}, Sources: s.Sources}
		if v.Sources == nil {
			v.Sources = []*Cite{}
		}
		if showAll && len(s.Roles) > 0 {
			// Whose step it is; a trainer is shown every branch, so
			// "trainer" itself says nothing.
			for _, r := range s.Roles {
				if r != "trainer" {
					v.Roles = append(v.Roles, r)
				}
			}
		}
		if o.Role == "trainer" {
			v.AppliesWhen = s.When.String()
		}
		for _, id := range s.Contacts {
			if c := d.Contact(id); within(c.Regions, o.Region) {
				v.Contacts = append(v.Contacts, c.View(o.Lang))
			}
		}
		p.Steps = append(p.Steps, v)
	}
	return p
}

// Resources lists the directory, optionally for one form and one region.
func Resources(d *Directory, form, region string, o Options) ([]ContactView, *Plan) {
	var out []ContactView
	for _, c := range d.Contacts {
		if (form == "" || slices.Contains(c.Forms, form)) && (region == "" || slices.Contains(c.Regions, region)) {
			out = append(out, c.View(o.Lang))
		}
	}
	return out, d.header(o)
}

func (d *Directory) header(o Options) *Plan {
	p := &Plan{Steps: []StepView{}, Verified: d.Verified.Format(time.DateOnly)}
	if !o.Now.IsZero() && o.Now.Sub(d.Verified) > StaleAfter {
		p.Stale = true
		p.Warning = locale.T(o.Lang, "stale_contacts", p.Verified)
	}
	return p
}

// View renders a contact in a language.
func (c *Contact) View(lang string) ContactView {
	v := ContactView{
		ID: c.ID, Name: c.Name.In(lang), Purpose: c.Purpose.In(lang), Web: c.Web, Email: c.Email,
		Hours: c.Hours.In(lang), Languages: c.Languages.In(lang), VerifyBeforeUse: c.Caution.In(lang),
		Forms: c.Forms, Regions: c.Regions, Source: c.Source, Verified: c.Verified,
	}
	for _, l := range c.Lines {
		v.Lines = append(v.Lines, LineView{Kind: l.Kind, Number: l.Number, Label: l.Label.In(lang)})
	}
	return v
}

func within(regions []string, region string) bool {
	return len(regions) == 0 || region == "" || slices.Contains(regions, region)
}

// env is what guidance conditions see of a result.
type env struct {
	levels  map[string]string // screened forms only
	routed  map[string]bool   // forms the triage points to, not yet asked
	flags   map[string]bool
	fired   map[string]bool
	answers q.Answers
}

func newEnv(r *rules.Result) *env {
	e := &env{levels: map[string]string{}, routed: map[string]bool{}, flags: map[string]bool{}, fired: map[string]bool{}, answers: r.Answers}
	for _, f := range r.Forms {
		if f.Screened {
			e.levels[f.Form] = f.Level
		}
		if f.NotScreened == rules.Routed {
			e.routed[f.Form] = true
		}
		for _, fi := range f.Indicators {
			e.fired[fi.Indicator.ID] = true
		}
	}
	for _, fl := range r.RedFlags {
		e.flags[fl.ID] = true
	}
	return e
}

func (e *env) holds(c *Cond) bool {
	switch {
	case len(c.All) > 0:
		for _, s := range c.All {
			if !e.holds(s) {
				return false
			}
		}
		return true
	case len(c.Any) > 0:
		for _, s := range c.Any {
			if e.holds(s) {
				return true
			}
		}
		return false
	case c.Not != nil:
		return !e.holds(c.Not)
	case c.RedFlag == "any":
		return len(e.flags) > 0
	case c.RedFlag != "":
		return e.flags[c.RedFlag]
	case c.Routed == "any":
		return len(e.routed) > 0
	case c.Routed != "":
		return e.routed[c.Routed]
	case c.Form == "any":
		for _, l := range e.levels {
			if slices.Contains(c.Level, l) {
				return true
			}
		}
		return false
	case c.Form != "":
		l, ok := e.levels[c.Form]
		return ok && slices.Contains(c.Level, l)
	case c.Indicator != "":
		return e.fired[c.Indicator]
	case c.Question != "":
		vals := c.In
		if c.Is != "" {
			vals = []string{c.Is}
		}
		for _, v := range vals {
			if e.answers.Has(c.Question, v) {
				return true
			}
		}
	}
	return false
}
