package locale

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every language must carry every message, so that --lang never falls back
// to English in the middle of a screening.
func TestCatalogsComplete(t *testing.T) {
	for lang, msgs := range catalog {
		for key := range catalog[Default] {
			assert.NotEmpty(t, msgs[key], "%s lacks %q", lang, key)
		}
		for key := range msgs {
			assert.Contains(t, catalog[Default], key, "%s has %q, which English lacks", lang, key)
		}
	}
}

func TestFallback(t *testing.T) {
	assert.Equal(t, "Yes", T("xx", "yes"))
	assert.Equal(t, "Sí", T("es", "yes"))
	assert.Equal(t, []string{"en", "es"}, Langs())
}
