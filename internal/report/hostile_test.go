package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/finding"
)

// hostileName is a file name with a backtick, a pipe, ESC, a bidi
// override, a quote and a tab.
const hostileName = "a`b|c\x1b[31m\u202ed\"e\tf.yaml"

func TestGitHubControlCharacters(t *testing.T) {
	fs := []finding.Finding{{Rule: "r", Severity: "error", File: hostileName, Line: 1, Column: 1, Message: "m\x1b]8;;x\x07"}}
	var summary bytes.Buffer
	out := string(render(t, fs, Options{Format: "github", Summary: &summary,
		Problems: []finding.Problem{{File: hostileName, Line: 2, Message: "bad\x1b"}}}))
	for name, s := range map[string]string{"annotations": out, "summary": summary.String()} {
		if strings.ContainsAny(s, "\x1b\x07\u202e") {
			t.Errorf("%s hold control characters: %q", name, s)
		}
	}
	if !strings.Contains(out, `\u001b`) {
		t.Errorf("ESC not shown escaped: %q", out)
	}
	// Every location cell of the summary is one code span: its
	// delimiters are longer than the backtick in the name.
	for _, line := range strings.Split(summary.String(), "\n") {
		if strings.Contains(line, "a`b") && !strings.HasPrefix(line, "| ``a`b") {
			t.Errorf("summary cell breaks out of its code span: %q", line)
		}
	}
}

func TestCodeSpan(t *testing.T) {
	for in, want := range map[string]string{"a": "`a`", "a`b": "``a`b``", "`a": "`` `a ``", "a``b": "```a``b```"} {
		if got := codeSpan(in); got != want {
			t.Errorf("codeSpan(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCheckstyleNames checks that file names come back intact from the
// XML, characters XML cannot carry as visible escapes.
func TestCheckstyleNames(t *testing.T) {
	name := "a`b|c\"d'e\tf<g>&h.yaml"
	fs := []finding.Finding{{Rule: "r", Severity: "error", File: name, Line: 1, Column: 1, Message: "m"}, {Rule: "r", Severity: "error", File: "x\x1by.yaml", Line: 1, Message: "m"}}
	out := render(t, fs, Options{Format: "checkstyle"})
	var doc struct {
		Files []struct {
			Name string `xml:"name,attr"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("invalid XML: %v\n%s", err, out)
	}
	if len(doc.Files) != 2 || doc.Files[0].Name != name || doc.Files[1].Name != `x\x1by.yaml` {
		t.Errorf("names %+v", doc.Files)
	}
}
