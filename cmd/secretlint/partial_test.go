package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// copyTree copies a directory tree, leaving out the named files.
func copyTree(t *testing.T, src, dst string, skip ...string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		for _, s := range skip {
			if rel == s {
				return nil
			}
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// findingKeys returns file:line rule of each finding of a JSON report.
func findingKeys(t *testing.T, out string) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	for _, f := range decode(t, out).Findings {
		got[f.File+":"+strconv.Itoa(f.Line)+" "+f.Rule] = true
	}
	return got
}

// TestPartialWithoutGoMod: the real-SDK module with its go.mod removed
// (GOPATH-era code) is analysed with partial types: at least 80% of the
// findings of the module run, and a problem line per package saying why.
func TestPartialWithoutGoMod(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real AWS SDKs")
	}
	src, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sdkmod"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runIn(t, src, "-format", "json", "./...")
	if code != exitFindings {
		t.Fatalf("module run: exit %d; stderr:\n%s", code, stderr)
	}
	full := findingKeys(t, out)

	dst := t.TempDir()
	copyTree(t, src, dst, "go.mod", "go.sum")
	code, out, stderr = runIn(t, dst, "-format", "json", "./...")
	if code != exitFindings {
		t.Fatalf("partial run: exit %d; stderr:\n%s", code, stderr)
	}
	part := findingKeys(t, out)
	kept := 0
	for k := range full {
		if part[k] {
			kept++
		} else {
			t.Logf("missed without go.mod: %s", k)
		}
	}
	if kept*5 < len(full)*4 {
		t.Errorf("without go.mod: %d of %d findings, want at least 80%%", kept, len(full))
	}
	for k := range part {
		if !full[k] {
			t.Errorf("only without go.mod: %s", k)
		}
	}
	probs := decode(t, out).Problems
	for _, dir := range []string{"app", "store", "store/paramstore"} {
		found := false
		for _, p := range probs {
			if p.File == dir && strings.Contains(p.Message, "partial type information") && strings.Contains(p.Message, "no go.mod") {
				found = true
			}
		}
		if !found {
			t.Errorf("no partial-types problem for %s in %+v", dir, probs)
		}
	}
}

const yamlDBPassword = `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  DB_PASSWORD: "Zq4vT8nLw2Kr6Xp"
`

// TestBrokenGoModKeepsYAML: a go.mod that does not parse is a problem
// line; the YAML finding beside it is still reported and fails the run.
func TestBrokenGoModKeepsYAML(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":         "module example.com/broken\n\ngo 1.26\n\nrequire (\n\tthis is not a go.mod\n",
		"deploy/db.yaml": yamlDBPassword,
		"app/app.go":     "package app\n\nconst dbPassword = \"Hq7wX2mRt9Lz4Vb\"\n",
	})
	code, out, stderr := runIn(t, dir, "-format", "json", "./...")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFindings, stderr)
	}
	got := findingKeys(t, out)
	if !got["deploy/db.yaml:6 hardcoded-credential"] {
		t.Errorf("YAML finding missing: %v", got)
	}
	if !got["app/app.go:3 hardcoded-credential"] {
		t.Errorf("Go finding with partial types missing: %v", got)
	}
	found := false
	for _, p := range decode(t, out).Problems {
		found = found || p.File == "app" && strings.Contains(p.Message, "partial type information")
	}
	if !found {
		t.Errorf("no partial-types problem for app: %s", stderr)
	}
}

// TestMissingDependencyIsPartial: a package whose dependency cannot be
// found is analysed with partial types and says which import is missing;
// the run exits by its findings, not 2.
func TestMissingDependencyIsPartial(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/missing\n\ngo 1.26\n",
		"svc/svc.go": `package svc

import (
	"context"
	"database/sql"

	"example.com/missing/nowhere"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

func open(ctx context.Context, c *ssm.Client) (*sql.DB, error) {
	nowhere.Init()
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/svc/prd/db/password"), WithDecryption: aws.Bool(true)})
	if err != nil {
		return nil, err
	}
	return sql.Open("postgres", "postgres://app:"+*out.Parameter.Value+"@db/app")
}
`,
		"ok/ok.go": "package ok\n\nconst dbPassword = \"Hq7wX2mRt9Lz4Vb\"\n",
	})
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	code, out, stderr := runIn(t, dir, "-format", "json", "./...")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFindings, stderr)
	}
	got := findingKeys(t, out)
	for _, k := range []string{"svc/svc.go:14 db-credential-in-parameter-store", "ok/ok.go:3 hardcoded-credential"} {
		if !got[k] {
			t.Errorf("missing %s in %v", k, got)
		}
	}
	found := false
	for _, p := range decode(t, out).Problems {
		found = found || p.File == "svc" && strings.Contains(p.Message, "partial type information") && strings.Contains(p.Message, "example.com/missing/nowhere")
	}
	if !found {
		t.Errorf("no partial-types problem naming the missing import: %s", stderr)
	}
}

// TestBuildConstrainedFiles: files the build leaves out (a build tag, a
// GOOS suffix, cgo when cgo is off) are analysed with partial types, once, and said so.
func TestBuildConstrainedFiles(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":             "module example.com/tags\n\ngo 1.26\n",
		"db/db.go":           "package db\n\nconst dbPassword = \"Hq7wX2mRt9Lz4Vb\"\n",
		"db/integration.go":  "//go:build integration\n\npackage db\n\nconst smtpPassword = \"Rk3vN8qZt5Wm2Xp\"\n",
		"db/conn_windows.go": "package db\n\nconst pgPassword = \"Lm6tQ1wBz8Kc4Yn\"\n",
		"db/native.go":       "package db\n\n// #include <stdlib.h>\nimport \"C\"\n\nconst redisPassword = \"Wd2xK7qLm4Tz9Rb\"\n",
	})
	t.Setenv("GOOS", "linux")
	t.Setenv("CGO_ENABLED", "0") // cgo files are left out of the build
	code, out, stderr := runIn(t, dir, "-format", "json", "./...")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	got := findingKeys(t, out)
	for _, k := range []string{"db/db.go:3 hardcoded-credential", "db/integration.go:5 hardcoded-credential", "db/conn_windows.go:3 hardcoded-credential", "db/native.go:6 hardcoded-credential"} {
		if !got[k] {
			t.Errorf("missing %s in %v", k, got)
		}
	}
	if len(got) != 4 {
		t.Errorf("want 4 findings, got %v", got)
	}
	if !strings.Contains(stderr, "partial type information") || !strings.Contains(stderr, "integration.go") {
		t.Errorf("no partial-types problem naming the excluded files: %s", stderr)
	}
}

// TestGoWorkWithMissingModule: a go.work that lists a missing module makes
// the go command fail; the modules that exist are analysed with partial
// types and the run exits by its findings.
func TestGoWorkWithMissingModule(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.work":  "go 1.26\n\nuse (\n\t./a\n\t./missing\n)\n",
		"a/go.mod": "module example.com/a\n\ngo 1.26\n",
		"a/a.go":   "package a\n\nconst dbPassword = \"Hq7wX2mRt9Lz4Vb\"\n",
	})
	code, out, stderr := runIn(t, dir, "-format", "json", "./...")
	if code != exitFindings {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitFindings, stderr)
	}
	if !findingKeys(t, out)["a/a.go:3 hardcoded-credential"] {
		t.Errorf("finding missing: %s", out)
	}
	if !strings.Contains(stderr, "partial type information") || !strings.Contains(stderr, "go.work") {
		t.Errorf("no partial-types problem naming go.work: %s", stderr)
	}
}

// TestGOPATHTree runs a GOPATH-era tree (no go.mod) on the aws-sdk-go-v2
// API before 1.0, with a helper package and an unavailable ORM: every
// line with a want comment has a finding of that rule, and no other line.
func TestGOPATHTree(t *testing.T) {
	src, err := filepath.Abs(filepath.Join("..", "..", "testdata", "gopath", "src", "legacy", "orders"))
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	copyTree(t, src, dst)
	want := map[string]bool{}
	err = filepath.WalkDir(dst, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dst, p)
		for i, line := range strings.Split(string(b), "\n") {
			if _, rule, ok := strings.Cut(line, "// want \""); ok {
				want[filepath.ToSlash(rel)+":"+strconv.Itoa(i+1)+" "+strings.TrimSuffix(rule, "\"")] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runIn(t, dst, "-format", "json", "./...")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	got := findingKeys(t, out)
	for k := range want {
		if !got[k] {
			t.Errorf("missing %s", k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("unexpected %s", k)
		}
	}
	if !strings.Contains(stderr, "db: analysed with partial type information") {
		t.Errorf("no partial-types problem for db: %s", stderr)
	}
}
