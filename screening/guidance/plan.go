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
	for _, s := range d.Steps {
		if !r.Holds(s.When) || !within(s.Regions, o.Region) {
			continue
		}
		forRole := len(s.Roles) == 0 || slices.Contains(s.Roles, o.Role)
		// With no role, every role's steps, each labelled; a trainer who
		// hears a disclosure gets a trainer's duties, not a police
		// officer's (the explain and resources commands teach the rest).
		showAll := o.Role == ""
		if !forRole && !showAll {
			continue
		}
		v := StepView{ID: s.ID, Text: s.Text.In(o.Lang), Contacts: []ContactView{}, Sources: s.Sources}
		if v.Sources == nil {
			v.Sources = []*Cite{}
		}
		if showAll && len(s.Roles) > 0 {
			// Whose step it is.
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

// Watch returns the conditions of the steps a role and region can be shown:
// a screening is settled only once each of them is known.
func (d *Directory) Watch(role, region string) []*q.Condition {
	var out []*q.Condition
	for _, s := range d.Steps {
		if !within(s.Regions, region) {
			continue
		}
		if role != "" && len(s.Roles) > 0 && !slices.Contains(s.Roles, role) {
			continue
		}
		out = append(out, s.When)
	}
	return out
}

// UrgentOrder bounds the steps shown the moment an urgent red flag is
// raised: the first-minute steps of steps.yaml (order 10 to 19).
const UrgentOrder = 20

// Urgent chooses, while a screening is under way, the first-minute steps
// that already hold: shown at once, before any further question, when a
// life may be at risk.
func Urgent(d *Directory, o *rules.Outlook, opt Options) []StepView {
	var out []StepView
	for _, s := range d.Steps {
		if s.Order >= UrgentOrder || !within(s.Regions, opt.Region) || o.Holds(s.When) != rules.True {
			continue
		}
		if opt.Role != "" && len(s.Roles) > 0 && !slices.Contains(s.Roles, opt.Role) {
			continue
		}
		v := StepView{ID: s.ID, Text: s.Text.In(opt.Lang), Contacts: []ContactView{}, Sources: s.Sources}
		for _, id := range s.Contacts {
			if c := d.Contact(id); within(c.Regions, opt.Region) {
				v.Contacts = append(v.Contacts, c.View(opt.Lang))
			}
		}
		out = append(out, v)
	}
	return out
}
