package cfn

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Resource types and names the model knows.
const (
	TypeSecret           = "AWS::SecretsManager::Secret"
	TypeTargetAttachment = "AWS::SecretsManager::SecretTargetAttachment"
	TypeSSMParameter     = "AWS::SSM::Parameter"
	// TransformSecretsManager is the transform hosted rotation needs.
	TransformSecretsManager = "AWS::SecretsManager-2020-07-23"
	// ssmParamTypeStart starts the parameter types read from Parameter Store.
	ssmParamTypeStart = "AWS::SSM::Parameter::Value<"
)

// Template is one CloudFormation or SAM template: its sections indexed
// by name. Values are evaluated lazily, where a check needs them.
type Template struct {
	Root      *yaml.Node
	Params    map[string]*Param
	Resources map[string]*Resource
	// Order is the resources in template order.
	Order    []*Resource
	Mappings *yaml.Node
	Outputs  *yaml.Node
	Metadata *yaml.Node
	Globals  *yaml.Node
	// TransformSM is set when the template uses the Secrets Manager
	// transform, which hosted rotation needs.
	TransformSM bool
	// Budget is the work budget of the evaluations; templates of one
	// file share one. Eval makes one when it is nil.
	Budget *Budget
	// NoDynRefs is set by a caller that knows the template's text holds
	// no dynamic reference: WalkDynRefs then walks nothing.
	NoDynRefs bool
}

// Param is a template parameter.
type Param struct {
	Name    string
	Key     *yaml.Node // the parameter's name, where it is declared
	Type    string
	NoEcho  bool
	Default *yaml.Node
	// Node is the parameter's declaration (a mapping), or nil.
	Node *yaml.Node
}

// SSMType reports whether the parameter is read from Parameter Store
// (`AWS::SSM::Parameter::Value<…>`).
func (p *Param) SSMType() bool { return strings.HasPrefix(p.Type, ssmParamTypeStart) }

// DefaultText returns the literal default of the parameter, or its name.
func (p *Param) DefaultText() string {
	if p.Default != nil && p.Default.Kind == yaml.ScalarNode && Literal(p.Default) {
		return p.Default.Value
	}
	return p.Name
}

// Resource is a resource of a template.
type Resource struct {
	ID    string
	Key   *yaml.Node // the logical ID, where it is declared
	Node  *yaml.Node
	Type  string
	Props *yaml.Node
}

// Prop returns a property of the resource (any case), or nil.
func (r *Resource) Prop(name string) *yaml.Node { return Get(r.Props, name) }

// New returns an empty model rooted at root: no sections are read. It
// serves documents that share the evaluator without being templates
// (standalone ECS task definitions).
func New(root *yaml.Node) *Template {
	return &Template{
		Root:      root,
		Params:    map[string]*Param{},
		Resources: map[string]*Resource{},
	}
}

// Parse indexes the template of a document (or of its root mapping). It
// returns nil when the root is not a mapping.
func Parse(doc *yaml.Node) *Template {
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil
	}
	t := New(root)
	t.index()
	return t
}

// index reads the sections of the template.
func (t *Template) index() {
	root := t.Root
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		switch k.Value {
		case "Parameters":
			t.indexParams(v)
		case "Resources":
			t.indexResources(v)
		case "Mappings":
			t.Mappings = v
		case "Outputs":
			t.Outputs = v
		case "Metadata":
			t.Metadata = v
		case "Globals":
			t.Globals = v
		case "Transform":
			for _, s := range Scalars(v) {
				if s.Value == TransformSecretsManager {
					t.TransformSM = true
				}
			}
		}
	}
}

func (t *Template) indexParams(m *yaml.Node) {
	if m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		p := &Param{Name: k.Value, Key: k}
		if v.Kind == yaml.MappingNode {
			p.Node = v
			p.Type = ScalarValue(Get(v, "Type"))
			if n := Get(v, "NoEcho"); n != nil {
				p.NoEcho = strings.EqualFold(n.Value, "true")
			}
			p.Default = Get(v, "Default")
		}
		t.Params[k.Value] = p
	}
}

func (t *Template) indexResources(m *yaml.Node) {
	if m.Kind != yaml.MappingNode {
		return
	}
	all := make([]Resource, len(m.Content)/2) // one allocation for the resources
	t.Order = slices.Grow(t.Order, len(all))
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.MappingNode {
			continue
		}
		r := &all[i/2]
		*r = Resource{ID: k.Value, Key: k, Node: v, Type: ScalarValue(Get(v, "Type")), Props: Get(v, "Properties")}
		if r.Props != nil && r.Props.Kind == yaml.AliasNode {
			r.Props = r.Props.Alias
		}
		t.Resources[k.Value] = r
		t.Order = append(t.Order, r)
	}
}

// ParamNames returns the names of the parameters in template order.
func (t *Template) ParamNames() []string {
	ps := Get(t.Root, "Parameters")
	if ps == nil || ps.Kind != yaml.MappingNode {
		return nil
	}
	out := make([]string, 0, len(ps.Content)/2)
	for i := 0; i < len(ps.Content); i += 2 {
		if t.Params[ps.Content[i].Value] != nil {
			out = append(out, ps.Content[i].Value)
		}
	}
	return out
}

// LiteralProp returns the text of a property of a resource that names
// something (see Name), or def.
func (t *Template) LiteralProp(r *Resource, name, def string) string {
	if n := r.Prop(name); n != nil {
		if s, ok := t.Name(n); ok {
			return s
		}
	}
	return def
}

// SecretByName returns the logical ID of the secret of the template whose
// Name is name or is named by the ARN name, or "".
func (t *Template) SecretByName(name string) string {
	for _, r := range t.Order {
		if r.Type != TypeSecret {
			continue
		}
		if n, ok := t.Name(r.Prop("Name")); ok && n != "" && SecretNameMatches(name, n) {
			return r.ID
		}
	}
	return ""
}

// SecretNameMatches reports whether a secret ID (a name or an ARN) names
// the secret called name.
func SecretNameMatches(id, name string) bool {
	if id == name {
		return true
	}
	i := strings.Index(id, ":secret:")
	if !strings.HasPrefix(id, "arn:") || i < 0 {
		return false
	}
	rest := id[i+len(":secret:"):]
	return rest == name || strings.HasPrefix(rest, name+"-") && len(rest) == len(name)+7
}

// ExportNames returns the export names (without variables) of the
// outputs whose value refers to the secret of logical ID id.
func (t *Template) ExportNames(id string) []string {
	if t.Outputs == nil || t.Outputs.Kind != yaml.MappingNode {
		return nil
	}
	var out []string
	for i := 1; i < len(t.Outputs.Content); i += 2 {
		o := t.Outputs.Content[i]
		name, ok := t.Name(Get(Get(o, "Export"), "Name"))
		if !ok || name == "" || strings.Contains(name, "${") {
			continue
		}
		for _, l := range t.Eval(Get(o, "Value")) {
			if l.Secret == id {
				out = append(out, name)
				break
			}
		}
	}
	return out
}

// Get returns the value of key in mapping m (any case, aliases followed),
// or nil.
func Get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && strings.EqualFold(k.Value, key) {
			v := m.Content[i+1]
			if v.Kind == yaml.AliasNode && v.Alias != nil {
				v = v.Alias
			}
			return v
		}
	}
	return nil
}

// GetPair returns the key and value nodes of key in mapping m (any case),
// or nils.
func GetPair(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && strings.EqualFold(k.Value, key) {
			return k, m.Content[i+1]
		}
	}
	return nil, nil
}

// ScalarValue returns the value of a scalar node, or "".
func ScalarValue(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}

// Scalars returns n if it is a scalar, or the scalar items of a sequence.
func Scalars(n *yaml.Node) []*yaml.Node {
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.ScalarNode:
		return []*yaml.Node{n}
	case n.Kind == yaml.SequenceNode:
		var out []*yaml.Node
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode {
				out = append(out, c)
			}
		}
		return out
	}
	return nil
}

// IsTrue reports whether n is a literal true.
func IsTrue(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && strings.EqualFold(n.Value, "true")
}

// Literal reports whether a scalar is a literal string or number, not a
// reference: CloudFormation intrinsics (`!Ref`, `!Sub`, `!GetAtt`…),
// tags that name a value kept elsewhere (`!secret`, `!env_var`,
// `!include`…, an Ansible vault), booleans, nulls and binary values are
// not. Any other local tag (`!Vault`, `!Custom`) keeps its value: the
// text written is what the tool reading it gets.
func Literal(n *yaml.Node) bool {
	switch n.Tag {
	case "", "!", "!!str", "!!int", "!!float":
		return true
	}
	if len(n.Tag) < 2 || n.Tag[0] != '!' || n.Tag[1] == '!' || shortTag(n.Tag) != "" {
		return false
	}
	if referenceTags[strings.ToLower(n.Tag[1:])] || strings.HasPrefix(strings.ToLower(n.Tag), "!include") {
		return false
	}
	return !strings.HasPrefix(strings.TrimSpace(n.Value), "$ANSIBLE_VAULT;")
}

// referenceTags are local tags, in lower case without the '!', whose
// value names a value kept elsewhere (Home Assistant, ESPHome, GitLab CI,
// PyYAML env loaders, Ansible).
var referenceTags = map[string]bool{
	"secret": true, "env": true, "env_var": true, "input": true,
	"reference": true, "lambda": true, "extend": true,
}
