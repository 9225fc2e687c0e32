package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var built struct {
	once sync.Once
	bin  string
	err  error
	out  []byte
}

// secretlintBinary builds the command once for the tests that run it as a
// separate process.
func secretlintBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the command")
	}
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "secretlint-bin")
		if err != nil {
			built.err = err
			return
		}
		built.bin = filepath.Join(dir, "secretlint")
		built.out, built.err = exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.bin
}

// TestVetConfigTakesEffect runs go vet -vettool twice around a change of
// .secretlint.yaml: the go command caches vet results under the tool's
// -V=full identity, which must change with the configuration. Messages end
// with the rule ID, and -secretlint.enable / -secretlint.disable work.
func TestVetConfigTakesEffect(t *testing.T) {
	bin := secretlintBinary(t)
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/vetcfg\n\ngo 1.22\n")
	write("db.go", "package vetcfg\n\nconst replicaPassword = \"Vq7rT2xLm9wPz4\"\n\nvar _ = replicaPassword\n")
	vet := func(flags ...string) string {
		t.Helper()
		cmd := exec.Command("go", append(append([]string{"vet", "-vettool=" + bin}, flags...), "./...")...)
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	const finding = "db.go:3:25: hard-coded password in const replicaPassword [hardcoded-credential]"

	write(".secretlint.yaml", "disable: [hardcoded-credential]\n")
	if out := vet(); strings.Contains(out, "replicaPassword") {
		t.Fatalf("disabled rule reported:\n%s", out)
	}
	write(".secretlint.yaml", "tests: include\n")
	if out := vet(); !strings.Contains(out, finding) {
		t.Fatalf("after removing the disable, go vet output lacks %q (cached result?):\n%s", finding, out)
	}
	os.Remove(filepath.Join(dir, ".secretlint.yaml"))
	write(".secretlint.yaml", "disable: [hardcoded-credential]\n")
	if out := vet(); strings.Contains(out, "replicaPassword") {
		t.Fatalf("after adding the disable again, the finding stays (cached result?):\n%s", out)
	}
	if out := vet("-secretlint.enable=hardcoded-credential"); !strings.Contains(out, finding) {
		t.Errorf("-secretlint.enable did not switch the rule on:\n%s", out)
	}
	write(".secretlint.yaml", "tests: include\n")
	if out := vet("-secretlint.disable=hardcoded-credential"); strings.Contains(out, "replicaPassword") {
		t.Errorf("-secretlint.disable did not switch the rule off:\n%s", out)
	}
	if out := vet("-secretlint.disable=no-such-rule"); !strings.Contains(out, "no-such-rule") {
		t.Errorf("an unknown rule ID under vet is not reported:\n%s", out)
	}
	if out := vet("-secretlint.disabel=x"); !strings.Contains(out, "secretlint help") {
		t.Errorf("a bad vet flag does not point to help:\n%s", out)
	}
	// The help vet points to lists the vet flags.
	out, _ := exec.Command(bin, "help").CombinedOutput()
	for _, f := range []string{"-secretlint.enable", "-secretlint.disable", "-secretlint.config", "-secretlint.tests", "-secretlint.lang"} {
		if !strings.Contains(string(out), f) {
			t.Errorf("secretlint help does not list %s", f)
		}
	}
}
