package interview_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/htscreen/htscreen/screening/interview"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// synthetic builds a set of about n questions in the shape of the shipped
// one: a triage with one purpose question per form and routes, a means file
// whose questions are tied to a situation, and four modules with a gate, a
// purpose, indicators on their own questions and on the means, and levels.
func synthetic(tb testing.TB, n int) *q.Set {
	tb.Helper()
	per := n / 6
	fsys := fstest.MapFS{}
	sits := []string{"work", "sex", "marriage", "medical"}
	var t strings.Builder
	t.WriteString("id: triage\nversion: 1\ntitle: {en: T}\nintro: {en: I}\nquestions:\n")
	for _, f := range q.Forms() {
		fmt.Fprintf(&t, "  - {id: p_%s, asked_of: person, type: now_before, text: {en: \"P?\"}}\n", f)
	}
	for i := 0; i < per-4; i++ {
		fmt.Fprintf(&t, "  - {id: t_q%d, asked_of: screener, type: yes_no, text: {en: \"Q?\"}}\n", i)
	}
	t.WriteString("red_flags:\n  - {id: emergency, when: {question: t_q0, is: \"yes\"}, label: {en: E}}\nroutes:\n")
	for _, f := range q.Forms() {
		fmt.Fprintf(&t, "  - {module: %s, when: {not: {question: p_%s, is: \"no\"}}}\n", f, f)
	}
	fsys["triage.yaml"] = &fstest.MapFile{Data: []byte(t.String())}

	var m strings.Builder
	m.WriteString("id: means\nversion: 1\ntitle: {en: M}\nintro: {en: I}\nsituation_text: {en: \"About?\"}\nsituations:\n")
	for _, s := range append(sits, "other") {
		fmt.Fprintf(&m, "  - {id: %s, text: {en: %s}}\n", s, s)
	}
	m.WriteString("questions:\n")
	for i := 0; i < per/2; i++ {
		fmt.Fprintf(&m, "  - {id: m_q%d, asked_of: person, type: now_before, situation: true, text: {en: \"M?\"}}\n", i)
	}
	fsys["means.yaml"] = &fstest.MapFile{Data: []byte(m.String())}

	for k, f := range q.Forms() {
		var b strings.Builder
		fmt.Fprintf(&b, "id: %s\nversion: 1\ntitle: {en: F}\nintro: {en: I}\nsituation: %s\n", f, sits[k])
		fmt.Fprintf(&b, "purpose: {any: [{question: p_%s, in: [now, before]}, {question: %s_gate, is: \"yes\"}]}\n", f, f)
		b.WriteString("sources: [{id: src, cite: Synthetic}]\ndimensions:\n")
		for _, d := range []string{"coercion", "exploitation"} {
			fmt.Fprintf(&b, "  - {id: %s, label: {en: %s}, weights: {strong: 4, medium: 2, weak: 1}, weak_cap: 1, threshold: 5}\n", d, d)
		}
		fmt.Fprintf(&b, "questions:\n  - {id: %s_gate, asked_of: person, type: yes_no, gate: true, show_if: {not: {question: p_%s, in: [now, before]}}, text: {en: \"G?\"}}\n", f, f)
		for i := 0; i < per; i++ {
			fmt.Fprintf(&b, "  - {id: %s_q%d, asked_of: person, type: yes_no, text: {en: \"Q?\"}}\n", f, i)
		}
		b.WriteString("indicators:\n")
		for i := 0; i < per; i++ {
			fmt.Fprintf(&b, "  - {id: %s_i%d, dimension: exploitation, strength: %s, when: {question: %s_q%d, is: \"yes\"}, label: {en: L}, source: src}\n",
				f, i, []string{"strong", "medium", "weak"}[i%3], f, i)
		}
		for i := 0; i < per/2; i++ {
			fmt.Fprintf(&b, "  - {id: %s_m%d, dimension: coercion, strength: strong, when: {question: m_q%d, in: [now, before], for: %s}, label: {en: L}, source: src}\n", f, i, i, sits[k])
		}
		b.WriteString("levels:\n  - {level: refer, when: {dimension: coercion}, explain: {en: R}}\n  - {level: concern, when: {any: [{dimension: any}, {strength: strong}]}, explain: {en: C}}\n")
		fsys[f+".yaml"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	set, err := q.Load(fsys, q.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return set
}

// halfway answers "no" to the triage, the means and the first half of
// every module, as a look-alike's screening goes (every module runs, nothing
// is found): the point where a step has the most still open.
func halfway(tb testing.TB, set *q.Set) q.Answers {
	tb.Helper()
	a := q.Answers{}
	for _, f := range set.Files {
		qs := f.Questions
		if f.IsModule() {
			qs = qs[:len(qs)/2]
		}
		for _, qu := range qs {
			if qu.For == nil {
				a[qu.ID] = []string{"no"}
			}
		}
	}
	for _, f := range q.Forms() {
		a["p_"+f] = []string{q.Now}
	}
	return a
}

// BenchmarkSettledCheck measures one step of an interview under way: laying
// out what is still open, the three-valued outlook of every level, red flag
// and guidance condition, and choosing the next question. A person takes
// seconds to read a question; a step must take far less.
func BenchmarkSettledCheck(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		set := synthetic(b, n)
		a := halfway(b, set)
		watch := []*q.Condition{{Form: "any", Level: []string{"refer"}}, {RedFlag: "any"}}
		b.Run(fmt.Sprintf("synthetic/questions=%d", n), func(b *testing.B) {
			plan := &interview.Plan{Set: set, Watch: watch}
			for b.Loop() {
				if _, _, _, err := interview.Next(plan, a, interview.Flow{}, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("shipped", func(b *testing.B) {
		set := shipped(b)
		a := q.Answers{"obs_urgent_injury": {"no"}, "danger_now": {"no"}, "age_band": {"adult"}, "obs_signs": {"none"},
			"works_for_someone": {"now"}, "marriage_situation": {"yes"}, "organ_or_medical": {"no"}, "sex_exchange": {"now"},
			"m_cannot_stop": {"no"}, "m_harm": {"no"}}
		plan := &interview.Plan{Set: set}
		for b.Loop() {
			if _, _, _, err := interview.Next(plan, a, interview.Flow{}, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkReplay is what checking or scoring one training scenario costs:
// a whole screening replayed from fixed answers, every module run. It must
// grow linearly (validate replays every scenario at every start).
func BenchmarkReplay(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		set := synthetic(b, n)
		given := q.Answers{}
		for _, f := range set.Files {
			for _, qu := range f.Questions {
				if qu.For == nil {
					given[qu.ID] = []string{"no"}
				}
			}
		}
		for _, f := range q.Forms() {
			given["p_"+f] = []string{q.Now}
		}
		b.Run(fmt.Sprintf("questions=%d", n), func(b *testing.B) {
			plan := &interview.Plan{Set: set}
			for b.Loop() {
				if _, _, err := interview.Replay(plan, given); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/question")
		})
	}
}
