package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/htscreen/htscreen/questionnaires"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite the generated grade table of docs/methodology.md")

const (
	methodologyDoc = "../../docs/methodology.md"
	gradesBegin    = "<!-- BEGIN GENERATED grades: go test ./cmd/htscreen -run TestMethodologyIsCurrent -update-docs -->"
	gradesEnd      = "<!-- END GENERATED grades -->"
)

// TestMethodologyIsCurrent keeps docs/methodology.md's table of every grade
// and its source in step with the shipped questionnaires: methodology must
// never claim a grade the files do not use.
func TestMethodologyIsCurrent(t *testing.T) {
	set, err := q.Load(questionnaires.FS(), q.Options{})
	require.NoError(t, err)
	var b strings.Builder
	fmt.Fprintln(&b, gradesBegin)
	fmt.Fprintln(&b)
	fmt.Fprintln(&b, "| module | indicator | dimension | grade | source |")
	fmt.Fprintln(&b, "|---|---|---|---|---|")
	for _, f := range set.Files {
		for _, ind := range f.Indicators {
			cite := ind.Source
			for _, s := range f.Sources {
				if s.ID == ind.Source {
					cite = s.Cite
				}
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s |\n", f.ID, ind.ID, ind.Dimension, ind.Strength, strings.ReplaceAll(cite, "|", "/"))
		}
	}
	fmt.Fprintln(&b)
	fmt.Fprint(&b, gradesEnd)
	gen := b.String()

	doc, err := os.ReadFile(methodologyDoc)
	require.NoError(t, err)
	re := regexp.MustCompile(`(?s)` + regexp.QuoteMeta(gradesBegin) + `.*?` + regexp.QuoteMeta(gradesEnd))
	require.True(t, re.Match(doc), "docs/methodology.md lacks the generated grade markers")
	if *updateDocs {
		doc = re.ReplaceAll(doc, []byte(strings.ReplaceAll(gen, "$", "$$")))
		require.NoError(t, os.WriteFile(methodologyDoc, doc, 0o644))
	}
	assert.Equal(t, gen, string(re.Find(doc)), "docs/methodology.md is stale: go test ./cmd/htscreen -run TestMethodologyIsCurrent -update-docs")
}

// TestTranslationCountsAreCurrent keeps the string count in
// docs/translation.md in step with the questionnaires: when a text is added
// or removed, the table (and the back-translation it reports) is out of date
// and must be looked at again.
func TestTranslationCountsAreCurrent(t *testing.T) {
	fsys := questionnaires.FS()
	names, err := fs.Glob(fsys, "*.yaml")
	require.NoError(t, err)
	count := map[string]int{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if en, ok := v["en"].(string); ok && en != "" {
				for lang, s := range v {
					if s, ok := s.(string); ok && s != "" {
						count[lang]++
					}
				}
				return
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		require.NoError(t, err)
		var doc any
		require.NoError(t, yaml.Unmarshal(data, &doc), name)
		walk(doc)
	}
	// A person file (person/LANG.yaml) holds only texts, one string each.
	var leaves func(v any) int
	leaves = func(v any) int {
		n := 0
		switch v := v.(type) {
		case string:
			return 1
		case map[string]any:
			for _, x := range v {
				n += leaves(x)
			}
		}
		return n
	}
	people, err := fs.Glob(fsys, q.PersonDir+"/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, people)
	for _, name := range people {
		data, err := fs.ReadFile(fsys, name)
		require.NoError(t, err)
		var doc any
		require.NoError(t, yaml.Unmarshal(data, &doc), name)
		count[strings.TrimSuffix(strings.TrimPrefix(name, q.PersonDir+"/"), ".yaml")] += leaves(doc)
	}
	doc, err := os.ReadFile("../../docs/translation.md")
	require.NoError(t, err)
	// A row for every language with a message file, named as the program
	// names it in English.
	for _, lang := range locale.PersonLangs() {
		label := fmt.Sprintf("%s (`%s`)", locale.T("en", "lang_"+lang), lang)
		want := fmt.Sprintf("| %s | %d |", label, count[lang])
		assert.Contains(t, string(doc), want, "docs/translation.md: the %s string count is out of date", lang)
	}
}
