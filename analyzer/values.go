package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
)

// Values and types of expressions, with or without type information.

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
