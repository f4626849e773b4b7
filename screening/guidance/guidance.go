// Package guidance turns a result into what to do next: the steps that apply
// to the result, the role and the region, most urgent first, each with its
// contacts and sources. The steps and the directory are data
// (questionnaires/guidance); this package only loads, checks and applies them.
package guidance

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// Roles returns the roles the guidance is chosen for.
func Roles() []string { return []string{"police", "shelter", "health", "trainer"} }

// Regions returns the regions the guidance is chosen for.
func Regions() []string { return []string{"nyc", "nys"} }

// LineKinds returns the kinds of contact line.
func LineKinds() []string { return []string{"phone", "text", "tty", "fax"} }

// StaleAfter is how old the directory's verification may be before every
// output says that the contacts must be checked: contacts change, and the
// tool must not age silently.
const StaleAfter = 365 * 24 * time.Hour

// Directory is the loaded, checked guidance: contacts and steps.
type Directory struct {
	Verified    time.Time
	Note        q.Text
	Translation q.Text
	Contacts    []*Contact
	Steps       []*Step
	byID        map[string]*Contact
}

// Contact returns a contact by id, or nil.
func (d *Directory) Contact(id string) *Contact { return d.byID[id] }

// contactsFile and stepsFile are the two YAML files.
type contactsFile struct {
	q.Meta
	Verified string     `yaml:"verified"`
	Note     q.Text     `yaml:"note"`
	Contacts []*Contact `yaml:"contacts"`
}

type stepsFile struct {
	q.Meta
	Steps []*Step `yaml:"steps"`
}

// Contact is one entry of the referral directory.
type Contact struct {
	q.Meta
	ID        string   `yaml:"id"`
	Name      q.Text   `yaml:"name"`
	Purpose   q.Text   `yaml:"purpose"`
	Lines     []*Line  `yaml:"lines"`
	Web       string   `yaml:"web"`
	Email     string   `yaml:"email"`
	Hours     q.Text   `yaml:"hours"`
	Languages q.Text   `yaml:"languages"`
	Forms     []string `yaml:"forms"`
	Regions   []string `yaml:"regions"`
	// Caution marks a fact the research flags as uncertain or stale; the
	// output then says "verify before use".
	Caution  q.Text `yaml:"caution"`
	Source   string `yaml:"source"`
	Verified string `yaml:"verified"`
}

// Line is a phone, text, TTY or fax number.
type Line struct {
	q.Meta
	Kind   string `yaml:"kind"`
	Number string `yaml:"number"`
	Label  q.Text `yaml:"label"`
}

// Step is one thing to do, and when.
type Step struct {
	q.Meta
	ID      string   `yaml:"id"`
	Order   int      `yaml:"order"`
	Roles   []string `yaml:"roles"`
	Regions []string `yaml:"regions"`
	// When is a condition on the result, in the questionnaires' condition
	// language: red_flag, form + level (+ timing), routed, indicator,
	// question, all / any / not.
	When     *q.Condition `yaml:"when"`
	Text     q.Text       `yaml:"text"`
	Contacts []string     `yaml:"contacts"`
	Sources  []*Cite      `yaml:"sources"`
}

// Cite is a source for a legal statement or a fact in a step.
type Cite struct {
	q.Meta `json:"-"`
	Cite   string `yaml:"cite" json:"cite"`
	URL    string `yaml:"url" json:"url,omitempty"`
}

// Load reads contacts.yaml and steps.yaml from fsys and checks them against
// the questionnaire set they will be applied to.
func Load(fsys fs.FS, set *q.Set, requireLangs []string) (*Directory, error) {
	var cf contactsFile
	var sf stepsFile
	var list q.ErrorList
	for _, f := range []struct {
		name string
		v    any
	}{{"contacts.yaml", &cf}, {"steps.yaml", &sf}} {
		data, err := fs.ReadFile(fsys, f.name)
		if err != nil {
			return nil, fmt.Errorf("reading the guidance: %w", err)
		}
		if err := q.DecodeFile(f.name, data, f.v, "the guidance"); err != nil {
			var dl q.ErrorList
			if !errors.As(err, &dl) {
				return nil, err
			}
			list = append(list, dl...)
		}
	}
	if len(list) > 0 {
		return nil, list.Sorted()
	}
	c := &checker{langs: requireLangs, set: set}
	d := c.directory(&cf, &sf)
	if len(c.list) > 0 {
		return nil, c.list.Sorted()
	}
	return d, nil
}

type checker struct {
	langs []string
	set   *q.Set
	list  q.ErrorList
}

func (c *checker) add(p q.Pos, format string, args ...any) {
	c.list = append(c.list, &q.Error{Pos: p, Msg: fmt.Sprintf(format, args...)})
}

func (c *checker) text(t q.Text, owner q.Meta, key string, required bool) {
	c.list = append(c.list, q.TextErrors(t, owner, key, required, c.langs)...)
}

// validNumber accepts what a phone line looks like in the directory:
// digits, capitals (1-800-RUNAWAY), brackets, dashes and spaces.
func validNumber(s string) bool {
	if len(s) < 3 || len(s) > 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || strings.IndexByte("()- ", c) >= 0) {
			return false
		}
	}
	return true
}

func (c *checker) date(s string, m q.Meta, key string) time.Time {
	if s == "" {
		c.add(m.At(key), "missing %q: the date the fact was last checked, as YYYY-MM-DD", key)
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		c.add(m.At(key), "%q is not a date; write YYYY-MM-DD", s)
	}
	return t
}

func (c *checker) directory(cf *contactsFile, sf *stepsFile) *Directory {
	d := &Directory{Note: cf.Note, Contacts: cf.Contacts, Steps: sf.Steps, byID: map[string]*Contact{}}
	d.Verified = c.date(cf.Verified, cf.Meta, "verified")
	c.text(cf.Note, cf.Meta, "note", false)
	for _, ct := range cf.Contacts {
		switch {
		case !q.ValidID(ct.ID, ""):
			c.add(ct.At("id"), "contact id %q must be lower-case letters, digits and _", ct.ID)
		case d.byID[ct.ID] != nil:
			c.add(ct.At("id"), "contact id %q is already used at line %d", ct.ID, d.byID[ct.ID].Pos.Line)
		}
		d.byID[ct.ID] = ct
		c.text(ct.Name, ct.Meta, "name", true)
		c.text(ct.Purpose, ct.Meta, "purpose", true)
		c.text(ct.Hours, ct.Meta, "hours", false)
		c.text(ct.Languages, ct.Meta, "languages", false)
		c.text(ct.Caution, ct.Meta, "caution", false)
		if ct.Source == "" {
			c.add(ct.Pos, "contact %q needs a \"source\": the page its facts come from", ct.ID)
		}
		c.date(ct.Verified, ct.Meta, "verified")
		for _, l := range ct.Lines {
			if !slices.Contains(LineKinds(), l.Kind) {
				c.add(l.At("kind"), "unknown line kind %q; use one of: %s", l.Kind, strings.Join(LineKinds(), ", "))
			}
			if !validNumber(l.Number) {
				c.add(l.At("number"), "%q does not look like a phone number", l.Number)
			}
			c.text(l.Label, l.Meta, "label", false)
		}
		c.list1(ct.Forms, q.Forms(), ct.Meta, "forms")
		c.list1(ct.Regions, Regions(), ct.Meta, "regions")
	}
	seen := map[string]bool{}
	for _, s := range sf.Steps {
		if !q.ValidID(s.ID, "") || seen[s.ID] {
			c.add(s.At("id"), "step id %q must be unique, lower-case letters, digits and _", s.ID)
		}
		seen[s.ID] = true
		if s.Order < 1 {
			c.add(s.At("order"), "step %q needs an \"order\" of 1 or more: lower comes first", s.ID)
		}
		c.subset(s.Roles, Roles(), s.Meta, "roles")
		c.subset(s.Regions, Regions(), s.Meta, "regions")
		if s.When == nil {
			c.add(s.Pos, "step %q needs a \"when\" condition", s.ID)
		} else {
			c.cond(s.When)
		}
		c.text(s.Text, s.Meta, "text", true)
		for _, id := range s.Contacts {
			if d.byID[id] == nil {
				var ids []string
				for _, ct := range cf.Contacts {
					ids = append(ids, ct.ID)
				}
				hint := ""
				if best := q.Closest(id, ids); best != "" {
					hint = fmt.Sprintf("; did you mean %q?", best)
				}
				c.add(s.At("contacts"), "step %q names unknown contact %q%s", s.ID, id, hint)
			}
		}
		for _, src := range s.Sources {
			if strings.TrimSpace(src.Cite) == "" {
				c.add(src.Pos, "a source needs a \"cite\"")
			}
		}
	}
	slices.SortStableFunc(d.Steps, func(a, b *Step) int { return a.Order - b.Order })
	return d
}

// list1 checks a non-empty list of known values.
func (c *checker) list1(vals, valid []string, m q.Meta, key string) {
	if len(vals) == 0 {
		c.add(m.At(key), "%q must list at least one of: %s", key, strings.Join(valid, ", "))
	}
	c.subset(vals, valid, m, key)
}

func (c *checker) subset(vals, valid []string, m q.Meta, key string) {
	for _, v := range vals {
		if !slices.Contains(valid, v) {
			c.add(m.At(key), "unknown value %q in %q; use: %s", v, key, strings.Join(valid, ", "))
		}
	}
}

func (c *checker) cond(cd *q.Condition) {
	c.list = append(c.list, c.set.CheckGuidance(cd)...)
}
