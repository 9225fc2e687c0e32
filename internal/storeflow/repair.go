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
// ill-typed package from. A statement is left out when it holds a type
// error, an expression of invalid type or a use of a variable whose
// declaration was left out; a compound statement whose header is sound is
// kept with its blocks repaired.
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
	// dropped are the objects declared by statements left out: their
	// uses are left out too.
	dropped map[types.Object]bool
}

// block returns a copy of a block without its ill-typed statements.
func (r *repairer) block(b *ast.BlockStmt) *ast.BlockStmt {
	c := *b
	c.List = nil
	for _, s := range b.List {
		if !r.bad(s) {
			c.List = append(c.List, s)
			continue
		}
		if k := r.keep(s); k != nil {
			c.List = append(c.List, k)
			continue
		}
		r.drop(s)
	}
	return &c
}

// keep returns a copy of a compound statement whose own header
// type-checks, with its blocks repaired, or nil.
func (r *repairer) keep(s ast.Stmt) ast.Stmt {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return r.block(s)
	case *ast.IfStmt:
		if s.Init != nil && r.bad(s.Init) || r.bad(s.Cond) {
			return nil
		}
		c := *s
		c.Body = r.block(s.Body)
		if s.Else != nil && r.bad(s.Else) {
			c.Else = r.keep(s.Else)
			if c.Else == nil {
				c.Else = &ast.BlockStmt{Lbrace: s.Else.Pos(), Rbrace: s.Else.End() - 1}
			}
		}
		return &c
	case *ast.ForStmt:
		if s.Init != nil && r.bad(s.Init) || s.Cond != nil && r.bad(s.Cond) || s.Post != nil && r.bad(s.Post) {
			return nil
		}
		c := *s
		c.Body = r.block(s.Body)
		return &c
	case *ast.RangeStmt:
		if r.bad(s.X) || s.Key != nil && r.bad(s.Key) || s.Value != nil && r.bad(s.Value) {
			return nil
		}
		c := *s
		c.Body = r.block(s.Body)
		return &c
	}
	return nil
}

// drop records the objects a statement left out declares.
func (r *repairer) drop(s ast.Stmt) {
	ast.Inspect(s, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := r.info.Defs[id]; obj != nil {
				if r.dropped == nil {
					r.dropped = map[types.Object]bool{}
				}
				r.dropped[obj] = true
			}
		}
		return true
	})
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
			found = invalidVar(r.info.Uses[id]) || invalidVar(r.info.Defs[id]) || r.dropped[r.info.Uses[id]]
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
