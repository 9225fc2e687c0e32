package yamlscan

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// serverlessDocument checks a serverless.yml: the `${ssm:…}` variables
// (db-credential-in-parameter-store, secret-in-parameter-store,
// parameter-name-not-hierarchical; secret-exposed-in-plaintext for a
// Secrets Manager secret resolved into environment variables), the IAM
// statements of the provider (broad-secret-access), environment variables
// that name a DB-credential parameter the role may read, and
// `resources.Resources` with every CloudFormation rule.
func (f *fileScan) serverlessDocument(root *yaml.Node) {
	sv := &slsVars{root: root}
	st := f.appState(root)
	var ssmAction string
	for _, list := range slsStatements(root) {
		if !f.skip(ruleBroadAccess) {
			st.policyDoc(list.owner, &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "Statement"}, list.stmts}})
		}
		if ssmAction == "" {
			ssmAction = ssmReadAction(list.stmts)
		}
	}
	walkScalars(root, nil, func(p []string, n *yaml.Node) {
		if !literal(n) {
			return
		}
		owner, env, isEnv := slsEnv(p)
		refs := sv.ssmRefs(n.Value)
		for _, ref := range refs {
			f.slsRef(st, ref, p, n, owner, env, isEnv)
		}
		if !isEnv || len(refs) > 0 {
			return
		}
		value := n.Value
		if t := sv.selfTarget(n.Value); t != nil {
			// A value reused from elsewhere is judged where it is
			// written; only its exposure, and the name it passes, are
			// judged here.
			for _, ref := range sv.ssmRefs(t.Value) {
				if strings.HasPrefix(ref.name, secretsManagerRef) {
					f.slsExposed(n, 0, 0, ref.name, owner)
				}
			}
			value, _ = sv.expand(t.Value, 0)
		}
		if ssmAction != "" && ssmPath(value) {
			f.slsParamName(n, value, env, owner, ssmAction)
		}
	})
	if res := getPath(root, "resources"); res != nil && res.Kind == yaml.MappingNode {
		if t := cfn.Parse(res); t != nil && len(t.Order) > 0 {
			t.Budget = f.evalBudget()
			f.metaSuppressions(t)
			runCFN(newCFNState(t, f, templateSites(t)), templateRules())
		}
	}
}

// slsRef checks one `${ssm:…}` variable of scalar n at key path p.
func (f *fileScan) slsRef(st *cfnState, ref slsRef, p []string, n *yaml.Node, owner, env string, isEnv bool) {
	if strings.HasPrefix(ref.name, secretsManagerRef) {
		if isEnv {
			f.slsExposed(n, ref.start, ref.end, ref.name, owner)
		}
		return
	}
	if ref.resolved {
		st.hierarchyAt(ref.name, n, ref.start, ref.end)
	}
	key := f.keyName(keysOf(p))
	subject := f.s.Phrase("yaml_value_at", "path", joinPath(p))
	if isEnv {
		key = f.ident(env).name
		subject = f.s.Phrase("cfn_env_subject_of", "name", env, "owner", owner)
	}
	kind, ok := f.storeKind(key, ref.name)
	if !ok {
		return
	}
	f.storeAt(kind, n, ref.start, ref.end, "resolve", subject, ref.name, f.s.Phrase("sls_ssm_variable"))
}

// slsExposed reports a Secrets Manager secret resolved into environment
// variables.
func (f *fileScan) slsExposed(n *yaml.Node, vs, ve int, name, owner string) {
	if f.skip(ruleExposed) {
		return
	}
	source := f.s.Phrase("cfn_source_secret", "name", strings.TrimPrefix(name, secretsManagerRef))
	place := f.s.Phrase("cfn_place_env_of", "owner", owner)
	f.addNode(ruleExposed, n, vs, ve, false, f.s.Message(ruleExposed, "source", source, "place", place))
}

// slsParamName reports an environment variable that names a parameter
// holding a DB credential, which the function reads from Parameter Store
// with the role's ssm:GetParameter* grant.
func (f *fileScan) slsParamName(n *yaml.Node, value, env, owner, action string) {
	param := cfn.SSMName(strings.TrimSpace(value))
	kind := f.ident(env).name
	if kind.Kind == nil || kind.Kind.ID != kindDB && kind.Kind.ID != kindDBTerm {
		kind = f.ident(param).name
	}
	kind.Reference = false
	if !isDBName(kind) {
		return
	}
	subject := f.s.Phrase("cfn_env_subject_of", "name", env, "owner", owner)
	f.storeAt(kind, n, 0, 0, "", subject, param, f.s.Phrase("sls_param_env", "action", action))
}

// slsEnv reports whether key path p is an environment variable of the
// provider or of a function, and whose.
func slsEnv(p []string) (owner, name string, ok bool) {
	switch {
	case len(p) == 3 && p[0] == "provider" && p[1] == "environment":
		return "provider", p[2], true
	case len(p) == 4 && p[0] == "functions" && p[2] == "environment":
		return "functions." + p[1], p[3], true
	}
	return "", "", false
}

// keysOf drops the sequence indices of a key path.
func keysOf(p []string) []string {
	out := make([]string, 0, len(p))
	for _, s := range p {
		if !strings.HasPrefix(s, "[") {
			out = append(out, s)
		}
	}
	return out
}

// slsStatementList is a list of IAM statements and whose they are.
type slsStatementList struct {
	owner string
	stmts *yaml.Node
}

// slsStatements returns the IAM statements of the provider's role:
// `provider.iam.role.statements` and the older `provider.iamRoleStatements`.
func slsStatements(root *yaml.Node) []slsStatementList {
	var out []slsStatementList
	if s := getPath(root, "provider", "iam", "role", "statements"); s != nil && s.Kind == yaml.SequenceNode {
		out = append(out, slsStatementList{"provider.iam.role", s})
	}
	if s := getPath(root, "provider", "iamRoleStatements"); s != nil && s.Kind == yaml.SequenceNode {
		out = append(out, slsStatementList{"provider.iamRoleStatements", s})
	}
	return out
}

// ssmReadActions are the actions that read parameter values.
var ssmReadActions = []string{"ssm:getparameter", "ssm:getparameters", "ssm:getparametersbypath"}

// ssmReadAction returns an allowed action of the statements that reads
// parameter values, or "".
func ssmReadAction(stmts *yaml.Node) string {
	for _, s := range stmts.Content {
		if cfn.ScalarValue(cfn.Get(s, "Effect")) != "Allow" {
			continue
		}
		for _, a := range cfn.Scalars(cfn.Get(s, "Action")) {
			la := strings.ToLower(strings.TrimSpace(a.Value))
			for _, r := range ssmReadActions {
				if ok, _ := path.Match(la, r); ok {
					return a.Value
				}
			}
		}
	}
	return ""
}
