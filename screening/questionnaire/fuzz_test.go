package questionnaire_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/htscreen/htscreen/questionnaires"
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

// FuzzPersonFile feeds arbitrary bytes to the loader as a person-language
// file (person/xx.yaml) beside the shipped set, the file a translator edits.
// Any input must give a set in which every question put to the person reads
// in xx, or an error; never a panic, and never a set that falls back to
// English half-way.
func FuzzPersonFile(f *testing.F) {
	shipped := shippedFS(f)
	if b, err := fs.ReadFile(questionnaires.FS(), "person/ar.yaml"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("triage:\n  questions:\n    danger_now: x\n"))
	f.Add([]byte("means:\n  situations: {work: x}\n  situation_text: y\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"person/xx.yaml": {Data: data}}
		for name, file := range shipped {
			fsys[name] = file
		}
		set, err := q.Load(fsys, q.Options{PersonLangs: []string{"xx"}})
		if (set == nil) == (err == nil) {
			t.Fatalf("Load must return a set or an error: set=%v err=%v", set != nil, err)
		}
		if set != nil && !slices.Contains(set.Langs(), "xx") {
			t.Fatalf("a person file that loads must translate every question put to the person")
		}
	})
}

// shippedFS is the shipped questionnaires, without their person files.
func shippedFS(tb testing.TB) fstest.MapFS {
	tb.Helper()
	fsys := fstest.MapFS{}
	names, err := fs.Glob(questionnaires.FS(), "*.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(questionnaires.FS(), name)
		if err != nil {
			tb.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: data}
	}
	return fsys
}
