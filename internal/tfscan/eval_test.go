package tfscan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// scanSource scans one main.tf of the given text and returns the rules
// of its findings and the scan's problems.
func scanSource(t *testing.T, src string) ([]string, []string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	sc := New(testSettings(t))
	sc.ScanModule(dir)
	fs, ps := sc.Finish()
	var rules, probs []string
	for _, f := range fs {
		rules = append(rules, fmt.Sprintf("%s:%d", f.Rule, f.Line))
	}
	for _, p := range ps {
		probs = append(probs, p.Message)
	}
	return rules, probs
}

// TestEvalBounded checks that a chain of locals, each using the one
// before in both branches of a conditional, and locals that refer to each
// other, are evaluated in bounded time and still resolve.
func TestEvalBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("variable \"flag\" {\n  type = bool\n}\n\nlocals {\n  l0 = data.aws_ssm_parameter.db.value\n")
	for i := 1; i <= 300; i++ {
		fmt.Fprintf(&b, "  l%d = var.flag ? try(local.l%d, \"\") : coalesce(local.l%d, local.cycle_a)\n", i, i-1, i-1)
	}
	b.WriteString("  cycle_a = local.cycle_b\n  cycle_b = local.cycle_a\n  self = local.self\n}\n\n")
	b.WriteString("data \"aws_ssm_parameter\" \"db\" {\n  name = \"/shop/prd/db/HOST_CONFIG\"\n}\n\n")
	b.WriteString("resource \"aws_db_instance\" \"main\" {\n  password = local.l300\n}\n\n")
	b.WriteString("resource \"aws_db_instance\" \"self\" {\n  password = local.self\n}\n")
	start := time.Now()
	rules, probs := scanSource(t, b.String())
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("scan took %v", d)
	}
	if len(probs) > 0 {
		t.Errorf("problems: %v", probs)
	}
	before, _, _ := strings.Cut(b.String(), "password = local.l300")
	want := fmt.Sprintf("db-credential-in-parameter-store:%d", strings.Count(before, "\n")+1)
	if len(rules) != 1 || rules[0] != want {
		t.Errorf("findings %v, want [%s]", rules, want)
	}
}

// TestEvalBudget checks that an exhausted budget makes values unknown,
// never a finding or a crash.
func TestEvalBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("locals {\n")
	// A wide fan-out: each local is a tuple of every local before it.
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&b, "  w%d = [", i)
		for j := 0; j < i; j++ {
			fmt.Fprintf(&b, "local.w%d, ", j)
		}
		b.WriteString("\"x\"]\n")
	}
	b.WriteString("}\n\nresource \"aws_db_instance\" \"main\" {\n  password = local.w399[0]\n}\n")
	start := time.Now()
	_, probs := scanSource(t, b.String())
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("scan took %v", d)
	}
	if len(probs) > 0 {
		t.Errorf("problems: %v", probs)
	}
}

// TestInvalidHCL checks that a file that does not parse is a problem
// with a line, and the rest of the module is still scanned.
func TestInvalidHCL(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"broken.tf": "resource \"aws_db_instance\" \"x\" {\n  password = \n",
		"ok.tf":     "locals {\n  db_password = \"Tq2vX9rLm4Kp\"\n}\n",
		"bin.tf":    "a\x00b",
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	sc := New(testSettings(t))
	sc.ScanModule(dir)
	fs, ps := sc.Finish()
	if len(ps) != 2 {
		t.Errorf("problems %v, want one for broken.tf and one for bin.tf", ps)
	}
	if len(fs) != 1 || fs[0].Rule != "hardcoded-credential" {
		t.Errorf("findings %v, want the literal of ok.tf", fs)
	}
}
