package tfscan

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// conformanceRoot holds Terraform test fixtures of checkov and
// trivy-checks, relabelled to the guideline in labels.txt (see NOTICE).
var conformanceRoot = filepath.Join("..", "..", "testdata", "conformance", "terraform")

// TestConformance scans the conformance set and compares the findings
// (file, line, rule) with the labels: it prints precision and recall and
// fails when either drops below the figure stated in labels.txt.
func TestConformance(t *testing.T) {
	want, minP, minR := readLabels(t, filepath.Join(conformanceRoot, "labels.txt"))
	s := testSettings(t)
	sc := New(s)
	sc.Rel = func(p string) string {
		r, _ := filepath.Rel(conformanceRoot, p)
		return filepath.ToSlash(r)
	}
	fs, ps := scanTree(sc, conformanceRoot)
	for _, p := range ps {
		t.Errorf("problem: %s:%d: %s", p.File, p.Line, p.Message)
	}
	got := map[string]bool{}
	for _, f := range fs {
		got[f.File+":"+strconv.Itoa(f.Line)+" "+f.Rule] = true
	}
	tp := 0
	for _, k := range sortedKeys(got) {
		if want[k] {
			tp++
		} else {
			t.Logf("unlabelled finding: %s", k)
		}
	}
	for _, k := range sortedKeys(want) {
		if !got[k] {
			t.Logf("missed: %s", k)
		}
	}
	if len(got) == 0 || len(want) == 0 {
		t.Fatalf("%d findings, %d labels", len(got), len(want))
	}
	precision := float64(tp) / float64(len(got))
	recall := float64(tp) / float64(len(want))
	t.Logf("precision %.3f (%d/%d), recall %.3f (%d/%d)", precision, tp, len(got), recall, tp, len(want))
	if precision < minP || recall < minR {
		t.Errorf("precision %.3f (min %.2f), recall %.3f (min %.2f)", precision, minP, recall, minR)
	}
}

// readLabels reads `path:line rule-id` lines and the `# min-precision:`
// and `# min-recall:` figures.
func readLabels(t *testing.T, path string) (map[string]bool, float64, float64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]bool{}
	minP, minR := -1.0, -1.0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if v, ok := strings.CutPrefix(l, "# min-precision:"); ok {
			minP, _ = strconv.ParseFloat(strings.TrimSpace(v), 64)
		}
		if v, ok := strings.CutPrefix(l, "# min-recall:"); ok {
			minR, _ = strconv.ParseFloat(strings.TrimSpace(v), 64)
		}
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		loc, rule, ok := strings.Cut(l, " ")
		file, line, ok2 := strings.Cut(loc, ":")
		if _, err := os.Stat(filepath.Join(conformanceRoot, filepath.FromSlash(file))); !ok || !ok2 || err != nil {
			t.Fatalf("labels.txt: bad line %q", l)
		}
		if _, err := strconv.Atoi(line); err != nil {
			t.Fatalf("labels.txt: bad line %q", l)
		}
		want[loc+" "+rule] = true
	}
	if minP <= 0 || minR <= 0 {
		t.Fatal("labels.txt states no min-precision or min-recall")
	}
	return want, minP, minR
}
