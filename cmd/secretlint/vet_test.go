package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVetTool builds secretlint and runs it under go vet -vettool on the
// demo: the unitchecker protocol on the same binary. An end-to-end test
// (SECRETLINT_E2E=1): a new binary makes go vet analyse every dependency.
func TestVetTool(t *testing.T) {
	t.Parallel()
	needE2E(t)
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := builtBinary(t)
	cmd := exec.Command("go", "vet", "-vettool="+bin, "./...")
	cmd.Dir = filepath.Join("..", "..", "examples", "demo")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("go vet passed; want findings:\n%s", out)
	}
	for _, want := range []string{
		"internal/store/store.go:16:27: password inline in go-sql-driver connection string in const legacyDSN",
		"internal/billing/billing.go:11:18: hard-coded Stripe live secret or restricted key in var stripeKey",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("go vet output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "sk_live_4tGb") {
		t.Error("go vet output contains the secret")
	}
}
