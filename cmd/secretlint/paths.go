package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"

	"github.com/awsguard/secretlint/internal/finding"
	"github.com/awsguard/secretlint/internal/pipeline"
)

// sourceRoot returns the directory that SARIF and github paths start from:
// the repository root (the nearest directory holding .git), else the module
// root (go.mod), else wd. Code scanning and annotations resolve paths from
// the repository root, whatever directory the run was in.
func sourceRoot(wd string) string {
	for _, marker := range []string{".git", "go.mod"} {
		for dir := wd; ; {
			if _, err := os.Stat(filepath.Join(dir, marker)); err == nil {
				return dir
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return wd
}

// rootRelative rewrites the working-directory-relative paths of findings
// and problems to be relative to root. source, which reads lines by the
// old paths, is wrapped to take the new ones.
func rootRelative(root, wd string, fs []finding.Finding, ps []finding.Problem, source func(string, int) string) ([]finding.Finding, []finding.Problem, func(string, int) string) {
	rel, err := filepath.Rel(root, wd)
	if err != nil || rel == "." {
		return fs, ps, source
	}
	prefix := filepath.ToSlash(rel)
	old := map[string]string{}
	move := func(file string) string {
		if path.IsAbs(file) || filepath.IsAbs(file) {
			return file
		}
		n := path.Join(prefix, file)
		old[n] = file
		return n
	}
	fs = append([]finding.Finding(nil), fs...)
	for i := range fs {
		fs[i].File = move(fs[i].File)
	}
	ps = append([]finding.Problem(nil), ps...)
	for i := range ps {
		ps[i].File = move(ps[i].File)
	}
	return fs, ps, func(file string, line int) string {
		if o, ok := old[file]; ok {
			file = o
		}
		return source(file, line)
	}
}

// staleProblems makes a problem of each baseline entry that matched no
// finding, at the entry's file.
func staleProblems(baseline string, stale []pipeline.BaselineEntry) []finding.Problem {
	ps := make([]finding.Problem, 0, len(stale))
	for _, e := range stale {
		ps = append(ps, finding.Problem{
			File:    e.File,
			Message: fmt.Sprintf("baseline %s: stale entry: %s no longer found (run secretlint baseline to drop it)", baseline, e.Rule),
		})
	}
	return ps
}

// reportPaths makes the paths of the sarif and github formats relative to
// the repository root; other formats keep the working directory.
func reportPaths(format string, fs []finding.Finding, ps []finding.Problem, source func(string, int) string) ([]finding.Finding, []finding.Problem, func(string, int) string) {
	if format != "sarif" && format != "github" {
		return fs, ps, source
	}
	wd, err := os.Getwd()
	if err != nil {
		return fs, ps, source
	}
	return rootRelative(sourceRoot(wd), wd, fs, ps, source)
}
