package storeflow

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Names built by the program's own helpers: a function of this package
// whose result is a name built from its parameters (fmt.Sprintf,
// path.Join, +) is resolved through its body; a function of another
// package that takes two or more string parts, at least one of them
// constant (params.Key("auth", env, "backoffice", "OIDC_CLIENT_SECRET")),
// is taken to join them with "/", after an unknown prefix.

// helperName resolves the name a call to a helper returns.
func (r *resolver) helperName(call *ssa.Call, fn *types.Func) nameTmpl {
	c := call.Common()
	if callee := c.StaticCallee(); callee != nil && callee.Pkg == r.fnPkg && callee.Blocks != nil {
		if n, ok := r.inline(call, callee); ok {
			return n
		}
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() != 1 || !isString(sig.Results().At(0).Type()) {
		return holeName()
	}
	var parts []nameTmpl
	constant := false
	for _, a := range c.Args {
		if elems := sliceElems(a); elems != nil && isStringSlice(a.Type()) {
			for _, e := range elems {
				if e == nil {
					parts = append(parts, holeName())
					continue
				}
				parts = append(parts, r.name(e))
			}
			continue
		}
		if !isString(a.Type()) {
			continue
		}
		parts = append(parts, r.name(a))
	}
	for _, p := range parts {
		constant = constant || p.known()
	}
	if len(parts) < 2 || !constant {
		return holeName()
	}
	out := holeName()
	for i, p := range parts {
		if i > 0 {
			out = append(out, litName("/")...)
		}
		out = append(out, p...)
	}
	return out
}

// inline resolves the single name a function of this package returns,
// its parameters replaced by the call's arguments.
func (r *resolver) inline(call *ssa.Call, callee *ssa.Function) (nameTmpl, bool) {
	var ret ssa.Value
	for _, b := range callee.Blocks {
		for _, instr := range b.Instrs {
			if rt, ok := instr.(*ssa.Return); ok && len(rt.Results) > 0 {
				if ret != nil {
					return nil, false
				}
				ret = rt.Results[0]
			}
		}
	}
	if ret == nil {
		return nil, false
	}
	inner := &resolver{fn: callee, fnPkg: r.fnPkg, depth: r.depth + 1, global: r.global}
	n := inner.name(ret)
	if !n.known() {
		return nil, false
	}
	args := call.Common().Args
	off := 0
	if callee.Signature.Recv() != nil {
		off = 1
	}
	return n.subst(func(i int) nameTmpl {
		if i+off < len(args) {
			return r.name(args[i+off])
		}
		return holeName()
	}), true
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isStringSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && isString(s.Elem())
}

// stringSliceArg returns the []string literal given to aws.StringSlice,
// or v.
func stringSliceArg(v ssa.Value) ssa.Value {
	call, ok := v.(*ssa.Call)
	if !ok {
		return v
	}
	fn := staticFunc(call.Common())
	if fn != nil && fn.Pkg() != nil && (fn.Pkg().Path() == pkgV1AWS || fn.Pkg().Path() == pkgV2AWS) && fn.Name() == "StringSlice" && len(call.Call.Args) == 1 {
		return call.Call.Args[0]
	}
	return v
}

// endsWithSlash reports whether a name ends with a literal "/".
func endsWithSlash(n nameTmpl) bool {
	if len(n) == 0 {
		return false
	}
	last := n[len(n)-1]
	return !last.Hole && last.Param < 0 && strings.HasSuffix(last.Lit, "/")
}
