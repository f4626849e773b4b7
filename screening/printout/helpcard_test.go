package printout

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Lines are measured in columns, as a terminal or a printer lays them out.
func TestWrap(t *testing.T) {
	for _, tt := range []struct {
		in    string
		width int
		want  []string
	}{
		{"Call 1-888-373-7888", 40, []string{"Call 1-888-373-7888"}},
		{"aaa bbb ccc", 7, []string{"aaa bbb", "ccc"}},
		// A word wider than the line is cut at the width: Chinese has no
		// spaces, and each of its characters takes two columns.
		{"a verylongword b", 4, []string{"a", "very", "long", "word", "b"}},
		{"每天24小时，每星期7天", 10, []string{"每天24小时", "，每星期7", "天"}},
		{"Más de 200 idiomas", 10, []string{"Más de 200", "idiomas"}},
		{"", 10, nil},
	} {
		assert.Equal(t, tt.want, wrap(tt.in, tt.width), tt.in)
	}
}
