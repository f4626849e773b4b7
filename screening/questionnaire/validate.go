package questionnaire

import (
	"fmt"
	"slices"
	"strings"
)

// ValidID reports whether s is a well-formed id: 1 to 64 lower-case letters,
// digits and _, starting with a letter; extra lists further allowed bytes
// (source ids may use "-", as citations do: "ilo-ec-2009"). It is written
// out rather than a regexp: a counted repetition compiles to a large program
// at start-up, and every command pays for it.
func ValidID(s, extra string) bool {
	if len(s) == 0 || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || strings.IndexByte(extra, c) >= 0) {
			return false
		}
	}
	return true
}

// Ranges for the numbers a dimension may carry.
const (
	maxWeight    = 100
	maxThreshold = 1000
)

// checker validates a whole set. It runs in passes so that a reference can
// point at anything defined in the set, and every problem is reported.
type checker struct {
	e    *errs
	opts Options
	set  *Set
	// order of every question in its file, to reject show_if that looks ahead.
	order map[string]int
	// red flags defined anywhere in the set.
	flags map[string]bool
}

// condition contexts: what a condition may refer to where it stands.
type scope int

const (
	scopeShowIf    scope = iota // questions only
	scopeIndicator              // questions only
	scopeRoute                  // questions only
	scopeRedFlag                // questions and indicators
	scopeLevel                  // anything of the file
	scopePurpose                // questions only
	scopeGuidance               // a result: forms, levels, red flags, answers
)

func check(files []*File, opts Options, e *errs) *Set {
	c := &checker{e: e, opts: opts, order: map[string]int{}, flags: map[string]bool{}}
	s := &Set{modules: map[string]*File{}, questions: map[string]*Question{}, indicators: map[string]*Indicator{}}
	c.set = s

	// Pass 1: file identity, then every id, so that references resolve.
	valid := append([]string{TriageID, MeansID}, Forms()...)
	seen := map[string]*File{}
	for _, f := range files {
		switch {
		case f.ID == "":
			e.add(f.Pos, "missing \"id\"; use %s", strings.Join(valid, ", "))
			continue
		case !slices.Contains(valid, f.ID):
			e.add(f.At("id"), "unknown questionnaire id %q%s", f.ID, oneOf(f.ID, valid))
			continue
		case seen[f.ID] != nil:
			e.add(f.At("id"), "questionnaire %q is already defined in %s; a set holds one file per id", f.ID, seen[f.ID].Name)
			continue
		}
		seen[f.ID] = f
		switch {
		case f.IsTriage():
			s.Triage = f
		case f.IsMeans():
			s.Means = f
		default:
			s.modules[f.ID] = f
		}
	}
	if s.Triage != nil {
		s.Files = append(s.Files, s.Triage)
	}
	if s.Means != nil {
		addFollowUps(s.Means)
		s.Files = append(s.Files, s.Means)
	}
	for _, id := range Forms() {
		if f := s.modules[id]; f != nil {
			s.Files = append(s.Files, f)
		}
	}
	for _, f := range s.Files {
		for i, q := range f.Questions {
			q.File = f
			c.order[q.ID] = i
			if q.ID == "" {
				continue
			}
			if prev := s.questions[q.ID]; prev != nil {
				e.add(q.At("id"), "question id %q is already used at %s; question ids must be unique in the whole set", q.ID, short(prev.Pos))
				continue
			}
			s.questions[q.ID] = q
		}
		for _, ind := range f.Indicators {
			ind.File = f
			if ind.ID == "" {
				continue
			}
			if prev := s.indicators[ind.ID]; prev != nil {
				e.add(ind.At("id"), "indicator id %q is already used at %s; indicator ids must be unique in the whole set", ind.ID, short(prev.Pos))
				continue
			}
			s.indicators[ind.ID] = ind
		}
		for _, rf := range f.RedFlags {
			c.flags[rf.ID] = true
		}
	}

	// Pass 2: everything else, file by file.
	for _, f := range s.Files {
		c.file(f)
	}
	return s
}

// addFollowUps puts after every situation question of the means file its
// follow-up: which situation was it about? The follow-ups are built, not
// written, so that every means is tied in the same words and the same
// choices, and a module can rely on ID_for existing.
func addFollowUps(f *File) {
	var out []*Question
	for _, q := range f.Questions {
		out = append(out, q)
		if !q.Situation || q.ID == "" {
			continue
		}
		yes := []string{"yes"}
		if q.Type == NowBefore {
			yes = []string{Now, Before}
		}
		fu := &Question{
			Meta: q.Meta, ID: q.ID + ForSuffix, AskedOf: q.AskedOf, Type: Multiple,
			Text: f.SituationText, Hint: f.SituationHint, Choices: f.Situations,
			ShowIf: &Condition{Meta: q.Meta, Question: q.ID, In: yes},
			For:    q,
		}
		q.FollowUp = fu
		out = append(out, fu)
	}
	f.Questions = out
}

func short(p Pos) string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

func (c *checker) file(f *File) {
	if !f.Has("version") {
		c.e.add(f.Pos, "missing \"version\"; start at 1 and raise it whenever a question or rule changes")
	} else if f.Version < 1 {
		c.e.add(f.At("version"), "version must be 1 or more")
	}
	c.text(f.Title, f.Meta, "title", true)
	c.text(f.Intro, f.Meta, "intro", true)

	sources := map[string]bool{}
	for _, s := range f.Sources {
		if c.id(s.ID, s.Meta, "source") && sources[s.ID] {
			c.e.add(s.At("id"), "source id %q is defined twice in this file", s.ID)
		}
		sources[s.ID] = true
		if strings.TrimSpace(s.Cite) == "" {
			c.e.add(s.At("cite"), "source %q needs a \"cite\": author, title and year", s.ID)
		}
	}
	c.dimensions(f)

	if len(f.Questions) == 0 {
		c.e.add(f.At("questions"), "a questionnaire needs at least one question under \"questions\"")
	}
	for _, q := range f.Questions {
		c.question(f, q)
	}

	dims := dimensionIDs(f)
	for _, ind := range f.Indicators {
		c.id(ind.ID, ind.Meta, "indicator")
		if ind.Dimension == "" {
			c.e.add(ind.Pos, "indicator %q needs a \"dimension\"", ind.ID)
		} else if !slices.Contains(dims, ind.Dimension) {
			c.e.add(ind.At("dimension"), "indicator %q names an unknown dimension %q%s", ind.ID, ind.Dimension, oneOf(ind.Dimension, dims))
		}
		if ind.Strength == "" {
			c.e.add(ind.Pos, "indicator %q needs a \"strength\": strong, medium or weak", ind.ID)
		} else if !slices.Contains(Strengths(), ind.Strength) {
			c.e.add(ind.At("strength"), "unknown strength %q%s", ind.Strength, oneOf(ind.Strength, Strengths()))
		}
		c.when(f, ind.When, ind.Meta, scopeIndicator, "indicator "+quote(ind.ID))
		c.text(ind.Label, ind.Meta, "label", true)
		c.text(ind.Explain, ind.Meta, "explain", false)
		c.sourceRef(f, sources, ind.Source, ind.Meta, "indicator "+quote(ind.ID), true)
	}

	if !f.IsModule() {
		what := "the triage"
		if f.IsMeans() {
			what = "the means file"
		}
		if len(f.Levels) > 0 {
			c.e.add(f.At("levels"), "%s has no levels: the modules decide levels", what)
		}
		if len(f.Indicators) > 0 {
			c.e.add(f.At("indicators"), "%s has no indicators: move them to the module for their form, which may refer to its questions", what)
		}
		for _, k := range []string{"purpose", "situation"} {
			if f.Has(k) {
				c.e.add(f.At(k), "%q belongs to a module; %s has none", k, what)
			}
		}
	} else {
		c.module(f)
	}
	if f.IsMeans() {
		c.means(f)
	} else {
		for _, k := range []string{"situations", "situation_text", "situation_hint"} {
			if f.Has(k) {
				c.e.add(f.At(k), "%q belongs to the means file (means.yaml)", k)
			}
		}
		if f.IsModule() && len(f.Routes) > 0 {
			c.e.add(f.At("routes"), "only the triage has routes; a module is run when the triage routes to it or when it is named on the command line")
		}
	}
	if f.IsMeans() && (len(f.Routes) > 0 || len(f.RedFlags) > 0) {
		c.e.add(f.Pos, "the means file holds questions only: no routes and no red flags")
	}

	for _, l := range f.Levels {
		if l.Level == "" {
			c.e.add(l.Pos, "a level rule needs a \"level\": refer or concern")
		} else if !slices.Contains(Levels(), l.Level) {
			c.e.add(l.At("level"), "unknown level %q%s (a form with no level rule that holds is \"none\")", l.Level, oneOf(l.Level, Levels()))
		}
		if c.when(f, l.When, l.Meta, scopeLevel, "level "+quote(l.Level)) {
			if ok, why := c.possible(f, l.When); !ok {
				c.e.add(l.At("when"), "level %q can never be reached: %s", l.Level, why)
			}
		}
		c.text(l.Explain, l.Meta, "explain", true)
	}
	flagSeen := map[string]bool{}
	for _, rf := range f.RedFlags {
		if rf.ID == "" {
			c.e.add(rf.Pos, "a red flag needs an \"id\": %s", strings.Join(RedFlags(), ", "))
		} else if !slices.Contains(RedFlags(), rf.ID) {
			c.e.add(rf.At("id"), "unknown red flag %q%s", rf.ID, oneOf(rf.ID, RedFlags()))
		}
		if flagSeen[rf.ID] {
			c.e.add(rf.At("id"), "red flag %q is defined twice in this file; combine the conditions with any:", rf.ID)
		}
		flagSeen[rf.ID] = true
		if c.when(f, rf.When, rf.Meta, scopeRedFlag, "red flag "+quote(rf.ID)) {
			if ok, why := c.possible(f, rf.When); !ok {
				c.e.add(rf.At("when"), "red flag %q can never fire: %s", rf.ID, why)
			}
		}
		c.text(rf.Label, rf.Meta, "label", true)
		c.text(rf.Explain, rf.Meta, "explain", false)
		c.sourceRef(f, sources, rf.Source, rf.Meta, "red flag "+quote(rf.ID), false)
	}
	for _, r := range f.Routes {
		if r.Module == "" {
			c.e.add(r.Pos, "a route needs a \"module\": %s", strings.Join(Forms(), ", "))
		} else if !slices.Contains(Forms(), r.Module) {
			c.e.add(r.At("module"), "unknown module %q%s", r.Module, oneOf(r.Module, Forms()))
		}
		c.when(f, r.When, r.Meta, scopeRoute, "the route to "+quote(r.Module))
	}
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

// situationIDs lists the situations of the set's means file.
func (c *checker) situationIDs() []string {
	var ids []string
	if c.set.Means != nil {
		for _, s := range c.set.Means.Situations {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// module checks what a module adds to a questionnaire: its situation and its
// purpose.
func (c *checker) module(f *File) {
	sits := c.situationIDs()
	switch {
	case f.Situation == "" && c.set.Means != nil:
		c.e.add(f.Pos, "module %q needs a \"situation\": which of the means file's situations its form is about (%s)", f.ID, strings.Join(sits, ", "))
	case f.Situation != "" && c.set.Means == nil:
		c.e.add(f.At("situation"), "\"situation\" needs the means file (means.yaml) in the set")
	case f.Situation != "" && !slices.Contains(sits, f.Situation):
		c.e.add(f.At("situation"), "unknown situation %q%s", f.Situation, oneOf(f.Situation, sits))
	}
	// Without a purpose a module's form is scored whenever it runs; the
	// shipped modules all state one (a test checks), and authors should.
	if f.Purpose != nil {
		c.cond(f, f.Purpose, scopePurpose, nil)
	}
}

// means checks the means file's situations.
func (c *checker) means(f *File) {
	if len(f.Situations) < 2 {
		c.e.add(f.At("situations"), "the means file needs at least two \"situations\" (for example work, sex, marriage, medical, other)")
	}
	seen := map[string]bool{}
	for _, s := range f.Situations {
		if c.id(s.ID, s.Meta, "situation") && seen[s.ID] {
			c.e.add(s.At("id"), "situation %q is listed twice", s.ID)
		}
		seen[s.ID] = true
		c.personText(s.Text, s.Meta, "text", f.ID+": situations: "+s.ID)
	}
	c.personText(f.SituationText, f.Meta, "situation_text", f.ID+": situation_text")
	c.text(f.SituationHint, f.Meta, "situation_hint", false)
}

func (c *checker) dimensions(f *File) {
	seen := map[string]bool{}
	for _, d := range f.Dimensions {
		if c.id(d.ID, d.Meta, "dimension") && (seen[d.ID] || d.ID == "any") {
			c.e.add(d.At("id"), "dimension id %q is already used; dimension ids are unique in a file and \"any\" is reserved", d.ID)
		}
		seen[d.ID] = true
		c.text(d.Label, d.Meta, "label", true)
		if !d.Has("weights") {
			c.e.add(d.Pos, "dimension %q needs \"weights\" for strong, medium and weak (the ILO/EC rule is 4, 2, 1)", d.ID)
		} else {
			w := d.Weights
			for _, s := range Strengths() {
				if v := w.Of(s); v < 0 || v > maxWeight {
					c.e.add(w.At(string(s)), "weight %d for %s is out of range; use 0 to %d", v, s, maxWeight)
				}
			}
			if w.Strong+w.Medium+w.Weak == 0 {
				c.e.add(d.At("weights"), "every weight of dimension %q is 0, so it can never be present", d.ID)
			}
		}
		if d.WeakCap != nil && (*d.WeakCap < 0 || *d.WeakCap > maxWeight) {
			c.e.add(d.At("weak_cap"), "weak_cap %d is out of range; use 0 to %d, or leave it out for no cap", *d.WeakCap, maxWeight)
		}
		if !d.Has("threshold") {
			c.e.add(d.Pos, "dimension %q needs a \"threshold\" (the ILO/EC rule is 5)", d.ID)
		} else if d.Threshold < 1 || d.Threshold > maxThreshold {
			c.e.add(d.At("threshold"), "threshold %d is out of range; use 1 to %d", d.Threshold, maxThreshold)
		}
	}
}

func dimensionIDs(f *File) []string {
	var ids []string
	for _, d := range f.Dimensions {
		ids = append(ids, d.ID)
	}
	return ids
}

func (c *checker) question(f *File, q *Question) {
	c.id(q.ID, q.Meta, "question")
	switch {
	case q.AskedOf == "":
		c.e.add(q.Pos, "question %q needs \"asked_of\": person, or screener for an observation", q.ID)
	case !slices.Contains(Respondents(), q.AskedOf):
		c.e.add(q.At("asked_of"), "unknown asked_of %q%s", q.AskedOf, oneOf(q.AskedOf, Respondents()))
	}
	person := q.AskedOf != Screener
	where := f.ID + ": questions: " + q.ID
	if person {
		w := where
		if len(q.Choices) > 0 {
			w += ": text"
		}
		c.personText(q.Text, q.Meta, "text", w)
	} else {
		c.text(q.Text, q.Meta, "text", true)
	}
	c.text(q.Hint, q.Meta, "hint", false)
	types := []string{YesNo, NowBefore, Single, Multiple}
	switch {
	case q.Type == "":
		c.e.add(q.Pos, "question %q needs a \"type\": %s", q.ID, strings.Join(types, ", "))
	case !slices.Contains(types, q.Type):
		c.e.add(q.At("type"), "unknown type %q%s", q.Type, oneOf(q.Type, types))
	case (q.Type == YesNo || q.Type == NowBefore) && len(q.Choices) > 0:
		builtIn := (&Question{Type: q.Type, AskedOf: Person}).AnswerIDs()
		c.e.add(q.At("choices"), "a %s question has its answers built in (%s); remove \"choices\" or make it type single", q.Type, strings.Join(builtIn, ", "))
	case q.Type != YesNo && q.Type != NowBefore && len(q.Choices) < 2:
		c.e.add(q.At("choices"), "a %s question needs at least two \"choices\"", q.Type)
	}
	seen := map[string]bool{}
	for _, ch := range q.Choices {
		if !c.id(ch.ID, ch.Meta, "choice") {
			continue
		}
		switch {
		case ch.ID == NotSure || ch.ID == PreferNotToSay:
			c.e.add(ch.At("id"), "%q is offered with every question already; remove this choice", ch.ID)
		case seen[ch.ID]:
			c.e.add(ch.At("id"), "choice %q appears twice in question %q", ch.ID, q.ID)
		}
		seen[ch.ID] = true
		if person {
			c.personText(ch.Text, ch.Meta, "text", where+": choices: "+ch.ID)
		} else {
			c.text(ch.Text, ch.Meta, "text", true)
		}
		if ch.Exclusive && q.Type != Multiple {
			c.e.add(ch.At("exclusive"), "\"exclusive\" is for a choice of a multiple question; a %s question takes one answer anyway", q.Type)
		}
	}
	if q.For != nil {
		return // a built follow-up: its parts were checked where they were written
	}
	if q.Situation {
		switch {
		case !f.IsMeans():
			c.e.add(q.At("situation"), "\"situation\" is for questions of the means file, whose facts serve every form")
		case q.Type != YesNo && q.Type != NowBefore:
			c.e.add(q.At("situation"), "a situation question must be yes_no or now_before: the follow-up is asked after a yes")
		case c.set.questions[q.ID+ForSuffix] != nil && c.set.questions[q.ID+ForSuffix].For != q:
			c.e.add(q.At("id"), "question %q gets a follow-up %q, but that id is already used; rename one", q.ID, q.ID+ForSuffix)
		}
	}
	if q.Gate && !f.IsModule() {
		c.e.add(q.At("gate"), "\"gate\" marks a module's purpose question; %s has no gate", f.Name)
	}
	if q.ShowIf != nil {
		c.cond(f, q.ShowIf, scopeShowIf, q)
	}
	if q.Always && !f.IsTriage() {
		c.e.add(q.At("always"), "\"always\" is for triage questions; every question of a module is asked when the module runs")
	}
}

// id checks that an id is present and well formed.
func (c *checker) id(id string, m Meta, what string) bool {
	switch {
	case id == "":
		c.e.add(m.Pos, "this %s needs an \"id\"", what)
		return false
	case what == "source" && !ValidID(id, "-"):
		c.e.add(m.At("id"), "source id %q must be lower-case letters, digits, _ and - and start with a letter", id)
		return false
	case what != "source" && !ValidID(id, ""):
		c.e.add(m.At("id"), "%s id %q must be lower-case letters, digits and _ and start with a letter", what, id)
		return false
	}
	return true
}

// text checks a translatable string: English always, and every language the
// caller requires.
func (c *checker) text(t Text, owner Meta, key string, required bool) {
	c.e.list = append(c.e.list, TextErrors(t, owner, key, required, c.opts.RequireLangs)...)
}

// personText checks a string the person being screened reads (a question
// put to them, its answers): it needs the person's languages too.
// A language offered only to the person has its texts in person/LANG.yaml,
// under where.
func (c *checker) personText(t Text, owner Meta, key, where string) {
	c.e.list = append(c.e.list, TextErrors(t, owner, key, true, c.opts.RequireLangs)...)
	if t.IsZero() {
		return
	}
	for _, lang := range c.opts.RequirePersonLangs {
		if t.Lang[lang] == "" {
			c.e.add(t.Pos, "%q has no %s text; %s", key, lang, personHint(lang, where))
		}
	}
}

// TextErrors checks a translatable string found under key in owner: present
// if required, with English, and with every language in langs.
func TextErrors(t Text, owner Meta, key string, required bool, langs []string) ErrorList {
	e := &errs{}
	if t.IsZero() {
		if required {
			e.add(owner.At(key), "missing %q; give at least the English text: %s: {en: \"...\"}", key, key)
		}
		return e.list
	}
	if t.Lang["en"] == "" {
		e.add(t.Pos, "%q has no English text; add en: \"...\" (English is the fallback for every language)", key)
	}
	for _, lang := range langs {
		if t.Lang[lang] == "" {
			e.add(t.Pos, "%q has no %s text; add %s: \"...\"", key, lang, lang)
		}
	}
	return e.list
}

func (c *checker) sourceRef(f *File, sources map[string]bool, id string, m Meta, what string, required bool) {
	if id == "" {
		if required {
			c.e.add(m.Pos, "%s needs a \"source\" naming one of the file's sources", what)
		}
		return
	}
	if !sources[id] {
		var ids []string
		for _, s := range f.Sources {
			ids = append(ids, s.ID)
		}
		c.e.add(m.At("source"), "%s cites unknown source %q%s", what, id, oneOf(id, ids))
	}
}

// when checks a required condition and reports whether it is usable.
func (c *checker) when(f *File, cond *Condition, owner Meta, sc scope, what string) bool {
	if cond == nil {
		if !owner.Has("when") {
			c.e.add(owner.Pos, "%s needs a \"when\" condition", what)
		}
		return false
	}
	before := len(c.e.list)
	c.cond(f, cond, sc, nil)
	return len(c.e.list) == before
}

// cond checks one condition tree. self is the question whose show_if this is.
func (c *checker) cond(f *File, cd *Condition, sc scope, self *Question) {
	var forms []string
	for _, k := range []string{"all", "any", "not", "question", "indicator", "red_flag", "strength", "form", "routed"} {
		if cd.Has(k) {
			forms = append(forms, k)
		}
	}
	if cd.Has("dimension") && !cd.Has("strength") {
		forms = append(forms, "dimension")
	}
	switch len(forms) {
	case 0:
		c.e.add(cd.Pos, "empty condition; use one of all, any, not, question, dimension, strength, indicator, red_flag (and in guidance form, routed)")
		return
	case 1:
	default:
		c.e.add(cd.Pos, "a condition uses %s together; wrap them in all: [...] or any: [...]", strings.Join(forms, " and "))
		return
	}
	if (cd.Has("is") || cd.Has("in")) && forms[0] != "question" {
		c.e.add(cd.At("is"), "\"is\" and \"in\" go with \"question\"")
	}
	if cd.Has("for") && forms[0] != "question" {
		c.e.add(cd.At("for"), "\"for\" goes with \"question\" on a means question")
	}
	if (cd.Has("level") || cd.Has("timing")) && forms[0] != "form" {
		c.e.add(cd.At("level"), "\"level\" and \"timing\" go with \"form\"")
	}
	allowed := map[scope][]string{
		scopeShowIf:    {"all", "any", "not", "question"},
		scopeIndicator: {"all", "any", "not", "question"},
		scopeRoute:     {"all", "any", "not", "question"},
		scopePurpose:   {"all", "any", "not", "question"},
		scopeRedFlag:   {"all", "any", "not", "question", "indicator"},
		scopeLevel:     {"all", "any", "not", "question", "indicator", "red_flag", "strength", "dimension"},
		scopeGuidance:  {"all", "any", "not", "question", "indicator", "red_flag", "form", "routed"},
	}[sc]
	if !slices.Contains(allowed, forms[0]) {
		c.e.add(cd.At(forms[0]), "%q cannot be used here; only %s", forms[0], strings.Join(allowed, ", "))
		return
	}
	switch forms[0] {
	case "all", "any":
		list := cd.All
		if forms[0] == "any" {
			list = cd.Any
		}
		if len(list) == 0 {
			c.e.add(cd.At(forms[0]), "%q needs at least one condition", forms[0])
		}
		for _, sub := range list {
			c.cond(f, sub, sc, self)
		}
	case "not":
		c.cond(f, cd.Not, sc, self)
	case "question":
		c.questionRef(f, cd, self)
	case "indicator":
		switch ind := c.set.indicators[cd.Indicator]; {
		case sc == scopeGuidance:
			if ind == nil {
				c.e.add(cd.At("indicator"), "unknown indicator %q: no questionnaire in the set defines it", cd.Indicator)
			}
		case cd.Indicator == "any":
			if len(f.Indicators) == 0 {
				c.e.add(cd.At("indicator"), "\"indicator: any\" can never hold: this file has no indicators")
			}
		case ind == nil || ind.File != f:
			c.e.add(cd.At("indicator"), "unknown indicator %q in this file%s", cd.Indicator, oneOf(cd.Indicator, append(indicatorIDs(f), "any")))
		}
	case "red_flag":
		if !slices.Contains(RedFlags(), cd.RedFlag) && !(sc == scopeGuidance && cd.RedFlag == "any") {
			c.e.add(cd.At("red_flag"), "unknown red flag %q%s", cd.RedFlag, oneOf(cd.RedFlag, RedFlags()))
		}
	case "routed":
		if cd.Routed != "any" && !slices.Contains(Forms(), cd.Routed) {
			c.e.add(cd.At("routed"), "unknown form %q; use any or one of: %s", cd.Routed, strings.Join(Forms(), ", "))
		}
	case "form":
		if cd.Form != "any" && !slices.Contains(Forms(), cd.Form) {
			c.e.add(cd.At("form"), "unknown form %q; use any or one of: %s", cd.Form, strings.Join(Forms(), ", "))
		}
		levels := []string{"none", "concern", "refer"}
		if len(cd.Level) == 0 {
			c.e.add(cd.At("form"), "a form condition needs \"level\": a list of %s", strings.Join(levels, ", "))
		}
		for _, l := range cd.Level {
			if !slices.Contains(levels, l) {
				c.e.add(cd.At("level"), "unknown level %q%s", l, oneOf(l, levels))
			}
		}
		if cd.Timing != "" && cd.Timing != Now && cd.Timing != "past" {
			c.e.add(cd.At("timing"), "unknown timing %q; use now or past", cd.Timing)
		}
	case "strength":
		if !slices.Contains(Strengths(), cd.Strength) {
			c.e.add(cd.At("strength"), "unknown strength %q%s", cd.Strength, oneOf(cd.Strength, Strengths()))
		}
		fallthrough
	case "dimension":
		dims := dimensionIDs(f)
		if cd.Dimension != "" && cd.Dimension != "any" && !slices.Contains(dims, cd.Dimension) {
			c.e.add(cd.At("dimension"), "unknown dimension %q%s", cd.Dimension, oneOf(cd.Dimension, append(dims, "any")))
		}
	}
}

func indicatorIDs(f *File) []string {
	var ids []string
	for _, ind := range f.Indicators {
		ids = append(ids, ind.ID)
	}
	return ids
}

func (c *checker) questionRef(f *File, cd *Condition, self *Question) {
	q := c.set.questions[cd.Question]
	guidance := f == nil
	if q == nil {
		var ids []string
		for _, g := range c.set.Files {
			if guidance || g == f || !g.IsModule() {
				for _, q := range g.Questions {
					ids = append(ids, q.ID)
				}
			}
		}
		c.e.add(cd.At("question"), "unknown question %q%s", cd.Question, oneOf(cd.Question, ids))
		return
	}
	switch {
	case guidance:
	case q.File != f && q.File.IsModule():
		c.e.add(cd.At("question"), "question %q belongs to %s; a questionnaire may refer only to its own questions, the triage's and the means file's, because another module may not run", q.ID, q.File.Name)
		return
	case f.IsTriage() && q.File.IsMeans():
		c.e.add(cd.At("question"), "question %q belongs to the means file, which is asked after the triage; the triage may refer only to its own questions", q.ID)
		return
	case self != nil && q == self:
		c.e.add(cd.At("question"), "question %q shows itself: its show_if refers to itself, a cycle; refer to an earlier question", q.ID)
		return
	case self != nil && q.File == f && c.order[q.ID] > c.order[self.ID]:
		c.e.add(cd.At("question"), "show_if of %q refers to %q, which is asked later; skip logic may refer only to earlier questions (move one of them)", self.ID, q.ID)
		return
	}
	switch {
	case cd.Is == "" && len(cd.In) == 0:
		c.e.add(cd.At("question"), "a question condition needs \"is: ANSWER\" or \"in: [ANSWER, ...]\"; %q accepts %s", q.ID, strings.Join(q.AnswerIDs(), ", "))
	case cd.Is != "" && len(cd.In) > 0:
		c.e.add(cd.At("in"), "use either \"is\" or \"in\", not both")
	}
	key := "is"
	if cd.Is == "" {
		key = "in"
	}
	for _, v := range cd.Values() {
		if !q.Accepts(v) {
			c.e.add(cd.At(key), "question %q has no answer %q%s", q.ID, v, oneOf(v, q.AnswerIDs()))
		}
	}
	// A means counts for a form only when tied to its situation: say so in
	// every module condition, so that a reader sees the tie and no fact
	// bleeds into a form it does not belong to.
	tied := q.Situation && q.FollowUp != nil
	switch {
	case cd.For != "" && !tied:
		c.e.add(cd.At("for"), "\"for\" ties a means question to a situation; %q is not a situation question of the means file", q.ID)
	case cd.For != "" && (f == nil || !f.IsModule()):
		c.e.add(cd.At("for"), "\"for\" is used in a module's conditions, to tie a means to the module's situation")
	case cd.For != "" && cd.For != f.Situation:
		c.e.add(cd.At("for"), "this module is about %q; a means tied to %q does not count here (write for: %s)", f.Situation, cd.For, f.Situation)
	case cd.For == "" && tied && f != nil && f.IsModule():
		c.e.add(cd.At("question"), "%q is a means question: add \"for: %s\" so that it counts only when the person tied it to this module's situation", q.ID, f.Situation)
	}
}

// CheckGuidance checks a guidance condition, on a result, against the set.
func (s *Set) CheckGuidance(cd *Condition) ErrorList {
	e := &errs{}
	c := &checker{e: e, set: s, order: map[string]int{}, flags: map[string]bool{}}
	c.cond(nil, cd, scopeGuidance, nil)
	return e.list
}
