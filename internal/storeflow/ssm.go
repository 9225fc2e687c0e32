package storeflow

import (
	"go/constant"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Import paths of the stores' SDK packages. Calls are recognised by the
// SDK's input types from these paths, so calls through user interfaces,
// wrappers, mocks and struct fields are found, and a local package that
// happens to be named ssm is not.
const (
	pkgV2SSM       = "github.com/aws/aws-sdk-go-v2/service/ssm"
	pkgV2SSMTypes  = "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	pkgV1SSM       = "github.com/aws/aws-sdk-go/service/ssm"
	pkgV2SM        = "github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	pkgV2SMTypes   = "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	pkgV1SM        = "github.com/aws/aws-sdk-go/service/secretsmanager"
	pkgV2AWS       = "github.com/aws/aws-sdk-go-v2/aws"
	pkgV1AWS       = "github.com/aws/aws-sdk-go/aws"
	pkgSecretCache = "github.com/aws/aws-secretsmanager-caching-go/secretcache"
)

// storePkgs are the packages whose import makes a package worth building
// SSA for.
var storePkgs = map[string]bool{
	pkgV2SSM: true, pkgV1SSM: true, pkgV2SM: true, pkgV1SM: true, pkgSecretCache: true,
	pkgSecretCache[:strings.LastIndex(pkgSecretCache, "/")] + "/v2/secretcache": true,
}

// store is the store an operation reads or writes.
type store int

const (
	storeSSM store = iota + 1
	storeSM
)

// opKind tells reads from writes.
type opKind int

const (
	opRead opKind = iota + 1
	opWrite
)

// operation describes an SDK input type: the store, whether it reads or
// writes, and the fields that name the parameter or secret.
type operation struct {
	store store
	op    opKind
	// name is a field holding one name; names a field holding a list; path
	// a field holding a path prefix.
	name, names, path string
}

// inputOps maps an input type's name, in one of the SDK packages, to its
// operation.
var inputOps = map[string]operation{
	"GetParameterInput":        {store: storeSSM, op: opRead, name: "Name"},
	"GetParametersInput":       {store: storeSSM, op: opRead, names: "Names"},
	"GetParametersByPathInput": {store: storeSSM, op: opRead, path: "Path"},
	"GetParameterHistoryInput": {store: storeSSM, op: opRead, name: "Name"},
	"PutParameterInput":        {store: storeSSM, op: opWrite, name: "Name"},
	"GetSecretValueInput":      {store: storeSM, op: opRead, name: "SecretId"},
	"BatchGetSecretValueInput": {store: storeSM, op: opRead, names: "SecretIdList"},
}

// inputOperation returns the operation of a value's type when it is a
// pointer to an SDK input type.
func inputOperation(t types.Type) (operation, bool) {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return operation{}, false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return operation{}, false
	}
	op, ok := inputOps[named.Obj().Name()]
	if !ok {
		return operation{}, false
	}
	switch path := named.Obj().Pkg().Path(); {
	case op.store == storeSSM && (path == pkgV2SSM || path == pkgV1SSM),
		op.store == storeSM && (path == pkgV2SM || path == pkgV1SM):
		return op, true
	}
	return operation{}, false
}

// namedFrom reports whether t (or what it points to) is the named type
// name of one of the packages.
func namedFrom(t types.Type, name string, pkgs ...string) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Name() != name {
		return false
	}
	for _, p := range pkgs {
		if named.Obj().Pkg().Path() == p {
			return true
		}
	}
	return false
}

// valueField reports whether field f of struct type t holds a secret value
// of a store's output: Parameter.Value, ParameterHistory.Value,
// GetSecretValueOutput.SecretString and SecretBinary, SecretValueEntry's.
func valueField(t types.Type, f string) bool {
	switch f {
	case "Value":
		// v2 before 1.0 declares Parameter in the service package.
		return namedFrom(t, "Parameter", pkgV2SSMTypes, pkgV1SSM, pkgV2SSM) || namedFrom(t, "ParameterHistory", pkgV2SSMTypes, pkgV1SSM, pkgV2SSM)
	case "SecretString", "SecretBinary":
		return namedFrom(t, "GetSecretValueOutput", pkgV2SM, pkgV1SM) || namedFrom(t, "SecretValueEntry", pkgV2SMTypes, pkgV1SM)
	}
	return false
}

// containerField reports whether field f of an output type leads to
// parameters or secrets: Parameter, Parameters, SecretValues.
func containerField(t types.Type, f string) bool {
	switch f {
	case "Parameter", "Parameters":
		return isSDKType(t, pkgV2SSM, pkgV1SSM)
	case "SecretValues":
		return isSDKType(t, pkgV2SM, pkgV1SM)
	}
	// v2 before 1.0: a …Response embeds its …Output.
	return strings.HasSuffix(f, "Output") && isSDKType(t, pkgV2SSM, pkgV2SM)
}

// isSDKType reports whether t (or what it points to) is declared in one of
// the packages.
func isSDKType(t types.Type, pkgs ...string) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	for _, p := range pkgs {
		if named.Obj().Pkg().Path() == p {
			return true
		}
	}
	return false
}

// --- names ---

// namePart is a piece of a parameter name: a literal, a hole the analysis
// cannot resolve, or the value of the enclosing function's parameter.
type namePart struct {
	Lit   string
	Hole  bool
	Param int // index of the function's parameter, receiver excluded; -1 for none
}

// nameTmpl is a parameter name as far as it is known.
type nameTmpl []namePart

func litName(s string) nameTmpl { return nameTmpl{{Lit: s, Param: -1}} }

func holeName() nameTmpl { return nameTmpl{{Hole: true, Param: -1}} }

// text renders the name with … for the unknown parts.
func (n nameTmpl) text() string {
	var b strings.Builder
	for _, p := range n {
		if p.Hole || p.Param >= 0 {
			b.WriteString("…")
		} else {
			b.WriteString(p.Lit)
		}
	}
	return b.String()
}

// known reports whether some part of the name is a literal.
func (n nameTmpl) known() bool {
	for _, p := range n {
		if !p.Hole && p.Param < 0 && strings.TrimSpace(p.Lit) != "" {
			return true
		}
	}
	return false
}

// param returns the first function parameter the name depends on, or -1.
func (n nameTmpl) param() int {
	for _, p := range n {
		if p.Param >= 0 {
			return p.Param
		}
	}
	return -1
}

// subst replaces the parameter holes with the names of a call's arguments.
func (n nameTmpl) subst(args func(int) nameTmpl) nameTmpl {
	var out nameTmpl
	for _, p := range n {
		if p.Param >= 0 {
			out = append(out, args(p.Param)...)
			continue
		}
		out = append(out, p)
	}
	return out
}

// quoted renders the name for messages: quoted, … for unknown parts.
func (n nameTmpl) quoted() string { return strconv.Quote(n.text()) }

// concat joins templates.
func concat(ts ...nameTmpl) nameTmpl {
	var out nameTmpl
	for _, t := range ts {
		out = append(out, t...)
	}
	return out
}

// resolver resolves SSA values to parameter names.
type resolver struct {
	fn     *ssa.Function
	fnPkg  *ssa.Package
	depth  int
	global func(g *ssa.Global, field int) ssa.Value
}

// name resolves v to a name template: constants, aws.String, +,
// fmt.Sprintf with a constant format, path.Join and strings.Join of
// constants, fields of struct literals, and parameters of the function.
func (r *resolver) name(v ssa.Value) nameTmpl {
	if r.depth > 12 {
		return holeName()
	}
	r.depth++
	defer func() { r.depth-- }()
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value != nil && v.Value.Kind() == constant.String {
			return litName(constant.StringVal(v.Value))
		}
	case *ssa.Parameter:
		for i, p := range r.fn.Params {
			if p == v {
				if r.fn.Signature.Recv() != nil {
					i--
				}
				return nameTmpl{{Param: i}}
			}
		}
	case *ssa.ChangeType:
		return r.name(v.X)
	case *ssa.Convert:
		return r.name(v.X)
	case *ssa.MakeInterface:
		return r.name(v.X)
	case *ssa.BinOp:
		if v.Op.String() == "+" {
			return concat(r.name(v.X), r.name(v.Y))
		}
	case *ssa.UnOp:
		if v.Op.String() == "*" {
			return r.load(v.X)
		}
	case *ssa.Call:
		return r.callName(v)
	case *ssa.Alloc:
		// &name: the variable's value.
		if s := storedAt(v); s != nil {
			return r.name(s)
		}
	}
	return holeName()
}

// load resolves a value loaded from an address: a field or element of a
// local or package-level composite literal, or a package-level variable.
func (r *resolver) load(addr ssa.Value) nameTmpl {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		if g, ok := a.X.(*ssa.Global); ok && r.global != nil {
			if v := r.global(g, a.Field); v != nil {
				return r.name(v)
			}
			// var names = params{…}: the whole literal is stored.
			if l, ok := r.global(g, -1).(*ssa.UnOp); ok {
				if v := storedField(l.X, a.Field); v != nil {
					return r.name(v)
				}
			}
			return holeName()
		}
		if v := storedField(a.X, a.Field); v != nil {
			return r.name(v)
		}
	case *ssa.Global:
		if r.global != nil {
			if v := r.global(a, -1); v != nil {
				return r.name(v)
			}
		}
	case *ssa.Alloc:
		if v := storedAt(a); v != nil {
			return r.name(v)
		}
	}
	return holeName()
}

// storedField returns the single value stored into field i of base.
func storedField(base ssa.Value, i int) ssa.Value {
	refs := base.Referrers()
	if refs == nil {
		return nil
	}
	var out ssa.Value
	for _, ref := range *refs {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.Field != i {
			continue
		}
		if v := storedAt(fa); v != nil {
			if out != nil && out != v {
				return nil
			}
			out = v
		}
	}
	return out
}

// storedAt returns the single value stored at addr.
func storedAt(addr ssa.Value) ssa.Value {
	refs := addr.Referrers()
	if refs == nil {
		return nil
	}
	var out ssa.Value
	for _, ref := range *refs {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == addr {
			if out != nil {
				return nil
			}
			out = st.Val
		}
	}
	return out
}

// sliceElems returns the values of a slice built from an array literal
// (variadic arguments, []string{…}), by index, or nil.
func sliceElems(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	at, ok := arr.Type().(*types.Pointer).Elem().Underlying().(*types.Array)
	if !ok || at.Len() > 64 {
		return nil
	}
	out := make([]ssa.Value, at.Len())
	for _, ref := range *arr.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		c, ok := ia.Index.(*ssa.Const)
		if !ok {
			continue
		}
		i, ok := constant.Int64Val(c.Value)
		if !ok || i < 0 || int(i) >= len(out) {
			continue
		}
		out[i] = storedAt(ia)
	}
	return out
}

// callName resolves names built by calls.
func (r *resolver) callName(call *ssa.Call) nameTmpl {
	fn := staticFunc(call.Common())
	if fn == nil || fn.Pkg() == nil {
		return holeName()
	}
	args := call.Call.Args
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case (path == pkgV2AWS || path == pkgV1AWS) && name == "String" && len(args) == 1:
		return r.name(args[0])
	case path == "fmt" && name == "Sprintf" && len(args) == 2:
		format, ok := constString(args[0])
		if !ok {
			return holeName()
		}
		return r.sprintf(format, sliceElems(args[1]))
	case (path == "path" || path == "path/filepath") && name == "Join" && len(args) == 1:
		var out nameTmpl
		for i, e := range sliceElems(args[0]) {
			if i > 0 && !endsWithSlash(out) {
				out = append(out, litName("/")...)
			}
			if e == nil {
				out = append(out, holeName()...)
				continue
			}
			out = append(out, r.name(e)...)
		}
		if out == nil {
			return holeName()
		}
		return out
	case path == "strings" && name == "Join" && len(args) == 2:
		sep, ok := constString(args[1])
		elems := sliceElems(args[0])
		if !ok || elems == nil {
			return holeName()
		}
		var out nameTmpl
		for i, e := range elems {
			if i > 0 {
				out = append(out, litName(sep)...)
			}
			if e == nil {
				out = append(out, holeName()...)
				continue
			}
			out = append(out, r.name(e)...)
		}
		return out
	}
	return r.helperName(call, fn)
}

// sprintf fills a constant format with the names of its arguments.
func (r *resolver) sprintf(format string, args []ssa.Value) nameTmpl {
	var out nameTmpl
	walkFormat(format, func(lit string) {
		out = append(out, litName(lit)...)
	}, func(arg int) {
		if arg < len(args) && args[arg] != nil {
			out = append(out, r.name(args[arg])...)
		} else {
			out = append(out, holeName()...)
		}
	})
	return out
}

// walkFormat walks a printf format: lit gets its literal text (a %% as
// %), verb the index of the argument each verb formats.
func walkFormat(format string, lit func(string), verb func(arg int)) {
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			j := strings.IndexByte(format[i:], '%')
			if j < 0 {
				j = len(format) - i
			}
			lit(format[i : i+j])
			i += j - 1
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			return
		}
		if format[j] == '%' {
			lit("%")
		} else {
			verb(arg)
			arg++
		}
		i = j
	}
}

// constString returns the value of a string constant.
func constString(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

// staticFunc returns the function a call statically calls, from its
// types.Func object (also for functions of other packages, whose SSA
// bodies are not built).
func staticFunc(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	switch f := c.Value.(type) {
	case *ssa.Function:
		if obj, ok := f.Object().(*types.Func); ok {
			return obj
		}
		if f.Origin() != nil {
			if obj, ok := f.Origin().Object().(*types.Func); ok {
				return obj
			}
		}
	case *ssa.MakeClosure:
		return nil
	}
	return nil
}

// StorePackage reports whether an import path is one of the store SDKs'
// packages whose calls the store checks recognise.
func StorePackage(path string) bool { return storePkgs[path] }
