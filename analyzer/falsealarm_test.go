package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/awsguard/secretlint/analyzer"
)

// TestFalseAlarms runs the shapes of ordinary code that must stay quiet,
// beside the positives they resemble.
func TestFalseAlarms(t *testing.T) {
	a := analyzer.New(settings(t, ""))
	runWithFacts(t, a, "falsealarms")
}

// TestIllTypedStore: statements that do not type-check are left out of
// the dataflow, the others are followed.
func TestIllTypedStore(t *testing.T) {
	a := analyzer.New(settings(t, ""))
	var r recorder
	analysistest.Run(&r, testdata(t), a, "illtypedstore")
	for _, e := range r.errs {
		t.Error(e)
	}
}
