package cfn

import (
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Source is where a CloudFormation value comes from, once its intrinsic
// functions are evaluated.
type Source uint8

const (
	SourceUnknown        Source = iota // an attribute, an import, a pseudo parameter
	SourceLiteral                      // text written in the template
	SourceNoValue                      // AWS::NoValue: the property is not set
	SourceSecretsManager               // a dynamic reference, ARN, Ref or GetAtt of a secret
	SourceSSMSecure                    // {{resolve:ssm-secure:…}}
	SourceSSM                          // a String parameter: {{resolve:ssm:…}}, an SSM parameter type, GetAtt Param.Value
	SourceParam                        // a template parameter
)

// Leaf is one possible value of an expression: with `!If`, `!FindInMap`
// and `!Select` an expression has several.
type Leaf struct {
	Source Source
	// Node is the scalar the value is written in (or the node of the
	// intrinsic function); Start:End the part of its value (End 0: all
	// of it).
	Node       *yaml.Node
	Start, End int
	// Text is the literal text, or the name of the parameter or secret.
	Text string
	// Param is the template parameter of SourceParam (and of SourceSSM
	// when it comes from an SSM parameter type).
	Param *Param
	// Secret is the logical ID of the AWS::SecretsManager::Secret.
	Secret string
	// Ref is the dynamic reference the value comes from, if any.
	Ref *DynRef
}

// Eval returns the possible values of node n. An evaluation that runs out
// of the work budget (see Budget) returns the values found so far and an
// unknown value standing for the rest; the budget records it.
func (t *Template) Eval(n *yaml.Node) []Leaf {
	b := t.budget()
	if !b.begin() {
		return []Leaf{{Source: SourceUnknown, Node: n}}
	}
	out := t.evalDepth(n, nil, 0)
	if b.stop {
		b.end(n)
		out = append(out, Leaf{Source: SourceUnknown, Node: n})
	}
	return out
}

// budget returns the work budget of the template, making one if needed.
func (t *Template) budget() *Budget {
	if t.Budget == nil {
		t.Budget = &Budget{}
	}
	return t.Budget
}

func (t *Template) evalDepth(n *yaml.Node, out []Leaf, depth int) []Leaf {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || !t.budget().step(depth, len(out)) {
		return out
	}
	depth++
	fn, arg := Intrinsic(n)
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
			return append(out, Leaf{Source: SourceUnknown, Node: arg})
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
		return t.selectFn(arg, out, depth)
	case "Fn::Split":
		if arg.Kind == yaml.SequenceNode && len(arg.Content) == 2 {
			return t.evalDepth(arg.Content[1], out, depth)
		}
		return out
	case "Fn::Base64":
		if arg == n {
			// The short form: the argument is the tagged node itself.
			return t.untagged(n, out, depth)
		}
		return t.evalDepth(arg, out, depth)
	default: // Fn::ImportValue, Fn::GetAZs, Fn::Cidr, Fn::Transform, Condition…
		return append(out, Leaf{Source: SourceUnknown, Node: arg})
	}
	return t.plain(n, out, depth)
}

// plain evaluates a node that is no intrinsic function: a string, or
// the items of a list.
func (t *Template) plain(n *yaml.Node, out []Leaf, depth int) []Leaf {
	switch n.Kind {
	case yaml.ScalarNode:
		if !Literal(n) {
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

// untagged evaluates a node as if it had no tag.
func (t *Template) untagged(n *yaml.Node, out []Leaf, depth int) []Leaf {
	switch n.Kind {
	case yaml.ScalarNode:
		return t.template(tmpl{s: n.Value, n: n}, out, depth)
	case yaml.SequenceNode:
		for _, c := range n.Content {
			out = t.evalDepth(c, out, depth)
		}
	}
	return out
}

// selectFn evaluates `Fn::Select`: the item a literal index selects, or
// every item.
func (t *Template) selectFn(arg *yaml.Node, out []Leaf, depth int) []Leaf {
	if arg.Kind != yaml.SequenceNode || len(arg.Content) != 2 {
		return out
	}
	list := arg.Content[1]
	if list.Kind != yaml.SequenceNode || IntrinsicName(list) != "" {
		return t.evalDepth(list, out, depth)
	}
	if i, err := strconv.Atoi(arg.Content[0].Value); err == nil && i >= 0 && i < len(list.Content) {
		return t.evalDepth(list.Content[i], out, depth)
	}
	for _, c := range list.Content {
		out = t.evalDepth(c, out, depth)
	}
	return out
}

// Intrinsic returns the intrinsic function of a node (`Ref`, `Fn::Sub`…)
// in short (`!Sub`) or long (`{Fn::Sub: …}`) form, and its argument.
func Intrinsic(n *yaml.Node) (string, *yaml.Node) {
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

// IntrinsicName returns the intrinsic function of a node, or "".
func IntrinsicName(n *yaml.Node) string {
	fn, _ := Intrinsic(n)
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
func (t *Template) ref(name string, n *yaml.Node, out []Leaf) []Leaf {
	switch {
	case name == "AWS::NoValue":
		return append(out, Leaf{Source: SourceNoValue, Node: n})
	case strings.HasPrefix(name, "AWS::"):
		return append(out, Leaf{Source: SourceUnknown, Node: n})
	}
	if p := t.Params[name]; p != nil {
		if p.SSMType() {
			return append(out, Leaf{Source: SourceSSM, Node: n, Text: p.DefaultText(), Param: p})
		}
		return append(out, Leaf{Source: SourceParam, Node: n, Text: name, Param: p})
	}
	if r := t.Resources[name]; r != nil {
		switch r.Type {
		case TypeSecret:
			return append(out, Leaf{Source: SourceSecretsManager, Node: n, Text: name, Secret: name})
		case TypeTargetAttachment:
			// Ref of an attachment is the ARN of its secret.
			if id := r.Prop("SecretId"); id != nil && id != n {
				for _, l := range t.evalDepth(id, nil, 0) {
					if l.Source == SourceSecretsManager {
						l.Node = n
						out = append(out, l)
					}
				}
				return out
			}
		case TypeSSMParameter:
			return append(out, Leaf{Source: SourceSSM, Node: n, Text: t.LiteralProp(r, "Name", name)})
		}
	}
	return append(out, Leaf{Source: SourceUnknown, Node: n})
}

// getAtt evaluates `Fn::GetAtt` in its string (`X.Attr`) or list form.
func (t *Template) getAtt(arg *yaml.Node, out []Leaf) []Leaf {
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

func (t *Template) attr(res, attr string, n *yaml.Node, out []Leaf) []Leaf {
	if r := t.Resources[res]; r != nil {
		switch {
		case r.Type == TypeSecret:
			return append(out, Leaf{Source: SourceSecretsManager, Node: n, Text: res, Secret: res})
		case r.Type == TypeSSMParameter && attr == "Value":
			return append(out, Leaf{Source: SourceSSM, Node: n, Text: t.LiteralProp(r, "Name", res)})
		case strings.HasPrefix(attr, "MasterUserSecret.") || strings.HasPrefix(attr, "MasterPasswordSecret"):
			return append(out, Leaf{Source: SourceSecretsManager, Node: n, Text: res})
		}
	}
	return append(out, Leaf{Source: SourceUnknown, Node: n})
}

// findInMap evaluates `Fn::FindInMap`: every entry a non-literal key may
// select.
func (t *Template) findInMap(arg *yaml.Node, out []Leaf, depth int) []Leaf {
	if arg.Kind != yaml.SequenceNode || len(arg.Content) < 3 || t.Mappings == nil {
		return append(out, Leaf{Source: SourceUnknown, Node: arg})
	}
	level := []*yaml.Node{t.Mappings}
	for _, key := range arg.Content[:3] {
		var next []*yaml.Node
		for _, m := range level {
			if m.Kind != yaml.MappingNode {
				continue
			}
			for i := 0; i+1 < len(m.Content); i += 2 {
				if !t.budget().step(depth, len(out)) {
					return out
				}
				if key.Kind != yaml.ScalarNode || !Literal(key) || m.Content[i].Value == key.Value {
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
func (t *Template) sub(arg *yaml.Node, out []Leaf, depth int) []Leaf {
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
	return append(out, Leaf{Source: SourceUnknown, Node: arg})
}

// join builds the text of a Fn::Join: literal elements as they are,
// other elements as variables.
func (t *Template) join(arg *yaml.Node) (tmpl, bool) {
	if arg.Kind != yaml.SequenceNode || len(arg.Content) != 2 || arg.Content[0].Kind != yaml.ScalarNode {
		return tmpl{}, false
	}
	delim, list := arg.Content[0], arg.Content[1]
	if list.Kind != yaml.SequenceNode || IntrinsicName(list) != "" {
		return tmpl{}, false
	}
	var b strings.Builder
	tm := tmpl{sub: true, vars: map[string]*yaml.Node{}}
	for i, e := range list.Content {
		if i > 0 && delim.Value != "" {
			tm.parts = append(tm.parts, tmplPart{at: b.Len(), n: delim})
			b.WriteString(delim.Value)
		}
		if e.Kind == yaml.ScalarNode && IntrinsicName(e) == "" && Literal(e) {
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
func (t *Template) template(tm tmpl, out []Leaf, depth int) []Leaf {
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
			end := DynRefEnd(s, start)
			if end < 0 {
				i = len(s)
				continue
			}
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
			out = append(out, Leaf{Source: SourceLiteral, Node: n, Start: vs, End: ve, Text: s})
		}
	}
	return out
}

// subVar evaluates the variable ${name} of a template.
func (t *Template) subVar(tm tmpl, name string, start, end int, out []Leaf, depth int) []Leaf {
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
func (t *Template) dynRefLeaf(tm tmpl, start, end int, out []Leaf, depth int) []Leaf {
	d, ok := ParseDynRef(tm.s[start+len("{{resolve:") : end-2])
	n, vs, ve := tm.at(start, end)
	if !ok || n == nil {
		return out
	}
	l := Leaf{Node: n, Start: vs, End: ve, Ref: &d, Text: d.ID}
	if tm.sub && strings.Contains(l.Text, "${") {
		// A name built from template parameters names by their defaults.
		l.Text = t.substNames(l.Text, func(v string) *yaml.Node { return tm.vars[v] }, depth)
	}
	if strings.Contains(l.Text, "${"+joinVar) {
		// A Fn::Join element: name it the way CloudFormation users write it.
		l.Text = joinVarRx.ReplaceAllString(l.Text, "${…}")
	}
	switch {
	case d.Service == "secretsmanager" || strings.HasPrefix(strings.TrimPrefix(d.ID, "/"), "aws/reference/secretsmanager/"):
		l.Source = SourceSecretsManager
		// The secret may be named by a variable: ${DbSecret}.
		if tm.sub && strings.HasPrefix(d.ID, "${") && strings.HasSuffix(d.ID, "}") && strings.Count(d.ID, "${") == 1 {
			name := d.ID[2 : len(d.ID)-1]
			var vl []Leaf
			if v, ok := tm.vars[name]; ok {
				vl = t.evalDepth(v, nil, depth)
			} else if !strings.Contains(name, ".") {
				vl = t.ref(name, n, nil)
			}
			for _, x := range vl {
				if x.Secret != "" {
					l.Secret = x.Secret
					l.Text = x.Secret
				}
			}
		}
	case d.Service == "ssm-secure":
		l.Source = SourceSSMSecure
	case d.Service == "ssm":
		l.Source = SourceSSM
	default:
		return out
	}
	return append(out, l)
}

// Flat returns the text of a string-valued node with its variables left
// as ${…}: a literal, a Fn::Sub template or a Fn::Join.
func (t *Template) Flat(n *yaml.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	fn, arg := Intrinsic(n)
	switch fn {
	case "":
		if n.Kind == yaml.ScalarNode && Literal(n) {
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
			// The join's own variables are internal: name them the way
			// users write an unknown part.
			return joinVarRx.ReplaceAllString(tm.s, "${…}"), true
		}
	}
	return "", false
}
