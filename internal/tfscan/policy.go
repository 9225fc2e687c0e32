package tfscan

import (
	"encoding/json"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/awsguard/secretlint/internal/match"
	"github.com/awsguard/secretlint/internal/ruleid"
)

// strAt is a string of a policy and where to report it.
type strAt struct {
	s string
	r hcl.Range
}

// stmt is a policy statement as the rules need it.
type stmt struct {
	allow      bool
	actions    []strAt
	resources  []strAt
	principals []strAt // "*" for any principal
	condition  bool
}

// identityPolicies are the resources whose policy attribute is an
// identity policy.
var identityPolicies = map[string]bool{
	"aws_iam_policy": true, "aws_iam_role_policy": true, "aws_iam_user_policy": true, "aws_iam_group_policy": true,
}

// policies checks the policies of a block: identity policies for
// broad-secret-access, Secrets Manager resource policies for
// public-secret-policy.
func (e *evaluator) policies(in *inst, b *block) {
	owner := in.prefix + b.addr()
	switch {
	case b.kind == "resource" && identityPolicies[b.typ]:
		e.checkStmts(owner, e.policyStmts(in, b.attr("policy")), false)
	case b.kind == "resource" && b.typ == "aws_iam_role":
		for _, nb := range b.b.Body.Blocks {
			if nb.Type == "inline_policy" {
				e.checkStmts(owner, e.policyStmts(in, nb.Body.Attributes["policy"]), false)
			}
		}
	case b.kind == "resource" && (b.typ == "aws_secretsmanager_secret_policy" || b.typ == "aws_secretsmanager_secret"):
		a := b.attr("policy")
		e.checkStmts(owner, e.policyStmts(in, a), true)
		if a != nil {
			if d := in.m.refs["data.aws_iam_policy_document."+docName(a.Expr)]; d != nil {
				e.checkStmts(owner, docStmts(d), true)
			}
		}
	case b.kind == "data" && b.typ == "aws_iam_policy_document":
		e.checkStmts(owner, docStmts(b), false)
	}
}

// docName returns the name of the aws_iam_policy_document an expression
// refers to, or "".
func docName(x hclsyntax.Expression) string {
	for _, tr := range x.Variables() {
		if ns := names(tr); tr.RootName() == "data" && len(ns) >= 2 && ns[0] == "aws_iam_policy_document" {
			return ns[1]
		}
	}
	return ""
}

// checkStmts reports the statements that allow reading every secret and,
// for resource policies, those open to any principal.
func (e *evaluator) checkStmts(owner string, ss []stmt, resourcePolicy bool) {
	for _, s := range ss {
		if !s.allow {
			continue
		}
		if resourcePolicy && !s.condition {
			for _, p := range s.principals {
				if p.s == "*" {
					e.report(p.r, ruleid.PublicSecretPolicy, e.sc.s.Message(ruleid.PublicSecretPolicy, "resource", owner))
					break
				}
			}
		}
		if resourcePolicy {
			continue
		}
		action := ""
		for _, a := range s.actions {
			if match.SecretReadAction(a.s) {
				action = a.s
				break
			}
		}
		if action == "" {
			continue
		}
		for _, r := range s.resources {
			if r.s == "*" {
				e.report(r.r, ruleid.BroadSecretAccess, e.sc.s.Message(ruleid.BroadSecretAccess, "resource", owner, "action", action))
				break
			}
		}
	}
}

// report adds a candidate at the start of a range.
func (e *evaluator) report(r hcl.Range, rule, msg string) {
	if f := e.sc.fileOf(r); f != nil {
		e.sc.addAt(f, rule, r, msg)
	}
}

// policyStmts returns the statements of a policy attribute: a jsonencode
// of an object, or a JSON string (a heredoc), reported at its start.
func (e *evaluator) policyStmts(in *inst, a *hclsyntax.Attribute) []stmt {
	if a == nil {
		return nil
	}
	x := a.Expr
	if c, ok := x.(*hclsyntax.FunctionCallExpr); ok && c.Name == "jsonencode" && len(c.Args) == 1 {
		return objStmts(c.Args[0])
	}
	for _, v := range e.eval(in, x) {
		if v.kind == vLit && strings.Contains(v.s, "Statement") {
			return jsonStmts(v.s, x.Range())
		}
	}
	return nil
}

// objGet returns the value of a key of an object constructor.
func objGet(x hclsyntax.Expression, key string) hclsyntax.Expression {
	o, ok := x.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return nil
	}
	for _, it := range o.Items {
		if k, ok := objectKey(it.KeyExpr); ok && k == key {
			return it.ValueExpr
		}
	}
	return nil
}

// items returns the elements of a tuple constructor, or the expression.
func items(x hclsyntax.Expression) []hclsyntax.Expression {
	if x == nil {
		return nil
	}
	if t, ok := x.(*hclsyntax.TupleConsExpr); ok {
		return t.Exprs
	}
	return []hclsyntax.Expression{x}
}

// strs returns the literal strings of a string or a tuple of strings.
func strs(x hclsyntax.Expression) []strAt {
	var out []strAt
	for _, it := range items(x) {
		if s, ok := literalString(it); ok {
			out = append(out, strAt{s, it.Range()})
		}
	}
	return out
}

// objStmts reads the statements of a policy written as an HCL object.
func objStmts(doc hclsyntax.Expression) []stmt {
	var out []stmt
	for _, s := range items(objGet(doc, "Statement")) {
		st := stmt{
			actions:   strs(objGet(s, "Action")),
			resources: strs(objGet(s, "Resource")),
			condition: objGet(s, "Condition") != nil,
		}
		if eff, ok := literalString(objGet(s, "Effect")); ok {
			st.allow = eff == "Allow"
		}
		p := objGet(s, "Principal")
		st.principals = append(strs(p), strs(objGet(p, "AWS"))...)
		out = append(out, st)
	}
	return out
}

// docStmts reads the statement blocks of an aws_iam_policy_document.
func docStmts(b *block) []stmt {
	var out []stmt
	for _, sb := range b.b.Body.Blocks {
		if sb.Type != "statement" {
			continue
		}
		body := sb.Body
		st := stmt{allow: true}
		if a := body.Attributes["effect"]; a != nil {
			eff, _ := literalString(a.Expr)
			st.allow = eff == "Allow"
		}
		if a := body.Attributes["actions"]; a != nil {
			st.actions = strs(a.Expr)
		}
		if a := body.Attributes["resources"]; a != nil {
			st.resources = strs(a.Expr)
		}
		for _, nb := range body.Blocks {
			switch nb.Type {
			case "condition":
				st.condition = true
			case "principals":
				t, _ := literalString(attrExpr(nb.Body, "type"))
				if t == "*" || t == "AWS" {
					st.principals = append(st.principals, strs(attrExpr(nb.Body, "identifiers"))...)
				}
			}
		}
		out = append(out, st)
	}
	return out
}

func attrExpr(b *hclsyntax.Body, name string) hclsyntax.Expression {
	if a := b.Attributes[name]; a != nil {
		return a.Expr
	}
	return nil
}

// jsonStmts reads the statements of a policy written as JSON text; every
// place is the start of the text.
func jsonStmts(text string, at hcl.Range) []stmt {
	var doc struct {
		Statement json.RawMessage
	}
	if json.Unmarshal([]byte(text), &doc) != nil {
		return nil
	}
	type jstmt struct {
		Effect    string
		Action    json.RawMessage
		Resource  json.RawMessage
		Principal json.RawMessage
		Condition json.RawMessage
	}
	var list []jstmt
	if json.Unmarshal(doc.Statement, &list) != nil {
		var one jstmt
		if json.Unmarshal(doc.Statement, &one) != nil {
			return nil
		}
		list = []jstmt{one}
	}
	many := func(raw json.RawMessage) []strAt {
		var out []strAt
		var s string
		var ss []string
		if json.Unmarshal(raw, &s) == nil {
			ss = []string{s}
		} else {
			_ = json.Unmarshal(raw, &ss)
		}
		for _, x := range ss {
			out = append(out, strAt{x, at})
		}
		return out
	}
	var out []stmt
	for _, j := range list {
		st := stmt{allow: j.Effect == "Allow", actions: many(j.Action), resources: many(j.Resource), condition: len(j.Condition) > 0}
		st.principals = many(j.Principal)
		var p struct{ AWS json.RawMessage }
		if json.Unmarshal(j.Principal, &p) == nil && len(p.AWS) > 0 {
			st.principals = append(st.principals, many(p.AWS)...)
		}
		out = append(out, st)
	}
	return out
}
