package locale

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Check reports every defect of lang's message file against English, each
// as "file:line:column: what is wrong; the fix": a key English lacks, a key
// the file's scope needs and lacks, a placeholder (%s, %d, %q) lost or
// added, a plural form the language's CLDR rules need and the message lacks,
// and a bad meta section. No file for lang is itself a defect.
func Check(lang string) []string {
	return get().check(lang)
}

func (c *catalog) check(lang string) []string {
	f := c.file(lang)
	if f == nil {
		c.mu.Lock()
		err := c.errs[lang]
		c.mu.Unlock()
		if err != nil {
			return []string{err.Error()}
		}
		dir := c.shown + c.dir
		return []string{fmt.Sprintf("no message file for %q: add %s/%s.yaml, or %s/%s/%s.yaml for a language offered only to the person (languages with one: %s)", lang, dir, lang, dir, personDir, lang, strings.Join(c.langs, ", "))}
	}
	en := c.file(Default)
	if en == nil {
		return []string{fmt.Sprintf("%s%s: no readable %s.yaml: English is the source of every message", c.shown, c.dir, Default)}
	}
	errs := slices.Clone(f.metaErrs)
	add := func(id, format string, args ...any) {
		at := f.Path
		if p := f.pos[id]; p != "" {
			at += ":" + p
		}
		errs = append(errs, at+": "+fmt.Sprintf(format, args...))
	}
	for _, id := range sortedIDs(f.msgs) {
		m := f.msgs[id]
		src := en.msgs[id]
		if src == nil {
			add(id, "%q is not a message in %s; remove it or fix its name", id, en.Path)
			continue
		}
		if strings.HasPrefix(id, "meta.") {
			continue
		}
		want := verbs(src.Other())
		for form, s := range m {
			if got := verbs(s); !slices.Equal(got, want) {
				add(id, "%q (%s) has placeholders %v, English has %v; keep each of them, in the same order", id, form, got, want)
			}
		}
		if len(src) > 1 {
			for _, form := range c.missingForms(lang, id) {
				add(id, "%q needs the plural form %s: for %s, CLDR uses it for some numbers; add %s: \"...\"", id, form, lang, form)
			}
		}
	}
	for _, id := range sortedIDs(en.msgs) {
		if strings.HasPrefix(id, "meta.") || f.msgs[id] != nil {
			continue
		}
		if f.Scope == All || strings.HasPrefix(id, PersonPrefix) {
			errs = append(errs, fmt.Sprintf("%s: missing %q (a file in %s needs %s); translate it from %s:%s", f.Path, id, path.Dir(f.Path), scopeNeeds(f.Scope), en.Path, en.pos[id]))
		}
	}
	return errs
}

// missingForms are the plural forms the language's CLDR rules choose for
// some count and the message lacks, and "other", every message's fallback.
func (c *catalog) missingForms(lang, id string) []string {
	m := c.file(lang).msgs[id]
	var missing []string
	if m["other"] == "" {
		missing = append(missing, "other")
	}
	for n := 0; n <= 200; n++ {
		if form := pluralForm(lang, n); m[form] == "" && !slices.Contains(missing, form) {
			missing = append(missing, form)
		}
	}
	return missing
}

func scopeNeeds(s Scope) string {
	if s == Person {
		return "every message of the person section"
	}
	return "every message"
}

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z%]`)

// verbs are a format string's placeholders in order, "%%" left out.
func verbs(s string) []string {
	var v []string
	for _, m := range verb.FindAllString(s, -1) {
		if m != "%%" {
			v = append(v, m)
		}
	}
	return v
}

func sortedIDs(m map[string]message) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
