package rules_test

import (
	"testing"

	"github.com/htscreen/htscreen/questionnaires"
	q "github.com/htscreen/htscreen/screening/questionnaire"
	"github.com/htscreen/htscreen/screening/rules"
)

// BenchmarkEvaluate scores a screening on the embedded set with every module
// run and every yes/no question answered "yes", the most work a result takes.
func BenchmarkEvaluate(b *testing.B) {
	set, err := q.Load(questionnaires.FS(), q.Options{})
	if err != nil {
		b.Fatal(err)
	}
	a := q.Answers{}
	for _, f := range set.Files {
		for _, qu := range f.Questions {
			a[qu.ID] = []string{qu.AnswerIDs()[0]}
		}
	}
	in := rules.Input{Answers: a, Modules: set.Modules()}
	b.ReportAllocs()
	for b.Loop() {
		rules.Evaluate(set, in)
	}
}
