package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Synthetic secrets of the fixture module.
const (
	cacheSecretA    = "mf1g3mEOXJSGkyQG"
	cacheSecretC    = "qa3igk1gIGBMoHAF"
	cacheSecretTest = "WielL3pvzz3oMO90"
	cacheSecretWin  = "M3U2bAg2zdStKYfu"
)

// cacheModule writes a module of four package directories: a holds a
// credential, b imports a, c has a test file and a file left to partial
// types by its build constraint, d is clean.
func cacheModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":       "module example.com/cachemod\n\ngo 1.26.0\n",
		"a/a.go":       "package a\n\nconst dbPassword = \"" + cacheSecretA + "\"\n\n// Name is used by b.\nconst Name = \"a\"\n",
		"b/b.go":       "package b\n\nimport \"example.com/cachemod/a\"\n\n// Name is a's.\nconst Name = a.Name\n",
		"c/c.go":       "package c\n\nvar apiToken = \"" + cacheSecretC + "\"\n",
		"c/c_test.go":  "package c\n\nimport \"testing\"\n\nfunc TestC(t *testing.T) { _ = \"" + cacheSecretTest + "\"; dbPassword := \"" + cacheSecretTest + "\"; _ = dbPassword }\n",
		"c/c_plan9.go": "//go:build plan9\n\npackage c\n\nconst dbPassword = \"" + cacheSecretWin + "\"\n",
		"d/d.go":       "package d\n\n// D is clean.\nfunc D() string { return \"d\" }\n",
		"d/d_test.go":  "package d_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/cachemod/d\"\n)\n\nfunc TestD(t *testing.T) { _ = d.D() }\n",
	} {
		writeFixture(t, filepath.Join(dir, name), src)
	}
	return dir
}

func writeFixture(t *testing.T, name, src string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// cachedRun runs the command with the cache in cache, and the same
// command with -no-cache, and fails unless both print the same.
func cachedRun(t *testing.T, dir, cache string, args ...string) string {
	t.Helper()
	t.Setenv(cacheEnv, cache)
	code, out, stderr := runIn(t, dir, args...)
	hits, analysed := goCacheStats.hits, goCacheStats.analysed
	refCode, ref, refErr := runIn(t, dir, append([]string{"-no-cache"}, args...)...)
	if code != refCode || out != ref || stderr != refErr {
		t.Fatalf("cached run differs from -no-cache:\nexit %d, want %d\n--- cached\n%s%s\n--- -no-cache\n%s%s", code, refCode, out, stderr, ref, refErr)
	}
	goCacheStats.hits, goCacheStats.analysed = hits, analysed
	return out
}

func wantStats(t *testing.T, hits, analysed int) {
	t.Helper()
	if goCacheStats.hits != hits || goCacheStats.analysed != analysed {
		t.Errorf("%d directories from the cache and %d analysed, want %d and %d", goCacheStats.hits, goCacheStats.analysed, hits, analysed)
	}
}

// TestGoCache: a repeated run takes every directory from the cache and
// prints what a run without it prints; a change of a file, of a package
// it imports or of the configuration is seen; the entries hold no secret.
func TestGoCache(t *testing.T) {
	dir, cache := cacheModule(t), t.TempDir()
	args := []string{"-format", "json", "-no-yaml", "./..."}

	first := cachedRun(t, dir, cache, args...)
	wantStats(t, 0, 4)
	r := decode(t, first)
	if len(r.Findings) != 4 || len(r.Problems) != 1 {
		t.Fatalf("fixture: want 4 findings (a, c, c's test, c's plan9 file) and the note on c, got %+v", r)
	}
	t.Setenv(cacheEnv, cache)
	if _, again, _ := runIn(t, dir, args...); again != first {
		t.Errorf("second run differs:\n%s\nfirst:\n%s", again, first)
	}
	wantStats(t, 4, 0)

	// One file of a: a, b (which imports it) and c (whose left-out file
	// may read any package of the module) are analysed again.
	writeFixture(t, filepath.Join(dir, "a", "a.go"), "package a\n\n// Name is used by b.\nconst Name = \"a\"\n")
	out := cachedRun(t, dir, cache, args...)
	wantStats(t, 1, 3)
	if n := len(decode(t, out).Findings); n != 3 {
		t.Errorf("after the credential left a: %d findings, want 3", n)
	}

	// The file left out by its build constraint.
	writeFixture(t, filepath.Join(dir, "c", "c_plan9.go"), "//go:build plan9\n\npackage c\n")
	out = cachedRun(t, dir, cache, args...)
	wantStats(t, 3, 1)
	if n := len(decode(t, out).Findings); n != 2 {
		t.Errorf("after the credential left c_plan9.go: %d findings, want 2", n)
	}

	// The configuration, and a flag that changes findings.
	writeFixture(t, filepath.Join(dir, ".secretlint.yaml"), "tests: exclude\n")
	out = cachedRun(t, dir, cache, args...)
	wantStats(t, 0, 4)
	if n := len(decode(t, out).Findings); n != 1 {
		t.Errorf("with tests excluded: %d findings, want 1", n)
	}
	cachedRun(t, dir, cache, append([]string{"-lang", "ja"}, "-no-yaml", "./...")...)
	wantStats(t, 0, 4)

	err := filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(p)
		for _, s := range []string{cacheSecretA, cacheSecretC, cacheSecretTest, cacheSecretWin} {
			if strings.Contains(string(src), s) {
				t.Errorf("%s holds a secret", p)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestGoCacheOff: -no-cache and SECRETLINT_CACHE=off neither read nor
// write it; secretlint cache clean empties it.
func TestGoCacheOff(t *testing.T) {
	dir, cache := cacheModule(t), filepath.Join(t.TempDir(), "c")
	t.Setenv(cacheEnv, cache)
	if code, _, stderr := runIn(t, dir, "-no-cache", "-no-yaml", "./..."); code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(cache); !os.IsNotExist(err) {
		t.Errorf("-no-cache made %s (%v)", cache, err)
	}
	t.Setenv(cacheEnv, "off")
	runIn(t, dir, "-no-yaml", "./...")
	var out strings.Builder
	if code := run([]string{"cache", "dir"}, &out, &out); code != exitClean || out.String() != "off\n" {
		t.Errorf("cache dir: exit %d, %q", code, out.String())
	}
	t.Setenv(cacheEnv, cache)
	runIn(t, dir, "-no-yaml", "./...")
	if _, err := os.Stat(filepath.Join(cache, "go")); err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	if code := run([]string{"cache", "clean"}, &out, &out); code != exitClean {
		t.Fatalf("cache clean: exit %d: %s", code, out.String())
	}
	if _, err := os.Stat(cache); !os.IsNotExist(err) {
		t.Errorf("cache clean left %s (%v)", cache, err)
	}
}

// TestGoCacheFacts: in the real-SDK module, a helper package that stops
// reading Parameter Store changes the findings of the package calling it,
// though the caller's files did not change.
func TestGoCacheFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the real AWS SDKs")
	}
	dir, cache := t.TempDir(), t.TempDir()
	copyTree(t, filepath.Join("..", "..", "testdata", "sdkmod"), dir)
	args := []string{"-format", "json", "-no-yaml", "./store/..."}
	const site = "store/store.go:72 db-credential-in-parameter-store"
	if got := findingKeys(t, cachedRun(t, dir, cache, args...)); !got[site] {
		t.Fatalf("fixture: no %s in %v", site, got)
	}
	helper := filepath.Join(dir, "store", "paramstore", "paramstore.go")
	src, err := os.ReadFile(helper)
	if err != nil {
		t.Fatal(err)
	}
	read := `c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/orders/prd/conn"), WithDecryption: aws.Bool(true)})`
	if !strings.Contains(string(src), read) {
		t.Fatal("fixture: the helper's read changed")
	}
	writeFixture(t, helper, strings.Replace(string(src), read, `c.GetParameter(ctx, nil); _ = "/orders/prd/conn"`, 1))
	got := findingKeys(t, cachedRun(t, dir, cache, args...))
	wantStats(t, 0, 2)
	if got[site] {
		t.Errorf("%s still reported after the helper stopped reading Parameter Store", site)
	}
}
