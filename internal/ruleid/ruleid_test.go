package ruleid_test

import (
	"os/exec"
	"slices"
	"testing"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/ruleid"
)

func TestGeneratedIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	out, err := exec.Command("go", "run", "gen.go", "-check").CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}

func TestAllAreCatalogueIDs(t *testing.T) {
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ruleid.All, cat.Reserved) {
		t.Errorf("ruleid.All = %v, want rules.yaml's reserved list %v", ruleid.All, cat.Reserved)
	}
	for _, r := range cat.Rules {
		if !slices.Contains(ruleid.All, r.ID) {
			t.Errorf("rule %s has no constant", r.ID)
		}
	}
}
