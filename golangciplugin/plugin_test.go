package golangciplugin

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis/analysistest"
)

func TestPlugin(t *testing.T) {
	t.Parallel()
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	// An empty configuration file: the repository's own leaves testdata out.
	cfg, err := filepath.Abs(filepath.Join("..", "testdata", "golangci", ".secretlint.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"config": cfg, "disable": []any{"hardcoded-token"}, "tests": "exclude", "lang": "en"})
	if err != nil {
		t.Fatal(err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 2 || as[0].Name != Name {
		t.Fatalf("BuildAnalyzers = %v, %v", as, err)
	}
	testdata, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata, as[0], "plugin")
}

func TestPluginRejectsBadSettings(t *testing.T) {
	t.Parallel()
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"disabel": []any{"hardcoded-token"}}, `unknown field "disabel"`},
		{map[string]any{"disable": []any{"no-such-rule"}}, `unknown rule "no-such-rule"`},
		{map[string]any{"tests": "sometimes"}, `tests "sometimes"`},
		{map[string]any{"lang": "fr"}, `lang "fr"`},
		{map[string]any{"config": "/no/such/.secretlint.yaml"}, "no such file"},
	} {
		if _, err := newPlugin(tc.settings); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: error %v, want %q", tc.settings, err, tc.want)
		}
	}
}
