package analyzer

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/awsguard/secretlint/internal/exprtext"
)

// place renders a {place} phrase in the settings' language; args fill
// the phrase's params in the order rules.yaml declares them.
func (fs *fileScan) place(k textID, args ...string) string {
	return fs.s.Catalogue.PhraseArgs(string(k), fs.s.Lang, args...)
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
				return fs.place(placeComparison, exprtext.Of(other))
			}
		case edge.CallExpr_Args:
			call := p.Node().(*ast.CallExpr)
			if fs.isConversion(call) {
				c = p
				continue
			}
			fun := exprtext.Of(call.Fun)
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
