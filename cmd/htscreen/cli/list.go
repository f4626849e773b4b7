package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
)

// listOptions are the list command's settings.
type listOptions struct {
	IO             *IOStreams
	Module         string
	Output         string
	Lang           string
	Questionnaires string
}

func newListCmd(ios *IOStreams) *cobra.Command {
	opts := &listOptions{IO: ios}
	cmd := &cobra.Command{
		Use:   "list [MODULE]",
		Short: "List the questionnaires, or one questionnaire's questions and indicators",
		Long: `Without MODULE, list the questionnaires with their version and counts. With
MODULE (triage, labor, sex, forced_marriage or organ), list its questions (id,
who answers, allowed answers, skip logic) and its indicators (dimension,
strength, source). --output json gives the shape documented in
docs/list-json.md, for scripts that build answers files.`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("list takes at most one module, got %d", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Module = args[0]
			}
			return runList(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "text", "text or json")
	cmd.Flags().StringVar(&opts.Lang, "lang", locale.Default, "language of titles and questions: "+strings.Join(locale.Langs(), ", "))
	cmd.Flags().StringVar(&opts.Questionnaires, "questionnaires", "", "load questionnaires from `DIR` instead of the embedded set")
	return cmd
}

// listEntry is one questionnaire in `list --output json`.
type listEntry struct {
	ID         string `json:"id"`
	Version    int    `json:"version"`
	Title      string `json:"title"`
	Questions  int    `json:"questions"`
	Indicators int    `json:"indicators"`
}

// listQuestion and listIndicator make up `list MODULE --output json`.
type listQuestion struct {
	ID      string       `json:"id"`
	AskedOf q.Respondent `json:"asked_of"`
	Type    string       `json:"type"`
	Text    string       `json:"text"`
	Answers []string     `json:"answers"`
	ShowIf  string       `json:"show_if,omitempty"`
	Gate    bool         `json:"gate"`
}

type listIndicator struct {
	ID        string     `json:"id"`
	Dimension string     `json:"dimension"`
	Strength  q.Strength `json:"strength"`
	Source    string     `json:"source"`
	Label     string     `json:"label"`
	When      string     `json:"when"`
}

type listModule struct {
	ID         string          `json:"id"`
	Version    int             `json:"version"`
	Title      string          `json:"title"`
	Questions  []listQuestion  `json:"questions"`
	Indicators []listIndicator `json:"indicators"`
}

func runList(opts *listOptions) error {
	if err := checkValue("output", opts.Output, []string{"text", "json"}); err != nil {
		return err
	}
	if err := checkValue("lang", opts.Lang, locale.Langs()); err != nil {
		return err
	}
	set, _, err := loadSet(opts.IO, opts.Questionnaires, q.Options{})
	if err != nil {
		return err
	}
	out := opts.IO.Out
	if opts.Module == "" {
		var entries []listEntry
		for _, f := range set.Files {
			entries = append(entries, listEntry{f.ID, f.Version, f.Title.In(opts.Lang), len(f.Questions), len(f.Indicators)})
		}
		if opts.Output == "json" {
			return report.WriteJSON(out, entries)
		}
		tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tVERSION\tQUESTIONS\tINDICATORS\tTITLE")
		for _, e := range entries {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\n", e.ID, e.Version, e.Questions, e.Indicators, e.Title)
		}
		return tw.Flush()
	}

	var f *q.File
	for _, g := range set.Files {
		if g.ID == opts.Module {
			f = g
		}
	}
	if f == nil {
		var ids []string
		for _, g := range set.Files {
			ids = append(ids, g.ID)
		}
		return checkArg("module", opts.Module, ids)
	}
	m := listModule{ID: f.ID, Version: f.Version, Title: f.Title.In(opts.Lang), Questions: []listQuestion{}, Indicators: []listIndicator{}}
	for _, qu := range f.Questions {
		m.Questions = append(m.Questions, listQuestion{qu.ID, qu.AskedOf, qu.Type, qu.Text.In(opts.Lang), qu.AnswerIDs(), qu.ShowIf.String(), qu.Gate})
	}
	for _, ind := range f.Indicators {
		m.Indicators = append(m.Indicators, listIndicator{ind.ID, ind.Dimension, ind.Strength, ind.Source, ind.Label.In(opts.Lang), ind.When.String()})
	}
	if opts.Output == "json" {
		return report.WriteJSON(out, m)
	}
	fmt.Fprintf(out, "%s (%s, version %d)\n\nQuestions\n", m.Title, m.ID, m.Version)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tASKED OF\tANSWERS\tSHOW IF")
	for _, qu := range m.Questions {
		id := qu.ID
		if qu.Gate {
			id += " (gate)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", id, qu.AskedOf, strings.Join(qu.Answers, " | "), qu.ShowIf)
	}
	tw.Flush()
	fmt.Fprintf(out, "\nIndicators\n")
	tw = tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDIMENSION\tSTRENGTH\tSOURCE\tWHEN")
	for _, ind := range m.Indicators {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", ind.ID, ind.Dimension, ind.Strength, ind.Source, ind.When)
	}
	return tw.Flush()
}
