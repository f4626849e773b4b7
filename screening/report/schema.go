package report

import (
	"reflect"
	"strings"

	"github.com/htscreen/htscreen/screening/guidance"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// SchemaPath is where the result's JSON Schema is kept, beside the
// questionnaire schema, relative to the repository's root.
const SchemaPath = "questionnaires/schema/result.schema.json"

// schemaEnums are what the Go types cannot say: the values a field takes.
var schemaEnums = map[string][]string{
	"Form.level":               strs(rules.Levels()),
	"Form.not_screened_reason": strs(rules.Reasons()),
	"Form.timing":              {rules.TimingNow, rules.TimingPast},
	"Report.stop":              {"", rules.StopSettled, rules.StopUrgent},
	"Report.red_flags.items":   q.RedFlags(),
	"Flag.id":                  q.RedFlags(),
	"Rule.level":               {string(rules.Concern), string(rules.Refer)},
	"Indicator.strength":       strs(q.Strengths()),
	"LineView.kind":            guidance.LineKinds(),
}

// ResultSchema returns the JSON Schema (draft-07) of `screen --output json`,
// built from the Go types that write it, so that the two cannot drift apart.
// Every field a type writes is listed; one written without omitempty is
// required; nothing else is allowed.
func ResultSchema() []byte {
	defs := map[string]any{}
	root := schemaOf(reflect.TypeOf(Report{}), defs, "")
	return q.SchemaDocument(SchemaPath, "htscreen screening result", "The result of htscreen screen --output json. See docs/result-json.md.", root, defs)
}

func schemaOf(t reflect.Type, defs map[string]any, path string) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		inner := schemaOf(t.Elem(), defs, path)
		if t.Elem().Kind() == reflect.Struct {
			return map[string]any{"anyOf": []any{inner, map[string]any{"type": "null"}}}
		}
		return inner
	case reflect.Struct:
		name := t.Name()
		if _, ok := defs[name]; !ok && path != "" {
			defs[name] = nil // mark before recursing
			defs[name] = structSchema(t, defs)
		}
		if path == "" {
			return structSchema(t, defs)
		}
		return map[string]any{"$ref": "#/definitions/" + name}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": withEnum(schemaOf(t.Elem(), defs, path+".items"), path+".items")}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem(), defs, path+".values")}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return map[string]any{"type": "integer"}
	}
	panic("report: no JSON Schema for " + t.String())
}

func structSchema(t reflect.Type, defs map[string]any) map[string]any {
	props := map[string]any{}
	var required []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" || !f.IsExported() {
				continue
			}
			if f.Anonymous && tag == "" {
				walk(f.Type)
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			key := t.Name() + "." + name
			props[name] = withEnum(schemaOf(f.Type, defs, key), key)
			if !strings.Contains(opts, "omitempty") {
				required = append(required, name)
			}
		}
	}
	walk(t)
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

func withEnum(s map[string]any, key string) map[string]any {
	if e, ok := schemaEnums[key]; ok {
		s["enum"] = e
	}
	return s
}

// strs turns an enumeration into plain strings.
func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}
