package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsguard/secretlint"
)

// TestREADMERulesTable checks the rules table between the README's
// rules:begin and rules:end markers; -update rewrites it.
func TestREADMERulesTable(t *testing.T) {
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatal(err)
	}
	var table bytes.Buffer
	if err := RulesTable(&table, cat, "en", "docs/rules.md"); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join("..", "..", "README.md")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
	i, j := bytes.Index(src, []byte(begin)), bytes.Index(src, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q ... %q block", strings.TrimSpace(begin), end)
	}
	want := append(append(append([]byte{}, src[:i+len(begin)]...), table.Bytes()...), src[j:]...)
	if bytes.Equal(src, want) {
		return
	}
	if *update {
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md rules table is out of date; run go test ./internal/report -update")
}
