package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
)

// resourcesJSON is the shape of `resources --output json`.
type resourcesJSON struct {
	Verified string                 `json:"verified"`
	Stale    bool                   `json:"stale"`
	Warning  string                 `json:"warning,omitempty"`
	Contacts []guidance.ContactView `json:"contacts"`
}

// WriteResources renders the referral directory (the contacts chosen by
// guidance.Resources, with head's verification date and warning) in a
// format: text, markdown or json.
func WriteResources(w io.Writer, contacts []guidance.ContactView, head *guidance.Plan, format, lang string) error {
	if format == "json" {
		return WriteJSON(w, resourcesJSON{head.Verified, head.Stale, head.Warning, contacts})
	}
	md := format == "markdown"
	t := func(key string, args ...any) string { return locale.T(lang, key, args...) }
	Heading(w, 1, t("resources_title"), md)
	if head.Warning != "" {
		fmt.Fprintf(w, "%s\n\n", head.Warning)
	}
	for _, c := range contacts {
		fmt.Fprintf(w, "- %s\n  %s\n", ContactLine(c, lang, md), c.Purpose)
	}
	fmt.Fprintf(w, "\n%s.\n", t("contacts_verified", head.Verified))
	if head.Warning != "" {
		fmt.Fprintln(w, head.Warning)
	}
	return nil
}

// UrgentText renders the steps to take at once when an urgent red flag is
// raised in the middle of a screening, each with its contacts' numbers, for
// the runner to show before the next question.
func UrgentText(steps []guidance.StepView, lang string) string {
	var b strings.Builder
	for _, s := range steps {
		fmt.Fprintf(&b, "- %s\n", s.Text)
		for _, c := range s.Contacts {
			for _, l := range c.Lines {
				fmt.Fprintf(&b, "  %s: %s %s\n", c.Name, locale.T(lang, "line_"+l.Kind), l.Number)
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
