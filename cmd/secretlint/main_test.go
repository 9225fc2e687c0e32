package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/report"
)

// runIn runs the CLI in dir and returns its exit code, stdout and stderr.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

type jsonReport struct {
	Version  int `json:"version"`
	Findings []struct {
		Rule      string `json:"rule"`
		Severity  string `json:"severity"`
		File      string `json:"file"`
		Line      int    `json:"line"`
		Column    int    `json:"column"`
		EndLine   int    `json:"end_line"`
		EndColumn int    `json:"end_column"`
		Message   string `json:"message"`
	} `json:"findings"`
	Problems []struct {
		File    string `json:"file"`
		Message string `json:"message"`
	} `json:"problems"`
}

func decode(t *testing.T, out string) jsonReport {
	t.Helper()
	var r jsonReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("decoding json report: %v", err)
	}
	return r
}

func TestDemoFindings(t *testing.T) {
	code, out, stderr := runIn(t, filepath.Join("..", "..", "examples", "demo"), "-format", "json", "./...")
	if code != exitFindings {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	r := decode(t, out)
	got := map[string]bool{}
	for _, f := range r.Findings {
		got[f.Rule+" "+f.File] = true
	}
	for _, want := range []string{
		"hardcoded-credential deploy/orders.yaml",
		"hardcoded-credential docker-compose.yml",
		"hardcoded-credential src/main/resources/application.yml",
		"hardcoded-credential internal/store/store.go",
		"credential-in-connection-string internal/store/store.go",
		"hardcoded-token internal/billing/billing.go",
		"static-aws-credentials .github/workflows/deploy.yml",
		"db-credential-in-parameter-store internal/settings/settings.go",
		"db-credential-in-parameter-store deploy/database.yaml",
	} {
		if !got[want] {
			t.Errorf("no %s finding; got %v", want, got)
		}
	}
	for _, f := range r.Findings {
		if f.File == "internal/billing/billing_test.go" && f.Severity != "note" {
			t.Errorf("test-file finding has severity %s, want note (the demo's tests policy)", f.Severity)
		}
	}
}

// TestNoSecretInAnyFormat runs every format over the demo and the YAML
// fixtures and checks that no flagged secret appears in full anywhere in
// the output or the diagnostics.
func TestNoSecretInAnyFormat(t *testing.T) {
	for _, tc := range []struct{ dir, target string }{
		{filepath.Join("..", "..", "examples", "demo"), "./..."},
		{filepath.Join("..", "..", "testdata", "yaml"), "."},
	} {
		t.Run(tc.dir, func(t *testing.T) {
			_, out, _ := runIn(t, tc.dir, "-config", os.DevNull, "-format", "json", tc.target)
			r := decode(t, out)
			if len(r.Findings) == 0 {
				t.Fatal("no findings: the test would prove nothing")
			}
			var secrets []string
			for _, f := range r.Findings {
				if f.EndLine != f.Line || f.EndColumn <= f.Column || f.Rule == "invalid-suppression" {
					continue
				}
				src, err := os.ReadFile(filepath.FromSlash(f.File))
				if err != nil {
					t.Fatal(err)
				}
				lines := strings.Split(string(src), "\n")
				if f.Line > len(lines) || f.EndColumn-1 > len(lines[f.Line-1]) {
					t.Fatalf("%s:%d:%d: range beyond the line", f.File, f.Line, f.Column)
				}
				s := strings.Trim(lines[f.Line-1][f.Column-1:f.EndColumn-1], "\"'`")
				if len(s) >= 6 {
					secrets = append(secrets, s)
				}
			}
			if len(secrets) == 0 {
				t.Fatal("no flagged spans found")
			}
			for _, format := range report.Formats {
				_, out, stderr := runIn(t, ".", "-config", os.DevNull, "-format", format, tc.target)
				for _, s := range secrets {
					if strings.Contains(out, s) || strings.Contains(stderr, s) {
						t.Errorf("-format %s prints a flagged secret in full (%d chars starting %.3q)", format, len(s), s)
					}
				}
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	demo := filepath.Join("..", "..", "examples", "demo")
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"-fail-on", "none", "./..."}, exitClean},
		{[]string{"-fail-on", "error", "./..."}, exitFindings},
		{[]string{"-disable", "hardcoded-credential,hardcoded-token,credential-in-connection-string,static-aws-credentials,db-credential-in-parameter-store", "./..."}, exitClean},
		{[]string{"-format", "xml"}, exitError},
		{[]string{"-fail-on", "sometimes"}, exitError},
		{[]string{"-enable", "no-such-rule"}, exitError},
		{[]string{"-bogus"}, exitError},
		{[]string{"-C", "no/such/dir"}, exitError},
	} {
		code, _, stderr := runIn(t, demo, tc.args...)
		if code != tc.want {
			t.Errorf("secretlint %s: exit %d, want %d; stderr:\n%s", strings.Join(tc.args, " "), code, tc.want, stderr)
		}
	}
}

func TestChangeDirectory(t *testing.T) {
	code, out, stderr := runIn(t, filepath.Join("..", ".."), "-C", "examples/demo", "-no-go", "-format", "json", "deploy")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	for _, f := range decode(t, out).Findings {
		if !strings.HasPrefix(f.File, "deploy/") {
			t.Errorf("finding outside the named directory or not relative to -C: %s", f.File)
		}
	}
}

func TestConfigErrorIsPositioned(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".secretlint.yaml")
	if err := os.WriteFile(cfg, []byte("lang: en\nunknown_key: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runIn(t, dir, ".")
	if code != exitError || !strings.Contains(stderr, ".secretlint.yaml:2:") {
		t.Fatalf("exit %d, stderr %q; want 2 and a file:line error", code, stderr)
	}
}

// TestYAMLOnlyTreeAndBadInput scans a directory that is no Go module, with
// broken and binary files beside a finding: the problems are reported and
// the scan goes on.
func TestYAMLOnlyTreeAndBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("broken.yaml", "a: [\n")
	write("binary.yaml", "a: \x00\x01\x02")
	write("app.yaml", "db:\n  password: Vq7rT2xLm9\n")
	code, out, stderr := runIn(t, dir, "-format", "json")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	r := decode(t, out)
	if len(r.Findings) != 1 || r.Findings[0].File != "app.yaml" || r.Findings[0].Line != 2 {
		t.Errorf("findings = %+v, want one in app.yaml:2", r.Findings)
	}
	var files []string
	for _, p := range r.Problems {
		files = append(files, p.File)
	}
	slices.Sort(files)
	if !slices.Equal(files, []string{"binary.yaml", "broken.yaml"}) {
		t.Errorf("problems in %v, want binary.yaml and broken.yaml", files)
	}
	if !strings.Contains(stderr, "broken.yaml:1") {
		t.Errorf("stderr does not report the broken file with its line:\n%s", stderr)
	}
}

func TestSubcommands(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"rules"}, "hardcoded-credential", exitClean},
		{[]string{"rules", "-format", "json"}, `"hardcoded-token"`, exitClean},
		{[]string{"rules", "-format", "markdown"}, `<a id="credential-in-connection-string"></a>`, exitClean},
		{[]string{"explain", "static-aws-credentials"}, "static-aws-credentials", exitClean},
		{[]string{"explain", "-lang", "ja", "hardcoded-credential"}, "認証情報", exitClean},
		{[]string{"explain", "no-such-rule"}, "", exitError},
		{[]string{"explain"}, "", exitError},
		{[]string{"version"}, "secretlint ", exitClean},
	} {
		code, out, _ := runIn(t, ".", tc.args...)
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("secretlint %s: exit %d, output %.200q; want exit %d and %q", strings.Join(tc.args, " "), code, out, tc.code, tc.want)
		}
	}
}

func TestClassify(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, p := range []string{"pkg/sub", "deploy"} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"pkg/a.go", "pkg/sub/b.go", "deploy/x.yaml", "deploy/y.json"} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := classify([]string{"pkg/a.go", "pkg/sub/b.go", "pkg/a.go", "deploy/x.yaml", "deploy/y.json", "deploy", "./pkg/...", "example.com/x/..."})
	if want := []string{"./pkg", "./pkg/sub", "./deploy", "./pkg/...", "example.com/x/..."}; !slices.Equal(got.goPatterns, want) {
		t.Errorf("go patterns %v, want %v", got.goPatterns, want)
	}
	if want := []string{"deploy/x.yaml", "deploy/y.json"}; !slices.Equal(got.yamlFiles, want) {
		t.Errorf("yaml files %v, want %v", got.yamlFiles, want)
	}
	if want := []string{"deploy", "pkg"}; !slices.Equal(got.yamlDirs, want) {
		t.Errorf("yaml dirs %v, want %v", got.yamlDirs, want)
	}
	if d := classify(nil); !slices.Equal(d.goPatterns, []string{"./..."}) || !slices.Equal(d.yamlDirs, []string{"."}) {
		t.Errorf("default targets: %+v", d)
	}
}

// TestIllTypedPackage checks that a package that does not type-check is
// reported as a problem, with no source text echoed, and still analysed.
func TestIllTypedPackage(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/broken\n\ngo 1.26.0\n")
	write("a.go", "package broken\n\nvar n int = \"Zq8wX3vB7nM2kL\"\n\nconst dbPassword = \"Kd4nR8tZq2Lx\"\n")
	code, out, stderr := runIn(t, dir, "-format", "json", "./...")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	r := decode(t, out)
	if len(r.Findings) != 1 || r.Findings[0].Rule != "hardcoded-credential" || r.Findings[0].Line != 5 {
		t.Errorf("findings = %+v, want the DB password on line 5", r.Findings)
	}
	if len(r.Problems) == 0 || !strings.Contains(stderr, "a.go:3") {
		t.Errorf("the type error is not reported with its position; problems %+v, stderr:\n%s", r.Problems, stderr)
	}
	if strings.Contains(out+stderr, "Zq8wX3vB7nM2kL") {
		t.Error("the type error echoes a literal in full")
	}
}
