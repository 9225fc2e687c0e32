package tfscan

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzScanModule feeds the fixtures, mutated, to the Terraform engine as
// one file of a module, native syntax or JSON: the HCL parser, the JSON
// configuration reader and the evaluator must never panic (a recovered
// panic shows as an "internal error" problem), and every finding must lie
// inside the text.
func FuzzScanModule(f *testing.F) {
	err := filepath.WalkDir(fixtureRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if IsTerraformName(path) {
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			f.Add(src, isJSONName(path))
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte("locals {\n  a = local.b\n  b = [local.a, local.a]\n}\n"), false)
	f.Add([]byte(`{"locals": {"db_password": "${local.x}"}}`), true)
	s := testSettings(f)
	f.Fuzz(func(t *testing.T, src []byte, asJSON bool) {
		dir := t.TempDir()
		name := "main.tf"
		if asJSON {
			name = "main.tf.json"
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o600); err != nil {
			t.Fatal(err)
		}
		sc := New(s)
		done := make(chan struct{})
		go func() {
			sc.ScanModule(dir)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("the scan of %d bytes ran for more than 10s", len(src))
		}
		fs, ps := sc.Finish()
		for _, p := range ps {
			if strings.HasPrefix(p.Message, "internal error") {
				t.Fatalf("panic: %s", p.Message)
			}
		}
		lines := bytes.Split(src, []byte("\n"))
		for _, fd := range fs {
			if fd.Line < 1 || fd.Line > len(lines) || fd.Column < 1 || fd.Column > len(lines[fd.Line-1])+1 {
				t.Fatalf("finding outside the text: %d:%d [%s]", fd.Line, fd.Column, fd.Rule)
			}
		}
	})
}
