package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strconv"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/awsguard/secretlint/internal/exprtext"
)

// hardcoded-credential: a literal under a credential name.

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
// credential name itself or holds a token: it is judged where it is
// declared.
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
	if !ok {
		return false
	}
	if fs.classify(c.Name()).Credential() {
		return true
	}
	v, isString := fs.constString(e)
	return isString && len(fs.s.Matcher.Tokens(v)) > 0
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
		return l.Sel.Name, func() string { return fs.place(placeAssign, exprtext.Of(l)) }
	case *ast.IndexExpr:
		if k, ok := fs.constString(l.Index); ok && keyLike(k) {
			return k, func() string { return fs.place(placeMapKey, strconv.Quote(k)) }
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
		return k, func() string { return fs.place(placeMapKey, strconv.Quote(k)) }
	}
	return "", nil
}

// typeText names a composite literal's type without printing any value.
func (fs *fileScan) typeText(lit *ast.CompositeLit) string {
	if lit.Type != nil {
		return exprtext.Of(lit.Type)
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
		fs.credential(name, value, func() string { return fs.place(placeComparison, exprtext.Of(other)) })
	}
}

// keyRE matches strings that can be names: identifiers, env var names,
// dotted keys and header names, not sentences or format strings.
var keyRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.\-/:]{0,99}$`)

func keyLike(s string) bool { return keyRE.MatchString(s) }
