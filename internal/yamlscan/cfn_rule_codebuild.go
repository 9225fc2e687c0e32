package yamlscan

import (
	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint"
	"github.com/awsguard/secretlint/internal/cfn"
)

// codeBuildRule checks the environment variables of AWS::CodeBuild::Project
// resources: a `Type: PARAMETER_STORE` variable holding a secret gives the
// store rule (db-credential-in-parameter-store for DB credentials), and
// its name the hierarchy rule; a secret resolved into a PLAINTEXT
// variable is kept in the project's configuration
// (secret-exposed-in-plaintext). `Type: SECRETS_MANAGER` is the good case.
type codeBuildRule struct{ noCollect }

const typeCodeBuild = "AWS::CodeBuild::Project"

func (codeBuildRule) check(st *cfnState) {
	for _, r := range st.t.Order {
		if r.Type != typeCodeBuild {
			continue
		}
		vars := cfn.Get(r.Prop("Environment"), "EnvironmentVariables")
		if vars == nil {
			continue
		}
		for _, v := range vars.Content {
			name := cfn.ScalarValue(cfn.Get(v, "Name"))
			value := cfn.Get(v, "Value")
			if name == "" || value == nil {
				continue
			}
			switch cfn.ScalarValue(cfn.Get(v, "Type")) {
			case "PARAMETER_STORE":
				st.codeBuildParam(r.ID, name, value)
			case "", "PLAINTEXT":
				if !st.r.skip(ruleExposed) {
					st.exposure(value, r.ID, placeEnv)
				}
			}
		}
	}
}

// codeBuildParam checks a PARAMETER_STORE variable.
func (st *cfnState) codeBuildParam(owner, name string, value *yaml.Node) {
	rep := st.r
	key := rep.credName(name)
	for _, l := range st.t.Eval(value) {
		if l.Source != cfn.SourceLiteral && l.Source != cfn.SourceParam {
			continue
		}
		param := l.Text
		if l.Source == cfn.SourceParam {
			param = l.Param.DefaultText()
		}
		if l.Source == cfn.SourceLiteral {
			st.hierarchyAt(param, l.Node, l.Start, l.End)
		}
		kind := key
		if !isDBName(kind) {
			if pn := rep.credName(param); pn.Credential() && (isDBName(pn) || !kind.Credential()) {
				kind = pn
			}
		}
		rule := ""
		switch {
		case isDBName(kind):
			rule = ruleDBInPS
		case kind.Credential() && (kind.Kind.Store == secretlint.StoreSecretsManager || kind.Kind.Rotation == "required"):
			rule = ruleSecretInPS
		}
		if rule == "" || rep.skip(rule) {
			continue
		}
		subject := st.text("env_subject_of", "name", name, "owner", owner)
		rep.addNode(rule, l.Node, l.Start, l.End, false, rep.messageAs(rule, "resolve", "subject", subject, "param", param, "evidence", st.text("codebuild_parameter_store")))
	}
}
