package tfscan

import (
	"slices"
	"strings"

	"github.com/awsguard/secretlint/internal/finding"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

const (
	// evalBudget bounds the evaluation steps of one module scan, child
	// modules included.
	evalBudget = 200_000
	// maxVals bounds the outcomes kept of one expression.
	maxVals = 32
	// maxDepth bounds the nesting of local module calls followed.
	maxDepth = 4
)

// vkind is where a value comes from.
type vkind int

const (
	vUnknown vkind = iota // not resolved
	vLit                  // a string literal of the configuration
	vSSM                  // the value of an SSM parameter
	vSecret               // the value of a Secrets Manager secret
	vRandom               // a generated password (random_password, aws_secretsmanager_random_password)
)

// val is one possible outcome of an expression.
type val struct {
	kind vkind
	s    string    // vLit: the text
	rng  hcl.Range // vLit: the literal's source range
	// addr is the source block (vSSM, vSecret, vRandom), param the
	// parameter or secret it names when known.
	addr, param string
	ephemeral   bool
	// via is the outermost variable the value went through; entry the
	// module argument where it entered a child module from its
	// outermost caller.
	via   *block
	entry *hclsyntax.Attribute
	// key is the object key the value was found under.
	key string
}

// inst is a module instance: a module with the call that feeds its
// variables (nil for a root module, fed by defaults and tfvars).
type inst struct {
	m        *module
	parent   *inst
	call     *block
	depth    int
	prefix   string // "module.db." for a child, "" for the root
	memo     map[string][]val
	busy     map[string]bool
	children map[string]*inst
}

// evaluator evaluates the expressions of a module scan within a budget.
type evaluator struct {
	sc     *Scanner
	budget int
	loaded map[string]*module
	// dbFed are the sources that reach a DB credential attribute.
	dbFed map[string]bool
	// reported are the Parameter Store sources already reported where
	// they are used.
	reported map[string]bool
	// sensitive are the variables that carry credentials, with the kind.
	credVars map[*block]string
	// insts are the instances checked.
	insts []*inst
}

func (e *evaluator) newInst(m *module, parent *inst, call *block, depth int) *inst {
	in := &inst{m: m, parent: parent, call: call, depth: depth, memo: map[string][]val{}, busy: map[string]bool{}, children: map[string]*inst{}}
	if parent != nil {
		in.prefix = parent.prefix + "module." + call.name + "."
	}
	return in
}

// child returns the instance of a local module call, or nil.
func (e *evaluator) child(in *inst, name string) *inst {
	if c, ok := in.children[name]; ok {
		return c
	}
	in.children[name] = nil
	call := in.m.calls[name]
	if call == nil || in.depth >= maxDepth {
		return nil
	}
	dir := in.m.childDir(call)
	if dir == "" {
		return nil
	}
	m, ok := e.loaded[dir]
	if !ok {
		var ps []finding.Problem
		m, ps = e.sc.load(dir)
		e.sc.problems(ps)
		e.loaded[dir] = m
	}
	if m == nil {
		return nil
	}
	c := e.newInst(m, in, call, in.depth+1)
	in.children[name] = c
	return c
}

var unknown = []val{{kind: vUnknown}}

// eval returns the possible outcomes of an expression.
func (e *evaluator) eval(in *inst, x hclsyntax.Expression) []val {
	if x == nil {
		return nil
	}
	e.budget--
	if e.budget <= 0 {
		return unknown
	}
	switch x := x.(type) {
	case *hclsyntax.LiteralValueExpr:
		if x.Val.IsKnown() && !x.Val.IsNull() && x.Val.Type() == cty.String {
			return []val{{kind: vLit, s: x.Val.AsString(), rng: x.SrcRange}}
		}
		return unknown
	case *hclsyntax.TemplateExpr:
		return e.template(in, x)
	case *hclsyntax.TemplateWrapExpr:
		return e.eval(in, x.Wrapped)
	case *hclsyntax.ParenthesesExpr:
		return e.eval(in, x.Expression)
	case *hclsyntax.ScopeTraversalExpr:
		return e.ref(in, x.Traversal)
	case *hclsyntax.RelativeTraversalExpr:
		return e.steps(e.eval(in, x.Source), x.Traversal)
	case *hclsyntax.IndexExpr:
		vs := e.eval(in, x.Collection)
		if k, ok := literalString(x.Key); ok {
			return byKey(vs, k)
		}
		return vs
	case *hclsyntax.SplatExpr:
		return e.eval(in, x.Source)
	case *hclsyntax.ForExpr:
		return union(e.eval(in, x.CollExpr), unknown)
	case *hclsyntax.ConditionalExpr:
		return union(e.eval(in, x.TrueResult), e.eval(in, x.FalseResult))
	case *hclsyntax.FunctionCallExpr:
		return e.call(in, x)
	case *hclsyntax.ObjectConsExpr:
		var out []val
		for _, it := range x.Items {
			k, _ := objectKey(it.KeyExpr)
			vs := e.eval(in, it.ValueExpr)
			for i := range vs {
				if vs[i].key == "" {
					vs[i].key = k
				}
			}
			out = union(out, vs)
		}
		return out
	case *hclsyntax.TupleConsExpr:
		var out []val
		for _, it := range x.Exprs {
			out = union(out, e.eval(in, it))
		}
		return out
	}
	return unknown
}

// objectKey returns the literal name of an object key.
func objectKey(k hclsyntax.Expression) (string, bool) {
	if w, ok := k.(*hclsyntax.ObjectConsKeyExpr); ok {
		if !w.ForceNonLiteral {
			if t, ok := w.Wrapped.(*hclsyntax.ScopeTraversalExpr); ok && len(t.Traversal) == 1 {
				return t.Traversal.RootName(), true
			}
		}
		k = w.Wrapped
	}
	return literalString(k)
}

// template evaluates a string template: a literal when every part is
// one, else the sources of its parts.
func (e *evaluator) template(in *inst, x *hclsyntax.TemplateExpr) []val {
	if len(x.Parts) == 1 {
		return e.eval(in, x.Parts[0])
	}
	var b strings.Builder
	lit := true
	var out []val
	for _, p := range x.Parts {
		vs := e.eval(in, p)
		if len(vs) == 1 && vs[0].kind == vLit {
			b.WriteString(vs[0].s)
		} else {
			lit = false
		}
		out = union(out, sources(vs))
	}
	if lit {
		r := x.SrcRange
		if len(x.Parts) > 0 {
			r = hcl.RangeBetween(x.Parts[0].Range(), x.Parts[len(x.Parts)-1].Range())
		}
		return []val{{kind: vLit, s: b.String(), rng: r}}
	}
	return union(out, unknown)
}

// sources keeps the values that come from a secret store or generator.
func sources(vs []val) []val {
	var out []val
	for _, v := range vs {
		if v.kind != vLit && v.kind != vUnknown {
			out = append(out, v)
		}
	}
	return out
}

// passThrough are the functions whose result is one of their arguments.
var passThrough = map[string]bool{
	"try": true, "coalesce": true, "nonsensitive": true, "sensitive": true, "tostring": true,
	"one": true, "element": true, "lookup": true, "jsondecode": true, "jsonencode": true,
	"yamlencode": true, "yamldecode": true, "merge": true, "concat": true, "flatten": true,
	"values": true, "tolist": true, "toset": true, "tomap": true, "coalescelist": true,
	"can": false, "ephemeralasnull": true,
}

// valueArgs are the arguments that are values of the functions whose
// other arguments are keys or indexes.
var valueArgs = map[string][]int{"lookup": {0, 2}, "element": {0}, "slice": {0}}

func (e *evaluator) call(in *inst, x *hclsyntax.FunctionCallExpr) []val {
	var out []val
	for i, a := range x.Args {
		if keep, ok := valueArgs[x.Name]; ok && !slices.Contains(keep, i) {
			continue
		}
		vs := e.eval(in, a)
		if !passThrough[x.Name] {
			vs = sources(vs)
		}
		out = union(out, vs)
	}
	if !passThrough[x.Name] {
		out = union(out, unknown)
	}
	return out
}

// steps applies attribute and index steps to values: an attribute or key
// keeps the values found under that key or of no known key.
func (e *evaluator) steps(vs []val, tr hcl.Traversal) []val {
	for _, s := range tr {
		switch s := s.(type) {
		case hcl.TraverseAttr:
			vs = byKey(vs, s.Name)
		case hcl.TraverseIndex:
			if s.Key.Type() == cty.String {
				vs = byKey(vs, s.Key.AsString())
			}
		}
	}
	return vs
}

func byKey(vs []val, k string) []val {
	var out []val
	for _, v := range vs {
		if v.key == "" || v.key == k {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return unknown
	}
	return out
}

// union merges outcome lists without duplicates, at most maxVals.
func union(a, b []val) []val {
	for _, v := range b {
		if len(a) >= maxVals {
			return a
		}
		dup := false
		for _, w := range a {
			if w.kind == v.kind && w.s == v.s && w.rng == v.rng && w.addr == v.addr && w.key == v.key && w.via == v.via && w.entry == v.entry {
				dup = true
				break
			}
		}
		if !dup {
			a = append(a, v)
		}
	}
	return a
}

// names returns the attribute names of a traversal after its root.
func names(tr hcl.Traversal) []string {
	var out []string
	for _, s := range tr[1:] {
		switch s := s.(type) {
		case hcl.TraverseAttr:
			out = append(out, s.Name)
		case hcl.TraverseIndex:
			if s.Key.Type() == cty.String {
				out = append(out, s.Key.AsString())
			}
		}
	}
	return out
}

// ref resolves a reference.
func (e *evaluator) ref(in *inst, tr hcl.Traversal) []val {
	root, ns := tr.RootName(), names(tr)
	switch root {
	case "var":
		if len(ns) > 0 {
			return e.variable(in, ns[0])
		}
	case "local":
		if len(ns) > 0 {
			return e.local(in, ns[0])
		}
	case "data", "ephemeral":
		if len(ns) >= 2 {
			return e.resource(in, root+"."+ns[0]+"."+ns[1], ns[2:])
		}
	case "module":
		if len(ns) >= 2 {
			return e.output(in, ns[0], ns[1])
		}
	case "each", "count", "path", "terraform", "self":
	default:
		if len(ns) >= 1 {
			return e.resource(in, root+"."+ns[0], ns[1:])
		}
	}
	return unknown
}

// memo evaluates key once per instance; a reference back to a key under
// evaluation is unknown.
func (e *evaluator) memo(in *inst, key string, f func() []val) []val {
	if vs, ok := in.memo[key]; ok {
		return vs
	}
	if in.busy[key] {
		return unknown
	}
	in.busy[key] = true
	vs := f()
	delete(in.busy, key)
	in.memo[key] = vs
	return vs
}

func (e *evaluator) variable(in *inst, name string) []val {
	return e.memo(in, "var."+name, func() []val {
		vb := in.m.vars[name]
		var out []val
		if in.call != nil {
			if a := in.call.attr(name); a != nil {
				vs := e.eval(in.parent, a.Expr)
				for i := range vs {
					if vs[i].entry == nil {
						vs[i].entry = a
					}
				}
				out = vs
			}
		} else {
			for _, l := range in.m.tfvars[name] {
				out = union(out, e.eval(in, l.a.Expr))
			}
		}
		if out == nil && vb != nil {
			if d := vb.attr("default"); d != nil {
				out = e.eval(in, d.Expr)
			}
		}
		if out == nil {
			out = unknown
		}
		// An unknown value of an ephemeral variable is an ephemeral value.
		eph := vb != nil && boolAttr(vb, "ephemeral")
		res := make([]val, len(out))
		for i, v := range out {
			if v.via == nil && vb != nil {
				v.via = vb
			}
			if eph && v.kind == vUnknown {
				v.ephemeral = true
			}
			res[i] = v
		}
		return res
	})
}

func (e *evaluator) local(in *inst, name string) []val {
	l := in.m.locals[name]
	if l == nil {
		return unknown
	}
	return e.memo(in, "local."+name, func() []val { return e.eval(in, l.a.Expr) })
}

func (e *evaluator) output(in *inst, call, name string) []val {
	c := e.child(in, call)
	if c == nil {
		return unknown
	}
	o := c.m.outputs[name]
	if o == nil || o.attr("value") == nil {
		return unknown
	}
	vs := e.memo(c, "output."+name, func() []val { return e.eval(c, o.attr("value").Expr) })
	// A value that comes out of a child is located in the child.
	out := make([]val, len(vs))
	for i, v := range vs {
		v.entry = nil
		out[i] = v
	}
	return out
}

// resource resolves an attribute of a resource, data source or ephemeral
// resource.
func (e *evaluator) resource(in *inst, addr string, attrs []string) []val {
	b := in.m.refs[addr]
	if b == nil || len(attrs) == 0 {
		return unknown
	}
	attr := attrs[0]
	switch b.typ {
	case "aws_ssm_parameter":
		if attr == "value" || attr == "insecure_value" {
			return []val{{kind: vSSM, addr: in.prefix + addr, param: e.nameOf(in, b, "name"), ephemeral: b.kind == "ephemeral"}}
		}
	case "aws_secretsmanager_secret_version":
		if attr == "secret_string" || attr == "secret_binary" {
			return []val{{kind: vSecret, addr: in.prefix + addr, param: e.secretOf(in, b), ephemeral: b.kind == "ephemeral"}}
		}
	case "random_password", "aws_secretsmanager_random_password":
		if attr == "result" || attr == "random_password" || attr == "bcrypt_hash" {
			return []val{{kind: vRandom, addr: in.prefix + addr, ephemeral: b.kind == "ephemeral"}}
		}
	}
	if a := b.attr(attr); a != nil && b.kind == "resource" {
		return e.steps(e.eval(in, a.Expr), hcl.Traversal{})
	}
	return unknown
}

// nameOf returns the literal value of a block's name attribute, or "".
func (e *evaluator) nameOf(in *inst, b *block, attr string) string {
	a := b.attr(attr)
	if a == nil {
		return ""
	}
	for _, v := range e.eval(in, a.Expr) {
		if v.kind == vLit {
			return v.s
		}
	}
	return ""
}

// secretOf names the secret a secret version reads: its literal ID, or
// the address of the aws_secretsmanager_secret it refers to.
func (e *evaluator) secretOf(in *inst, b *block) string {
	a := b.attr("secret_id")
	if a == nil {
		return ""
	}
	if s := refTo(a.Expr, "aws_secretsmanager_secret"); s != "" {
		return in.prefix + s
	}
	return e.nameOf(in, b, "secret_id")
}

// refTo returns the address of the first resource of type typ that an
// expression refers to, or "".
func refTo(x hclsyntax.Expression, typ string) string {
	for _, tr := range x.Variables() {
		if tr.RootName() == typ {
			if ns := names(tr); len(ns) > 0 {
				return typ + "." + ns[0]
			}
		}
	}
	return ""
}
