package main

import (
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/awsguard/secretlint/internal/storeflow"
)

// Facts in every mode. The store checks carry what a helper reads from
// Parameter Store or Secrets Manager to its callers as facts, which exist
// only for packages analysed from source. The targets (./..., one package,
// the changed files of a pre-commit run) are loaded from source; so are
// the packages they import, in this module or another, that reach a store
// SDK, directly or through other packages: a helper in package A and
// sql.Open in package B then give the same finding whatever was targeted.
// Every other dependency (the standard library, the SDKs themselves,
// packages that never reach them) stays on export data.

// factPackages lists, without type-checking anything, the import paths of
// the non-target packages that the targets import and that reach a store
// SDK, and the import paths of the targets.
func factPackages(patterns []string, tests bool) (extra []string, targets map[string]bool) {
	targets = map[string]bool{}
	cfg := &packages.Config{Context: interrupt, Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps, Tests: tests}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, targets
	}
	for _, r := range roots {
		targets[r.PkgPath] = true
	}
	reaches := map[*packages.Package]bool{}
	var visit func(p *packages.Package) bool
	visit = func(p *packages.Package) bool {
		if r, ok := reaches[p]; ok {
			return r
		}
		reaches[p] = false // a cycle
		r := false
		for path, imp := range p.Imports {
			if storeflow.StorePackage(path) {
				r = true
			} else if !sdkPackage(path) && visit(imp) {
				r = true
			}
		}
		reaches[p] = r
		return r
	}
	seen := map[string]bool{}
	for _, r := range roots {
		visit(r)
	}
	for p, r := range reaches {
		if r && !targets[p.PkgPath] && !seen[p.PkgPath] && !sdkPackage(p.PkgPath) && !strings.HasSuffix(p.PkgPath, ".test") {
			seen[p.PkgPath] = true
			extra = append(extra, p.PkgPath)
		}
	}
	return extra, targets
}

// sdkPackage reports whether a package belongs to the AWS SDKs: never
// worth loading from source.
func sdkPackage(path string) bool {
	return strings.HasPrefix(path, "github.com/aws/")
}
