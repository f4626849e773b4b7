package report

import (
	"fmt"
	"io"

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
