package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/gcexportdata"
)

// writeVetConfig writes a vet configuration for one file of package
// example.com/a and returns its name and the vetx file it asks for.
func writeVetConfig(t *testing.T, src string, imports map[string]string, vetx map[string]string) (cfgFile, out string) {
	t.Helper()
	dir := t.TempDir()
	goFile := filepath.Join(dir, "a.go")
	if err := os.WriteFile(goFile, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(dir, "vet.out")
	js, err := json.Marshal(vetConfig{
		ImportPath: "example.com/a", GoVersion: "go1.22", GoFiles: []string{goFile},
		ImportMap: imports, PackageVetx: vetx, VetxOnly: true, VetxOutput: out,
	})
	if err != nil {
		t.Fatal(err)
	}
	cfgFile = filepath.Join(dir, "vet.cfg")
	if err := os.WriteFile(cfgFile, js, 0o644); err != nil {
		t.Fatal(err)
	}
	return cfgFile, out
}

// TestVetxTypesOnly: a dependency that cannot reach the stores gets a vetx
// file with its exported API and no facts; the API reads back.
func TestVetxTypesOnly(t *testing.T) {
	cfg, out := writeVetConfig(t, "package a\n\nfunc Port() int { x := 8080; return x }\n\ntype Conn struct{ Host string }\n", nil, nil)
	if !vetxTypesOnly(cfg) {
		t.Fatal("vetxTypesOnly declined a package without imports")
	}
	typ, facts, err := readVetx(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 0 {
		t.Errorf("facts section of %d bytes, want none", len(facts))
	}
	pkg, err := gcexportdata.Read(bytes.NewReader(append([]byte("i"), typ...)), token.NewFileSet(), map[string]*types.Package{}, "example.com/a")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Port", "Conn"} {
		if pkg.Scope().Lookup(name) == nil {
			t.Errorf("export data lacks %s; scope: %v", name, pkg.Scope().Names())
		}
	}
}

// TestVetxTypesOnlyDeclines: packages that may have facts are left to
// unitchecker: one importing a store SDK or a database package, one
// importing a package whose vetx file holds facts, and ill-typed code.
func TestVetxTypesOnlyDeclines(t *testing.T) {
	for _, path := range []string{"github.com/aws/aws-sdk-go-v2/service/ssm", "database/sql"} {
		cfg, _ := writeVetConfig(t, "package a\n", map[string]string{path: path}, nil)
		if vetxTypesOnly(cfg) {
			t.Errorf("importing %s: took the types-only path", path)
		}
	}
	dep := filepath.Join(t.TempDir(), "dep.vetx")
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	var lens [8]byte
	binary.LittleEndian.PutUint32(lens[4:], 3)
	buf.Write(lens[:])
	buf.WriteString("fct")
	if err := os.WriteFile(dep, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, _ := writeVetConfig(t, "package a\n", map[string]string{"example.com/b": "example.com/b"}, map[string]string{"example.com/b": dep})
	if vetxTypesOnly(cfg) {
		t.Error("a dependency with facts: took the types-only path")
	}
	cfg, _ = writeVetConfig(t, "package a\n\nvar x int = \"s\"\n", nil, nil)
	if vetxTypesOnly(cfg) {
		t.Error("ill-typed package: took the types-only path")
	}
}

// TestVetFactsAcrossPackages runs go vet -vettool on ./store of the module
// that uses the real AWS SDKs: the reads through the helper package
// store/paramstore are reported, facts crossing the vetx files of the
// dependencies (most of them written by the types-only path). An
// end-to-end test (SECRETLINT_E2E=1): a new binary makes go vet analyse
// every dependency.
func TestVetFactsAcrossPackages(t *testing.T) {
	needE2E(t)
	bin := secretlintBinary(t)
	cmd := exec.Command("go", "vet", "-vettool="+bin, "./store")
	cmd.Dir = filepath.Join("..", "..", "testdata", "sdkmod")
	out, _ := cmd.CombinedOutput()
	for _, want := range []string{
		"store/store.go:72:14: DB password read from Parameter Store",
		"store/store.go:80:2: DB password read from Parameter Store",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("go vet output lacks %q:\n%s", want, out)
		}
	}
}
