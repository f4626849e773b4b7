package printout

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/htscreen/htscreen/screening/guidance"
	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/report"
)

// HelpCardWidth is the widest line of a help card in plain text: a wallet
// card holds about 40 characters of small print.
const HelpCardWidth = 40

// The directory entries a help card is made from. The card takes every
// number and fact from them, so that each number lives in one place
// (questionnaires/guidance/contacts.yaml), with its source.
const (
	helpLineContact  = "nhth"
	emergencyContact = "emergency"
)

// helpFacts is what a help card says, taken from the directory.
type helpFacts struct {
	phone, text, emergency string
	hours, languages       q.Text
}

// HelpCard writes a small card for a person to keep: the national hotline's
// phone and text numbers, its hours and languages, that it is not the
// police or immigration, and 911 for an emergency. The card never names
// trafficking: it is called a help line, so that it is safe to carry. It
// holds no personal data and no date. In a language other than English, the
// English card follows beneath, for whoever the person shows it to.
func HelpCard(out io.Writer, d *guidance.Directory, lang string, md bool) error {
	f, err := helpCardFacts(d)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	writeHelpCard(w, f, lang, md, 1)
	if lang != locale.Default {
		if md {
			fmt.Fprint(w, "---\n\n")
		}
		writeHelpCard(w, f, locale.Default, md, 2)
	}
	return w.Flush()
}

func helpCardFacts(d *guidance.Directory) (*helpFacts, error) {
	line := func(contact, kind string) (*guidance.Contact, string, error) {
		c := d.Contact(contact)
		if c != nil {
			for _, l := range c.Lines {
				if l.Kind == kind {
					return c, l.Number, nil
				}
			}
		}
		return nil, "", fmt.Errorf("the help card needs a %s line for the contact %q in the guidance directory", kind, contact)
	}
	c, phone, err := line(helpLineContact, "phone")
	if err != nil {
		return nil, err
	}
	_, text, err := line(helpLineContact, "text")
	if err != nil {
		return nil, err
	}
	_, emergency, err := line(emergencyContact, "phone")
	if err != nil {
		return nil, err
	}
	return &helpFacts{phone: phone, text: text, emergency: emergency, hours: c.Hours, languages: c.Languages}, nil
}

// writeHelpCard writes one language's card, its heading at level.
func writeHelpCard(w io.Writer, f *helpFacts, lang string, md bool, level int) {
	t := func(key string, args ...any) string { return locale.T(lang, key, args...) }
	num := func(s string) string {
		if md {
			return "**" + s + "**"
		}
		return s
	}
	facts := []string{t("person.helpcard_call", num(f.phone)), t("person.helpcard_text", num(f.text))}
	for _, s := range []string{f.hours.In(lang), f.languages.In(lang)} {
		if s != "" {
			facts = append(facts, s)
		}
	}
	facts = append(facts, t("person.helpcard_not"))
	emergency := t("person.helpcard_emergency", f.emergency)

	// A right-to-left card is marked so, for a browser or a converter to
	// PDF; blank lines keep the Markdown inside the block working.
	if md && locale.RightToLeft(lang) {
		fmt.Fprintf(w, "<div dir=\"rtl\" lang=\"%s\">\n\n", lang)
		defer fmt.Fprint(w, "</div>\n\n")
	}
	report.Heading(w, level, t("person.helpcard_title"), md)
	if md {
		fmt.Fprintf(w, "**%s**\n\n", t("person.helpcard_line"))
		for _, s := range facts {
			fmt.Fprintf(w, "- %s\n", s)
		}
		fmt.Fprintf(w, "\n**%s**\n\n", emergency)
		return
	}
	fmt.Fprintln(w, t("person.helpcard_line"))
	for _, s := range facts {
		for _, l := range wrap(s, HelpCardWidth-2) {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
	fmt.Fprintln(w)
	for _, l := range wrap(emergency, HelpCardWidth) {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w)
}

// wrap breaks s into lines at most width columns wide, at spaces. A word
// wider than the line is cut at the width: Chinese, written without spaces,
// is one such "word", and each of its characters takes two columns.
func wrap(s string, width int) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		for runewidth.StringWidth(word) > width {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			head := runewidth.Truncate(word, width, "")
			lines = append(lines, head)
			word = word[len(head):]
		}
		switch {
		case word == "":
		case cur == "":
			cur = word
		case runewidth.StringWidth(cur)+1+runewidth.StringWidth(word) <= width:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = word
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
