package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/questionnaires"
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
