package yamlscan

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// srcKind is where a CloudFormation value comes from, once its intrinsic
// functions are evaluated.
type srcKind uint8

const (
	srcUnknown        srcKind = iota // an attribute, an import, a pseudo parameter
	srcLiteral                       // text written in the template
	srcNoValue                       // AWS::NoValue: the property is not set
	srcSecretsManager                // a dynamic reference, ARN, Ref or GetAtt of a secret
	srcSSMSecure                     // {{resolve:ssm-secure:…}}
	srcSSM                           // a String parameter: {{resolve:ssm:…}}, an SSM parameter type, GetAtt Param.Value
	srcParam                         // a template parameter
)

// leaf is one possible value of an expression: with `!If`, `!FindInMap`
// and `!Select` an expression has several.
type leaf struct {
	kind srcKind
	// n is the scalar the value is written in; vs:ve the part of its
	// value (ve 0: all of it).
	n      *yaml.Node
	vs, ve int
	// text is the literal text, or the name of the parameter or secret.
	text string
	// param is the template parameter of srcParam (and of srcSSM when it
	// comes from an SSM parameter type).
	param *cfnParam
	// secret is the logical ID of the AWS::SecretsManager::Secret.
	secret string
	// ref is the dynamic reference the value comes from, if any.
	ref *dynRef
	// ecs is set for the valueFrom of an ECS container secret.
	ecs bool
}

// dynRef is a `{{resolve:service:…}}` dynamic reference.
type dynRef struct {
	service string // ssm, ssm-secure or secretsmanager
	id      string // parameter name or secret ID (may hold ${Var})
	stage   string // secretsmanager version stage
	version string // ssm version or secretsmanager version ID
}

const maxEvalDepth = 24

// eval returns the possible values of node n, appended to out.
func (t *cfnTemplate) eval(n *yaml.Node, out []leaf) []leaf {
	return t.evalDepth(n, out, 0)
}

func (t *cfnTemplate) evalDepth(n *yaml.Node, out []leaf, depth int) []leaf {
	if n == nil || depth > maxEvalDepth {
		return out
	}
	depth++
	if n.Kind == yaml.AliasNode {
		return t.evalDepth(n.Alias, out, depth)
	}
	fn, arg := intrinsic(n)
	switch fn {
	case "":
	case "Ref":
		if arg.Kind == yaml.ScalarNode {
			return t.ref(arg.Value, arg, out)
		}
		return out
	case "Fn::Sub":
		return t.sub(arg, out, depth)
	case "Fn::Join":
		tm, ok := t.join(arg)
		if !ok {
			return append(out, leaf{kind: srcUnknown, n: arg})
		}
		return t.template(tm, out, depth)
	case "Fn::If":
		if arg.Kind == yaml.SequenceNode && len(arg.Content) == 3 {
			out = t.evalDepth(arg.Content[1], out, depth)
			return t.evalDepth(arg.Content[2], out, depth)
		}
		return out
	case "Fn::GetAtt":
		return t.getAtt(arg, out)
	case "Fn::FindInMap":
		return t.findInMap(arg, out, depth)
	case "Fn::Select":
		if arg.Kind == yaml.SequenceNode && len(arg.Content) == 2 {
			list := arg.Content[1]
			if list.Kind == yaml.SequenceNode && intrinsicName(list) == "" {
				if i, err := strconv.Atoi(arg.Content[0].Value); err == nil && i >= 0 && i < len(list.Content) {
					return t.evalDepth(list.Content[i], out, depth)
				}
				for _, c := range list.Content {
					out = t.evalDepth(c, out, depth)
				}
				return out
			}
			return t.evalDepth(list, out, depth)
		}
		return out
	case "Fn::Split":
		if arg.Kind == yaml.SequenceNode && len(arg.Content) == 2 {
			return t.evalDepth(arg.Content[1], out, depth)
		}
		return out
	case "Fn::Base64":
		return t.evalDepth(arg, out, depth)
	default: // Fn::ImportValue, Fn::GetAZs, Fn::Cidr, Fn::Transform, Condition…
		return append(out, leaf{kind: srcUnknown, n: arg})
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if !literal(n) {
			return out // booleans, nulls
		}
		return t.template(tmpl{s: n.Value, n: n}, out, depth)
	case yaml.SequenceNode:
		for _, c := range n.Content {
			out = t.evalDepth(c, out, depth)
		}
	}
	return out
}

// intrinsic returns the intrinsic function of a node (`Ref`, `Fn::Sub`…)
// in short (`!Sub`) or long (`{Fn::Sub: …}`) form, and its argument.
func intrinsic(n *yaml.Node) (string, *yaml.Node) {
	if n == nil {
		return "", nil
	}
	if name := shortTag(n.Tag); name != "" {
		return name, n
	}
	if n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Kind == yaml.ScalarNode {
		k := n.Content[0].Value
		if k == "Ref" || k == "Condition" || strings.HasPrefix(k, "Fn::") {
			arg := n.Content[1]
			if arg.Kind == yaml.AliasNode && arg.Alias != nil {
				arg = arg.Alias
			}
			return k, arg
		}
	}
	return "", nil
}

func intrinsicName(n *yaml.Node) string {
	fn, _ := intrinsic(n)
	return fn
}

// shortTag maps a short-form tag to its function name.
func shortTag(tag string) string {
	if len(tag) < 2 || tag[0] != '!' || tag[1] == '!' {
		return ""
	}
	switch name := tag[1:]; name {
	case "Ref", "Condition":
		return name
	case "Sub", "Join", "If", "GetAtt", "FindInMap", "Select", "Split", "Base64",
		"ImportValue", "GetAZs", "Cidr", "Transform", "Equals", "And", "Or", "Not", "Length", "ToJsonString":
		return "Fn::" + name
	}
	return ""
}

// ref evaluates `Ref name`.
func (t *cfnTemplate) ref(name string, n *yaml.Node, out []leaf) []leaf {
	switch {
	case name == "AWS::NoValue":
		return append(out, leaf{kind: srcNoValue, n: n})
	case strings.HasPrefix(name, "AWS::"):
		return append(out, leaf{kind: srcUnknown, n: n})
	}
	if p := t.params[name]; p != nil {
		if p.ssmType() {
			return append(out, leaf{kind: srcSSM, n: n, text: p.defaultText(), param: p})
		}
		return append(out, leaf{kind: srcParam, n: n, text: name, param: p})
	}
	if r := t.resources[name]; r != nil {
		switch r.typ {
		case typeSecret:
			return append(out, leaf{kind: srcSecretsManager, n: n, text: name, secret: name})
		case typeTargetAttach:
			// Ref of an attachment is the ARN of its secret.
			if id := t.prop(r, "SecretId"); id != nil && id != n {
				for _, l := range t.eval(id, nil) {
					if l.kind == srcSecretsManager {
						l.n = n
						out = append(out, l)
					}
				}
				return out
			}
		case typeSSMParameter:
			return append(out, leaf{kind: srcSSM, n: n, text: t.literalProp(r, "Name", name)})
		}
	}
	return append(out, leaf{kind: srcUnknown, n: n})
}

// getAtt evaluates `Fn::GetAtt` in its string (`X.Attr`) or list form.
func (t *cfnTemplate) getAtt(arg *yaml.Node, out []leaf) []leaf {
	var res, attr string
	switch arg.Kind {
	case yaml.ScalarNode:
		res, attr, _ = strings.Cut(arg.Value, ".")
	case yaml.SequenceNode:
		if len(arg.Content) == 2 {
			res, attr = arg.Content[0].Value, arg.Content[1].Value
		}
	}
	return t.attr(res, attr, arg, out)
}

func (t *cfnTemplate) attr(res, attr string, n *yaml.Node, out []leaf) []leaf {
	if r := t.resources[res]; r != nil {
		switch {
		case r.typ == typeSecret:
			return append(out, leaf{kind: srcSecretsManager, n: n, text: res, secret: res})
		case r.typ == typeSSMParameter && attr == "Value":
			return append(out, leaf{kind: srcSSM, n: n, text: t.literalProp(r, "Name", res)})
		case strings.HasPrefix(attr, "MasterUserSecret.") || strings.HasPrefix(attr, "MasterPasswordSecret"):
			return append(out, leaf{kind: srcSecretsManager, n: n, text: res})
		}
	}
	return append(out, leaf{kind: srcUnknown, n: n})
}

// findInMap evaluates `Fn::FindInMap`: every entry a non-literal key may
// select.
func (t *cfnTemplate) findInMap(arg *yaml.Node, out []leaf, depth int) []leaf {
	if arg.Kind != yaml.SequenceNode || len(arg.Content) < 3 || t.mappings == nil {
		return append(out, leaf{kind: srcUnknown, n: arg})
	}
	level := []*yaml.Node{t.mappings}
	for _, key := range arg.Content[:3] {
		var next []*yaml.Node
		for _, m := range level {
			if m.Kind != yaml.MappingNode {
				continue
			}
			for i := 0; i+1 < len(m.Content); i += 2 {
				if key.Kind != yaml.ScalarNode || !literal(key) || m.Content[i].Value == key.Value {
					next = append(next, m.Content[i+1])
				}
			}
		}
		level = next
	}
	for _, v := range level {
		out = t.evalDepth(v, out, depth)
	}
	return out
}

// tmpl is a string to evaluate: a literal, a `Fn::Sub` template or the
// text a `Fn::Join` builds.
type tmpl struct {
	s string
	// n is the scalar holding s when s is its value; parts map offsets of
	// s to the scalars of a joined string otherwise.
	n     *yaml.Node
	parts []tmplPart
	// sub is set for Fn::Sub: ${Var} and ${Res.Attr} are substituted.
	sub  bool
	vars map[string]*yaml.Node
}

// tmplPart says that s[at:] starts with n.Value.
type tmplPart struct {
	at int
	n  *yaml.Node
}

var joinVarRx = regexp.MustCompile(`\$\{\x00[0-9]+\}`)

// joinVar prefixes the names of the variables standing for the
// non-literal elements of a Fn::Join.
const joinVar = "\x00"

// at maps s[i:j] to a scalar and a part of its value.
func (tm *tmpl) at(i, j int) (*yaml.Node, int, int) {
	if tm.n != nil {
		return tm.n, i, j
	}
	var p tmplPart
	for _, q := range tm.parts {
		if q.at <= i {
			p = q
		}
	}
	if p.n == nil {
		return nil, 0, 0
	}
	vs, ve := i-p.at, j-p.at
	if vs > len(p.n.Value) {
		return p.n, 0, 0
	}
	if ve > len(p.n.Value) {
		ve = len(p.n.Value)
	}
	return p.n, vs, ve
}

// sub evaluates a Fn::Sub argument: a string or [string, {vars}].
func (t *cfnTemplate) sub(arg *yaml.Node, out []leaf, depth int) []leaf {
	switch arg.Kind {
	case yaml.ScalarNode:
		return t.template(tmpl{s: arg.Value, n: arg, sub: true}, out, depth)
	case yaml.SequenceNode:
		if len(arg.Content) == 0 || arg.Content[0].Kind != yaml.ScalarNode {
			break
		}
		tm := tmpl{s: arg.Content[0].Value, n: arg.Content[0], sub: true}
		if len(arg.Content) > 1 && arg.Content[1].Kind == yaml.MappingNode {
			m := arg.Content[1]
			tm.vars = make(map[string]*yaml.Node, len(m.Content)/2)
			for i := 0; i+1 < len(m.Content); i += 2 {
				tm.vars[m.Content[i].Value] = m.Content[i+1]
			}
		}
		return t.template(tm, out, depth)
	}
	return append(out, leaf{kind: srcUnknown, n: arg})
}

// join builds the text of a Fn::Join: literal elements as they are,
// other elements as variables.
func (t *cfnTemplate) join(arg *yaml.Node) (tmpl, bool) {
	if arg.Kind != yaml.SequenceNode || len(arg.Content) != 2 || arg.Content[0].Kind != yaml.ScalarNode {
		return tmpl{}, false
	}
	delim, list := arg.Content[0], arg.Content[1]
	if list.Kind != yaml.SequenceNode || intrinsicName(list) != "" {
		return tmpl{}, false
	}
	var b strings.Builder
	tm := tmpl{sub: true, vars: map[string]*yaml.Node{}}
	for i, e := range list.Content {
		if i > 0 && delim.Value != "" {
			tm.parts = append(tm.parts, tmplPart{at: b.Len(), n: delim})
			b.WriteString(delim.Value)
		}
		if e.Kind == yaml.ScalarNode && intrinsicName(e) == "" && literal(e) {
			tm.parts = append(tm.parts, tmplPart{at: b.Len(), n: e})
			b.WriteString(e.Value)
			continue
		}
		name := joinVar + strconv.Itoa(i)
		tm.vars[name] = e
		tm.parts = append(tm.parts, tmplPart{at: b.Len(), n: e})
		b.WriteString("${" + name + "}")
	}
	tm.s = b.String()
	return tm, true
}

// template evaluates a string: the dynamic references in it, the
// variables it substitutes, or the literal it is.
func (t *cfnTemplate) template(tm tmpl, out []leaf, depth int) []leaf {
	s := tm.s
	refs := 0
	vars := 0
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "{{resolve:")
		k := -1
		if tm.sub {
			k = strings.Index(s[i:], "${")
		}
		switch {
		case j < 0 && k < 0:
			i = len(s)
			continue
		case j >= 0 && (k < 0 || j < k):
			start := i + j
			end := strings.Index(s[start:], "}}")
			if end < 0 {
				i = len(s)
				continue
			}
			end += start + 2
			refs++
			out = t.dynRefLeaf(tm, start, end, out, depth)
			i = end
		default:
			start := i + k
			end := strings.IndexByte(s[start:], '}')
			if end < 0 {
				i = len(s)
				continue
			}
			end += start + 1
			name := s[start+2 : end-1]
			i = end
			if strings.HasPrefix(name, "!") || !strings.HasPrefix(name, joinVar) && tm.n == nil {
				continue // ${!Literal}, or ${…} in the literal text of a Fn::Join
			}
			vars++
			out = t.subVar(tm, name, start, end, out, depth)
		}
	}
	if refs == 0 && vars == 0 {
		n, vs, ve := tm.at(0, len(s))
		if n != nil {
			out = append(out, leaf{kind: srcLiteral, n: n, vs: vs, ve: ve, text: s})
		}
	}
	return out
}

// subVar evaluates the variable ${name} of a template.
func (t *cfnTemplate) subVar(tm tmpl, name string, start, end int, out []leaf, depth int) []leaf {
	n, _, _ := tm.at(start, end)
	if v, ok := tm.vars[name]; ok {
		return t.evalDepth(v, out, depth)
	}
	if res, attr, ok := strings.Cut(name, "."); ok && !strings.HasPrefix(name, "AWS::") {
		return t.attr(res, attr, n, out)
	}
	return t.ref(name, n, out)
}

// dynRefLeaf evaluates the dynamic reference s[start:end] of a template.
func (t *cfnTemplate) dynRefLeaf(tm tmpl, start, end int, out []leaf, depth int) []leaf {
	d, ok := parseDynRef(tm.s[start+len("{{resolve:") : end-2])
	n, vs, ve := tm.at(start, end)
	if !ok || n == nil {
		return out
	}
	l := leaf{n: n, vs: vs, ve: ve, ref: &d, text: d.id}
	if strings.Contains(l.text, "${"+joinVar) {
		// A Fn::Join element: name it the way CloudFormation users write it.
		l.text = joinVarRx.ReplaceAllString(l.text, "${…}")
	}
	switch {
	case d.service == "secretsmanager" || strings.HasPrefix(strings.TrimPrefix(d.id, "/"), "aws/reference/secretsmanager/"):
		l.kind = srcSecretsManager
		// The secret may be named by a variable: ${DbSecret}.
		if tm.sub && strings.HasPrefix(d.id, "${") && strings.HasSuffix(d.id, "}") && strings.Count(d.id, "${") == 1 {
			name := d.id[2 : len(d.id)-1]
			var vl []leaf
			if v, ok := tm.vars[name]; ok {
				vl = t.evalDepth(v, nil, depth)
			} else if !strings.Contains(name, ".") {
				vl = t.ref(name, n, nil)
			}
			for _, x := range vl {
				if x.secret != "" {
					l.secret = x.secret
					l.text = x.secret
				}
			}
		}
	case d.service == "ssm-secure":
		l.kind = srcSSMSecure
	case d.service == "ssm":
		l.kind = srcSSM
	default:
		return out
	}
	return append(out, l)
}

// parseDynRef parses the body of a dynamic reference (after
// `{{resolve:`, before `}}`).
func parseDynRef(body string) (dynRef, bool) {
	svc, rest, ok := strings.Cut(body, ":")
	if !ok || rest == "" {
		return dynRef{}, false
	}
	d := dynRef{service: svc}
	switch svc {
	case "ssm", "ssm-secure":
		id := rest
		if strings.HasPrefix(rest, "arn:") {
			// arn:aws:ssm:region:account:parameter/name[:version]
			ps := strings.SplitN(rest, ":", 7)
			if len(ps) == 7 {
				id, d.version = strings.Join(ps[:6], ":"), ps[6]
			}
		} else if i := strings.LastIndexByte(rest, ':'); i >= 0 {
			if _, err := strconv.Atoi(rest[i+1:]); err == nil {
				id, d.version = rest[:i], rest[i+1:]
			}
		}
		d.id = id
	case "secretsmanager":
		ps := strings.Split(rest, ":")
		if ps[0] == "arn" && len(ps) >= 7 {
			d.id = strings.Join(ps[:7], ":")
			ps = ps[7:]
		} else {
			d.id = ps[0]
			ps = ps[1:]
		}
		// SecretString:json-key:version-stage:version-id
		if len(ps) > 2 {
			d.stage = ps[2]
		}
		if len(ps) > 3 {
			d.version = ps[3]
		}
	default:
		return dynRef{}, false
	}
	return d, d.id != ""
}

// ssmName returns the parameter name of an SSM ARN, or s itself.
func ssmName(s string) string {
	if strings.HasPrefix(s, "arn:") {
		if i := strings.Index(s, ":parameter"); i >= 0 {
			return s[i+len(":parameter"):]
		}
	}
	return s
}

// flat returns the text of a string-valued node with its variables left
// as ${…}: a literal, a Fn::Sub template or a Fn::Join.
func (t *cfnTemplate) flat(n *yaml.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	fn, arg := intrinsic(n)
	switch fn {
	case "":
		if n.Kind == yaml.ScalarNode && literal(n) {
			return n.Value, true
		}
	case "Fn::Sub":
		if arg.Kind == yaml.ScalarNode {
			return arg.Value, true
		}
		if arg.Kind == yaml.SequenceNode && len(arg.Content) > 0 && arg.Content[0].Kind == yaml.ScalarNode {
			return arg.Content[0].Value, true
		}
	case "Fn::Join":
		if tm, ok := t.join(arg); ok {
			return tm.s, true
		}
	}
	return "", false
}
