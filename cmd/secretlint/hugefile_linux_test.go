//go:build linux

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestHugeFlowMappingMemory runs the command on a one-line YAML flow
// mapping of 16 MB (about 1.8 million nodes; yaml.v3 alone would take
// more than half a gigabyte for its tree) with max_file_size raised to
// take it, next to a small file with a finding. The peak resident memory
// of the run stays under 256 MiB, the large file gets a positioned
// problem, and the small file's finding is reported.
func TestHugeFlowMappingMemory(t *testing.T) {
	bin := secretlintBinary(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".secretlint.yaml"), "max_file_size: 64MiB\n")
	writeFile(t, filepath.Join(dir, "app.yaml"), "db:\n  password: Vq7rT2xLm9\n")
	f, err := os.Create(filepath.Join(dir, "huge.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n, _ := w.WriteString("{")
	for i := 0; n < 16<<20; i++ {
		m, _ := fmt.Fprintf(w, "key%d: value%d, ", i, i)
		n += m
	}
	w.WriteString("}\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	cmd := exec.Command(bin, "-no-go", "-format", "json", ".")
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != exitFindings {
		t.Fatalf("exit %d (%v)\n%s", code, err, stderr.String())
	}
	maxRSS := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
	t.Logf("peak RSS %d MiB", maxRSS>>20)
	if maxRSS > 256<<20 {
		t.Errorf("peak RSS %d MiB, want at most 256 MiB", maxRSS>>20)
	}
	r := decode(t, stdout.String())
	if len(r.Findings) != 1 || r.Findings[0].File != "app.yaml" {
		t.Errorf("findings %+v, want the one of app.yaml", r.Findings)
	}
	if !strings.Contains(stderr.String(), "huge.yaml:1:1: YAML document of about") {
		t.Errorf("no positioned problem for huge.yaml:\n%s", stderr.String())
	}
}
