package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/htscreen/htscreen/screening/locale"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/scenario"
)

// Room is what a workshop's answer sheets for one scenario missed, together:
// nothing of any sheet is kept beyond this summary, and the personas are
// fictional.
type Room struct {
	Scenario string      `json:"scenario"`
	Title    string      `json:"title"`
	Sheets   []SheetLine `json:"sheets"`
	// Misses are what the sheets got wrong, most common first, the most
	// serious first among equals: a missed red flag, an under-called level,
	// a missed indicator, an answer that differs.
	Misses []RoomMiss `json:"misses"`
}

// SheetLine is one answer sheet's result beside the expert's.
type SheetLine struct {
	Sheet       string            `json:"sheet"`
	Levels      map[string]string `json:"levels"`
	FlagsMissed []string          `json:"red_flags_missed"`
	UnderCalls  []string          `json:"under_called"`
}

// RoomMiss is one mistake and how many sheets made it.
type RoomMiss struct {
	Kind  string `json:"kind"` // red_flag, under_call, indicator, answer
	ID    string `json:"id"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

var missRank = map[string]int{"red_flag": 0, "under_call": 1, "indicator": 2, "answer": 3}

// BuildRoom sums the comparisons of several answer sheets with the expert.
func BuildRoom(set *q.Set, sc *scenario.Scenario, sheets []string, fbs []*scenario.Feedback, lang string) *Room {
	room := &Room{Scenario: sc.ID, Title: sc.Title.In(lang), Sheets: []SheetLine{}, Misses: []RoomMiss{}}
	counts := map[[2]string]*RoomMiss{}
	miss := func(kind, id, label string) {
		k := [2]string{kind, id}
		if counts[k] == nil {
			counts[k] = &RoomMiss{Kind: kind, ID: id, Label: label}
		}
		counts[k].Count++
	}
	for i, fb := range fbs {
		line := SheetLine{Sheet: sheets[i], Levels: map[string]string{}, FlagsMissed: []string{}, UnderCalls: []string{}}
		for _, f := range fb.FlagsMissed {
			line.FlagsMissed = append(line.FlagsMissed, f.ID)
			miss("red_flag", f.ID, locale.T(lang, "flag_"+f.ID))
		}
		for _, l := range fb.Levels {
			line.Levels[l.Form] = string(l.Trainee)
			if !l.TraineeScreened {
				line.Levels[l.Form] = "not_screened"
			}
			if levelRank[l.Trainee] < levelRank[l.Expert] {
				line.UnderCalls = append(line.UnderCalls, l.Form)
				miss("under_call", l.Form, locale.T(lang, "form_"+l.Form)+": "+locale.T(lang, "level_"+string(l.Expert)))
			}
		}
		for _, ind := range fb.Missed {
			miss("indicator", ind.ID, ind.Label.In(lang))
		}
		for _, a := range fb.Answers {
			miss("answer", a.Question.ID, QuestionText(a.Question, lang))
		}
		room.Sheets = append(room.Sheets, line)
	}
	for _, m := range counts {
		room.Misses = append(room.Misses, *m)
	}
	sort.Slice(room.Misses, func(i, j int) bool {
		a, b := room.Misses[i], room.Misses[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		if missRank[a.Kind] != missRank[b.Kind] {
			return missRank[a.Kind] < missRank[b.Kind]
		}
		return a.ID < b.ID
	})
	return room
}

// WriteRoom renders a room's summary as text, Markdown or JSON.
func WriteRoom(w io.Writer, room *Room, lang, format string) error {
	if format == "json" {
		return WriteJSON(w, room)
	}
	t := func(key string, args ...any) string { return locale.T(lang, key, args...) }
	md := format == "markdown"
	Heading(w, 1, t("room_title", room.Title), md)
	fmt.Fprintf(w, "%s\n\n", t("room_sheets", len(room.Sheets)))
	Heading(w, 2, t("room_misses"), md)
	if len(room.Misses) == 0 {
		fmt.Fprintf(w, "%s\n\n", t("train_all_match"))
	}
	for _, m := range room.Misses {
		fmt.Fprintf(w, "- %s (%s): %s\n", t("room_kind_"+m.Kind), t("room_count", m.Count, len(room.Sheets)), m.Label)
	}
	fmt.Fprintln(w)
	Heading(w, 2, t("room_by_sheet"), md)
	for _, s := range room.Sheets {
		var parts []string
		for _, f := range q.Forms() {
			level := t("level_" + s.Levels[f])
			if s.Levels[f] == "not_screened" {
				level = t("not_screened")
			}
			parts = append(parts, fmt.Sprintf("%s: %s", t("form_"+f), level))
		}
		fmt.Fprintf(w, "- %s: %s", s.Sheet, strings.Join(parts, "; "))
		if len(s.FlagsMissed) > 0 {
			fmt.Fprintf(w, " (%s: %s)", t("train_flags_missed"), strings.Join(s.FlagsMissed, ", "))
		}
		fmt.Fprintln(w)
	}
	return nil
}

// QuestionText is a question's text as feedback names it: a situation
// follow-up ("What was this about?") says which question it follows.
func QuestionText(qu *q.Question, lang string) string {
	if qu.For != nil {
		return qu.For.Text.In(lang) + " / " + qu.Text.In(lang)
	}
	return qu.Text.In(lang)
}
