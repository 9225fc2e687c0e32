package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/awsguard/secretlint"
)

// Rule IDs of the store checks. Their texts live in rules.yaml.
const (
	ruleDBParam     = "db-credential-in-parameter-store"
	ruleSecretParam = "secret-in-parameter-store"
	rulePlaintext   = "plaintext-secret-parameter"
	ruleLogged      = "secret-logged"
	ruleUncached    = "uncached-secret-fetch"
)

// storeRules are the rules the store checks report.
var storeRules = []string{ruleDBParam, ruleSecretParam, rulePlaintext, ruleLogged, ruleUncached}

// storeFact summarises what a function does with secrets, so that a
// helper in one package and a sink in another still connect.
type storeFact struct {
	// Params says where each parameter's value goes (receiver excluded).
	Params []paramFlow
	// Source is set when the function returns a value read from a store.
	Source *sourceInfo
	// NameParam is the parameter that names the parameter read (Source
	// names it with a hole), or -1.
	NameParam int
	// Fetch, when set, is the quoted name of the secret the function
	// fetches from its store without a cache.
	Fetch string
}

// AFact marks storeFact as a fact.
func (*storeFact) AFact() {}

func (f *storeFact) String() string {
	var parts []string
	if f.Source != nil {
		parts = append(parts, fmt.Sprintf("source(%s)", f.Source.Name.quoted()))
	}
	if f.NameParam >= 0 {
		parts = append(parts, fmt.Sprintf("name=param%d", f.NameParam))
	}
	for _, p := range f.Params {
		if p.DB != nil {
			parts = append(parts, fmt.Sprintf("param%d->%s", p.Index, p.DB.Desc))
		}
		if p.Log != nil {
			parts = append(parts, fmt.Sprintf("param%d->%s", p.Index, p.Log.Desc))
		}
		if p.Returned {
			parts = append(parts, fmt.Sprintf("param%d->return", p.Index))
		}
	}
	if f.Fetch != "" {
		parts = append(parts, "fetch")
	}
	return "store(" + strings.Join(parts, ", ") + ")"
}

// empty reports whether a summary tells importers nothing: parameters
// that are only returned matter inside the package alone.
func (f *storeFact) empty() bool {
	if f.Source != nil || f.Fetch != "" {
		return false
	}
	for _, p := range f.Params {
		if p.DB != nil || p.Log != nil {
			return false
		}
	}
	return true
}

// paramFlow is where a parameter's value goes.
type paramFlow struct {
	Index    int
	DB, Log  *sinkInfo
	Returned bool
	// Shape is the returned text with mark for the parameter, or "".
	Shape string
}

// sinkInfo names a sink for messages.
type sinkInfo struct {
	Desc     string // sql.Open, log.Printf, field Passwd of mysql.Config
	Where    string // store.go:42, set on export
	Password bool   // the value sits in the credential's place
	pos      token.Pos
}

// sourceInfo describes the store value a function returns.
type sourceInfo struct {
	Store    int
	Name     nameTmpl
	Path     bool
	Decrypt  bool
	Reported bool // the read was reported where it happens
	Secret   bool // the value is a secret (for secret-logged)
	DB       *sinkInfo
}

// pkgFact marks packages with store facts: importers build SSA.
type pkgFact struct{}

// AFact marks pkgFact as a fact.
func (*pkgFact) AFact() {}

func (*pkgFact) String() string { return "storeFacts" }

// storeAnalysis is the store checks' state for one pass.
type storeAnalysis struct {
	ps      *passScan
	pass    *analysis.Pass
	pkg     *ssa.Package
	calls   map[token.Pos]*ast.CallExpr
	infos   map[*ssa.Function]*storeFact
	busy    map[*ssa.Function]bool
	globals map[globalKey]ssa.Value
	loops   map[*ssa.Function]map[*ssa.BasicBlock]bool
	found   map[[2]any]bool
	out     []storeFinding
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
}

// storeRelevant reports whether a package needs the store checks: it
// imports a store SDK or a DB package, or a package with store facts.
func storeRelevant(pass *analysis.Pass) bool {
	db := false
	for _, imp := range pass.Pkg.Imports() {
		if storePkgs[imp.Path()] || pass.ImportPackageFact(imp, new(pkgFact)) {
			return true
		}
		db = db || dbFuncs[imp.Path()] != nil && imp.Path() != "net/url" || dbFields[imp.Path()] != nil
	}
	// A package that imports a database package but never opens a
	// connection or fills a connection config (most code that runs
	// queries) has no DB sink: no need to build its SSA.
	return db && usesDBSink(pass)
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

// runStore runs the store checks and returns their findings.
func (ps *passScan) runStore() []storeFinding {
	pass := ps.pass
	if pass.TypesInfo == nil || pass.Pkg == nil || !storeRelevant(pass) {
		return nil
	}
	on := false
	for _, id := range storeRules {
		on = on || ps.s.Enabled(id)
	}
	if !on {
		return nil
	}
	sa := &storeAnalysis{
		ps: ps, pass: pass,
		calls: map[token.Pos]*ast.CallExpr{},
		infos: map[*ssa.Function]*storeFact{},
		busy:  map[*ssa.Function]bool{},
		loops: map[*ssa.Function]map[*ssa.BasicBlock]bool{},
		found: map[[2]any]bool{},
	}
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
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			fn := sa.pkg.Prog.FuncValue(obj)
			if fn == nil {
				continue
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
				pass.ExportObjectFact(obj, sa.exportable(sum))
				exported = true
			}
		}
	}
	if exported {
		pass.ExportPackageFact(new(pkgFact))
	}
	return sa.out
}

// build builds the package's SSA, as buildssa does, only for packages
// that need it.
func (sa *storeAnalysis) build() (ok bool) {
	defer func() {
		if recover() != nil { // ill-typed code the SSA builder rejects
			ok = false
		}
	}()
	prog := ssa.NewProgram(sa.pass.Fset, ssa.BuilderMode(0))
	for _, p := range sa.pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	sa.pkg = prog.CreatePackage(sa.pass.Pkg, sa.pass.Files, sa.pass.TypesInfo, false)
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

// summaryOf returns the summary of a call's callee: computed for a
// function of this package, a fact for another package's.
func (sa *storeAnalysis) summaryOf(c *ssa.CallCommon) *storeFact {
	if callee := c.StaticCallee(); callee != nil && callee.Pkg == sa.pkg && callee.Blocks != nil {
		return sa.info(callee)
	}
	obj := staticFunc(c)
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == sa.pass.Pkg || c.IsInvoke() {
		return nil
	}
	f := new(storeFact)
	if sa.pass.ImportObjectFact(obj, f) {
		return f
	}
	return nil
}

// info computes a function's summary and findings once.
func (sa *storeAnalysis) info(fn *ssa.Function) *storeFact {
	if f, ok := sa.infos[fn]; ok {
		return f
	}
	if sa.busy[fn] {
		return nil // recursion: no summary yet
	}
	sa.busy[fn] = true
	defer delete(sa.busy, fn)
	sum := &storeFact{NameParam: -1}
	params := fn.Params
	if fn.Signature.Recv() != nil && len(params) > 0 {
		params = params[1:]
	}
	for i, p := range params {
		if !followable(p.Type()) {
			continue
		}
		pf := paramFlow{Index: i}
		for _, e := range sa.walk(p, state{shape: mark, idx: -1}) {
			switch e.kind {
			case evDB:
				if pf.DB == nil || e.password && !pf.DB.Password {
					pf.DB = e.sink
				}
			case evLog:
				if pf.Log == nil {
					pf.Log = e.sink
				}
			case evReturn:
				pf.Returned = true
				pf.Shape = e.shape
			}
		}
		if pf.DB != nil || pf.Log != nil || pf.Returned {
			sum.Params = append(sum.Params, pf)
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			if o := sa.origin(fn, call); o != nil {
				sa.process(fn, o, sum)
			}
		}
	}
	sa.infos[fn] = sum
	return sum
}

// followable reports whether values of type t can carry a secret.
func followable(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Pointer:
		return followable(u.Elem())
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && (b.Kind() == types.Byte || b.Info()&types.IsString != 0)
	case *types.Interface:
		return u.Empty()
	}
	return false
}

// origin is a call that reads a store value: an SDK call, a call to a
// helper that returns one, or the caching client.
type origin struct {
	call    *ssa.Call
	store   store
	op      opKind
	names   []nameTmpl
	path    bool
	decrypt bool
	ptype   string
	starts  []ssa.Value
	start   state
	// helper is the callee's summary when the call is to a helper.
	helper *storeFact
	cached bool
}

func (sa *storeAnalysis) resolver(fn *ssa.Function) *resolver {
	return &resolver{fn: fn, fnPkg: sa.pkg, global: sa.global}
}

// global returns the value a package-level variable (field >= 0: a field
// of it) is initialised with.
func (sa *storeAnalysis) global(g *ssa.Global, field int) ssa.Value {
	if sa.globals == nil {
		sa.globals = map[globalKey]ssa.Value{}
		if init := sa.pkg.Func("init"); init != nil {
			for _, b := range init.Blocks {
				for _, instr := range b.Instrs {
					st, ok := instr.(*ssa.Store)
					if !ok {
						continue
					}
					switch a := st.Addr.(type) {
					case *ssa.Global:
						sa.globals[globalKey{a, -1}] = st.Val
					case *ssa.FieldAddr:
						if ga, ok := a.X.(*ssa.Global); ok {
							sa.globals[globalKey{ga, a.Field}] = st.Val
						}
					}
				}
			}
		}
	}
	return sa.globals[globalKey{g, field}]
}

// origin recognises a call that reads or writes a store.
func (sa *storeAnalysis) origin(fn *ssa.Function, call *ssa.Call) *origin {
	c := call.Common()
	if callee := c.StaticCallee(); callee != nil && sa.mockCallee(callee) {
		return nil
	}
	r := sa.resolver(fn)
	for _, a := range c.Args {
		op, ok := inputOperation(a.Type())
		if !ok {
			continue
		}
		in, ok := a.(*ssa.Alloc)
		if !ok {
			return nil // an input made elsewhere: judged where it is made
		}
		o := &origin{call: call, store: op.store, op: op.op}
		st, _ := in.Type().(*types.Pointer).Elem().Underlying().(*types.Struct)
		if st == nil {
			return nil
		}
		for i := 0; i < st.NumFields(); i++ {
			v := storedField(in, i)
			if v == nil {
				continue
			}
			switch st.Field(i).Name() {
			case op.name:
				o.names = append(o.names, r.name(v))
			case op.path:
				o.names = append(o.names, r.name(v))
				o.path = true
			case op.names:
				elems := sliceElems(v)
				if elems == nil {
					o.names = append(o.names, holeName())
				}
				for _, e := range elems {
					if e == nil {
						o.names = append(o.names, holeName())
						continue
					}
					o.names = append(o.names, r.name(e))
				}
			case "WithDecryption":
				o.decrypt = isTrue(v)
			case "Type":
				o.ptype = r.name(v).text()
			}
		}
		if len(o.names) == 0 {
			o.names = []nameTmpl{holeName()}
		}
		o.start = state{container: true, idx: -1}
		if res := call.Type(); res != nil {
			if t, ok := res.(*types.Tuple); ok && t.Len() > 0 {
				res = t.At(0).Type()
			}
			if followable(res) {
				o.start = state{shape: mark, idx: -1}
			}
		}
		o.starts = []ssa.Value{call}
		// A v1 Pages callback receives the output.
		for _, a2 := range c.Args {
			var cb *ssa.Function
			switch f := a2.(type) {
			case *ssa.Function:
				cb = f
			case *ssa.MakeClosure:
				cb, _ = f.Fn.(*ssa.Function)
			}
			if cb != nil && len(cb.Params) > 0 {
				o.starts = append(o.starts, cb.Params[0])
			}
		}
		return o
	}
	obj := staticFunc(c)
	if obj == nil {
		return nil
	}
	if obj.Pkg() != nil && strings.HasSuffix(obj.Pkg().Path(), "/secretcache") && strings.HasPrefix(obj.Name(), "GetSecret") && len(c.Args) >= 2 {
		return &origin{call: call, store: storeSM, op: opRead, cached: true, names: []nameTmpl{r.name(c.Args[1])},
			starts: []ssa.Value{call}, start: state{shape: mark, idx: -1}}
	}
	sum := sa.summaryOf(c)
	if sum == nil || sum.Source == nil {
		return nil
	}
	o := &origin{call: call, store: store(sum.Source.Store), op: opRead, helper: sum, path: sum.Source.Path,
		decrypt: sum.Source.Decrypt, starts: []ssa.Value{call}, start: state{shape: mark, idx: -1}}
	name := sum.Source.Name
	if sum.NameParam >= 0 {
		off := 0
		if sig, _ := obj.Type().(*types.Signature); sig != nil && sig.Recv() != nil && !c.IsInvoke() {
			off = 1
		}
		name = name.subst(func(i int) nameTmpl {
			if i+off < len(c.Args) {
				return r.name(c.Args[i+off])
			}
			return holeName()
		})
	}
	o.names = []nameTmpl{name}
	return o
}

// mockCallee reports whether a callee is declared in a _test.go file: a
// mock of the client, whose values are fixtures.
func (sa *storeAnalysis) mockCallee(fn *ssa.Function) bool {
	if !fn.Pos().IsValid() {
		return false
	}
	return strings.HasSuffix(sa.pass.Fset.Position(fn.Pos()).Filename, "_test.go")
}

// isTrue reports whether v is true or aws.Bool(true).
func isTrue(v ssa.Value) bool {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil {
		return c.Value.String() == "true"
	}
	if call, ok := v.(*ssa.Call); ok {
		if fn := staticFunc(call.Common()); fn != nil && fn.Name() == "Bool" && len(call.Call.Args) == 1 {
			return isTrue(call.Call.Args[0])
		}
	}
	return false
}

// verdict is what a parameter name says.
type verdict struct {
	rule    string
	kind    *secretlint.Kind
	secret  bool // a secret kind (for plaintext and secret-logged)
	silent  bool // not a secret, or a reference to one
	unknown bool // the name does not tell
}

func isDBKind(k *secretlint.Kind) bool { return k != nil && strings.HasPrefix(k.ID, "db-") }

// judge classifies a parameter name.
func (sa *storeAnalysis) judge(n nameTmpl, path bool) verdict {
	text := n.text()
	if strings.HasPrefix(text, "/aws/reference/secretsmanager/") {
		return verdict{silent: true}
	}
	if !n.known() {
		return verdict{unknown: true}
	}
	cn := sa.ps.classify(text)
	if path && cn.Kind == nil {
		// A path under which a password would be a DB password.
		if c2 := sa.ps.classify(strings.TrimRight(text, "/…") + "/password"); isDBKind(c2.Kind) {
			cn = c2
		}
	}
	switch {
	case cn.Kind == nil:
		return verdict{unknown: true}
	case !cn.Kind.Secret || cn.Reference:
		return verdict{silent: true}
	case isDBKind(cn.Kind):
		return verdict{rule: ruleDBParam, kind: cn.Kind, secret: true}
	case cn.Kind.Store == secretlint.StoreSecretsManager || cn.Kind.Rotation == "required":
		return verdict{rule: ruleSecretParam, kind: cn.Kind, secret: true}
	}
	return verdict{kind: cn.Kind, secret: true}
}

// dbKind returns the catalogue's DB credential kind, for values that are
// DB credentials by where they go.
func (sa *storeAnalysis) dbKind() *secretlint.Kind {
	for i := range sa.ps.s.Catalogue.Kinds {
		if k := &sa.ps.s.Catalogue.Kinds[i]; isDBKind(k) {
			return k
		}
	}
	return nil
}

// process judges an origin, records its findings and completes the
// function's summary.
func (sa *storeAnalysis) process(fn *ssa.Function, o *origin, sum *storeFact) {
	var events []event
	for _, v := range o.starts {
		events = append(events, sa.walk(v, o.start)...)
	}
	returned := false
	for _, e := range events {
		returned = returned || e.kind == evReturn
	}
	lang := sa.ps.s.Lang
	// dbEvent returns the first DB event that puts the value of name i in
	// a credential's place.
	dbEvent := func(i int) *sinkInfo {
		for _, e := range events {
			if e.kind == evDB && e.password && (e.idx < 0 || e.idx == i || len(o.names) == 1) {
				return e.sink
			}
		}
		if o.helper != nil && o.helper.Source != nil && o.helper.Source.DB != nil && o.helper.Source.DB.Password {
			return o.helper.Source.DB
		}
		return nil
	}
	reported, secret := false, false
	var srcName nameTmpl
	if len(o.names) > 0 {
		srcName = o.names[0]
	}
	switch {
	case o.store == storeSM:
		secret = true
	case o.op == opWrite:
		v := sa.judge(srcName, false)
		if v.silent || v.unknown {
			return
		}
		title := v.kind.Title.In(lang)
		if v.rule != "" {
			sa.report(v.rule, o.call.Pos(), sa.ps.s.MessageAs(v.rule, "write", "subject", title, "param", srcName.quoted(), "evidence", ""))
		}
		if o.ptype != "SecureString" {
			typ := o.ptype
			if typ == "" || typ == "…" {
				typ = "String"
			}
			sa.report(rulePlaintext, o.call.Pos(), sa.ps.s.Message(rulePlaintext, "subject", title, "param", srcName.quoted(), "type", typ))
		}
		return
	case o.helper != nil && o.helper.Source.Reported:
		secret = o.helper.Source.Secret
	default:
		// Parameter Store reads, directly or through a helper that takes
		// the name.
		var tell *verdict
		tellIdx := -1
		for i, n := range o.names {
			v := sa.judge(n, o.path)
			if v.rule != "" && (tell == nil || v.rule == ruleDBParam && tell.rule != ruleDBParam) {
				vv := v
				tell, tellIdx = &vv, i
			}
			if v.secret || v.unknown && o.decrypt {
				secret = true
			}
		}
		if tell != nil {
			// The known part of the name tells: reported here, even when
			// a caller completes the name.
			n := o.names[tellIdx]
			sa.report(tell.rule, o.call.Pos(), sa.ps.s.MessageAs(tell.rule, "", "subject", tell.kind.Title.In(lang),
				"param", n.quoted(), "evidence", sa.evidence(dbEvent(tellIdx))))
			reported = true
			srcName = n
			break
		}
		for i, n := range o.names {
			v := sa.judge(n, o.path)
			if !v.unknown {
				continue
			}
			ev := dbEvent(i)
			if ev == nil {
				continue
			}
			srcName = n
			if n.param() >= 0 && returned {
				break // the caller names the parameter and gets the value: judged there
			}
			k := sa.dbKind()
			if k == nil {
				break
			}
			sa.report(ruleDBParam, o.call.Pos(), sa.ps.s.MessageAs(ruleDBParam, "", "subject", k.Title.In(lang),
				"param", n.quoted(), "evidence", sa.evidence(ev)))
			reported, secret = true, true
			break
		}
	}
	// secret-logged
	if secret {
		for _, e := range events {
			if e.kind != evLog {
				continue
			}
			pos := e.pos
			if !sa.inPackage(pos) {
				pos = e.hop
			}
			sink := e.sink.Desc
			if e.sink.Where != "" && pos == e.hop && e.hop != e.pos {
				sink += " in " + e.sink.Where
			}
			variant := ""
			if o.store == storeSSM {
				variant = "parameter"
			}
			sa.report(ruleLogged, pos, sa.ps.s.MessageAs(ruleLogged, variant, "param", srcName.quoted(), "sink", sink))
		}
	}
	// uncached-secret-fetch
	fetch := ""
	if secret && !o.cached {
		fetch = srcName.quoted()
		if o.helper != nil {
			fetch = o.helper.Fetch
		}
	}
	if fetch != "" {
		sa.uncached(fn, o.call, fetch)
	}
	if returned {
		src := &sourceInfo{Store: int(o.store), Name: srcName, Path: o.path, Decrypt: o.decrypt,
			Reported: reported || o.helper != nil && o.helper.Source.Reported, Secret: secret, DB: dbEvent(0)}
		if o.helper != nil && o.helper.NameParam >= 0 && srcName.param() < 0 {
			src.Reported = reported
		}
		sum.Source = src
		if p := srcName.param(); p >= 0 {
			sum.NameParam = p
		}
		if fetch != "" && !sa.inLoopOrHandler(fn, o.call) {
			sum.Fetch = fetch
		}
	}
}

// uncached reports a fetch inside a loop or an HTTP handler.
func (sa *storeAnalysis) uncached(fn *ssa.Function, call *ssa.Call, param string) {
	ce := sa.calls[call.Pos()]
	if ce == nil {
		return
	}
	callText := exprText(ce.Fun)
	if sa.inLoop(fn, call.Block()) {
		sa.report(ruleUncached, call.Pos(), sa.ps.s.MessageAs(ruleUncached, "", "call", callText, "param", param))
		return
	}
	if h := handlerName(fn); h != "" {
		sa.report(ruleUncached, call.Pos(), sa.ps.s.MessageAs(ruleUncached, "handler", "call", callText, "param", param, "handler", h))
	}
}

func (sa *storeAnalysis) inLoopOrHandler(fn *ssa.Function, call *ssa.Call) bool {
	return sa.inLoop(fn, call.Block()) || handlerName(fn) != ""
}

// inLoop reports whether block b lies on a cycle of fn's control flow.
func (sa *storeAnalysis) inLoop(fn *ssa.Function, b *ssa.BasicBlock) bool {
	if b == nil {
		return false
	}
	m, ok := sa.loops[fn]
	if !ok {
		m = map[*ssa.BasicBlock]bool{}
		sa.loops[fn] = m
	}
	in, ok := m[b]
	if ok {
		return in
	}
	seen := map[*ssa.BasicBlock]bool{}
	stack := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == b {
			in = true
			break
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, x.Succs...)
	}
	m[b] = in
	return in
}

// handlerName returns the name of the HTTP handler fn is (or is inside),
// or "".
func handlerName(fn *ssa.Function) string {
	for f := fn; f != nil; f = f.Parent() {
		params := f.Signature.Params()
		w, r := false, false
		for i := 0; i < params.Len(); i++ {
			t := params.At(i).Type()
			w = w || namedFrom(t, "ResponseWriter", "net/http")
			_, isPtr := types.Unalias(t).(*types.Pointer)
			r = r || isPtr && namedFrom(t, "Request", "net/http")
		}
		if w && r {
			for g := f; g != nil; g = g.Parent() {
				if g.Parent() == nil {
					return g.Name()
				}
			}
		}
	}
	return ""
}

// evidence renders the {evidence} of a message: where the value goes.
func (sa *storeAnalysis) evidence(s *sinkInfo) string {
	if s == nil {
		return ""
	}
	where := s.Where
	if where == "" && s.pos.IsValid() {
		where = sa.where(s.pos)
	}
	if sa.ps.s.Lang == "ja" {
		return fmt.Sprintf("（%s の %s に渡る）", where, s.Desc)
	}
	return fmt.Sprintf(" (reaches %s in %s)", s.Desc, where)
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
