package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsguard/secretlint"
)

// TestDocsUpToDate keeps docs/rules.md and docs/rules.ja.md equal to what
// `secretlint rules -format markdown` writes; -update regenerates them.
func TestDocsUpToDate(t *testing.T) {
	cat := catalogue(t)
	for lang, name := range map[string]string{"en": "rules.md", "ja": "rules.ja.md"} {
		var b bytes.Buffer
		if err := WriteRules(&b, cat, "markdown", lang); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("..", "..", "docs", name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/report -update)", err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("docs/%s is out of date with rules.yaml; run go test ./internal/report -update:\n%s", name, lineDiff(string(want), b.String()))
		}
	}
}

func TestRulesMarkdown(t *testing.T) {
	for name, cat := range catalogues(t) {
		t.Run(name, func(t *testing.T) { testRulesMarkdown(t, cat) })
	}
}

func testRulesMarkdown(t *testing.T, cat *secretlint.Catalogue) {
	for _, lang := range []string{"en", "ja"} {
		var b bytes.Buffer
		if err := WriteRules(&b, cat, "markdown", lang); err != nil {
			t.Fatal(err)
		}
		md := b.String()
		for _, r := range cat.Rules {
			for _, want := range []string{
				"[`" + r.ID + "`](#" + r.ID + ")",           // summary row
				"<a id=\"" + r.ID + "\"></a>\n\n## " + r.ID, // anchor equal to the ID
				r.Title.In(lang),
				unwrap(r.Description.In(lang)),
				unwrap(r.Remediation.In(lang)),
			} {
				if !strings.Contains(md, want) {
					t.Errorf("%s: markdown lacks %q", lang, want)
				}
			}
			for _, e := range append(r.Examples.Bad, r.Examples.Good...) {
				if !strings.Contains(md, "```"+e.Lang+"\n"+e.Code) {
					t.Errorf("%s: markdown lacks the %s example of %s in a fence", lang, e.Lang, r.ID)
				}
			}
		}
		for _, d := range cat.Detectors {
			if !strings.Contains(md, "| `"+d.ID+"` | "+d.Title+" |") {
				t.Errorf("%s: markdown lacks detector %s", lang, d.ID)
			}
		}
		for _, id := range cat.Reserved {
			listed := strings.Contains(md, "- `"+id+"`\n")
			if implemented := cat.Rule(id) != nil; listed == implemented {
				t.Errorf("%s: reserved ID %s listed=%v, implemented=%v", lang, id, listed, implemented)
			}
		}
		if strings.Count(md, "```")%2 != 0 {
			t.Errorf("%s: unbalanced code fences", lang)
		}
	}
}

func TestRulesText(t *testing.T) {
	for name, cat := range catalogues(t) {
		t.Run(name, func(t *testing.T) { testRulesText(t, cat) })
	}
}

func testRulesText(t *testing.T, cat *secretlint.Catalogue) {
	var b bytes.Buffer
	if err := WriteRules(&b, cat, "text", "en"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != len(cat.Rules)+1 || !strings.HasPrefix(lines[0], "ID ") {
		t.Fatalf("want a header and a line per rule, got:\n%s", b.String())
	}
	for i, r := range cat.Rules {
		f := strings.Fields(lines[i+1])
		def := "on"
		if !r.Default {
			def = "opt-in"
		}
		if len(f) < 4 || f[0] != r.ID || f[1] != string(r.Severity) || f[2] != def || !strings.HasSuffix(lines[i+1], "  "+r.Title.EN) {
			t.Errorf("line %q does not describe %s", lines[i+1], r.ID)
		}
	}
}

func TestRulesJSON(t *testing.T) {
	for name, cat := range catalogues(t) {
		t.Run(name, func(t *testing.T) { testRulesJSON(t, cat) })
	}
}

func testRulesJSON(t *testing.T, cat *secretlint.Catalogue) {
	for _, lang := range []string{"en", "ja"} {
		var b bytes.Buffer
		if err := WriteRules(&b, cat, "json", lang); err != nil {
			t.Fatal(err)
		}
		var got []jsonRule
		if err := json.Unmarshal(b.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(cat.Rules) {
			t.Fatalf("%s: %d rules, want %d", lang, len(got), len(cat.Rules))
		}
		for i, g := range got {
			r := cat.Rules[i]
			if g.ID != r.ID || g.Severity != string(r.Severity) || g.Since != r.Since || g.Default != r.Default ||
				g.Precedence != r.Precedence || g.Title != r.Title.In(lang) || g.Message != r.Message.In(lang) ||
				g.Description != strings.TrimSpace(r.Description.In(lang)) || g.Remediation != strings.TrimSpace(r.Remediation.In(lang)) ||
				g.SecuritySeverity != r.SecuritySeverity || g.HelpURI != cat.HelpURI(r.ID) ||
				strings.Join(g.Tags, ",") != strings.Join(r.Tags, ",") || strings.Join(g.Targets, ",") != strings.Join(r.Targets, ",") ||
				len(g.Examples.Bad) != len(r.Examples.Bad) || len(g.Examples.Good) != len(r.Examples.Good) {
				t.Errorf("%s: rule %d = %+v, does not match catalogue rule %s", lang, i, g, r.ID)
			}
		}
	}
}

func TestWriteRulesErrors(t *testing.T) {
	cat := catalogue(t)
	var b bytes.Buffer
	if err := WriteRules(&b, cat, "html", "en"); err == nil {
		t.Error("unknown format: no error")
	}
	if err := WriteRules(&b, cat, "text", "de"); err == nil {
		t.Error("unknown language: no error")
	}
	if err := WriteRules(&b, nil, "text", "en"); err == nil {
		t.Error("no catalogue: no error")
	}
}

func TestExplain(t *testing.T) {
	for name, cat := range catalogues(t) {
		t.Run(name, func(t *testing.T) { testExplain(t, cat) })
	}
}

func testExplain(t *testing.T, cat *secretlint.Catalogue) {
	for _, lang := range []string{"en", "ja"} {
		for _, r := range cat.Rules {
			var b bytes.Buffer
			if err := Explain(&b, cat, r.ID, lang); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if !strings.HasPrefix(out, r.ID+": "+r.Title.In(lang)+"\n") {
				t.Errorf("%s %s: page does not start with the ID and title:\n%s", lang, r.ID, out)
			}
			for _, want := range []string{
				label(lang, "severity") + ": " + string(r.Severity),
				strings.TrimSpace(r.Description.In(lang)),
				cat.HelpURI(r.ID),
			} {
				if !strings.Contains(out, want) {
					t.Errorf("%s %s: page lacks %q", lang, r.ID, want)
				}
			}
			for _, line := range strings.Split(strings.TrimSpace(r.Remediation.In(lang)), "\n") {
				if !strings.Contains(out, "  "+line) {
					t.Errorf("%s %s: page lacks remediation line %q", lang, r.ID, line)
				}
			}
			for _, e := range append(r.Examples.Bad, r.Examples.Good...) {
				first, _, _ := strings.Cut(e.Code, "\n")
				if !strings.Contains(out, "    "+first) {
					t.Errorf("%s %s: page lacks example line %q", lang, r.ID, first)
				}
			}
		}
	}
}

func TestExplainUnknown(t *testing.T) {
	cat := catalogue(t)
	var b bytes.Buffer
	err := Explain(&b, cat, "no-such-rule", "en")
	if err == nil {
		t.Fatal("no error for an unknown rule")
	}
	for _, r := range cat.Rules {
		if !strings.Contains(err.Error(), r.ID) {
			t.Errorf("error %q does not list %s", err, r.ID)
		}
	}
	for _, id := range cat.Reserved {
		if cat.Rule(id) != nil {
			continue
		}
		if err := Explain(&b, cat, id, "en"); err == nil || !strings.Contains(err.Error(), "reserved") {
			t.Errorf("Explain(%s) = %v, want an error saying it is reserved", id, err)
		}
		break
	}
	if b.Len() != 0 {
		t.Errorf("Explain wrote %q before failing", b.String())
	}
}

// TestRulesGolden renders the fixed catalogue in every rules format and as
// explain pages, to review the layout in one place.
func TestRulesGolden(t *testing.T) {
	cat := fixedCatalogue(t)
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"golden-rules.md", func(b *bytes.Buffer) error { return WriteRules(b, cat, "markdown", "en") }},
		{"golden-rules.ja.md", func(b *bytes.Buffer) error { return WriteRules(b, cat, "markdown", "ja") }},
		{"golden-rules.txt", func(b *bytes.Buffer) error { return WriteRules(b, cat, "text", "en") }},
		{"golden-rules.json", func(b *bytes.Buffer) error { return WriteRules(b, cat, "json", "ja") }},
		{"golden-explain.txt", func(b *bytes.Buffer) error {
			for _, id := range []string{"static-aws-credentials", "old-credential-rule"} {
				if err := Explain(b, cat, id, "en"); err != nil {
					return err
				}
				b.WriteString("----\n")
			}
			return Explain(b, cat, "static-aws-credentials", "ja")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(testdata, tc.name)
			if want := golden(t, path, b.Bytes()); !bytes.Equal(b.Bytes(), want) {
				t.Errorf("output differs from %s:\n%s", path, lineDiff(string(want), b.String()))
			}
		})
	}
}
