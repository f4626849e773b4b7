// Package locale holds the program's own words (prompts, headings, notes)
// in each language it ships, one message file per language in messages/,
// which a translator edits without touching Go. Questionnaire wording lives
// in the YAML questionnaires; this is only the frame around it.
//
// Messages are Go format strings (%s, %d, %q). A message that shows a
// number may have plural forms (one:, few:, many:, other: ...), and the form
// is chosen by the CLDR plural rules of the language, through go-i18n: the
// rules for Russian, Polish or Arabic are not ours to write by hand.
//
// A language is either complete (every message: it can be the screener's
// language, --lang) or a person language (meta.scope: person: only the
// person section, what the person being screened reads, for --person-lang
// and the help card).
package locale

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// Default is the language used when none is asked for, and the source every
// other message file translates.
const Default = "en"

// PersonPrefix starts the id of every message the person being screened
// reads (the person: section of a message file).
const PersonPrefix = "person."

// Status is how far a language's translation has been checked
// (docs/translation.md), lowest first after the source.
type Status string

// The translation statuses.
const (
	Source         Status = "source"
	Draft          Status = "draft"
	BackTranslated Status = "back-translated"
	Reviewed       Status = "reviewed"
)

// Statuses lists the valid statuses, source first.
func Statuses() []Status { return []Status{Source, Draft, BackTranslated, Reviewed} }

// Scope says which messages a language carries.
type Scope string

// The scopes of a message file.
const (
	// All: every message; the language can be the screener's.
	All Scope = "all"
	// Person: the person section only; the language is offered for
	// --person-lang and the help card.
	Person Scope = "person"
)

//go:embed messages/*.yaml
var embedded embed.FS

// catalog is every message file, parsed once, read-only afterwards.
type catalog struct {
	bundle *i18n.Bundle
	files  map[string]*File
	langs  []string // sorted tags, English first
	loc    map[string]*i18n.Localizer
}

// File is one language's message file.
type File struct {
	Path   string
	Lang   string
	Name   string // the language's own name for itself
	Status Status
	Scope  Scope
	msgs   map[string]*i18n.Message
	pos    map[string]string // message id -> "line:column" of its key
	// metaErrs are problems with the meta section, reported by Check.
	metaErrs []string
}

var load = sync.OnceValues(func() (*catalog, error) { return parse(embedded, "messages") })

// get returns the catalog; a broken embedded file is a build defect that the
// tests catch, so the program goes on with what parsed.
func get() *catalog {
	c, err := load()
	if err != nil && c == nil {
		panic(err)
	}
	return c
}

// parse reads every *.yaml file in dir of fsys; the file name is the
// language tag (en.yaml, zh-Hant.yaml).
func parse(fsys fs.FS, dir string) (*catalog, error) {
	c := &catalog{bundle: i18n.NewBundle(language.English), files: map[string]*File{}, loc: map[string]*i18n.Localizer{}}
	c.bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		buf, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		f, err := parseFile(c.bundle, buf, name)
		if err != nil {
			return nil, err
		}
		c.files[f.Lang] = f
		c.langs = append(c.langs, f.Lang)
	}
	if c.files[Default] == nil {
		return nil, fmt.Errorf("%s: no %s.yaml: English is the source of every message", dir, Default)
	}
	slices.SortFunc(c.langs, func(a, b string) int {
		switch {
		case a == Default:
			return -1
		case b == Default:
			return 1
		}
		return strings.Compare(a, b)
	})
	for _, l := range c.langs {
		c.loc[l] = i18n.NewLocalizer(c.bundle, l)
	}
	return c, nil
}

func parseFile(b *i18n.Bundle, buf []byte, name string) (*File, error) {
	mf, err := b.ParseMessageFileBytes(buf, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	lang := strings.TrimSuffix(path.Base(name), ".yaml")
	if _, err := language.Parse(lang); err != nil {
		return nil, fmt.Errorf("%s: the file name must be a BCP 47 language tag such as es or zh-Hant: %w", name, err)
	}
	f := &File{Path: name, Lang: lang, msgs: map[string]*i18n.Message{}, pos: map[string]string{}}
	for _, m := range mf.Messages {
		f.msgs[m.ID] = m
	}
	var root yaml.Node
	if err := yaml.Unmarshal(buf, &root); err == nil && len(root.Content) == 1 {
		positions(root.Content[0], "", f.pos)
	}
	meta := func(key string) string {
		if m := f.msgs["meta."+key]; m != nil {
			return m.Other
		}
		f.metaErrs = append(f.metaErrs, fmt.Sprintf("%s: meta.%s is missing", name, key))
		return ""
	}
	f.Name = meta("name")
	f.Status = Status(meta("status"))
	f.Scope = Scope(meta("scope"))
	if f.Status != "" && !slices.Contains(Statuses(), f.Status) {
		f.metaErrs = append(f.metaErrs, fmt.Sprintf("%s:%s: meta.status %q is not one of %v", name, f.pos["meta.status"], f.Status, Statuses()))
	}
	if f.Scope != "" && f.Scope != All && f.Scope != Person {
		f.metaErrs = append(f.metaErrs, fmt.Sprintf("%s:%s: meta.scope %q is not %q or %q", name, f.pos["meta.scope"], f.Scope, All, Person))
	}
	return f, nil
}

// pluralKeys are the keys go-i18n reads as plural forms of one message.
var pluralKeys = []string{"zero", "one", "two", "few", "many", "other"}

// positions records where each message id's key stands in the file, so that
// an error names file:line:column as a questionnaire error does.
func positions(n *yaml.Node, prefix string, pos map[string]string) {
	if n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := prefix + k.Value
		pos[id] = fmt.Sprintf("%d:%d", k.Line, k.Column)
		if v.Kind == yaml.MappingNode && !isPlural(v) {
			positions(v, id+".", pos)
		}
	}
}

func isPlural(n *yaml.Node) bool {
	for i := 0; i < len(n.Content); i += 2 {
		if !slices.Contains(pluralKeys, n.Content[i].Value) {
			return false
		}
	}
	return true
}

// Langs lists the languages every message is written in: those a screener
// can choose with --lang. English comes first.
func Langs() []string { return get().scoped(All) }

// PersonLangs lists the languages the person's messages are written in,
// English first: every language with a message file.
func PersonLangs() []string { return slices.Clone(get().langs) }

func (c *catalog) scoped(s Scope) []string {
	var l []string
	for _, lang := range c.langs {
		if c.files[lang].Scope == s {
			l = append(l, lang)
		}
	}
	return l
}

// Name is a language's name for itself ("Español", "العربية"), or the tag
// when there is no message file for it.
func Name(lang string) string {
	if f := get().files[lang]; f != nil && f.Name != "" {
		return f.Name
	}
	return lang
}

// ScopeOf is which messages lang carries; "" for a language with no
// message file.
func ScopeOf(lang string) Scope {
	if f := get().files[lang]; f != nil {
		return f.Scope
	}
	return ""
}

// StatusOf is how far lang's translation has been checked; "" for a
// language with no message file.
func StatusOf(lang string) Status {
	if f := get().files[lang]; f != nil {
		return f.Status
	}
	return ""
}

// StatusLine tells the screener, in lang, that the text in the language of
// has not been reviewed by a native-speaking professional, and how far it
// was checked; "" for the source and a reviewed language.
func StatusLine(lang, of string) string {
	st := StatusOf(of)
	switch st {
	case Source, Reviewed:
		return ""
	case "":
		st = Draft
	}
	return T(lang, "translation_status", T(lang, "lang_"+of), T(lang, "status_"+strings.ReplaceAll(string(st), "-", "_")))
}

// T returns the message for key in lang, formatted with args, falling back
// to English. A missing key is a programming error caught by the tests.
func T(lang, key string, args ...any) string {
	m := get().message(lang, key)
	if m == nil {
		// Visible, so that a test of any output catches a missing message.
		return "{" + key + "}"
	}
	return format(m.Other, args)
}

// N returns the message for key in lang in the plural form CLDR gives for
// the count n, formatted with args (with n alone when there are none).
func N(lang, key string, n int, args ...any) string {
	c := get()
	if c.message(lang, key) == nil {
		return "{" + key + "}"
	}
	loc := c.loc[lang]
	if loc == nil {
		loc = c.loc[Default]
	}
	// go-i18n falls back to English and to the "other" form on its own,
	// returning an error alongside a usable message; the tests check every
	// form is present, so the error adds nothing here.
	s, _ := loc.Localize(&i18n.LocalizeConfig{MessageID: key, PluralCount: n})
	if len(args) == 0 {
		args = []any{n}
	}
	return format(s, args)
}

func (c *catalog) message(lang, key string) *i18n.Message {
	if f := c.files[lang]; f != nil {
		if m := f.msgs[key]; m != nil && m.Other != "" {
			return m
		}
	}
	if m := c.files[Default].msgs[key]; m != nil && m.Other != "" {
		return m
	}
	return nil
}

func format(s string, args []any) string {
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}
