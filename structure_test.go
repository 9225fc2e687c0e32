package secretlint_test

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/awsguard/secretlint"
)

// sourceFiles returns the non-test, non-generated Go files of the module
// (testdata, examples and nested modules left out).
func sourceFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && (d.Name() == "testdata" || d.Name() == "examples" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil && p != "." {
				return filepath.SkipDir // a nested module
			}
			return nil
		}
		if strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func generated(f *ast.File) bool { return ast.IsGenerated(f) }

// The structure the engines build on: small files, catalogue texts only in
// rules.yaml, rule IDs spelled only in generated code.
func TestSourceStructure(t *testing.T) {
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, id := range cat.Reserved {
		ids[id] = true
	}
	fset := token.NewFileSet()
	for _, p := range sourceFiles(t) {
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if generated(f) {
			continue
		}
		if n := lineCount(t, p); n > 600 {
			t.Errorf("%s has %d lines; keep files at 600 lines or fewer", p, n)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			if ids[s] {
				t.Errorf("%s: rule ID %q spelled in code; use internal/ruleid", fset.Position(lit.Pos()), s)
			}
			if hasJapanese(s) {
				t.Errorf("%s: Japanese text in code; user-visible texts belong in rules.yaml", fset.Position(lit.Pos()))
			}
			return true
		})
	}
}

func lineCount(t *testing.T, p string) int {
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
	}
	return n
}

func hasJapanese(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han) {
			return true
		}
	}
	return false
}
