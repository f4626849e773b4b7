package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	"github.com/htscreen/htscreen/screening/printout"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
)

// Shell completion: flag values from fixed lists, and ids from the
// questionnaire set the command would load (the embedded one, or the folder
// given with --questionnaires).

func fixed(values ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// idsFrom completes positional arguments from the loaded set, once each.
func idsFrom(pick func(*bundle) []string, max int) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if max > 0 && len(args) >= max {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		dir, _ := cmd.Flags().GetString("questionnaires")
		quiet := &IOStreams{ErrOut: io.Discard}
		b, err := loadBundle(quiet, dir, q.Options{})
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, id := range pick(b) {
			if strings.HasPrefix(id, toComplete) && !contains(args, id) {
				out = append(out, id)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func fileIDs(b *bundle) []string {
	var ids []string
	for _, f := range b.set.Files {
		ids = append(ids, f.ID)
	}
	return ids
}

func scenarioIDs(b *bundle) []string {
	var ids []string
	for _, s := range b.scenarios {
		ids = append(ids, s.ID)
	}
	return ids
}

// explainIDs is everything explain accepts.
func explainIDs(b *bundle) []string { return report.ExplainIDs(b.set, b.guidance) }

// registerCompletions wires completion into the command tree.
func registerCompletions(root *cobra.Command) {
	for _, cmd := range root.Commands() {
		lang := locale.Langs()
		if cmd.Name() == "card" || cmd.Name() == "show" {
			lang = locale.PersonLangs()
		}
		flags := map[string][]string{
			"lang":        lang,
			"person-lang": locale.PersonLangs(),
			"role":        guidance.Roles(),
			"region":      guidance.Regions(),
			"form":        q.Forms(),
		}
		for name, vals := range flags {
			if cmd.Flags().Lookup(name) != nil {
				_ = cmd.RegisterFlagCompletionFunc(name, fixed(vals...))
			}
		}
		if f := cmd.Flags().Lookup("output"); f != nil {
			vals := report.Formats()
			switch cmd.Name() {
			case "list", "scenarios":
				vals = report.ListFormats()
			case "card":
				vals = printout.Formats()
			}
			_ = cmd.RegisterFlagCompletionFunc("output", fixed(vals...))
		}
		if cmd.Flags().Lookup("format") != nil {
			_ = cmd.RegisterFlagCompletionFunc("format", fixed("markdown", "text"))
		}
		if cmd.Flags().Lookup("questionnaires") != nil {
			_ = cmd.RegisterFlagCompletionFunc("questionnaires", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				return nil, cobra.ShellCompDirectiveFilterDirs
			})
		}
		switch cmd.Name() {
		case "screen":
			cmd.ValidArgsFunction = idsFrom(fileIDs, 0)
		case "list", "show":
			cmd.ValidArgsFunction = idsFrom(fileIDs, 1)
		case "train":
			cmd.ValidArgsFunction = idsFrom(scenarioIDs, 1)
		case "explain":
			cmd.ValidArgsFunction = idsFrom(explainIDs, 1)
		}
	}
}
