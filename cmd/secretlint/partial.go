package main

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/partial"
	"github.com/awsguard/secretlint/internal/pipeline"
)

// partialRun is a set of directories analysed with partial types, and why.
type partialRun struct {
	dirs []string
	// reason renders the reason of a directory's package, given the
	// imports that were not available.
	reason func(dir string, missing []string) string
	// only, when set, keeps the findings of these files (relative paths)
	// of a directory: the files the go command left out.
	only map[string][]string
}

// scanPartial analyses directories with partial type information (see
// internal/partial) and adds one problem per package saying so and why.
// It never fails: what cannot be parsed is left out.
func scanPartial(s *config.Settings, a *analysis.Analyzer, run partialRun, res *result) {
	if len(run.dirs) == 0 {
		return
	}
	mod, root := moduleOf(".")
	loaded := partial.Load(partial.Options{
		Dirs:   run.dirs,
		Tests:  s.Tests != config.TestsExclude,
		Module: mod,
		Root:   root,
	})
	var pkgs []*packages.Package
	var problems []finding.Problem
	told := map[string]bool{}
	for _, p := range loaded {
		if len(p.Syntax) == 0 {
			continue
		}
		pkgs = append(pkgs, p.Package)
		dir := relPath(filepath.Dir(p.GoFiles[0]))
		if !told[dir] {
			told[dir] = true
			problems = append(problems, finding.Problem{File: dir,
				Message: s.Phrase("go_partial", "reason", run.reason(filepath.Dir(p.GoFiles[0]), p.Missing))})
		}
	}
	if len(pkgs) == 0 {
		res.add(nil, problems)
		return
	}
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		problems = append(problems, finding.Problem{File: ".", Message: err.Error()})
		res.add(nil, problems)
		return
	}
	var fs []finding.Finding
	for _, act := range g.Roots {
		if act.Err != nil {
			problems = append(problems, finding.Problem{File: act.Package.PkgPath, Message: act.Err.Error()})
			continue
		}
		got := pipeline.Diagnostics(act.Package.Fset, act.Diagnostics, relPath, s)
		if run.only != nil {
			keep := run.only[filepath.Dir(act.Package.GoFiles[0])]
			got = slices.DeleteFunc(got, func(f finding.Finding) bool { return !slices.Contains(keep, f.File) })
		}
		fs = append(fs, got...)
	}
	res.add(fs, problems)
}

// patternDirs returns the directories holding .go files that package
// patterns name: dir/... walks the tree as the go command does (no
// testdata, vendor, hidden or _ directories), a directory is itself, an
// import path names nothing without a module.
func patternDirs(patterns []string) []string {
	var out []string
	add := func(d string) {
		d = filepath.Clean(d)
		if !slices.Contains(out, d) && partial.HasGoFiles(d) {
			out = append(out, d)
		}
	}
	for _, p := range patterns {
		if dir, ok := strings.CutSuffix(p, "/..."); ok {
			if dir == "" {
				dir = "/"
			}
			_ = filepath.WalkDir(dir, func(q string, d os.DirEntry, err error) error {
				if err != nil || !d.IsDir() {
					return nil
				}
				n := d.Name()
				if q != dir && (n == "testdata" || n == "vendor" || n == "node_modules" || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_")) {
					return filepath.SkipDir
				}
				add(q)
				return nil
			})
			continue
		}
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			add(p)
		}
	}
	return out
}

// moduleOf returns the module path in the go.mod at or above dir, and the
// directory it is in, even when the rest of the file does not parse.
func moduleOf(dir string) (module, root string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", ""
	}
	for d := abs; ; d = filepath.Dir(d) {
		if f, err := os.Open(filepath.Join(d, "go.mod")); err == nil {
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
					module = strings.Trim(strings.TrimSpace(rest), `"`)
					break
				}
			}
			f.Close()
			return module, d
		}
		if filepath.Dir(d) == d {
			return "", ""
		}
	}
}

// brokenPackages sorts the loaded packages: the directories of the root
// packages that the go command could not load (missing or unavailable
// dependencies), with the first error, and the files it
// left out of the others (build constraints, cgo without a C compiler).
func brokenPackages(pkgs []*packages.Package) (broken map[string][]string, ignored map[string][]string) {
	broken, ignored = map[string][]string{}, map[string][]string{}
	for _, p := range pkgs {
		if pkgDir(p) == "" {
			continue
		}
		dir := pkgDir(p)
		for _, e := range p.Errors {
			// Not the compiler's report of type errors ("# pkg"), which
			// leaves the package typed but for the errors.
			listed := e.Kind == packages.ListError && !strings.HasPrefix(e.Msg, "# ")
			if listed || e.Kind == packages.TypeError && strings.Contains(e.Msg, "could not import") {
				if _, ok := broken[dir]; !ok {
					broken[dir] = []string{firstLine(e.Msg)}
				}
			}
		}
		for _, f := range p.IgnoredFiles {
			if strings.HasSuffix(f, ".go") && !slices.Contains(ignored[dir], relPath(f)) {
				ignored[dir] = append(ignored[dir], relPath(f))
			}
		}
	}
	for dir := range broken {
		delete(ignored, dir)
	}
	return broken, ignored
}
