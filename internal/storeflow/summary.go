package storeflow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// summaryOf returns the summary of a call's callee: computed for a
// function of this package, a fact for another package's, merged from
// the implementations' for a call through an interface (iface.go).
func (sa *storeAnalysis) summaryOf(c *ssa.CallCommon) *storeFact {
	if c.IsInvoke() {
		if s := sa.invokeSummary(c); s != nil {
			return s.sum
		}
		return nil
	}
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
			if sa.tagLoad(fn, call) {
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
