package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestFIFOSkipped checks that a FIFO named on the command line is
// skipped with a problem line, never opened, and the other files are
// reported.
func TestFIFOSkipped(t *testing.T) {
	dir := t.TempDir()
	if err := mkfifo(filepath.Join(dir, "pipe.yaml")); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	writeFile(t, filepath.Join(dir, "app.yaml"), "db:\n  password: Vq7rT2xLm9\n")
	done := make(chan struct{})
	var code int
	var out, stderr string
	go func() {
		defer close(done)
		code, out, stderr = runIn(t, dir, "-no-go", "pipe.yaml", "app.yaml")
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		// Unblock the reader so the test ends.
		if f, err := os.OpenFile(filepath.Join(dir, "pipe.yaml"), os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		<-done
		t.Fatal("the run hung on a FIFO")
	}
	if code != exitFindings || !strings.Contains(out, "app.yaml:2") || !strings.Contains(stderr, "pipe.yaml: not a regular file (named pipe): skipped") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
}

// TestRevisionOptionInjection checks that a revision git would read as
// an option is refused before git runs.
func TestRevisionOptionInjection(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "written")
	writeFile(t, filepath.Join(dir, "app.yaml"), "a: 1\n")
	for _, rev := range []string{"--output=" + target, "-p", "HEAD\n--output=x", "HEAD ~1"} {
		code, _, stderr := runIn(t, dir, "-no-go", "-new-from-rev="+rev, ".")
		if code != exitError || !strings.Contains(stderr, "-new-from-rev") {
			t.Errorf("%q: exit %d, stderr %q", rev, code, stderr)
		}
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("git wrote the file an option named")
	}
}

// TestNewFromRevQuotedPaths checks that untracked paths git would quote
// (non-ASCII, quotes) keep their findings.
func TestNewFromRevQuotedPaths(t *testing.T) {
	dir, gitIn := gitRepo(t)
	gitIn("init", "-q")
	writeFile(t, filepath.Join(dir, "a.yaml"), "a: 1\n")
	gitIn("add", ".")
	gitIn("commit", "-q", "-m", "initial")
	writeFile(t, filepath.Join(dir, "設定.yaml"), "db:\n  password: Vq7rT2xLm9\n")
	writeFile(t, filepath.Join(dir, `q"uote.yaml`), "db:\n  password: Wz8sU3yMn0q\n")
	code, out, stderr := runIn(t, dir, "-no-go", "-new-from-rev", "HEAD", ".")
	if code != exitFindings || !strings.Contains(out, "設定.yaml:2") || !strings.Contains(out, `q"uote.yaml:2`) {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
}

// TestNewFromRevQuotedTrackedPaths checks that changed lines of tracked
// files whose names git quotes in a diff header even with
// core.quotePath=false (tab, quote, backslash) or writes raw (non-ASCII)
// keep their findings under -new-from-rev.
func TestNewFromRevQuotedTrackedPaths(t *testing.T) {
	dir, gitIn := gitRepo(t)
	names := []string{"設定.yaml", "ta\tb.yaml", `q"uote.yaml`, `back\slash.yaml`, "sp ace.yaml", "plain.yaml"}
	gitIn("init", "-q")
	for _, n := range names {
		writeFile(t, filepath.Join(dir, n), "a: 1\n")
	}
	gitIn("add", ".")
	gitIn("commit", "-q", "-m", "initial")
	for _, n := range names {
		writeFile(t, filepath.Join(dir, n), "a: 1\ndb:\n  password: Vq7rT2xLm9\n")
	}
	code, out, stderr := runIn(t, dir, "-no-go", "-format", "json", "-new-from-rev", "HEAD", ".")
	got := map[string]bool{}
	for _, f := range decode(t, out).Findings {
		got[f.File] = true
	}
	for _, n := range names {
		if !got[n] {
			t.Errorf("no finding in %q", n)
		}
	}
	if code != exitFindings {
		t.Errorf("exit %d\nstderr:\n%s", code, stderr)
	}
}

// TestLegacyBaselineCLI checks that a version 1 baseline still hides its
// findings, and that `secretlint baseline` rewrites it as version 2.
func TestLegacyBaselineCLI(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "app.yaml"), "db:\n  password: Vq7rT2xLm9\n")
	fs := []finding.Finding{{Rule: "hardcoded-credential", File: "app.yaml", Line: 2, Message: "hard-coded DB password in YAML value at db.password"}}
	old := finding.LegacyFingerprints(fs, func(string, int) string { return "  password: Vq7rT2xLm9" })
	v1 := `{"version": 1, "entries": [{"rule": "hardcoded-credential", "file": "app.yaml", "fingerprint": "` + old[0] + `"}]}`
	writeFile(t, filepath.Join(dir, "b.json"), v1)
	if code, out, stderr := runIn(t, dir, "-no-go", "-baseline", "b.json", "."); code != exitClean {
		t.Errorf("v1 baseline: exit %d\n%s\n%s", code, out, stderr)
	}
	if code, _, stderr := runIn(t, dir, "baseline", "-no-go", "-output", "b.json", "."); code != exitClean {
		t.Fatalf("baseline: exit %d\n%s", code, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "b.json"))
	if !strings.Contains(string(data), `"version": 2`) || strings.Contains(string(data), old[0]) {
		t.Errorf("rewritten baseline:\n%s", data)
	}
	if code, _, _ := runIn(t, dir, "-no-go", "-baseline", "b.json", "."); code != exitClean {
		t.Errorf("v2 baseline: exit %d", code)
	}
}
