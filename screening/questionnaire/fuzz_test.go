package questionnaire_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	q "github.com/htscreen/htscreen/screening/questionnaire"
)

// FuzzLoad feeds arbitrary bytes to the loader and validator as a module
// beside a valid triage. Any input must give a set or an error, never a
// panic or a hang.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*/*.yaml")
	valid, _ := filepath.Glob("testdata/valid/*.yaml")
	for _, p := range append(seeds, valid...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	triage, err := os.ReadFile("testdata/valid/triage.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"triage.yaml": {Data: triage}, "labor.yaml": {Data: data}}
		set, err := q.Load(fsys, q.Options{RequireLangs: []string{"es"}})
		if (set == nil) == (err == nil) {
			t.Fatalf("Load must return a set or an error: set=%v err=%v", set != nil, err)
		}
	})
}
