package questionnaire

import (
	"encoding/json"
	"reflect"
	"strings"
)

// SchemaPath is where the shipped schema lives, relative to the repository;
// every shipped questionnaire names it for editors on its first line.
const SchemaPath = "questionnaires/schema/questionnaire.schema.json"

// schemaRules are what the Go types cannot say: required keys, enumerations
// and ranges, by "Type.key". The properties themselves come from the types,
// so a key added to a struct appears in the schema at the next `make docs`
// (and a test fails until it does).
var schemaRules = map[string]map[string]any{
	"File":                {"required": []string{"id", "version", "title", "intro", "questions"}},
	"File.id":             {"enum": append([]string{TriageID, MeansID}, Forms()...), "description": "triage, means (the shared control questions), or the form of trafficking the module screens for"},
	"File.version":        {"minimum": 1, "description": "raise it whenever a question or rule changes"},
	"Source":              {"required": []string{"id", "cite"}},
	"Source.id":           {"pattern": `^[a-z][a-z0-9_-]{0,63}$`},
	"Dimension":           {"required": []string{"id", "label", "weights", "threshold"}},
	"Dimension.id":        {"pattern": `^[a-z][a-z0-9_]{0,63}$`, "not": map[string]any{"const": "any"}},
	"Dimension.weak_cap":  {"minimum": 0, "maximum": 100},
	"Dimension.threshold": {"minimum": 1, "maximum": 1000},
	"Weights.strong":      {"minimum": 0, "maximum": 100},
	"Weights.medium":      {"minimum": 0, "maximum": 100},
	"Weights.weak":        {"minimum": 0, "maximum": 100},
	"Question": {
		"required": []string{"id", "asked_of", "type", "text"},
		// yes_no and now_before have their answers built in; the others
		// list their own.
		"if":   map[string]any{"properties": map[string]any{"type": map[string]any{"enum": []string{YesNo, NowBefore}}}},
		"then": map[string]any{"not": map[string]any{"required": []string{"choices"}}},
		"else": map[string]any{"required": []string{"choices"}},
	},
	"Question.id":        {"pattern": `^[a-z][a-z0-9_]{0,63}$`},
	"Question.asked_of":  {"enum": strs(Respondents())},
	"Question.type":      {"enum": []string{YesNo, NowBefore, Single, Multiple}},
	"Question.choices":   {"minItems": 2},
	"Choice":             {"required": []string{"id", "text"}},
	"Choice.id":          {"pattern": `^[a-z][a-z0-9_]{0,63}$`, "not": map[string]any{"enum": []string{NotSure, PreferNotToSay}}},
	"Indicator":          {"required": []string{"id", "dimension", "strength", "when", "label", "source"}},
	"Indicator.id":       {"pattern": `^[a-z][a-z0-9_]{0,63}$`},
	"Indicator.strength": {"enum": strs(Strengths())},
	"LevelRule":          {"required": []string{"level", "when", "explain"}},
	"LevelRule.level":    {"enum": Levels()},
	"RedFlag":            {"required": []string{"id", "when", "label"}},
	"RedFlag.id":         {"enum": RedFlags()},
	"Route":              {"required": []string{"module", "when"}},
	"Route.module":       {"enum": Forms()},
	"Condition": {
		// Exactly one form; "dimension" doubles as the filter of "strength".
		"oneOf": []any{
			map[string]any{"required": []string{"all"}},
			map[string]any{"required": []string{"any"}},
			map[string]any{"required": []string{"not"}},
			map[string]any{"required": []string{"question"}},
			map[string]any{"required": []string{"indicator"}},
			map[string]any{"required": []string{"red_flag"}},
			map[string]any{"required": []string{"strength"}},
			map[string]any{"required": []string{"form"}},
			map[string]any{"required": []string{"routed"}},
			map[string]any{"required": []string{"dimension"}, "not": map[string]any{"required": []string{"strength"}}},
		},
	},
	"Condition.all":      {"minItems": 1},
	"Condition.any":      {"minItems": 1},
	"Condition.strength": {"enum": strs(Strengths())},
	"Condition.red_flag": {"enum": RedFlags()},
}

// JSONSchema returns a draft-07 JSON Schema for questionnaire files, for
// editors' YAML language servers. It checks shape (keys, types, enumerations,
// ranges); references between ids are for `htscreen validate`.
func JSONSchema() []byte {
	defs := map[string]any{
		"text": map[string]any{
			"description":          "A string in several languages, keyed by language code; English is required.",
			"type":                 "object",
			"required":             []string{"en"},
			"propertyNames":        map[string]any{"pattern": `^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$`},
			"additionalProperties": map[string]any{"type": "string", "minLength": 1},
		},
	}
	root := schemaOf(reflect.TypeFor[File](), defs)
	return SchemaDocument(SchemaPath, "htscreen questionnaire", "A triage or module questionnaire for htscreen. See docs/authoring.md.", root, defs)
}

// SchemaDocument wraps a root schema and its definitions in a draft-07 JSON
// Schema document published at path in the repository, indented, with a
// final newline. The questionnaire and the result schemas share it.
func SchemaDocument(path, title, description string, root, defs map[string]any) []byte {
	doc := map[string]any{
		"$schema":     "http://json-schema.org/draft-07/schema#",
		"$id":         "https://github.com/htscreen/htscreen/" + path,
		"title":       title,
		"description": description,
		"definitions": defs,
	}
	for k, v := range root {
		doc[k] = v
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err) // only maps, slices and strings: cannot fail
	}
	return append(b, '\n')
}

// schemaOf describes a struct type as an object schema, registering the
// struct types it refers to under definitions.
func schemaOf(t reflect.Type, defs map[string]any) map[string]any {
	props := map[string]any{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		key := f.Tag.Get("yaml")
		if key == "" || key == "-" {
			continue
		}
		p := typeSchema(f.Type, defs)
		for k, v := range schemaRules[t.Name()+"."+key] {
			if arr, ok := p["items"]; ok && (k == "pattern" || k == "enum") {
				arr.(map[string]any)[k] = v
				continue
			}
			p[k] = v
		}
		props[key] = p
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	for k, v := range schemaRules[t.Name()] {
		s[k] = v
	}
	return s
}

func typeSchema(t reflect.Type, defs map[string]any) map[string]any {
	switch {
	case t == textType:
		return map[string]any{"$ref": "#/definitions/text"}
	case t.Kind() == reflect.Pointer:
		return typeSchema(t.Elem(), defs)
	case t.Kind() == reflect.Slice:
		return map[string]any{"type": "array", "items": typeSchema(t.Elem(), defs)}
	case t.Kind() == reflect.String:
		return map[string]any{"type": "string"}
	case t.Kind() == reflect.Int:
		return map[string]any{"type": "integer"}
	case t.Kind() == reflect.Bool:
		return map[string]any{"type": "boolean"}
	case t.Kind() == reflect.Struct:
		name := strings.ToLower(t.Name()[:1]) + t.Name()[1:]
		if _, ok := defs[name]; !ok {
			defs[name] = nil // placeholder: Condition refers to itself
			defs[name] = schemaOf(t, defs)
		}
		return map[string]any{"$ref": "#/definitions/" + name}
	}
	panic("questionnaire: no schema for " + t.String())
}
