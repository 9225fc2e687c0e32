package yamlscan

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
)

// hierarchyRule reports Parameter Store names outside the configured
// hierarchy (parameter-name-not-hierarchical): the defaults of parameters
// read from Parameter Store and the parameters dynamic references
// resolve. The names of AWS::SSM::Parameter resources and of ECS
// container secrets are checked by the rules that read them.
type hierarchyRule struct{ noCollect }

func (hierarchyRule) check(st *cfnState) {
	if st.r.skip(ruleHierarchy) {
		return
	}
	t := st.t
	for _, k := range t.ParamNames() {
		if p := t.Params[k]; p.SSMType() && p.Default != nil && p.Default.Kind == yaml.ScalarNode {
			st.hierarchyAt(p.Default.Value, p.Default, 0, 0)
		}
	}
	for _, s := range st.dynRefs() {
		switch s.Ref.Service {
		case "ssm", "ssm-secure":
			if !strings.HasPrefix(s.Ref.ID, "/aws/reference/secretsmanager/") {
				st.hierarchyAt(cfn.SSMName(s.Ref.ID), s.Node, s.Start, s.End)
			}
		}
	}
}

var subVarRx = regexp.MustCompile(`\$\{[^}]*\}`)

// hierarchyAt reports a Parameter Store name outside the configured
// hierarchy, at n.Value[vs:ve].
func (st *cfnState) hierarchyAt(name string, n *yaml.Node, vs, ve int) {
	rep := st.r
	if rep.skip(ruleHierarchy) || name == "" {
		return
	}
	if strings.Contains(name, "${…}") || strings.IndexByte(name, 0) >= 0 {
		return // a part that cannot be resolved: not judged
	}
	if m := subVarRx.FindStringIndex(name); m != nil && m[0] == 0 && strings.Contains(name[m[1]:], "/") {
		// `${Path}/${Name}`: a name with a slash starts with one, so
		// the leading variable is a path of any number of segments.
		if p := st.t.Params[name[2:m[1]-1]]; p == nil || p.Default == nil || !cfn.Literal(p.Default) {
			return
		}
	}
	plain := name
	if strings.Contains(plain, "${") {
		// A template parameter names by its default; other variables
		// (pseudo parameters, attributes) stand for one segment.
		plain = subVarRx.ReplaceAllStringFunc(plain, func(v string) string {
			if p := st.t.Params[v[2:len(v)-1]]; p != nil && p.Default != nil && p.Default.Kind == yaml.ScalarNode && cfn.Literal(p.Default) && !strings.Contains(p.Default.Value, "/") {
				return p.Default.Value
			}
			return "x"
		})
	}
	hier, text := rep.hierarchy()
	if strings.HasPrefix(plain, "/aws/") || hier.MatchString(plain) {
		return
	}
	rep.addNode(ruleHierarchy, n, vs, ve, false, rep.message(ruleHierarchy, "param", name, "pattern", text))
}
