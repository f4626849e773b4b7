package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The command reference in docs/cli must match the commands: a flag or a
// help text changed without `make docs` fails here.
func TestCLIDocsAreCurrent(t *testing.T) {
	tmp := t.TempDir()
	require.NoError(t, generate(tmp))
	want, err := filepath.Glob(filepath.Join(tmp, "*.md"))
	require.NoError(t, err)
	man, err := filepath.Glob(filepath.Join(tmp, "man", "*.1"))
	require.NoError(t, err)
	require.NotEmpty(t, want)
	require.NotEmpty(t, man)
	for _, p := range append(want, man...) {
		rel, _ := filepath.Rel(tmp, p)
		gen, err := os.ReadFile(p)
		require.NoError(t, err)
		have, err := os.ReadFile(filepath.Join("..", "..", "docs", "cli", rel))
		require.NoError(t, err, "docs/cli/%s is missing: run make docs", rel)
		assert.Equal(t, string(gen), string(have), "docs/cli/%s is stale: run make docs", rel)
		assert.NotRegexp(t, `(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20[0-9]{2}|Auto generated`, string(gen), "no dates: reproducible")
	}
	have, _ := filepath.Glob(filepath.Join("..", "..", "docs", "cli", "*.md"))
	assert.Len(t, have, len(want), "docs/cli holds a page for a command that no longer exists")
}
