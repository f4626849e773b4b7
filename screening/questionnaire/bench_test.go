package questionnaire_test

import (
	"testing"

	"github.com/htscreen/htscreen/questionnaires"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// BenchmarkLoadEmbedded measures what every command pays before its first
// question: reading, decoding and validating the whole embedded set.
func BenchmarkLoadEmbedded(b *testing.B) {
	fsys := questionnaires.FS()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := q.Load(fsys, q.Options{RequireLangs: []string{"es"}}); err != nil {
			b.Fatal(err)
		}
	}
}
