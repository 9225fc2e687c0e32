package yamlscan

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// customerKeyRule reports secrets encrypted with the AWS-managed key
// (secret-without-customer-kms-key): Secrets Manager secrets and the
// master passwords databases keep there.
type customerKeyRule struct{ noCollect }

func (customerKeyRule) check(st *cfnState) {
	if st.r.skip(ruleCustomerKey) {
		return
	}
	for _, r := range st.t.Order {
		st.customerKey(r)
	}
}

func (st *cfnState) customerKey(r *cfn.Resource) {
	rep := st.r
	check := func(keyProp *yaml.Node, at *yaml.Node, what string) {
		if keyProp == nil {
			rep.addNode(ruleCustomerKey, at, 0, 0, false, rep.message(ruleCustomerKey, "secret", what))
			return
		}
		if s := cfn.ScalarValue(keyProp); cfn.Literal(keyProp) && (strings.HasPrefix(s, "alias/aws/") || s == "aws/secretsmanager") {
			rep.addNode(ruleCustomerKey, keyProp, 0, 0, false, rep.messageAs(ruleCustomerKey, "aws-managed", "secret", what, "key", s))
		}
	}
	switch r.Type {
	case typeSecret:
		check(r.Prop("KmsKeyId"), r.Key, r.ID)
	case "AWS::RDS::DBInstance", "AWS::RDS::DBCluster":
		if flag := r.Prop("ManageMasterUserPassword"); cfn.IsTrue(flag) {
			check(cfn.Get(r.Prop("MasterUserSecret"), "KmsKeyId"), flag, r.ID)
		}
	case "AWS::Redshift::Cluster":
		if flag := r.Prop("ManageMasterPassword"); cfn.IsTrue(flag) {
			check(r.Prop("MasterPasswordSecretKmsKeyId"), flag, r.ID)
		}
	case "AWS::RedshiftServerless::Namespace":
		if flag := r.Prop("ManageAdminPassword"); cfn.IsTrue(flag) {
			check(r.Prop("AdminPasswordSecretKmsKeyId"), flag, r.ID)
		}
	}
}
