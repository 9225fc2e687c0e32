package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/awsguard/secretlint/internal/config"
	"github.com/awsguard/secretlint/internal/directive"
	"github.com/awsguard/secretlint/internal/match"
)

// Rule IDs the analyzer implements. Their texts live in rules.yaml.
const (
	ruleCredential  = "hardcoded-credential"
	ruleToken       = "hardcoded-token"
	ruleConn        = "credential-in-connection-string"
	ruleStaticAWS   = "static-aws-credentials"
	ruleSuppression = "invalid-suppression"
)

// minScanLen is the shortest string value worth giving to the token
// detectors and connection-string parsers.
const minScanLen = 8

// nodeTypes are the nodes the analyzer visits.
var nodeTypes = []ast.Node{
	(*ast.BasicLit)(nil),
	(*ast.BinaryExpr)(nil),
	(*ast.ValueSpec)(nil),
	(*ast.AssignStmt)(nil),
	(*ast.CompositeLit)(nil),
	(*ast.CallExpr)(nil),
}

// passScan is the state of one Run.
type passScan struct {
	pass   *analysis.Pass
	s      *config.Settings
	cwd    string
	prefix bool
	names  map[string]match.Name
	// store holds the store checks' findings by file.
	store map[*token.File][]storeFinding
}

// classify classifies an identifier, caching the result for the pass.
func (ps *passScan) classify(name string) match.Name {
	n, ok := ps.names[name]
	if !ok {
		n = ps.s.Matcher.ClassifyName(name)
		ps.names[name] = n
	}
	return n
}

// relPath returns the slash path that path rules and the test policy see:
// relative to the working directory when the file lies below it.
func (ps *passScan) relPath(name string) string {
	if ps.cwd != "" {
		if rel, err := filepath.Rel(ps.cwd, name); err == nil && filepath.IsLocal(rel) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(name)
}

// candidate is a finding before precedence and suppressions are applied.
type candidate struct {
	rule     string
	pos, end token.Pos
	msg      string
	prec     int
	order    int
	// stack is set for findings that do not compete for their location
	// with the other rules (a log call, a fetch in a loop).
	stack bool
}

// fileScan is the state of one file.
type fileScan struct {
	*passScan
	file  *ast.File
	tf    *token.File
	path  string
	on    map[string]bool
	cands []candidate
	dirs  directive.Set
	// dirEnd maps a directive's line and column to the end of its comment.
	dirEnd map[[2]int]token.Pos
}

func (ps *passScan) file(fc inspector.Cursor, f *ast.File) {
	if !ps.s.Generated && ast.IsGenerated(f) {
		return
	}
	tf := ps.pass.Fset.File(f.FileStart)
	if tf == nil {
		return
	}
	fs := &fileScan{passScan: ps, file: f, tf: tf, path: ps.relPath(tf.Name()), on: map[string]bool{}}
	active := false
	for _, id := range append([]string{ruleCredential, ruleToken, ruleConn, ruleStaticAWS, ruleSuppression}, storeRules...) {
		fs.on[id] = !ps.s.Skip(id, fs.path)
		active = active || fs.on[id]
	}
	if !active {
		return
	}
	fs.comments()
	if fs.on[ruleCredential] || fs.on[ruleToken] || fs.on[ruleConn] || fs.on[ruleStaticAWS] {
		for c := range fc.Preorder(nodeTypes...) {
			fs.visit(c)
		}
	}
	for _, sf := range ps.store[tf] {
		fs.addMsg(sf.rule, sf.pos, sf.end, sf.msg, sf.rule == ruleLogged || sf.rule == ruleUncached)
	}
	fs.finish()
}

func (fs *fileScan) visit(c inspector.Cursor) {
	switch n := c.Node().(type) {
	case *ast.BasicLit:
		if n.Kind == token.STRING {
			fs.literal(c, n)
		}
	case *ast.BinaryExpr:
		switch n.Op {
		case token.ADD:
			fs.fold(c, n)
		case token.EQL, token.NEQ:
			fs.comparison(n)
		}
	case *ast.ValueSpec:
		fs.valueSpec(c, n)
	case *ast.AssignStmt:
		fs.assign(n)
	case *ast.CompositeLit:
		fs.staticAWSLit(n)
		fs.composite(n)
	case *ast.CallExpr:
		fs.staticAWSCall(n)
		fs.call(n)
	}
}

// ruleAllows reports whether a rule may report in this file. Detectors can
// name rules of their own, so unknown IDs are looked up too.
func (fs *fileScan) ruleAllows(id string) bool {
	on, ok := fs.on[id]
	if !ok {
		on = fs.s.Known(id) && !fs.s.Skip(id, fs.path)
		fs.on[id] = on
	}
	return on
}

// add records a candidate finding of rule over [pos, end).
func (fs *fileScan) add(rule string, pos, end token.Pos, args ...string) {
	if !fs.ruleAllows(rule) {
		return
	}
	r := fs.s.Rule(rule)
	if r == nil {
		return
	}
	fs.cands = append(fs.cands, candidate{
		rule:  rule,
		pos:   pos,
		end:   end,
		msg:   fs.s.Message(rule, args...),
		prec:  r.Precedence,
		order: len(fs.cands),
	})
}

// addMsg records a candidate finding with its message made.
func (fs *fileScan) addMsg(rule string, pos, end token.Pos, msg string, stack bool) {
	if !fs.ruleAllows(rule) {
		return
	}
	r := fs.s.Rule(rule)
	if r == nil {
		return
	}
	fs.cands = append(fs.cands, candidate{rule: rule, pos: pos, end: end, msg: msg, prec: r.Precedence, order: len(fs.cands), stack: stack})
}

// finish keeps one finding per location (the rule of highest precedence),
// applies the file's suppressions and reports what is left, then the
// problems of the directives.
func (fs *fileScan) finish() {
	byPrec := slices.Clone(fs.cands)
	slices.SortStableFunc(byPrec, func(a, b candidate) int {
		return cmp.Or(
			cmp.Compare(b.prec, a.prec),
			cmp.Compare(a.end-a.pos, b.end-b.pos),
			cmp.Compare(a.order, b.order),
		)
	})
	var kept []candidate
	for _, c := range byPrec {
		if c.stack || !slices.ContainsFunc(kept, func(k candidate) bool { return !k.stack && c.pos < k.end && k.pos < c.end }) {
			kept = append(kept, c)
		}
	}
	slices.SortFunc(kept, func(a, b candidate) int { return cmp.Compare(a.pos, b.pos) })
	for _, c := range kept {
		if fs.dirs.Suppressed(c.rule, fs.tf.Line(c.pos)) {
			continue
		}
		fs.report(c.rule, c.pos, c.end, c.msg)
	}
	if fs.dirs.Len() == 0 || !fs.on[ruleSuppression] {
		return
	}
	enabled := func(id string) bool { return fs.s.Known(id) && !fs.s.Skip(id, fs.path) }
	for _, p := range fs.dirs.Problems(fs.s.Known, enabled) {
		pos := fs.tf.LineStart(p.Line) + token.Pos(p.Column-1)
		end := fs.dirEnd[[2]int{p.Line, p.Column}]
		fs.report(ruleSuppression, pos, end, fs.s.Message(ruleSuppression, "problem", fs.s.Phrase(p.Phrase, p.Args...)))
	}
}

func (fs *fileScan) report(rule string, pos, end token.Pos, msg string) {
	if fs.prefix {
		msg = rule + ": " + msg
	}
	fs.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: rule, Message: msg})
}

// --- string literals, folded constants and comments ---

// literal scans a string literal for tokens and connection strings.
func (fs *fileScan) literal(c inspector.Cursor, lit *ast.BasicLit) {
	if len(lit.Value) < minScanLen+2 {
		return
	}
	switch c.ParentEdgeKind() {
	case edge.ImportSpec_Path, edge.Field_Tag:
		return
	}
	body, exact := literalBody(lit)
	fs.scanText(body, exact, lit.Pos()+1, lit.Pos(), lit.End(), func() string { return fs.exprPlace(c) })
}

// literalBody returns the value of a string literal and whether its bytes
// are the source bytes after the opening quote (no escapes, no carriage
// returns), so that offsets in the value are offsets in the source.
func literalBody(lit *ast.BasicLit) (string, bool) {
	raw := lit.Value
	if len(raw) >= 2 {
		inner := raw[1 : len(raw)-1]
		switch raw[0] {
		case '`':
			if !strings.Contains(inner, "\r") {
				return inner, true
			}
		case '"':
			if !strings.Contains(inner, `\`) {
				return inner, true
			}
		}
	}
	v, err := strconv.Unquote(raw)
	if err != nil {
		return "", false
	}
	return v, false
}

// fold scans the value of a constant string concatenation: a token or a
// connection string may be split over its operands.
func (fs *fileScan) fold(c inspector.Cursor, bin *ast.BinaryExpr) {
	if p, ok := c.Parent().Node().(*ast.BinaryExpr); ok && p.Op == token.ADD {
		return // only the outermost +
	}
	v, ok := fs.constString(bin)
	if !ok || len(v) < minScanLen {
		return
	}
	fs.scanText(v, false, 0, bin.Pos(), bin.End(), func() string { return fs.exprPlace(c) })
}

// scanText reports the tokens and connection strings in text. When exact,
// offsets in text are offsets from base; else findings cover [pos, end).
func (fs *fileScan) scanText(text string, exact bool, base, pos, end token.Pos, place func() string) {
	at := func(s, e int) (token.Pos, token.Pos) {
		if exact {
			return base + token.Pos(s), base + token.Pos(e)
		}
		return pos, end
	}
	var pl string
	placeOnce := func() string {
		if pl == "" {
			pl = place()
		}
		return pl
	}
	for _, t := range fs.s.Matcher.Tokens(text) {
		if !fs.ruleAllows(t.Rule) {
			continue
		}
		p, e := at(t.Start, t.End)
		fs.add(t.Rule, p, e, "detector", t.Title, "place", placeOnce())
	}
	if fs.on[ruleConn] {
		for _, cs := range fs.s.Matcher.ConnStrings(text) {
			p, e := at(cs.Start, cs.End)
			fs.add(ruleConn, p, e, "scheme", cs.Scheme, "place", placeOnce())
		}
	}
}

// comments collects the suppression directives and scans every other
// comment for tokens.
func (fs *fileScan) comments() {
	fs.dirEnd = map[[2]int]token.Pos{}
	for _, cg := range fs.file.Comments {
		for _, c := range cg.List {
			if d, ok := parseDirective(c.Text); ok {
				p := fs.tf.Position(c.Pos())
				d.Line, d.Column, d.EndLine = p.Line, p.Column, fs.tf.Line(c.End())
				fs.dirs.Add(d)
				fs.dirEnd[[2]int{p.Line, p.Column}] = c.End()
				continue
			}
			if !fs.s.Matcher.MayHaveTokens(c.Text) {
				continue
			}
			for _, t := range fs.s.Matcher.Tokens(c.Text) {
				fs.add(t.Rule, c.Pos()+token.Pos(t.Start), c.Pos()+token.Pos(t.End),
					"detector", t.Title, "place", fs.place(placeComment))
			}
		}
	}
}

// --- hardcoded-credential: a literal under a credential name ---

// credential reports value when it is a literal credential given to name.
func (fs *fileScan) credential(name string, value ast.Expr, place func() string) {
	if !fs.on[ruleCredential] || name == "" || name == "_" {
		return
	}
	n := fs.classify(name)
	if !n.Credential() {
		return
	}
	v, ok := fs.constString(value)
	if !ok || fs.credentialConstRef(value) {
		return
	}
	if !fs.s.Matcher.LiteralCredential(ruleCredential, n, v) {
		return
	}
	fs.add(ruleCredential, value.Pos(), value.End(), "kind", n.Kind.Title.In(fs.s.Lang), "place", place())
}

// credentialConstRef reports whether e only names a constant that has a
// credential name itself: it is judged where it is declared.
func (fs *fileScan) credentialConstRef(e ast.Expr) bool {
	e = fs.unwrap(e)
	var id *ast.Ident
	switch e := e.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	if fs.pass.TypesInfo == nil {
		return false
	}
	c, ok := fs.pass.TypesInfo.Uses[id].(*types.Const)
	return ok && fs.classify(c.Name()).Credential()
}

func (fs *fileScan) valueSpec(c inspector.Cursor, spec *ast.ValueSpec) {
	gd, ok := c.Parent().Node().(*ast.GenDecl)
	if !ok {
		return
	}
	kind := placeVar
	if gd.Tok == token.CONST {
		kind = placeConst
	}
	for i, name := range spec.Names {
		if i >= len(spec.Values) {
			break
		}
		if gd.Tok == token.CONST && fs.enumConst(spec, name) {
			continue
		}
		fs.credential(name.Name, spec.Values[i], func() string { return fs.place(kind, name.Name) })
	}
}

// enumConst reports whether name is a constant of a named string type: an
// enum value such as TokenTypeBearer, not a secret.
func (fs *fileScan) enumConst(spec *ast.ValueSpec, name *ast.Ident) bool {
	if fs.pass.TypesInfo != nil {
		if obj := fs.pass.TypesInfo.Defs[name]; obj != nil && obj.Type() != nil {
			named, ok := types.Unalias(obj.Type()).(*types.Named)
			if !ok {
				return false
			}
			b, ok := named.Underlying().(*types.Basic)
			return ok && b.Info()&types.IsString != 0
		}
	}
	if spec.Type == nil {
		return false
	}
	id, ok := spec.Type.(*ast.Ident)
	return !ok || id.Name != "string"
}

func (fs *fileScan) assign(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN && as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		name, place := fs.lhsName(lhs)
		fs.credential(name, as.Rhs[i], place)
	}
}

// lhsName returns the name an assignment gives its value to, and the place.
func (fs *fileScan) lhsName(lhs ast.Expr) (string, func() string) {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		return l.Name, func() string { return fs.place(placeAssign, l.Name) }
	case *ast.SelectorExpr:
		return l.Sel.Name, func() string { return fs.place(placeAssign, exprText(l)) }
	case *ast.IndexExpr:
		if k, ok := fs.constString(l.Index); ok && keyLike(k) {
			return k, func() string { return fs.place(placeMapKey, k) }
		}
	}
	return "", nil
}

func (fs *fileScan) composite(lit *ast.CompositeLit) {
	if !fs.on[ruleCredential] {
		return
	}
	isMap, known := fs.compositeKind(lit)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		name, place := fs.keyName(lit, kv, isMap, known)
		fs.credential(name, kv.Value, place)
	}
}

// compositeKind tells a map literal from a struct literal by type when it
// is known.
func (fs *fileScan) compositeKind(lit *ast.CompositeLit) (isMap, known bool) {
	if t := fs.typeOf(lit); t != nil {
		switch t.Underlying().(type) {
		case *types.Map:
			return true, true
		case *types.Struct:
			return false, true
		}
	}
	return false, false
}

// keyName returns the name a keyed element gives its value to.
func (fs *fileScan) keyName(lit *ast.CompositeLit, kv *ast.KeyValueExpr, isMap, known bool) (string, func() string) {
	if id, ok := kv.Key.(*ast.Ident); ok && (!known || !isMap) {
		return id.Name, func() string {
			if t := fs.typeText(lit); t != "" {
				return fs.place(placeFieldOf, id.Name, t)
			}
			return fs.place(placeField, id.Name)
		}
	}
	if known && !isMap {
		return "", nil
	}
	if k, ok := fs.constString(kv.Key); ok && keyLike(k) {
		return k, func() string { return fs.place(placeMapKey, k) }
	}
	return "", nil
}

// typeText names a composite literal's type without printing any value.
func (fs *fileScan) typeText(lit *ast.CompositeLit) string {
	if lit.Type != nil {
		return exprText(lit.Type)
	}
	if t := fs.typeOf(lit); t != nil {
		return types.TypeString(t, func(p *types.Package) string { return p.Name() })
	}
	return ""
}

func (fs *fileScan) comparison(bin *ast.BinaryExpr) {
	for _, side := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		other, value := ast.Unparen(side[0]), side[1]
		var name string
		switch o := other.(type) {
		case *ast.Ident:
			name = o.Name
		case *ast.SelectorExpr:
			name = o.Sel.Name
		default:
			continue
		}
		if _, isConst := fs.constString(other); isConst {
			continue
		}
		fs.credential(name, value, func() string { return fs.place(placeComparison, exprText(other)) })
	}
}

// knownParams names credential parameters of common callees, for code
// without type information: callee name -> argument index -> parameter.
var knownParams = map[string]map[int]string{
	"SetBasicAuth": {1: "password"},
	"UserPassword": {1: "password"},
}

func (fs *fileScan) call(call *ast.CallExpr) {
	if !fs.on[ruleCredential] || len(call.Args) == 0 || fs.isConversion(call) {
		return
	}
	fun := exprText(call.Fun)
	// Arguments of credential parameters, by the callee's parameter names.
	if sig := fs.signature(call); sig != nil {
		params := sig.Params()
		for i, arg := range call.Args {
			var p *types.Var
			switch {
			case sig.Variadic() && i >= params.Len()-1:
				if call.Ellipsis.IsValid() {
					continue
				}
				p = params.At(params.Len() - 1)
			case i < params.Len():
				p = params.At(i)
			}
			if p == nil {
				continue
			}
			pname := p.Name()
			fs.credential(pname, arg, func() string { return fs.place(placeArg, pname, fun) })
		}
	} else if ps := knownParams[calleeName(call.Fun)]; ps != nil {
		for i, pname := range ps {
			if i < len(call.Args) {
				fs.credential(pname, call.Args[i], func() string { return fs.place(placeArg, pname, fun) })
			}
		}
	}
	// A key and its value or default: getenv("DB_PASSWORD", "…"),
	// viper.SetDefault("db.password", "…"), m.Set("password", "…"). Only
	// for callees that store or look up a key: in Message(rule, "conflict")
	// the first argument is no name of the second.
	if len(call.Args) >= 2 && fs.keyValueCall(call) {
		if key, ok := fs.constString(call.Args[0]); ok && keyLike(key) {
			kind := placeValueOf
			if envCallee(call.Fun) {
				kind = placeFallback
			}
			fs.credential(key, call.Args[1], func() string { return fs.place(kind, key) })
		}
	}
	// A literal after an environment lookup: cmp.Or(os.Getenv("DB_PASSWORD"), "…").
	env := ""
	for _, arg := range call.Args {
		if name, ok := fs.envLookup(arg); ok {
			env = name
			continue
		}
		if env != "" {
			name := env
			fs.credential(name, arg, func() string { return fs.place(placeFallback, name) })
		}
	}
}

// keyValueCall reports whether a call takes a key and its value: the
// callee reads the environment, or its name says it sets or defaults
// something, or (with type information) its second parameter is named as
// a value or default.
func (fs *fileScan) keyValueCall(call *ast.CallExpr) bool {
	if envCallee(call.Fun) {
		return true
	}
	n := strings.ToLower(calleeName(call.Fun))
	for _, verb := range keyValuePrefixes {
		if strings.HasPrefix(n, verb) {
			return true
		}
	}
	if strings.HasSuffix(n, "or") || strings.HasSuffix(n, "default") || strings.HasSuffix(n, "defaults") {
		return true // cmp.Or, getEnvOr, withDefault
	}
	if sig := fs.signature(call); sig != nil && sig.Params().Len() >= 2 {
		switch strings.ToLower(sig.Params().At(1).Name()) {
		case "value", "val", "v", "def", "dflt", "default", "defaultvalue", "defval", "fallback", "or":
			return true
		}
	}
	return false
}

// keyValuePrefixes start the names of key/value setters: Set, SetDefault,
// Put, Store, Add, WithValue, Insert, Default.
var keyValuePrefixes = []string{"set", "put", "store", "add", "with", "insert", "upsert", "default"}

// envLookup reports whether e is a call such as os.Getenv("DB_PASSWORD")
// and returns the variable's name.
func (fs *fileScan) envLookup(e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || !envCallee(call.Fun) {
		return "", false
	}
	name, ok := fs.constString(call.Args[0])
	if !ok || !keyLike(name) {
		return "", false
	}
	return name, true
}

// envCallee reports whether a callee's name says it reads the environment
// (Getenv, LookupEnv, getEnvOr) rather than sets it.
func envCallee(fun ast.Expr) bool {
	n := strings.ToLower(calleeName(fun))
	return strings.Contains(n, "env") && !strings.HasPrefix(n, "set") && !strings.HasPrefix(n, "unset")
}

// calleeName returns the last name of a callee expression.
func calleeName(fun ast.Expr) string {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr: // generic instantiation
		return calleeName(f.X)
	case *ast.IndexListExpr:
		return calleeName(f.X)
	}
	return ""
}

// keyRE matches strings that can be names: identifiers, env var names,
// dotted keys and header names, not sentences or format strings.
var keyRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.\-/:]{0,99}$`)

func keyLike(s string) bool { return keyRE.MatchString(s) }

// --- static-aws-credentials ---

// AWS SDK packages whose static credentials are reported.
const (
	pkgV2Credentials = "github.com/aws/aws-sdk-go-v2/credentials"
	pkgV2AWS         = "github.com/aws/aws-sdk-go-v2/aws"
	pkgV1Credentials = "github.com/aws/aws-sdk-go/aws/credentials"
)

// staticAWSCall reports NewStaticCredentialsProvider / NewStaticCredentials
// calls whose access key ID and secret access key are both literals.
func (fs *fileScan) staticAWSCall(call *ast.CallExpr) {
	if !fs.on[ruleStaticAWS] || len(call.Args) < 2 || fs.pass.TypesInfo == nil {
		return
	}
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.Ident:
		id = f
	default:
		return
	}
	fn, ok := fs.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	switch {
	case fn.Pkg().Path() == pkgV2Credentials && fn.Name() == "NewStaticCredentialsProvider",
		fn.Pkg().Path() == pkgV1Credentials && fn.Name() == "NewStaticCredentials":
	default:
		return
	}
	if fs.literalAWS(call.Args[0], false) && fs.literalAWS(call.Args[1], true) {
		fs.add(ruleStaticAWS, call.Pos(), call.End(), "place", fs.place(placeCall, exprText(call.Fun)))
	}
}

// staticAWSLit reports aws.Credentials{…} and v1 credentials.Value{…}
// literals whose access key ID and secret access key are both literals.
func (fs *fileScan) staticAWSLit(lit *ast.CompositeLit) {
	if !fs.on[ruleStaticAWS] || fs.pass.TypesInfo == nil {
		return
	}
	named, ok := types.Unalias(fs.typeOf(lit)).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return
	}
	switch path, name := named.Obj().Pkg().Path(), named.Obj().Name(); {
	case path == pkgV2AWS && name == "Credentials", path == pkgV1Credentials && name == "Value":
	default:
		return
	}
	var idOK, secretOK bool
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		switch {
		case key == nil:
		case key.Name == "AccessKeyID":
			idOK = fs.literalAWS(kv.Value, false)
		case key.Name == "SecretAccessKey":
			secretOK = fs.literalAWS(kv.Value, true)
		}
	}
	if idOK && secretOK {
		fs.add(ruleStaticAWS, lit.Pos(), lit.End(), "place", fs.place(placeLiteralOf, fs.typeText(lit)))
	}
}

// literalAWS reports whether e is a constant string with the shape of a
// real access key ID (or, with secret, secret access key): not a
// placeholder such as "test" or "accessKey", a reference or an allowed value.
func (fs *fileScan) literalAWS(e ast.Expr, secret bool) bool {
	v, ok := fs.constString(e)
	if !ok {
		return false
	}
	if secret {
		return fs.s.Matcher.AWSSecretAccessKey(ruleStaticAWS, v)
	}
	return fs.s.Matcher.AWSAccessKeyID(ruleStaticAWS, v)
}

// --- values and types ---

// constString returns the value of a constant string expression: a literal,
// a concatenation, a named constant (with type information) or a
// conversion of one ([]byte("…"), string(…)).
func (fs *fileScan) constString(e ast.Expr) (string, bool) {
	e = fs.unwrap(e)
	if fs.pass.TypesInfo != nil {
		if tv, ok := fs.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
			if tv.Value.Kind() != constant.String {
				return "", false
			}
			return constant.StringVal(tv.Value), true
		}
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		v, err := strconv.Unquote(e.Value)
		return v, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok := fs.constString(e.X)
		if !ok {
			return "", false
		}
		y, ok := fs.constString(e.Y)
		return x + y, ok
	}
	return "", false
}

// unwrap strips parentheses and conversions.
func (fs *fileScan) unwrap(e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !fs.isConversion(call) {
			return e
		}
		e = call.Args[0]
	}
}

// isConversion reports whether call converts a value: []byte(s),
// string(b), T(s).
func (fs *fileScan) isConversion(call *ast.CallExpr) bool {
	if len(call.Args) != 1 || call.Ellipsis.IsValid() {
		return false
	}
	if fs.pass.TypesInfo != nil {
		if tv, ok := fs.pass.TypesInfo.Types[call.Fun]; ok {
			return tv.IsType()
		}
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.ArrayType:
		return f.Len == nil
	case *ast.Ident:
		return f.Name == "string" || f.Name == "byte"
	}
	return false
}

func (fs *fileScan) typeOf(e ast.Expr) types.Type {
	if fs.pass.TypesInfo == nil {
		return nil
	}
	return fs.pass.TypesInfo.TypeOf(e)
}

func (fs *fileScan) signature(call *ast.CallExpr) *types.Signature {
	t := fs.typeOf(call.Fun)
	if t == nil {
		return nil
	}
	sig, _ := t.Underlying().(*types.Signature)
	return sig
}

// --- places ---

// placeKind is a kind of location named in messages ({place}).
type placeKind int

const (
	placeLiteral placeKind = iota
	placeComment
	placeConst
	placeVar
	placeAssign
	placeField
	placeFieldOf
	placeMapKey
	placeArg
	placeArgOf
	placeComparison
	placeFallback
	placeValueOf
	placeCall
	placeLiteralOf
)

// places are the {place} phrases in English and Japanese. They name where a
// value is, never the value.
var places = map[placeKind][2]string{
	placeLiteral:    {"string literal", "文字列リテラル"},
	placeComment:    {"comment", "コメント"},
	placeConst:      {"const %s", "定数 %s"},
	placeVar:        {"var %s", "変数 %s"},
	placeAssign:     {"assignment to %s", "%s への代入"},
	placeField:      {"field %s", "フィールド %s"},
	placeFieldOf:    {"field %s of %s", "%[2]s のフィールド %[1]s"},
	placeMapKey:     {"map key %q", "マップのキー %q"},
	placeArg:        {"argument %s of %s", "%[2]s の引数 %[1]s"},
	placeArgOf:      {"argument of %s", "%s の引数"},
	placeComparison: {"comparison with %s", "%s との比較"},
	placeFallback:   {"fallback of %s", "%s のフォールバック値"},
	placeValueOf:    {"value of %s", "%s の値"},
	placeCall:       {"call to %s", "%s の呼び出し"},
	placeLiteralOf:  {"%s literal", "%s リテラル"},
}

func (fs *fileScan) place(k placeKind, args ...any) string {
	f := places[k][0]
	if fs.s.Lang == "ja" {
		f = places[k][1]
	}
	return fmt.Sprintf(f, args...)
}

// exprPlace names where the value of the expression at c goes: the
// declaration, assignment, field, argument or comparison it is part of.
func (fs *fileScan) exprPlace(c inspector.Cursor) string {
	for {
		k, idx := c.ParentEdge()
		p := c.Parent()
		switch k {
		case edge.ParenExpr_X:
			c = p
			continue
		case edge.BinaryExpr_X, edge.BinaryExpr_Y:
			bin := p.Node().(*ast.BinaryExpr)
			switch bin.Op {
			case token.ADD:
				c = p
				continue
			case token.EQL, token.NEQ:
				other := bin.X
				if k == edge.BinaryExpr_X {
					other = bin.Y
				}
				return fs.place(placeComparison, exprText(other))
			}
		case edge.CallExpr_Args:
			call := p.Node().(*ast.CallExpr)
			if fs.isConversion(call) {
				c = p
				continue
			}
			fun := exprText(call.Fun)
			if sig := fs.signature(call); sig != nil && sig.Params().Len() > 0 {
				i := min(idx, sig.Params().Len()-1)
				if n := sig.Params().At(i).Name(); n != "" && n != "_" {
					return fs.place(placeArg, n, fun)
				}
			}
			return fs.place(placeArgOf, fun)
		case edge.ValueSpec_Values:
			spec := p.Node().(*ast.ValueSpec)
			if gd, ok := p.Parent().Node().(*ast.GenDecl); ok && idx < len(spec.Names) {
				if gd.Tok == token.CONST {
					return fs.place(placeConst, spec.Names[idx].Name)
				}
				return fs.place(placeVar, spec.Names[idx].Name)
			}
		case edge.AssignStmt_Rhs:
			as := p.Node().(*ast.AssignStmt)
			if len(as.Lhs) == len(as.Rhs) {
				if _, place := fs.lhsName(as.Lhs[idx]); place != nil {
					return place()
				}
			}
		case edge.KeyValueExpr_Value:
			if lit, ok := p.Parent().Node().(*ast.CompositeLit); ok {
				isMap, known := fs.compositeKind(lit)
				if _, place := fs.keyName(lit, p.Node().(*ast.KeyValueExpr), isMap, known); place != nil {
					return place()
				}
			}
		}
		return fs.place(placeLiteral)
	}
}

// exprText renders a name-like expression (cfg.Password, req.SetBasicAuth,
// mysql.Config) for messages. It never prints a literal: anything that is
// not a name becomes "…".
func exprText(e ast.Expr) string {
	var b strings.Builder
	writeExpr(&b, e, 0)
	s := b.String()
	if len(s) > 80 {
		s = s[:77] + "…"
	}
	return s
}

func writeExpr(b *strings.Builder, e ast.Expr, depth int) {
	if depth > 8 {
		b.WriteString("…")
		return
	}
	switch e := e.(type) {
	case *ast.Ident:
		b.WriteString(e.Name)
	case *ast.SelectorExpr:
		writeExpr(b, e.X, depth+1)
		b.WriteString(".")
		b.WriteString(e.Sel.Name)
	case *ast.ParenExpr:
		writeExpr(b, e.X, depth+1)
	case *ast.StarExpr:
		b.WriteString("*")
		writeExpr(b, e.X, depth+1)
	case *ast.UnaryExpr:
		b.WriteString(e.Op.String())
		writeExpr(b, e.X, depth+1)
	case *ast.IndexExpr:
		writeExpr(b, e.X, depth+1)
		b.WriteString("[…]")
	case *ast.IndexListExpr:
		writeExpr(b, e.X, depth+1)
		b.WriteString("[…]")
	case *ast.CallExpr:
		writeExpr(b, e.Fun, depth+1)
		b.WriteString("(…)")
	case *ast.ArrayType:
		b.WriteString("[]")
		writeExpr(b, e.Elt, depth+1)
	case *ast.MapType:
		b.WriteString("map[")
		writeExpr(b, e.Key, depth+1)
		b.WriteString("]")
		writeExpr(b, e.Value, depth+1)
	default:
		b.WriteString("…")
	}
}
