package tfscan

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/awsguard/secretlint/internal/ruleid"
)

// literals reports literal credentials given to names that say they hold
// one (attributes, object keys, variable defaults, locals, tfvars), and
// token formats and connection strings in every string literal.
func (e *evaluator) literals(in *inst) {
	for _, b := range in.m.blocks {
		e.bodyLiterals(in, b, b.b.Body, in.prefix+b.addr())
	}
	for _, c := range sortedKeys(in.m.calls) {
		e.bodyLiterals(in, in.m.calls[c], in.m.calls[c].b.Body, in.prefix+in.m.calls[c].addr())
	}
	for _, name := range sortedKeys(in.m.locals) {
		l := in.m.locals[name]
		e.named(in, name, l.a.Expr, e.sc.s.Phrase("tf_local", "name", name))
		e.objectKeys(in, l.a.Expr, "local."+name)
	}
	for _, name := range sortedKeys(in.m.vars) {
		if d := in.m.vars[name].attr("default"); d != nil {
			e.named(in, name, d.Expr, e.sc.s.Phrase("tf_variable_default", "name", name))
			e.objectKeys(in, d.Expr, "var."+name)
		}
	}
	if in.parent == nil {
		for _, f := range in.m.vfiles {
			for _, a := range sortedAttrs(f.body) {
				e.named(in, a.Name, a.Expr, e.sc.s.Phrase("tf_tfvars", "name", a.Name, "file", f.rel))
				e.objectKeys(in, a.Expr, a.Name)
			}
		}
		for _, f := range append(append([]*tfFile{}, in.m.files...), in.m.vfiles...) {
			e.tokens(f)
		}
	}
}

// bodyLiterals checks the attributes of a body and its nested blocks.
func (e *evaluator) bodyLiterals(in *inst, b *block, body *hclsyntax.Body, owner string) {
	for _, a := range sortedAttrs(body) {
		if body == b.b.Body && (b.kind == "resource" && slices.Contains(dbAttrs[b.typ].attrs, a.Name) || e.registryCredential(b, a.Name)) {
			continue // checked as a DB credential by dbCheck
		}
		e.named(in, a.Name, a.Expr, e.sc.s.Phrase("tf_attribute_of", "attr", a.Name, "resource", owner))
		e.objectKeys(in, a.Expr, owner)
	}
	for _, nb := range body.Blocks {
		e.bodyLiterals(in, b, nb.Body, owner)
	}
}

// named checks the literal outcomes of an expression given to a name.
func (e *evaluator) named(in *inst, name string, x hclsyntax.Expression, place string) {
	n := e.sc.m.ClassifyName(name)
	if !n.Credential() {
		return
	}
	for _, v := range e.eval(in, x) {
		switch kn := e.sc.m.ClassifyName(v.key); {
		case v.via == nil:
		case v.key == "":
			e.credVars[v.via] = e.kindTitle(n)
		case kn.Credential():
			// A value under a key is what its key says: the username
			// of a JSON secret is no credential.
			e.credVars[v.via] = e.kindTitle(kn)
		}
		if v.key == "" { // values under keys are judged by their keys
			e.literal(v, n, place)
		}
	}
}

// objectKeys checks the items of the object constructors in an
// expression whose keys name credentials: environment variables, JSON
// secrets.
func (e *evaluator) objectKeys(in *inst, x hclsyntax.Expression, owner string) {
	_ = hclsyntax.VisitAll(x, func(n hclsyntax.Node) hcl.Diagnostics {
		o, ok := n.(*hclsyntax.ObjectConsExpr)
		if !ok {
			return nil
		}
		for _, it := range o.Items {
			if k, ok := objectKey(it.KeyExpr); ok {
				e.named(in, k, it.ValueExpr, e.sc.s.Phrase("tf_key_of", "key", k, "owner", owner))
			}
		}
		return nil
	})
}

// tokens looks for token formats and connection strings in the string
// literals of a file.
func (e *evaluator) tokens(f *tfFile) {
	place := e.sc.s.Phrase("tf_string")
	_ = hclsyntax.VisitAll(f.body, func(n hclsyntax.Node) hcl.Diagnostics {
		lit, ok := n.(*hclsyntax.LiteralValueExpr)
		if !ok || !lit.Val.IsKnown() || lit.Val.IsNull() || lit.Val.Type() != cty.String {
			return nil
		}
		s := lit.Val.AsString()
		start, end := lit.SrcRange.Start.Byte, lit.SrcRange.End.Byte
		exact := end <= len(f.src) && string(f.src[start:end]) == s
		span := func(a, b int) (int, int) {
			if exact {
				return start + a, start + b
			}
			return start, -1
		}
		if e.sc.m.MayHaveTokens(s) {
			for _, t := range e.sc.m.Tokens(s) {
				a, b := span(t.Start, t.End)
				e.sc.add(f, t.Rule, a, b, e.sc.s.Message(t.Rule, "detector", t.Title, "place", place))
			}
		}
		for _, c := range e.sc.m.ConnStrings(s) {
			a, b := span(c.Start, c.End)
			e.sc.add(f, ruleid.CredentialInConnectionString, a, b, e.sc.s.Message(ruleid.CredentialInConnectionString, "scheme", c.Scheme, "place", place))
		}
		return nil
	})
}

// variables reports variables that carry credentials without
// sensitive = true: named like a credential, or feeding a credential.
func (e *evaluator) variables(in *inst) {
	for _, name := range sortedKeys(in.m.vars) {
		b := in.m.vars[name]
		kind, feeds := e.credVars[b]
		if n := e.sc.m.ClassifyName(name); n.Credential() {
			kind, feeds = e.kindTitle(n), true
		}
		if !feeds || !stringVariable(b) {
			continue
		}
		// Ephemeral variables are kept out of plans and state as
		// sensitive ones are kept out of output.
		if boolAttr(b, "sensitive") || boolAttr(b, "ephemeral") {
			continue
		}
		e.atBlock(b, ruleid.SecretParameterWithoutNoecho, e.sc.s.MessageAs(ruleid.SecretParameterWithoutNoecho, "terraform", "param", name, "kind", kind))
	}
}

// stringVariable reports whether a variable can hold a credential: its
// type is string or not given, and its default is not a bool or number
// (manage_master_user_password, password_rotation_days). A variable of
// an object type that only carries a credential among other settings is
// left out.
func stringVariable(b *block) bool {
	if t := b.attr("type"); t != nil {
		tr, ok := t.Expr.(*hclsyntax.ScopeTraversalExpr)
		if !ok || tr.Traversal.RootName() != "string" {
			return false
		}
	}
	if d := b.attr("default"); d != nil {
		if l, ok := d.Expr.(*hclsyntax.LiteralValueExpr); ok && !l.Val.IsNull() && l.Val.Type() != cty.String {
			return false
		}
	}
	return true
}

// boolAttr reports whether a block's attribute is literally true.
func boolAttr(b *block, name string) bool {
	if a := b.attr(name); a != nil {
		v, ok := literalBool(a.Expr)
		return ok && v
	}
	return false
}
