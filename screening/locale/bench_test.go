package locale

import "testing"

// BenchmarkFirstMessage is what a start pays for the program's words: the
// directory listing, then English parsed for the first message.
func BenchmarkFirstMessage(b *testing.B) {
	for b.Loop() {
		c := newCatalog(embedded, "messages")
		if c.message("en", "start") == nil {
			b.Fatal("no start message")
		}
	}
}

// BenchmarkEveryFile parses every message file, as validate does.
func BenchmarkEveryFile(b *testing.B) {
	for b.Loop() {
		c := newCatalog(embedded, "messages")
		for _, lang := range c.langs {
			if c.file(lang) == nil {
				b.Fatal(lang)
			}
		}
	}
}
