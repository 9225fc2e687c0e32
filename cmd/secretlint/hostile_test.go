package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/finding"
)

// TestRedactProblems checks the one redaction pass over problem and error
// texts: unquoted tokens, cgo flags, directives naming a token, file
// names, fatal errors; and that Go's own words stay readable.
func TestRedactProblems(t *testing.T) {
	token := "ghp_" + "R8sK2mQ7vX4nL9pT3wZ6yB1cD5fG0hJ2kL4m"
	for _, p := range []finding.Problem{
		{File: "a.go", Line: 3, Message: "undefined: " + token},
		{File: "a.go", Line: 1, Message: "invalid flag in #cgo LDFLAGS: --password=Hunter2xyzzy"},
		{File: "a.go", Line: 5, Message: "pattern " + token + ": no matching files found"},
		{File: token + ".go", Line: 1, Message: "expected declaration"},
	} {
		got := redactProblem(nil, p)
		if s := got.String(); strings.Contains(s, token) || strings.Contains(s, "Hunter2xyzzy") {
			t.Errorf("redacted problem holds a secret: %s", s)
		}
	}
	keep := finding.Problem{File: "a.go", Line: 9, Message: "expected ')', found 'EOF'"}
	if got := redactProblem(nil, keep); got != keep {
		t.Errorf("Go's words garbled: %s", got)
	}
	err := errors.New("loading packages: go: errors parsing go.mod:\ngo.mod:3: unknown directive: " + token)
	if s := redactErr(err).Error(); strings.Contains(s, token) || !strings.Contains(s, "unknown directive") {
		t.Errorf("fatal error: %s", s)
	}
	p := finding.Problem{Message: "go.mod:3:1: unknown directive: x"}
	if !positionFromMessage(&p) || p.File != "go.mod" || p.Line != 3 {
		t.Errorf("position from message: %+v", p)
	}
}

// TestFatalErrorRedacted checks that a token in a broken go.mod does not
// reach stderr on the fatal path.
func TestFatalErrorRedacted(t *testing.T) {
	dir := t.TempDir()
	token := "ghp_" + "R8sK2mQ7vX4nL9pT3wZ6yB1cD5fG0hJ2kL4m"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x\n\ngo 1.26\n\n"+token+" v1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.go"), []byte("package x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, stderr := runIn(t, dir, "./...")
	if strings.Contains(stdout+stderr, token) {
		t.Errorf("output holds the token:\n%s\n%s", stdout, stderr)
	}
}
