package yamlscan

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// secretActions are the actions that read secrets or decrypt them.
var secretActions = []string{
	"secretsmanager:getsecretvalue",
	"ssm:getparameter",
	"ssm:getparameters",
	"ssm:getparametersbypath",
	"ssm:getparameterhistory",
	"kms:decrypt",
}

// iamPolicies reports IAM statements of a resource that allow reading
// every secret.
func (t *cfnTemplate) iamPolicies(r *cfnResource) {
	if t.f.skip(ruleBroadAccess) || r.props == nil {
		return
	}
	switch r.typ {
	case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
		t.policyDoc(r.id, t.prop(r, "PolicyDocument"))
	case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group":
		if ps := t.prop(r, "Policies"); ps != nil && ps.Kind == yaml.SequenceNode {
			for _, p := range ps.Content {
				t.policyDoc(r.id, get(p, "PolicyDocument"))
			}
		}
	case typeSAMFunction, "AWS::Serverless::StateMachine":
		ps := t.prop(r, "Policies")
		if ps == nil {
			return
		}
		if ps.Kind == yaml.MappingNode {
			t.policyDoc(r.id, ps)
			return
		}
		if ps.Kind == yaml.SequenceNode {
			for _, p := range ps.Content {
				if get(p, "Statement") != nil {
					t.policyDoc(r.id, p)
				}
			}
		}
	}
}

// statements returns the statements of a policy document.
func statements(doc *yaml.Node) []*yaml.Node {
	st := get(doc, "Statement")
	switch {
	case st == nil:
		return nil
	case st.Kind == yaml.MappingNode:
		return []*yaml.Node{st}
	case st.Kind == yaml.SequenceNode:
		return st.Content
	}
	return nil
}

func (t *cfnTemplate) policyDoc(owner string, doc *yaml.Node) {
	f := t.f
	for _, s := range statements(doc) {
		if scalarValue(get(s, "Effect")) != "Allow" {
			continue
		}
		action := ""
		for _, a := range scalars(get(s, "Action")) {
			if secretAction(a.Value) {
				action = a.Value
				break
			}
		}
		if action == "" {
			continue
		}
		for _, res := range scalars(get(s, "Resource")) {
			if res.Value == "*" && literal(res) {
				f.addNode(ruleBroadAccess, res, 0, 0, false, f.s.Message(ruleBroadAccess, "resource", owner, "action", action))
				break
			}
		}
	}
}

// secretAction reports whether an action pattern covers reading a secret.
func secretAction(a string) bool {
	a = strings.ToLower(strings.TrimSpace(a))
	for _, s := range secretActions {
		if ok, _ := path.Match(a, s); ok {
			return true
		}
	}
	return false
}

// resourcePolicy reports a Secrets Manager resource policy that lets any
// principal in without a condition.
func (t *cfnTemplate) resourcePolicy(r *cfnResource) {
	f := t.f
	if f.skip(rulePublicPolicy) {
		return
	}
	for _, s := range statements(t.prop(r, "ResourcePolicy")) {
		if scalarValue(get(s, "Effect")) != "Allow" || get(s, "Condition") != nil {
			continue
		}
		p := get(s, "Principal")
		var star *yaml.Node
		for _, n := range scalars(p) {
			if n.Value == "*" {
				star = n
			}
		}
		for _, n := range scalars(get(p, "AWS")) {
			if n.Value == "*" {
				star = n
			}
		}
		if star != nil {
			f.addNode(rulePublicPolicy, star, 0, 0, false, f.s.Message(rulePublicPolicy, "resource", r.id))
		}
	}
}
