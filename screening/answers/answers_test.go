package answers_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/screening/answers"
	q "github.com/htscreen/htscreen/screening/questionnaire"
)

func testSet(t testing.TB) *q.Set {
	t.Helper()
	set, err := q.Load(os.DirFS("../testdata/set"), q.Options{})
	require.NoError(t, err)
	return set
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want q.Answers
		err  string
	}{
		{name: "yaml", in: "danger: \"no\"\nage: adult\nconditions: [long_hours, no_pay]\n",
			want: q.Answers{"danger": {"no"}, "age": {"adult"}, "conditions": {"long_hours", "no_pay"}}},
		{name: "json", in: `{"danger": "yes", "conditions": ["no_rest"]}`,
			want: q.Answers{"danger": {"yes"}, "conditions": {"no_rest"}}},
		{name: "unquoted yes stays the answer id", in: "danger: yes\n", want: q.Answers{"danger": {"yes"}}},
		{name: "unknown id", in: "danger: \"no\"\ncan_leav: \"no\"\n",
			err: `case.yaml:2:1: unknown question "can_leav"; did you mean "can_leave"?`},
		{name: "unknown id far from any", in: "zzzzzzzz: \"no\"\n",
			err: `case.yaml:1:1: unknown question "zzzzzzzz"`},
		{name: "invalid value", in: "age: child\n",
			err: `case.yaml:1:6: "age" has no answer "child"; use one of: under_18, adult, not_sure, prefer_not_to_say`},
		{name: "near value", in: "danger: yse\n",
			err: `case.yaml:1:9: "danger" has no answer "yse"; did you mean "yes"?`},
		{name: "list for single", in: "age: [adult, under_18]\n",
			err: `case.yaml:1:6: "age" takes one answer, not a list; use one of: under_18, adult, not_sure, prefer_not_to_say`},
		{name: "not sure with others", in: "conditions: [not_sure, no_pay]\n",
			err: `case.yaml:1:13: "conditions": not_sure stands alone; it cannot be combined with other answers`},
		{name: "prefer not to say is not for observations", in: "seen: prefer_not_to_say\n",
			err: `case.yaml:1:7: "seen" has no answer "prefer_not_to_say"; use one of: watched, venue, none, not_sure`},
		{name: "an exclusive choice stands alone", in: "seen: [watched, none]\n",
			err: `case.yaml:1:7: "seen": none stands alone; it cannot be combined with other answers`},
		{name: "now or before", in: "works: before\nm_threat: now\nm_threat_for: [work, sex]\n",
			want: q.Answers{"works": {"before"}, "m_threat": {"now"}, "m_threat_for": {"work", "sex"}}},
		{name: "twice", in: "danger: \"no\"\ndanger: \"yes\"\n",
			err: `case.yaml:2:1: question "danger" is answered twice; keep one`},
		{name: "empty answer", in: "danger:\n", err: `case.yaml:1:8: the answer to "danger" must be an answer id or, for multiple choice, a list of them`},
		{name: "all errors at once", in: "age: child\ndanger: maybe\n",
			err: "case.yaml:1:6: \"age\" has no answer \"child\"; use one of: under_18, adult, not_sure, prefer_not_to_say\ncase.yaml:2:9: \"danger\" has no answer \"maybe\"; use one of: yes, no, not_sure, prefer_not_to_say"},
		{name: "not a mapping", in: "- danger\n", err: "case.yaml:1:1: an answers file maps question ids to answers, e.g. can_leave_job: no"},
		{name: "empty", in: "", err: "case.yaml: the answers file is empty; write one line per question, e.g. can_leave_job: no"},
		{name: "syntax", in: "danger: [\n", err: "case.yaml:1:1: not valid YAML or JSON: did not find expected node content"},
		{name: "second document", in: "age: adult\n---\ndanger: \"yes\"\n",
			err: "case.yaml:2:1: a second YAML document starts here, and only the first would be read; remove this --- line, or put what follows in a file of its own"},
		{name: "second document after an end marker", in: "age: adult\n...\n# note\n--- {danger: \"yes\"}\n",
			err: "case.yaml:4:1: a second YAML document starts here, and only the first would be read; remove this --- line, or put what follows in a file of its own"},
		{name: "a leading --- is one document", in: "---\nage: adult\n", want: q.Answers{"age": {"adult"}}},
		{name: "invalid UTF-8 on its line", in: "age: adult\n# note\ndanger: \"n\xffo\"\n",
			err: "case.yaml:3:1: the file is not valid UTF-8 text; save it as UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := answers.Parse("case.yaml", []byte(tt.in), testSet(t))
			if tt.err != "" {
				require.EqualError(t, err, tt.err)
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// A file of many mistakes (a wrong file, or a generated one) names the
// first few and counts the rest, rather than printing thousands of lines.
func TestParseCapsTheErrorList(t *testing.T) {
	var b strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&b, "zzzz%d: \"no\"\n", i)
	}
	_, err := answers.Parse("big.yaml", []byte(b.String()), testSet(t))
	require.Error(t, err)
	var list q.ErrorList
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, 1000, "the list itself keeps every error")
	lines := strings.Split(err.Error(), "\n")
	require.Len(t, lines, q.MaxShown+1)
	assert.Equal(t, `big.yaml:20:1: unknown question "zzzz19"`, lines[q.MaxShown-1])
	assert.Equal(t, "... and 980 more", lines[q.MaxShown])
}

func TestParseTooLarge(t *testing.T) {
	_, err := answers.Parse("big.yaml", make([]byte, answers.MaxSize+1), testSet(t))
	require.ErrorContains(t, err, "larger than 1024 KiB")
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"danger: yes\n", `{"conditions": ["no_pay", "long_hours"]}`, "age: [a, b]", "- x", "a: &a [*a]"} {
		f.Add([]byte(s))
	}
	set := testSet(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := answers.Parse("fuzz", data, set)
		if err != nil {
			return
		}
		for id, vals := range a {
			qu := set.Question(id)
			if qu == nil {
				t.Fatalf("accepted unknown question %q", id)
			}
			for _, v := range vals {
				if !qu.Accepts(v) {
					t.Fatalf("accepted invalid answer %q for %q", v, id)
				}
			}
		}
	})
}
