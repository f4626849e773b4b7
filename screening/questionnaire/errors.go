package questionnaire

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Error is one problem at a place in a file read by the domain (a
// questionnaire, the guidance, a scenario, an answers file), with where it is
// and what to do about it.
type Error struct {
	Pos Pos
	Msg string
	// Unknown is set on an error about an unknown id that is close to no
	// valid one: what kind of id it is ("question"). The domain names no
	// command, so a caller may add where the valid ids are listed.
	Unknown string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Pos.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// ErrorList is every problem found in a set, sorted by file, line and column.
// The whole set is checked before any question is asked, so an author sees
// all mistakes at once rather than one per run.
type ErrorList []*Error

// MaxShown is how many errors ErrorList.Error names; the rest are counted
// ("... and 30 more"). A wrong file can hold tens of thousands of mistakes.
const MaxShown = 20

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return capLines(lines)
}

// capLines joins the first MaxShown lines and counts the rest.
func capLines(lines []string) string {
	if len(lines) <= MaxShown {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:MaxShown], "\n") + fmt.Sprintf("\n... and %d more", len(lines)-MaxShown)
}

func (l ErrorList) sorted() ErrorList {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return l[i].Msg < l[j].Msg
	})
	return l
}

// errs collects errors while a set is decoded and checked.
type errs struct{ list ErrorList }

func (e *errs) add(p Pos, format string, args ...any) {
	e.list = append(e.list, &Error{Pos: p, Msg: fmt.Sprintf(format, args...)})
}

// Sorted returns the list sorted by file, line and column.
func (l ErrorList) Sorted() ErrorList { return l.sorted() }

func (e *errs) err() error {
	if len(e.list) == 0 {
		return nil
	}
	return e.list.sorted()
}

// didYouMean suggests the closest of candidates to a misspelt name, or "" when
// none is close enough to be a likely typo.
func didYouMean(name string, candidates []string) string {
	if best := Closest(name, candidates); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// Closest returns the candidate nearest to a misspelt name, or "" when none
// is close enough to be a likely typo.
func Closest(name string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		d := levenshtein(strings.ToLower(name), strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 || bestDist >= len(name) || bestDist > max(2, len(name)/3) {
		return ""
	}
	return best
}

// oneOf lists valid values for a message, with a suggestion first when one
// is close.
func oneOf[T ~string](value T, valid []T) string {
	name, names := string(value), strs(valid)
	if s := didYouMean(name, names); s != "" {
		return s
	}
	return fmt.Sprintf("; use one of: %s", strings.Join(slices.Compact(slices.Sorted(slices.Values(names))), ", "))
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
