package rules_test

import (
	"slices"
	"testing"

	"github.com/htscreen/htscreen/questionnaires"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// FuzzEvaluate scores arbitrary answers on the shipped set: every byte picks
// an answer for the next question (or leaves it unanswered). Evaluate must
// never panic, must report all four forms with a known level, and must give
// the same result twice.
func FuzzEvaluate(f *testing.F) {
	set, err := q.Load(questionnaires.FS(), q.Options{})
	if err != nil {
		f.Fatal(err)
	}
	var questions []*q.Question
	for _, file := range set.Files {
		questions = append(questions, file.Questions...)
	}
	f.Add([]byte{}, uint8(15))
	f.Add([]byte{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, uint8(15))
	f.Add([]byte{2, 0, 3, 7, 9, 255, 4}, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, modules uint8) {
		a := q.Answers{}
		for i, b := range data {
			if i >= len(questions) {
				break
			}
			qu := questions[i]
			ids := qu.AnswerIDs()
			if int(b) >= len(ids) {
				continue // not asked
			}
			a[qu.ID] = []string{ids[b]}
		}
		var mods []string
		for i, m := range set.Modules() {
			if modules&(1<<i) != 0 {
				mods = append(mods, m)
			}
		}
		in := rules.Input{Answers: a, Modules: mods}
		r := rules.Evaluate(set, in)
		if len(r.Forms) != len(q.Forms()) {
			t.Fatalf("%d forms", len(r.Forms))
		}
		for _, form := range r.Forms {
			if !slices.Contains(rules.Levels(), form.Level) {
				t.Fatalf("form %s has level %q", form.Form, form.Level)
			}
			if !form.Screened && (form.Level != rules.None || len(form.Indicators) > 0) {
				t.Fatalf("form %s not screened but scored", form.Form)
			}
		}
		again := rules.Evaluate(set, in)
		for i := range r.Forms {
			if r.Forms[i].Level != again.Forms[i].Level || len(r.Forms[i].Indicators) != len(again.Forms[i].Indicators) {
				t.Fatal("Evaluate is not deterministic")
			}
		}
	})
}
