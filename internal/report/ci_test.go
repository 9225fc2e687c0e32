package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/finding"
)

func TestRDJSONLLines(t *testing.T) {
	_, fs, opts := load(t)
	opts.Format = "rdjsonl"
	lines := strings.Split(strings.TrimSuffix(string(render(t, fs, opts)), "\n"), "\n")
	if len(lines) != len(fs) {
		t.Fatalf("%d lines for %d findings", len(lines), len(fs))
	}
	for i, l := range lines {
		var d struct {
			Message  string
			Severity string
			Code     struct{ Value string }
			Location struct {
				Path  string
				Range struct{ Start struct{ Line, Column int } }
			}
		}
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		f := fs[i]
		if d.Code.Value != f.Rule || d.Location.Path != f.File || d.Location.Range.Start.Line != f.Line || d.Location.Range.Start.Column != f.Column || d.Message != f.Message {
			t.Errorf("line %d = %+v, want finding %+v", i+1, d, f)
		}
		if d.Severity != map[string]string{"error": "ERROR", "warning": "WARNING", "note": "INFO"}[string(severity(f))] {
			t.Errorf("line %d: severity %s for %s", i+1, d.Severity, f.Severity)
		}
	}
}

func TestCheckstyleIsWellFormed(t *testing.T) {
	_, fs, opts := load(t)
	fs = append(fs, finding.Finding{Rule: "hardcoded-credential", Severity: "error", File: `a&b<"c>.yaml`, Line: 1, Column: 1, Message: `quote " and <tag> & more`})
	opts.Format = "checkstyle"
	var doc struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line    int    `xml:"line,attr"`
				Message string `xml:"message,attr"`
				Source  string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(render(t, fs, opts), &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range doc.Files {
		n += len(f.Errors)
	}
	if n != len(fs) {
		t.Errorf("%d errors for %d findings", n, len(fs))
	}
	last := doc.Files[len(doc.Files)-1]
	if last.Name != `a&b<"c>.yaml` || last.Errors[0].Message != `quote " and <tag> & more` || last.Errors[0].Source != "secretlint.hardcoded-credential" {
		t.Errorf("escaping lost: %+v", last)
	}
}

func TestGitHubAnnotationLimit(t *testing.T) {
	_, _, opts := load(t)
	var fs []finding.Finding
	for i := range 13 {
		fs = append(fs, finding.Finding{Rule: "hardcoded-credential", Severity: "error", File: "a.go", Line: i + 1, Column: 1, Message: fmt.Sprintf("finding %d", i+1)})
	}
	fs = append(fs, finding.Finding{Rule: "invalid-suppression", Severity: "warning", File: "b.go", Line: 1, Column: 1, Message: "a warning"})
	var summary bytes.Buffer
	opts.Format, opts.Problems, opts.Summary = "github", nil, &summary
	out := string(render(t, fs, opts))
	if n := strings.Count(out, "::error "); n != GitHubAnnotationLimit {
		t.Errorf("%d error annotations, want %d", n, GitHubAnnotationLimit)
	}
	if !strings.Contains(out, "::warning ") || !strings.Contains(out, "3 more findings") {
		t.Errorf("warning annotation or the count of hidden findings missing:\n%s", out)
	}
	for _, want := range []string{"| `a.go:13` | hardcoded-credential | error | finding 13 |", "| `b.go:1` | invalid-suppression | warning | a warning |"} {
		if !strings.Contains(summary.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, summary.String())
		}
	}
}
