package atomicfile_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/awsguard/secretlint/internal/atomicfile"
)

func TestFailedWriteKeepsOldFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(name, []byte(`{"version":1}`), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := atomicfile.Write(name, 0o644, func(w io.Writer) error {
		_, _ = io.WriteString(w, `{"vers`)
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if data, _ := os.ReadFile(name); string(data) != `{"version":1}` {
		t.Errorf("old file changed to %q", data)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(name), ".*.tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestWriteKeepsMode(t *testing.T) {
	name := filepath.Join(t.TempDir(), "out.sarif")
	if err := os.WriteFile(name, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.Write(name, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(name)
	data, _ := os.ReadFile(name)
	if string(data) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("content %q mode %v, want new 0600", data, st.Mode().Perm())
	}
	fresh := filepath.Join(filepath.Dir(name), "fresh.json")
	if err := atomicfile.Write(fresh, 0o644, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(fresh); st.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v, want 0644", st.Mode().Perm())
	}
}

// Concurrent writers always leave one complete output.
func TestConcurrentWriters(t *testing.T) {
	name := filepath.Join(t.TempDir(), "baseline.json")
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			body := strings.Repeat(string(rune('a'+i)), 64<<10)
			if err := atomicfile.Write(name, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, body); return err }); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	data, _ := os.ReadFile(name)
	if len(data) != 64<<10 || strings.Count(string(data), string(data[:1])) != len(data) {
		t.Errorf("file mixes writers or is partial: %d bytes", len(data))
	}
}
