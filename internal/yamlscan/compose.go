package yamlscan

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// composeDefault matches a shell-style variable with a default,
// `${DB_PASSWORD:-s3cr3t}` or `${DB_PASSWORD-s3cr3t}`: group 1 is the
// variable, group 2 the default.
var composeDefault = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*):?-([^}]*)\}`)

// composeDocument checks what only docker-compose files hold: the
// defaults of `${VAR:-default}` interpolations, everywhere (service
// environments in map and list form, build args, `x-` extensions and
// anchored blocks). A real-looking default is a hard-coded credential;
// `${DB_PASSWORD}` with no default, or a placeholder default, is fine.
// Literals without interpolation are checked like in any YAML.
func (f *fileScan) composeDocument(doc *yaml.Node) {
	if f.skip(ruleCredential) {
		return
	}
	var path []seg
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				path = append(path, seg{index: i})
				if c.Kind == yaml.ScalarNode {
					if k, _, ok := strings.Cut(c.Value, "="); ok && isEnvName(k) {
						f.composeDefaults(k, c, path)
					}
				}
				walk(c)
				path = path[:len(path)-1]
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				path = append(path, seg{key: k.Value, isKey: true})
				if v.Kind == yaml.ScalarNode {
					f.composeDefaults(k.Value, v, path)
				}
				walk(v)
				path = path[:len(path)-1]
			}
		}
	}
	walk(doc)
}

// composeDefaults reports the real-looking credential defaults of the
// interpolations of scalar n, given to key.
func (f *fileScan) composeDefaults(key string, n *yaml.Node, path []seg) {
	if !literal(n) || !strings.Contains(n.Value, "${") {
		return
	}
	for _, m := range composeDefault.FindAllStringSubmatchIndex(n.Value, -1) {
		def := n.Value[m[4]:m[5]]
		name := f.ident(key).name
		if !name.Credential() {
			name = f.ident(n.Value[m[2]:m[3]]).name
		}
		if !name.Credential() || !f.m.LiteralEnvCredential(ruleCredential, name, def) {
			continue
		}
		place := f.s.Phrase("yaml_default_at", "path", f.pathString(path))
		f.report(ruleCredential, n, m[4], m[5], "kind", name.Kind.Title.In(f.s.Lang), "place", place)
	}
}
