package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestProfiles: -cpuprofile and -memprofile write gzip-compressed pprof
// profiles at the end of the run.
func TestProfiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.yaml"), []byte("name: app\nreplicas: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-no-go", "-cpuprofile", cpu, "-memprofile", mem, dir}, &stdout, &stderr); code != exitClean {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr.String())
	}
	for _, f := range []string{cpu, mem} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, []byte{0x1f, 0x8b}) {
			t.Errorf("%s is not a gzip-compressed profile", filepath.Base(f))
		}
	}
}
