package questionnaire

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// maxDepth bounds nesting, so that a hostile file cannot exhaust the stack.
const maxDepth = 64

// decoder turns a yaml.Node tree into the questionnaire types. It exists
// instead of yaml's own Decode because that stops at the first problem and
// reports a line without a column; authors need every problem, each with
// file:line:column, and unknown keys rejected with a suggestion.
type decoder struct {
	file string
	errs *errs
}

var (
	textType = reflect.TypeFor[Text]()
	nodeType = reflect.TypeFor[yaml.Node]()
)

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) decode(n *yaml.Node, v reflect.Value, what where, depth int) {
	if depth > maxDepth {
		d.errs.add(d.pos(n), "%s is nested more than %d levels deep; flatten it", what, maxDepth)
		return
	}
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		// Aliases are refused outright: they are never needed in a
		// questionnaire and they are how "billion laughs" files explode.
		d.errs.add(d.pos(n), "%s uses a YAML anchor or alias; write the value out in full", what)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		d.errs.add(d.pos(n), "%s is empty; give it a value or remove the key", what)
		return
	}
	switch {
	case v.Type() == textType:
		d.decodeText(n, v, what)
	case v.Type() == nodeType:
		// Left for the caller to decode (a scenario's answers).
		v.Set(reflect.ValueOf(*n))
	case v.Kind() == reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		d.decode(n, p.Elem(), what, depth+1)
		v.Set(p)
	case v.Kind() == reflect.Struct:
		d.decodeStruct(n, v, what, depth)
	case v.Kind() == reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.errs.add(d.pos(n), "%s must be a list (lines starting with \"- \", or [a, b])", what)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			d.decode(item, s.Index(i), where{base: what.base, key: what.key, item: i + 1}, depth+1)
		}
		v.Set(s)
	case v.Kind() == reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.errs.add(d.pos(n), "%s must be a single value, not a %s", what, kindName(n))
			return
		}
		v.SetString(n.Value)
	case v.Kind() == reflect.Int:
		i, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || err != nil {
			d.errs.add(d.pos(n), "%s must be a whole number, not %s", what, describe(n))
			return
		}
		v.SetInt(int64(i))
	case v.Kind() == reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.errs.add(d.pos(n), "%s must be true or false, not %s", what, describe(n))
			return
		}
		v.SetBool(n.Value == "true")
	default:
		panic(fmt.Sprintf("questionnaire: no decoder for %s", v.Type()))
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, what where, depth int) {
	if n.Kind != yaml.MappingNode {
		d.errs.add(d.pos(n), "%s must be a mapping of keys to values, not %s", what, describe(n))
		return
	}
	info := fieldsOf(v.Type())
	fields, names := info.index, info.names
	m := Meta{Pos: d.pos(n), Keys: make([]KeyPos, 0, len(n.Content)/2)}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errs.add(d.pos(k), "a key in %s must be a plain word", what)
			continue
		}
		if m.Has(k.Value) {
			d.errs.add(d.pos(k), "%q appears twice in %s; keep one", k.Value, what)
			continue
		}
		m.Keys = append(m.Keys, KeyPos{k.Value, d.pos(val)})
		idx, ok := fields[k.Value]
		if !ok && (val.Kind == yaml.AliasNode || val.Anchor != "") {
			d.errs.add(d.pos(val), "%q uses a YAML anchor or alias; write the value out in full", k.Value)
			continue
		}
		if !ok {
			d.errs.add(d.pos(k), "unknown key %q in %s%s", k.Value, what, oneOf(k.Value, names))
			continue
		}
		d.decode(val, v.Field(idx), where{base: k.Value, key: true}, depth+1)
	}
	if s, ok := v.Addr().Interface().(interface{ setMeta(Meta) }); ok {
		s.setMeta(m)
	}
}

func (d *decoder) decodeText(n *yaml.Node, v reflect.Value, what where) {
	if n.Kind != yaml.MappingNode {
		d.errs.add(d.pos(n), "%s must map language codes to text, e.g. {en: \"...\", es: \"...\"}", what)
		return
	}
	t := Text{Meta: Meta{Pos: d.pos(n)}, Lang: make(map[string]string, len(n.Content)/2)}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || !validLangCode(k.Value) {
			hint := ""
			if val.Tag == "!!null" {
				hint = ` (a comma inside {...} starts a new key: put the text in quotes)`
			}
			d.errs.add(d.pos(k), "%q in %s is not a language code; use a code such as en, es or pt-BR%s", k.Value, what, hint)
			continue
		}
		if _, dup := t.Lang[k.Value]; dup {
			d.errs.add(d.pos(k), "language %q appears twice in %s; keep one", k.Value, what)
			continue
		}
		if val.Kind != yaml.ScalarNode || val.Tag == "!!null" || val.Anchor != "" {
			d.errs.add(d.pos(val), "the %s text of %s must be a single string", k.Value, what)
			continue
		}
		t.Lang[k.Value] = strings.TrimSpace(val.Value)
	}
	v.Set(reflect.ValueOf(t))
}

// where describes a value's place for an error message. It is formatted only
// when an error is reported: building the words for every value decoded was
// a fifth of the loader's time.
type where struct {
	base string // a description, or a key when key is set
	key  bool
	item int // when > 0: item N of base
}

func (w where) String() string {
	s := w.base
	if w.key {
		s = strconv.Quote(s)
	}
	if w.item > 0 {
		s = fmt.Sprintf("item %d of %s", w.item, s)
	}
	return s
}

// fieldInfo is a struct type's yaml keys, computed once per type.
type fieldInfo struct {
	index map[string]int
	names []string
}

var fieldCache sync.Map // reflect.Type -> *fieldInfo

func fieldsOf(t reflect.Type) *fieldInfo {
	if fi, ok := fieldCache.Load(t); ok {
		return fi.(*fieldInfo)
	}
	fi := &fieldInfo{index: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		fi.index[tag] = i
		fi.names = append(fi.names, tag)
	}
	fieldCache.Store(t, fi)
	return fi
}

// validLangCode accepts BCP 47 shaped codes of the kind questionnaires use:
// a two or three letter language, optionally a region or script.
func validLangCode(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts[0]) < 2 || len(parts[0]) > 3 || !isLower(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) < 2 || len(p) > 8 {
			return false
		}
	}
	return len(parts) <= 3
}

func isLower(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		v := n.Value
		if len(v) > 40 {
			v = v[:40] + "…"
		}
		return fmt.Sprintf("%q", v)
	}
	return "a " + kindName(n)
}
