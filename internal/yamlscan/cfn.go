package yamlscan

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Rule IDs of the CloudFormation, SAM and ECS checks.
const (
	ruleDBInPS        = "db-credential-in-parameter-store"
	ruleSecretInPS    = "secret-in-parameter-store"
	rulePlainParam    = "plaintext-secret-parameter"
	ruleNotManaged    = "db-credential-not-managed"
	ruleNoEcho        = "secret-parameter-without-noecho"
	ruleRotation      = "secret-rotation-missing"
	ruleUnrotated     = "unrotated-secret-in-secrets-manager"
	ruleExposed       = "secret-exposed-in-plaintext"
	ruleVersionPin    = "rotation-breaking-version-pin"
	ruleBroadAccess   = "broad-secret-access"
	rulePublicPolicy  = "public-secret-policy"
	ruleCustomerKey   = "secret-without-customer-kms-key"
	ruleHierarchy     = "parameter-name-not-hierarchical"
	transformSM       = "AWS::SecretsManager-2020-07-23"
	typeSecret        = "AWS::SecretsManager::Secret"
	typeRotation      = "AWS::SecretsManager::RotationSchedule"
	typeTargetAttach  = "AWS::SecretsManager::SecretTargetAttachment"
	typeResPolicy     = "AWS::SecretsManager::ResourcePolicy"
	typeSSMParameter  = "AWS::SSM::Parameter"
	typeTaskDef       = "AWS::ECS::TaskDefinition"
	typeLambda        = "AWS::Lambda::Function"
	typeSAMFunction   = "AWS::Serverless::Function"
	ssmParamTypeStart = "AWS::SSM::Parameter::Value<"
)

// cfnTemplate is one CloudFormation or SAM template: its sections indexed
// by name. Values are evaluated lazily, where a check needs them.
type cfnTemplate struct {
	f         *fileScan
	root      *yaml.Node
	params    map[string]*cfnParam
	resources map[string]*cfnResource
	order     []*cfnResource
	mappings  *yaml.Node
	outputs   *yaml.Node
	metadata  *yaml.Node
	globals   *yaml.Node
	// transformSM is set when the template uses the Secrets Manager
	// transform, which hosted rotation needs.
	transformSM bool

	// dbSecrets are the logical IDs of secrets holding DB credentials,
	// with the use that says so; usedSecrets those any credential uses.
	dbSecrets   map[string]bool
	usedSecrets map[string]bool
	// rotated are the logical IDs of secrets a rotation schedule names.
	rotated map[string]bool
	// defaults are the parameter defaults already judged.
	defaults map[*cfnParam]bool
}

// cfnParam is a template parameter.
type cfnParam struct {
	name   string
	key    *yaml.Node // the parameter's name, where it is declared
	typ    string
	noEcho bool
	def    *yaml.Node
	// cred is the name of the credential the parameter feeds, by use or
	// by its own name; db is set when that is a DB credential.
	cred bool
	db   bool
}

func (p *cfnParam) ssmType() bool { return strings.HasPrefix(p.typ, ssmParamTypeStart) }

// defaultText returns the literal default of the parameter, or its name.
func (p *cfnParam) defaultText() string {
	if p.def != nil && p.def.Kind == yaml.ScalarNode && literal(p.def) {
		return p.def.Value
	}
	return p.name
}

// cfnResource is a resource of a template.
type cfnResource struct {
	id    string
	key   *yaml.Node
	node  *yaml.Node
	typ   string
	props *yaml.Node
}

// cfnDocument runs the CloudFormation checks on a template.
func (f *fileScan) cfnDocument(doc *yaml.Node) {
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return
	}
	t := newCFNTemplate(f, root)
	t.index()
	t.check()
}

// index reads the sections of the template.
func (t *cfnTemplate) index() {
	root := t.root
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
			t.mappings = v
		case "Outputs":
			t.outputs = v
		case "Metadata":
			t.metadata = v
		case "Globals":
			t.globals = v
		case "Transform":
			for _, s := range scalars(v) {
				if s.Value == transformSM {
					t.transformSM = true
				}
			}
		}
	}
}

func (t *cfnTemplate) indexParams(m *yaml.Node) {
	if m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		p := &cfnParam{name: k.Value, key: k}
		if v.Kind == yaml.MappingNode {
			p.typ = scalarValue(get(v, "Type"))
			if n := get(v, "NoEcho"); n != nil {
				p.noEcho = strings.EqualFold(n.Value, "true")
			}
			p.def = get(v, "Default")
		}
		t.params[k.Value] = p
	}
}

func (t *cfnTemplate) indexResources(m *yaml.Node) {
	if m.Kind != yaml.MappingNode {
		return
	}
	all := make([]cfnResource, len(m.Content)/2) // one allocation for the resources
	t.order = slices.Grow(t.order, len(all))
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.MappingNode {
			continue
		}
		r := &all[i/2]
		*r = cfnResource{id: k.Value, key: k, node: v, typ: scalarValue(get(v, "Type")), props: get(v, "Properties")}
		if r.props != nil && r.props.Kind == yaml.AliasNode {
			r.props = r.props.Alias
		}
		t.resources[k.Value] = r
		t.order = append(t.order, r)
	}
}

// get returns the value of key in mapping m (any case), or nil.
func get(m *yaml.Node, key string) *yaml.Node {
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

// getPair returns the key and value nodes of key in mapping m.
func getPair(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
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

func scalarValue(n *yaml.Node) string {
	if n != nil && n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}

// scalars returns n if it is a scalar, or the scalar items of a sequence.
func scalars(n *yaml.Node) []*yaml.Node {
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

// isTrue reports whether n is a literal true.
func isTrue(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && strings.EqualFold(n.Value, "true")
}

// prop returns a property of a resource.
func (t *cfnTemplate) prop(r *cfnResource, name string) *yaml.Node { return get(r.props, name) }

// literalProp returns a literal property of a resource, or def.
func (t *cfnTemplate) literalProp(r *cfnResource, name, def string) string {
	if n := t.prop(r, name); n != nil {
		if s, ok := t.flat(n); ok {
			return s
		}
	}
	return def
}

// check runs every template check.
func (t *cfnTemplate) check() {
	t.metaSuppressions()
	for _, r := range t.order {
		t.credentialProps(r)
		switch r.typ {
		case typeLambda, typeSAMFunction:
			if env := get(get(r.props, "Environment"), "Variables"); env != nil {
				t.envVars(r.id, env)
			}
		case typeTaskDef:
			t.containers(r.id, get(r.props, "ContainerDefinitions"))
		case typeTargetAttach:
			t.targetAttachment(r)
		}
	}
	if fn := get(t.globals, "Function"); fn != nil {
		if env := get(get(fn, "Environment"), "Variables"); env != nil {
			t.envVars("Globals", env)
		}
	}
	for _, r := range t.order {
		switch r.typ {
		case typeRotation:
			t.rotationSchedule(r)
		case typeSSMParameter:
			t.ssmParameter(r)
		case typeResPolicy:
			t.resourcePolicy(r)
		}
		t.iamPolicies(r)
		t.customerKey(r)
		t.exposure(get(r.node, "Metadata"), r.id, placeMetadata)
		t.exposure(get(r.props, "Tags"), r.id, placeTags)
	}
	t.exposure(t.metadata, "", placeMetadata)
	if t.outputs != nil && t.outputs.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(t.outputs.Content); i += 2 {
			t.exposure(get(t.outputs.Content[i+1], "Value"), t.outputs.Content[i].Value, placeOutput)
		}
	}
	for _, r := range t.order {
		if r.typ == typeSecret {
			t.secret(r)
		}
	}
	t.parameters()
	t.dynRefs(t.root)
}

// newCFNTemplate makes the model of a template (or of a standalone ECS task
// definition, which shares the container checks) rooted at root.
func newCFNTemplate(f *fileScan, root *yaml.Node) *cfnTemplate {
	return &cfnTemplate{
		f:           f,
		root:        root,
		params:      map[string]*cfnParam{},
		resources:   map[string]*cfnResource{},
		dbSecrets:   map[string]bool{},
		usedSecrets: map[string]bool{},
		rotated:     map[string]bool{},
		defaults:    map[*cfnParam]bool{},
	}
}
