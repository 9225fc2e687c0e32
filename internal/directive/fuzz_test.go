package directive

import (
	"strings"
	"testing"
)

// FuzzParse checks that parsing a comment never panics, and that the rules
// and reason of a directive come from its text, trimmed.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"secretlint:ignore hardcoded-credential test fixture", " secretlint:file-ignore a,b reason",
		"secretlint:ignore", "secretlint:ignore ,,", "secretlint:other x", "nolint:secretlint",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := Parse(s)
		if !ok {
			return
		}
		for _, id := range d.Rules {
			if id == "" || id != strings.TrimSpace(id) || strings.Contains(id, ",") || !strings.Contains(s, id) {
				t.Fatalf("Parse(%q): rule %q", s, id)
			}
		}
		if d.Reason != strings.TrimSpace(d.Reason) || !strings.Contains(s, d.Reason) {
			t.Fatalf("Parse(%q): reason %q", s, d.Reason)
		}
	})
}
