package questionnaire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits on what a questionnaire set may be. They are far above any real
// questionnaire and keep a broken or hostile file from eating memory.
const (
	MaxFileSize = 2 << 20
	MaxFiles    = 64
)

// Options change what Load accepts.
type Options struct {
	// RequireLangs lists languages every text must have besides English.
	RequireLangs []string
	// PersonLangs lists languages whose file in the set's person folder
	// (person/LANG.yaml) is read, if it has one: languages offered only for
	// the person. A file read must translate every text put to the person.
	PersonLangs []string
	// RequirePersonLangs lists languages every text put to the person (a
	// question asked of them, its answers) must have: a language offered
	// for --person-lang but not for the screener's side. Their files are
	// read too.
	RequirePersonLangs []string
}

// Set is a validated questionnaire set: the triage, if any, and at most one
// module per form.
type Set struct {
	// Files holds the triage first, then the modules in the order of Forms().
	Files  []*File
	Triage *File
	// Means is the shared means questionnaire, or nil for a set without one.
	Means      *File
	modules    map[string]*File
	questions  map[string]*Question
	indicators map[string]*Indicator
	// personFiles are the languages with a file in the person folder.
	personFiles []string
}

// Module returns the module for a form, or nil when the set has none.
func (s *Set) Module(form string) *File { return s.modules[form] }

// Question returns a question by id, or nil.
func (s *Set) Question(id string) *Question { return s.questions[id] }

// Indicator returns an indicator by id, or nil.
func (s *Set) Indicator(id string) *Indicator { return s.indicators[id] }

// Modules returns the ids of the modules in the set, in the order of Forms().
func (s *Set) Modules() []string {
	var ids []string
	for _, f := range Forms() {
		if s.modules[f] != nil {
			ids = append(ids, f)
		}
	}
	return ids
}

// ErrNoFiles is returned by Load for a folder that holds no questionnaire
// file: the wrong folder, which only the caller knows how to point at the
// right one.
var ErrNoFiles = errors.New("no questionnaire files (*.yaml) in the folder")

// Load reads every *.yaml and *.yml file at the top of fsys as a
// questionnaire and validates the whole set. On any problem it returns an
// ErrorList naming every one, and no set: nothing half-checked is ever used.
func Load(fsys fs.FS, opts Options) (*Set, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading questionnaire folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil, ErrNoFiles
	}
	if len(names) > MaxFiles {
		return nil, fmt.Errorf("%d questionnaire files is more than the %d a set may hold", len(names), MaxFiles)
	}
	e := &errs{}
	var files []*File
	// Files are parsed in parallel: YAML parsing is most of the time a
	// command spends before its first question (docs/performance.md).
	parsed := make([]*File, len(names))
	perFile := make([]errs, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := readLimited(fsys, name)
			if err != nil {
				perFile[i].add(Pos{File: name, Line: 1, Col: 1}, "%v", err)
				return
			}
			parsed[i] = parseFile(name, data, &perFile[i])
		}()
	}
	wg.Wait()
	for i := range names {
		e.list = append(e.list, perFile[i].list...)
		if parsed[i] != nil {
			files = append(files, parsed[i])
		}
	}
	if err := e.err(); err != nil {
		return nil, err
	}
	// A person file, once read, must be complete: a question must never
	// fall back to English half-way through a screening.
	have := personLangFiles(fsys)
	for _, lang := range opts.PersonLangs {
		if slices.Contains(have, lang) && !slices.Contains(opts.RequirePersonLangs, lang) {
			opts.RequirePersonLangs = append(slices.Clip(opts.RequirePersonLangs), lang)
		}
	}
	loadPersonLangs(fsys, files, opts.RequirePersonLangs, e)
	set := check(files, opts, e)
	if err := e.err(); err != nil {
		return nil, err
	}
	set.personFiles = have
	return set, nil
}

func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the file: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("the file is larger than %d MiB; a questionnaire is never this big, so check that this is the right file", MaxFileSize>>20)
	}
	return data, nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// SyntaxError splits a YAML parser error into its line and message. The
// parser reports a line but no column, so callers point at column 1.
func SyntaxError(err error) (line int, msg string) {
	line, msg = 1, strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return line, msg
}

// parseFile decodes one questionnaire, or records why it cannot be read and
// returns nil.
func parseFile(name string, data []byte, e *errs) *File {
	f := &File{Name: name}
	if !decodeInto(name, data, f, "the questionnaire", e) {
		return nil
	}
	return f
}

// DecodeFile decodes one YAML document strictly into v, a pointer to a struct
// whose fields carry yaml tags and may embed Meta and hold Text. It reports
// every problem with file:line:column, as the questionnaire loader does, and
// returns an ErrorList or nil.
func DecodeFile(name string, data []byte, v any, what string) error {
	e := &errs{}
	decodeInto(name, data, v, what, e)
	return e.err()
}

func decodeInto(name string, data []byte, v any, what string, e *errs) bool {
	if len(data) > MaxFileSize {
		e.add(Pos{File: name, Line: 1, Col: 1}, "the file is larger than %d MiB; check that this is the right file", MaxFileSize>>20)
		return false
	}
	root, err := ReadDocument(data)
	var de *DocumentError
	switch {
	case errors.As(err, &de) && de.Syntax:
		e.add(Pos{File: name, Line: de.Line, Col: 1}, "YAML syntax error: %s; check the indentation and quoting on this line or the one before", de.Msg)
		return false
	case errors.As(err, &de):
		e.add(Pos{File: name, Line: de.Line, Col: 1}, "%s", de.Msg)
		return false
	case root == nil:
		e.add(Pos{File: name, Line: 1, Col: 1}, "the file is empty; a questionnaire needs at least id, version, title and questions")
		return false
	}
	d := &decoder{file: name, errs: e}
	before := len(e.list)
	d.decodeStruct(root, reflect.ValueOf(v).Elem(), where{base: what}, 0)
	return len(e.list) == before || root.Kind == yaml.MappingNode
}

// DocumentError is why data is not one YAML document, and on which line.
// Syntax marks a parser error, whose Msg is the parser's own words.
type DocumentError struct {
	Line   int
	Msg    string
	Syntax bool
}

func (e *DocumentError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// ReadDocument parses data as exactly one YAML document and returns its root
// node, or nil for a file with no document (empty, or only comments). Text
// that is not UTF-8, a syntax error and a second document ("---") are a
// *DocumentError with the line they are on: a second document would
// otherwise be silently dropped.
func ReadDocument(data []byte) (*yaml.Node, error) {
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidUTF8At(data)], []byte("\n"))
		return nil, &DocumentError{Line: line, Msg: "the file is not valid UTF-8 text; save it as UTF-8"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		line, msg := SyntaxError(err)
		return nil, &DocumentError{Line: line, Msg: msg, Syntax: true}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		line, msg := SyntaxError(err)
		return nil, &DocumentError{Line: line, Msg: msg, Syntax: true}
	default:
		return nil, &DocumentError{Line: max(next.Line, 1), Msg: "a second YAML document starts here, and only the first would be read; remove this --- line, or put what follows in a file of its own"}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// AnswerIDs lists the answers a question accepts, its own choices first,
// then "not sure" and, for questions asked of the person, "prefer not to say".
func (q *Question) AnswerIDs() []string {
	var ids []string
	switch q.Type {
	case YesNo:
		ids = []string{"yes", "no"}
	case NowBefore:
		ids = []string{Now, Before, "no"}
	}
	for _, c := range q.Choices {
		ids = append(ids, c.ID)
	}
	// An observation is the screener's own: they may be unsure, but there
	// is no one who might prefer not to say.
	if q.AskedOf == Screener {
		return append(ids, NotSure)
	}
	return append(ids, NotSure, PreferNotToSay)
}

// Accepts reports whether id is an answer the question offers.
func (q *Question) Accepts(id string) bool { return slices.Contains(q.AnswerIDs(), id) }

// AnswerText is how an answer id reads in a language: a choice's own text, or
// the program's words for yes, no, not sure and prefer not to say.
func (q *Question) AnswerText(id, lang string) string {
	for _, c := range q.Choices {
		if c.ID == id {
			return c.Text.In(lang)
		}
	}
	return builtInAnswerText(lang, id)
}

// ExclusiveChoice returns the first choice among ids that may not be
// combined with another, or "" when there is none.
func (q *Question) ExclusiveChoice(ids []string) string {
	for _, c := range q.Choices {
		if c.Exclusive && slices.Contains(ids, c.ID) {
			return c.ID
		}
	}
	return ""
}
