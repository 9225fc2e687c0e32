package yamlscan

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/awsguard/secretlint/internal/cfn"
	"github.com/awsguard/secretlint/internal/match"
)

// containerArray reports whether a document is ECS container definitions
// alone: a sequence of mappings with a name and an image, as Terraform's
// `container_definitions` files and ecs-cli take them.
func containerArray(doc *yaml.Node) bool {
	root := docRoot(doc)
	if root.Kind != yaml.SequenceNode || len(root.Content) == 0 {
		return false
	}
	for _, c := range root.Content {
		if c.Kind != yaml.MappingNode || cfn.Get(c, "image") == nil || cfn.Get(c, "name") == nil {
			return false
		}
	}
	return true
}

// templateTolerant returns src ready to parse when it is a template:
// Helm chart templates, and Terraform `.json.tpl` files whose unquoted
// `${…}` interpolations become numbers of the same length.
func templateTolerant(rel string, src []byte) []byte {
	lower := strings.ToLower(rel)
	if strings.HasSuffix(lower, ".json.tpl") {
		return blankTrailingCommas(tfInterpolations(src))
	}
	return helmTolerant(rel, jinjaLines(src))
}

// jinjaLines blanks the lines that hold nothing but a Jinja statement
// (`{% raw %}`, `{% endraw %}`), as documentation sites wrap YAML
// snippets. Such a line is never YAML: `%` cannot start a token.
func jinjaLines(src []byte) []byte {
	if !bytes.Contains(src, []byte("{%")) {
		return src
	}
	var out []byte
	for off := 0; off < len(src); {
		end := len(src)
		if n := bytes.IndexByte(src[off:], '\n'); n >= 0 {
			end = off + n
		}
		line := bytes.TrimSpace(src[off:end])
		if bytes.HasPrefix(line, []byte("{%")) && bytes.HasSuffix(line, []byte("%}")) {
			if out == nil {
				out = bytes.Clone(src)
			}
			blank(out[off:end])
		}
		off = end + 1
	}
	if out == nil {
		return src
	}
	return out
}

// tfInterpolations replaces the `${…}` of src that stand outside a JSON
// string (`"cpu": ${cpu}`) with digits, keeping positions.
func tfInterpolations(src []byte) []byte {
	if !bytes.Contains(src, []byte("${")) {
		return src
	}
	out := bytes.Clone(src)
	inStr := false
	for i := 0; i < len(out); i++ {
		switch c := out[i]; {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case !inStr && c == '$' && i+1 < len(out) && out[i+1] == '{':
			j := bytes.IndexByte(out[i:], '}')
			if j < 0 {
				return out
			}
			for k := i; k <= i+j; k++ {
				if out[k] != '\n' {
					out[k] = '1'
				}
			}
			i += j
		}
	}
	return out
}

// literalNamed reports whether v, given to key, is a literal credential
// of name. The value of an environment variable is judged by the
// variable's name alone.
func (f *fileScan) literalNamed(key string, withContext bool, name match.Name, v string) bool {
	if f.esoKeyName(key) {
		return false
	}
	if !withContext && isUpperEnvName(key) {
		return f.m.LiteralEnvCredential(ruleCredential, name, v)
	}
	return f.m.LiteralCredential(ruleCredential, name, v)
}

// isUpperEnvName reports whether s is an environment variable name in
// the usual form: upper case, digits and underscores.
func isUpperEnvName(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// esoKeyName reports whether key is the `secretKey` of an External
// Secrets `spec.data` item (or its `match`): the name of a key of the
// Kubernetes Secret, never a secret.
func (f *fileScan) esoKeyName(key string) bool {
	if key != "secretKey" || len(f.path) < 3 || f.path[0].key != "spec" {
		return false
	}
	for _, s := range f.path {
		if s.isKey && s.key == "data" {
			return true
		}
	}
	return false
}
