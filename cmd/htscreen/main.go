// Command htscreen screens a person for indicators of human trafficking and
// says what to do next. See README.md.
package main

import (
	"os"

	"github.com/htscreen/htscreen/cmd/htscreen/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System(), version))
}
