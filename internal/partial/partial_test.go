package partial

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestGuessName(t *testing.T) {
	for path, want := range map[string]string{
		"github.com/jinzhu/gorm":               "gorm",
		"github.com/jackc/pgx/v5":              "pgx",
		"github.com/ianlopshire/go-ssm-config": "ssm_config",
		"gopkg.in/yaml.v3":                     "yaml_v3",
		"github.com/sendgrid/sendgrid-go":      "sendgrid",
		"example.com/svc/internal/config":      "config",
	} {
		if got := guessName(path); got != want {
			t.Errorf("guessName(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestLoadResolvesTreeAndStandIns: an import of the tree is found by
// directory suffix, the SDK by its stand-in, a missing package is empty
// and listed.
func TestLoadResolvesTreeAndStandIns(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"helper/helper.go": "package helper\n\nfunc Name() string { return \"x\" }\n",
		"app/app.go": `package app

import (
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/nowhere/lib"
	"old.example/svc/helper"
)

var _ = helper.Name()
var _ *ssm.GetParameterInput
var _ = lib.Thing
`,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkgs := Load(Options{Dirs: []string{filepath.Join(dir, "app")}})
	if len(pkgs) != 1 {
		t.Fatalf("got %d packages", len(pkgs))
	}
	p := pkgs[0]
	if !slices.Equal(p.Missing, []string{"github.com/nowhere/lib"}) {
		t.Errorf("missing = %v", p.Missing)
	}
	if p.Imports["old.example/svc/helper"] == nil {
		t.Errorf("helper not resolved from the tree: imports %v", p.Imports)
	}
	if len(p.TypeErrors) != 1 {
		t.Errorf("want the one error of lib.Thing, got %v", p.TypeErrors)
	}
	if !HasStandIn("github.com/aws/aws-sdk-go-v2/service/ssm") {
		t.Error("no stand-in for the v2 SSM client")
	}
}
