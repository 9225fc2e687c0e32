package main

import "testing"

// TestTestFindingsAreNotes: by default a finding in a _test.go file or
// under testdata/ is reported with severity note and does not fail the
// run; tests: include restores its severity.
func TestTestFindingsAreNotes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":                  "module example.com/notes\n\ngo 1.26\n",
		"svc/svc.go":              "package svc\n",
		"svc/svc_test.go":         "package svc\n\nconst dbPassword = \"Hq7wX2mRt9Lz4Vb\"\n",
		"testdata/deploy/db.yaml": yamlDBPassword,
	})
	code, out, stderr := runIn(t, dir, "-format", "json", "./...")
	if code != exitClean {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitClean, stderr)
	}
	r := decode(t, out)
	if len(r.Findings) != 2 {
		t.Fatalf("want 2 findings, got %+v", r.Findings)
	}
	for _, f := range r.Findings {
		if f.Severity != "note" {
			t.Errorf("%s:%d: severity %s, want note", f.File, f.Line, f.Severity)
		}
	}
	writeFiles(t, dir, map[string]string{".secretlint.yaml": "tests: include\n"})
	code, out, stderr = runIn(t, dir, "-format", "json", "./...")
	if code != exitFindings {
		t.Fatalf("tests: include: exit %d, want %d; stderr:\n%s", code, exitFindings, stderr)
	}
	for _, f := range decode(t, out).Findings {
		if f.Severity == "note" {
			t.Errorf("tests: include: %s:%d still a note", f.File, f.Line)
		}
	}
}
