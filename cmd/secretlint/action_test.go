package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestActionRunStep runs the shell of action.yml's "Run secretlint" step as
// GitHub would, with a secretlint built from this tree, in both modes. An
// end-to-end test (SECRETLINT_E2E=1).
func TestActionRunStep(t *testing.T) {
	t.Parallel()
	needE2E(t)
	if testing.Short() {
		t.Skip("builds the command")
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Runs struct {
			Steps []struct {
				ID  string `yaml:"id"`
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(src, &action); err != nil {
		t.Fatal(err)
	}
	script := ""
	for _, s := range action.Runs.Steps {
		if s.ID == "run" {
			script = s.Run
		}
	}
	if script == "" {
		t.Fatal("action.yml has no step with id run")
	}
	gopath := builtGOPATH(t)
	modcache := goModCache(t)
	demo, err := filepath.Abs(filepath.Join("..", "..", "examples", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"sarif", "annotations"} {
		t.Run(mode, func(t *testing.T) {
			tmp := t.TempDir()
			output, summary := filepath.Join(tmp, "output"), filepath.Join(tmp, "summary.md")
			cmd := exec.Command("bash", "-e", "-c", script)
			cmd.Dir = demo
			cmd.Env = append(os.Environ(),
				"GOPATH="+gopath, "GOMODCACHE="+modcache, "RUNNER_TEMP="+tmp, "GITHUB_OUTPUT="+output, "GITHUB_STEP_SUMMARY="+summary,
				"SL_MODE="+mode, "SL_TARGETS=./...", "SL_FAIL_ON=warning", "SL_CONFIG=", "SL_CATEGORY=secretlint/demo", "SL_ARGS=-tests exclude")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("step failed: %v\n%s", err, out)
			}
			outputs, _ := os.ReadFile(output)
			if !strings.Contains(string(outputs), "exit-code=1") {
				t.Errorf("step outputs %q, want exit-code=1", outputs)
			}
			switch mode {
			case "sarif":
				sarif, err := os.ReadFile(filepath.Join(tmp, "secretlint.sarif"))
				if err != nil || !strings.Contains(string(sarif), `"id": "secretlint/demo/"`) {
					t.Errorf("SARIF not written with its category: %v", err)
				}
			case "annotations":
				if !strings.Contains(string(out), "::error file=") {
					t.Errorf("no annotations printed:\n%s", out)
				}
				if sum, _ := os.ReadFile(summary); !strings.Contains(string(sum), "| Location | Rule |") {
					t.Errorf("job summary not written:\n%s", sum)
				}
				if strings.Contains(string(out), "billing_test.go") {
					t.Error("the args input was not passed on (-tests exclude)")
				}
			}
		})
	}
}
