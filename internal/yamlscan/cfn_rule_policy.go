package yamlscan

import (
	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// publicPolicyRule reports Secrets Manager resource policies that let any
// principal in without a condition (public-secret-policy).
type publicPolicyRule struct{ noCollect }

func (publicPolicyRule) check(st *cfnState) {
	if st.r.skip(rulePublicPolicy) {
		return
	}
	for _, r := range st.t.Order {
		if r.Type == typeResPolicy {
			st.resourcePolicy(r)
		}
	}
}

func (st *cfnState) resourcePolicy(r *cfn.Resource) {
	for _, s := range statements(r.Prop("ResourcePolicy")) {
		if cfn.ScalarValue(cfn.Get(s, "Effect")) != "Allow" || cfn.Get(s, "Condition") != nil {
			continue
		}
		p := cfn.Get(s, "Principal")
		var star *yaml.Node
		for _, n := range cfn.Scalars(p) {
			if n.Value == "*" {
				star = n
			}
		}
		for _, n := range cfn.Scalars(cfn.Get(p, "AWS")) {
			if n.Value == "*" {
				star = n
			}
		}
		if star != nil {
			st.r.addNode(rulePublicPolicy, star, 0, 0, false, st.r.message(rulePublicPolicy, "resource", r.ID))
		}
	}
}
