package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/analyzer"
	"github.com/awsguard/secretlint/internal/config"
)

// settings returns the settings of a configuration file's text, in English
// unless the text names a language.
// settings returns the configuration of an analyzer that reads yaml as its
// .secretlint.yaml, with messages in English unless yaml sets a language.
func settings(t testing.TB, yaml string) analyzer.Config {
	t.Helper()
	if strings.TrimSpace(yaml) == "" {
		yaml = "# defaults\n"
	}
	f, err := config.Parse("test.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	cfg := analyzer.Config{ConfigYAML: yaml}
	if f.Lang == "" {
		cfg.Lang = "en"
	}
	return cfg
}

func withLang(c analyzer.Config, lang string) analyzer.Config { c.Lang = lang; return c }

func withPrefix(c analyzer.Config) analyzer.Config { c.PrefixRuleID = true; return c }

// testdata returns the absolute path of the fixtures, so that tests may
// change directory.
func testdata(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// recorder is an analysistest.Testing that keeps the errors instead of
// failing, for runs that are expected to disagree with the want comments.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// unexpected returns the "unexpected diagnostic" errors of a recorded run.
func (r *recorder) unexpected() []string {
	var out []string
	for _, e := range r.errs {
		if strings.Contains(e, "unexpected diagnostic") {
			out = append(out, e)
		}
	}
	return out
}

// TestRules runs each rule's fixture package with the default settings.
// The packages are loaded together: each load type-checks the standard
// library from source, and the expectations are checked per package all
// the same.
func TestRules(t *testing.T) {
	t.Parallel()
	a := analyzer.New(settings(t, ""))
	analysistest.Run(t, testdata(t), a,
		"hardcoded-credential",
		"hardcoded-token",
		"credential-in-connection-string",
		"static-aws-credentials",
		"invalid-suppression",
		"illtyped",
	)
}

func TestTestPolicy(t *testing.T) {
	// Paths are relative to the working directory: from testdata/src the
	// fixture is not "under testdata", so only _test.go files are tests.
	t.Run("exclude", func(t *testing.T) {
		dir := testdata(t)
		t.Chdir(filepath.Join(dir, "src"))
		a := analyzer.New(settings(t, "tests: exclude\n"))
		analysistest.Run(t, dir, a, "testpolicy")
	})
	t.Run("exclude-flag", func(t *testing.T) {
		dir := testdata(t)
		t.Chdir(filepath.Join(dir, "src"))
		a := analyzer.New(settings(t, ""))
		if err := a.Flags.Set(analyzer.FlagTests, "exclude"); err != nil {
			t.Fatal(err)
		}
		analysistest.Run(t, dir, a, "testpolicy")
	})
	t.Run("include", func(t *testing.T) {
		dir := testdata(t)
		t.Chdir(filepath.Join(dir, "src"))
		a := analyzer.New(settings(t, "tests: include\n"))
		var r recorder
		analysistest.Run(&r, dir, a, "testpolicy")
		got := r.unexpected()
		if len(got) != 1 || !strings.Contains(got[0], "policy_test.go:4:") || !strings.Contains(got[0], "hard-coded password in const testPassword") {
			t.Errorf("want one finding in policy_test.go, got %q (all errors: %q)", got, r.errs)
		}
	})
}

// TestTestPolicyUnderTestdata: from the package directory the fixtures lie
// below testdata/, so nothing in them is reported under the exclude
// policy. It keeps the working directory, unlike TestTestPolicy, and so
// runs in parallel.
func TestTestPolicyUnderTestdata(t *testing.T) {
	t.Parallel()
	a := analyzer.New(settings(t, "tests: exclude\n"))
	var r recorder
	analysistest.Run(&r, testdata(t), a, "testpolicy")
	// One unmatched expectation per variant of the package.
	if len(r.errs) == 0 {
		t.Error("want the expectation of policy.go unmatched, got no error")
	}
	for _, e := range r.errs {
		if !strings.Contains(e, "policy.go:4: no diagnostic was reported") {
			t.Errorf("want only the unmatched expectation of policy.go, got %q", e)
		}
	}
}

func TestDisabledRule(t *testing.T) {
	t.Parallel()
	a := analyzer.New(settings(t, "disable: [hardcoded-credential]\n"))
	analysistest.Run(t, testdata(t), a, "disabled")
}

func TestAllowlists(t *testing.T) {
	t.Parallel()
	a := analyzer.New(settings(t, `
rules:
- id: hardcoded-credential
  allow:
    paths: [allowpath/legacy.go]
allow:
  values: ['^SRUkvc']
`))
	analysistest.Run(t, testdata(t), a, "allowpath")
}

func TestLang(t *testing.T) {
	t.Parallel()
	t.Run("settings", func(t *testing.T) {
		a := analyzer.New(settings(t, "lang: ja\n"))
		analysistest.Run(t, testdata(t), a, "ja")
	})
	t.Run("config", func(t *testing.T) {
		a := analyzer.New(withLang(settings(t, ""), "ja"))
		analysistest.Run(t, testdata(t), a, "ja")
	})
	t.Run("flag", func(t *testing.T) {
		a := analyzer.New(settings(t, ""))
		if err := a.Flags.Set(analyzer.FlagLang, "ja"); err != nil {
			t.Fatal(err)
		}
		analysistest.Run(t, testdata(t), a, "ja")
	})
}

func TestPrefixRuleID(t *testing.T) {
	t.Parallel()
	a := analyzer.New(withPrefix(settings(t, "")))
	analysistest.Run(t, testdata(t), a, "prefix")
}

func TestGenerated(t *testing.T) {
	t.Parallel()
	t.Run("skipped", func(t *testing.T) {
		a := analyzer.New(settings(t, ""))
		analysistest.Run(t, testdata(t), a, "generated")
	})
	t.Run("included", func(t *testing.T) {
		a := analyzer.New(settings(t, "generated: true\n"))
		var r recorder
		analysistest.Run(&r, testdata(t), a, "generated")
		got := r.unexpected()
		if len(got) != 1 || !strings.Contains(got[0], "gen.go:6:") {
			t.Errorf("want one finding in gen.go, got %q (all errors: %q)", got, r.errs)
		}
	})
}

// TestConfigFile loads settings lazily from a configuration file.
func TestConfigFile(t *testing.T) {
	t.Parallel()
	t.Run("loaded", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), config.FileName)
		if err := os.WriteFile(file, []byte("lang: en\ndisable: [hardcoded-credential]\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		a := analyzer.New(analyzer.Config{ConfigFile: file})
		analysistest.Run(t, testdata(t), a, "disabled")
	})
	t.Run("flag", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "custom.yaml")
		if err := os.WriteFile(file, []byte("lang: en\ndisable: [hardcoded-credential]\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		a := analyzer.New(analyzer.DefaultConfig())
		if err := a.Flags.Set(analyzer.FlagConfig, file); err != nil {
			t.Fatal(err)
		}
		analysistest.Run(t, testdata(t), a, "disabled")
	})
	for name, tc := range map[string]struct{ content, want string }{
		"missing":  {"", "no such file"},
		"invalid":  {"lang: en\nnot_a_key: 1\n", "not_a_key"},
		"bad-lang": {"lang: fr\n", `lang "fr"`},
	} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "secretlint.yaml")
			if tc.content != "" {
				if err := os.WriteFile(file, []byte(tc.content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			a := analyzer.New(analyzer.Config{ConfigFile: file})
			var r recorder
			analysistest.Run(&r, testdata(t), a, "disabled")
			if len(r.errs) == 0 || !strings.Contains(r.errs[0], "error analyzing") || !strings.Contains(r.errs[0], tc.want) {
				t.Errorf("want an analysis error mentioning %q, got %q", tc.want, r.errs)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	t.Parallel()
	a := analyzer.New(analyzer.DefaultConfig())
	for _, tc := range []struct {
		flag, value string
		ok          bool
	}{
		{analyzer.FlagLang, "ja", true},
		{analyzer.FlagLang, "en", true},
		{analyzer.FlagLang, "fr", false},
		{analyzer.FlagTests, "include", true},
		{analyzer.FlagTests, "exclude", true},
		{analyzer.FlagTests, "note", true},
		{analyzer.FlagTests, "sometimes", false},
		{analyzer.FlagConfig, "x.yaml", true},
	} {
		err := a.Flags.Set(tc.flag, tc.value)
		if (err == nil) != tc.ok {
			t.Errorf("-%s=%s: error %v, want ok=%v", tc.flag, tc.value, err, tc.ok)
		}
	}
	// Each analyzer has its own flags.
	if got := analyzer.Analyzer.Flags.Lookup(analyzer.FlagLang).Value.String(); got != "" {
		t.Errorf("default analyzer's -lang = %q after setting another analyzer's", got)
	}
}

func TestAnalyzer(t *testing.T) {
	t.Parallel()
	a := analyzer.Analyzer
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		t.Fatal(err)
	}
	if a.Name != "secretlint" {
		t.Errorf("Name = %q", a.Name)
	}
	if first, _, _ := strings.Cut(a.Doc, "\n"); first != "secretlint: report hard-coded secrets in Go source" {
		t.Errorf("Doc starts with %q", first)
	}
	if !strings.Contains(a.Doc, "hardcoded-credential") || strings.Contains(a.Doc, "# Analyzer") {
		t.Errorf("Doc is not the # Analyzer section of doc.go:\n%s", a.Doc)
	}
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatal(err)
	}
	if a.URL == "" || a.URL != cat.DocsURL {
		t.Errorf("URL = %q, want %q", a.URL, cat.DocsURL)
	}
	if !a.RunDespiteErrors || len(a.Requires) != 2 || a.Requires[0] != inspect.Analyzer || a.Requires[1].Name != "storeflow" {
		t.Errorf("RunDespiteErrors = %v, Requires = %v", a.RunDespiteErrors, a.Requires)
	}
	// Facts belong to storeflow: drivers run secretlint on the requested
	// packages only.
	if len(a.FactTypes) != 0 || len(a.Requires[1].FactTypes) == 0 || !a.Requires[1].RunDespiteErrors {
		t.Errorf("FactTypes = %v, storeflow's = %v", a.FactTypes, a.Requires[1].FactTypes)
	}
	for _, f := range []string{analyzer.FlagConfig, analyzer.FlagLang, analyzer.FlagTests} {
		if a.Flags.Lookup(f) == nil {
			t.Errorf("flag -%s missing", f)
		}
	}
}

// TestStoreRules runs the fixtures of the store rules, loaded together as
// in TestRules.
func TestStoreRules(t *testing.T) {
	t.Parallel()
	a := analyzer.New(settings(t, ""))
	runWithFacts(t, a,
		"db-credential-in-parameter-store",
		"secret-in-parameter-store",
		"plaintext-secret-parameter",
		"secret-logged",
		"uncached-secret-fetch",
		"storetests",
	)
}

// runWithFacts runs fixture packages whose want comments expect facts as
// well as diagnostics: secretlint must report the diagnostics, and the
// storeflow analyzer it requires, which owns the facts, the facts. Each
// run leaves the other's expectations unmatched, and nothing else.
func runWithFacts(t *testing.T, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	var sf *analysis.Analyzer
	for _, req := range a.Requires {
		if req.Name == "storeflow" {
			sf = req
		}
	}
	if sf == nil {
		t.Fatal("secretlint does not require storeflow")
	}
	for _, run := range []struct {
		a      *analysis.Analyzer
		others string // the expectations the run leaves unmatched
	}{
		{a, "no fact was reported"},
		{sf, "no diagnostic was reported"},
	} {
		var r recorder
		analysistest.Run(&r, testdata(t), run.a, pkgs...)
		for _, e := range r.errs {
			if !strings.Contains(e, ": "+run.others+" matching ") {
				t.Errorf("%s: %s", run.a.Name, e)
			}
		}
	}
}

// TestStoreTestPolicy: under -tests=exclude the real client's call in a
// test file is not reported either.
func TestStoreTestPolicy(t *testing.T) {
	dir := testdata(t)
	t.Chdir(filepath.Join(dir, "src"))
	a := analyzer.New(settings(t, "tests: exclude\n"))
	var r recorder
	analysistest.Run(&r, dir, a, "storetests")
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], "store_test.go:25: no diagnostic was reported") {
		t.Errorf("want only the expectation of store_test.go:25 unmatched, got %q", r.errs)
	}
}
