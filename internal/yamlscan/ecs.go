package yamlscan

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// ecsDocument checks a standalone ECS task definition (the JSON or YAML
// given to `aws ecs register-task-definition`, ecspresso and the like):
// the same container checks as AWS::ECS::TaskDefinition.
func (f *fileScan) ecsDocument(doc *yaml.Node) {
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	defs := cfn.Get(root, "containerDefinitions")
	if root.Kind == yaml.SequenceNode {
		defs = root // container definitions alone
	}
	sites := containerSites("", defs, nil)
	t := cfn.New(root)
	t.Budget = f.evalBudget()
	runCFN(newCFNState(t, f, sites), []cfnRule{&credRule{}, &exposureRule{}})
}

// ecsSite is what the credential rule learns of an ECS container secret.
type ecsSite struct {
	store cfn.Source // SourceSecretsManager, SourceSSM or SourceUnknown
	param string     // the Parameter Store parameter
	// hier is set when the parameter is named by its text.
	hier bool
}

// collectECS reads an ECS `Secrets` / `SecretOptions` entry: the store
// its ValueFrom points at.
func (st *cfnState) collectECS(s *credSite) {
	t := st.t
	s.u.name = st.r.credName(s.name)
	// A URL (SPRING_DATASOURCE_URL) is configuration unless its value
	// holds a password, which a valueFrom does not show.
	s.u.db = isDBName(s.u.name)
	s.u.subject = st.envSubject(s.owner, s.name)
	e := &s.ecs
	for _, l := range t.Eval(s.v) {
		switch l.Source {
		case cfn.SourceSecretsManager:
			e.store = cfn.SourceSecretsManager
			st.useSecret(l, s.u.db)
		case cfn.SourceSSM:
			e.store, e.param = cfn.SourceSSM, l.Text
		}
	}
	if e.store != cfn.SourceUnknown {
		return
	}
	str, ok := t.Name(s.v)
	if !ok {
		return
	}
	switch {
	case strings.Contains(str, ":secretsmanager:") || strings.Contains(str, "/aws/reference/secretsmanager/"):
		e.store = cfn.SourceSecretsManager
		if !strings.Contains(str, "${") {
			st.useSecret(cfn.Leaf{Text: secretARNName(str)}, s.u.db)
		}
	case strings.HasPrefix(str, "arn:") && strings.Contains(str, ":ssm:"),
		!strings.HasPrefix(str, "arn:") && !strings.HasPrefix(str, "${") && str != "":
		e.store, e.param, e.hier = cfn.SourceSSM, cfn.SSMName(str), true
	}
}

// checkECS reports an ECS container secret read from Parameter Store.
func (st *cfnState) checkECS(s *credSite) {
	e := &s.ecs
	if e.hier {
		st.hierarchyAt(e.param, s.v, 0, 0)
	}
	if e.store != cfn.SourceSSM || !s.u.name.Credential() {
		return
	}
	st.storeFinding(s.u, cfn.Leaf{Source: cfn.SourceSSM, Node: s.v, Text: e.param}, "", true)
}

// secretARNName returns the secret name of a Secrets Manager ARN (without
// the random suffix and JSON key parts), or s.
func secretARNName(s string) string {
	i := strings.Index(s, ":secret:")
	if i < 0 {
		return s
	}
	name := s[i+len(":secret:"):]
	if j := strings.IndexByte(name, ':'); j >= 0 {
		name = name[:j]
	}
	if k := strings.LastIndexByte(name, '-'); k >= 0 && len(name)-k == 7 {
		name = name[:k]
	}
	return name
}

// blankTrailingCommas returns src with the trailing commas of JSON arrays
// and objects (`[1, 2,]`, common in hand-written task definitions)
// replaced by spaces, so that positions stay the same. src is copied only
// when it has one.
func blankTrailingCommas(src []byte) []byte {
	out := src
	inStr := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case !inStr && c == ',':
			j := i + 1
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
				j++
			}
			if j < len(src) && (src[j] == ']' || src[j] == '}') {
				if &out[0] == &src[0] {
					out = append([]byte(nil), src...)
				}
				out[i] = ' '
			}
		}
	}
	return out
}
