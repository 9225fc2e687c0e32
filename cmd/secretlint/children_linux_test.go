package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalEndsChildren starts the built command with a fake `go` or
// `git` on PATH that records its pid, starts a `sleep` that ignores
// SIGINT (as a shell's background job does) and waits. SIGTERM or SIGINT
// to the command must end the fake tool and its sleep, and the command
// exits with 128 plus the signal.
func TestSignalEndsChildren(t *testing.T) {
	bin := secretlintBinary(t)
	for _, tc := range []struct {
		name, tool string
		args       []string
		sig        syscall.Signal
	}{
		{"go list/SIGTERM", "go", []string{"-no-yaml", "-no-terraform", "./..."}, syscall.SIGTERM},
		{"go list/SIGINT", "go", []string{"-no-yaml", "-no-terraform", "./..."}, syscall.SIGINT},
		{"git/SIGTERM", "git", []string{"-no-go", "-new-from-rev", "HEAD", "."}, syscall.SIGTERM},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			fake := filepath.Join(dir, "bin")
			pids := filepath.Join(dir, "pids")
			writeFile(t, filepath.Join(fake, tc.tool), "#!/bin/sh\necho $$ >>"+pids+"\nsleep 300 &\necho $! >>"+pids+"\nwait\n")
			if err := os.Chmod(filepath.Join(fake, tc.tool), 0o755); err != nil {
				t.Fatal(err)
			}
			mod := filepath.Join(dir, "mod")
			writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/m\n\ngo 1.22\n")
			writeFile(t, filepath.Join(mod, "a.go"), "package m\n")
			cmd := exec.Command(bin, tc.args...)
			cmd.Dir = mod
			cmd.Env = append(os.Environ(), "PATH="+fake+":/usr/bin:/bin")
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			var recorded []int
			for deadline := time.Now().Add(20 * time.Second); len(recorded) < 2; time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					_ = cmd.Process.Kill()
					_ = cmd.Wait()
					t.Fatalf("the fake %s never ran (pids %v)", tc.tool, recorded)
				}
				data, _ := os.ReadFile(pids)
				recorded = recorded[:0]
				for _, f := range strings.Fields(string(data)) {
					if n, err := strconv.Atoi(f); err == nil {
						recorded = append(recorded, n)
					}
				}
			}
			t.Cleanup(func() {
				for _, pid := range recorded {
					_ = syscall.Kill(pid, syscall.SIGKILL)
				}
			})
			time.Sleep(100 * time.Millisecond) // the sleep's pid is written after it started
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			go func() {
				_ = cmd.Wait() // a non-zero exit is expected: checked below
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(15 * time.Second):
				_ = cmd.Process.Kill()
				<-done
				t.Fatal("the command did not end on the signal")
			}
			if code := cmd.ProcessState.ExitCode(); code != 128+int(tc.sig) {
				t.Errorf("exit %d, want %d", code, 128+int(tc.sig))
			}
			// Give orphans a moment: a process that was to end has.
			time.Sleep(200 * time.Millisecond)
			for _, pid := range recorded {
				if alive(pid) {
					t.Errorf("pid %d outlived the run", pid)
				}
			}
		})
	}
}
