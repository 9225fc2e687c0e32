package analyzer_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/awsguard/secretlint/analyzer"
)

// TestSDKGenerations runs the reads of every SDK generation, the caching
// client and BatchGetSecretValue.
func TestSDKGenerations(t *testing.T) {
	a := analyzer.New(settings(t, ""))
	runWithFacts(t, a, "sdkgenerations")
}

// TestSDKV2Preview runs the reads of aws-sdk-go-v2 before 1.0: …Request,
// then Send, with the types in the service package.
func TestSDKV2Preview(t *testing.T) {
	a := analyzer.New(settings(t, ""))
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "sdkv0"))
	if err != nil {
		t.Fatal(err)
	}
	var r recorder
	analysistest.Run(&r, dir, a, "v0app")
	for _, e := range r.errs {
		if !strings.Contains(e, "no fact was reported") && !strings.Contains(e, "unexpected fact") {
			t.Error(e)
		}
	}
}
