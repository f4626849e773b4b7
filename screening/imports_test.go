package screening_test

import (
	"os/exec"
	"strings"
	"testing"
)

// edge names the libraries of the terminal and the command line: the domain
// imports none of them, directly or not, so that it can be read, tested and
// reused without a terminal.
var edge = []string{"charm.land", "bubbletea", "lipgloss", "huh", "cobra", "pflag"}

func TestDomainImportsNoTerminalOrCLI(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command on PATH")
	}
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 5 {
		t.Fatalf("go list found too few packages under screening/:\n%s", out)
	}
	for _, line := range lines {
		fields := strings.Fields(line)
		for _, dep := range fields[1:] {
			for _, bad := range edge {
				if strings.Contains(dep, bad) {
					t.Errorf("%s depends on %s (%s belongs at the edge, in cmd/htscreen)", fields[0], dep, bad)
				}
			}
		}
	}
}
