// Package partial loads Go packages that the go command cannot load (no
// go.mod, a broken go.mod or go.work, dependencies that cannot be
// downloaded, files excluded by build constraints, cgo) with partial type
// information, so that the analyzers still see every file.
//
// Every .go file of a directory is parsed, build constraints ignored, and
// type-checked with an importer that never fails: the standard library
// comes from export data, the AWS SDKs, the common database drivers and
// loggers from small embedded stand-ins declared under their real import
// paths (so the store checks recognise them by type as usual), packages
// of the tree from source (by module path, vendor directory or the
// longest trailing part of the import path that names a directory above
// the importing one), and every other package is an empty package of the right path. Type
// errors are kept, not reported: the analyzers run despite them.
package partial

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Options says what to load.
type Options struct {
	// Dirs are the directories whose packages are analysed.
	Dirs []string
	// Tests includes the _test.go files.
	Tests bool
	// Module is the module path of the directory of the run when known,
	// to resolve its import paths.
	Module string
	// Root is the directory Module is rooted at.
	Root string
}

// Package is a package loaded with partial types.
type Package struct {
	*packages.Package
	// Missing are the imports that were neither in the tree, nor the
	// standard library, nor a stand-in.
	Missing []string
}

// unit is a package of a directory: its files of one package name.
type unit struct {
	dir, name, path string
	files           []*ast.File
	names           []string
	state           int // 0 new, 1 being checked, 2 checked
	pkg             *types.Package
	info            *types.Info
	imports         map[string]*packages.Package
	missing         []string
	errs            []types.Error
	lp              *packages.Package
}

type loader struct {
	o      Options
	fset   *token.FileSet
	sizes  types.Sizes
	std    map[string]*types.Package
	stubs  map[string]*types.Package
	fakes  map[string]*types.Package
	byDir  map[string][]*unit
	parsed map[string]bool
}

// Load parses and type-checks the packages of o.Dirs.
func Load(o Options) []*Package {
	l := &loader{
		o:      o,
		fset:   token.NewFileSet(),
		sizes:  types.SizesFor("gc", "amd64"),
		stubs:  map[string]*types.Package{},
		fakes:  map[string]*types.Package{},
		byDir:  map[string][]*unit{},
		parsed: map[string]bool{},
	}
	var roots []*unit
	for _, d := range o.Dirs {
		roots = append(roots, l.parseDir(d)...)
	}
	l.loadStd(roots)
	var out []*Package
	for _, u := range roots {
		l.check(u)
		out = append(out, &Package{Package: u.lp, Missing: u.missing})
	}
	return out
}

// parseDir parses the .go files of a directory, grouped by package name
// (an external test package apart).
func (l *loader) parseDir(dir string) []*unit {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs // one key, and one package, per directory
	}
	if l.parsed[dir] {
		return l.byDir[dir]
	}
	l.parsed[dir] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	byName := map[string]*unit{}
	var units []*unit
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") {
			continue
		}
		if !l.o.Tests && strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(l.fset, filepath.Join(dir, n), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil && f == nil {
			continue
		}
		name := f.Name.Name
		u := byName[name]
		if u == nil {
			u = &unit{dir: dir, name: name, path: l.importPath(dir, name)}
			byName[name] = u
			units = append(units, u)
		}
		u.files = append(u.files, f)
		u.names = append(u.names, filepath.Join(dir, n))
	}
	l.byDir[dir] = units
	return units
}

// importPath makes up the import path of a directory's package.
func (l *loader) importPath(dir, name string) string {
	p := filepath.ToSlash(dir)
	if l.o.Module != "" {
		if rel, err := filepath.Rel(l.o.Root, dir); err == nil && !strings.HasPrefix(rel, "..") {
			p = path.Join(l.o.Module, filepath.ToSlash(rel))
		}
	} else if abs, err := filepath.Abs(dir); err == nil {
		p = filepath.ToSlash(abs)
	}
	if strings.HasSuffix(name, "_test") {
		p += "_test"
	}
	return p
}

// check type-checks a unit and the units it imports.
func (l *loader) check(u *unit) {
	if u.state != 0 {
		return
	}
	u.state = 1
	u.imports = map[string]*packages.Package{}
	u.info = &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	conf := types.Config{
		Importer: importerFunc(func(p string) (*types.Package, error) { return l.importFor(u, p), nil }),
		Error: func(err error) {
			var te types.Error
			if errors.As(err, &te) {
				u.errs = append(u.errs, te)
			}
		},
		FakeImportC: true,
		Sizes:       l.sizes,
	}
	u.pkg, _ = conf.Check(u.path, l.fset, u.files, u.info)
	u.state = 2
	u.lp = &packages.Package{
		ID:              u.path,
		Name:            u.name,
		PkgPath:         u.path,
		GoFiles:         u.names,
		CompiledGoFiles: u.names,
		Fset:            l.fset,
		Syntax:          u.files,
		Types:           u.pkg,
		TypesInfo:       u.info,
		TypesSizes:      l.sizes,
		Imports:         u.imports,
		TypeErrors:      u.errs,
		IllTyped:        true,
	}
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(p string) (*types.Package, error) { return f(p) }

// importFor resolves an import of unit u; it never fails.
func (l *loader) importFor(u *unit, p string) *types.Package {
	if p == "unsafe" {
		return types.Unsafe
	}
	if sp := l.stub(p); sp != nil {
		return sp
	}
	if dep := l.local(u, p); dep != nil {
		l.check(dep)
		if dep.state == 2 && dep.pkg != nil {
			u.imports[p] = dep.lp
			return dep.pkg
		}
	}
	if sp := l.std[p]; sp != nil {
		return sp
	}
	if !isStd(p) && !slices.Contains(u.missing, p) {
		u.missing = append(u.missing, p)
	}
	return l.fake(p)
}

// local finds the package of the tree an import path names: under the
// module path, in a vendor directory, or by the longest trailing part of
// the path that names a directory above the importing one.
func (l *loader) local(from *unit, p string) *unit {
	if strings.HasSuffix(from.name, "_test") && p == strings.TrimSuffix(from.path, "_test") {
		return l.pick(from.dir, p)
	}
	if l.o.Module != "" {
		if rest, ok := strings.CutPrefix(p, l.o.Module); ok && (rest == "" || rest[0] == '/') {
			return l.pick(filepath.Join(l.o.Root, filepath.FromSlash(rest)), p)
		}
	}
	for d := from.dir; ; d = filepath.Dir(d) {
		if v := filepath.Join(d, "vendor", filepath.FromSlash(p)); isDir(v) {
			return l.pick(v, p)
		}
		if filepath.Dir(d) == d || d == "." {
			break
		}
	}
	return l.bySuffix(from.dir, p)
}

// bySuffix finds the directory of an import path in a GOPATH-era tree:
// the longest trailing part of the path that names a directory of Go
// files under the importing directory or one of its parents, the nearest
// parent first.
func (l *loader) bySuffix(from, p string) *unit {
	abs, err := filepath.Abs(from)
	if err != nil {
		return nil
	}
	elems := strings.Split(p, "/")
	for i := range elems {
		suffix := filepath.FromSlash(strings.Join(elems[i:], "/"))
		for d, n := abs, 0; n < 8; d, n = filepath.Dir(d), n+1 {
			if cand := filepath.Join(d, suffix); cand != abs && HasGoFiles(cand) {
				return l.pick(cand, p)
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return nil
}

// HasGoFiles reports whether a directory holds .go files.
func HasGoFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
			return true
		}
	}
	return false
}

// pick returns the non-test package of a directory.
func (l *loader) pick(dir, p string) *unit {
	var best *unit
	for _, u := range l.parseDir(dir) {
		if strings.HasSuffix(u.name, "_test") {
			continue
		}
		if best == nil || u.name == path.Base(p) || best.name == "main" {
			best = u
		}
	}
	return best
}

// fake returns an empty, complete package for an import path.
func (l *loader) fake(p string) *types.Package {
	if fp := l.fakes[p]; fp != nil {
		return fp
	}
	fp := types.NewPackage(p, guessName(p))
	fp.MarkComplete()
	l.fakes[p] = fp
	return fp
}

// guessName guesses a package's name from its import path: the last
// element without a major version, a go- prefix or a .go or -go suffix.
func guessName(p string) string {
	elems := strings.Split(p, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = elems[len(elems)-2]
	}
	name = strings.TrimPrefix(name, "go-")
	name = strings.TrimSuffix(strings.TrimSuffix(name, ".go"), "-go")
	name = strings.Map(func(r rune) rune {
		if r == '-' || r == '.' {
			return '_'
		}
		return r
	}, name)
	return name
}

func isStd(p string) bool {
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
