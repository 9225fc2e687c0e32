package config

import (
	"fmt"
	"math/rand/v2"
	"path"
	"strings"
	"testing"
)

// benchGlobs is the path configuration of a mid-sized service repository:
// excludes, a global allowlist and per-rule allowlists.
var benchGlobs = []string{
	"third_party/**",
	"vendor",
	"/node_modules/**",
	"docs/examples/**",
	"**/testdata/*.json",
	"internal/fixtures/**",
	"*.pb.go",
	"/deploy/local/*.yaml",
	"gen/**/mock_*.go",
}

// benchPaths returns the relative paths of a repository of a few hundred
// files, three to eight directories deep.
func benchPaths() []string {
	var ps []string
	for _, svc := range []string{"orders", "payments", "users", "billing"} {
		for _, dir := range []string{"cmd/" + svc, "internal/" + svc + "/store", "internal/" + svc + "/api/v1", "internal/" + svc + "/api/v1/testdata", "gen/" + svc + "/proto/v1"} {
			for _, f := range []string{"main.go", "handler.go", "handler_test.go", "store.pb.go", "mock_store.go", "config.yaml", "golden.json"} {
				ps = append(ps, fmt.Sprintf("services/%s/%s/%s", svc, dir, f))
			}
		}
	}
	for i := range 20 {
		ps = append(ps, fmt.Sprintf("docs/examples/ex%d/main.go", i), fmt.Sprintf("deploy/local/s%d.yaml", i), fmt.Sprintf("deploy/prod/eu-west-1/s%d.yaml", i))
	}
	return append(ps, "README.md", "go.mod", "third_party/x/y/z.go", "vendor/golang.org/x/tools/go/analysis/analysis.go")
}

// BenchmarkMatchAny matches every path of a repository against a
// configuration's globs, as Excluded and Skip do.
func BenchmarkMatchAny(b *testing.B) {
	ps := benchPaths()
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range ps {
			MatchAny(benchGlobs, p)
		}
	}
}

// TestGlobEdgeCases pins the glob semantics where doublestar alone would
// differ: each segment has path.Match syntax.
func TestGlobEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		glob, path string
		want       bool
	}{
		{"{a,b}", "a", false}, // braces are literal
		{"{a,b}", "x/{a,b}", true},
		{"*.{go", "a.{go", true},
		{"[!a]", "b", false}, // [!a] is a class of ! and a
		{"[!a]", "!", true},
		{"[^a]", "b", true},
		{"a*", "a", true}, // doublestar does not match "a" with "a*/**"
		{"vendor*", "vendor/x.go", true},
		{"a***", "a", true}, // a run of stars is one star
		{"a/**/**", "a", true},
		{"[^.]*.go", "x/.a.go", false},
		{"a?b", "a/b", false}, // nothing matches a slash
		{"a[^x]b", "a/b", false},
		{"[z-a]", "z", false}, // a reversed range matches nothing
		{"[z-ab]", "b", true},
		{"[^z-a]", "q", true},
		{"[a/b]", "a", false}, // a slash splits a glob, even in a class
		{"a\\/b", "a/b", false},
		{"a\\", "a", false}, // malformed
		{"[", "[", false},
		{"a//b", "a/b", false}, // an empty segment
		{"**", "", true},       // the empty path: the scan root
		{"*/**", "", true},
		{"*/*", "", false},
		{"a", "", false},
		{"./docs/", "docs/a.md", true},
		{"/docs/**", "x/docs/a.md", false},
	} {
		if got := MatchAny([]string{tc.glob}, tc.path); got != tc.want || refMatch(tc.glob, tc.path) != tc.want {
			t.Errorf("MatchAny(%q, %q) = %v, want %v", tc.glob, tc.path, got, tc.want)
		}
	}
}

// TestGlobAgainstReference compares Glob with a plain implementation of
// the documented semantics on random globs and paths of odd characters.
func TestGlobAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	globParts := []string{"a", "b", "é", "/", "*", "**", "?", "[", "]", "!", "^", "\\", "{", "}", ",", "-", ".", "/**/", "./", "[^", "[!", "\\*"}
	pathParts := []string{"a", "b", "é", "/", "!", "{", "}", ",", "-", ".", "*", "\\", "[", "]", "^"}
	n := 200000
	if testing.Short() {
		n = 20000
	}
	for range n {
		var g, p strings.Builder
		for range r.IntN(9) {
			g.WriteString(globParts[r.IntN(len(globParts))])
		}
		for range r.IntN(9) {
			p.WriteString(pathParts[r.IntN(len(pathParts))])
		}
		if got, want := MatchAny([]string{g.String()}, p.String()), refMatch(g.String(), p.String()); got != want {
			t.Errorf("MatchAny(%q, %q) = %v, reference %v", g.String(), p.String(), got, want)
		}
	}
}

// refMatch is the glob matching secretlint had before doublestar: one
// path.Match per segment.
func refMatch(g, p string) bool {
	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	g = strings.TrimPrefix(strings.TrimSuffix(g, "/"), "./")
	anchored := strings.HasPrefix(g, "/")
	gs := strings.Split(strings.TrimPrefix(g, "/"), "/")
	ps := strings.Split(p, "/")
	if anchored {
		return refParts(gs, ps)
	}
	for i := range ps {
		if refParts(gs, ps[i:]) {
			return true
		}
	}
	return false
}

func refParts(gs, ps []string) bool {
	if len(gs) == 0 {
		return true // a directory covers everything below it
	}
	if gs[0] == "**" {
		for i := 0; i <= len(ps); i++ {
			if refParts(gs[1:], ps[i:]) {
				return true
			}
		}
		return false
	}
	if len(ps) == 0 {
		return false
	}
	if ok, _ := path.Match(gs[0], ps[0]); !ok {
		return false
	}
	return refParts(gs[1:], ps[1:])
}
