// Package questionnaires holds the shipped questionnaire set and the referral
// guidance. Both are embedded in the binary and used unless --questionnaires
// names another folder, so the tool works with nothing but itself.
package questionnaires

import (
	"embed"
	"io/fs"
)

//go:embed *.yaml guidance/*.yaml
var files embed.FS

// FS returns the embedded questionnaire files.
func FS() fs.FS { return files }

// Guidance returns the embedded referral directory and steps.
func Guidance() fs.FS {
	sub, err := fs.Sub(files, "guidance")
	if err != nil {
		panic(err) // the folder is embedded; it cannot be missing
	}
	return sub
}
