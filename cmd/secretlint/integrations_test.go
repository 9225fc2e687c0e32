package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTargetsThatMatchNothing: a mistyped target fails with exit 2 and its
// name instead of passing with nothing scanned.
func TestTargetsThatMatchNothing(t *testing.T) {
	demo := filepath.Join("..", "..", "examples", "demo")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"./nonexistent"}, "./nonexistent"},
		{[]string{"./nonexistent/..."}, "./nonexistent/..."},
		{[]string{"example.com/typo/..."}, "example.com/typo/..."},
		{[]string{"bogus-subcommand"}, "bogus-subcommand"},
		{[]string{"-no-go", "internal/nothing"}, "internal/nothing"},
		{[]string{"./...", "deploy/missing.yaml"}, "deploy/missing.yaml"},
	} {
		code, _, stderr := runIn(t, demo, tc.args...)
		if code != exitError || !strings.Contains(stderr, tc.want) {
			t.Errorf("secretlint %s: exit %d, stderr %q; want exit 2 naming %s", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
	}
}

// TestFlagsAnywhere: flags before a subcommand, after the targets, and
// extra arguments.
func TestFlagsAnywhere(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
		code int
	}{
		{[]string{"-lang", "ja", "explain", "hardcoded-credential"}, "認証情報", exitClean},
		{[]string{"explain", "hardcoded-credential", "-lang", "ja"}, "認証情報", exitClean},
		{[]string{"-format", "json", "rules"}, `"hardcoded-token"`, exitClean},
		{[]string{"rules", "-format", "markdown"}, `<a id="credential-in-connection-string"></a>`, exitClean},
		{[]string{"-fail-on", "note", "rules"}, "", exitError},
		{[]string{"version", "extra"}, "", exitError},
		{[]string{"rules", "extra"}, "", exitError},
		{[]string{"help"}, "-secretlint.enable", exitClean},
	} {
		code, out, stderr := runIn(t, ".", tc.args...)
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("secretlint %s: exit %d, output %.200q, stderr %.200q; want exit %d and %q", strings.Join(tc.args, " "), code, out, stderr, tc.code, tc.want)
		}
	}
	code, out, _ := runIn(t, filepath.Join("..", "..", "examples", "demo"), "./...", "-format", "json")
	if code != exitFindings || !strings.HasPrefix(out, "{") {
		t.Errorf("secretlint ./... -format json: exit %d, output %.100q; want 1 and JSON", code, out)
	}
}

func TestParseAnywhereDoubleDash(t *testing.T) {
	var o options
	fs := newFlags(&o, new(strings.Builder))
	rest, err := parseAnywhere(fs, []string{"a", "-output", "--", "b", "--", "-format", "c"})
	if err != nil {
		t.Fatal(err)
	}
	if o.output != "--" || strings.Join(rest, " ") != "a b -format c" || o.format != "text" {
		t.Errorf("output %q, rest %q, format %q", o.output, rest, o.format)
	}
}

// TestPathsFromRepositoryRoot: run in a subdirectory of a repository,
// SARIF and github output name files from the repository root (where code
// scanning and annotations resolve them), and SARIF says where %SRCROOT%
// is; the text output stays relative to the working directory.
func TestPathsFromRepositoryRoot(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{".git", filepath.Join("svc", "deploy")} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	compose := "services:\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_ROOT_PASSWORD: Zdw7xggGm9vu\n"
	if err := os.WriteFile(filepath.Join(root, "svc", "deploy", "compose.yml"), []byte(compose), 0o644); err != nil {
		t.Fatal(err)
	}
	svc := filepath.Join(root, "svc")

	_, out, stderr := runIn(t, svc, "-no-go", "-format", "sarif", "./...")
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct {
				Description struct {
					Text string `json:"text"`
				} `json:"description"`
			} `json:"originalUriBaseIds"`
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Fatalf("sarif: %v, %d runs; stderr %s", err, len(log.Runs), stderr)
	}
	loc := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	if loc.URI != "svc/deploy/compose.yml" || loc.URIBaseID != "%SRCROOT%" {
		t.Errorf("sarif location %+v; want svc/deploy/compose.yml from %%SRCROOT%%", loc)
	}
	if got := log.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].Description.Text; !strings.Contains(got, "repository root") {
		t.Errorf("originalUriBaseIds %%SRCROOT%% = %q, want the repository root described", got)
	}
	if strings.Contains(out, root) {
		t.Error("the SARIF output names a directory of this machine")
	}

	_, out, _ = runIn(t, svc, "-no-go", "-format", "github", "./...")
	if !strings.Contains(out, "file=svc/deploy/compose.yml,") {
		t.Errorf("github output does not name svc/deploy/compose.yml:\n%s", out)
	}
	_, out, _ = runIn(t, svc, "-no-go", "./...")
	if !strings.HasPrefix(out, "deploy/compose.yml:5:") {
		t.Errorf("text output is not relative to the working directory:\n%s", out)
	}
	// Without a repository, the module root; without a module, the
	// working directory.
	if err := os.Remove(filepath.Join(root, ".git")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(svc, "go.mod"), []byte("module example.com/svc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := sourceRoot(filepath.Join(svc, "deploy")); got != svc {
		t.Errorf("sourceRoot without .git = %s, want the module root %s", got, svc)
	}
}

// TestStaleBaselineInJSON: stale baseline entries are problems of the JSON
// report, not only lines on standard error.
func TestStaleBaselineInJSON(t *testing.T) {
	dir := t.TempDir()
	app := filepath.Join(dir, "app.yaml")
	writeFile(t, app, "db:\n  password: Vq7rT2xLm9\n")
	if code, _, stderr := runIn(t, dir, "baseline", "-output", "base.json", "."); code != exitClean {
		t.Fatalf("baseline: exit %d\n%s", code, stderr)
	}
	writeFile(t, app, "db:\n  host: db.internal\n")
	code, out, _ := runIn(t, dir, "-baseline", "base.json", "-format", "json", ".")
	r := decode(t, out)
	if code != exitClean || len(r.Problems) != 1 || r.Problems[0].File != "app.yaml" ||
		!strings.Contains(r.Problems[0].Message, "stale entry: hardcoded-credential") {
		t.Errorf("exit %d, problems %+v; want the stale entry as a problem of app.yaml", code, r.Problems)
	}
}
