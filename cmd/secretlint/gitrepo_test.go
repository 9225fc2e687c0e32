package main

import (
	"os/exec"
	"testing"
)

// gitRepo returns an empty directory for a git repository and a function
// that runs git in it with a fixed identity, failing the test on error.
// The test is skipped when git is not installed.
func gitRepo(t *testing.T) (dir string, gitIn func(args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir = t.TempDir()
	return dir, func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}
