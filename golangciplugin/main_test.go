package golangciplugin

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestMain runs the tests with a less eager garbage collector: the
// analysistest run type-checks the fixture's standard-library imports from
// source, and at the default GOGC a fifth of that time goes to collecting
// garbage. GOGC in the environment still wins.
func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(m.Run())
}
