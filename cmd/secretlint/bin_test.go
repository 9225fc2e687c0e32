package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// shared is a directory that lives as long as the test binary: the tests
// that run secretlint as a separate program share one build of it.
var shared string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "secretlint-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	shared = dir
	// The findings cache of the runs under test lives and dies with them.
	os.Setenv(cacheEnv, filepath.Join(dir, "cache"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var build struct {
	once   sync.Once
	gopath string
	err    error
}

// builtGOPATH builds the command from this tree once per test binary, as
// `go install` would into a fresh GOPATH, and returns that GOPATH: the
// binary is $GOPATH/bin/secretlint.
func builtGOPATH(t *testing.T) string {
	t.Helper()
	build.once.Do(func() {
		gopath := filepath.Join(shared, "gopath")
		out, err := exec.Command("go", "build", "-o", filepath.Join(gopath, "bin", "secretlint"), ".").CombinedOutput()
		if err != nil {
			build.err = fmt.Errorf("go build: %w\n%s", err, out)
			return
		}
		build.gopath = gopath
	})
	if build.err != nil {
		t.Fatal(build.err)
	}
	return build.gopath
}

// builtBinary returns the path of the command built by builtGOPATH.
func builtBinary(t *testing.T) string {
	t.Helper()
	return filepath.Join(builtGOPATH(t), "bin", "secretlint")
}

var modCache struct {
	once sync.Once
	dir  string
	err  error
}

// goModCache returns the module cache of the go command that runs the
// tests, so that a run under another GOPATH finds the modules already
// downloaded instead of fetching them again.
func goModCache(t *testing.T) string {
	t.Helper()
	modCache.once.Do(func() {
		out, err := exec.Command("go", "env", "GOMODCACHE").Output()
		modCache.dir, modCache.err = strings.TrimSpace(string(out)), err
	})
	if modCache.err != nil || modCache.dir == "" {
		t.Fatalf("go env GOMODCACHE: %q, %v", modCache.dir, modCache.err)
	}
	return modCache.dir
}

// needE2E skips an end-to-end test unless SECRETLINT_E2E is set: CI runs
// those in a step of their own (see .ci/run).
func needE2E(t *testing.T) {
	t.Helper()
	if os.Getenv("SECRETLINT_E2E") == "" {
		t.Skip("end-to-end test: run with SECRETLINT_E2E=1")
	}
}
