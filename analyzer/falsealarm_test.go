package analyzer_test

import (
	"testing"

	"github.com/awsguard/secretlint/analyzer"
)

// TestFalseAlarms runs the shapes of ordinary code that must stay quiet,
// beside the positives they resemble.
func TestFalseAlarms(t *testing.T) {
	a := analyzer.New(settings(t, ""))
	runWithFacts(t, a, "falsealarms")
}
