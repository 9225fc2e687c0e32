package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRealSDKModuleSARIF runs the command as a user would, SARIF out, on
// the module that uses the real AWS SDKs and go-sql-driver: every line
// with a `// want` comment has a result, and no other line has one.
func TestRealSDKModuleSARIF(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real AWS SDKs")
	}
	dir := filepath.Join("..", "..", "testdata", "sdkmod")
	want := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, p)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			if strings.Contains(sc.Text(), "// want ") {
				want[fmt.Sprintf("%s:%d", filepath.ToSlash(rel), line)] = true
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 10 {
		t.Fatalf("only %d expectations in %s", len(want), dir)
	}
	code, out, stderr := runIn(t, dir, "-format", "sarif", "./...")
	if code != exitFindings {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range log.Runs[0].Results {
		l := r.Locations[0].PhysicalLocation
		// SARIF paths start at the repository root, this repository.
		uri := strings.TrimPrefix(l.ArtifactLocation.URI, "testdata/sdkmod/")
		got[fmt.Sprintf("%s:%d", uri, l.Region.StartLine)] = r.RuleID
	}
	var missing, extra []string
	for k := range want {
		if _, ok := got[k]; !ok {
			missing = append(missing, k)
		}
	}
	for k, rule := range got {
		if !want[k] {
			extra = append(extra, k+" "+rule)
		}
	}
	slices.Sort(missing)
	slices.Sort(extra)
	if len(missing)+len(extra) > 0 {
		t.Errorf("expected results missing: %v\nunexpected results: %v", missing, extra)
	}
}
