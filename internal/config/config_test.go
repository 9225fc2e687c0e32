package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsguard/secretlint"
)

func catalogue(t *testing.T) *secretlint.Catalogue {
	t.Helper()
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestParseErrorsHavePositions(t *testing.T) {
	// A copy of the catalogue with a rule ID reserved for a later version
	// (every reserved rule of rules.yaml may be implemented by now).
	cat := *catalogue(t)
	cat.Reserved = append(append([]string(nil), cat.Reserved...), "future-rule")
	for _, tc := range []struct {
		name, src, want string
	}{
		{"unknown top-level key", "lang: en\nrulez: []\n", `.secretlint.yaml:2: unknown key "rulez" at the top level`},
		{"unknown rule key", "rules:\n- id: hardcoded-credential\n  severty: note\n", `.secretlint.yaml:3: unknown key "severty" in a rule`},
		{"bad severity", "rules:\n- id: hardcoded-credential\n  severity: fatal\n", `.secretlint.yaml:2: rule hardcoded-credential: severity "fatal" is not error, warning or note`},
		{"unknown rule", "disable: [no-such-rule]\n", `.secretlint.yaml:1: unknown rule "no-such-rule"`},
		{"reserved rule", "enable: [future-rule]\n", `.secretlint.yaml:1: rule "future-rule" is not implemented in this version`},
		{"bad lang", "lang: fr\n", `.secretlint.yaml:1: lang "fr" is not one of en, ja`},
		{"bad tests", "\ntests: sometimes\n", `.secretlint.yaml:2: tests "sometimes" is not include, exclude or note`},
		{"bad regex", "allow:\n  values: ['(']\n", `.secretlint.yaml:2: allow value "("`},
		{"bad size", "max_file_size: huge\n", `.secretlint.yaml:1: max_file_size: "huge" is not a positive size`},
		{"broken yaml", "rules: [\n", ".secretlint.yaml: line 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse(FileName, []byte(tc.src))
			if err == nil {
				_, err = f.Settings(&cat, "")
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestSettingsApplyFile(t *testing.T) {
	cat := catalogue(t)
	src := `lang: ja
disable: [invalid-suppression]
tests: note
max_file_size: 2MiB
exclude: [third_party/**]
allow:
  paths: [docs/**]
rules:
- id: hardcoded-credential
  severity: warning
  allow:
    paths: [fixtures/**]
    values: ['^local-dev-']
kinds:
- id: partner-key
  words: [partner key]
`
	f, err := Parse(FileName, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.Settings(cat, "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Lang != "ja" || s.Enabled("invalid-suppression") || !s.Enabled("hardcoded-token") {
		t.Errorf("lang/rules not applied: lang=%s rules=%v", s.Lang, s.Rules)
	}
	if s.MaxFileSize != 2<<20 {
		t.Errorf("MaxFileSize = %d", s.MaxFileSize)
	}
	if got := s.SeverityOf("hardcoded-credential", "a.go"); got != secretlint.SeverityWarning {
		t.Errorf("severity = %s, want warning", got)
	}
	if got := s.SeverityOf("hardcoded-credential", "a_test.go"); got != secretlint.SeverityNote {
		t.Errorf("severity in test = %s, want note", got)
	}
	if !s.Skip("hardcoded-credential", "svc/fixtures/a.yaml") || s.Skip("hardcoded-token", "svc/fixtures/a.yaml") {
		t.Error("per-rule allow path not applied to its rule alone")
	}
	if !s.Skip("hardcoded-token", "docs/x.yaml") || !s.Excluded("third_party/x/y.yaml") || s.Excluded("app/main.go") {
		t.Error("global allow paths or excludes not applied")
	}
	if !s.Matcher.Allowed("hardcoded-credential", "local-dev-7f3k") || s.Matcher.Allowed("hardcoded-token", "local-dev-7f3k") {
		t.Error("per-rule allow values not applied to their rule alone")
	}
	if n := s.Matcher.ClassifyName("PARTNER_KEY"); n.Kind == nil || n.Kind.ID != "partner-key" || !n.Credential() {
		t.Errorf("user kind not used: %+v", n)
	}
	if s2, _ := f.Settings(cat, "en"); s2.Lang != "en" {
		t.Error("-lang does not override the file")
	}
}

func TestLangFromEnv(t *testing.T) {
	for _, tc := range []struct{ lcAll, lang, want string }{
		{"", "ja_JP.UTF-8", "ja"},
		{"", "en_US.UTF-8", "en"},
		{"C", "ja_JP.UTF-8", "en"},
		{"ja_JP", "en_US", "ja"},
		{"", "", "en"},
	} {
		t.Setenv("LC_ALL", tc.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", tc.lang)
		if got := LangFromEnv(); got != tc.want {
			t.Errorf("LC_ALL=%q LANG=%q: %s, want %s", tc.lcAll, tc.lang, got, tc.want)
		}
	}
}

func TestFindStopsAtRepositoryRoot(t *testing.T) {
	top := t.TempDir()
	repo := filepath.Join(top, "repo")
	sub := filepath.Join(repo, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	// A configuration above the repository root is not used.
	if err := os.WriteFile(filepath.Join(top, FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != "" {
		t.Errorf("Find = %q, want none", got)
	}
	cfg := filepath.Join(repo, "a", FileName)
	if err := os.WriteFile(cfg, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != cfg {
		t.Errorf("Find = %q, want %q", got, cfg)
	}
}

func TestGlob(t *testing.T) {
	for _, tc := range []struct {
		glob, path string
		want       bool
	}{
		{"testdata/**", "testdata/yaml/a.yaml", true},
		{"testdata/**", "pkg/testdata/a.yaml", true},
		{"testdata", "pkg/testdata/a.yaml", true},
		{"/testdata/**", "pkg/testdata/a.yaml", false},
		{"/rules.yaml", "rules.yaml", true},
		{"/rules.yaml", "x/rules.yaml", false},
		{"*.yaml", "deploy/a.yaml", true},
		{"deploy/*.yaml", "deploy/a.yaml", true},
		{"deploy/*.yaml", "deploy/x/a.yaml", false},
		{"**/fixtures/*.go", "a/b/fixtures/c.go", true},
		{"docs/**", "docsx/a.md", false},
	} {
		if got := MatchAny([]string{tc.glob}, tc.path); got != tc.want {
			t.Errorf("MatchAny(%q, %q) = %v, want %v", tc.glob, tc.path, got, tc.want)
		}
	}
}

func TestIsTestFile(t *testing.T) {
	for p, want := range map[string]bool{"a/b_test.go": true, "testdata/x.yaml": true, "a/testdata/b.go": true, "a/b.go": false, "contest.go": false} {
		if IsTestFile(p) != want {
			t.Errorf("IsTestFile(%q) = %v", p, !want)
		}
	}
}

// TestCloudFormationSettings checks rotation_max_days and
// parameter_hierarchy: defaults, values and validation with positions.
func TestCloudFormationSettings(t *testing.T) {
	cat := catalogue(t)
	s, err := (&File{}).Settings(cat, "en")
	if err != nil {
		t.Fatal(err)
	}
	if s.RotationMaxDays != 90 || s.ParameterHierarchy != "/{system}/{env}/{app}/{KEY}" {
		t.Errorf("defaults: %d %q", s.RotationMaxDays, s.ParameterHierarchy)
	}
	f, err := Parse(FileName, []byte("rotation_max_days: 30\nparameter_hierarchy: /{app}/{env}/{KEY}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s, err = f.Settings(cat, "en"); err != nil {
		t.Fatal(err)
	}
	if s.RotationMaxDays != 30 || s.ParameterHierarchy != "/{app}/{env}/{KEY}" {
		t.Errorf("values: %d %q", s.RotationMaxDays, s.ParameterHierarchy)
	}
	for src, want := range map[string]string{
		"lang: en\nrotation_max_days: 0\n":            "", // 0 keeps the default
		"lang: en\nrotation_max_days: 2000\n":         ".secretlint.yaml:2: rotation_max_days 2000 is not between 1 and 1000",
		"lang: en\nrotation_max_days: -1\n":           ".secretlint.yaml:2: rotation_max_days -1 is not between 1 and 1000",
		"parameter_hierarchy: app/{env}/{KEY}\n":      ".secretlint.yaml:1: parameter_hierarchy: \"app/{env}/{KEY}\" does not start with /",
		"parameter_hierarchy: /app/prd/KEY\n":         ".secretlint.yaml:1: parameter_hierarchy: \"/app/prd/KEY\" has no {placeholder}",
		"parameter_hierarchy: /{app}//{KEY}\n":        ".secretlint.yaml:1: parameter_hierarchy: \"/{app}//{KEY}\" has an empty segment",
		"parameter_hierarchy: /{app}/{env/{KEY}\n":    ".secretlint.yaml:1: parameter_hierarchy: \"/{app}/{env/{KEY}\" has an unclosed or empty {placeholder}",
		"parameter_hierarchy: /shop-{env}/{app}/{}\n": ".secretlint.yaml:1: parameter_hierarchy: \"/shop-{env}/{app}/{}\" has an unclosed or empty {placeholder}",
	} {
		f, err := Parse(FileName, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.Settings(cat, "en")
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("%q: got error %q, want %q", src, got, want)
		}
	}
	re, err := HierarchyRegexp("/shop-{env}/{app}/{KEY}")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"/shop-prd/api/DB_HOST": true, "/shop-prd/api/x/DB_HOST": false, "/other-prd/api/DB_HOST": false,
		"/shop-/api/DB_HOST": false, "shop-prd/api/DB_HOST": false,
	} {
		if got := re.MatchString(name); got != want {
			t.Errorf("%s: match %v", name, got)
		}
	}
}

// TestREADMEExample parses the configuration example of the README, so the
// documented keys stay real.
func TestREADMEExample(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	i := strings.Index(text, "## Configuration: `.secretlint.yaml`")
	if i < 0 {
		t.Fatal("README has no configuration section")
	}
	text = text[i:]
	start := strings.Index(text, "```yaml\n")
	end := strings.Index(text[start+8:], "```")
	if start < 0 || end < 0 {
		t.Fatal("README configuration section has no yaml block")
	}
	f, err := Parse("README.md", []byte(text[start+8:start+8+end]))
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.Settings(catalogue(t), "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Lang != "ja" || s.Enabled("invalid-suppression") || s.Matcher.ClassifyName("partnerToken").Kind == nil {
		t.Errorf("README example not applied: lang %s", s.Lang)
	}
}
