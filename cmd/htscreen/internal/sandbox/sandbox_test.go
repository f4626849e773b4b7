//go:build linux

package sandbox_test

import (
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/htscreen/htscreen/cmd/htscreen/internal/sandbox"
)

// The sandbox restricts the whole process for good, so each check runs in a
// child: this test binary started again with HTSCREEN_SANDBOX_CHILD set.
func TestMain(m *testing.M) {
	if what := os.Getenv("HTSCREEN_SANDBOX_CHILD"); what != "" {
		os.Exit(child(what))
	}
	os.Exit(m.Run())
}

// child restricts itself, then tries one forbidden thing and reports by exit
// code: 0 denied, 1 allowed, 2 the test itself failed.
func child(what string) int {
	if err := sandbox.Restrict(); err != nil {
		return 2
	}
	var err error
	switch what {
	case "write":
		err = os.WriteFile(os.Getenv("HTSCREEN_SANDBOX_PATH"), []byte("x"), 0o600)
	case "mkdir":
		err = os.Mkdir(os.Getenv("HTSCREEN_SANDBOX_PATH"), 0o700)
	case "connect":
		var c net.Conn
		c, err = net.Dial("tcp", os.Getenv("HTSCREEN_SANDBOX_PATH"))
		if err == nil {
			c.Close()
		}
	case "exec":
		err = exec.Command("/bin/true").Run()
	case "read":
		_, err = os.ReadFile(os.Getenv("HTSCREEN_SANDBOX_PATH"))
		if err != nil {
			return 1 // reading must stay allowed: report it as the wrong outcome
		}
		return 0
	}
	if errors.Is(err, os.ErrPermission) || err != nil {
		return 0
	}
	return 1
}

func runChild(t *testing.T, what, arg string) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "HTSCREEN_SANDBOX_CHILD="+what, "HTSCREEN_SANDBOX_PATH="+arg)
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	require.NoError(t, err)
	return 0
}

func TestSandboxDenies(t *testing.T) {
	if v := sandbox.Available(); v < 4 {
		t.Skipf("Landlock ABI %d on this kernel: the sandbox is a no-op here (strace tests still apply)", v)
	}
	dir := t.TempDir()
	readable := filepath.Join(dir, "readable")
	require.NoError(t, os.WriteFile(readable, []byte("ok"), 0o600))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()

	assert.Equal(t, 0, runChild(t, "write", filepath.Join(dir, "new-file")), "writing a file is denied")
	assert.NoFileExists(t, filepath.Join(dir, "new-file"))
	assert.Equal(t, 0, runChild(t, "write", readable), "overwriting a file is denied")
	assert.Equal(t, 0, runChild(t, "mkdir", filepath.Join(dir, "new-dir")), "creating a folder is denied")
	assert.NoDirExists(t, filepath.Join(dir, "new-dir"))
	assert.Equal(t, 0, runChild(t, "connect", ln.Addr().String()), "a TCP connection is denied")
	assert.Equal(t, 0, runChild(t, "exec", ""), "running a program is denied")
	assert.Equal(t, 0, runChild(t, "read", readable), "reading stays allowed")
}
