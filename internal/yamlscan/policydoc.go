package yamlscan

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// policyDocument checks a standalone IAM policy document (a JSON or YAML
// file of `Version` and `Statement`, as given to `aws iam
// create-policy`, Terraform's `file()` or `aws secretsmanager
// put-resource-policy`): broad-secret-access for identity statements,
// public-secret-policy for resource policies of secrets.
func (f *fileScan) policyDocument(doc *yaml.Node) {
	root := docRoot(doc)
	owner := f.s.Phrase("policy_document", "file", path.Base(f.rel))
	if !f.skip(ruleBroadAccess) {
		(&cfnState{r: f}).policyDoc(owner, root)
	}
	if f.skip(rulePublicPolicy) {
		return
	}
	for _, s := range statements(root) {
		if cfn.ScalarValue(cfn.Get(s, "Effect")) != "Allow" || cfn.Get(s, "Condition") != nil || !secretStatement(s) {
			continue
		}
		p := cfn.Get(s, "Principal")
		for _, n := range append(cfn.Scalars(p), cfn.Scalars(cfn.Get(p, "AWS"))...) {
			if n.Value == "*" {
				f.addNode(rulePublicPolicy, n, 0, 0, false, f.s.Message(rulePublicPolicy, "resource", path.Base(f.rel)))
				break
			}
		}
	}
}

// secretStatement reports whether a resource policy statement is about
// secrets: a Secrets Manager action or a secret ARN.
func secretStatement(s *yaml.Node) bool {
	for _, a := range cfn.Scalars(cfn.Get(s, "Action")) {
		if v := strings.ToLower(a.Value); strings.HasPrefix(v, "secretsmanager:") {
			return true
		}
	}
	for _, r := range cfn.Scalars(cfn.Get(s, "Resource")) {
		if strings.Contains(r.Value, ":secretsmanager:") {
			return true
		}
	}
	return false
}

// everySecretARN reports whether a resource ARN covers every secret or
// every parameter of an account or region: `arn:aws:secretsmanager:*:*:secret:*`,
// `arn:aws:ssm:eu-west-1:111122223333:parameter/*`.
func everySecretARN(arn string) bool {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" {
		return false
	}
	res := parts[5]
	switch strings.ToLower(parts[2]) {
	case "secretsmanager":
		return res == "*" || res == "secret:*"
	case "ssm":
		return res == "*" || res == "parameter/*" || res == "parameter*"
	case "*":
		return res == "*"
	}
	return false
}
