package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"go/ast"
	gobuild "go/build"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/gcexportdata"

	"github.com/awsguard/secretlint/internal/storeflow"
)

// Dependencies under go vet. The go command runs a vet tool on every
// dependency of the packages vetted, the standard library included, for
// the facts the tool's analyzers export (VetxOnly), and expects a vetx
// file back: the package's types in indexed export data, then its facts.
// unitchecker parses and type-checks each of them in full and runs the
// analyzers. For a package that imports no store SDK, no database package
// and no package with facts, storeflow returns at once and no fact
// exists, so vetxTypesOnly writes the same file for a fraction of the
// work: the package parsed without comments and type-checked without
// function bodies, which the export data does not hold, and no facts.
// Anything it does not expect (an error, a package with facts or that may
// reach the stores) is left to unitchecker.

// vetConfig is the part of the go command's vet configuration
// (unitchecker.Config) the types-only path reads.
type vetConfig struct {
	ImportPath  string
	GoVersion   string
	GoFiles     []string
	ImportMap   map[string]string // import path to package path
	PackageVetx map[string]string // package path to vetx file
	VetxOnly    bool
	VetxOutput  string
}

// vetxMagic starts a vetx file, followed by the lengths of the types and
// of the facts (little-endian uint32 each), then the two sections.
const vetxMagic = "vetx"

// vetxTypesOnly writes the vetx file of a dependency that cannot have
// facts, and reports whether it did; on false the caller runs
// unitchecker.
func vetxTypesOnly(cfgFile string) bool {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false
	}
	var cfg vetConfig
	if json.Unmarshal(data, &cfg) != nil || !cfg.VetxOnly || cfg.VetxOutput == "" || len(cfg.GoFiles) == 0 {
		return false
	}
	if storeflow.MayAnalyse(slices.Collect(maps.Values(cfg.ImportMap))) {
		return false
	}
	deps := make(map[string][]byte, len(cfg.PackageVetx))
	for path, file := range cfg.PackageVetx {
		typ, facts, err := readVetx(file)
		if err != nil || len(facts) > 0 {
			return false
		}
		deps[path] = typ
	}
	out, err := typesOnly(&cfg, deps)
	if err != nil {
		return false
	}
	return os.WriteFile(cfg.VetxOutput, out, 0o666) == nil
}

// readVetx returns the types and facts sections of a vetx file.
func readVetx(name string) (typ, facts []byte, err error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, err
	}
	if len(data) < 12 || string(data[:4]) != vetxMagic {
		return nil, nil, errors.New("not a vetx file")
	}
	nt := uint64(binary.LittleEndian.Uint32(data[4:8]))
	nf := uint64(binary.LittleEndian.Uint32(data[8:12]))
	if 12+nt+nf > uint64(len(data)) {
		return nil, nil, errors.New("truncated vetx file")
	}
	return data[12 : 12+nt], data[12+nt : 12+nt+nf], nil
}

// typesOnly type-checks the package's API and returns its vetx file with
// no facts.
func typesOnly(cfg *vetConfig, deps map[string][]byte) ([]byte, error) {
	fset := token.NewFileSet()
	files := make([]*ast.File, 0, len(cfg.GoFiles))
	for _, name := range cfg.GoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	imports := map[string]*types.Package{}
	tc := &types.Config{
		Importer: importerFunc(func(importPath string) (*types.Package, error) {
			path, ok := cfg.ImportMap[importPath]
			if !ok {
				return nil, errors.New("cannot resolve import " + importPath)
			}
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if p, ok := imports[path]; ok && p.Complete() {
				return p, nil
			}
			typ, ok := deps[path]
			if !ok {
				return nil, errors.New("no vetx file for " + path)
			}
			return gcexportdata.Read(io.MultiReader(strings.NewReader("i"), bytes.NewReader(typ)), fset, imports, path)
		}),
		Sizes:            types.SizesFor("gc", gobuild.Default.GOARCH),
		GoVersion:        cfg.GoVersion,
		IgnoreFuncBodies: true,
	}
	pkg, err := tc.Check(cfg.ImportPath, fset, files, nil)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	buf.Write(make([]byte, 8))
	// gcexportdata.Write writes "i", then what unitchecker stores.
	if err := gcexportdata.Write(&buf, fset, pkg); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	out = append(out[:12], out[13:]...)
	binary.LittleEndian.PutUint32(out[4:8], uint32(len(out)-12))
	return out, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
