package yamlscan

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/match"
)

// noEchoRule checks the template parameters that carry credentials, by
// use or by name: they must be NoEcho (secret-parameter-without-noecho),
// and the default of one named as a credential must not be a literal
// credential (hardcoded-credential). Parameters read from Parameter
// Store are left to the hierarchy rule.
type noEchoRule struct{ noCollect }

func (noEchoRule) check(st *cfnState) {
	rep := st.r
	for _, k := range st.t.ParamNames() {
		p := st.t.Params[k]
		if p.SSMType() {
			continue
		}
		use := st.use(p)
		byName := rep.credName(p.Name)
		if !use.cred && byName.Credential() && notCredentialParam(p) {
			continue
		}
		if !use.cred && byName.Credential() {
			use.cred = true
			if p.Default != nil && !st.defaults[p] {
				u := credUse{path: "Parameters." + p.Name + ".Default", name: byName, db: isDBName(byName)}
				for _, l := range st.t.Eval(p.Default) {
					if l.Source == cfn.SourceLiteral {
						st.literalCred(u, l)
					}
				}
			}
		}
		if use.cred && !p.NoEcho && !rep.skip(ruleNoEcho) {
			kind := byName
			if !kind.Credential() {
				kind = rep.credName(kindIdent[kindPassword])
				if use.db {
					kind = rep.credName(kindIdent[kindDB])
				}
			}
			rep.addNode(ruleNoEcho, p.Key, 0, 0, false, rep.message(ruleNoEcho, "param", p.Name, "kind", kind.Kind.Title.In(rep.lang())))
		}
	}
}

// notCredentialWords are words of parameter names that say the parameter
// configures a credential rather than holds one: PasswordRotationDays,
// ManageMasterUserPassword, DBSecretStackName, DBPasswordSecretArn.
var notCredentialWords = map[string]bool{"days": true, "rotation": true, "manage": true, "managed": true, "stack": true, "arn": true, "enable": true, "enabled": true, "use": true, "generate": true, "length": true, "exclude": true, "require": true, "min": true, "max": true, "interval": true, "schedule": true}

// nameLike matches values that name a secret or resource: shop/prd/db,
// prd-orders-db.
var nameLike = regexp.MustCompile(`^[a-z0-9]+([._/-][a-z0-9]+)*[/-][a-z0-9._/-]+$`)

// notCredentialParam reports whether a parameter, judged by its name
// alone, cannot carry a credential: a number, a boolean switch, a stack
// name or ARN, a setting of a credential (its rotation, whether it is
// managed), or one whose default names a secret.
func notCredentialParam(p *cfn.Param) bool {
	if p.Type == "Number" || p.Type == "List<Number>" || strings.HasPrefix(p.Type, "AWS::") {
		return true
	}
	if av := cfn.Get(p.Node, "AllowedValues"); av != nil && av.Kind == yaml.SequenceNode && len(av.Content) > 0 {
		all := true
		for _, v := range av.Content {
			all = all && v.Kind == yaml.ScalarNode && boolWord(v.Value)
		}
		if all {
			return true
		}
	}
	for _, w := range match.Words(p.Name) {
		if notCredentialWords[w] {
			return true
		}
	}
	if p.Default != nil && p.Default.Kind == yaml.ScalarNode && cfn.Literal(p.Default) {
		d := strings.TrimSpace(p.Default.Value)
		return boolWord(d) || strings.HasPrefix(d, "arn:") || nameLike.MatchString(d)
	}
	return false
}

func boolWord(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "false", "yes", "no", "enabled", "disabled":
		return true
	}
	return false
}
