package pipeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/pipeline"
)

// TestLegacyBaseline checks that a version 1 baseline (secretlint/v1
// fingerprints) still loads and matches, and that a recorded baseline is
// version 2 and holds no fingerprint of the old scheme.
func TestLegacyBaseline(t *testing.T) {
	line := func(string, int) string { return `password: "Winter2024!"` }
	fs := []finding.Finding{
		{Rule: "hardcoded-credential", File: "a.yaml", Line: 1, Column: 12, EndLine: 1, EndColumn: 23, Message: "m"},
		{Rule: "hardcoded-credential", File: "b.yaml", Line: 1, Column: 12, EndLine: 1, EndColumn: 23, Message: "m"},
	}
	finding.Fingerprints(fs, line)
	old := finding.LegacyFingerprints(fs, line)
	dir := t.TempDir()
	name := filepath.Join(dir, "baseline.json")
	v1 := `{"version": 1, "entries": [{"rule": "hardcoded-credential", "file": "a.yaml", "fingerprint": "` + old[0] + `"}]}`
	if err := os.WriteFile(name, []byte(v1), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := pipeline.ReadBaseline(name)
	if err != nil || !b.Legacy() {
		t.Fatalf("ReadBaseline: %v, legacy %v", err, b.Legacy())
	}
	legacy := map[finding.Finding]string{fs[0]: old[0], fs[1]: old[1]}
	kept, stale := b.Apply(fs, func(f finding.Finding) string { return legacy[f] })
	if len(kept) != 1 || kept[0].File != "b.yaml" || len(stale) != 0 {
		t.Errorf("kept %v, stale %v", kept, stale)
	}
	if err := pipeline.WriteBaseline(name, fs); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(name)
	if !strings.Contains(string(data), `"version": 2`) || strings.Contains(string(data), old[0]) {
		t.Errorf("rewritten baseline:\n%s", data)
	}
	b, err = pipeline.ReadBaseline(name)
	if err != nil || b.Legacy() {
		t.Fatal(err)
	}
	if kept, _ := b.Apply(fs, nil); len(kept) != 0 {
		t.Errorf("version 2 baseline kept %v", kept)
	}
	if err := os.WriteFile(name, []byte(`{"version": 3, "entries": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.ReadBaseline(name); err == nil {
		t.Error("version 3 accepted")
	}
}
