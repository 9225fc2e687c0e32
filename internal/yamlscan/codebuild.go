package yamlscan

import (
	"go.yaml.in/yaml/v3"
)

// buildspecDocument checks a CodeBuild buildspec: `env.parameter-store`
// variables that hold secrets (db-credential-in-parameter-store,
// secret-in-parameter-store; parameter-name-not-hierarchical for every
// name) and the `aws ssm` commands of its phases (see shellSteps).
// `env.secrets-manager` is the good case; literal `env.variables` are the
// generic checks' part.
func (f *fileScan) buildspecDocument(root *yaml.Node) {
	st := f.appState(root)
	if ps := getPath(root, "env", "parameter-store"); ps != nil && ps.Kind == yaml.MappingNode {
		evidence := f.s.Phrase("buildspec_parameter_store")
		for i := 0; i+1 < len(ps.Content); i += 2 {
			k, v := ps.Content[i], ps.Content[i+1]
			if v.Kind != yaml.ScalarNode || !literal(v) || v.Value == "" {
				continue
			}
			st.hierarchyAt(v.Value, v, 0, 0)
			if kind, ok := f.storeKind(f.ident(k.Value).name, v.Value); ok {
				subject := f.s.Phrase("cfn_env_subject", "name", k.Value)
				f.storeAt(kind, v, 0, 0, "", subject, v.Value, evidence)
			}
		}
	}
	phases := getPath(root, "phases")
	if phases == nil || phases.Kind != yaml.MappingNode {
		return
	}
	for i := 1; i < len(phases.Content); i += 2 {
		for _, list := range []string{"commands", "finally"} {
			if cmds := getPath(phases.Content[i], list); cmds != nil && cmds.Kind == yaml.SequenceNode {
				for _, c := range cmds.Content {
					if c.Kind == yaml.ScalarNode {
						f.shellSteps(c)
					}
				}
			}
		}
	}
}
