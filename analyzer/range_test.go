package analyzer_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/awsguard/secretlint/analyzer"
	"github.com/awsguard/secretlint/internal/match"
)

// TestRanges checks that a diagnostic covers the secret when the literal
// maps byte for byte to its value, and the whole literal or expression
// otherwise.
func TestRanges(t *testing.T) {
	t.Parallel()
	a := analyzer.New(settings(t, ""))
	keyID := regexp.MustCompile(`^AKIA[A-Z2-7]{16}$`)
	// The range of each finding, by the name in its message.
	want := map[string]func(string) bool{
		"var exportLine": keyID.MatchString, // inside a longer literal
		"comment":        keyID.MatchString,
		"var escaped": func(s string) bool { // escapes: the whole literal
			return strings.HasPrefix(s, `"id:\t`) && strings.HasSuffix(s, `\n"`)
		},
		"const splitKey": func(s string) bool { // folded: the whole expression
			return strings.HasPrefix(s, `"AKIA`) && strings.Contains(s, `" + "`)
		},
		"var pemBlock": func(s string) bool { return strings.HasPrefix(s, "-----BEGIN RSA PRIVATE KEY-----\n") },
	}
	seen := map[string]bool{}
	for _, res := range analysistest.Run(t, testdata(t), a, "hardcoded-token") {
		for _, d := range res.Diagnostics {
			start, end := res.Pass.Fset.Position(d.Pos), res.Pass.Fset.Position(d.End)
			if !d.End.IsValid() || end.Offset <= start.Offset {
				t.Errorf("%v: %s: no range", start, d.Message)
				continue
			}
			src, err := os.ReadFile(start.Filename)
			if err != nil {
				t.Fatal(err)
			}
			text := string(src[start.Offset:end.Offset])
			for place, ok := range want {
				if strings.HasSuffix(d.Message, " in "+place) {
					seen[place] = true
					if !ok(text) {
						// Never print the secret: its redacted form only.
						t.Errorf("%v: %s: range covers %s", start, d.Message, match.Redact(text))
					}
				}
			}
		}
	}
	for place := range want {
		if !seen[place] {
			t.Errorf("no finding in %s", place)
		}
	}
}
