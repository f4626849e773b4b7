// Package questionnaires holds the shipped questionnaire set and the referral
// guidance. Both are embedded in the binary and used unless --questionnaires
// names another folder, so the tool works with nothing but itself.
package questionnaires

import (
	"embed"
	"io/fs"
)

//go:embed *.yaml person/*.yaml guidance/*.yaml scenarios/*.yaml
var files embed.FS

// FS returns the embedded questionnaire files.
func FS() fs.FS { return files }

// Guidance returns the embedded referral directory and steps.
func Guidance() fs.FS { return sub("guidance") }

// Scenarios returns the embedded training scenarios.
func Scenarios() fs.FS { return sub("scenarios") }

func sub(dir string) fs.FS {
	s, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the folder is embedded; it cannot be missing
	}
	return s
}
