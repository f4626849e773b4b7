package questionnaire_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

const schemaFile = "../../" + q.SchemaPath

func TestSchemaIsCurrent(t *testing.T) {
	b, err := os.ReadFile(schemaFile)
	require.NoError(t, err)
	assert.Equal(t, string(q.JSONSchema()), string(b), "the schema is stale: run make docs")
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(q.JSONSchema()))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	require.NoError(t, c.AddResource("questionnaire.schema.json", doc))
	s, err := c.Compile("questionnaire.schema.json")
	require.NoError(t, err)
	return s
}

// asJSON decodes YAML into the values a JSON decoder would give.
func asJSON(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var v any
	require.NoError(t, yaml.Unmarshal(data, &v), path)
	b, err := json.Marshal(v)
	require.NoError(t, err)
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return out
}

func TestSchemaAcceptsShippedFiles(t *testing.T) {
	s := compileSchema(t)
	files, _ := filepath.Glob("../../questionnaires/*.yaml")
	files2, _ := filepath.Glob("testdata/valid/*.yaml")
	require.Len(t, files, 6)
	for _, f := range append(files, files2...) {
		assert.NoError(t, s.Validate(asJSON(t, f)), f)
		if strings.HasPrefix(f, "../../questionnaires") {
			b, _ := os.ReadFile(f)
			assert.True(t, strings.HasPrefix(string(b), "# yaml-language-server: $schema=schema/questionnaire.schema.json\n"), "%s must name the schema for editors", f)
		}
	}
}

// The schema catches mistakes of shape while the author types; references
// between ids (an unknown question, a skip-logic cycle) are for validate.
func TestSchemaRejectsMisshapenFiles(t *testing.T) {
	s := compileSchema(t)
	for _, c := range []string{
		"unknown_key", "wrong_type", "mixed_condition", "missing_required", "yes_no_with_choices",
		"reserved_choice", "comma_in_flow_text", "unknown_module_id", "unknown_red_flag",
		"weights_out_of_range", "missing_english", "not_a_mapping",
	} {
		t.Run(c, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join("testdata", "broken", c, "*.yaml"))
			require.NotEmpty(t, files)
			rejected := false
			for _, f := range files {
				if s.Validate(asJSON(t, f)) != nil {
					rejected = true
				}
			}
			assert.True(t, rejected, "the schema must reject %s", c)
		})
	}
}
