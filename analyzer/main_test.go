package analyzer_test

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestMain runs the tests with a less eager garbage collector: each
// analysistest run type-checks the fixtures' standard-library imports from
// source, and at the default GOGC a fifth of that time goes to collecting
// garbage. GOGC in the environment still wins.
func TestMain(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(m.Run())
}

// needE2E skips an end-to-end test unless SECRETLINT_E2E is set: CI runs
// those in a step of their own (see .ci/run).
func needE2E(t *testing.T) {
	t.Helper()
	if os.Getenv("SECRETLINT_E2E") == "" {
		t.Skip("end-to-end test: run with SECRETLINT_E2E=1")
	}
}
