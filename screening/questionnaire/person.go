package questionnaire

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// PersonDir is the folder, inside a questionnaire set, that holds the
// languages offered only for the person's side (--person-lang): one file
// per language, person/LANG.yaml, with every question put to the person and
// its answers, by questionnaire and question id. A complete language (one a
// screener can work in) is written beside the English in the questionnaire
// files instead.
//
// The files are read only for the languages asked for, so that every start
// does not pay to parse ten translations it will not show.
const PersonDir = "person"

// PersonLangs returns the languages with a file in the set's person folder,
// whether or not they were loaded.
func (s *Set) PersonLangs() []string { return slices.Clone(s.personFiles) }

// personLangFiles lists the languages with a file in fsys's person folder.
func personLangFiles(fsys fs.FS) []string {
	entries, err := fs.ReadDir(fsys, PersonDir)
	if err != nil {
		return nil
	}
	var langs []string
	for _, e := range entries {
		if ext := path.Ext(e.Name()); !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
			langs = append(langs, strings.TrimSuffix(e.Name(), ext))
		}
	}
	sort.Strings(langs)
	return langs
}

// loadPersonLangs reads person/LANG.yaml for each language asked for that
// has one, and writes its texts into the questionnaires' Text maps, as if
// they had been written beside the English. A language with no file is
// left out: the checker reports its missing texts.
func loadPersonLangs(fsys fs.FS, files []*File, langs []string, e *errs) {
	byID := map[string]*File{}
	var ids []string
	for _, f := range files {
		if f.ID != "" && byID[f.ID] == nil {
			byID[f.ID] = f
			ids = append(ids, f.ID)
		}
	}
	have := personLangFiles(fsys)
	for _, lang := range langs {
		if !slices.Contains(have, lang) {
			continue
		}
		name := path.Join(PersonDir, lang+".yaml")
		data, err := readLimited(fsys, name)
		if err != nil {
			e.add(Pos{File: name, Line: 1, Col: 1}, "%v", err)
			continue
		}
		o := &overlay{name: name, lang: lang, e: e}
		var root yaml.Node
		if err := yaml.Unmarshal(data, &root); err != nil {
			e.add(Pos{File: name, Line: 1, Col: 1}, "%s", strings.TrimPrefix(err.Error(), "yaml: "))
			continue
		}
		if len(root.Content) == 0 {
			continue
		}
		o.each(root.Content[0], "the file", func(k, v *yaml.Node) {
			f := byID[k.Value]
			if f == nil {
				o.add(k, "no questionnaire %q in the set%s", k.Value, oneOf(k.Value, ids))
				return
			}
			o.file(f, v)
		})
	}
}

// overlay is one person-language file being applied.
type overlay struct {
	name, lang string
	e          *errs
}

func (o *overlay) add(n *yaml.Node, format string, args ...any) {
	o.e.add(Pos{File: o.name, Line: n.Line, Col: n.Column}, format, args...)
}

// each calls fn for every key of a mapping, reporting a key given twice.
func (o *overlay) each(n *yaml.Node, what string, fn func(k, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		o.add(n, "%s must be a mapping of ids to texts", what)
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			o.add(k, "%q appears twice in %s; keep one", k.Value, what)
			continue
		}
		seen[k.Value] = true
		fn(k, v)
	}
}

func (o *overlay) file(f *File, n *yaml.Node) {
	o.each(n, f.ID, func(k, v *yaml.Node) {
		switch k.Value {
		case "questions":
			o.questions(f, v)
		case "situation_text":
			if !f.IsMeans() {
				o.add(k, "only the means questionnaire has a situation_text")
				return
			}
			o.set(&f.SituationText, k, v)
		case "situations":
			if !f.IsMeans() {
				o.add(k, "only the means questionnaire has situations")
				return
			}
			o.choices(v, f.Situations, "situation", "in "+f.ID)
		default:
			o.add(k, "unknown key %q under %s; use questions, or situation_text and situations in means", k.Value, f.ID)
		}
	})
}

func (o *overlay) questions(f *File, n *yaml.Node) {
	var ids []string
	byID := map[string]*Question{}
	for _, qu := range f.Questions {
		ids = append(ids, qu.ID)
		byID[qu.ID] = qu
	}
	o.each(n, "questions", func(k, v *yaml.Node) {
		qu := byID[k.Value]
		switch {
		case qu == nil:
			o.add(k, "no question %q in %s%s", k.Value, f.ID, oneOf(k.Value, ids))
			return
		case qu.AskedOf == Screener:
			o.add(k, "%q is the screener's observation: the person never reads it, so it is not translated here; remove it", k.Value)
			return
		case v.Kind == yaml.ScalarNode:
			o.set(&qu.Text, k, v)
			return
		}
		o.each(v, k.Value, func(k2, v2 *yaml.Node) {
			switch k2.Value {
			case "text":
				o.set(&qu.Text, k2, v2)
			case "choices":
				o.choices(v2, qu.Choices, "choice", fmt.Sprintf("in question %q", qu.ID))
			default:
				o.add(k2, "unknown key %q under question %q; use text and choices", k2.Value, qu.ID)
			}
		})
	})
}

// choices translates a list of answers by id: a question's choices, or the
// means file's situations (the answers to its follow-up).
func (o *overlay) choices(n *yaml.Node, list []*Choice, what, where string) {
	o.each(n, what+"s", func(k, v *yaml.Node) {
		var ids []string
		for _, c := range list {
			if c.ID == k.Value {
				o.set(&c.Text, k, v)
				return
			}
			ids = append(ids, c.ID)
		}
		o.add(k, "no %s %q %s%s", what, k.Value, where, oneOf(k.Value, ids))
	})
}

// set writes one translation into t, which must not already hold one.
func (o *overlay) set(t *Text, k, v *yaml.Node) {
	s := strings.TrimSpace(v.Value)
	switch {
	case v.Kind != yaml.ScalarNode || v.Tag == "!!null" || s == "":
		o.add(v, "the %s text of %q must be a single, non-empty string", o.lang, k.Value)
		return
	case t.Lang == nil:
		// No English to translate: the questionnaire file reports that.
		return
	case t.Lang[o.lang] != "":
		o.add(k, "%q already has %s text in the questionnaire file (%s); keep one", k.Value, o.lang, short(t.Pos))
		return
	}
	t.Lang[o.lang] = s
}

// personHint tells where a missing person-language text goes.
func personHint(lang, where string) string {
	return fmt.Sprintf("add it to %s/%s.yaml under %s", PersonDir, lang, where)
}
