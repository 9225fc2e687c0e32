package analyzer_test

import (
	"testing"

	"github.com/awsguard/secretlint/analyzer"
)

// TestShapes runs the shapes of real services' reads, writes and
// connection strings, beside their traps.
func TestShapes(t *testing.T) {
	a := analyzer.New(settings(t, ""))
	runWithFacts(t, a, "shapes")
}

// TestInterfaces runs the reads through interfaces, with the
// implementations in the same package and in another.
func TestInterfaces(t *testing.T) {
	a := analyzer.New(settings(t, ""))
	runWithFacts(t, a, "ifacestore", "ifacestore/params", "ifacestore/db")
}
