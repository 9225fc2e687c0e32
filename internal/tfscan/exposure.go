package tfscan

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/awsguard/secretlint/internal/ruleid"
)

// exposure reports secrets that reach places that store them in
// plaintext: outputs without sensitive = true (through nonsensitive),
// Lambda environment variables, container environment variables and tags.
func (e *evaluator) exposure(in *inst) {
	for _, name := range sortedKeys(in.m.outputs) {
		o := in.m.outputs[name]
		if a := o.attr("value"); a != nil && !boolAttr(o, "sensitive") {
			e.exposed(in, a.Expr, e.sc.s.Phrase("tf_place_output", "name", in.prefix+o.addr()))
		}
	}
	for _, b := range in.m.blocks {
		if b.kind != "resource" {
			continue
		}
		owner := in.prefix + b.addr()
		for _, t := range []string{"tags", "tags_all"} {
			if a := b.attr(t); a != nil {
				e.exposed(in, a.Expr, e.sc.s.Phrase("tf_place_tags", "owner", owner))
			}
		}
		switch b.typ {
		case "aws_lambda_function":
			for _, nb := range b.b.Body.Blocks {
				if nb.Type == "environment" && nb.Body.Attributes["variables"] != nil {
					e.exposed(in, nb.Body.Attributes["variables"].Expr, e.sc.s.Phrase("tf_place_env", "owner", owner))
				}
			}
		case "aws_ecs_task_definition":
			if a := b.attr("container_definitions"); a != nil {
				e.containerEnv(in, a.Expr, owner)
			}
		}
	}
}

// containerEnv checks the environment entries of container definitions
// written as jsonencode([{environment = [{name, value}]}]).
func (e *evaluator) containerEnv(in *inst, x hclsyntax.Expression, owner string) {
	place := e.sc.s.Phrase("tf_place_env", "owner", owner)
	_ = hclsyntax.VisitAll(x, func(n hclsyntax.Node) hcl.Diagnostics {
		if o, ok := n.(*hclsyntax.ObjectConsExpr); ok {
			if env := objGet(o, "environment"); env != nil {
				for _, it := range items(env) {
					if v := objGet(it, "value"); v != nil {
						e.exposed(in, v, place)
					}
				}
			}
		}
		return nil
	})
}

// exposed reports the secret sources of an expression at the expression.
func (e *evaluator) exposed(in *inst, x hclsyntax.Expression, place string) {
	if o, ok := x.(*hclsyntax.ObjectConsExpr); ok {
		for _, it := range o.Items {
			e.exposed(in, it.ValueExpr, place)
		}
		return
	}
	field := e.sc.m.ClassifyName(lastKey(x))
	for _, v := range e.eval(in, x) {
		source := ""
		switch v.kind {
		case vSecret:
			if field.Kind != nil && !field.Kind.Secret {
				// jsondecode(…secret_string).username: a field of the
				// secret that is configuration, not the credential.
				continue
			}
			source = e.sc.s.Phrase("tf_source_secret", "name", nonEmpty(v.param, v.addr))
		case vRandom:
			source = e.sc.s.Phrase("tf_source_random", "name", v.addr)
		case vSSM:
			if v.param != "" && e.classifyParam(v.param).Credential() {
				source = e.sc.s.Phrase("tf_source_parameter", "name", v.param)
			}
		}
		if source != "" {
			e.report(x.Range(), ruleid.SecretExposedInPlaintext, e.sc.s.Message(ruleid.SecretExposedInPlaintext, "source", source, "place", place))
			return
		}
	}
}

// lastKey returns the attribute or string key an expression ends with:
// "username" for local.creds.username and local.creds["username"].
func lastKey(x hclsyntax.Expression) string {
	var tr hcl.Traversal
	switch t := x.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		tr = t.Traversal
	case *hclsyntax.RelativeTraversalExpr:
		tr = t.Traversal
	case *hclsyntax.IndexExpr:
		if l, ok := t.Key.(*hclsyntax.LiteralValueExpr); ok && l.Val.Type() == cty.String && l.Val.IsKnown() && !l.Val.IsNull() {
			return l.Val.AsString()
		}
		return ""
	}
	if len(tr) < 2 {
		return ""
	}
	switch st := tr[len(tr)-1].(type) {
	case hcl.TraverseAttr:
		return st.Name
	case hcl.TraverseIndex:
		if st.Key.Type() == cty.String && st.Key.IsKnown() && !st.Key.IsNull() {
			return st.Key.AsString()
		}
	}
	return ""
}

func nonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
