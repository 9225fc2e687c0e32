package yamlscan

import (
	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/match"
)

// broadAccessRule reports IAM statements that allow reading every secret
// (broad-secret-access): inline and managed policies of IAM resources,
// and the policies of SAM functions and state machines.
type broadAccessRule struct{ noCollect }

func (broadAccessRule) check(st *cfnState) {
	if st.r.skip(ruleBroadAccess) {
		return
	}
	for _, r := range st.t.Order {
		if r.Props != nil {
			st.iamPolicies(r)
		}
	}
}

func (st *cfnState) iamPolicies(r *cfn.Resource) {
	switch r.Type {
	case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
		st.policyDoc(r.ID, r.Prop("PolicyDocument"))
	case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group":
		if ps := r.Prop("Policies"); ps != nil && ps.Kind == yaml.SequenceNode {
			for _, p := range ps.Content {
				st.policyDoc(r.ID, cfn.Get(p, "PolicyDocument"))
			}
		}
	case typeSAMFunction, "AWS::Serverless::StateMachine":
		ps := r.Prop("Policies")
		if ps == nil {
			return
		}
		if ps.Kind == yaml.MappingNode {
			st.policyDoc(r.ID, ps)
			return
		}
		if ps.Kind == yaml.SequenceNode {
			for _, p := range ps.Content {
				if cfn.Get(p, "Statement") != nil {
					st.policyDoc(r.ID, p)
				}
			}
		}
	}
}

// statements returns the statements of a policy document.
func statements(doc *yaml.Node) []*yaml.Node {
	st := cfn.Get(doc, "Statement")
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

func (st *cfnState) policyDoc(owner string, doc *yaml.Node) {
	rep := st.r
	for _, s := range statements(doc) {
		if cfn.ScalarValue(cfn.Get(s, "Effect")) != "Allow" || cfn.Get(s, "Principal") != nil {
			continue // a resource policy's "*" is the resource itself
		}
		action := ""
		for _, a := range cfn.Scalars(cfn.Get(s, "Action")) {
			if match.SecretReadAction(a.Value) {
				action = a.Value
				break
			}
		}
		if action == "" {
			continue
		}
		for _, res := range cfn.Scalars(cfn.Get(s, "Resource")) {
			if (res.Value == "*" || everySecretARN(res.Value)) && cfn.Literal(res) {
				rep.addNode(ruleBroadAccess, res, 0, 0, false, rep.message(ruleBroadAccess, "resource", owner, "action", action))
				break
			}
		}
	}
}
