// A bare cobra program, the yardstick for htscreen's start-up time
// (BenchmarkStartup builds it in the same run).
package main

import (
	"os"

	"github.com/spf13/cobra"
)

func main() {
	root := &cobra.Command{Use: "hello", Version: "1", Run: func(*cobra.Command, []string) {}}
	if root.Execute() != nil {
		os.Exit(1)
	}
}
