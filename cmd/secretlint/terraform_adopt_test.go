package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestTerraformSARIFBaselineNewFromRev checks that SARIF, the baseline
// and -new-from-rev work on Terraform files as on every other kind.
func TestTerraformSARIFBaselineNewFromRev(t *testing.T) {
	dir, gitIn := gitRepo(t)
	const pw, pw2 = "Tq2vX9rLm4Kp", "Wz8sU3yMn0qA"
	main := "locals {\n  db_password = \"" + pw + "\"\n}\n"
	writeFile(t, filepath.Join(dir, "infra", "main.tf"), main)
	gitIn("init", "-q")
	gitIn("add", ".")
	gitIn("commit", "-q", "-m", "initial")

	// SARIF: the finding with its rule, file and line; no secret.
	code, out, stderr := runIn(t, dir, "-no-go", "-format", "sarif", ".")
	if code != exitFindings {
		t.Fatalf("sarif: exit %d\n%s", code, stderr)
	}
	var sarif struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &sarif); err != nil || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 1 {
		t.Fatalf("sarif: %v\n%s", err, out)
	}
	r := sarif.Runs[0].Results[0]
	if loc := r.Locations[0].PhysicalLocation; r.RuleID != "hardcoded-credential" || loc.ArtifactLocation.URI != "infra/main.tf" || loc.Region.StartLine != 2 {
		t.Errorf("sarif result = %+v", r)
	}
	if strings.Contains(out, pw) {
		t.Error("the SARIF report holds the secret")
	}

	// The baseline accepts the finding, also after its line moves.
	if code, _, stderr := runIn(t, dir, "baseline", "-no-go", "-output", "base.json", "."); code != exitClean {
		t.Fatalf("baseline: exit %d\n%s", code, stderr)
	}
	writeFile(t, filepath.Join(dir, "infra", "main.tf"), "# moved down\n\n"+main)
	if code, out, stderr := runIn(t, dir, "-no-go", "-baseline", "base.json", "."); code != exitClean || out != "" {
		t.Fatalf("baseline: exit %d, output %q, stderr %q; want a clean run", code, out, stderr)
	}

	// -new-from-rev reports the lines changed since the revision: the new
	// file, not the moved finding of the committed one.
	writeFile(t, filepath.Join(dir, "infra", "cache.tf"), "locals {\n  redis_password = \""+pw2+"\"\n}\n")
	code, out, stderr = runIn(t, dir, "-no-go", "-new-from-rev", "HEAD", "-format", "json", ".")
	if code != exitFindings {
		t.Fatalf("-new-from-rev: exit %d\n%s", code, stderr)
	}
	fs := decode(t, out).Findings
	if len(fs) != 1 || fs[0].File != "infra/cache.tf" || fs[0].Line != 2 || fs[0].Rule != "hardcoded-credential" {
		t.Errorf("-new-from-rev findings = %+v, want hardcoded-credential at infra/cache.tf:2 only", fs)
	}
}
