package storeflow

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

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
	// plain is set when the read says WithDecryption: false; value is
	// what a write stores.
	plain bool
	value nameTmpl
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
		return sdkOrigin(r, call, op, in)
	}
	obj := staticFunc(c)
	if obj == nil {
		return nil
	}
	if obj.Pkg() != nil && strings.HasSuffix(obj.Pkg().Path(), "/secretcache") && strings.HasPrefix(obj.Name(), "GetSecret") && len(c.Args) >= 2 {
		id := c.Args[1] // the first string after the receiver (and a context)
		for _, a := range c.Args[1:] {
			if isString(a.Type()) {
				id = a
				break
			}
		}
		return &origin{call: call, store: storeSM, op: opRead, cached: true, names: []nameTmpl{r.name(id)},
			starts: []ssa.Value{call}, start: state{shape: mark, idx: -1}}
	}
	return sa.helperOrigin(r, call, obj)
}

// sdkOrigin is the origin of an SDK call given the input in, a local
// allocation of one of the SDK's input types.
func sdkOrigin(r *resolver, call *ssa.Call, op operation, in *ssa.Alloc) *origin {
	o := &origin{call: call, store: op.store, op: op.op}
	st, _ := in.Type().(*types.Pointer).Elem().Underlying().(*types.Struct)
	if st == nil {
		return nil
	}
	for i := 0; i < st.NumFields(); i++ {
		if v := storedField(in, i); v != nil {
			o.input(r, op, st.Field(i).Name(), v)
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
	for _, a := range call.Common().Args {
		var cb *ssa.Function
		switch f := a.(type) {
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

// input records what the value v of an input's field tells: the names
// read or written, the decryption flag, the parameter type.
func (o *origin) input(r *resolver, op operation, field string, v ssa.Value) {
	switch field {
	case op.name:
		o.names = append(o.names, r.name(v))
	case op.path:
		o.names = append(o.names, r.name(v))
		o.path = true
	case op.names:
		elems := sliceElems(stringSliceArg(v))
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
		o.plain = isFalse(v)
	case "Value":
		if op.op == opWrite {
			o.value = r.name(v)
		}
	case "Type":
		o.ptype = r.name(v).text()
	}
}

// helperOrigin is the origin of a call to a helper whose summary says it
// returns a store value, with the names of the call's arguments put into
// the helper's name.
func (sa *storeAnalysis) helperOrigin(r *resolver, call *ssa.Call, obj *types.Func) *origin {
	c := call.Common()
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
	if c.IsInvoke() {
		// Implementations that read under different names: one of them.
		if is := sa.invokeSummary(c); is != nil && len(is.names) > 1 {
			o.names = nil
			for _, n := range is.names {
				o.names = append(o.names, n.subst(func(i int) nameTmpl {
					if i < len(c.Args) {
						return r.name(c.Args[i])
					}
					return holeName()
				}))
			}
		}
	}
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

// isFalse reports whether v is false or aws.Bool(false).
func isFalse(v ssa.Value) bool {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil {
		return c.Value.String() == "false"
	}
	if call, ok := v.(*ssa.Call); ok {
		if fn := staticFunc(call.Common()); fn != nil && fn.Name() == "Bool" && len(call.Call.Args) == 1 {
			return isFalse(call.Call.Args[0])
		}
	}
	return false
}
