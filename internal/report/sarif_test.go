package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/finding"
)

// sarifSchemaValidator compiles the vendored SARIF 2.1.0 schema, offline.
func sarifSchemaValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(testdata, "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri and uri-reference formats too
	const url = "file:///sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func TestSARIFSchema(t *testing.T) {
	sch := sarifSchemaValidator(t)
	_, fs, opts := load(t)
	opts.Format = "sarif"
	cases := map[string]func(*Options) []finding.Finding{
		"golden input": func(*Options) []finding.Finding { return fs },
		"japanese":     func(o *Options) []finding.Finding { o.Lang = "ja"; return fs },
		"real catalogue": func(o *Options) []finding.Finding {
			o.Catalogue = catalogue(t)
			return fs
		},
		"empty": func(o *Options) []finding.Finding {
			o.Problems, o.Category, o.Version = nil, "", "(devel)"
			return nil
		},
		"no source, unknown rule, absolute path": func(o *Options) []finding.Finding {
			o.Source = nil
			return []finding.Finding{{Rule: "no-such-rule", File: "/abs/x y.go", Line: 3, Message: "m"}}
		},
	}
	for name, prepare := range cases {
		t.Run(name, func(t *testing.T) {
			o := opts
			out := render(t, prepare(&o), o)
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("output does not validate against the SARIF 2.1.0 schema: %v", err)
			}
		})
	}
}

// TestSARIFSchemaRejects checks that the validator is not vacuous.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := sarifSchemaValidator(t)
	for name, doc := range map[string]string{
		"wrong version":    `{"version": "2.0.0", "runs": []}`,
		"unknown level":    `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`,
		"line zero":        `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}`,
		"unknown property": `{"version": "2.1.0", "runs": [], "extra": 1}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s: schema accepted %s", name, doc)
		}
	}
}

// sarifDoc is the part of the SARIF output the tests look into.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				SemanticVersion string `json:"semanticVersion"`
				Rules           []struct {
					ID                   string `json:"id"`
					Name                 string `json:"name"`
					ShortDescription     struct{ Text string }
					FullDescription      struct{ Text string }
					Help                 struct{ Text, Markdown string }
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct {
						Enabled *bool
						Level   string
					}
					Properties struct {
						Tags             []string
						SecuritySeverity string `json:"security-severity"`
					}
				}
			}
		}
		AutomationDetails struct{ ID string }
		Invocations       []struct {
			ToolExecutionNotifications []struct {
				Level     string
				Message   struct{ Text string }
				Locations []sarifLocation
			}
		}
		Results []struct {
			RuleID              string `json:"ruleId"`
			RuleIndex           *int   `json:"ruleIndex"`
			Level               string
			Message             struct{ Text string }
			Locations           []sarifLocation
			PartialFingerprints map[string]string
		}
	}
}

func decodeSARIF(t *testing.T, out []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(d.Runs))
	}
	return d
}

func TestSARIFRulesFromCatalogue(t *testing.T) {
	for name, cat := range catalogues(t) {
		t.Run(name, func(t *testing.T) { testSARIFRules(t, cat) })
	}
}

func testSARIFRules(t *testing.T, cat *secretlint.Catalogue) {
	_, fs, opts := load(t)
	opts.Format = "sarif"
	opts.Catalogue = cat
	for _, lang := range []string{"en", "ja"} {
		opts.Lang = lang
		run := decodeSARIF(t, render(t, fs[:1], opts)).Runs[0]
		rules := run.Tool.Driver.Rules
		if len(rules) != len(cat.Rules) {
			t.Fatalf("%s: %d SARIF rules, want every catalogue rule (%d), not only those with findings", lang, len(rules), len(cat.Rules))
		}
		for i, sr := range rules {
			r := cat.Rules[i]
			if sr.ID != r.ID || sr.ShortDescription.Text != r.Title.In(lang) || sr.DefaultConfiguration.Level != string(r.Severity) ||
				sr.HelpURI != cat.HelpURI(r.ID) || sr.Properties.SecuritySeverity != r.SecuritySeverity {
				t.Errorf("%s: rule %d = %+v, does not match catalogue rule %s", lang, i, sr, r.ID)
			}
			if enabled := sr.DefaultConfiguration.Enabled; (enabled != nil) == r.Default || (enabled != nil && *enabled) {
				t.Errorf("%s: rule %s: defaultConfiguration.enabled = %v, want false only for an opt-in rule", lang, r.ID, enabled)
			}
			if sr.Name == "" || sr.Name == sr.ID || strings.Contains(sr.Name, "-") {
				t.Errorf("%s: rule %s has name %q, want UpperCamelCase", lang, r.ID, sr.Name)
			}
			if sr.Properties.Tags[0] != "security" {
				t.Errorf("%s: rule %s tags %v do not start with security", lang, r.ID, sr.Properties.Tags)
			}
			if wrapped(sr.FullDescription.Text) || wrapped(sr.Help.Text) {
				t.Errorf("%s: rule %s texts keep the line breaks of rules.yaml", lang, r.ID)
			}
			if !strings.Contains(sr.Help.Markdown, sr.Help.Text) || !strings.Contains(sr.Help.Markdown, sr.FullDescription.Text) ||
				!strings.Contains(sr.Help.Markdown, "]("+cat.HelpURI(r.ID)+")") {
				t.Errorf("%s: rule %s help.markdown lacks the remediation, description or docs link:\n%s", lang, r.ID, sr.Help.Markdown)
			}
			for _, tag := range r.Tags {
				if strings.HasPrefix(tag, "cwe-") && !contains(sr.Properties.Tags, "external/cwe/"+tag) {
					t.Errorf("%s: rule %s tags %v lack external/cwe/%s", lang, r.ID, sr.Properties.Tags, tag)
				}
			}
		}
	}
}

// wrapped reports whether a text has a line break inside a paragraph.
func wrapped(s string) bool { return strings.Contains(strings.ReplaceAll(s, "\n\n", ""), "\n") }

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestSARIFResults(t *testing.T) {
	in, fs, opts := load(t)
	opts.Format = "sarif"
	run := decodeSARIF(t, render(t, fs, opts)).Runs[0]
	if run.AutomationDetails.ID != in.Category+"/" {
		t.Errorf("automationDetails.id = %q, want %q", run.AutomationDetails.ID, in.Category+"/")
	}
	if run.Tool.Driver.SemanticVersion != in.Version {
		t.Errorf("semanticVersion = %q, want %q", run.Tool.Driver.SemanticVersion, in.Version)
	}
	if len(run.Results) != len(fs) {
		t.Fatalf("%d results, want %d", len(run.Results), len(fs))
	}
	for i, r := range run.Results {
		f := fs[i]
		if r.RuleID != f.Rule || r.Message.Text != f.Message || r.PartialFingerprints[finding.FingerprintScheme] != f.Fingerprint {
			t.Errorf("result %d = %+v, does not match finding %+v", i, r, f)
		}
		if r.RuleIndex == nil || opts.Catalogue.Rules[*r.RuleIndex].ID != f.Rule {
			t.Errorf("result %d: ruleIndex does not point at %s", i, f.Rule)
		}
		if want := string(severity(f)); r.Level != want {
			t.Errorf("result %d: level %q, want %q", i, r.Level, want)
		}
	}
	notes := run.Invocations[0].ToolExecutionNotifications
	if len(notes) != len(in.Problems) {
		t.Fatalf("%d notifications, want %d", len(notes), len(in.Problems))
	}
	for i, n := range notes {
		p := in.Problems[i]
		if n.Level != "warning" || n.Message.Text != p.Message || len(n.Locations) != 1 {
			t.Errorf("notification %d = %+v, does not match problem %+v", i, n, p)
		}
	}
}

// TestSARIFColumns checks the byte to UTF-16 conversion on the golden
// input's non-ASCII lines.
func TestSARIFColumns(t *testing.T) {
	_, fs, opts := load(t)
	opts.Format = "sarif"
	type span struct{ line, start, end int }
	want := map[string]span{
		// "\t// 🔑 slack: " is 16 bytes, 14 UTF-16 units (the key emoji is a surrogate pair).
		"hardcoded-token": {20, 15, 66},
		// "  データベース_password: " is 31 bytes, 19 units.
		"hardcoded-credential": {7, 20, 32},
		// ASCII before the password; the Japanese comment after it does not count.
		"credential-in-connection-string": {9, 23, 39},
		// No end: endLine and endColumn are left out.
		"invalid-suppression": {31, 34, 0},
	}
	check := func(opts Options, byteCols bool) {
		run := decodeSARIF(t, render(t, fs, opts)).Runs[0]
		for i, r := range run.Results {
			w, ok := want[r.RuleID]
			if !ok {
				continue
			}
			if byteCols {
				w = span{fs[i].Line, fs[i].Column, fs[i].EndColumn}
			}
			reg := r.Locations[0].PhysicalLocation.Region
			got := span{reg.StartLine, reg.StartColumn, reg.EndColumn}
			if got != w || (w.end == 0) != (reg.EndLine == 0) {
				t.Errorf("%s (byte columns %v): region %+v, want %+v", r.RuleID, byteCols, *reg, w)
			}
		}
	}
	check(opts, false)
	opts.Source = nil // lines unknown: byte columns are kept
	check(opts, true)
}

func TestUTF16Column(t *testing.T) {
	for _, tc := range []struct {
		line     string
		col, out int
	}{
		{"", 7, 7},
		{"abc", 1, 1},
		{"abc", 3, 3},
		{"abc", 6, 6},       // past the end: one per byte
		{"é=x", 4, 3},       // é is 2 bytes, 1 unit
		{"日本=x", 8, 4},      // 3 bytes each
		{"🔑x", 5, 3},        // 4 bytes, 2 units
		{"🔑x", 6, 4},        // after x
		{"\xff\xfex", 3, 3}, // invalid bytes count one each
	} {
		if got := utf16Column(tc.line, tc.col); got != tc.out {
			t.Errorf("utf16Column(%q, %d) = %d, want %d", tc.line, tc.col, got, tc.out)
		}
	}
}

func TestSARIFArtifact(t *testing.T) {
	for _, tc := range []struct {
		file string
		want sarifArtifact
	}{
		{"pkg/a.go", sarifArtifact{"pkg/a.go", "%SRCROOT%"}},
		{"config/broken, 100%.yaml", sarifArtifact{"config/broken,%20100%25.yaml", "%SRCROOT%"}},
		{"deploy/設定.yaml", sarifArtifact{"deploy/%E8%A8%AD%E5%AE%9A.yaml", "%SRCROOT%"}},
		{"c:d/x.yaml", sarifArtifact{"c%3Ad/x.yaml", "%SRCROOT%"}},
		{"/tmp/x.go", sarifArtifact{"file:///tmp/x.go", ""}},
		{"C:/src/x.go", sarifArtifact{"file:///C:/src/x.go", ""}},
	} {
		if got := sarifArtifactOf(tc.file); got != tc.want {
			t.Errorf("sarifArtifactOf(%q) = %+v, want %+v", tc.file, got, tc.want)
		}
	}
}

func TestSemanticVersion(t *testing.T) {
	for _, tc := range []struct {
		in, out string
		ok      bool
	}{
		{"0.1.0", "0.1.0", true},
		{"v1.2.3", "1.2.3", true},
		{"1.2.3-rc.1+build.5", "1.2.3-rc.1+build.5", true},
		{"(devel)", "", false},
		{"1.2", "", false},
		{"01.2.3", "", false},
		{"v0.0.0-20260101000000-abcdef123456", "0.0.0-20260101000000-abcdef123456", true},
	} {
		out, ok := semanticVersion(tc.in)
		if ok != tc.ok || (ok && out != tc.out) {
			t.Errorf("semanticVersion(%q) = %q, %v; want %q, %v", tc.in, out, ok, tc.out, tc.ok)
		}
	}
}

func TestUpperCamel(t *testing.T) {
	for in, want := range map[string]string{
		"hardcoded-credential":            "HardcodedCredential",
		"static-aws-credentials":          "StaticAwsCredentials",
		"credential-in-connection-string": "CredentialInConnectionString",
	} {
		if got := upperCamel(in); got != want {
			t.Errorf("upperCamel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnwrap(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"one\ntwo\n\nthree\n", "one two\n\nthree"},
		{"渡しており、\nYAML では\n値を", "渡しており、YAML では値を"},
		{"`SecureString`\nに保管", "`SecureString`に保管"},
		{"text:\n\n```go\nx := 1\ny := 2\n```", "text:\n\n```go\nx := 1\ny := 2\n```"},
		{"- a\n- b", "- a\n- b"},
	} {
		if got := unwrap(tc.in); got != tc.want {
			t.Errorf("unwrap(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestJSONSchemaInDocs validates the json format against the JSON Schema
// that docs/output.md publishes, so that the two cannot drift apart.
func TestJSONSchemaInDocs(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "output.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "<!-- json-schema -->\n```json\n")
	if !ok {
		t.Fatal("docs/output.md has no json-schema block")
	}
	block, _, ok := strings.Cut(rest, "\n```")
	if !ok {
		t.Fatal("docs/output.md: unterminated json-schema block")
	}
	schemaDoc, err := jsonschema.UnmarshalJSON(strings.NewReader(block))
	if err != nil {
		t.Fatalf("docs/output.md json-schema block: %v", err)
	}
	c := jsonschema.NewCompiler()
	const url = "file:///secretlint-output.json"
	if err := c.AddResource(url, schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	_, fs, opts := load(t)
	opts.Format = "json"
	for name, out := range map[string][]byte{
		"golden input": render(t, fs, opts),
		"empty":        render(t, nil, Options{Format: "json", Version: "(devel)"}),
		"bad":          []byte(`{"version": 1, "tool": {"name": "secretlint", "version": "x"}, "findings": null, "problems": []}`),
	} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		err = sch.Validate(inst)
		if (err == nil) != (name != "bad") {
			t.Errorf("%s: validation error %v", name, err)
		}
	}
}
