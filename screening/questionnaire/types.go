// Package questionnaire defines the YAML questionnaire format, loads a set of
// questionnaire files and validates the whole set before anything is asked.
//
// Every value keeps the file, line and column it came from, so that a mistake
// found after decoding (an unknown question id, a level that can never fire)
// is reported where the author has to fix it.
package questionnaire

import "slices"

// Forms returns the four forms of trafficking a result always reports, in the
// order results list them. A module file's id must be one of them. Each call
// returns a fresh copy: the enumeration cannot be changed from outside.
func Forms() []string { return slices.Clone(forms) }

var forms = []string{"labor", "sex", "forced_marriage", "organ"}

// TriageID is the id of the short first questionnaire that routes to modules.
const TriageID = "triage"

// MeansID is the id of the shared means questionnaire: the control facts
// (force, fraud, coercion) that serve every form, asked once per screening
// and each tied by a follow-up to the situation it serves.
const MeansID = "means"

// ForSuffix ends the id of the follow-up that a situation question gets:
// "m_documents" is followed by "m_documents_for" (which situation was it?).
const ForSuffix = "_for"

// Answers maps question ids to the answer ids given. A single or yes/no
// question has one; a multiple choice question one or more. A question that
// was not asked, or skipped by a runner, is absent: absent is never "no".
type Answers map[string][]string

// Has reports whether the answer to a question includes id.
func (a Answers) Has(question, id string) bool {
	for _, v := range a[question] {
		if v == id {
			return true
		}
	}
	return false
}

// Known reports whether the question got a substantive answer, not "not
// sure" or "prefer not to say".
func (a Answers) Known(question string) bool {
	v := a[question]
	return len(v) > 0 && v[0] != NotSure && v[0] != PreferNotToSay
}

// Clone returns a copy that can be changed without touching a.
func (a Answers) Clone() Answers {
	c := make(Answers, len(a))
	for k, v := range a {
		c[k] = v
	}
	return c
}

// Answer ids every question offers in addition to its own. They are answers
// of their own: neither ever counts as "no".
const (
	NotSure        = "not_sure"
	PreferNotToSay = "prefer_not_to_say"
)

// Question types.
const (
	YesNo = "yes_no" // yes / no / not sure / prefer not to say
	// NowBefore tells a current fact from a past one: a person who escaped
	// days ago, or a survivor of years ago, is still owed a referral.
	NowBefore = "now_before" // now / before / no / not sure / prefer not to say
	Single    = "single"     // one of the question's choices
	Multiple  = "multiple"   // any number of the question's choices
)

// Answer ids of a now_before question, besides "no".
const (
	Now    = "now"
	Before = "before"
)

// RedFlags returns the red flags, which override the scored levels and come
// first in a result.
func RedFlags() []string { return []string{"emergency", "minor", "one_chance"} }

// Strength is how strongly an indicator points to trafficking, as graded by
// the ILO/EC 2009 Delphi indicators.
type Strength string

// Strengths, strongest first.
const (
	Strong Strength = "strong"
	Medium Strength = "medium"
	Weak   Strength = "weak"
)

// Strengths returns the strengths, strongest first.
func Strengths() []Strength { return []Strength{Strong, Medium, Weak} }

// Levels returns the levels a level rule may set. "none" is never written in
// a file: it is what a form gets when no level rule holds (rules.Level has
// all three).
func Levels() []string { return []string{"refer", "concern"} }

// Respondent is who a question is asked of (its asked_of): the person, or
// the screener, who answers from what they see.
type Respondent string

// Respondents.
const (
	Person   Respondent = "person"
	Screener Respondent = "screener"
)

// Respondents returns the values asked_of may take.
func Respondents() []Respondent { return []Respondent{Person, Screener} }

// strs turns an enumeration into plain strings, for messages and the schema.
func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// Pos is where a value stands in a questionnaire file.
type Pos struct {
	File string
	Line int
	Col  int
}

// Meta is filled by the decoder for every struct that embeds it: where the
// mapping starts and where each of its keys' values stands.
type Meta struct {
	Pos Pos
	// Keys holds each key written, with its value's position. A slice, not a
	// map: a mapping has a handful of keys, and the loader makes thousands.
	Keys []KeyPos
}

// KeyPos is a key of a mapping and where its value stands.
type KeyPos struct {
	Key string
	Pos Pos
}

func (m *Meta) setMeta(x Meta) { *m = x }

// At returns the position of key's value, or of the mapping itself when the
// key is absent, so that "missing X" errors point at the right block.
func (m Meta) At(key string) Pos {
	for _, k := range m.Keys {
		if k.Key == key {
			return k.Pos
		}
	}
	return m.Pos
}

// Has reports whether the key was written in the file.
func (m Meta) Has(key string) bool {
	for _, k := range m.Keys {
		if k.Key == key {
			return true
		}
	}
	return false
}

// Text is a human-readable string in several languages, keyed by language
// code ("en", "es"). English is required everywhere.
type Text struct {
	Meta
	Lang map[string]string
}

// In returns the text in lang, falling back to English.
func (t Text) In(lang string) string {
	if s, ok := t.Lang[lang]; ok && s != "" {
		return s
	}
	return t.Lang["en"]
}

// IsZero reports whether no text was given at all.
func (t Text) IsZero() bool { return len(t.Lang) == 0 }

// ResultConditions returns the conditions a file's result rests on, in
// order: its purpose, then each indicator's, level rule's and red flag's.
// (Nil conditions are left in; Condition methods accept nil.)
func (f *File) ResultConditions() []*Condition {
	out := []*Condition{f.Purpose}
	for _, ind := range f.Indicators {
		out = append(out, ind.When)
	}
	for _, l := range f.Levels {
		out = append(out, l.When)
	}
	for _, rf := range f.RedFlags {
		out = append(out, rf.When)
	}
	return out
}

// File is one questionnaire: the triage or a module for one form.
type File struct {
	Meta
	// Name is the file's name within the set, as errors print it.
	Name string `yaml:"-"`

	ID         string       `yaml:"id"`
	Version    int          `yaml:"version"`
	Title      Text         `yaml:"title"`
	Intro      Text         `yaml:"intro"`
	Sources    []*Source    `yaml:"sources"`
	Dimensions []*Dimension `yaml:"dimensions"`
	Questions  []*Question  `yaml:"questions"`
	Indicators []*Indicator `yaml:"indicators"`
	Levels     []*LevelRule `yaml:"levels"`
	RedFlags   []*RedFlag   `yaml:"red_flags"`
	Routes     []*Route     `yaml:"routes"`

	// Situation is the means file's situation this module's form is about
	// (work, sex, marriage, medical): a means the person tied to another
	// situation does not count here.
	Situation string `yaml:"situation"`
	// Purpose holds the facts of the form's own purpose. A form rises above
	// "none" only when it holds: control facts alone never make a form.
	Purpose *Condition `yaml:"purpose"`

	// Means file only: the situations a means can be tied to, and the
	// follow-up's wording.
	Situations    []*Choice `yaml:"situations"`
	SituationText Text      `yaml:"situation_text"`
	SituationHint Text      `yaml:"situation_hint"`
}

// IsTriage reports whether the file is the triage questionnaire.
func (f *File) IsTriage() bool { return f.ID == TriageID }

// IsMeans reports whether the file is the shared means questionnaire.
func (f *File) IsMeans() bool { return f.ID == MeansID }

// IsModule reports whether the file is a module for one form.
func (f *File) IsModule() bool { return !f.IsTriage() && !f.IsMeans() }

// Source is a document an indicator or rule rests on.
type Source struct {
	Meta
	ID   string `yaml:"id"`
	Cite string `yaml:"cite"`
	URL  string `yaml:"url"`
}

// Dimension groups indicators; it is present when the weighted count of its
// fired indicators reaches the threshold. With weights strong=4, medium=2,
// weak=1, weak_cap=1 and threshold=5 this is exactly the ILO/EC 2009 rule
// (two strong, one strong plus one other, three medium, or two medium plus
// one weak).
type Dimension struct {
	Meta
	ID        string  `yaml:"id"`
	Label     Text    `yaml:"label"`
	Weights   Weights `yaml:"weights"`
	WeakCap   *int    `yaml:"weak_cap"`
	Threshold int     `yaml:"threshold"`
}

// Weights per strength.
type Weights struct {
	Meta
	Strong int `yaml:"strong"`
	Medium int `yaml:"medium"`
	Weak   int `yaml:"weak"`
}

// Of returns the weight of one strength.
func (w Weights) Of(strength Strength) int {
	switch strength {
	case Strong:
		return w.Strong
	case Medium:
		return w.Medium
	case Weak:
		return w.Weak
	}
	return 0
}

// Question is one item, asked of the person or observed by the screener.
type Question struct {
	Meta
	ID      string     `yaml:"id"`
	AskedOf Respondent `yaml:"asked_of"`
	Text    Text       `yaml:"text"`
	Hint    Text       `yaml:"hint"`
	Type    string     `yaml:"type"`
	Choices []*Choice  `yaml:"choices"`
	ShowIf  *Condition `yaml:"show_if"`
	// Gate marks a module's purpose question: asked before the shared means,
	// so that a module whose purpose the person denies ends there.
	Gate bool `yaml:"gate"`
	// Situation (means file only) asks, after a yes, which situation the
	// fact belongs to: the loader adds the follow-up question ID_for.
	Situation bool `yaml:"situation"`
	// Always marks a triage question asked in every screening, even when
	// modules are named on the command line: safety and age come first.
	Always bool `yaml:"always"`

	// File is the questionnaire the question belongs to (set by Load).
	File *File `yaml:"-"`
	// FollowUp is the situation follow-up of a situation question, and For
	// the question a follow-up belongs to (both set by Load).
	FollowUp *Question `yaml:"-"`
	For      *Question `yaml:"-"`
}

// Choice is one answer a single or multiple choice question offers.
type Choice struct {
	Meta
	ID   string `yaml:"id"`
	Text Text   `yaml:"text"`
	// Exclusive marks a choice that stands alone ("none of these").
	Exclusive bool `yaml:"exclusive"`
}

// Indicator is a graded sign of trafficking that fires when its condition
// holds.
type Indicator struct {
	Meta
	ID        string     `yaml:"id"`
	Dimension string     `yaml:"dimension"`
	Strength  Strength   `yaml:"strength"`
	When      *Condition `yaml:"when"`
	Label     Text       `yaml:"label"`
	Explain   Text       `yaml:"explain"`
	Source    string     `yaml:"source"`

	File *File `yaml:"-"`
}

// LevelRule raises a form to a level when its condition holds. Rules are
// evaluated top-down; the first that holds wins.
type LevelRule struct {
	Meta
	Level   string     `yaml:"level"`
	When    *Condition `yaml:"when"`
	Explain Text       `yaml:"explain"`
}

// RedFlag fires when its condition holds, whatever the levels say.
type RedFlag struct {
	Meta
	ID      string     `yaml:"id"`
	When    *Condition `yaml:"when"`
	Label   Text       `yaml:"label"`
	Source  string     `yaml:"source"`
	Explain Text       `yaml:"explain"`
}

// Route sends a screening from the triage to a module.
type Route struct {
	Meta
	Module string     `yaml:"module"`
	When   *Condition `yaml:"when"`
}

// Condition is data, not a string to parse, so that every reference in it is
// checked at load time and every result can be explained. Exactly one form is
// used:
//
//	all: [...] / any: [...] / not: {...}
//	question: ID, is: ANSWER      (for multiple choice: the answer is among those chosen)
//	question: ID, in: [ANSWER...] (any of them)
//	dimension: ID                 (the dimension is present; "any": some dimension is)
//	strength: S [, dimension: ID] (an indicator of that strength fired [in that dimension])
//	indicator: ID | any           (that indicator, or any of the module's, fired)
//	red_flag: ID                  (that red flag fired)
//
// In a module, a condition on a means question carries "for: SITUATION": it
// holds only when the person tied the fact to the module's situation (or was
// not sure which: then it counts, but can raise the form to concern at most).
//
// Guidance conditions, on a result, may also use:
//
//	form: F | any, level: [...] [, timing: now | past]
//	routed: F | any               (only the triage ran, and it points to F)
type Condition struct {
	Meta
	All       []*Condition `yaml:"all"`
	Any       []*Condition `yaml:"any"`
	Not       *Condition   `yaml:"not"`
	Question  string       `yaml:"question"`
	Is        string       `yaml:"is"`
	In        []string     `yaml:"in"`
	Dimension string       `yaml:"dimension"`
	Strength  Strength     `yaml:"strength"`
	Indicator string       `yaml:"indicator"`
	RedFlag   string       `yaml:"red_flag"`
	For       string       `yaml:"for"`
	Form      string       `yaml:"form"`
	Level     []string     `yaml:"level"`
	Timing    string       `yaml:"timing"`
	Routed    string       `yaml:"routed"`
}

// Values returns the answers a question condition accepts.
func (c *Condition) Values() []string {
	if c.Is != "" {
		return []string{c.Is}
	}
	return c.In
}
