package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

type actionStep struct {
	ID   string            `yaml:"id"`
	Name string            `yaml:"name"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
}

func actionSteps(t *testing.T) []actionStep {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct {
			Steps []actionStep `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(src, &action); err != nil {
		t.Fatal(err)
	}
	return action.Runs.Steps
}

// TestActionDefinition: no input is interpolated into a shell script,
// setup-go runs only when needed, the caches are keyed on go.sum, and the
// upload waits for a written report.
func TestActionDefinition(t *testing.T) {
	var setupGo, cache, upload bool
	for _, s := range actionSteps(t) {
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q interpolates an expression into its script; pass it through env:\n%s", s.Name+s.ID, s.Run)
		}
		switch {
		case strings.HasPrefix(s.Uses, "actions/setup-go"):
			setupGo = strings.Contains(s.If, "steps.go.outputs.setup")
		case strings.HasPrefix(s.Uses, "actions/cache"):
			cache = strings.Contains(s.With["key"], "steps.cache-key")
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif"):
			upload = strings.Contains(s.If, "steps.run.outputs.sarif-file != ''")
		case s.ID == "cache-key":
			if !strings.Contains(s.Run, "go.sum") {
				t.Error("the cache key is not made of go.sum")
			}
		}
	}
	if !setupGo || !cache || !upload {
		t.Errorf("setup-go only when needed: %v; cache keyed on go.sum: %v; upload only a written report: %v", setupGo, cache, upload)
	}
}

// TestActionRunStepGOBINAndErrors runs the "Run secretlint" step with GOBIN
// set, and with a target that matches nothing: exit 2, no SARIF file to
// upload.
func TestActionRunStepGOBINAndErrors(t *testing.T) {
	bin := secretlintBinary(t)
	script := ""
	for _, s := range actionSteps(t) {
		if s.ID == "run" {
			script = s.Run
		}
	}
	gobin := t.TempDir()
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(gobin, "secretlint"), data, 0o755); err != nil {
		t.Fatal(err)
	}
	demo, err := filepath.Abs(filepath.Join("..", "..", "examples", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		targets  string
		exit     string
		uploaded bool
	}{
		{"./...", "exit-code=1", true},
		{"./nonexistent", "exit-code=2", false},
	} {
		tmp := t.TempDir()
		output := filepath.Join(tmp, "output")
		cmd := exec.Command("bash", "-e", "-c", script)
		cmd.Dir = demo
		cmd.Env = append(os.Environ(),
			"GOBIN="+gobin, "GOPATH="+filepath.Join(tmp, "nogopath"), "RUNNER_TEMP="+tmp, "GITHUB_OUTPUT="+output,
			"SL_MODE=sarif", "SL_TARGETS="+tc.targets, "SL_FAIL_ON=warning", "SL_CONFIG=", "SL_CATEGORY=secretlint", "SL_ARGS=")
		out, _ := cmd.CombinedOutput()
		outputs, _ := os.ReadFile(output)
		if !strings.Contains(string(outputs), tc.exit) {
			t.Errorf("targets %s: outputs %q, want %s; output:\n%s", tc.targets, outputs, tc.exit, out)
		}
		if got := strings.Contains(string(outputs), "sarif-file="); got != tc.uploaded {
			t.Errorf("targets %s: sarif-file set %v, want %v (outputs %q)", tc.targets, got, tc.uploaded, outputs)
		}
	}
}
