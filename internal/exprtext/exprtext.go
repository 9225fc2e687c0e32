// Package exprtext renders name-like Go expressions for messages.
package exprtext

import (
	"go/ast"
	"strings"
)

// Of renders a name-like expression (cfg.Password, req.SetBasicAuth,
// mysql.Config) for messages. It never prints a literal: anything that is
// not a name becomes "…".
func Of(e ast.Expr) string {
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
