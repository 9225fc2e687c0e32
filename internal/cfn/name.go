package cfn

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// Name returns the text of a node that names something (a Parameter
// Store parameter, a secret, an export): as Flat, with every reference
// to a template parameter (`!Ref P`, `${P}`) replaced by the parameter's
// literal default. A parameter without one stays `${P}` inside a string
// and makes a bare `!Ref P` unknown (ok false): an unknown name is never
// judged. Parameters read from Parameter Store (`AWS::SSM::Parameter::
// Value<…>`) hold a value, not a name, and stay unresolved too.
func (t *Template) Name(n *yaml.Node) (string, bool) {
	return t.name(n, 0)
}

// maxNameDepth bounds the references Name follows.
const maxNameDepth = 8

func (t *Template) name(n *yaml.Node, depth int) (string, bool) {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || depth > maxNameDepth {
		return "", false
	}
	fn, arg := Intrinsic(n)
	switch fn {
	case "":
		if n.Kind == yaml.ScalarNode && Literal(n) {
			return n.Value, true
		}
	case "Ref":
		if arg.Kind == yaml.ScalarNode {
			return t.ParamDefault(arg.Value)
		}
	case "Fn::Sub":
		s, vars := "", (*yaml.Node)(nil)
		switch {
		case arg.Kind == yaml.ScalarNode:
			s = arg.Value
		case arg.Kind == yaml.SequenceNode && len(arg.Content) > 0 && arg.Content[0].Kind == yaml.ScalarNode:
			s = arg.Content[0].Value
			if len(arg.Content) > 1 {
				vars = arg.Content[1]
			}
		default:
			return "", false
		}
		return t.substNames(s, func(v string) *yaml.Node { return Get(vars, v) }, depth), true
	case "Fn::Join":
		if arg.Kind != yaml.SequenceNode || len(arg.Content) != 2 || arg.Content[0].Kind != yaml.ScalarNode {
			return "", false
		}
		list := arg.Content[1]
		if list.Kind != yaml.SequenceNode || IntrinsicName(list) != "" {
			return "", false
		}
		parts := make([]string, len(list.Content))
		for i, e := range list.Content {
			s, ok := t.name(e, depth+1)
			if !ok {
				s = "${…}"
			}
			parts[i] = s
		}
		return strings.Join(parts, arg.Content[0].Value), true
	}
	return "", false
}

// ParamDefault returns the literal default of template parameter name
// when it names something: a String parameter (not read from Parameter
// Store) with a scalar default.
func (t *Template) ParamDefault(name string) (string, bool) {
	p := t.Params[name]
	if p == nil || p.SSMType() || p.Default == nil || p.Default.Kind != yaml.ScalarNode || !Literal(p.Default) {
		return "", false
	}
	return p.Default.Value, true
}

// substNames replaces the variables of a Fn::Sub template that name
// template parameters with defaults (or the values vars gives that Name
// resolves); any other variable is kept as written.
func (t *Template) substNames(s string, vars func(string) *yaml.Node, depth int) string {
	if !strings.Contains(s, "${") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		j += i + 1
		b.WriteString(s[:i])
		v := s[i+2 : j-1]
		text, ok := "", false
		if !strings.HasPrefix(v, "!") {
			if vn := vars(v); vn != nil {
				text, ok = t.name(vn, depth+1)
			} else {
				text, ok = t.ParamDefault(v)
			}
		}
		if !ok || strings.Contains(text, "${") {
			text = s[i:j]
		}
		b.WriteString(text)
		s = s[j:]
	}
	b.WriteString(s)
	return b.String()
}
