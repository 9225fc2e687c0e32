package yamlscan

import (
	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/match"
)

const (
	kindDB       = "db-credential"
	kindDBTerm   = "db-credential-term"
	kindPassword = "generic-password"
	kindToken    = "token"
)

// kindIdent is an identifier of each kind, for the literal checks.
var kindIdent = map[string]string{kindDB: "DBPassword", kindPassword: "Password", kindToken: "AuthToken"}

// credUse is a place that takes a credential: a property or an
// environment variable.
type credUse struct {
	subject string     // "MasterUserPassword of DB", in the run's language
	path    string     // YAML path of the value, for hard-coded findings
	name    match.Name // what the literal checks judge values as
	db      bool
}

func isDBName(n match.Name) bool {
	return n.Credential() && (n.Kind.ID == kindDB || n.Kind.ID == kindDBTerm)
}

// literalCred reports a literal credential.
func (st *cfnState) literalCred(u credUse, l cfn.Leaf) {
	r := st.r
	if r.skip(ruleCredential) || !r.literalCredential(u.name, l.Text) {
		return
	}
	place := st.text("yaml_value_at_path", "path", u.path)
	r.addNode(ruleCredential, l.Node, l.Start, l.End, true, r.message(ruleCredential, "kind", u.name.Kind.Title.In(r.lang()), "place", place))
}

// storeFinding reports a credential resolved from Parameter Store; ecs
// is set for the valueFrom of an ECS container secret.
func (st *cfnState) storeFinding(u credUse, l cfn.Leaf, variant string, ecs bool) {
	r := st.r
	rule := ""
	switch {
	case u.db:
		rule = ruleDBInPS
	case u.name.Kind != nil && (u.name.Kind.Store == secretlint.StoreSecretsManager || u.name.Kind.Rotation == "required"):
		rule = ruleSecretInPS
	default:
		return
	}
	if r.skip(rule) {
		return
	}
	param, evidence := st.ssmEvidence(l, ecs)
	// Only literal credentials get a range: outputs treat a range as the
	// secret and never print it; a parameter name is not one.
	r.addNode(rule, l.Node, l.Start, l.End, false, r.messageAs(rule, variant, "subject", u.subject, "param", param, "evidence", evidence))
}

// ssmEvidence names the parameter of a Parameter Store value and says how
// it is reached.
func (st *cfnState) ssmEvidence(l cfn.Leaf, ecs bool) (param, evidence string) {
	param = l.Text
	switch {
	case l.Ref != nil && l.Source == cfn.SourceSSMSecure:
		return param, st.text("ssm_secure_dynamic_ref")
	case l.Ref != nil:
		return param, st.text("ssm_dynamic_ref")
	case ecs:
		return param, st.text("ecs_container_secret")
	case l.Param != nil:
		return param, st.text("ssm_template_parameter", "param", l.Param.Name, "type", l.Param.Type)
	}
	return param, st.text("plaintext_string")
}
