package partial

import (
	"embed"
	"go/ast"
	"go/parser"
	"go/types"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// stubFS holds the stand-ins of the SDKs, drivers and loggers, one
// directory per import path, files named *.go.stub so that the go command
// does not build them.
//
//go:embed stubs
var stubFS embed.FS

// stubDirs maps import paths to their stand-ins' directories.
var stubDirs = func() map[string]string {
	m := map[string]string{}
	_ = fs.WalkDir(stubFS, "stubs", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go.stub") {
			dir := path.Dir(p)
			m[strings.TrimPrefix(dir, "stubs/")] = dir
		}
		return nil
	})
	return m
}()

// HasStandIn reports whether partial loading knows the package's API.
func HasStandIn(importPath string) bool {
	_, ok := stubDirs[importPath]
	return ok
}

// stub returns the type-checked stand-in of an import path, or nil.
func (l *loader) stub(p string) *types.Package {
	if sp, ok := l.stubs[p]; ok {
		return sp
	}
	dir, ok := stubDirs[p]
	if !ok {
		return nil
	}
	l.stubs[p] = nil // a cycle yields nil
	entries, _ := stubFS.ReadDir(dir)
	var files []*ast.File
	for _, e := range entries {
		src, err := stubFS.ReadFile(dir + "/" + e.Name())
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(l.fset, "$stub/"+p+"/"+strings.TrimSuffix(e.Name(), ".stub"), src, parser.SkipObjectResolution)
		if err == nil {
			files = append(files, f)
		}
	}
	conf := types.Config{
		Importer: importerFunc(func(ip string) (*types.Package, error) {
			if sp := l.stub(ip); sp != nil {
				return sp, nil
			}
			if sp := l.std[ip]; sp != nil {
				return sp, nil
			}
			return l.fake(ip), nil
		}),
		Error: func(error) {},
		Sizes: l.sizes,
	}
	sp, _ := conf.Check(p, l.fset, files, nil)
	l.stubs[p] = sp
	return sp
}

// loadStd loads, from export data and in one go, the standard library
// packages that the units and the stand-ins import.
func (l *loader) loadStd(units []*unit) {
	l.std = map[string]*types.Package{}
	want := map[string]bool{}
	add := func(f *ast.File) {
		for _, imp := range f.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil && isStd(p) && p != "C" && p != "unsafe" {
				want[p] = true
			}
		}
	}
	for _, u := range units {
		for _, f := range u.files {
			add(f)
		}
	}
	for _, dir := range stubDirs {
		entries, _ := stubFS.ReadDir(dir)
		for _, e := range entries {
			if src, err := stubFS.ReadFile(dir + "/" + e.Name()); err == nil {
				if f, err := parser.ParseFile(l.fset, e.Name(), src, parser.ImportsOnly); err == nil {
					add(f)
				}
			}
		}
	}
	// Vendored and sibling packages are parsed on demand; the common
	// packages they need are loaded here too.
	for _, p := range []string{"context", "errors", "fmt", "os", "strings", "time", "log", "database/sql", "net/http", "net/url", "encoding/json", "log/slog", "io", "sync"} {
		want[p] = true
	}
	var paths []string
	for p := range want {
		paths = append(paths, p)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes,
		Dir:  os.TempDir(),
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GO111MODULE=on"),
	}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		return
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil && len(p.Errors) == 0 {
			l.std[p.PkgPath] = p.Types
		}
	})
}
