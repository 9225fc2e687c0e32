package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/parser"
	"go/token"
	"hash"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/awsguard/secretlint/analyzer"
	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/finding"
)

// The Go side of the findings cache (see cache.go). Its unit is a package
// directory of the main module: the package, its test variant and its
// external test package, whose findings are in that directory's files.
// A unit's key is a hash of
//   - the executable (toolID), the go command's version and environment
//     (GOOS, GOARCH, GOFLAGS with its build tags, GOEXPERIMENT, …), go.mod
//     and go.work, the working directory, and the configuration as
//     analyzer.ConfigHash sees it (file content, -lang, -tests, -enable,
//     -disable, locale);
//   - the content of the unit's files: Go (tests included when tests are
//     analysed), other files (cgo sources), embedded files, files left out
//     by build constraints;
//   - every package the unit imports, directly or not: the module version
//     of those from the module cache, the content of the others (this
//     module, local replacements), so that a helper package that comes to
//     read Parameter Store changes the key of every package that calls it.
//
// A unit that leaves files to partial types (build constraints) also
// depends on the content of every package of the module, and of those its
// left-out files import. A unit whose loading reports errors, or whose
// analysis reports problems other than that note, is never stored.

// goListMode is what the cheap listing asks of the go command: files and
// the import graph, no types.
const goListMode = packages.NeedName | packages.NeedFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule | packages.NeedEmbedFiles

// goUnit is a package directory analysed or taken from the cache as one.
type goUnit struct {
	dir     string // absolute directory
	rel     string // the directory as findings name files in it
	pattern string // the import path that selects the unit alone
	pkgs    []*packages.Package
	ignored []string // Go files left out by build constraints
	// cacheable is false for a directory with loading errors or outside
	// the main module; key is its key when it is cacheable.
	cacheable bool
	key       string
}

// goCacheStats counts the package directories of the last cached run
// taken from the cache and analysed.
var goCacheStats struct{ hits, analysed int }

// scanGoCached takes the findings of unchanged package directories from
// the cache and runs scanGo on the others. Without a cache, outside a
// module or when the listing fails, it is scanGo.
func scanGoCached(noCache bool, s *config.Settings, acfg analyzer.Config, patterns []string, res *result) error {
	dir := cacheDir()
	if noCache || dir == "" || !inGoModule() || os.Getenv("GO111MODULE") == "off" {
		return scanGo(s, acfg, patterns, res)
	}
	c := &fileCache{dir: filepath.Join(dir, "go")}
	units, ok := planGo(s, acfg, patterns)
	if !ok {
		return scanGo(s, acfg, patterns, res)
	}
	var missing []*goUnit
	defer func() { goCacheStats.hits, goCacheStats.analysed = len(units)-len(missing), len(missing) }()
	for _, u := range units {
		if u.key != "" {
			if e, ok := c.get(u.key); ok {
				res.add(e.Findings, e.Problems)
				continue
			}
		}
		missing = append(missing, u)
	}
	if len(missing) == 0 {
		return nil
	}
	run := patterns
	if len(missing) < len(units) {
		run = nil
		for _, u := range missing {
			run = append(run, u.pattern)
		}
	}
	var sub result
	if err := scanGo(s, acfg, run, &sub); err != nil {
		return err
	}
	res.add(sub.findings, sub.problems)
	for key, e := range attribute(s, missing, sub.findings, sub.problems) {
		c.put(key, e)
	}
	c.trim()
	return nil
}

// planGo lists the target packages without type-checking them and
// computes the key of each package directory.
func planGo(s *config.Settings, acfg analyzer.Config, patterns []string) ([]*goUnit, bool) {
	tests := s.Tests != config.TestsExclude
	var env goEnv
	envDone := make(chan struct{})
	go func() {
		env = readGoEnv()
		close(envDone)
	}()
	roots, err := packages.Load(&packages.Config{Context: interrupt, Mode: goListMode, Tests: tests}, patterns...)
	<-envDone
	if err != nil || env.text == "" || toolID() == "" {
		return nil, false
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, false
	}
	// A listing that names no directory, or an error of no directory (a
	// broken go.work, a pattern in error), is left to scanGo whole.
	if slices.ContainsFunc(roots, func(p *packages.Package) bool { return len(p.Errors) > 0 && pkgDir(p) == "" }) {
		return nil, false
	}
	units := groupUnits(roots)
	if len(units) == 0 {
		return nil, false
	}
	hs := newHasher()
	global := sha256.New()
	fmt.Fprintf(global, "%s\ntool %s\n%s\nwd %q\nconfig %s\ntests %v %q\n",
		cacheFormat, toolID(), env.text, wd, analyzer.ConfigHash(acfg, "."), tests, s.Tests)
	mods := map[string]bool{}
	for _, p := range roots {
		if p.Module != nil && p.Module.GoMod != "" && !mods[p.Module.GoMod] {
			mods[p.Module.GoMod] = true
		}
	}
	if env.work != "" && env.work != "off" {
		mods[env.work] = true
	}
	for _, m := range slices.Sorted(maps.Keys(mods)) {
		fmt.Fprintf(global, "mod %q %s\n", m, hs.files([]string{m}))
	}
	globalKey := hex.EncodeToString(global.Sum(nil))

	// Hash every file once, on all cores.
	all := map[string]*packages.Package{}
	packages.Visit(roots, nil, func(p *packages.Package) { all[p.ID] = p })
	var wg sync.WaitGroup
	jobs := make(chan *packages.Package)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for p := range jobs {
				hs.identity(p, env.goroot)
			}
		})
	}
	for _, id := range slices.Sorted(maps.Keys(all)) {
		jobs <- all[id]
	}
	close(jobs)
	wg.Wait()

	var module string // the identities of the main module's packages
	for _, u := range units {
		if !u.cacheable {
			continue
		}
		h := sha256.New()
		fmt.Fprintf(h, "global %s\nunit %q %q\n", globalKey, u.rel, u.pattern)
		deps := map[string]string{}
		var visit func(p *packages.Package)
		visit = func(p *packages.Package) {
			for _, imp := range p.Imports {
				if _, ok := deps[imp.ID]; !ok {
					deps[imp.ID] = hs.identity(imp, env.goroot)
					visit(imp)
				}
			}
		}
		for _, p := range u.pkgs {
			fmt.Fprintf(h, "pkg %q %s\n", p.ID, hs.identity(p, env.goroot))
			visit(p)
		}
		for _, id := range slices.Sorted(maps.Keys(deps)) {
			fmt.Fprintf(h, "dep %q %s\n", id, deps[id])
		}
		if len(u.ignored) > 0 {
			if module == "" {
				module = moduleIdentity(all, hs, env.goroot)
			}
			fmt.Fprintf(h, "module %s\nleft-out imports %s\n", module, leftOutImports(u, hs))
		}
		u.key = hex.EncodeToString(h.Sum(nil))
	}
	return units, true
}

// groupUnits sorts the listed packages into package directories. The
// generated test main packages are left out: they hold no source of
// the module. A directory whose packages cannot be cached gets no key.
func groupUnits(roots []*packages.Package) []*goUnit {
	byDir := map[string]*goUnit{}
	var units []*goUnit
	for _, p := range roots {
		if strings.HasSuffix(p.PkgPath, ".test") {
			continue
		}
		dir := pkgDir(p)
		if dir == "" {
			continue
		}
		u := byDir[dir]
		if u == nil {
			u = &goUnit{dir: dir, rel: relPath(dir), cacheable: true}
			byDir[dir] = u
			units = append(units, u)
		}
		u.pkgs = append(u.pkgs, p)
		if p.ID == p.PkgPath || u.pattern == "" {
			u.pattern = strings.TrimSuffix(p.PkgPath, "_test")
		}
		if len(p.Errors) > 0 || p.Module == nil || !p.Module.Main {
			u.cacheable = false
		}
		for _, f := range p.IgnoredFiles {
			if strings.HasSuffix(f, ".go") && !slices.Contains(u.ignored, f) {
				u.ignored = append(u.ignored, f)
			}
		}
	}
	for _, u := range units {
		slices.SortFunc(u.pkgs, func(a, b *packages.Package) int { return strings.Compare(a.ID, b.ID) })
		slices.Sort(u.ignored)
	}
	return units
}

// attribute sorts the findings and problems of an analysis run into the
// entries of the units it analysed. A unit with an unexpected problem is
// not stored; a finding or problem that belongs to no unit means the
// attribution cannot be trusted, and nothing is stored.
func attribute(s *config.Settings, units []*goUnit, fs []finding.Finding, ps []finding.Problem) map[string]cacheEntry {
	byDir := map[string]*goUnit{}
	byPath := map[string]*goUnit{}
	for _, u := range units {
		byDir[u.rel] = u
		for _, p := range u.pkgs {
			byPath[p.PkgPath] = u
		}
	}
	entries := map[*goUnit]*cacheEntry{}
	entry := func(u *goUnit) *cacheEntry {
		if entries[u] == nil {
			entries[u] = &cacheEntry{}
		}
		return entries[u]
	}
	spoilt := map[*goUnit]bool{}
	for _, f := range fs {
		u := byDir[path.Dir(f.File)]
		if u == nil {
			return nil
		}
		e := entry(u)
		e.Findings = append(e.Findings, f)
	}
	for _, p := range ps {
		// The note that a directory's left-out files had partial types.
		if u := byDir[p.File]; u != nil && len(u.ignored) > 0 && p.Line == 0 {
			e := entry(u)
			e.Problems = append(e.Problems, redactProblem(s.Matcher, p))
			continue
		}
		u := byDir[path.Dir(p.File)]
		if u == nil {
			u = byPath[p.File]
		}
		if u == nil {
			return nil
		}
		spoilt[u] = true
	}
	out := map[string]cacheEntry{}
	for _, u := range units {
		if u.key == "" || spoilt[u] {
			continue
		}
		if e := entries[u]; e != nil {
			out[u.key] = *e
		} else {
			out[u.key] = cacheEntry{}
		}
	}
	return out
}

// goEnv is what the go command says of itself that changes the analysis.
type goEnv struct {
	text   string // the variables, one per line
	goroot string
	work   string // the go.work file in use, if any
}

// readGoEnv asks the go command for its version and the environment that
// decides which files are built and how.
func readGoEnv() goEnv {
	vars := []string{"GOVERSION", "GOROOT", "GOOS", "GOARCH", "GOFLAGS", "GOEXPERIMENT", "CGO_ENABLED",
		"GOAMD64", "GOARM", "GOARM64", "GO386", "GOWORK", "GOTOOLCHAIN"}
	cmd := command("go", append([]string{"env"}, vars...)...)
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := runChild(cmd); err != nil {
		return goEnv{}
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	if len(lines) != len(vars) {
		return goEnv{}
	}
	var b strings.Builder
	for i, v := range vars {
		fmt.Fprintf(&b, "%s=%q\n", v, lines[i])
	}
	return goEnv{text: b.String(), goroot: lines[1], work: lines[11]}
}

// hasher hashes files and package identities once each.
type hasher struct {
	mu   sync.Mutex
	ids  map[string]*onceString
	dirs map[string]*onceString
}

type onceString struct {
	once sync.Once
	s    string
}

func newHasher() *hasher {
	return &hasher{ids: map[string]*onceString{}, dirs: map[string]*onceString{}}
}

func (hs *hasher) cell(m map[string]*onceString, k string) *onceString {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	c := m[k]
	if c == nil {
		c = &onceString{}
		m[k] = c
	}
	return c
}

// identity says what a package's analysis may read of it: its module
// version when it comes from the module cache, nothing for the standard
// library (the go version is in the global key), the content of its
// files otherwise.
func (hs *hasher) identity(p *packages.Package, goroot string) string {
	c := hs.cell(hs.ids, p.ID)
	c.once.Do(func() {
		if m := p.Module; m != nil && m.Version != "" && (m.Replace == nil || m.Replace.Version != "") {
			c.s = "mod " + m.Path + "@" + m.Version
			if m.Replace != nil {
				c.s += " => " + m.Replace.Path + "@" + m.Replace.Version
			}
			return
		}
		var files []string
		for _, fs := range [][]string{p.GoFiles, p.OtherFiles, p.EmbedFiles, p.IgnoredFiles} {
			files = append(files, fs...)
		}
		if p.Module == nil && goroot != "" && len(files) > 0 && !slices.ContainsFunc(files, func(f string) bool {
			return !strings.HasPrefix(f, goroot+string(filepath.Separator))
		}) {
			c.s = "std"
			return
		}
		c.s = "src " + hs.files(files)
	})
	return c.s
}

// files hashes the names and contents of files; a file that cannot be
// read counts as such.
func (hs *hasher) files(names []string) string {
	names = slices.Clone(names)
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		hashFile(h, n)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func hashFile(h hash.Hash, name string) {
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintf(h, "file %q missing\n", name)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		fmt.Fprintf(h, "file %q missing\n", name)
		return
	}
	fmt.Fprintf(h, "file %q %d\n", name, st.Size())
	if _, err := io.Copy(h, f); err != nil {
		fmt.Fprintf(h, "unreadable\n")
	}
}

// moduleIdentity hashes the identities of every listed package of the
// main module.
func moduleIdentity(all map[string]*packages.Package, hs *hasher, goroot string) string {
	h := sha256.New()
	for _, id := range slices.Sorted(maps.Keys(all)) {
		if p := all[id]; p.Module != nil && p.Module.Main {
			fmt.Fprintf(h, "%q %s\n", id, hs.identity(p, goroot))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// leftOutImports hashes the Go files, in this module, of the packages the
// unit's left-out files import: partial types read them from source.
func leftOutImports(u *goUnit, hs *hasher) string {
	var mod *packages.Module
	for _, p := range u.pkgs {
		if p.Module != nil && p.Module.Main {
			mod = p.Module
		}
	}
	h := sha256.New()
	if mod == nil {
		return ""
	}
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range u.ignored {
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			fmt.Fprintf(h, "unparsed %q\n", f)
			continue
		}
		for _, imp := range af.Imports {
			ip, err := strconv.Unquote(imp.Path.Value)
			if err != nil || seen[ip] {
				continue
			}
			seen[ip] = true
			rest, ok := strings.CutPrefix(ip, mod.Path+"/")
			if !ok {
				continue
			}
			fmt.Fprintf(h, "%q %s\n", ip, hs.dir(filepath.Join(mod.Dir, filepath.FromSlash(rest))))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// dir hashes the Go files of a directory.
func (hs *hasher) dir(d string) string {
	c := hs.cell(hs.dirs, d)
	c.once.Do(func() {
		ents, _ := os.ReadDir(d)
		var files []string
		for _, e := range ents {
			if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
				files = append(files, filepath.Join(d, e.Name()))
			}
		}
		c.s = hs.files(files)
	})
	return c.s
}
