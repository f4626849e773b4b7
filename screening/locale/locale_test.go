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
	// The built-in answers (yes, no, ...) moved to questionnaire: see
	// TestBuiltInAnswerText there.
	assert.Equal(t, "Not known", T("xx", "unknown"))
	assert.Equal(t, "Se desconoce", T("es", "unknown"))
	assert.Equal(t, []string{"en", "es"}, Langs())
}
