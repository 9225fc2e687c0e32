package storeflow

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/awsguard/secretlint/internal/analysisdoc"
	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/match"
	"github.com/awsguard/secretlint/internal/ruleid"
)

// Rule IDs of the store checks. Their texts live in rules.yaml.
const (
	ruleDBParam     = ruleid.DBCredentialInParameterStore
	ruleSecretParam = ruleid.SecretInParameterStore
	rulePlaintext   = ruleid.PlaintextSecretParameter
	ruleLogged      = ruleid.SecretLogged
	ruleUncached    = ruleid.UncachedSecretFetch
)

// Rules are the rules the store checks report.
var Rules = []string{ruleDBParam, ruleSecretParam, rulePlaintext, ruleLogged, ruleUncached}

// Config configures an analyzer built by New.
type Config struct {
	// Settings returns the settings to run with. When it fails the
	// analyzer does nothing: the analyzer that requires it reports the
	// error.
	Settings func() (*config.Settings, error)
}

//go:embed doc.go
var docSource string

// New returns a storeflow analyzer that runs with cfg.
func New(cfg Config) *analysis.Analyzer {
	r := &runner{cfg: cfg}
	return &analysis.Analyzer{
		Name:             "storeflow",
		Doc:              analysisdoc.Extract(docSource, "storeflow", "storeflow: follow Parameter Store and Secrets Manager values to their sinks"),
		Run:              r.run,
		RunDespiteErrors: true,
		ResultType:       reflect.TypeFor[*Result](),
		FactTypes:        []analysis.Fact{new(storeFact), new(pkgFact)},
	}
}

// Finding is a finding of a store rule, before precedence and
// suppressions.
type Finding struct {
	Rule     string
	Pos, End token.Pos
	Message  string
	// Independent is set for findings that do not compete for their
	// location with the other rules (a log call, a fetch in a loop).
	Independent bool
}

// Result holds the store findings of a package by file.
type Result struct {
	byFile map[*token.File][]Finding
}

// File returns the findings in a file.
func (r *Result) File(tf *token.File) []Finding {
	if r == nil {
		return nil
	}
	return r.byFile[tf]
}

type runner struct{ cfg Config }

func (r *runner) run(pass *analysis.Pass) (any, error) {
	res := &Result{byFile: map[*token.File][]Finding{}}
	s, err := r.cfg.Settings()
	if err != nil || s == nil {
		return res, nil // reported by the analyzer that requires this one
	}
	sa := &storeAnalysis{
		pass:  pass,
		s:     s,
		names: map[string]match.Name{},
	}
	for _, sf := range sa.run() {
		if tf := pass.Fset.File(sf.pos); tf != nil {
			res.byFile[tf] = append(res.byFile[tf], Finding{
				Rule: sf.rule, Pos: sf.pos, End: sf.end, Message: sf.msg,
				Independent: sf.rule == ruleLogged || sf.rule == ruleUncached || sf.independent,
			})
		}
	}
	return res, nil
}

// storeAnalysis is the store checks' state for one pass.
type storeAnalysis struct {
	pass    *analysis.Pass
	s       *config.Settings
	names   map[string]match.Name
	pkg     *ssa.Package
	calls   map[token.Pos]*ast.CallExpr
	infos   map[*ssa.Function]*storeFact
	busy    map[*ssa.Function]bool
	globals map[globalKey]ssa.Value
	loops   map[*ssa.Function]map[*ssa.BasicBlock]bool
	found   map[[2]any]bool
	out     []storeFinding
	// ifaces, methodNames and methodIndex serve calls through
	// interfaces (iface.go).
	ifaces      map[*types.Func]*ifaceSummary
	methodNames map[string]bool
	methodIndex map[string][]*types.Named
}

type globalKey struct {
	g     *ssa.Global
	field int
}

// storeFinding is a finding of a store rule, before suppressions.
type storeFinding struct {
	rule     string
	pos, end token.Pos
	msg      string
	// independent findings do not compete with the others at their call.
	independent bool
}

// classify classifies an identifier, caching the result for the pass.
func (sa *storeAnalysis) classify(name string) match.Name {
	n, ok := sa.names[name]
	if !ok {
		n = sa.s.Matcher.ClassifyName(name)
		sa.names[name] = n
	}
	return n
}

// storeRelevant reports whether a package needs the store checks: it
// imports a store SDK or a DB package, or a package with store facts.
func storeRelevant(pass *analysis.Pass) bool {
	db := false
	for _, imp := range pass.Pkg.Imports() {
		if storePkgs[imp.Path()] || pass.ImportPackageFact(imp, new(pkgFact)) {
			return true
		}
		db = db || dbPackage(imp.Path())
	}
	// A package that imports a database package but never opens a
	// connection or fills a connection config (most code that runs
	// queries) has no DB sink: no need to build its SSA.
	return db && usesDBSink(pass)
}

// dbPackage reports whether an import path is a database package with
// sinks (net/url, whose user-info sink matters only in connection strings
// built for a database, does not count).
func dbPackage(path string) bool {
	return dbFuncs[path] != nil && path != "net/url" || dbFields[path] != nil
}

// MayAnalyse reports whether the analyzer can do anything for a package
// that imports the given packages and no package with facts: false means
// it returns at once, builds no SSA and exports no fact, whatever the
// package's code. A driver may then skip type-checking the package for
// it (go vet asks for the facts of every dependency).
func MayAnalyse(imports []string) bool {
	for _, p := range imports {
		if storePkgs[p] || dbPackage(p) {
			return true
		}
	}
	return false
}

// usesDBSink reports whether the package refers to a DB sink function or
// a DB configuration type.
func usesDBSink(pass *analysis.Pass) bool {
	for _, obj := range pass.TypesInfo.Uses {
		pkg := obj.Pkg()
		if pkg == nil {
			continue
		}
		switch obj.(type) {
		case *types.Func:
			if _, ok := dbFuncs[pkg.Path()][obj.Name()]; ok && pkg.Path() != "net/url" {
				return true
			}
		case *types.TypeName:
			if _, ok := dbFields[pkg.Path()][obj.Name()]; ok {
				return true
			}
		}
	}
	return false
}

// run runs the store checks, exports the facts and returns the findings.
func (sa *storeAnalysis) run() []storeFinding {
	pass := sa.pass
	if pass.TypesInfo == nil || pass.Pkg == nil || !storeRelevant(pass) {
		return nil
	}
	on := false
	for _, id := range Rules {
		on = on || sa.s.Enabled(id)
	}
	if !on {
		return nil
	}
	sa.calls = map[token.Pos]*ast.CallExpr{}
	sa.infos = map[*ssa.Function]*storeFact{}
	sa.busy = map[*ssa.Function]bool{}
	sa.loops = map[*ssa.Function]map[*ssa.BasicBlock]bool{}
	sa.found = map[[2]any]bool{}
	sa.ifaces = map[*types.Func]*ifaceSummary{}
	if !sa.build() {
		return nil
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				sa.calls[c.Lparen] = c
			}
			return true
		})
	}
	exported := false
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && sa.summarise(fd) {
				exported = true
			}
		}
	}
	if exported {
		pass.ExportPackageFact(new(pkgFact))
	}
	return sa.out
}

// summarise computes the summary of a declared function and of the
// function literals inside it, and exports the summary when it tells
// importers something.
func (sa *storeAnalysis) summarise(fd *ast.FuncDecl) (exported bool) {
	obj, ok := sa.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	fn := sa.pkg.Prog.FuncValue(obj)
	if fn == nil {
		return false
	}
	sum := sa.info(fn)
	var anons func(*ssa.Function)
	anons = func(f *ssa.Function) {
		for _, a := range f.AnonFuncs {
			sa.info(a)
			anons(a)
		}
	}
	anons(fn)
	if sum != nil && !sum.empty() && fd.Name.Name != "init" {
		sa.pass.ExportObjectFact(obj, sa.exportable(sum))
		return true
	}
	return false
}

// build builds the package's SSA, as buildssa does, only for packages
// that need it.
// Ill-typed code is built from a repaired copy (see repair.go).
func (sa *storeAnalysis) build() bool {
	if sa.buildFrom(sa.pass.Files, sa.pass.TypesInfo) {
		return true
	}
	files, info := repaired(sa.pass.Files, sa.pass.TypesInfo, sa.pass.TypeErrors)
	return sa.buildFrom(files, info)
}

func (sa *storeAnalysis) buildFrom(files []*ast.File, info *types.Info) (ok bool) {
	defer func() {
		if recover() != nil { // ill-typed code the SSA builder rejects
			ok = false
		}
	}()
	prog := ssa.NewProgram(sa.pass.Fset, ssa.BuilderMode(0))
	for _, p := range sa.pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	sa.pkg = prog.CreatePackage(sa.pass.Pkg, files, info, false)
	sa.pkg.Build()
	return true
}

// exportable returns a copy of a summary with positions turned into
// file:line text.
func (sa *storeAnalysis) exportable(f *storeFact) *storeFact {
	c := *f
	fix := func(s *sinkInfo) *sinkInfo {
		if s == nil {
			return nil
		}
		d := *s
		if d.Where == "" && d.pos.IsValid() {
			d.Where = sa.where(d.pos)
		}
		return &d
	}
	c.Params = nil
	for _, p := range f.Params {
		p.DB, p.Log = fix(p.DB), fix(p.Log)
		c.Params = append(c.Params, p)
	}
	if f.Source != nil {
		s := *f.Source
		s.DB = fix(s.DB)
		c.Source = &s
	}
	return &c
}

func (sa *storeAnalysis) where(pos token.Pos) string {
	p := sa.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}

// inPackage reports whether pos lies in one of the package's files.
func (sa *storeAnalysis) inPackage(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	for _, f := range sa.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// report records a finding at the call at pos (an SSA call's position is
// its opening parenthesis), once per rule and position.
func (sa *storeAnalysis) report(rule string, pos token.Pos, msg string) {
	key := [2]any{rule, pos}
	if sa.found[key] || !sa.inPackage(pos) {
		return
	}
	sa.found[key] = true
	start, end := pos, pos
	if ce := sa.calls[pos]; ce != nil {
		start, end = ce.Pos(), ce.End()
	}
	sa.out = append(sa.out, storeFinding{rule: rule, pos: start, end: end, msg: msg})
}
