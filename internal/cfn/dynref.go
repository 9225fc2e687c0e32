package cfn

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// DynRef is a `{{resolve:service:…}}` dynamic reference.
type DynRef struct {
	Service string // ssm, ssm-secure or secretsmanager
	ID      string // parameter name or secret ID (may hold ${Var})
	Stage   string // secretsmanager version stage
	Version string // ssm version or secretsmanager version ID
	JSONKey string // secretsmanager: the key of the JSON secret, if any
}

// ParseDynRef parses the body of a dynamic reference (after
// `{{resolve:`, before `}}`).
func ParseDynRef(body string) (DynRef, bool) {
	svc, rest, ok := strings.Cut(body, ":")
	if !ok || rest == "" {
		return DynRef{}, false
	}
	d := DynRef{Service: svc}
	switch svc {
	case "ssm", "ssm-secure":
		id := rest
		if strings.HasPrefix(rest, "arn:") {
			// arn:aws:ssm:region:account:parameter/name[:version]
			ps := strings.SplitN(rest, ":", 7)
			if len(ps) == 7 {
				id, d.Version = strings.Join(ps[:6], ":"), ps[6]
			}
		} else if i := strings.LastIndexByte(rest, ':'); i >= 0 {
			if _, err := strconv.Atoi(rest[i+1:]); err == nil {
				id, d.Version = rest[:i], rest[i+1:]
			}
		}
		d.ID = id
	case "secretsmanager":
		ps := strings.Split(rest, ":")
		if ps[0] == "arn" && len(ps) >= 7 {
			d.ID = strings.Join(ps[:7], ":")
			ps = ps[7:]
		} else {
			d.ID = ps[0]
			ps = ps[1:]
		}
		// SecretString:json-key:version-stage:version-id
		if len(ps) > 1 {
			d.JSONKey = ps[1]
		}
		if len(ps) > 2 {
			d.Stage = ps[2]
		}
		if len(ps) > 3 {
			d.Version = ps[3]
		}
	default:
		return DynRef{}, false
	}
	return d, d.ID != ""
}

// SSMName returns the parameter name of an SSM ARN, or s itself.
func SSMName(s string) string {
	if strings.HasPrefix(s, "arn:") {
		if i := strings.Index(s, ":parameter"); i >= 0 {
			return s[i+len(":parameter"):]
		}
	}
	return s
}

// RefSite is a dynamic reference written in a template.
type RefSite struct {
	Ref DynRef
	// Node is the scalar the reference is written in; Start:End the
	// part of its value.
	Node       *yaml.Node
	Start, End int

	t          *Template
	tm         tmpl
	start, end int
}

// Name returns what the reference names, the way template authors write
// it: the logical ID of the secret of the template it resolves, when it
// resolves one alone, else its ID.
func (s RefSite) Name() string {
	if ls := s.t.dynRefLeaf(s.tm, s.start, s.end, nil, 0); len(ls) == 1 {
		return ls[0].Text
	}
	return s.Ref.ID
}

// WalkDynRefs calls fn for each well-formed dynamic reference under n, in
// document order: in scalars (plain strings and Fn::Sub templates) and in
// the text Fn::Join lists build.
func (t *Template) WalkDynRefs(n *yaml.Node, fn func(RefSite)) {
	if t.NoDynRefs {
		return
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if strings.Contains(n.Value, "{{resolve:") {
			t.refsIn(tmpl{s: n.Value, n: n}, fn)
		}
		return
	case yaml.SequenceNode:
		if shortTag(n.Tag) == "Fn::Join" {
			if tm, ok := t.join(n); ok && strings.Contains(tm.s, "{{resolve:") {
				t.refsIn(tm, fn)
			}
		}
	case yaml.MappingNode:
		if f, arg := Intrinsic(n); f == "Fn::Join" {
			if tm, ok := t.join(arg); ok && strings.Contains(tm.s, "{{resolve:") {
				t.refsIn(tm, fn)
			}
		}
	}
	for _, c := range n.Content {
		t.WalkDynRefs(c, fn)
	}
}

func (t *Template) refsIn(tm tmpl, fn func(RefSite)) {
	s := tm.s
	for i := 0; ; {
		j := strings.Index(s[i:], "{{resolve:")
		if j < 0 {
			return
		}
		start := i + j
		end := DynRefEnd(s, start)
		if end < 0 {
			return
		}
		i = end
		d, ok := ParseDynRef(s[start+len("{{resolve:") : end-2])
		if !ok {
			continue
		}
		n, vs, ve := tm.at(start, end)
		if n == nil {
			continue
		}
		fn(RefSite{Ref: d, Node: n, Start: vs, End: ve, t: t, tm: tm, start: start, end: end})
	}
}

// DynRefEnd returns the offset just past the `}}` that closes the dynamic
// reference starting at s[start] (`{{resolve:`), or -1. A `${…}` variable
// inside it (`{{resolve:secretsmanager:${DBSecret}}}`) does not close it.
func DynRefEnd(s string, start int) int {
	depth := 0
	for i := start + 2; i < len(s); i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
		case s[i] == '}' && depth > 0:
			depth--
		case s[i] == '}' && i+1 < len(s) && s[i+1] == '}':
			return i + 2
		}
	}
	return -1
}
