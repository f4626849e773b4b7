// Package questionnaires holds the shipped questionnaire set. It is embedded
// in the binary and used unless --questionnaires names another folder, so the
// tool works with nothing but itself.
package questionnaires

import (
	"embed"
	"io/fs"
)

//go:embed *.yaml
var files embed.FS

// FS returns the embedded questionnaire files.
func FS() fs.FS { return files }
