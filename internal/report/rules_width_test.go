package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/awsguard/secretlint"
)

// TestRulesTableAligned: the TITLE column starts at the same terminal
// column on every line, Japanese included (wide characters).
func TestRulesTableAligned(t *testing.T) {
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ja"} {
		var buf bytes.Buffer
		if err := WriteRules(&buf, cat, "text", lang); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
		head, _, _ := strings.Cut(lines[0], "TITLE")
		want := runewidth.StringWidth(head)
		for _, l := range lines[1:] {
			r := cat.Rule(strings.Fields(l)[0])
			if r == nil {
				t.Fatalf("%s: no rule in %q", lang, l)
			}
			title := r.Title.In(lang)
			if got := runewidth.StringWidth(strings.TrimSuffix(l, title)); got != want || !strings.HasSuffix(l, title) {
				t.Errorf("%s: title of %s starts at column %d, want %d:\n%s", lang, r.ID, got, want, buf.String())
				break
			}
		}
	}
}
