package storeflow

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Ill-typed code (a package analysed with partial types, a dependency
// that is missing) makes the SSA builder panic. The store checks then
// build the SSA of a repaired copy of the files: the statements of
// function bodies and the package initialisers that do not type-check
// are left out, the rest of the code is kept. The copies are shallow:
// the analysed files are never changed, the type information is shared.

// repaired returns the files and type information to build the SSA of an
// ill-typed package from.
func repaired(files []*ast.File, info *types.Info, errs []types.Error) ([]*ast.File, *types.Info) {
	r := &repairer{info: info}
	for _, e := range errs {
		r.errs = append(r.errs, e.Pos)
	}
	out := make([]*ast.File, len(files))
	for i, f := range files {
		c := *f
		c.Decls = make([]ast.Decl, len(f.Decls))
		for j, d := range f.Decls {
			c.Decls[j] = d
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				fc := *fd
				fc.Body = r.block(fd.Body)
				c.Decls[j] = &fc
			}
		}
		out[i] = &c
	}
	ic := *info
	ic.InitOrder = nil
	for _, in := range info.InitOrder {
		if !r.bad(in.Rhs) {
			ic.InitOrder = append(ic.InitOrder, in)
		}
	}
	return out, &ic
}

type repairer struct {
	info *types.Info
	errs []token.Pos
}

// block returns a copy of a block without its ill-typed statements; the
// blocks of the statements kept are repaired in turn.
func (r *repairer) block(b *ast.BlockStmt) *ast.BlockStmt {
	c := *b
	c.List = nil
	for _, s := range b.List {
		if r.bad(s) {
			continue
		}
		c.List = append(c.List, s)
	}
	return &c
}

// bad reports whether a node holds a type error or an expression of
// invalid type.
func (r *repairer) bad(n ast.Node) bool {
	for _, p := range r.errs {
		if n.Pos() <= p && p < n.End() {
			return true
		}
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		e, ok := m.(ast.Expr)
		if !ok {
			return true
		}
		if tv, ok := r.info.Types[e]; ok && invalid(tv.Type) {
			found = true
		}
		if id, ok := e.(*ast.Ident); ok {
			found = invalidVar(r.info.Uses[id]) || invalidVar(r.info.Defs[id])
		}
		return !found
	})
	return found
}

// invalidVar reports whether obj is a variable or constant of invalid
// type (package names and builtins have no type).
func invalidVar(obj types.Object) bool {
	switch obj.(type) {
	case *types.Var, *types.Const:
		return invalid(obj.Type())
	}
	return false
}

func invalid(t types.Type) bool {
	if t == nil {
		return true
	}
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.Invalid
}
