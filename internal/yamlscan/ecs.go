package yamlscan

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ecsDocument checks a standalone ECS task definition (the JSON or YAML
// given to `aws ecs register-task-definition`, ecspresso and the like):
// the same container checks as AWS::ECS::TaskDefinition.
func (f *fileScan) ecsDocument(doc *yaml.Node) {
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	t := newCFNTemplate(f, root)
	t.containers("", get(root, "containerDefinitions"))
}

// containers checks the container definitions of a task definition:
// keys are matched in any case, so CloudFormation's PascalCase and the
// ECS API's camelCase both work.
func (t *cfnTemplate) containers(owner string, defs *yaml.Node) {
	if defs == nil || defs.Kind != yaml.SequenceNode {
		return
	}
	prefix := "containerDefinitions"
	if owner != "" {
		prefix = "Resources." + owner + ".Properties.ContainerDefinitions"
	}
	for i, c := range defs.Content {
		if c.Kind != yaml.MappingNode {
			continue
		}
		cname := scalarValue(get(c, "Name"))
		who := owner
		if cname != "" {
			who = strings.TrimPrefix(owner+"/"+cname, "/")
		}
		at := prefix + "[" + strconv.Itoa(i) + "]"
		if env := get(c, "Environment"); env != nil && env.Kind == yaml.SequenceNode {
			for j, e := range env.Content {
				name := scalarValue(get(e, "Name"))
				if name == "" {
					continue
				}
				t.envVar(who, name, at+".environment["+strconv.Itoa(j)+"].value", get(e, "Value"))
			}
		}
		t.ecsSecrets(who, get(c, "Secrets"))
		t.ecsSecrets(who, get(get(c, "LogConfiguration"), "SecretOptions"))
	}
}

// ecsSecrets checks `Secrets` / `SecretOptions` entries: the store each
// ValueFrom points at.
func (t *cfnTemplate) ecsSecrets(owner string, list *yaml.Node) {
	if list == nil || list.Kind != yaml.SequenceNode {
		return
	}
	f := t.f
	for _, e := range list.Content {
		name := scalarValue(get(e, "Name"))
		vf := get(e, "ValueFrom")
		if name == "" || vf == nil {
			continue
		}
		id := f.ident(name).name
		// A URL (SPRING_DATASOURCE_URL) is configuration unless its value
		// holds a password, which a valueFrom does not show.
		db := isDBName(id)
		u := credUse{subject: t.envSubject(owner, name), name: id, db: db}
		store, param := srcUnknown, ""
		for _, l := range t.eval(vf, nil) {
			switch l.kind {
			case srcSecretsManager:
				store = srcSecretsManager
				t.useSecret(l, db)
			case srcSSM:
				store, param = srcSSM, l.text
			}
		}
		if store == srcUnknown {
			if s, ok := t.flat(vf); ok {
				switch {
				case strings.Contains(s, ":secretsmanager:") || strings.Contains(s, "/aws/reference/secretsmanager/"):
					store = srcSecretsManager
					if !strings.Contains(s, "${") {
						t.useSecret(leaf{text: secretARNName(s)}, db)
					}
				case strings.HasPrefix(s, "arn:") && strings.Contains(s, ":ssm:"),
					!strings.HasPrefix(s, "arn:") && !strings.HasPrefix(s, "${") && s != "":
					store, param = srcSSM, ssmName(s)
					t.hierarchy(param, vf)
				}
			}
		}
		if store != srcSSM || !id.Credential() {
			continue
		}
		t.storeFinding(u, leaf{kind: srcSSM, n: vf, text: param, ecs: true}, "")
	}
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
