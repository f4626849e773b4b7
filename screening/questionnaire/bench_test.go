package questionnaire_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

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

// synthetic builds a set of n questions spread over the triage and the four
// modules (each file stays under the size limit): in each module every third
// question is shown only after the one before, every question feeds one
// indicator, and levels use two dimensions. It is the shape of the real set
// at any size.
func synthetic(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	per := n / 5
	for f, id := range append([]string{q.TriageID}, q.Forms()...) {
		var b strings.Builder
		fmt.Fprintf(&b, "id: %s\nversion: 1\ntitle: {en: Synthetic}\nintro: {en: Generated for benchmarks.}\n", id)
		b.WriteString("questions:\n")
		for i := 0; i < per; i++ {
			fmt.Fprintf(&b, "  - id: %s_q%d\n    asked_of: person\n    type: yes_no\n    text: {en: \"Question %d?\", es: \"¿Pregunta %d?\"}\n    hint: {en: A hint., es: Una nota.}\n", id, i, i, i)
			if i%3 == 2 {
				fmt.Fprintf(&b, "    show_if: {question: %s_q%d, in: [\"yes\", not_sure]}\n", id, i-1)
			}
		}
		if f > 0 {
			b.WriteString("sources: [{id: src, cite: Synthetic}]\ndimensions:\n")
			for _, d := range []string{"coercion", "exploitation"} {
				fmt.Fprintf(&b, "  - {id: %s, label: {en: %s}, weights: {strong: 4, medium: 2, weak: 1}, weak_cap: 1, threshold: 5}\n", d, d)
			}
			b.WriteString("indicators:\n")
			for i := 0; i < per; i++ {
				dim := []string{"coercion", "exploitation"}[i%2]
				str := []string{"strong", "medium", "weak"}[i%3]
				fmt.Fprintf(&b, "  - {id: %s_i%d, dimension: %s, strength: %s, when: {question: %s_q%d, is: \"yes\"}, label: {en: Indicator %d}, source: src}\n", id, i, dim, str, id, i, i)
			}
			b.WriteString("levels:\n  - {level: refer, when: {dimension: coercion}, explain: {en: Refer.}}\n  - {level: concern, when: {any: [{dimension: any}, {strength: strong}]}, explain: {en: Concern.}}\n")
		}
		fsys[id+".yaml"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// BenchmarkValidateSynthetic shows that load and validate grow linearly with
// the number of questions: ns per question should stay flat from 100 to
// 10,000.
func BenchmarkValidateSynthetic(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		fsys := synthetic(n)
		if _, err := q.Load(fsys, q.Options{}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("questions=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := q.Load(fsys, q.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/question")
		})
	}
}
