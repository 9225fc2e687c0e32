package storeflow

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/awsguard/secretlint/internal/config"
)

func TestAnalyzer(t *testing.T) {
	a := New(Config{
		Settings: func() (*config.Settings, error) { return nil, errors.New("no settings") },
	})
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(a.Doc, "\n"); first != "storeflow: follow Parameter Store and Secrets Manager values to their sinks" {
		t.Errorf("Doc starts with %q", first)
	}
	if strings.Contains(a.Doc, "# Analyzer") || !strings.Contains(a.Doc, "reports nothing itself") {
		t.Errorf("Doc is not the # Analyzer section of doc.go:\n%s", a.Doc)
	}
	if len(a.FactTypes) != 2 || !a.RunDespiteErrors || a.ResultType == nil {
		t.Errorf("FactTypes = %v, RunDespiteErrors = %v, ResultType = %v", a.FactTypes, a.RunDespiteErrors, a.ResultType)
	}
	// Without settings the analyzer leaves the error to its dependent and
	// returns an empty result.
	res, err := a.Run(&analysis.Pass{})
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := res.(*Result); !ok || r.File(nil) != nil {
		t.Errorf("result %#v", res)
	}
	if (*Result)(nil).File(nil) != nil {
		t.Error("nil result has findings")
	}
}
