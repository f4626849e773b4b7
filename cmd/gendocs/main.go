// Command gendocs writes what is generated from the code: the command
// reference (Markdown pages to docs/cli, man pages to docs/cli/man) and the
// JSON Schemas of a questionnaire and of a result. The output carries no date, so it is
// reproducible and tests tell when it is stale. Run it with make docs.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/spf13/cobra/doc"

	"github.com/htscreen/htscreen/cmd/htscreen/cli"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
)

func main() {
	dir := "docs/cli"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	for path, schema := range map[string][]byte{q.SchemaPath: q.JSONSchema(), report.SchemaPath: report.ResultSchema()} {
		if err := os.WriteFile(path, schema, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
	}
	if err := generate(dir); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

// thDate matches the date cobra puts in a man page's .TH line.
var thDate = regexp.MustCompile(`(?m)^(\.TH "[^"]*" "[^"]*" )"[^"]*"`)

func generate(dir string) error {
	root := cli.NewRoot(cli.System(), "")
	root.DisableAutoGenTag = true
	// Cobra adds these when it executes; the reference documents them too.
	root.InitDefaultCompletionCmd()
	root.InitDefaultHelpCmd()
	if err := os.MkdirAll(filepath.Join(dir, "man"), 0o755); err != nil {
		return err
	}
	if err := doc.GenMarkdownTree(root, dir); err != nil {
		return err
	}
	if err := doc.GenManTree(root, &doc.GenManHeader{Title: "HTSCREEN", Section: "1", Source: "htscreen", Manual: "htscreen manual"}, filepath.Join(dir, "man")); err != nil {
		return err
	}
	// cobra dates every man page with today's month; drop it.
	pages, err := filepath.Glob(filepath.Join(dir, "man", "*.1"))
	if err != nil {
		return err
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		b = thDate.ReplaceAll(b, []byte(`$1""`))
		if err := os.WriteFile(p, bytes.TrimRight(b, "\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}
