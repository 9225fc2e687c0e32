package golangciplugin

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

// TestConfigIdentity: golangci-lint keys cached results on the analyzers'
// names; one of them changes with .secretlint.yaml.
func TestConfigIdentity(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	names := func() string {
		t.Helper()
		newPlugin, err := register.GetPlugin(Name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := newPlugin(map[string]any{})
		if err != nil {
			t.Fatal(err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		s := ""
		for _, a := range as {
			s += a.Name + " "
		}
		return s
	}
	write := func(src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, ".secretlint.yaml"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	none := names()
	write("disable: [hardcoded-credential]\n")
	disabled := names()
	write("tests: include\n")
	included := names()
	write("disable: [hardcoded-credential]\n")
	if none == disabled || disabled == included || none == included {
		t.Errorf("analyzer names do not follow the configuration: %q, %q, %q", none, disabled, included)
	}
	if again := names(); again != disabled {
		t.Errorf("the same configuration gives other names: %q, %q", disabled, again)
	}
}
