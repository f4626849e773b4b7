// Package locale holds the program's own words (prompts, headings, notes)
// in each language it ships, one message file per language in messages/,
// which a translator edits without touching Go. Questionnaire wording lives
// in the YAML questionnaires; this is only the frame around it.
//
// Messages are Go format strings (%s, %d, %q). A message that shows a
// number may have plural forms (zero:, one:, two:, few:, many:, other:), and
// the form is chosen by the CLDR plural rules of the language, through
// golang.org/x/text/feature/plural: the rules for Russian, Polish or Arabic
// are not ours to write by hand. (go-i18n reads the same files but pulls in
// text/template, which grew the binary by a third and its start with it.)
//
// A language is either complete (messages/LANG.yaml, every message: it can
// be the screener's language, --lang) or a person language
// (messages/person/LANG.yaml: only the person section, what the person being
// screened reads, for --person-lang and the help card).
package locale

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
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

// statuses lists the valid statuses, source first.
func statuses() []Status { return []Status{Source, Draft, BackTranslated, Reviewed} }

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

//go:embed messages/*.yaml messages/person/*.yaml
var embedded embed.FS

// personDir is where, under the messages directory, a language offered only
// for the person keeps its file: where a file stands says its scope, so that
// listing the languages costs a directory read, not a parse.
const personDir = "person"

// catalog is the message files of one directory. A file is parsed the
// first time one of its messages is needed, so that a start pays for
// English and the languages in use, not for all of them.
type catalog struct {
	fsys  fs.FS
	dir   string
	shown string   // put before a file's name in messages
	langs []string // every language with a file, English first
	scope map[string]Scope

	mu    sync.Mutex
	files map[string]*File // parsed so far
	errs  map[string]error // files that failed to parse
}

// message is one message: its forms by CLDR plural category, "other"
// alone for a message that shows no number.
type message map[string]string

// Other is the form used when no number chooses another.
func (m message) Other() string { return m["other"] }

// File is one language's message file.
type File struct {
	Path   string
	Lang   string
	Name   string // the language's own name for itself
	Status Status
	Scope  Scope
	msgs   map[string]message
	pos    map[string]string // message id -> "line:column" of its key
	// metaErrs are problems with the meta section, reported by Check.
	metaErrs []string
}

// shipped is the embedded catalog; its files are named in messages as they
// stand in the repository, where a translator edits them.
var shipped = sync.OnceValue(func() *catalog {
	c := newCatalog(embedded, "messages")
	c.shown = "screening/locale/"
	return c
})

func get() *catalog { return shipped() }

// newCatalog lists the message files of dir: LANG.yaml for a complete
// language, person/LANG.yaml for a person language.
func newCatalog(fsys fs.FS, dir string) *catalog {
	c := &catalog{fsys: fsys, dir: dir, scope: map[string]Scope{}, files: map[string]*File{}, errs: map[string]error{}}
	for _, d := range []struct {
		glob  string
		scope Scope
	}{{path.Join(dir, "*.yaml"), All}, {path.Join(dir, personDir, "*.yaml"), Person}} {
		names, _ := fs.Glob(fsys, d.glob)
		for _, name := range names {
			lang := strings.TrimSuffix(path.Base(name), ".yaml")
			if _, dup := c.scope[lang]; !dup {
				c.langs = append(c.langs, lang)
			}
			c.scope[lang] = d.scope
		}
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
	return c
}

// file returns lang's parsed file, parsing it on first use; nil when there
// is none or it does not parse (Check reports why).
func (c *catalog) file(lang string) *File {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.fileLocked(lang)
}

func (c *catalog) fileLocked(lang string) *File {
	if f, ok := c.files[lang]; ok {
		return f
	}
	if c.errs[lang] != nil {
		return nil
	}
	scope, ok := c.scope[lang]
	if !ok {
		return nil
	}
	name := path.Join(c.dir, lang+".yaml")
	if scope == Person {
		name = path.Join(c.dir, personDir, lang+".yaml")
	}
	f, err := parseFile(c.fsys, name, c.shown+name, lang, scope)
	if err != nil {
		c.errs[lang] = err
		return nil
	}
	c.files[lang] = f
	return f
}

// parseFile reads one message file in a single YAML pass: the messages, as
// go-i18n reads them, and where each key stands, for error messages.
func parseFile(fsys fs.FS, path, name, lang string, scope Scope) (*File, error) {
	buf, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, err
	}
	if _, err := language.Parse(lang); err != nil {
		return nil, fmt.Errorf("%s: the file name must be a BCP 47 language tag such as es or zh-Hant: %w", name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(buf, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	f := &File{Path: name, Lang: lang, Scope: scope, msgs: map[string]message{}, pos: map[string]string{}}
	if len(root.Content) == 1 {
		if err := f.collect(root.Content[0], ""); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	meta := func(key string) string {
		if m := f.msgs["meta."+key]; m != nil {
			return m.Other()
		}
		f.metaErrs = append(f.metaErrs, fmt.Sprintf("%s: meta.%s is missing", name, key))
		return ""
	}
	f.Name = meta("name")
	f.Status = Status(meta("status"))
	if f.Status != "" && !slices.Contains(statuses(), f.Status) {
		f.metaErrs = append(f.metaErrs, fmt.Sprintf("%s:%s: meta.status %q is not one of %v", name, f.pos["meta.status"], f.Status, statuses()))
	}
	return f, nil
}

// collect walks a mapping: a string is a message, a mapping of plural
// forms (one:, other: ...) a message with plural forms, any other mapping a
// section whose keys are joined to its name with a dot (person.card).
func (f *File) collect(n *yaml.Node, prefix string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: expected key: message pairs", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		id := prefix + k.Value
		f.pos[id] = fmt.Sprintf("%d:%d", k.Line, k.Column)
		switch {
		case v.Kind == yaml.ScalarNode:
			f.msgs[id] = message{"other": v.Value}
		case v.Kind == yaml.MappingNode && isPlural(v):
			m := message{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				m[v.Content[j].Value] = v.Content[j+1].Value
			}
			f.msgs[id] = m
		case v.Kind == yaml.MappingNode:
			if err := f.collect(v, id+"."); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%d:%d: %q must be a message or a section", k.Line, k.Column, id)
		}
	}
	return nil
}

// pluralKeys are the keys go-i18n reads as plural forms of one message.
var pluralKeys = []string{"zero", "one", "two", "few", "many", "other"}

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
		if c.scope[lang] == s {
			l = append(l, lang)
		}
	}
	return l
}

// ScopeOf is which messages lang carries; "" for a language with no
// message file.
func ScopeOf(lang string) Scope { return get().scope[lang] }

// statusOf is how far lang's translation has been checked; "" for a
// language with no message file.
func statusOf(lang string) Status {
	if f := get().file(lang); f != nil {
		return f.Status
	}
	return ""
}

// StatusLine tells the screener, in lang, that the text in the language of
// has not been reviewed by a native-speaking professional, and how far it
// was checked; "" for the source and a reviewed language.
func StatusLine(lang, of string) string {
	st := statusOf(of)
	switch st {
	case Source, Reviewed:
		return ""
	case "":
		st = Draft
	}
	return T(lang, "translation_status", T(lang, "lang_"+of), T(lang, "status_"+strings.ReplaceAll(string(st), "-", "_")))
}

// RightToLeft reports whether lang is written right to left (Arabic, Urdu,
// Hebrew, Persian ...), from the script its tag implies.
func RightToLeft(lang string) bool {
	script, _ := language.Make(lang).Script()
	switch script.String() {
	case "Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg":
		return true
	}
	return false
}

// T returns the message for key in lang, formatted with args, falling back
// to English. A missing key is a programming error caught by the tests.
func T(lang, key string, args ...any) string {
	m := get().message(lang, key)
	if m == nil {
		// Visible, so that a test of any output catches a missing message.
		return "{" + key + "}"
	}
	return format(m.Other(), args)
}

// N returns the message for key in lang in the plural form CLDR gives for
// the count n, formatted with args (with n alone when there are none).
func N(lang, key string, n int, args ...any) string {
	if len(args) == 0 {
		args = []any{n}
	}
	return format(get().plural(lang, key, n), args)
}

// plural is the form of key's message, in lang or else English, that the
// language's CLDR rules give the count n; "other" when the message lacks
// that form (the tests see that none does).
func (c *catalog) plural(lang, key string, n int) string {
	m := c.message(lang, key)
	if m == nil {
		return "{" + key + "}"
	}
	from := lang
	if f := c.file(lang); f == nil || f.msgs[key] == nil {
		from = Default
	}
	if s := m[pluralForm(from, n)]; s != "" {
		return s
	}
	return m.Other()
}

// pluralForm is the CLDR plural category of the count n in lang: "one",
// "few", "many" ...; "other" for a language CLDR gives no rules (Haitian
// Creole, whose nouns do not change with a number).
func pluralForm(lang string, n int) string {
	return formNames[plural.Cardinal.MatchPlural(language.Make(lang), n, 0, 0, 0, 0)]
}

var formNames = map[plural.Form]string{
	plural.Other: "other", plural.Zero: "zero", plural.One: "one",
	plural.Two: "two", plural.Few: "few", plural.Many: "many",
}

func (c *catalog) message(lang, key string) message {
	for _, l := range []string{lang, Default} {
		if f := c.file(l); f != nil {
			if m := f.msgs[key]; m.Other() != "" {
				return m
			}
		}
	}
	return nil
}

func format(s string, args []any) string {
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}
