package printout

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWrap(t *testing.T) {
	for _, tt := range []struct {
		in    string
		width int
		want  []string
	}{
		{"Call 1-888-373-7888", 40, []string{"Call 1-888-373-7888"}},
		{"aaa bbb ccc", 7, []string{"aaa bbb", "ccc"}},
		{"a verylongword b", 4, []string{"a", "verylongword", "b"}},
		{"Más de 200 idiomas", 10, []string{"Más de 200", "idiomas"}},
		{"", 10, nil},
	} {
		assert.Equal(t, tt.want, wrap(tt.in, tt.width), tt.in)
	}
}
