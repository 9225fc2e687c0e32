package analyzer_test

import (
	"go/ast"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/awsguard/secretlint/analyzer"
)

// TestRealSDK runs the analyzer over testdata/sdkmod, a module that uses the
// real aws-sdk-go-v2, aws-sdk-go and go-sql-driver/mysql, and checks the
// findings against its // want comments in both directions. It loads the
// SDKs from source: an end-to-end test (SECRETLINT_E2E=1).
func TestRealSDK(t *testing.T) {
	t.Parallel()
	needE2E(t)
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not available:", err)
	}
	dir := filepath.Join(testdata(t), "sdkmod")
	cfg := &packages.Config{Dir: dir, Tests: true, Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.ID, e)
		}
	})
	if t.Failed() {
		t.FailNow()
	}
	a := analyzer.New(settings(t, ""))
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		file string
		line int
	}
	got := map[key][]string{}
	want := map[key][]*regexp.Regexp{}
	seenFile := map[string]bool{}
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act.Package.ID, act.Err)
		}
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			k := key{filepath.Base(p.Filename), p.Line}
			msg := d.Category + ": " + d.Message
			if !slices.Contains(got[k], msg) { // a package and its test variant
				got[k] = append(got[k], msg)
			}
		}
		for _, f := range act.Package.Syntax {
			name := act.Package.Fset.File(f.FileStart).Name()
			if seenFile[name] {
				continue
			}
			seenFile[name] = true
			for k, rxs := range wantComments(t, act.Package, f) {
				want[key{filepath.Base(name), k}] = rxs
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("no // want comments found in testdata/sdkmod")
	}
	for k, msgs := range got {
		for _, msg := range msgs {
			_, text, _ := strings.Cut(msg, ": ")
			i := slices.IndexFunc(want[k], func(rx *regexp.Regexp) bool { return rx.MatchString(text) })
			if i < 0 {
				t.Errorf("%s:%d: unexpected diagnostic: %s", k.file, k.line, msg)
				continue
			}
			want[k] = slices.Delete(want[k], i, i+1)
		}
	}
	for k, rxs := range want {
		for _, rx := range rxs {
			t.Errorf("%s:%d: no diagnostic matching %#q", k.file, k.line, rx)
		}
	}
}

// wantComments returns the expectations of a file: `// want "rx"` or
// “// want `rx`” at the end of a line, one regexp each.
func wantComments(t *testing.T, pkg *packages.Package, f *ast.File) map[int][]*regexp.Regexp {
	t.Helper()
	out := map[int][]*regexp.Regexp{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			text, ok := strings.CutPrefix(c.Text, "// want ")
			if !ok {
				continue
			}
			pattern, err := strconv.Unquote(strings.TrimSpace(text))
			if err != nil {
				t.Fatalf("%v: bad want comment: %v", pkg.Fset.Position(c.Pos()), err)
			}
			rx, err := regexp.Compile(pattern)
			if err != nil {
				t.Fatalf("%v: %v", pkg.Fset.Position(c.Pos()), err)
			}
			line := pkg.Fset.Position(c.Pos()).Line
			out[line] = append(out[line], rx)
		}
	}
	return out
}
