package locale

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// FuzzMessageFile feeds arbitrary bytes to the reader as a translator's
// message file. It must never panic: a broken file is reported by Check and
// every message falls back to English.
func FuzzMessageFile(f *testing.F) {
	en, err := fs.ReadFile(embedded, "messages/en.yaml")
	if err != nil {
		f.Fatal(err)
	}
	if ar, err := fs.ReadFile(embedded, "messages/person/ar.yaml"); err == nil {
		f.Add(ar)
	}
	f.Add([]byte("meta: {name: x, status: draft}\nperson: {card: \"%d\"}\nstop_urgent: {one: a, few: b}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := newCatalog(fstest.MapFS{"m/en.yaml": {Data: en}, "m/person/xx.yaml": {Data: data}}, "m")
		_ = c.check("xx")
		if c.message("xx", "person.card") == nil {
			t.Fatal("English must stand behind every message")
		}
		_ = c.plural("xx", "stop_urgent", 3)
	})
}
